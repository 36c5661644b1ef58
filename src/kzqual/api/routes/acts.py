"""Acts: list (status, in force on a date), detail (metadata, history, notes, structure), raw text."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request

from kzqual.api import registry
from kzqual.api.deps import get_store
from kzqual.api.models import ActDetail, ActPage, ActText
from kzqual.api.pagination import PageParams, make_page, page_params
from kzqual.api.strict import TEXT_INT, IsoDate

router = APIRouter(tags=["acts"])

Version = Annotated[int | None, Query(ge=1, le=1_000_000, description="an act version (see the summary's "
                                     "`versions`); default the current one; 404 when the act has no such version"),
                    TEXT_INT]
Lang = Annotated[Literal["kk", "ru"] | None, Query(description="the act's language text (default: "
                                                 "Kazakh where the act has one, else Russian); versions are per language")]
ActKey = Annotated[str, Path(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9_.\-]+$", description="Act key, e.g. reg-9344")]


@router.get("/acts", response_model=ActPage, summary="List acts")
def list_acts(
    request: Request,
    status: Literal["in_force", "repealed", "not_yet_in_force"] | None = Query(None),
    in_force_on: IsoDate | None = Query(None, description="status on this date; alone, lists acts in force then"),
    page: PageParams = Depends(page_params),
    store: Any = Depends(get_store),
):
    items = registry.list_acts(store, status=status, in_force_on=in_force_on.isoformat() if in_force_on else None)
    return make_page(request, page, items[page.offset : page.offset + page.limit], len(items))


@router.get("/acts/{key}", response_model=ActDetail, summary="One act: metadata, history, notes, structure")
def get_act(key: ActKey, version: Version = None, lang: Lang = None, store: Any = Depends(get_store)):
    return registry.get_act(store, key, version, lang)


@router.get("/acts/{key}/text", response_model=ActText, summary="Raw source lines of an act (and their clean text)")
def act_text(
    key: ActKey,
    start: Annotated[int, Query(ge=1, le=10_000_000), TEXT_INT] = 1,
    end: Annotated[int | None, Query(ge=1, le=10_000_000,
                                     description=f"inclusive; at most {registry.MAX_TEXT_LINES} lines"), TEXT_INT] = None,
    version: Version = None,
    lang: Lang = None,
    store: Any = Depends(get_store),
):
    return registry.act_text(store, key, start, end if end is not None else start + 199, version, lang)
