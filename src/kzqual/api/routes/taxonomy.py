"""The taxonomy of education groups and specialties (kk/ru/en), searchable: what a profile's
``field`` can name so that the engine decides it."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel

router = APIRouter(tags=["eligibility"])


class TaxonomyOut(BaseModel):
    query: str
    lang: str
    count: int
    offset: int
    limit: int
    sources: dict[str, Any]
    entries: list[dict[str, Any]]


@router.get("/taxonomy", response_model=TaxonomyOut,
            summary="Education groups and specialties in kk/ru/en, each citing its source (searchable)")
def taxonomy(
    q: str = Query("", max_length=200, description="part of a name in any language, or a classifier code"),
    lang: Literal["kk", "ru", "en"] = Query("kk", description="language of each entry's 'name'"),
    kind: Literal["group", "specialty"] | None = Query(None, description="only groups or only specialties"),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=100_000),
):
    from kzqual.rules import taxonomy as tx

    tax = tx.bundled()
    rows = [r for r in tax.search(q, lang) if kind is None or r["kind"] == kind]
    return {"query": q, "lang": lang, "count": len(rows), "offset": offset, "limit": limit,
            "sources": tax.catalogue, "entries": rows[offset:offset + limit]}
