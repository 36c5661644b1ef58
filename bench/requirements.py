"""Benchmark: requirement parsing over every criterion text of the bundled acts.

The criterion texts are taken once from the positions layer's extraction; then each parser is
timed alone over all of them (best of N runs, CPU time: the
machine is shared, and wall time under load says more about the neighbours than about the code).  Run: ``.venv/bin/python bench/requirements.py``.
"""

from __future__ import annotations

import time

from kzqual.bundled import act_paths
from kzqual.positions import extract
from kzqual.positions.meta import read_act_meta
from kzqual.positions.requirements import (
    canonical_category,
    parse_competence,
    parse_duties,
    parse_education,
    parse_experience,
    parse_grades,
)
from kzqual.text import read

RUNS = 7


def _inputs() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {k: [] for k in ("education", "experience", "grades", "competence", "duties", "category")}
    for path in act_paths():
        ct = read(path)
        lang = "ru" if path.name.startswith("ru") else "kk"
        for pos in extract(ct, read_act_meta(ct)).positions:
            out["education"].append((pos.education.text, lang))
            out["experience"].append((pos.experience.text, lang))
            out["competence"].append((pos.competence.text, lang))
            out["duties"].extend((d, lang) for d in ["; ".join(pos.duties)] if d)
            out["category"].append((pos.category_raw or "", lang))
            if pos.grades:
                out["grades"].append((pos.experience.text, lang))
    return out


def main() -> None:
    inputs = _inputs()
    fns = {
        "education": lambda t, lang: parse_education(t, lang, None),
        "experience": lambda t, lang: parse_experience(t, lang, None),
        "grades": lambda t, lang: parse_grades(t, lang, None),
        "competence": lambda t, lang: parse_competence(t, lang, None),
        "duties": lambda t, lang: parse_duties(t, lang),
        "category": lambda t, lang: canonical_category(t),
    }
    total_calls = 0
    total_time = 0.0
    for name, fn in fns.items():
        items = inputs[name]
        best = float("inf")
        for _ in range(RUNS):
            t0 = time.process_time()
            for text, lang in items:
                fn(text, lang)
            best = min(best, time.process_time() - t0)
        total_calls += len(items)
        total_time += best
        print(f"{name:11s} {len(items):5d} calls  {best * 1000:7.1f} ms  {best / max(1, len(items)) * 1e6:6.0f} µs/call")
    print(f"{'all':11s} {total_calls:5d} calls  {total_time * 1000:7.1f} ms")
    sub = [("education", 1.0), ("experience", 1.0)]
    n = sum(len(inputs[k]) for k, _ in sub)
    print(f"education + experience only: {n} calls")


if __name__ == "__main__":
    main()
