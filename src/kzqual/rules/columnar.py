"""Profiles as columns, and their metrics computed for all people at once (no loop per person).

:class:`ProfileColumns` holds many profiles as flat arrays: one row per education entry and one
per work period, each with the index of its person, plus per-person columns.  Strings (specialty
names, work fields, grades) are stored once in small tables and referenced by index, so the
per-name work (taxonomy look-up, grade reading) runs once per distinct name, not per row.

:func:`metric_columns` computes the metrics matrix :func:`kzqual.rules.vector.columns` computes
from :class:`~kzqual.rules.metrics.Metrics` objects — the same numbers (a test checks) — with
NumPy: the days of a metric are the **interval union** per person, found by sorting the selected
periods by (person, start), offsetting each person onto a disjoint stretch of the number line, and
counting for each period only the part past the running maximum of earlier ends
(``np.maximum.accumulate``); the parts are summed per person with ``np.bincount``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from kzqual.rules import grades as G
from kzqual.rules.metrics import grade_counts
from kzqual.rules.norm import name_key
from kzqual.rules.profile import LEVEL_RANK, Profile

Spec = tuple
NO_DATE = np.iinfo(np.int32).max  # completion date unknown (counts) / period still open
_SPAN = np.int64(1 << 22)  # > any span of date ordinals: people never overlap on the offset line


@dataclass
class ProfileColumns:
    """Many profiles as columns.  ``*_person`` give each row's person (0..n-1)."""

    n: int
    # education rows
    edu_person: np.ndarray  # int32
    edu_rank: np.ndarray  # int8 (LEVEL_RANK)
    edu_spec: np.ndarray  # int32 index into ``specialties`` (-1: no field or code given)
    edu_completed: np.ndarray  # int32 date ordinal; NO_DATE = completed, date unknown
    edu_foreign: np.ndarray  # bool
    edu_academy: np.ndarray  # bool
    # work rows
    work_person: np.ndarray  # int32
    work_start: np.ndarray  # int32 ordinal (inclusive)
    work_end: np.ndarray  # int32 ordinal (inclusive); NO_DATE = still working
    work_state_body: np.ndarray  # bool
    work_state_service: np.ndarray  # bool
    work_leadership: np.ndarray  # bool
    work_field: np.ndarray  # int32 index into ``fields`` (-1: not tagged)
    work_grade: np.ndarray  # int32 index into ``grades`` (-1: none written)
    # per person
    degree_awarded: np.ndarray  # int32 ordinal; -1 = no degree; NO_DATE = held, date unknown
    special_training: np.ndarray  # int8: 1 yes, -1 no, 0 not stated
    computer_skills: np.ndarray  # int8
    # tables
    specialties: list[tuple[str | None, str | None]]  # (name, code)
    fields: list[str]  # name_key of a work field
    grades: list[str]  # the grade as written
    # the post held per work row (index into ``posts``: grades.post_words; -1 not stated); None =
    # no post column (every post not stated)
    work_post: np.ndarray | None = None
    posts: list[str] = field(default_factory=list)


def _tri(v: bool | None) -> int:
    return 0 if v is None else (1 if v else -1)


