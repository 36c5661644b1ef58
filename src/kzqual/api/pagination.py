"""Limit/offset pagination with a maximum, a total and a ``next`` link on every list."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from fastapi import Query, Request
from pydantic import BaseModel

from kzqual.api.strict import TEXT_INT

T = TypeVar("T")

PAGE_MAX = 100  # also in Settings.page_max; the schema states this bound


class PageParams(BaseModel):
    limit: int
    offset: int


def page_params(
    limit: Annotated[int, Query(ge=1, le=PAGE_MAX, description=f"items per page (max {PAGE_MAX})"), TEXT_INT] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="items to skip"), TEXT_INT] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int
    next: str | None = None  # URL of the next page, or null on the last one
    total_exact: bool = True  # false: there are more than ``total`` items (search counts stop there)


def next_link(request: Request, params: PageParams, total: int) -> str | None:
    nxt = params.offset + params.limit
    if nxt >= total:
        return None
    return str(request.url.include_query_params(offset=nxt, limit=params.limit))


def make_page(request: Request, params: PageParams, items: list, total: int, total_exact: bool = True) -> dict:
    page = {
        "items": items,
        "total": total,
        "limit": params.limit,
        "offset": params.offset,
        "next": next_link(request, params, total),
        "total_exact": total_exact,
    }
    return page
