"""The access log of applicants' data: every read and change of a case or complaint, by whom
(name and role), when (UTC), through what (api, web, cli) and what was done.

It is separate from a case's own events (``service_events``), which record the steps of the
procedure; this one records who looked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, insert, or_, select

from kzqual.services import tables as T

LIST_ACTION = "case.list"  # one row per list shown, naming the cases it showed in details["cases"]


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    role: str
    via: str
    action: str
    case_id: int | None
    complaint_id: int | None
    details: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(timespec="seconds") + "Z", "actor": self.actor,
                "role": self.role, "via": self.via, "action": self.action, "case_id": self.case_id,
                "complaint_id": self.complaint_id, "details": self.details}


def record(engine: Engine, *, actor: str, role: str, via: str, action: str, case_id: int | None = None,
           complaint_id: int | None = None, details: dict[str, Any] | None = None) -> None:
    with engine.begin() as conn:
        conn.execute(insert(T.audit).values(at=datetime.now(UTC).replace(tzinfo=None), actor=actor[:200],
                                            role=role, via=via, action=action, case_id=case_id,
                                            complaint_id=complaint_id, details=details or {}))


def rows(engine: Engine, *, case_id: int | None = None, complaint_id: int | None = None, actor: str | None = None,
         limit: int = 1000) -> list[AuditRow]:
    """The newest ``limit`` rows (oldest first), optionally about one case (its complaints and the
    lists that showed it included), one complaint or one actor."""
    q = select(T.audit)
    if case_id is not None:
        q = q.where(or_(T.audit.c.case_id == case_id, T.audit.c.action == LIST_ACTION,
                        T.audit.c.complaint_id.in_(select(T.complaints.c.id).where(T.complaints.c.case_id == case_id))))
    if complaint_id is not None:
        q = q.where(T.audit.c.complaint_id == complaint_id)
    if actor is not None:
        q = q.where(T.audit.c.actor == actor)
    q = q.order_by(T.audit.c.id.desc()).limit(limit)
    with engine.connect() as conn:
        found = [AuditRow(**dict(r)) for r in conn.execute(q).mappings()]
    if case_id is not None:  # a list row is about the case only if the list showed it
        found = [r for r in found if r.action != LIST_ACTION or case_id in r.details.get("cases", [])]
    return found[::-1]


def case_office(engine: Engine, case_id: int) -> tuple[str | None, bool]:
    """(the office that handles the case, or None if no such case; whether it has a complaint)."""
    with engine.connect() as conn:
        office = conn.execute(select(T.cases.c.office).where(T.cases.c.id == case_id)).scalar()
        has = conn.execute(select(T.complaints.c.id).where(T.complaints.c.case_id == case_id).limit(1)).first()
    return office, has is not None


def complaint_case(engine: Engine, complaint_id: int) -> int | None:
    with engine.connect() as conn:
        return conn.execute(select(T.complaints.c.case_id).where(T.complaints.c.id == complaint_id)).scalar()
