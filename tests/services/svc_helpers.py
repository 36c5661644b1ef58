"""Helpers shared by the services tests (a uniquely named module, importable as services.svc_helpers)."""

from __future__ import annotations

from sqlalchemy import func, select

from kzqual.services import tables as T


def counts(engine) -> tuple[int, ...]:
    """Rows of cases, events, complaints and groups: what a refused step must leave alone."""
    with engine.connect() as c:
        return tuple(c.execute(select(func.count()).select_from(t)).scalar()
                     for t in (T.cases, T.events, T.complaints, T.groups))
