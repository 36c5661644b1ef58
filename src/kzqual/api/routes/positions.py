"""Posts: search with the CLI's filters, and one post with its requirements and source lines."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request

from kzqual.api import registry
from kzqual.api.deps import get_store
from kzqual.api.models import PositionDetail, PositionPage
from kzqual.api.pagination import PageParams, make_page, page_params
from kzqual.api.strict import TEXT_INT, IsoDate

router = APIRouter(tags=["positions"])


@router.get("/positions", response_model=PositionPage, summary="Search posts")
def search_positions(
    request: Request,
    q: str = Query("", max_length=200, description="words (any inflection); empty lists posts in document order"),
    lang: Literal["kk", "ru"] | None = Query(None, description="language of the act"),
    body: str | None = Query(None, max_length=200, description="government body / department words (with q)"),
    category: str | None = Query(None, max_length=40, description="С-3, C-O-4, A3-2-1 ..."),
    in_force_on: IsoDate | None = Query(None, description="only posts of acts in force on this date"),
    act: str | None = Query(None, max_length=120, pattern=r"^[A-Za-z0-9_.\-]+$", description="one act's posts (without q)"),
    issuer: str | None = Query(None, max_length=120, pattern=r"^[A-Za-z0-9_.\-]+$",
                               description="one state body's posts, whatever the language (a key of facets.body; with q)"),
    facets: bool = Query(False, description="with q: counts per state body, category, act status and text language"),
    page: PageParams = Depends(page_params),
    store: Any = Depends(get_store),
):
    day = in_force_on.isoformat() if in_force_on else None
    items, total, exact = registry.search_positions(
        store, q=q, lang=lang, body=body, category=category, in_force_on=day, act=act,
        limit=page.limit, offset=page.offset, issuer=issuer,
    )
    out = make_page(request, page, items, total, exact)
    out.update(registry.search_extras(store, q, lang=lang, body=body, category=category, issuer=issuer,
                                      in_force_on=day, total=total, facets=facets,
                                      reader_lang=getattr(request.state, "lang", None) or "kk"))
    return out


@router.get("/positions/{position_id}", response_model=PositionDetail,
            summary="One post: every requirement with the act lines it was read from")
def get_position(
    position_id: str = Path(..., min_length=1, max_length=200),
    version: Annotated[int | None, Query(ge=1, le=1_000_000, description="the post as act version N had it "
                       "(404 when that version has no such post); default the newest version that has it"),
                       TEXT_INT] = None,
    lang: Literal["kk", "ru"] | None = Query(None, description="the post in this language text of its act "
                                             "(default: Kazakh where there is one)"),
    store: Any = Depends(get_store),
):
    return registry.get_position(store, position_id, version, lang)
