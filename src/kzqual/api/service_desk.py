"""The public-service desk the API and pages use: :class:`kzqual.services.cases.ServiceDesk` over
the registry's database (the store's migrations create the service tables)."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from kzqual.api.deps import open_app_store

_lock = threading.Lock()


def get_desk(app: Any) -> Any:
    desk = getattr(app.state, "desk", None)
    if desk is not None:
        return desk
    with _lock:
        desk = getattr(app.state, "desk", None)
        if desk is None:
            from kzqual.services.cases import ServiceDesk

            desk = ServiceDesk(open_app_store(app).engine)
            app.state.desk = desk
    return desk


def moment(at: dt.datetime | None) -> dt.datetime:
    """A step's time as Kazakhstan wall-clock time; now when the client gives none."""
    from kzqual.services.calendar import KZ_TZ, kz_now

    if at is None:
        return kz_now()
    if at.tzinfo is not None:
        return at.astimezone(KZ_TZ).replace(tzinfo=None)
    return at
