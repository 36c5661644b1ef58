"""Synthetic people for benchmarks and equivalence tests (never used to decide anything).

:func:`profiles` draws realistic profiles (education from the taxonomy's own names plus unknown
ones, overlapping work periods, ladder grades and categories); :func:`metric_columns` draws a
metrics matrix directly, for screening a million people without building a million objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np

from kzqual.rules.profile import Profile
from kzqual.rules.taxonomy import Taxonomy

LEVELS = ("general_secondary", "technical_vocational", "post_secondary", "higher", "postgraduate")
GRADES = ("инспектор без категории", "инспектор второй категории", "инспектор первой категории",
          "инспектор высшей категории", "С-5", "С-4", "С-3", "C-O-4", "главный специалист", None)


def _names(tax: Taxonomy) -> list[str]:
    out = []
    for g in tax.groups:
        for s in g.specialties:
            for names in s.names.values():
                out.extend(names[:1])
    return sorted(set(out)) or ["экономика"]


def profiles(n: int, taxonomy: Taxonomy, seed: int = 0, as_of: date = date(2024, 1, 1)) -> list[Profile]:
    rng = np.random.default_rng(seed)
    names = _names(taxonomy) + ["ветеринария", "медицина", None]
    out = []
    for i in range(n):
        edu = []
        for _ in range(int(rng.integers(0, 3))):
            lv = LEVELS[int(rng.choice(5, p=[0.1, 0.2, 0.05, 0.5, 0.15]))]
            edu.append({"level": lv, "field": names[int(rng.integers(len(names)))],
                        "foreign_priority_programme": bool(rng.random() < 0.05),
                        "academy_state_order": bool(rng.random() < 0.05)})
        work = []
        for _ in range(int(rng.integers(0, 5))):
            start = as_of - timedelta(days=int(rng.integers(30, 365 * 15)))
            end = start + timedelta(days=int(rng.integers(30, 365 * 6)))
            state = bool(rng.random() < 0.6)
            work.append({"employer": "E", "state_body": state, "state_service": state and bool(rng.random() < 0.9),
                         "leadership": bool(rng.random() < 0.3), "grade": GRADES[int(rng.integers(len(GRADES)))],
                         "start": start.isoformat(), "end": None if rng.random() < 0.2 else end.isoformat()})
        out.append(Profile.model_validate({"id": f"p{i}", "education": edu, "work": work,
                                           "academic_degree": {"kind": "PhD"} if rng.random() < 0.05 else None}))
    return out


def metric_columns(specs: Sequence[tuple], n: int, seed: int = 0) -> dict[tuple, np.ndarray]:
    """A random metrics matrix with the invariants real ones have (or-higher >= exact, unknown ⊆ all)."""
    rng = np.random.default_rng(seed)
    cols: dict[tuple, np.ndarray] = {}
    all_ = rng.integers(0, 32, n, dtype=np.uint8) & rng.integers(0, 32, n, dtype=np.uint8)
    for sp in specs:
        kind = sp[0]
        if kind == "days":
            cols[sp] = rng.integers(0, 365 * 12, n, dtype=np.int32)
        elif kind == "grade" and not sp[2]:
            cols[sp] = rng.integers(0, 365 * 5, n, dtype=np.int32)
        elif kind == "flag":
            cols[sp] = rng.random(n) < 0.05
        elif kind == "edu_all":
            cols[sp] = all_
        elif kind == "edu_unk":
            cols[sp] = all_ & rng.integers(0, 32, n, dtype=np.uint8) & rng.integers(0, 32, n, dtype=np.uint8)
        elif kind == "edu":
            cols[sp] = all_ & np.where(rng.random(n) < 0.1, np.uint8(31), np.uint8(0))
    for sp in specs:
        if sp[0] == "grade" and sp[2]:  # or-higher / or-unread unions contain the exact grade's days
            base = cols.get(("grade", sp[1], False), np.zeros(n, np.int32))
            cols[sp] = base + rng.integers(0, 365 * 3, n, dtype=np.int32) * (rng.random(n) < 0.3)
    return cols
