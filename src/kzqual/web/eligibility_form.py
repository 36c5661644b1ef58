"""Reading the eligibility form: the profile it describes, and every problem as an error on its
field (shown next to that field in the reader's language; nothing the person typed is dropped).

``read_form`` never raises for what a person can type: it returns the profile and a list of
:class:`FieldError`; ``profile_from_form`` (the strict form, for callers that want an exception)
raises :class:`InputError` on the first one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kzqual.errors import InputError
from kzqual.i18n import t

LEVELS = ("general_secondary", "technical_vocational", "post_secondary", "higher", "postgraduate")
POSTGRADUATE_KINDS = ("master", "doctorate")
# Tri-state answers: "" = not stated, which the engine treats as undetermined (never as "no").
TRISTATE = {"": None, "yes": True, "no": False}
WORK_ROWS = 3
# the fields a saved check keeps (never the CSRF token or a file)
TEXT_FIELDS = ("as_of", "post_q", "position_id", "edu_level", "edu_specialty", "edu_field", "edu_completed",
               "edu_pg_kind", "edu_foreign_priority", "edu_academy", "degree_kind", "degree_field",
               "degree_awarded", "computer_skills", "special_training", "profile_json", "include_repealed")
ROW_FIELDS = ("employer", "post", "start", "end", "field", "grade", "state", "state_body", "lead")


def form_fields() -> tuple[str, ...]:
    return TEXT_FIELDS + tuple(f"w{i}_{name}" for i in range(WORK_ROWS) for name in ROW_FIELDS)


@dataclass(frozen=True)
class FieldError:
    field: str  # the id of the form control
    key: str  # catalogue key of the message
    params: dict = field(default_factory=dict)
    detail: str = ""  # the technical reason (English), folded under the message

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.params)


class _Reader:
    def __init__(self, form: Any, lang: str) -> None:
        self.form, self.lang, self.errors = form, lang, []

    def s(self, name: str) -> str | None:
        return str(self.form.get(name, "") or "").strip()[:200] or None

    def date(self, name: str) -> str | None:
        value = self.s(name)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            self.errors.append(FieldError(name, "web.formerr.date", {"value": value[:40]},
                                          f"not a date (YYYY-MM-DD): {value[:40]!r}"))
            return None

    def choice(self, name: str, allowed: Any) -> str | None:
        value = self.s(name) or ""
        if value and value not in allowed:
            self.errors.append(FieldError(name, "web.formerr.choice", {}, f"{name}: unknown value {value[:40]!r}"))
            return None
        return value or None

    def tri(self, name: str) -> bool | None:
        value = str(self.form.get(name, "") or "").strip()
        if value not in TRISTATE:
            self.errors.append(FieldError(name, "web.formerr.choice", {},
                                          f"{name}: expected yes, no or empty, got {value[:20]!r}"))
            return None
        return TRISTATE[value]


@lru_cache(maxsize=1)
def _classifier_groups() -> frozenset[str]:
    # groups the curated classifier lists (a group only an act's damaged text names is not offered)
    from kzqual.rules import taxonomy as tx

    return frozenset(g.key for g in tx.load(tx.classifier_path()).groups)


def specialty_choices(lang: str) -> list[dict]:
    """The taxonomy for the form's picker: each group (itself a choice: "the whole group") with its
    specialties, names in the reader's language."""
    from kzqual.rules import taxonomy as tx

    def shown_in(row: dict) -> str:
        # a name only an act gives (in its own language and spelling) is shown as written and
        # marked with that language, so a screen reader reads it right
        names = row.get("names") or {}
        return lang if lang in names or not names else next(iter(names))

    groups: list[dict] = []
    for row in tx.bundled().search("", lang):
        if row["kind"] == "group":
            groups.append({"key": row["key"], "name": row["name"], "lang": shown_in(row), "specialties": []})
        elif groups and groups[-1]["key"] == row["group"]:
            groups[-1]["specialties"].append({"key": row["key"], "name": row["name"], "code": row.get("code"),
                                              "lang": shown_in(row)})
    for g in groups:
        # names in the reader's language first, then the ones only an act gives
        g["specialties"].sort(key=lambda s: (s["lang"] != lang, s["name"]))
    groups.sort(key=lambda g: g["name"])
    return [g for g in groups if g["specialties"] or g["key"] in _classifier_groups()]


