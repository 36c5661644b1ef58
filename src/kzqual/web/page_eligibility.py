"""The eligibility page: a profile from a form or an uploaded JSON file; the verdict per criterion
for one post, and the posts the person qualifies for, with near misses."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from fastapi import APIRouter, Request

from kzqual.api import eligibility
from kzqual.api.deps import get_store
from kzqual import safe_json
from kzqual.errors import InputError
from kzqual.web.render import render

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


def profile_from_form(form: Any) -> dict:
    """The profile the form describes (the same JSON format an upload uses)."""
    education = []
    level = str(form.get("edu_level", "")).strip()
    if level:
        if level not in LEVELS:
            raise InputError(f"unknown education level {level[:40]!r}", source="form")
        entry: dict[str, Any] = {"level": level, "field": _s(form, "edu_field"),
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
                  form={},
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
        profile = profile_from_form(form)
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
    return render(request, "eligibility.html", levels=LEVELS, pg_kinds=POSTGRADUATE_KINDS, rows=range(WORK_ROWS),
                  form=dict(form),
                  position_id=position_id, result={"check": check, "match": matched,
                                                   "profile": json.dumps(profile, ensure_ascii=False, indent=1)},
                  active="/eligibility")
