"""Deadlines of a case and a complaint, counted in working days from the standard's values.

Pure functions: a record + a :class:`WorkCalendar` + the :class:`Standard` + :class:`Settings`
-> :class:`Deadline` objects that say what was counted from what, under which setting, and
whether the deadline was met, missed or is still running as of a given day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from kzqual.services.calendar import WorkCalendar
from kzqual.services.model import Case, Complaint
from kzqual.services.settings import Settings
from kzqual.services.standard import Standard


@dataclass(frozen=True, slots=True)
class Deadline:
    key: str  # the standard value it comes from, e.g. "stage1_deadline"
    start: date  # the day counted from
    days: int  # working days
    due: date  # last day to act
    done_on: date | None  # when the step was taken, if it was
    status: str  # "pending", "met", "late", "overdue", "not_applicable", "missed" (see _in_court)
    basis: str  # where the standard says it ("standard, point 3 1), lines 138-140")
    settings: dict[str, Any] = field(default_factory=dict)  # settings that shaped this date
    days_off: list[str] = field(default_factory=list)  # non-working days skipped, for explanation

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key, "start": self.start.isoformat(), "working_days": self.days,
            "due": self.due.isoformat(), "done_on": self.done_on.isoformat() if self.done_on else None,
            "status": self.status, "basis": self.basis, "settings": self.settings,
            "days_off_skipped": self.days_off,
        }


def count(cal: WorkCalendar, start: date, n: int, settings: Settings) -> date:
    """The due day ``n`` working days from ``start`` under the ``first_day`` setting."""
    if settings.first_day == "next":  # the start day is day 0
        return cal.add_working_days(start, n)
    first = cal.next_working_day(start, include=True)  # the start day (if working) is day 1
    return cal.add_working_days(first, max(n - 1, 0))


def _status(due: date, done_on: date | None, as_of: date, applicable: bool = True) -> str:
    if not applicable:
        return "not_applicable"
    if done_on is not None:
        return "met" if done_on <= due else "late"
    return "overdue" if as_of > due else "pending"


def make(key: str, start: date, done: datetime | date | None, as_of: date, *, cal: WorkCalendar,
         standard: Standard, settings: Settings, applicable: bool = True) -> Deadline:
    sv = standard[key]
    n = int(sv.value)
    due = count(cal, start, n, settings)
    done_on = done.date() if isinstance(done, datetime) else done
    skipped = [f"{d.day.isoformat()} {d.reason}" for d in cal.days_off(start, due) if d.day != start]
    return Deadline(key, start, n, due, done_on, _status(due, done_on, as_of, applicable), sv.where(),
                    {"first_day": settings.first_day}, skipped)


def case_deadlines(case: Case, as_of: date, *, cal: WorkCalendar, standard: Standard,
                   settings: Settings) -> list[Deadline]:
    out = [
        # Stage 1: a decision (admission notice or reasoned refusal) within 2 working days of
        # the day the application counts as received.  Withdrawal before a decision ends it.
        make("stage1_deadline", case.accepted_day, case.decided_at, as_of, cal=cal, standard=standard,
             settings=settings, applicable=case.state != "withdrawn" or case.decided_at is not None),
    ]
    if case.classes_start is not None and case.state in ("accepted", "training", "certified", "closed", "withdrawn"):
        # Stage 2: the certificate within 42 working days of the start of classes.
        out.append(make("stage2_deadline", case.classes_start, case.certified_at, as_of, cal=cal,
                        standard=standard, settings=settings,
                        applicable=case.state != "withdrawn"))
    redo = redecision_deadline(case, as_of, cal=cal, standard=standard, settings=settings)
    if redo is not None:
        out.append(redo)
    return out


# The re-decision after a reopening (point 65): the standard value its term is read from, per basis.
# The provider's own favourable decision: within the 3 working days point 65 gives it, counted from
# the complaint's receipt.  After an upheld complaint the act names no term: the setting
# ``redecision_after_upheld`` applies the standard's decision term (point 3 1)) or none.
REDECISION_SOURCE = {"provider_satisfied": "complaint_satisfy_window"}


def redecision_deadline(case: Case, as_of: date, *, cal: WorkCalendar, standard: Standard,
                        settings: Settings) -> Deadline | None:
    if case.reopened_at is None or case.redecision_from is None:
        return None
    source = REDECISION_SOURCE.get(case.reopen_basis or "")
    extra: dict[str, Any] = {}
    if source is None:
        extra = {"redecision_after_upheld": settings.redecision_after_upheld}
        if settings.redecision_after_upheld == "none":
            return None
        source = "stage1_deadline"
    d = make(source, case.redecision_from, case.redecided_at, as_of, cal=cal, standard=standard,
             settings=settings, applicable=case.state != "withdrawn" or case.redecided_at is not None)
    return Deadline("redecision_deadline", d.start, d.days, d.due, d.done_on, d.status, d.basis,
                    {**d.settings, **extra}, d.days_off)


def complaint_deadlines(c: Complaint, as_of: date, *, cal: WorkCalendar, standard: Standard,
                        settings: Settings) -> list[Deadline]:
    received = c.received_at.date()
    out: list[Deadline] = []
    if c.lodged_with == "quality_body":  # lodged straight there: its 15 working days only
        out.append(make("complaint_quality_body_deadline", received, c.appeal_decided_at, as_of, cal=cal,
                        standard=standard, settings=settings))
        return _in_court(c, out)
    # Forwarding (or satisfying instead) within 3 working days of receipt.
    handled = c.forwarded_at or c.satisfied_at
    out.append(make("complaint_forward_deadline", received, handled, as_of, cal=cal, standard=standard,
                    settings=settings))
    if c.state != "satisfied":
        start = received
        if settings.complaint_decision_from == "forwarded":
            start = c.forwarded_at.date() if c.forwarded_at else None  # type: ignore[assignment]
        if start is not None:
            d = make("complaint_decision_deadline", start, c.decided_at, as_of, cal=cal, standard=standard,
                     settings=settings)
            out.append(Deadline(d.key, d.start, d.days, d.due, d.done_on, d.status, d.basis,
                                {**d.settings, "complaint_decision_from": settings.complaint_decision_from},
                                d.days_off))
    if c.appealed_at is not None:
        out.append(make("complaint_quality_body_deadline", c.appealed_at.date(), c.appeal_decided_at, as_of,
                        cal=cal, standard=standard, settings=settings))
    return _in_court(c, out)


def _in_court(c: Complaint, out: list[Deadline]) -> list[Deadline]:
    """Once the applicant went to court, a pre-trial step still undone is no longer awaited: it is
    ``missed`` if its due day had passed when the court was seized (a fact about the body, but no
    longer work to do, so not ``overdue``), otherwise ``not_applicable``."""
    if c.court_filed_at is None:
        return out
    filed = c.court_filed_at.date()
    return [d if d.done_on is not None else
            Deadline(d.key, d.start, d.days, d.due, d.done_on, "missed" if filed > d.due else "not_applicable",
                     d.basis, d.settings, d.days_off) for d in out]


def is_overdue(deadlines: list[Deadline]) -> bool:
    return any(d.status == "overdue" for d in deadlines)
