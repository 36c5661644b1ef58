"""Dates and times as people read them: ``6 желтоқсан 2026, 10:00`` / ``6 декабря 2026, 10:00`` /
``6 December 2026, 10:00`` instead of ``2026-12-06T10:00:00``.

One helper for the whole web UI (templates use it through the ``date`` / ``datetime`` Jinja
filters registered in :mod:`kzqual.web.render`).  Month names and the order of the parts are
catalogue data (``date.*`` in ``data/messages/find_ui.json``), not literals here.

A value that is not a date is shown as it came (never dropped, never an error on a page); an
aware datetime is shown in Kazakhstan wall-clock time (the service's own clock, see
:mod:`kzqual.services.calendar`), a naive one as it is stored.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from kzqual.i18n import t
from kzqual.services.calendar import KZ_TZ


def _parse(value: Any) -> dt.date | dt.datetime | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(KZ_TZ) if moment.tzinfo is not None else moment


def _day(day: dt.date, lang: str) -> str:
    return t("date.format", lang, day=day.day, month=t(f"date.month.{day.month}", lang), year=day.year)


def format_date(value: Any, lang: str) -> str:
    """``6 желтоқсан 2026``; a datetime gives its (Kazakhstan) day; anything else is returned as text."""
    parsed = _parse(value)
    if parsed is None:
        return "" if value is None else str(value)
    if isinstance(parsed, dt.datetime):
        parsed = _local(parsed).date()
    return _day(parsed, lang)


def format_datetime(value: Any, lang: str) -> str:
    """``6 желтоқсан 2026, 10:00``; a plain date gives the date alone; anything else as text."""
    parsed = _parse(value)
    if parsed is None:
        return "" if value is None else str(value)
    if not isinstance(parsed, dt.datetime):
        return _day(parsed, lang)
    moment = _local(parsed)
    return t("date.datetime", lang, date=_day(moment.date(), lang), time=f"{moment:%H:%M}")


_ISO_DAY = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")


def dates_in_text(text: Any, lang: str) -> str:
    """A generated sentence (a verdict's reason, a next step) with its ISO days as people read them
    ("Meets alternative 3 on 2024-06-29" -> "... on 29 June 2024").  Only for the program's own
    sentences: an act's quoted text is never rewritten."""
    def one(m: re.Match) -> str:
        try:
            return _day(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), lang)
        except ValueError:  # not a real day: left as written
            return m.group(0)

    return _ISO_DAY.sub(one, str(text or ""))