class Builder:
    """Appends profiles (already validated) to growing columns; :meth:`build` freezes them."""

    def __init__(self) -> None:
        self.n = 0
        self.edu: list[tuple] = []
        self.work: list[tuple] = []
        self.person: list[tuple[int, int, int]] = []
        self._spec: dict[tuple, int] = {}
        self._field: dict[str, int] = {}
        self._grade: dict[str, int] = {}
        self._post: dict[str, int] = {}

    @staticmethod
    def _id(table: dict, key) -> int:
        return table.setdefault(key, len(table))

    def add(self, p: Profile) -> None:
        i = self.n
        self.n += 1
        for e in p.education:
            spec = self._id(self._spec, (e.field, e.code)) if (e.field or e.code) else -1
            self.edu.append((i, LEVEL_RANK[e.level], spec, e.completed.toordinal() if e.completed else NO_DATE,
                             e.foreign_priority_programme, e.academy_state_order))
        for w in p.work:
            fld = self._id(self._field, name_key(w.field)) if w.field else -1
            grade = self._id(self._grade, w.grade) if w.grade and w.grade.strip() else -1
            words = G.post_words(w.post, w.grade)
            post = self._id(self._post, words) if words else -1
            self.work.append((i, w.start.toordinal(), w.end.toordinal() if w.end else NO_DATE, w.state_body,
                              w.state_service, w.leadership, fld, grade, post))
        d = p.academic_degree
        self.person.append(((-1 if d is None else (d.awarded.toordinal() if d.awarded else NO_DATE)),
                            _tri(p.special_training), _tri(p.computer_skills)))

    def build(self) -> ProfileColumns:
        e = list(zip(*self.edu)) or [()] * 6
        w = list(zip(*self.work)) or [()] * 9
        pp = list(zip(*self.person)) or [()] * 3
        return ProfileColumns(
            self.n,
            np.array(e[0], np.int32), np.array(e[1], np.int8), np.array(e[2], np.int32), np.array(e[3], np.int32),
            np.array(e[4], bool), np.array(e[5], bool),
            np.array(w[0], np.int32), np.array(w[1], np.int32), np.array(w[2], np.int32), np.array(w[3], bool),
            np.array(w[4], bool), np.array(w[5], bool), np.array(w[6], np.int32), np.array(w[7], np.int32),
            np.array(pp[0], np.int32), np.array(pp[1], np.int8), np.array(pp[2], np.int8),
            list(self._spec), list(self._field), list(self._grade),
            np.array(w[8], np.int32), list(self._post),
        )


def from_profiles(profiles: Sequence[Profile]) -> ProfileColumns:
    b = Builder()
    for p in profiles:
        b.add(p)
    return b.build()


# ---------------------------------------------------------------- interval unions
def union_days(person: np.ndarray, start: np.ndarray, end: np.ndarray, n: int) -> np.ndarray:
    """Days covered per person by half-open intervals [start, end), overlaps counted once."""
    if len(person) == 0:
        return np.zeros(n, np.int32)
    p = person.astype(np.int64)
    s = start.astype(np.int64) + p * _SPAN
    e = end.astype(np.int64) + p * _SPAN
    order = np.lexsort((s, p))
    s, e, p = s[order], e[order], p[order]
    reach = np.maximum.accumulate(e)  # furthest end so far (earlier people end below this one's starts)
    before = np.empty_like(reach)
    before[0] = np.iinfo(np.int64).min
    before[1:] = reach[:-1]
    new = np.clip(e - np.maximum(s, before), 0, None)
    return np.bincount(p, weights=new, minlength=n).astype(np.int32)


