"""The demo's sample cases: a few clearly fictitious applications so the service pages have
something to show staff (issue 14).  Data in ``data/demo/sample_cases.json``; loaded only into a
registry with no cases at all, so a real office's registry is never touched.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from importlib import resources
from typing import Any

from kzqual.services.cases import ServiceDesk
from kzqual.services.iin import make_iin

ACTOR = "demo"


def sample_data() -> dict[str, Any]:
    return json.loads(resources.files("kzqual.data").joinpath("demo/sample_cases.json").read_text("utf-8"))


def seed_sample_cases(engine: Any, today: date | None = None) -> int:
    """Load the sample cases unless the registry has cases already; the number loaded."""
    desk = ServiceDesk(engine)
    if desk.cases():
        return 0
    data = sample_data()
    today = today or date.today()

    def at(days_ago: int) -> datetime:
        return datetime.combine(today - timedelta(days=days_ago), time(10, 0))

    g = data["group"]
    group = desk.add_group(number=g["number"], profile=g["profile"],
                           planned_creation=today - timedelta(days=g["planned_creation_days_ago"]),
                           period_start=today - timedelta(days=g["period_start_days_ago"]),
                           period_end=today + timedelta(days=g["period_end_days_ahead"]))
    for c in data["cases"]:
        application = {**data["application"], "iin": make_iin(date(2000, 1, 1), c["sex"], c["serial"]),
                       "surname": c["surname"], "name": c["name"], "patronymic": c["patronymic"],
                       "basis": c.get("basis", "free")}
        view = desk.apply(application, at=at(c["submitted_days_ago"]), actor=ACTOR)
        for step in c["steps"]:
            kind, days_ago = step[0], step[1]
            if kind == "accept":
                desk.accept(view.case.id, group_id=group.id, at=at(days_ago), actor=ACTOR)
            elif kind == "pay":
                desk.record_payment(view.case.id, amount=step[2], at=at(days_ago), actor=ACTOR)
            elif kind == "refuse":
                desk.refuse(view.case.id, grounds=step[2], reason=step[3], at=at(days_ago), actor=ACTOR)
            elif kind == "complain":
                desk.complain(view.case.id, target="decision", text=step[2], at=at(days_ago), actor="applicant")
    return len(data["cases"])
