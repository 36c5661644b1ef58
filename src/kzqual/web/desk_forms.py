"""The staff forms of the public service: what a form sent back, its errors by field in the
reader's language, and the step time the staff member entered.

Pages keep every value typed and show each error next to its field; the service desk
(kzqual.services.cases) decides what is allowed — this module only reads the form and places the
desk's :class:`~kzqual.errors.InputError` (its ``field`` or ``code``) on the form."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kzqual.errors import ConflictError, InputError
from kzqual.i18n import catalogue, t
from kzqual.services.calendar import kz_now

# A step may not be dated in the future; a little slack covers a clock set a minute or two apart.
FUTURE_SLACK = dt.timedelta(minutes=5)
AT_FORMAT = "%Y-%m-%dT%H:%M"  # the value of <input type="datetime-local">

# Errors of the standard's checks that carry a code, not a field: where they belong on a form.
CODE_FIELDS = {
    "refusal_without_ground": "grounds",
    "unknown_ground": "grounds",
    "overpayment": "amount",
    "outside_paid_window": "group_id",
    "no_decision": "target",
    "before_submission": "at",
    "before_last_step": "at",
    "before_classes": "at",
    "missing_documents": "override_reason",
    "ground_without_state_data": "grounds",
    "unknown_document": "document",
    "unknown_state_data": "kind",
    "duplicate_application": "iin",
}


@dataclass
class FormState:
    """One submitted form: which step, the values as typed, errors by field, a form-wide error."""

    action: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    error: str | None = None  # form-wide, in the reader's language
    detail: str | None = None  # the service's own (English, technical) sentence
    status: int = 200

    @property
    def failed(self) -> bool:
        return bool(self.errors or self.error)

    def value(self, name: str, default: Any = "") -> Any:
        return self.values.get(name, default)

    def fail(self, name: str | None, key: str, lang: str, status: int = 400, **params: Any) -> None:
        text = t(key, lang, **params)
        if name:
            self.errors.setdefault(name, text)
        else:
            self.error = text
        self.status = max(self.status, status)

    def absorb(self, exc: InputError, lang: str, **params: Any) -> None:
        """Place an error the service desk raised: on its field, else on the form."""
        self.detail = str(exc)
        if isinstance(exc, ConflictError) and exc.code == "conflict":
            self.fail(None, "service_web.err.conflict", lang, 409, **params)
            return
        name = getattr(exc, "field", None) or CODE_FIELDS.get(exc.code)
        key = next((k for k in (f"service_web.err.{exc.code}", f"service_web.err.field.{name}")
                    if k in catalogue()), "service_web.err.refused")
        status = 409 if isinstance(exc, ConflictError) else 404 if exc.code == "not_found" else 400
        self.fail(name, key, lang, status)


def read_form(form: Any, names: tuple[str, ...], lists: tuple[str, ...] = ()) -> dict[str, Any]:
    """The form's values as typed (text trimmed to a sane length; lists for checkboxes)."""
    values: dict[str, Any] = {}
    for name in names:
        raw = form.get(name)
        values[name] = str(raw).strip()[:10_000] if raw is not None else ""
    for name in lists:
        values[name] = [str(v)[:40] for v in form.getlist(name)][:20]
    return values


def now_value() -> str:
    """The time field's default: now, Kazakhstan wall-clock time (Asia/Almaty)."""
    return kz_now().strftime(AT_FORMAT)


def parse_at(state: FormState, lang: str, name: str = "at") -> dt.datetime | None:
    """The step time the staff member entered (Kazakhstan time); None with an error on the field
    when it is missing, unreadable or in the future."""
    raw = str(state.values.get(name) or "").strip()
    if not raw:
        state.fail(name, "service_web.err.at_missing", lang)
        return None
    try:
        at = dt.datetime.fromisoformat(raw.replace(" ", "T"))
    except ValueError:
        state.fail(name, "service_web.err.at_bad", lang)
        return None
    if at.tzinfo is not None:
        from kzqual.services.calendar import kz_local

        at = kz_local(at)
    at = at.replace(second=0, microsecond=0)
    if at > kz_now() + FUTURE_SLACK:
        state.fail(name, "service_web.err.at_future", lang)
        return None
    return at


def parse_date(state: FormState, name: str, lang: str) -> dt.date | None:
    raw = str(state.values.get(name) or "").strip()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        state.fail(name, f"service_web.err.field.{name}", lang)
        return None


def parse_int(state: FormState, name: str, lang: str, *, low: int = 1, high: int = 2**31 - 1) -> int | None:
    raw = str(state.values.get(name) or "").replace(" ", "").replace("\u00a0", "")
    if not raw:
        state.fail(name, f"service_web.err.field.{name}", lang)
        return None
    try:
        value = int(raw)
    except ValueError:
        state.fail(name, f"service_web.err.field.{name}", lang)
        return None
    if not low <= value <= high:
        state.fail(name, f"service_web.err.field.{name}", lang)
        return None
    return value


# Stand-ins for a field already found wrong, so the form's next error is found too (the service
# stops at the first): every error of an application is shown at once, by the service's own checks.
_GOOD = {"iin": "000101500011", "surname": "x", "name": "x", "patronymic": None, "address": "x",
         "phone": "0000000000", "addressee": "x", "branch": "x", "documents": [], "consent": True,
         "signed_with": "eds", "applicant_kind": "conscript", "basis": "free", "medical_card": True}


def application_errors(application: dict[str, Any]) -> list[InputError]:
    """Every error the service finds in an application form, one per field."""
    from kzqual.services.model import application_from_dict

    data, found = dict(application), []
    for _ in range(len(_GOOD) + 1):
        try:
            application_from_dict(data)
            return found
        except InputError as exc:
            name = getattr(exc, "field", None)
            found.append(exc)
            if name not in _GOOD or data.get(name) == _GOOD[name]:
                return found
            data[name] = _GOOD[name]
    return found
