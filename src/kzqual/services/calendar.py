"""Working-day calendar of Kazakhstan for counting the standard's deadlines.

Deadlines in the standard are counted in working days: weekends, public holidays and the
government's transfers of days off are not working days.  The ``holidays`` package knows the
public holidays and (as ``weekend_workdays``) the Saturdays a transfer turned into working days;
an override file adds transfers it lacks (a government decree it has not caught up with).

Override file (JSON)::

    {"days_off":     [{"date": "2026-01-09", "note": "...", "source": "decree No. ..."}],
     "working_days": [{"date": "2026-01-03", "note": "...", "source": "decree No. ..."}]}

All times are Kazakhstan wall-clock time (naive ``datetime``); the act states hours in local time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path

from zoneinfo import ZoneInfo

import holidays

from kzqual import safe_json
from kzqual.errors import InputError

# Working hours of the provider (standard, point 7 1)): Monday-Friday 9:00-18:00.  Kept here as
# defaults only; the authoritative values (with citations) come from the standard's data file.
DEFAULT_OPEN = time(9, 0)
DEFAULT_CLOSE = time(18, 0)
KZ_TZ = ZoneInfo("Asia/Almaty")


@dataclass(frozen=True, slots=True)
class DayInfo:
    day: date
    working: bool
    reason: str  # "weekday", "weekend", the holiday's name, or the override's note
    source: str  # "weekday", "weekend", "holidays", "override"


@dataclass(slots=True)
class Overrides:
    days_off: dict[date, str] = field(default_factory=dict)
    working_days: dict[date, str] = field(default_factory=dict)
    source: str = ""


def _parse_entries(entries: object, key: str, source: str) -> dict[date, str]:
    if entries is None:
        return {}
    if not isinstance(entries, list):
        raise InputError(f"{key!r} must be a list", source=source)
    out: dict[date, str] = {}
    for entry in entries:
        if isinstance(entry, str):
            entry = {"date": entry}
        if not isinstance(entry, dict) or "date" not in entry:
            raise InputError(f"each entry of {key!r} needs a 'date'", source=source)
        try:
            day = date.fromisoformat(str(entry["date"]))
        except ValueError:
            raise InputError(f"bad date {entry['date']!r} in {key!r}", source=source) from None
        note = str(entry.get("note") or "")
        if entry.get("source"):
            note = f"{note} ({entry['source']})" if note else str(entry["source"])
        out[day] = note or "override"
    return out


def load_overrides(path: Path | str | None = None) -> Overrides:
    """Read an override file; ``None`` reads the one bundled with kzqual."""
    if path is None:
        text = (resources.files("kzqual") / "data" / "services" / "calendar_overrides.json").read_text(
            encoding="utf-8"
        )
        source = "calendar_overrides.json (bundled)"
    else:
        p = Path(path)
        source = str(p)
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read calendar overrides: {exc}", source=source) from None
    data = safe_json.loads(text, source=source)
    if not isinstance(data, dict):
        raise InputError("expected a JSON object with 'days_off' and 'working_days'", source=source)
    ov = Overrides(
        days_off=_parse_entries(data.get("days_off"), "days_off", source),
        working_days=_parse_entries(data.get("working_days"), "working_days", source),
        source=source,
    )
    clash = set(ov.days_off) & set(ov.working_days)
    if clash:
        raise InputError(f"dates both off and working: {sorted(map(str, clash))}", source=source)
    return ov


@lru_cache(maxsize=64)
def _kz_year(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("KZ", years=year)


@lru_cache(maxsize=64)
def _kz_year_named(year: int, language: str) -> holidays.HolidayBase:
    return holidays.country_holidays("KZ", years=year, language=language)


def holiday_name(day: date, lang: str) -> str | None:
    """The public holiday's name in Kazakh (``kk``) or English; the ``holidays`` package has no
    Russian names, so ``ru`` gets the Kazakh one (the official name)."""
    language = "en_US" if lang == "en" else "kk"
    name = _kz_year_named(day.year, language).get(day)
    return str(name) if name else None


class WorkCalendar:
    """Kazakhstan's working days: Monday-Friday, minus holidays, plus/minus transfers."""

    def __init__(
        self,
        overrides: Overrides | None = None,
        *,
        open_at: time = DEFAULT_OPEN,
        close_at: time = DEFAULT_CLOSE,
    ) -> None:
        self.overrides = overrides if overrides is not None else load_overrides()
        self.open_at = open_at
        self.close_at = close_at
        self._cache: dict[date, DayInfo] = {}  # the holidays lookup is the slow part of counting

    def info(self, day: date) -> DayInfo:
        found = self._cache.get(day)
        if found is None:
            found = self._cache[day] = self._info(day)
        return found

    def _info(self, day: date) -> DayInfo:
        if day in self.overrides.working_days:
            return DayInfo(day, True, self.overrides.working_days[day], "override")
        if day in self.overrides.days_off:
            return DayInfo(day, False, self.overrides.days_off[day], "override")
        cal = _kz_year(day.year)
        name = cal.get(day)
        if name:
            return DayInfo(day, False, str(name), "holidays")
        if day in cal.weekend_workdays:
            # A Saturday the government made a working day in exchange for a day off.
            return DayInfo(day, True, "transferred working day", "holidays")
        if day.weekday() >= 5:
            return DayInfo(day, False, "weekend", "weekend")
        return DayInfo(day, True, "weekday", "weekday")

    def is_working_day(self, day: date) -> bool:
        return self.info(day).working

    def next_working_day(self, day: date, *, include: bool = False) -> date:
        """The first working day after ``day`` (or ``day`` itself when ``include`` and working)."""
        d = day if include else day + timedelta(days=1)
        for _ in range(366):
            if self.is_working_day(d):
                return d
            d += timedelta(days=1)
        raise InputError(f"no working day within a year after {day}")  # only with absurd overrides

    def previous_working_day(self, day: date, *, include: bool = False) -> date:
        d = day if include else day - timedelta(days=1)
        for _ in range(366):
            if self.is_working_day(d):
                return d
            d -= timedelta(days=1)
        raise InputError(f"no working day within a year before {day}")

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (``start`` itself is day 0)."""
        if n < 0:
            raise ValueError("n must be >= 0")
        d = start
        for _ in range(n):
            d = self.next_working_day(d)
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in ``(start, end]`` — how many have elapsed counting ``start`` as day 0."""
        if end <= start:
            return 0
        count, d = 0, start
        while d < end:
            d += timedelta(days=1)
            if self.is_working_day(d):
                count += 1
        return count

    def acceptance_day(self, at: datetime) -> date:
        """The day an application made at ``at`` counts as received.

        Standard, point 7: an application made after working hours, on a weekend or on a holiday
        is accepted on the next working day.  Made before opening on a working day, it is accepted
        that same day (the day is not over, only not yet begun).
        """
        day = at.date()
        if self.is_working_day(day) and at.time() < self.close_at:
            return day
        return self.next_working_day(day)

    def days_off(self, start: date, end: date) -> list[DayInfo]:
        """Non-working days in ``[start, end]`` with their reasons (for explanations)."""
        out, d = [], start
        while d <= end:
            info = self.info(d)
            if not info.working:
                out.append(info)
            d += timedelta(days=1)
        return out


def parse_moment(value: str, *, what: str = "date") -> datetime:
    """An ISO date or date-time from user input; a bare date means the start of that day."""
    try:
        if len(value.strip()) == 10:
            return datetime.combine(date.fromisoformat(value.strip()), time(0, 0))
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"bad {what} {value!r}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM") from None
    if moment.tzinfo is not None:  # an explicit offset: convert to Kazakhstan wall-clock time
        moment = moment.astimezone(KZ_TZ).replace(tzinfo=None)
    return moment


def kz_local(moment: datetime) -> datetime:
    """``moment`` as naive Kazakhstan wall-clock time (aware datetimes are converted)."""
    if not isinstance(moment, datetime):
        raise InputError(f"expected a date and time, got {moment!r}")
    return moment.astimezone(KZ_TZ).replace(tzinfo=None) if moment.tzinfo is not None else moment


def kz_now() -> datetime:
    """Now, as Kazakhstan wall-clock time (naive)."""
    return datetime.now(KZ_TZ).replace(tzinfo=None, second=0, microsecond=0)


def iter_days(start: date, end: date) -> Iterable[date]:
    d = start
    while d <= end:
        yield d
        d += timedelta(days=1)