def _field(r: _Reader) -> str | None:
    """The specialty as typed, else the one picked from the taxonomy (by its name in the reader's
    language, which resolves back to the same key)."""
    typed = r.s("edu_field")
    key = r.s("edu_specialty")
    if typed or not key:
        return typed
    from kzqual.rules import taxonomy as tx

    tax = tx.bundled()
    if tax.by_key(key) is None:
        r.errors.append(FieldError("edu_specialty", "web.formerr.choice", {}, f"unknown specialty key {key[:60]!r}"))
        return None
    return tax.label(key, r.lang)


def read_form(form: Any, lang: str = "kk") -> tuple[dict, list[FieldError]]:
    """(the profile the form describes — the same JSON format an upload uses —, the field errors)."""
    r = _Reader(form, lang)
    education = []
    level = r.choice("edu_level", LEVELS)
    kind = r.choice("edu_pg_kind", POSTGRADUATE_KINDS)
    if kind and level != "postgraduate":
        r.errors.append(FieldError("edu_pg_kind", "web.formerr.pg_kind", {},
                                   f"postgraduate kind {kind!r} needs level 'postgraduate'"))
    if level:
        entry: dict[str, Any] = {"level": level, "field": _field(r), "completed": r.date("edu_completed"),
                                 "foreign_priority_programme": bool(form.get("edu_foreign_priority")),
                                 "academy_state_order": bool(form.get("edu_academy"))}
        if kind and level == "postgraduate":
            entry["postgraduate_kind"] = kind
        education.append(entry)
    work = []
    for i in range(WORK_ROWS):
        start, end = r.date(f"w{i}_start"), r.date(f"w{i}_end")
        employer = r.s(f"w{i}_employer") or ""
        filled = any(r.s(f"w{i}_{name}") for name in ROW_FIELDS if name not in ("start",))
        if not start and not r.s(f"w{i}_start") and not filled:
            continue
        if not r.s(f"w{i}_start"):
            r.errors.append(FieldError(f"w{i}_start", "web.formerr.work_start", {"row": i + 1},
                                       f"work row {i + 1}: give the start date"))
            continue
        if start and end and end < start:
            r.errors.append(FieldError(f"w{i}_end", "web.formerr.end_before_start", {},
                                       f"work row {i + 1}: the end {end} is before the start {start}"))
            continue
        if not start:
            continue
        work.append({
            "employer": employer or "—", "start": start, "end": end, "post": r.s(f"w{i}_post") or "",
            # A state-service post is in a state body; a state body may employ people outside
            # state service (technical staff), so the two are separate boxes.
            "state_body": bool(form.get(f"w{i}_state_body") or form.get(f"w{i}_state")),
            "state_service": bool(form.get(f"w{i}_state")),
            "leadership": bool(form.get(f"w{i}_lead")),
            "field": r.s(f"w{i}_field"),
            "grade": r.s(f"w{i}_grade"),
        })
    profile: dict[str, Any] = {"education": education, "work": work,
                               "special_training": r.tri("special_training"),
                               "computer_skills": r.tri("computer_skills")}
    degree = r.s("degree_kind")
    awarded = r.date("degree_awarded")
    if degree:
        profile["academic_degree"] = {"kind": degree, "field": r.s("degree_field"), "awarded": awarded}
    return profile, r.errors


def profile_from_form(form: Any, lang: str = "kk") -> dict:
    """The profile, or :class:`InputError` on the form's first problem."""
    profile, errors = read_form(form, lang)
    if errors:
        raise InputError(errors[0].detail, source="form")
    return profile


def read_as_of(form: Any) -> tuple[dt.date, list[FieldError]]:
    r = _Reader(form, "en")
    day = r.date("as_of")
    return (dt.date.fromisoformat(day) if day else dt.date.today()), r.errors
