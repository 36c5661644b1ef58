"""The eligibility page: a profile from a form or an uploaded JSON file; the verdict per criterion
for one post, and every post the person qualifies for (paginated), with near misses.

The form keeps people's work: a problem is shown next to its field and every value comes back;
the post is found by a search inside the form (a "Find" step without JavaScript, a small picker
with it: static/picker.js); "Save a link" stores the answers under an opaque id
(:mod:`kzqual.web.saved_checks`) for a result that can be shared, bookmarked and printed.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from kzqual import safe_json
from kzqual.api import eligibility, registry
from kzqual.api.deps import get_store
from kzqual.errors import InputError, NotFoundError
from kzqual.web import saved_checks
from kzqual.web.eligibility_form import (LEVELS, POSTGRADUATE_KINDS, WORK_ROWS, FieldError, form_fields,
                                         profile_from_form, read_as_of, read_form, specialty_choices)
from kzqual.web.post_lines import describe, lines_for
from kzqual.web.render import page_lang, render
from kzqual.web.timeline import timeline_svg

__all__ = ["profile_from_form", "router", "specialty_choices"]

router = APIRouter()
MAX_UPLOAD = 256 * 1024
PAGE = 20  # posts per page of "posts you qualify for"
CHOICES = 10  # posts offered by the in-form search


def _int(value: Any, lo: int, hi: int) -> int:
    try:
        return min(max(int(str(value or "0")), lo), hi)
    except ValueError:
        return lo


def _values(form: Any) -> dict[str, str]:
    """The form's text values worth keeping (never the CSRF token, never a file)."""
    keep = set(form_fields())
    return {k: str(v) for k, v in form.multi_items() if k in keep and isinstance(v, str)}


def _page(request: Request, values: dict[str, str], *, status: int = 200, errors: list[FieldError] | None = None,
          result: dict | None = None, choices: list[dict] | None = None, saved_id: str | None = None):
    lang = page_lang(request)
    store = get_store(request)
    position_id = values.get("position_id", "")
    chosen = describe(store, [position_id]).get(position_id) if position_id else None
    by_field: dict[str, list[str]] = {}
    for e in errors or []:
        by_field.setdefault(e.field, []).append(e.text(lang))
    return render(request, "eligibility.html", http_status=status, levels=LEVELS, pg_kinds=POSTGRADUATE_KINDS,
                  rows=range(WORK_ROWS), form=values, specialties=specialty_choices(lang), position_id=position_id,
                  chosen=chosen, choices=choices, errors=by_field,
                  error_list=[(e.field, e.text(lang), e.detail) for e in errors or []],
                  result=result, saved_id=saved_id, active="/eligibility")


@router.get("/eligibility")
def form_page(request: Request):
    position = request.query_params.get("position", "")[:200]
    return _page(request, {"position_id": position} if position else {})


def _find(request: Request, values: dict[str, str]) -> list[dict]:
    """The posts the in-form search offers: the words in post_q, posts of acts in force first."""
    q = values.get("post_q", "").strip()[:200]
    if not q:
        return []
    store = get_store(request)
    items, _, _ = registry.search_positions(store, q=q, lang=None, body=None, category=None, in_force_on=None,
                                            act=None, limit=CHOICES * 3, offset=0)
    items.sort(key=lambda i: i.get("act_status") == "repealed")  # stable: relevance within each group
    described = describe(store, [i["id"] for i in items[:CHOICES]])
    return [described[i["id"]] for i in items[:CHOICES] if i["id"] in described]


