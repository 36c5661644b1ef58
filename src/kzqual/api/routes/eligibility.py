"""Eligibility: check one profile against one post, match against every post, screen in bulk
(NDJSON in, NDJSON out, streamed)."""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import iterate_in_threadpool

from kzqual.api import eligibility
from kzqual.api.deps import get_store
from kzqual.api.errors import ErrorResponse
from kzqual.api.strict import IsoDate, JsonFloat, JsonInt
from kzqual.api.work_limits import screen_bounds, too_much_work
from kzqual.errors import InputError

router = APIRouter(prefix="/eligibility", tags=["eligibility"])

Tri = Literal["undetermined", "yes", "no"]


class PolicyIn(BaseModel):
    """How to decide what the acts leave open (default: undetermined)."""

    model_config = ConfigDict(extra="forbid")
    higher_grade_counts: Tri = "undetermined"
    field_tags_count: Tri = "undetermined"
    education_above_counts: Tri = "undetermined"


PROFILE_DOC = ("a profile (docs/profile.schema.json): education, academic_degree, work, and the two "
               "requirements only the person can state, special_training and computer_skills "
               "(true / false / null = not stated -> that criterion is undetermined)")


class CheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    profile: dict[str, Any] = Field(..., description=PROFILE_DOC)
    position_id: str = Field(..., min_length=1, max_length=200)
    as_of: IsoDate | None = Field(None, description="lengths of service counted to this day (default today)")
    policy: PolicyIn = Field(default_factory=PolicyIn)


class MatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    profile: dict[str, Any] = Field(..., description=PROFILE_DOC)
    as_of: IsoDate | None = None
    in_force_on: IsoDate | None = Field(None, description="only posts of acts in force on this day "
                                                        "(default: the as_of day)")
    include_repealed: bool = Field(False, description="also posts of acts not in force; each such item carries "
                                                      "act_in_force=false and act_status (naming the repealing act)")
    near_years: JsonFloat = Field(2.0, ge=0, le=50, description="near miss: not met, at most this many years short")
    limit: JsonInt = Field(20, ge=1, le=100, description="posts listed per group (one page)")
    offset: JsonInt = Field(0, ge=0, le=1_000_000, description="skip this many posts of each group (next page)")
    policy: PolicyIn = Field(default_factory=PolicyIn)


class VerdictNode(BaseModel):
    model_config = ConfigDict(extra="allow")
    criterion: str
    label: str
    status: Literal["met", "not_met", "undetermined"]
    reason: dict[str, str]
    act: str | None = None
    lines: list[int] | None = None
    children: list[VerdictNode] = []


class CheckOut(BaseModel):
    position: dict[str, Any]
    as_of: str
    policy: dict[str, str]
    status: Literal["met", "not_met", "undetermined"]
    # the act's status on as_of: a post of an act not in force cannot ground a real appointment
    act_in_force: bool | None = None
    act_status: dict[str, Any] | None = None
    verdict: VerdictNode
    next_step: dict[str, Any] | None = None


class MatchOut(BaseModel):
    as_of: str
    in_force_on: str | None = None  # the day whose acts in force were taken; null with include_repealed
    policy: dict[str, str]
    offset: int
    limit: int
    counts: dict[str, int]
    qualified: list[dict[str, Any]]
    possible: list[dict[str, Any]]
    near_misses: list[dict[str, Any]]


@router.post("/check", response_model=CheckOut, summary="Check one profile against one post, criterion by criterion")
def check(body: CheckIn, store: Any = Depends(get_store)):
    return eligibility.check(store, body.profile, body.position_id, as_of=body.as_of,
                             policy_values=body.policy.model_dump())


@router.post("/match", response_model=MatchOut,
             summary="Every post the profile qualifies for, the undetermined ones and the near misses")
def match(request: Request, body: MatchIn, store: Any = Depends(get_store)):
    return eligibility.match(request.app, store, body.profile, as_of=body.as_of,
                             in_force_on=body.in_force_on.isoformat() if body.in_force_on else None,
                             near_years=body.near_years, limit=body.limit, offset=body.offset,
                             policy_values=body.policy.model_dump(), include_repealed=body.include_repealed)


@router.post(
    "/screen",
    summary="Bulk screening: JSON Lines of profiles in, NDJSON decisions out (streamed)",
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/x-ndjson": {"schema": {"type": "string"}},
        "text/plain": {"schema": {"type": "string"}}}}},
    responses={200: {"description": "one JSON object per line: {line, profile_id, position_id, status} "
                                    "or {line, error}; a final {error: {code: too_much_work, message}} when "
                                    "the time bound ends the answer", "content": {"application/x-ndjson": {}}},
               413: {"model": ErrorResponse, "description": "too_much_work: more profiles or posts than the caller's bounds "
                                    "(anonymous: 100 profiles, 2,000 posts, 30 s; with a token: 10,000, "
                                    "100,000, 600 s)"}},
)
async def screen(
    request: Request,
    act: str | None = Query(None, max_length=120, pattern=r"^[A-Za-z0-9_.\-]+$", description="only this act's posts"),
    category: str | None = Query(None, max_length=40),
    as_of: IsoDate | None = Query(None),
    in_force_on: IsoDate | None = Query(None, description="only posts of acts in force on this day "
                                                          "(default: the as_of day)"),
    include_repealed: bool = Query(False, description="also posts of acts not in force; their rows carry "
                                                      "act_in_force=false and act_status"),
    include_all: bool = Query(False, description="also not_met decisions"),
    store: Any = Depends(get_store),
):
    started = time.monotonic()
    bounds = await screen_bounds(request)
    body = await request.body()
    if not body.strip():
        raise InputError("empty body: send one profile (JSON) per line", source="screen")
    rows = body.splitlines()
    profiles = sum(1 for r in rows if r.strip())
    if profiles > bounds.max_profiles:
        raise too_much_work(f"{profiles} profiles in one request; at most {bounds.max_profiles}", bounds)
    day = as_of or dt.date.today()
    filter_day = None if include_repealed else (in_force_on or day).isoformat()
    rules = await iterate_once(lambda: eligibility.rule_set(
        request.app, store, in_force_on=filter_day, policy_values=None, act=act, category=category))
    if not rules.positions:
        raise InputError("no posts selected" + ("" if include_repealed else
                                                " (of acts in force on the day; include_repealed widens)"),
                         source="screen")
    if len(rules.positions) > bounds.max_posts:
        raise too_much_work(f"{len(rules.positions)} posts selected; at most {bounds.max_posts} "
                            "(choose an act or a category)", bounds)
    banners = eligibility.banners(store, rules, day) if include_repealed else {}
    deadline = started + bounds.max_seconds

    def lines():
        for row in eligibility.screen_lines(rules, iter(rows), as_of=day, include_all=include_all,
                                            chunk=2000, max_profiles=bounds.max_profiles):
            if time.monotonic() > deadline:
                # the answer has started (200): a final error record, in the API's error shape, ends it
                stop = {"code": "too_much_work", "message": f"time bound of {bounds.max_seconds:g} s reached; "
                        f"the answer stops before line {row.get('line')} (send fewer profiles per request)"}
                yield (json.dumps({"error": stop}, ensure_ascii=False) + "\n").encode()
                return
            extra = banners.get(row.get("position_id"))
            if extra:  # a verdict under an act not in force carries its banner
                row = {**row, **extra}
            yield (json.dumps(row, ensure_ascii=False) + "\n").encode()

    return StreamingResponse(iterate_in_threadpool(lines()), media_type="application/x-ndjson")


async def iterate_once(fn):
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(fn)
