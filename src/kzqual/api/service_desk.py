"""The public-service desk the API and pages use: :class:`kzqual.services.cases.ServiceDesk` over
the registry's database (the store's migrations create the service tables)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kzqual.api.deps import app_singleton, open_app_store


def get_desk(app: Any) -> Any:
    """The app's service desk over its registry, made on first use with the service configuration
    (kzqual.services.config) the CLI uses."""

    def make() -> Any:
        from kzqual.services.config import load_config

        # The CLI's loader: the same override file and settings (explicit, else the environment).
        s = app.state.settings
        config = load_config(overrides=getattr(s, "calendar_overrides", None),
                             settings_file=getattr(s, "service_settings", None))
        return config.desk(open_app_store(app).engine)

    return app_singleton(app, "desk", make)


def moment(at: dt.datetime | None) -> dt.datetime:
    """A step's time as Kazakhstan wall-clock time; now when the client gives none."""
    from kzqual.services.calendar import KZ_TZ, kz_now

    if at is None:
        return kz_now()
    if at.tzinfo is not None:
        return at.astimezone(KZ_TZ).replace(tzinfo=None)
    return at
