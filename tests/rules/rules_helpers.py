"""Helpers of the eligibility engine's tests (a uniquely named module: tests/ has no packages)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from kzqual.rules import taxonomy as tx
from kzqual.rules.compile import Compiler, References
from kzqual.rules.evaluate import explain
from kzqual.rules.metrics import compute_metrics
from kzqual.rules.policy import DEFAULT
from kzqual.rules.profile import Profile

AS_OF = date(2024, 1, 1)


def profile(education=(), work=(), degree=None, **stated) -> Profile:
    """A profile from short tuples: education ("higher", "экономика", flags...) and work dicts;
    ``stated``: what the person states (special_training=True, computer_skills=True)."""
    edu = []
    for e in education:
        if isinstance(e, dict):
            edu.append(e)
        else:
            level, field = e[0], (e[1] if len(e) > 1 else None)
            edu.append({"level": level, "field": field})
    return Profile.model_validate({"education": edu, "work": list(work),
                                   "academic_degree": {"kind": degree} if degree else None, **stated})


def job(start: str, end: str | None = None, **flags) -> dict:
    return {"employer": flags.pop("employer", "X"), "start": start, "end": end, **flags}


def verdict(pos, prof, *, taxonomy=None, policy=DEFAULT, refs=None, as_of=AS_OF):
    tax = taxonomy if taxonomy is not None else tx.bundled()
    m = compute_metrics(prof, as_of, tax.resolve)
    return explain(Compiler(tax, refs or References()).compile(pos), m, policy)


def run(*args: str) -> subprocess.CompletedProcess:
    """``kzqual ARGS…`` as a real process (exit code, stdout, stderr)."""
    return subprocess.run([sys.executable, "-m", "kzqual.cli", *args], capture_output=True, text=True, timeout=120)