def _profile(values: dict[str, str], raw_upload: bytes | None, upload_name: str,
             lang: str) -> tuple[dict | None, list[FieldError]]:
    if raw_upload is not None:
        if len(raw_upload) > MAX_UPLOAD:
            return None, [FieldError("profile_file", "web.formerr.too_large", {"kib": MAX_UPLOAD // 1024},
                                     f"profile file larger than {MAX_UPLOAD // 1024} KiB")]
        try:
            return safe_json.loads(raw_upload, source=upload_name, max_bytes=MAX_UPLOAD), []
        except InputError as exc:
            return None, [FieldError("profile_file", "web.formerr.json", {}, str(exc))]
    pasted = values.get("profile_json", "").strip()
    if pasted:
        try:
            return safe_json.loads(pasted, source="profile"), []
        except InputError as exc:
            return None, [FieldError("profile_json", "web.formerr.json", {}, str(exc))]
    return read_form(values, lang)


def evaluate(request: Request, profile: Any, values: dict[str, str], offset: int = 0) -> tuple[dict | None, list[FieldError]]:
    """The verdict for the chosen post and one page of the posts the profile qualifies for."""
    lang = page_lang(request)
    store = get_store(request)
    as_of, errors = read_as_of(values)
    position_id = values.get("position_id", "").strip()
    if position_id:
        try:
            store.get_position(position_id)
        except NotFoundError:
            errors.append(FieldError("post_q", "web.formerr.post", {}, f"no post {position_id[:60]!r}"))
    if errors:
        return None, errors
    source = "profile_json" if values.get("profile_json", "").strip() else "profile_file"
    try:
        check = eligibility.check(store, profile, position_id, as_of=as_of, policy_values=None) if position_id else None
        # only posts of acts in force on the as-of date, unless the reader widens it (then each such
        # post carries its act's status, naming the repealing act)
        matched = _match(request, profile, values, as_of, offset)
    except InputError as exc:  # a profile from JSON the engine cannot read
        return None, [FieldError(source, "web.formerr.json", {}, str(exc))]
    for group in ("qualified", "near_misses", "possible"):
        matched[group] = lines_for(store, matched[group])
    timeline = None
    if check is not None and check.get("next_step") and isinstance(profile, dict):
        timeline = timeline_svg(profile, as_of, check["next_step"], lang)
    pages = {"offset": offset, "limit": PAGE, "total": matched["counts"]["met"]}
    # one banner per act not in force (naming the repealing act), not one per post
    banners = {i["act_status"]["act"]: i["act_status"] for group in ("qualified", "near_misses", "possible")
               for i in matched[group] if i.get("act_status")}
    return {"check": check, "match": matched, "timeline": timeline, "page": pages, "banners": list(banners.values()),
            "profile": json.dumps(profile, ensure_ascii=False, indent=1)}, []


async def _read(request: Request) -> tuple[dict[str, str], Any, list[FieldError], Any]:
    form = await request.form()
    values = _values(form)
    upload = form.get("profile_file")
    raw, name = None, ""
    if upload is not None and hasattr(upload, "read") and getattr(upload, "filename", ""):
        raw, name = await upload.read(MAX_UPLOAD + 1), upload.filename
        if len(raw) <= MAX_UPLOAD:  # kept in the paste box: the next submit does not need the file again
            values["profile_json"] = raw.decode("utf-8", errors="replace")
    profile, errors = _profile(values, raw, name, page_lang(request))
    return values, profile, errors, form


@router.post("/eligibility")
async def run(request: Request):
    values, profile, errors, form = await _read(request)
    typed_only = values.get("post_q", "").strip() and not values.get("position_id", "").strip()
    if form.get("find") or (typed_only and not form.get("picked")):
        # the search-then-pick step: nothing evaluated, every answer kept
        return _page(request, values, choices=_find(request, values), errors=errors)
    if errors:
        return _page(request, values, status=400, errors=errors)
    result, errors = evaluate(request, profile, values, _int(form.get("offset"), 0, 1_000_000))
    return _page(request, values, status=400 if errors else 200, errors=errors, result=result)


def _count_save(request: Request) -> None:
    """Anyone may save a check, so saves are counted per client address: past
    ``saved_checks.SAVES_PER_HOUR`` an hour the answer is 429 and nothing is stored (bounded storage)."""
    from kzqual.api.auth import client_key
    from kzqual.api.deps import app_singleton
    from kzqual.api.errors import ApiError
    from kzqual.api.throttle import Throttle

    throttle = app_singleton(request.app, "saved_check_throttle",
                             lambda: Throttle(saved_checks.SAVES_PER_HOUR, 3600.0))
    key = client_key(request)
    wait = throttle.retry_after(key)
    if wait is not None:
        raise ApiError(429, "too_many_saves", f"too many saved checks from this address; try again in {wait} s",
                       headers={"Retry-After": str(wait)})
    throttle.fail(key)


@router.post("/eligibility/share")
async def share(request: Request):
    """Save the answers under an opaque id and open the result's own address."""
    values, profile, errors, _ = await _read(request)
    if not errors:
        _, errors = evaluate(request, profile, values)  # only a check that runs is saved
    if errors:
        return _page(request, values, status=400, errors=errors)
    _count_save(request)
    key = saved_checks.save(get_store(request).engine, {"version": 1, "form": values})
    return RedirectResponse(f"/eligibility/saved/{key}#result", status_code=303)


def _match(request: Request, profile: Any, values: dict[str, str], as_of: Any, offset: int) -> dict:
    """One page of the posts the profile qualifies for, as the result page and its exports show it:
    acts in force on the as-of date unless the reader widened it."""
    return eligibility.match(request.app, get_store(request), profile, as_of=as_of, in_force_on=None,
                             near_years=2.0, limit=PAGE, offset=offset, policy_values=None,
                             include_repealed=bool(values.get("include_repealed")))


def _saved(request: Request, saved_id: str) -> tuple[dict[str, str], Any, list[FieldError]]:
    """A saved check's form answers and the profile they make (404 for an unknown or expired id)."""
    content = saved_checks.load(get_store(request).engine, saved_id)
    if content is None:
        raise NotFoundError(f"no saved check {saved_id[:40]!r} (unknown or expired)", source="saved_id")
    values = {k: str(v) for k, v in (content.get("form") or {}).items() if k in set(form_fields())}
    profile, errors = _profile(values, None, "", page_lang(request))
    return values, profile, errors


@router.get("/eligibility/saved/{saved_id}")
def saved(request: Request, saved_id: str):
    values, profile, errors = _saved(request, saved_id)
    result = None
    if not errors:
        result, errors = evaluate(request, profile, values, _int(request.query_params.get("offset"), 0, 1_000_000))
    return _page(request, values, status=200, errors=errors, result=result, saved_id=saved_id)


@router.get("/eligibility/saved/{saved_id}/match")
def saved_match(request: Request, saved_id: str):
    """A saved check's "posts you qualify for" as data: ``format=json`` (default) is the API's answer
    to ``POST /api/v1/eligibility/match`` for the same answers and page, ``format=csv`` the same posts
    as a table (one row per post, its group first) -- exactly the page of posts the result shows."""
    from fastapi.responses import JSONResponse, Response

    from kzqual.api.csv_export import flatten, to_csv
    from kzqual.api.routes.eligibility import MatchOut

    fmt = request.query_params.get("format", "json")
    if fmt not in ("json", "csv"):
        raise InputError(f"format must be json or csv, not {fmt[:20]!r}", source="format")
    values, profile, errors = _saved(request, saved_id)
    as_of, date_errors = read_as_of(values)
    if errors or date_errors or profile is None:
        raise InputError("the saved answers no longer make a profile the engine can read", source="saved_id")
    matched = _match(request, profile, values, as_of, _int(request.query_params.get("offset"), 0, 1_000_000))
    answer = MatchOut.model_validate(matched).model_dump(mode="json")
    if fmt == "json":
        return JSONResponse(answer)
    rows = [{"group": group, **flatten(item)} for group in ("qualified", "near_misses", "possible")
            for item in answer[group]]
    return Response(to_csv(rows), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="kzqual-match.csv"'})

