"""The eligibility page: a profile from a form or an uploaded JSON file; the verdict per criterion
for one post, and the posts the person qualifies for, with near misses."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Request

from kzqual.api import eligibility
from kzqual.api.deps import get_store
from kzqual import safe_json
from kzqual.errors import InputError
from kzqual.web.render import page_lang, render
from kzqual.web.timeline import timeline_svg

router = APIRouter()
LEVELS = ("general_secondary", "technical_vocational", "post_secondary", "higher", "postgraduate")
POSTGRADUATE_KINDS = ("master", "doctorate")
# Tri-state answers: "" = not stated, which the engine treats as undetermined (never as "no").
TRISTATE = {"": None, "yes": True, "no": False}
WORK_ROWS = 3
MAX_UPLOAD = 256 * 1024


def _d(value: Any) -> str | None:
    value = str(value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"not a date (YYYY-MM-DD): {value[:40]!r}", source="form") from None


def _s(form: Any, name: str) -> str | None:
    return str(form.get(name, "")).strip()[:200] or None


def _tri(form: Any, name: str) -> bool | None:
    value = str(form.get(name, "")).strip()
    if value not in TRISTATE:
        raise InputError(f"{name}: expected yes, no or empty, got {value[:20]!r}", source="form")
    return TRISTATE[value]


def specialty_choices(lang: str) -> list[dict]:
    """The taxonomy for the form's picker: each group (itself a choice: "the whole group") with its
    specialties, names in the reader's language."""
    from kzqual.rules import taxonomy as tx

    groups: list[dict] = []
    for row in tx.bundled().search("", lang):
        if row["kind"] == "group":
            groups.append({"key": row["key"], "name": row["name"], "specialties": []})
        elif groups and groups[-1]["key"] == row["group"]:
            groups[-1]["specialties"].append({"key": row["key"], "name": row["name"], "code": row.get("code")})
    for g in groups:
        g["specialties"].sort(key=lambda s: s["name"])
    return [g for g in groups if g["specialties"] or g["key"] in _classifier_groups()]


@lru_cache(maxsize=1)
def _classifier_groups() -> frozenset[str]:
    # groups the curated classifier lists (a group only an act's damaged text names is not offered)
    from kzqual.rules import taxonomy as tx

    return frozenset(g.key for g in tx.load(tx.classifier_path()).groups)


def _field(form: Any, lang: str) -> str | None:
    """The specialty as typed, else the one picked from the taxonomy (by its name in ``lang``,
    which resolves back to the same key)."""
    typed = _s(form, "edu_field")
    key = str(form.get("edu_specialty", "")).strip()
    if typed or not key:
        return typed
    from kzqual.rules import taxonomy as tx

    tax = tx.bundled()
    if tax.by_key(key) is None:
        raise InputError(f"unknown specialty key {key[:60]!r}", source="form")
    return tax.label(key, lang)


def profile_from_form(form: Any, lang: str = "kk") -> dict:
    """The profile the form describes (the same JSON format an upload uses)."""
    education = []
    level = str(form.get("edu_level", "")).strip()
    if level:
        if level not in LEVELS:
            raise InputError(f"unknown education level {level[:40]!r}", source="form")
        entry: dict[str, Any] = {"level": level, "field": _field(form, lang),
                                 "completed": _d(form.get("edu_completed")),
                                 "foreign_priority_programme": bool(form.get("edu_foreign_priority")),
                                 "academy_state_order": bool(form.get("edu_academy"))}
        kind = str(form.get("edu_pg_kind", "")).strip()
        if kind:
            if kind not in POSTGRADUATE_KINDS or level != "postgraduate":
                raise InputError(f"postgraduate kind {kind[:20]!r} needs level 'postgraduate'", source="form")
            entry["postgraduate_kind"] = kind
        education.append(entry)
    work = []
    for i in range(WORK_ROWS):
        start = _d(form.get(f"w{i}_start"))
        employer = str(form.get(f"w{i}_employer", "")).strip()
        if not start and not employer:
            continue
        if not start:
            raise InputError(f"work row {i + 1}: give the start date", source="form")
        work.append({
            "employer": employer or "—", "start": start, "end": _d(form.get(f"w{i}_end")),
            "post": str(form.get(f"w{i}_post", "")).strip(),
            # A state-service post is in a state body; a state body may employ people outside
            # state service (technical staff), so the two are separate boxes.
            "state_body": bool(form.get(f"w{i}_state_body") or form.get(f"w{i}_state")),
            "state_service": bool(form.get(f"w{i}_state")),
            "leadership": bool(form.get(f"w{i}_lead")),
            "field": _s(form, f"w{i}_field"),
            "grade": _s(form, f"w{i}_grade"),
        })
    profile: dict[str, Any] = {"education": education, "work": work,
                               "special_training": _tri(form, "special_training"),
                               "computer_skills": _tri(form, "computer_skills")}
    degree = _s(form, "degree_kind")
    if degree:
        profile["academic_degree"] = {"kind": degree, "field": _s(form, "degree_field"),
                                      "awarded": _d(form.get("degree_awarded"))}
    return profile


@router.get("/eligibility")
def form_page(request: Request):
    return render(request, "eligibility.html", levels=LEVELS, pg_kinds=POSTGRADUATE_KINDS, rows=range(WORK_ROWS),
                  form={}, specialties=specialty_choices(page_lang(request)),
                  position_id=request.query_params.get("position", "")[:200], result=None, active="/eligibility")


@router.post("/eligibility")
async def run(request: Request):
    form = await request.form()
    upload = form.get("profile_file")
    pasted = str(form.get("profile_json", "")).strip()
    if upload is not None and hasattr(upload, "read") and getattr(upload, "filename", ""):
        raw = await upload.read(MAX_UPLOAD + 1)
        if len(raw) > MAX_UPLOAD:
            raise InputError(f"profile file larger than {MAX_UPLOAD // 1024} KiB", source=upload.filename)
        profile = safe_json.loads(raw, source=upload.filename, max_bytes=MAX_UPLOAD)
    elif pasted:
        profile = safe_json.loads(pasted, source="profile")
    else:
        profile = profile_from_form(form, page_lang(request))
    as_of = dt.date.fromisoformat(_d(form.get("as_of")) or dt.date.today().isoformat())
    position_id = str(form.get("position_id", "")).strip()[:200]
    store = get_store(request)
    check = None
    if position_id:
        check = eligibility.check(store, profile, position_id, as_of=as_of, policy_values=None)
    # only posts of acts in force on the as-of date, unless the reader widens it (then each such
    # post carries its act's status, naming the repealing act)
    matched = eligibility.match(request.app, store, profile, as_of=as_of, in_force_on=None, near_years=2.0,
                                limit=20, policy_values=None, include_repealed=bool(form.get("include_repealed")))
    timeline = None
    if check is not None and check.get("next_step") and isinstance(profile, dict):
        timeline = timeline_svg(profile, as_of, check["next_step"], page_lang(request))
    return render(request, "eligibility.html", levels=LEVELS, pg_kinds=POSTGRADUATE_KINDS, rows=range(WORK_ROWS),
                  form=dict(form), specialties=specialty_choices(page_lang(request)),
                  position_id=position_id, result={"check": check, "match": matched, "timeline": timeline,
                                                   "profile": json.dumps(profile, ensure_ascii=False, indent=1)},
                  active="/eligibility")
