"""Cases per month of a reporting half-year: how many were submitted, in which state each stood at
the month's end, and how many cases were overdue then — the figures of the report page's chart and
of ``GET /api/v1/services/reports/monthly`` (JSON and CSV), computed once here.

* **submitted**, **states**: the cases submitted in the month, by their state at the month's end
  (the last state their events reached by that day; for the current month, today).
* **overdue**: the cases (submitted in any month) with a deadline that had passed by the month's
  end without its step — a step taken later still counts as missing then.  Deadlines that no longer
  apply (a withdrawn case) are not counted.
Months after today are left out.  Pure: views in, rows out.
"""

from __future__ import annotations

import csv
import calendar as _cal
import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from kzqual.services.workflow import CASE_STATES


@dataclass(frozen=True, slots=True)
class MonthRow:
    month: str  # "2024-03"
    end: date  # the day the states and the overdue count are taken on
    submitted: int
    states: dict[str, int]
    overdue: int

    def as_dict(self) -> dict[str, Any]:
        return {"month": self.month, "as_of": self.end.isoformat(), "submitted": self.submitted,
                "states": dict(self.states), "overdue": self.overdue}


def half_months(year: int, half: int) -> list[tuple[int, int]]:
    first = 1 if half == 1 else 7
    return [(year, m) for m in range(first, first + 6)]


def _state_on(view: Any, day: date) -> str | None:
    state = None
    for e in view.events:  # oldest first
        if e.at.date() <= day and e.to_state is not None and e.complaint_id is None:
            state = e.to_state
    return state


def _overdue_on(view: Any, day: date) -> bool:
    deadlines = list(view.deadlines) + [d for c in view.complaints for d in c.deadlines]
    return any(d.status != "not_applicable" and d.due < day and (d.done_on is None or d.done_on > day)
               for d in deadlines)


def monthly(views: list[Any], year: int, half: int, today: date) -> list[MonthRow]:
    rows = []
    for y, m in half_months(year, half):
        start = date(y, m, 1)
        if start > today:
            break
        end = min(date(y, m, _cal.monthrange(y, m)[1]), today)
        states = dict.fromkeys(CASE_STATES, 0)
        submitted = 0
        for v in views:
            if start <= v.case.submitted_at.date() <= end:
                submitted += 1
                state = _state_on(v, end) or v.case.state
                states[state] = states.get(state, 0) + 1
        overdue = sum(1 for v in views if v.case.submitted_at.date() <= end and _overdue_on(v, end))
        rows.append(MonthRow(f"{y}-{m:02d}", end, submitted, states, overdue))
    return rows


def as_dict(rows: list[MonthRow], *, year: int, half: int, office: str | None, today: date) -> dict[str, Any]:
    return {"year": year, "half": half, "office": office, "today": today.isoformat(), "states": list(CASE_STATES),
            "months": [r.as_dict() for r in rows]}


def to_csv(rows: list[MonthRow]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["month", "as_of", "submitted", *(f"state_{s}" for s in CASE_STATES), "overdue"])
    for r in rows:  # every cell is a number or an ISO date: nothing a spreadsheet could run
        w.writerow([r.month, r.end.isoformat(), r.submitted, *(r.states.get(s, 0) for s in CASE_STATES), r.overdue])
    return buf.getvalue()


__all__ = ["MonthRow", "as_dict", "half_months", "monthly", "to_csv"]
