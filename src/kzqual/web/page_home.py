"""The home page: search posts with filters; snippets with the matched words highlighted."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Request
from markupsafe import Markup, escape

from kzqual.api import registry
from kzqual.api.deps import get_store
from kzqual.errors import InputError
from kzqual.web.render import render

router = APIRouter()
PAGE = 20


def marked(snippet: str | None, marks: list) -> Markup | None:
    """The snippet, escaped, with the store's matched-word offsets wrapped in <mark>."""
    if not snippet:
        return None
    out, pos = [], 0
    for start, end in sorted(marks or []):
        if start < pos:
            continue
        out.append(str(escape(snippet[pos:start])))
        out.append(f"<mark>{escape(snippet[start:end])}</mark>")
        pos = end
    out.append(str(escape(snippet[pos:])))
    return Markup("".join(out))


def _bodies(store: Any) -> list[str]:
    """The bodies that issued the loaded acts, as printed, for the filter's choices."""
    return _bodies_of(store, tuple((s.key, s.content_hash) for s in store.list_acts()))


@lru_cache(maxsize=8)
def _bodies_of(store: Any, version: tuple) -> list[str]:
    # Keyed by the registry's content: a new act (or version) refreshes the list.
    names = {store.get_act(key).act.issuer_body for key, _ in version}
    return sorted(n for n in names if n)


def _int(value: str | None, default: int, lo: int, hi: int) -> int:
    try:
        return min(max(int(value or default), lo), hi)
    except ValueError:
        return default


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"not a date (YYYY-MM-DD): {value[:40]!r}", source="in_force_on") from None


@router.get("/")
def home(request: Request):
    qp = request.query_params
    q = (qp.get("q") or "").strip()[:200]
    body = (qp.get("body") or "").strip()[:200]
    category = (qp.get("category") or "").strip()[:40]
    in_force_on = _date(qp.get("in_force_on"))
    act = (qp.get("act") or "").strip()[:120]
    offset = _int(qp.get("offset"), 0, 0, 10_000_000)
    searched = bool(q or category or in_force_on or act)
    store = get_store(request)
    page = {"items": [], "total": 0, "limit": PAGE, "offset": offset}
    if searched:
        items, total, exact = registry.search_positions(
            store, q=q, lang=None, body=body or None, category=category or None, in_force_on=in_force_on,
            act=act or None, limit=PAGE, offset=offset)
        for item in items:
            item["snippet_html"] = marked(item.get("snippet"), item.get("marks"))
        page.update(items=items, total=total, total_exact=exact)
    return render(request, "home.html", q=q, body=body, category=category, in_force_on=in_force_on or "",
                  act=act, bodies=_bodies(store), searched=searched, page=page, active="/")
