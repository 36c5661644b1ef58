"""Profile metrics as of a date: lengths of service computed as interval unions.

Overlapping periods are counted once (two part-time state posts in the same month are one month
of state service).  A period's end date is inclusive; an open period runs to the as-of date;
periods (and parts of periods) after the as-of date do not count.

Convention (documented in docs/rules.md): a year of service is 365 days of the union.  With 365.25
three calendar years without a leap day (2021-01-01..2023-12-31, 1095 days) would fall short of
"three years"; the convention errs by at most one day in four years.
"""

from __future__ import annotations

import math

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from kzqual.rules import grades as G
from kzqual.rules.norm import name_key
from kzqual.rules.profile import LEVEL_RANK, Profile

DAYS_PER_YEAR = 365.0


def required_days(min_years: float) -> int:
    """Days of service that satisfy "not less than ``min_years`` years" (integer, so that every
    evaluator compares the same numbers)."""
    return math.ceil(min_years * DAYS_PER_YEAR - 1e-6)


def union_days(intervals: Iterable[tuple[int, int]]) -> int:
    """Days covered by half-open ordinal intervals [start, end), overlaps counted once."""
    total = 0
    cur_s = cur_e = None
    for s, e in sorted(intervals):
        if e <= s:
            continue
        if cur_e is None or s > cur_e:
            if cur_e is not None:
                total += cur_e - cur_s
            cur_s, cur_e = s, e
        elif e > cur_e:
            cur_e = e
    if cur_e is not None:
        total += cur_e - cur_s
    return total


@dataclass(frozen=True, slots=True)
class Period:
    start: int  # date ordinal, inclusive
    end: int  # date ordinal, exclusive (already clipped to the as-of date)
    state_body: bool
    state_service: bool
    leadership: bool
    field: str | None  # name_key of the tagged field
    grade: str | None  # canonical grade / category
    grade_unread: bool = False  # a grade was written but is not one the engine can read
    post: str | None = None  # the post held (grades.post_words), lower case; None = not stated
    # Where the period goes on after the as-of date (exclusive ordinal; OPEN_END: no end given):
    # what :func:`project` extends when asking "on what date, if the current post continues".
    continues_to: int | None = None


OPEN_END = date.max.toordinal()


@dataclass(frozen=True, slots=True)
class EduFact:
    rank: int  # LEVEL_RANK
    keys: frozenset[str] | None  # taxonomy keys of the specialty; None = unknown or not given
    foreign_priority: bool
    academy_state_order: bool


_PREDS: dict[str, Callable[[Period], bool]] = {
    "work": lambda p: True,
    "state_service": lambda p: p.state_service,
    "state_body": lambda p: p.state_body or p.state_service,
    "leadership": lambda p: p.leadership,
    "leadership_state": lambda p: p.leadership and (p.state_body or p.state_service),
}


def grade_counts(grade: str, post: str | None, how: str, gclass: int, pstatus: int) -> bool:
    """Does a period (its grade class, its post status) count toward ``how`` (see
    :meth:`Metrics.grade_post_days`)?  Shared by the per-person and the columnar metrics."""
    if grade == "any_ladder" and post is not None:
        # "в должности инспектора не менее 1 года": the post decides, whatever its grade
        return pstatus == 1 if how in ("met", "higher") else pstatus >= 0
    if how == "met":
        return pstatus == 1 and gclass == G.EXACT
    if how == "higher":
        return pstatus == 1 and gclass in (G.EXACT, G.HIGHER)
    ok = (G.EXACT, G.UNKNOWN, G.HIGHER) if how == "open_h" else (G.EXACT, G.UNKNOWN)
    return pstatus >= 0 and gclass in ok


def _pred(metric: str, key: str | None) -> Callable[[Period], bool]:
    if metric == "field":
        return lambda p: p.field is not None and p.field == key
    return _PREDS[metric]


