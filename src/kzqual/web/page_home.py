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
from kzqual.i18n import t
from kzqual.web.render import page_lang, render

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


def examples(lang: str) -> list[str]:
    """The page's example queries in the reader's language (search.json; a test runs each)."""
    return [x.strip() for x in t("search.examples", lang).split(";") if x.strip()]


@router.get("/")
def home(request: Request):
    qp = request.query_params
    q = (qp.get("q") or "").strip()[:200]
    body = (qp.get("body") or "").strip()[:200]
    category = (qp.get("category") or "").strip()[:40]
    in_force_on = _date(qp.get("in_force_on"))
    act = (qp.get("act") or "").strip()[:120]
    issuer = (qp.get("issuer") or "").strip()[:120]
    text_lang = qp.get("text_lang") if qp.get("text_lang") in ("kk", "ru") else None
    # acts in force by default; "repealed=1" (the visible toggle) includes repealed acts
    repealed = qp.get("repealed") == "1"
    offset = _int(qp.get("offset"), 0, 0, 10_000_000)
    searched = bool(q or category or in_force_on or act)
    store = get_store(request)
    lang = page_lang(request)
    page = {"items": [], "total": 0, "limit": PAGE, "offset": offset}
    extras: dict = {"expansions": [], "did_you_mean": None, "facets": None}
    fallback = False
    day = in_force_on or (None if repealed or act or not q else dt.date.today().isoformat())
    if searched:
        kw = {"q": q, "lang": text_lang, "body": body or None, "category": category or None,
              "act": act or None, "limit": PAGE, "offset": offset, "issuer": issuer or None}
        items, total, exact = registry.search_positions(store, in_force_on=day, **kw)
        if not total and day and not in_force_on:
            # nothing in force: the repealed acts' posts, said so (most bundled acts are repealed)
            items, total, exact = registry.search_positions(store, in_force_on=None, **kw)
            fallback = bool(total)
            day = None if fallback else day
        for item in items:
            item["snippet_html"] = marked(item.get("snippet"), item.get("marks"))
        page.update(items=items, total=total, total_exact=exact)
        extras = registry.search_extras(store, q, lang=text_lang, body=body or None, category=category or None,
                                        issuer=issuer or None, in_force_on=day, total=total, facets=bool(q),
                                        reader_lang=lang)
    # the API query answering exactly what the results show (the page's JSON and CSV links)
    api_query = {"q": q, "lang": text_lang, "body": body, "category": category, "act": act, "issuer": issuer,
                 "in_force_on": day, "limit": PAGE, "offset": offset} if searched else None
    return render(request, "home.html", api_query=api_query, q=q, body=body, category=category, in_force_on=in_force_on or "",
                  act=act, bodies=_bodies(store), searched=searched, page=page, active="/",
                  issuer=issuer, text_lang=text_lang or "", repealed=repealed, in_force_default=bool(day) and not in_force_on,
                  fallback=fallback, examples=examples(lang), **extras)
