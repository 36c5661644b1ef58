"""Questions the act leaves open, as explicit settings with documented defaults.

Every setting that changes a date or a figure is shown next to that date or figure (see
``Deadline.settings`` and the Н6-ӘТМ report's notes).  Defaults follow the general rule of the
Civil Code of Kazakhstan on periods (art. 187-188): a period counted from an event starts the
next day, and a deadline falling on a day off moves to the next working day.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from kzqual import safe_json
from kzqual.errors import InputError

CHOICES: dict[str, tuple[str, ...]] = {
    # Is the day of arrival day 0 (the count starts the next working day) or day 1?
    "first_day": ("next", "same"),
    # A deadline stated as a calendar date (the Н6-ӘТМ due date, 30 June / 31 December) on a day off.
    "calendar_deadline_on_day_off": ("next_working_day", "keep", "previous_working_day"),
    # Column 7 of Н6-ӘТМ: its header says "шығарылды" (graduated), its filling guide (item 10)
    # says columns 6 and 7 show those selected.
    "column7": ("graduated", "selected"),
    # Point 65: "5 working days from registration" — registration at the reviewing body (the day
    # the complaint is forwarded) or the day the provider received it.
    "complaint_decision_from": ("forwarded", "received"),
    # Which training groups a Н6-ӘТМ report lists (the act does not say): those whose training
    # period starts in the reporting half-year, or every group whose period overlaps it.
    "n6_groups": ("started", "overlapping"),
    # Point 65 gives the provider 3 working days to settle a complaint itself with a favourable
    # decision, but no term for the decision taken again after a reviewing body, the authorised body
    # for quality of public services or a court upholds the complaint.  "stage1": the standard's own
    # term for a decision (point 3 1), 2 working days) counted from the day the upheld outcome is
    # recorded; "none": no deadline is tracked.
    "redecision_after_upheld": ("stage1", "none"),
}
BOOLS = ("require_payment_before_training",)


@dataclass(frozen=True, slots=True)
class Settings:
    first_day: str = "next"
    calendar_deadline_on_day_off: str = "next_working_day"
    column7: str = "graduated"
    complaint_decision_from: str = "forwarded"
    n6_groups: str = "started"
    redecision_after_upheld: str = "stage1"
    # The standard says the fee is paid for training on a paid basis but not when; by default
    # training cannot start before the fee is recorded as paid.
    require_payment_before_training: bool = True

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_values(self, values: dict[str, Any]) -> Settings:
        names = {f.name for f in fields(self)}
        clean: dict[str, Any] = {}
        for key, value in values.items():
            if key not in names:
                raise InputError(f"unknown setting {key!r}; known: {', '.join(sorted(names))}")
            if key in BOOLS:
                if isinstance(value, str):
                    if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
                        raise InputError(f"setting {key} must be true or false, not {value!r}")
                    value = value.lower() in ("true", "1", "yes")
                clean[key] = bool(value)
            else:
                if value not in CHOICES[key]:
                    raise InputError(f"setting {key} must be one of {', '.join(CHOICES[key])}, not {value!r}")
                clean[key] = value
        return replace(self, **clean)


def parse_pairs(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        if "=" not in pair:
            raise InputError(f"bad setting {pair!r}: expected key=value")
        k, v = pair.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def load_settings(path: Path | str | None = None, pairs: list[str] | tuple[str, ...] = ()) -> Settings:
    settings = Settings()
    if path is not None:
        data = safe_json.load_file(path)
        if not isinstance(data, dict):
            raise InputError("settings must be a JSON object", source=str(path))
        settings = settings.with_values(data)
    return settings.with_values(parse_pairs(pairs))