@dataclass
class Metrics:
    """What the rules look at, computed once per profile and date."""

    as_of: date
    periods: list[Period]
    education: list[EduFact]
    academic_degree: bool
    stated: dict[str, bool | None] = field(default_factory=dict)  # Profile.special_training ...
    _cache: dict = field(default_factory=dict, repr=False)

    def _days(self, key: tuple, pred: Callable[[Period], bool]) -> int:
        if key not in self._cache:
            self._cache[key] = union_days((p.start, p.end) for p in self.periods if pred(p))
        return self._cache[key]

    def years(self, metric: str, key: str | None = None) -> float:
        return self.days(metric, key) / DAYS_PER_YEAR

    def grade_years(self, grade: str, or_higher: bool = False) -> float:
        return self.grade_days(grade, or_higher) / DAYS_PER_YEAR

    def days(self, metric: str, key: str | None = None) -> int:
        """Days of ``metric``: work, state_service, state_body, leadership, leadership_state, field."""
        hit = self._cache.get((metric, key))
        if hit is not None:
            return hit
        if metric == "field":
            return self._days((metric, key), lambda p: p.field is not None and p.field == key)
        return self._days((metric, key), _PREDS[metric])

    def days_of(self, parts: tuple[tuple[str, str | None], ...]) -> int:
        """Days of the periods that satisfy every (metric, key) of ``parts`` (a conjunction:
        leadership periods within the field, …)."""
        if len(parts) == 1:
            return self.days(*parts[0])
        preds = [_pred(m, k) for m, k in parts]
        return self._days(("all",) + tuple(parts), lambda p: all(f(p) for f in preds))

    def grade_days(self, grade: str, or_higher: bool | str = False) -> int:
        """Days in ``grade`` ("any_ladder" = any rung of the ladder); ``or_higher=True`` adds
        periods in a higher grade, ``or_higher="unread"`` adds periods whose grade could not be read."""
        if grade == "any_ladder":
            if or_higher == "unread":
                return self._days(("grade", grade, "unread"),
                                  lambda p: p.grade_unread or (p.grade is not None and G.is_ladder(p.grade)))
            return self._days(("grade", grade, False), lambda p: p.grade is not None and G.is_ladder(p.grade))

        def pred(p: Period) -> bool:
            if p.grade is None:
                return or_higher == "unread" and p.grade_unread
            return p.grade == grade or (or_higher is True and G.is_higher(p.grade, grade))

        return self._days(("grade", grade, or_higher), pred)

    def flagged_ranks(self, kind: str) -> int:
        """Bitmask of the education ranks held with the study flag ``kind``
        (foreign_priority_programme | academy_postgraduate_state_order)."""
        attr = "foreign_priority" if kind == "foreign_priority_programme" else "academy_state_order"
        out = 0
        for e in self.education:
            if getattr(e, attr):
                out |= 1 << e.rank
        return out

    def grade_post_days(self, grade: str, post: str | None, how: str) -> int:
        """Days toward "years in ``grade`` in the post ``post``" (``grade_class`` x ``post_status``):
        ``met`` — the post and the grade both known to be those; ``higher`` — also a known higher
        grade; ``open`` — could be: post known or not stated, grade that or not stated/unread;
        ``open_h`` — ``open`` plus higher grades."""
        def pred(p: Period) -> bool:
            return grade_counts(grade, post, how, G.grade_class(grade, p.grade),
                                1 if post is None else G.post_status(post, p.post))

        return self._days(("grade_post", grade, post, how), pred)

    @cached_property
    def has_foreign_priority(self) -> bool:
        return any(e.foreign_priority for e in self.education)

    @cached_property
    def has_academy_state_order(self) -> bool:
        return any(e.academy_state_order and e.rank == LEVEL_RANK["postgraduate"] for e in self.education)


def compute_metrics(profile: Profile, as_of: date, resolve_specialty: Callable[[str | None, str | None], frozenset[str] | None]) -> Metrics:
    """The metrics of ``profile`` on ``as_of``; ``resolve_specialty(name, code)`` gives taxonomy keys."""
    cut = as_of.toordinal() + 1  # the as-of day itself counts
    periods = []
    for w in profile.work:
        s = w.start.toordinal()
        full = (w.end.toordinal() + 1) if w.end else OPEN_END
        e = min(full, cut)
        if e <= s:
            continue
        grade = G.canonical_grade(w.grade)
        periods.append(
            Period(s, e, w.state_body, w.state_service, w.leadership,
                   name_key(w.field) if w.field else None, grade, bool(w.grade and w.grade.strip()) and grade is None,
                   G.post_words(w.post, w.grade), full if full > e else None)
        )
    edu = []
    for entry in profile.education:
        if entry.completed is not None and entry.completed > as_of:
            continue  # not completed yet on the date asked about
        keys = resolve_specialty(entry.field, entry.code) if (entry.field or entry.code) else None
        edu.append(EduFact(LEVEL_RANK[entry.level], keys, entry.foreign_priority_programme, entry.academy_state_order))
    stated = {"special_training": profile.special_training, "computer_skills": profile.computer_skills}
    return Metrics(as_of=as_of, periods=periods, education=edu, academic_degree=_degree_held(profile, as_of),
                   stated=stated)


def project(m: Metrics, day: date) -> Metrics:
    """The metrics on a later ``day`` if the periods running on the as-of date go on (to their
    stated end, or without end): the person's current post continues, nothing else changes."""
    cut = day.toordinal() + 1
    periods = [replace(p, end=min(p.continues_to, cut)) if p.continues_to and cut > p.end else p
               for p in m.periods]
    return Metrics(as_of=day, periods=periods, education=m.education, academic_degree=m.academic_degree,
                   stated=m.stated)


def _degree_held(profile: Profile, as_of: date) -> bool:
    d = profile.academic_degree
    return d is not None and (d.awarded is None or d.awarded <= as_of)
