"""The one loader of the service's configuration: the settings of the questions the act leaves open
and the working-day calendar with its override file.

The CLI, the HTTP API and the web pages all build their :class:`~kzqual.services.cases.ServiceDesk`
through :func:`load_config`, so one office's due dates are the same whichever interface computes
them.  (Before, the API and the pages built their desk with the defaults and ignored
``KZQUAL_CALENDAR_OVERRIDES``: a day off added by the override moved the CLI's due date and not
the API's.)

Precedence, for each of the two files: the value given explicitly (a CLI option, an API setting),
else the environment variable, else nothing (the bundled override file, the default settings).
``--set KEY=VALUE`` pairs apply on top of the settings file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kzqual.services.calendar import WorkCalendar, load_overrides
from kzqual.services.settings import Settings, load_settings
from kzqual.services.standard import Standard, load_standard

ENV_OVERRIDES = "KZQUAL_CALENDAR_OVERRIDES"
ENV_SETTINGS = "KZQUAL_SERVICE_SETTINGS"


@dataclass(frozen=True)
class ServiceConfig:
    settings: Settings
    calendar: WorkCalendar
    standard: Standard
    # where each part came from (a path, or "bundled" / "defaults"), for the docs and the record
    sources: dict[str, str] = field(default_factory=dict)

    def desk(self, engine: Any):
        from kzqual.services.cases import ServiceDesk

        return ServiceDesk(engine, calendar=self.calendar, standard=self.standard, settings=self.settings)


def load_config(*, overrides: str | None = None, settings_file: str | None = None,
                pairs: list[str] | tuple[str, ...] = (),
                environ: Mapping[str, str] | None = None) -> ServiceConfig:
    """Settings and calendar from explicit files, else ``KZQUAL_CALENDAR_OVERRIDES`` /
    ``KZQUAL_SERVICE_SETTINGS``; a bad file is an :class:`~kzqual.errors.InputError`."""
    env = os.environ if environ is None else environ
    overrides = overrides or env.get(ENV_OVERRIDES) or None
    settings_file = settings_file or env.get(ENV_SETTINGS) or None
    return ServiceConfig(
        settings=load_settings(settings_file, pairs),
        calendar=WorkCalendar(load_overrides(overrides) if overrides else None),
        standard=load_standard(),
        sources={"calendar_overrides": overrides or "bundled", "settings": settings_file or "defaults"},
    )


__all__ = ["ENV_OVERRIDES", "ENV_SETTINGS", "ServiceConfig", "load_config"]
