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
          "инспектор высшей категории", "С-5", "С-4", "С-3", "C-O-4", "главный специалист", "второй категории",
          "бухгалтер первой категории", None)
FIELDS = ("құқықтану", "Қаржы", "Экономика", "библиотечное дело", "Ақпараттандыру", "Хатшылық")
# posts held (None: not stated — the grade's own words, if any, name the post)
POSTS = ("инспектор", "бухгалтер", "старший инспектор", "бас маман", None, None, None)


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
                         "post": POSTS[int(rng.integers(len(POSTS)))] or "",
                         "field": FIELDS[int(rng.integers(len(FIELDS)))] if rng.random() < 0.3 else None,
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
        if kind in ("days", "days_of"):
            cols[sp] = rng.integers(0, 365 * 12, n, dtype=np.int32)
        elif kind == "grade" and not sp[2]:
            cols[sp] = rng.integers(0, 365 * 5, n, dtype=np.int32)
        elif kind == "grade_post" and sp[3] == "met":
            cols[sp] = rng.integers(0, 365 * 5, n, dtype=np.int32)
        elif kind == "flag":
            cols[sp] = rng.random(n) < 0.05
        elif kind == "flag_ranks":
            cols[sp] = all_ & np.where(rng.random(n) < 0.05, rng.integers(0, 32, n, dtype=np.uint8), np.uint8(0))
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
        elif sp[0] == "grade_post" and sp[3] != "met":  # higher / open days contain the met days
            base = cols.get(("grade_post", sp[1], sp[2], "met"), np.zeros(n, np.int32))
            cols[sp] = base + rng.integers(0, 365 * 3, n, dtype=np.int32) * (rng.random(n) < 0.3)
    return cols


# ---------------------------------------------------------------- columnar (a million people)


def profile_columns(n: int, taxonomy: Taxonomy, seed: int = 0, as_of: date = date(2024, 1, 1)):
    """``n`` synthetic profile records as columns (:class:`kzqual.rules.columnar.ProfileColumns`),
    drawn with NumPy: education entries and work periods per person, like :func:`profiles`."""
    from kzqual.rules.columnar import NO_DATE, ProfileColumns

    rng = np.random.default_rng(seed)
    names = _names(taxonomy) + ["ветеринария", "медицина"]
    cut = as_of.toordinal()
    n_edu = rng.integers(0, 3, n)
    edu_person = np.repeat(np.arange(n, dtype=np.int32), n_edu)
    m = len(edu_person)
    rank = rng.choice(5, m, p=[0.1, 0.2, 0.05, 0.5, 0.15]).astype(np.int8)
    spec = rng.integers(-1, len(names), m).astype(np.int32)  # -1: no field given
    completed = np.where(rng.random(m) < 0.7, NO_DATE, cut - rng.integers(-400, 365 * 20, m)).astype(np.int32)
    n_work = rng.integers(0, 5, n)
    work_person = np.repeat(np.arange(n, dtype=np.int32), n_work)
    k = len(work_person)
    start = (cut - rng.integers(30, 365 * 15, k)).astype(np.int32)
    end = np.where(rng.random(k) < 0.2, NO_DATE, start + rng.integers(30, 365 * 6, k)).astype(np.int32)
    state = rng.random(k) < 0.6
    grade = rng.integers(-1, len(GRADES) - 1, k).astype(np.int32)  # GRADES[-1] is None: index -1
    fld = np.where(rng.random(k) < 0.3, rng.integers(0, len(FIELDS), k), -1).astype(np.int32)
    from kzqual.rules.grades import post_words

    post_names = [x for x in POSTS if x]
    post = np.where(rng.random(k) < 0.5, rng.integers(0, len(post_names), k), -1).astype(np.int32)
    # no post stated: the grade's own words name it ("инспектор второй категории"), as Builder reads them
    grade_names = [g for g in GRADES if g]
    derived = []
    for g in grade_names:
        w = post_words(None, g)
        if w and w not in post_names:
            post_names.append(w)
        derived.append(post_names.index(w) if w else -1)
    derived_t = np.array(derived + [-1], np.int32)
    post = np.where(post == -1, derived_t[grade], post).astype(np.int32)
    has_degree = rng.random(n) < 0.05
    awarded = np.where(has_degree, np.where(rng.random(n) < 0.5, NO_DATE, cut - rng.integers(-300, 3000, n)), -1)
    from kzqual.rules.norm import name_key

    return ProfileColumns(
        n, edu_person, rank, spec, completed, rng.random(m) < 0.05, rng.random(m) < 0.05,
        work_person, start, end, state, state & (rng.random(k) < 0.9), rng.random(k) < 0.3, fld, grade,
        awarded.astype(np.int32), rng.integers(-1, 2, n).astype(np.int8), rng.integers(-1, 2, n).astype(np.int8),
        [(x, None) for x in names], [name_key(f) for f in FIELDS], [g for g in GRADES if g],
        post, post_names,
    )


def to_profiles(pc, people) -> list[Profile]:
    """Profile records of the people ``people`` (indices) of columns ``pc`` — the ordinary path's input."""
    from kzqual.rules.columnar import NO_DATE

    levels = LEVELS
    e_lo = np.searchsorted(pc.edu_person, np.arange(pc.n + 1))
    w_lo = np.searchsorted(pc.work_person, np.arange(pc.n + 1))
    tri = {1: True, -1: False, 0: None}
    fields = {i: FIELDS[i] for i in range(len(FIELDS))}
    out = []
    for i in people:
        edu = []
        for r in range(e_lo[i], e_lo[i + 1]):
            name = pc.specialties[pc.edu_spec[r]][0] if pc.edu_spec[r] >= 0 else None
            c = int(pc.edu_completed[r])
            edu.append({"level": levels[pc.edu_rank[r]], "field": name,
                        "completed": None if c == NO_DATE else date.fromordinal(c).isoformat(),
                        "foreign_priority_programme": bool(pc.edu_foreign[r]),
                        "academy_state_order": bool(pc.edu_academy[r])})
        work = []
        for r in range(w_lo[i], w_lo[i + 1]):
            e = int(pc.work_end[r])
            work.append({"employer": "E", "state_body": bool(pc.work_state_body[r]),
                         "state_service": bool(pc.work_state_service[r]), "leadership": bool(pc.work_leadership[r]),
                         "field": fields.get(int(pc.work_field[r])),
                         "grade": pc.grades[pc.work_grade[r]] if pc.work_grade[r] >= 0 else None,
                         "post": pc.posts[pc.work_post[r]] if pc.work_post is not None and pc.work_post[r] >= 0 else "",
                         "start": date.fromordinal(int(pc.work_start[r])).isoformat(),
                         "end": None if e == NO_DATE else date.fromordinal(e).isoformat()})
        d = int(pc.degree_awarded[i])
        degree = None if d == -1 else {"kind": "PhD", "awarded": None if d == NO_DATE else date.fromordinal(d).isoformat()}
        out.append(Profile.model_validate({"id": f"p{i}", "education": edu, "work": work, "academic_degree": degree,
                                           "special_training": tri[int(pc.special_training[i])],
                                           "computer_skills": tri[int(pc.computer_skills[i])]}))
    return out