def metric_columns(pc: ProfileColumns, as_of: date, specs: Sequence[Spec],
                   resolve_specialty: Callable[[str | None, str | None], frozenset[str] | None]) -> dict[Spec, np.ndarray]:
    """The metrics matrix of ``pc`` on ``as_of`` for ``specs`` (as :func:`vector.columns`)."""
    n = pc.n
    cut = as_of.toordinal() + 1  # the as-of day counts
    end = np.where(pc.work_end == NO_DATE, cut, pc.work_end.astype(np.int64) + 1)
    end = np.minimum(end, cut)
    live = end > pc.work_start
    wp, ws, we = pc.work_person[live], pc.work_start[live], end[live]
    state_body, state_service = pc.work_state_body[live], pc.work_state_service[live]
    leadership, fld, grade_id = pc.work_leadership[live], pc.work_field[live], pc.work_grade[live]
    post_id = pc.work_post[live] if pc.work_post is not None else np.full(len(wp), -1, np.int32)
    canon = [G.canonical_grade(g) for g in pc.grades]
    unread_t = np.array([c is None for c in canon] + [False], bool)  # index -1 -> last: no grade
    grade_unread = unread_t[grade_id]

    def days(mask: np.ndarray) -> np.ndarray:
        return union_days(wp[mask], ws[mask], we[mask], n)

    def grade_mask(pred: Callable[[str], bool]) -> np.ndarray:
        table = np.array([c is not None and pred(c) for c in canon] + [False], bool)
        return table[grade_id]

    preds = {
        "work": lambda: np.ones(len(wp), bool),
        "state_service": lambda: state_service,
        "state_body": lambda: state_body | state_service,
        "leadership": lambda: leadership,
        "leadership_state": lambda: leadership & (state_body | state_service),
    }
    field_ids = {k: i for i, k in enumerate(pc.fields)}

    def part_mask(metric: str, key: str | None) -> np.ndarray:
        return fld == field_ids.get(key, -2) if metric == "field" else preds[metric]()
    cols: dict[Spec, np.ndarray] = {}
    for sp in specs:
        kind = sp[0]
        if kind == "days":
            cols[sp] = days(part_mask(sp[1], sp[2]))
        elif kind == "days_of":
            mask = np.ones(len(wp), bool)
            for metric, key in sp[1]:
                mask &= part_mask(metric, key)
            cols[sp] = days(mask)
        elif kind == "grade":
            key, how = sp[1], sp[2]
            if key == "any_ladder":
                mask = grade_mask(G.is_ladder)
            elif how is True:
                mask = grade_mask(lambda g, k=key: g == k or G.is_higher(g, k))
            else:
                mask = grade_mask(lambda g, k=key: g == k)
            if how == "unread":
                mask = mask | grade_unread
            cols[sp] = days(mask)
        elif kind == "grade_post":
            key, stem, how = sp[1], sp[2], sp[3]
            # per distinct grade / post string, then gathered to rows (index -1 -> last: not stated)
            gclass = np.array([G.grade_class(key, c) for c in canon] + [G.grade_class(key, None)], np.int8)[grade_id]
            pstat = (np.array([G.post_status(stem, p) for p in pc.posts] + [0], np.int8)[post_id]
                     if stem is not None else np.ones(len(wp), np.int8))
            # the shared rule as a 4 x 3 table over (grade class, post status), looked up per row
            table = np.array([grade_counts(key, stem, how, gc, ps) for gc in range(4) for ps in (-1, 0, 1)], bool)
            cols[sp] = days(table[gclass.astype(np.int64) * 3 + pstat + 1])
        elif kind == "stated":
            cols[sp] = {"special_training": pc.special_training, "computer_skills": pc.computer_skills}[sp[1]].copy()
    _education(pc, as_of, specs, resolve_specialty, cols)
    return cols


def _education(pc: ProfileColumns, as_of: date, specs: Sequence[Spec], resolve, cols: dict) -> None:
    n = pc.n
    done = (pc.edu_completed == NO_DATE) | (pc.edu_completed <= as_of.toordinal())
    ep, rank, spec = pc.edu_person[done], pc.edu_rank[done], pc.edu_spec[done]
    bits = (np.uint8(1) << rank.astype(np.uint8)).astype(np.uint8)
    keys = [resolve(name, code) for name, code in pc.specialties] + [None]  # index -1: not given

    def or_into(mask: np.ndarray) -> np.ndarray:
        out = np.zeros(n, np.uint8)
        np.bitwise_or.at(out, ep[mask], bits[mask])
        return out

    for sp in specs:
        kind = sp[0]
        if kind == "edu_all":
            cols[sp] = or_into(np.ones(len(ep), bool))
        elif kind == "edu_unk":
            unknown = np.array([k is None for k in keys], bool)
            cols[sp] = or_into(unknown[spec])
        elif kind == "edu":
            has = np.array([k is not None and sp[1] in k for k in keys], bool)
            cols[sp] = or_into(has[spec])
        elif kind == "flag_ranks":
            rows = pc.edu_foreign[done] if sp[1] == "foreign_priority_programme" else pc.edu_academy[done]
            cols[sp] = or_into(rows)
        elif kind == "flag":
            if sp[1] == "academic_degree":
                d = pc.degree_awarded
                cols[sp] = (d == NO_DATE) | ((d >= 0) & (d <= as_of.toordinal()))
            else:
                rows = pc.edu_foreign[done] if sp[1] == "foreign_priority_programme" else (
                    pc.edu_academy[done] & (rank == LEVEL_RANK["postgraduate"]))
                flag = np.zeros(n, bool)
                flag[ep[rows]] = True
                cols[sp] = flag
