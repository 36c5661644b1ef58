"""The one place the API and the pages talk to :mod:`kzqual.store`.

Routes and pages get plain, JSON-ready dicts from here, so a change in the store's return types is
absorbed in one module.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Any

from kzqual.api.app import API_PREFIX
from kzqual.errors import InputError

MAX_TEXT_LINES = 2000  # one request returns at most this many raw lines
# Search totals are counted exactly up to this many matches; beyond it the page says
# total_exact=false (50 pages of 20: nobody reads further; refine the query instead).  Counting
# 10,000 matches of a common word took 15-25 ms at 100k posts, more than ranking the page.
COUNT_CAP = 1_000


def plain(value: Any) -> Any:
    """Pydantic models, dataclasses, mappings and sequences -> JSON-ready values."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def text_url(act_key: str, start: int | None = None, end: int | None = None, version: int | None = None,
             lang: str | None = None) -> str:
    """The page that shows an act's text, at a line range (anchor on its first line); ``version``
    names an earlier (not current) version of the act; ``lang`` its language text."""
    v = "&".join(x for x in (f"version={version}" if version else "", f"lang={lang}" if lang else "") if x)
    if start is None:
        return f"/acts/{act_key}/text" + (f"?{v}" if v else "")
    end = end or start
    return f"/acts/{act_key}/text?start={start}&end={end}" + (f"&{v}" if v else "") + f"#L{start}"


def _pin_version(summary: dict) -> int | None:
    """The summary's version when it is not the current one, with its ``url`` pointed at that
    version (links to it must carry it too), else None.  A new text always gets the next number,
    so the current version is the highest."""
    if summary["version"] == summary["versions"]:
        return None
    summary["url"] += f"?version={summary['version']}"
    return summary["version"]


def act_summary(summary: Any) -> dict:
    d = plain(summary)
    d["url"] = f"{API_PREFIX}/acts/{d['key']}"
    if len(d.get("languages") or []) > 1:  # name the language text when the act has two
        d["url"] += f"?lang={d['language']}"
    for k in ("source", "content_hash", "ingested_at"):
        d.pop(k, None)  # operator details, not part of the public record
    return d


def list_acts(store: Any, *, status: str | None, in_force_on: str | None) -> list[dict]:
    """Every current act (a handful per registry), with its status on ``in_force_on``."""
    if in_force_on and status is None:
        status = "in_force"
    return [act_summary(s) for s in store.list_acts(as_of=in_force_on, status=status)]


def _lang_of(summary: dict) -> str | None:
    """The language to name in links: only when the act has two language texts."""
    return summary["language"] if len(summary.get("languages") or []) > 1 else None


def get_act(store: Any, key: str, version: int | None = None, lang: str | None = None) -> dict:
    """One act: the current version of its ``lang`` text (default: Kazakh where there is one),
    or version ``version`` of it (NotFoundError when it has none); with its language texts."""
    stored = store.get_act(key, version, lang)
    summary = act_summary(stored.summary)
    old = _pin_version(summary)
    return {
        "summary": summary,
        "act": stored.act.model_dump(mode="json"),
        "events": [plain(e) for e in stored.events],
        "structure": [n.model_dump(mode="json") for n in store.act_structure(summary["key"], version,
                                                                             stored.summary.language)],
        "warnings": plain(stored.warnings),
        "text_url": text_url(summary["key"], version=old, lang=_lang_of(summary)),
        "texts": [act_summary(t) for t in stored.texts],
        "alignment": store.alignment(summary["key"]) if len(stored.texts) > 1 else {},
    }


def act_versions(store: Any, key: str, lang: str | None = None) -> list[dict]:
    """Every version of an act's language text, oldest first (the ingest history), each with its own URL."""
    out = []
    for s in store.act_versions(key, lang):
        d = act_summary(s)
        _pin_version(d)
        out.append(d)
    return out


def act_line_count(store: Any, key: str, version: int | None = None, lang: str | None = None) -> int:
    """Raw lines in the current version of an act, or in ``version`` (the store records it at ingest)."""
    from sqlalchemy import select

    from kzqual.store import tables as T

    q = select(T.acts.c.line_count).where(T.acts.c.key == key)
    if lang:
        q = q.where(T.acts.c.language == lang)
    q = q.where(T.acts.c.version == version) if version else q.where(T.acts.c.is_current == True)  # noqa: E712
    with store.engine.connect() as conn:
        n = conn.execute(q).scalar()
    return int(n or 0)


def act_text(store: Any, key: str, start: int, end: int, version: int | None = None,
             lang: str | None = None) -> dict:
    """Raw lines ``start..end`` and the clean lines that came from them."""
    if start < 1 or end < start:
        raise InputError(f"bad line range {start}-{end}: start must be >= 1 and end >= start", source=key)
    if end - start + 1 > MAX_TEXT_LINES:
        raise InputError(f"at most {MAX_TEXT_LINES} lines per request", source=key)
    stored = store.get_act(key, version, lang)
    real_key = stored.summary.key
    lang = stored.summary.language
    total = act_line_count(store, real_key, version, lang)
    if total and start > total:
        raise InputError(f"line {start} is past the end of the act ({total} lines)", source=real_key)
    rows = store.raw_lines(real_key, start, min(end, total) if total else end, version, lang)
    clean_lines = clean_for(store, real_key, stored.summary.content_hash, total, version, lang,
                            stored.act.source)
    clean = [
        {"text": c.text, "raw_start": c.raw_start, "raw_end": c.raw_end}
        for c in clean_lines
        if c.raw_end >= start and c.raw_start <= end
    ]
    return {
        "act_key": real_key,
        "version": stored.summary.version,
        "start": start,
        "end": min(end, total) if total else end,
        "total_lines": total,
        "lines": [{"n": n, "text": t} for n, t in rows],
        "clean": clean,
    }


def clean_for(store: Any, key: str, content_hash: str, total: int, version: int | None = None,
              lang: str | None = None, source: str = "") -> list:
    """The act's clean lines (cleaned once per act text, then cached)."""
    return _clean_cached(store, key, content_hash, total, version, lang, source)


@lru_cache(maxsize=16)
def _clean_cached(store: Any, key: str, content_hash: str, total: int, version: int | None = None,
                  lang: str | None = None, source: str = "") -> list:
    # keyed by the text's hash too: a version whose text is another's cleans the same way
    from kzqual.text import clean_as

    raw = "\n".join(t for _, t in store.raw_lines(key, 1, max(total, 1), version, lang))
    return clean_as(raw, source=source or key).lines


def position_hit(hit: Any) -> dict:
    d = plain(hit)
    d["id"] = d.pop("position_id")
    d["url"] = f"{API_PREFIX}/positions/{d['id']}"
    if d.get("aligned"):
        # the two language texts of an act may give a post the same id: the URL names the language
        d["url"] += f"?lang={d['language']}"
        d["aligned"] = _aligned_link(d["aligned"])
    return d


def _aligned_link(aligned: dict | None) -> dict | None:
    if not aligned:
        return None
    return {**aligned, "url": f"{API_PREFIX}/positions/{aligned['position_id']}?lang={aligned['language']}"}


def search_positions(store: Any, *, q: str, lang: str | None, body: str | None, category: str | None,
                     in_force_on: str | None, act: str | None, limit: int, offset: int,
                     issuer: str | None = None) -> tuple[list[dict], int, bool]:
    """(hits for the page, total, whether the total is exact).  Without words, the posts in
    document order (filters apply); totals are exact there.  ``issuer``: a state body's key (as
    the search facets give it), with words only."""
    q = (q or "").strip()
    if q:
        if act:
            raise InputError("the act filter lists an act's posts; it cannot be combined with words", source="act")
        keys = None
        if issuer:
            keys = store.body_acts(issuer)
            if not keys:
                raise InputError(f"no state body {issuer[:120]!r} in the registry (see the facets)", source="issuer")
        hits = store.search(q, lang=lang, body=body or None, category=category or None,
                            in_force_on=in_force_on or None, limit=limit, offset=offset, act_keys=keys)
        # The store counts with the same match and filters as its search (no ranking, no rows
        # to Python), stopping at COUNT_CAP + 1.
        total = store.search_count(q, lang=lang, body=body or None, category=category or None,
                                   in_force_on=in_force_on or None, cap=COUNT_CAP, act_keys=keys)
        exact = total <= COUNT_CAP
        return [position_hit(h) for h in hits], total if exact else COUNT_CAP, exact
    if issuer:
        raise InputError("the state body filter (issuer) narrows a search: give words (q) too", source="issuer")
    if act and body:
        raise InputError("give either an act or a body, not both", source="body")
    # Without words, list posts in document order: of one act, of the acts a body issued, or all.
    keys: list[str | None] = [act or None]
    if body:
        keys = acts_of_body(store, body)
        if not keys:
            return [], 0, True
    kw = {"category": category or None, "lang": lang}
    acts = {s.key: s for s in store.list_acts(as_of=in_force_on or None)}
    counts = [store.count_positions(in_force_on or None, act_key=k, **kw) for k in keys]
    items: list[dict] = []
    skip = offset
    for key, n in zip(keys, counts, strict=True):
        if skip >= n:
            skip -= n
            continue
        want = limit - len(items)
        for p, language in store.iter_positions(in_force_on or None, act_key=key, limit=want, offset=skip,
                                                with_language=True, **kw):
            items.append(_position_as_hit(acts, p, language))
        skip = 0
        if len(items) >= limit:
            break
    return items, sum(counts), True


def search_extras(store: Any, q: str, *, lang: str | None, body: str | None, category: str | None,
                  issuer: str | None, in_force_on: str | None, total: int, facets: bool, reader_lang: str) -> dict:
    """What a search page adds to its hits: the synonyms each word was widened with, a "did you
    mean" (for an unknown word, or nothing found), and with ``facets`` the counts per state body,
    category, act status and text language (status counted on ``in_force_on``, else today)."""
    q = (q or "").strip()
    if not q:
        return {"expansions": [], "did_you_mean": None, "facets": None}
    out: dict = {"expansions": store.search_plan(q, lang), "did_you_mean": store.suggest(q), "facets": None}
    if facets:
        out["facets"] = store.search_facets(q, reader_lang=reader_lang, lang=lang, body=body or None,
                                            category=category or None, issuer=issuer or None,
                                            in_force_only=bool(in_force_on), as_of=in_force_on)
    return out


def acts_of_body(store: Any, body: str) -> list[str]:
    """Keys of the acts whose issuing body (or office) names ``body`` (case-insensitive)."""
    want = " ".join(body.lower().split())
    keys = []
    for s in store.list_acts():
        act = store.get_act(s.key).act
        names = " | ".join(x for x in (act.issuer_body, act.issuer) if x).lower()
        if want and want in " ".join(names.split()):
            keys.append(s.key)
    return keys


def _position_as_hit(acts: dict[str, Any], p: Any, language: str | None = None) -> dict:
    a = acts.get(p.act_key)
    title, status, act_lang = (a.title, a.status, a.language) if a else (p.act_key, "in_force", None)
    two = bool(a and len(a.languages or []) > 1)
    language = language or act_lang
    return {
        "id": p.id, "act_key": p.act_key, "act_title": title, "act_status": status, "title": p.title,
        "department": p.department, "category": p.category, "category_raw": p.category_raw,
        "units": p.units, "numbers": list(p.numbers), "language": language, "score": None,
        "snippet": None, "snippet_field": None, "marks": [], "lines": [p.lines.start, p.lines.end],
        "url": f"{API_PREFIX}/positions/{p.id}" + (f"?lang={language}" if two else ""),
    }


def get_position(store: Any, position_id: str, version: int | None = None, lang: str | None = None) -> dict:
    """One post, from act version ``version`` when given (else the newest that has it), in the
    act's ``lang`` text (default: Kazakh where there is one), with its partner in the other."""
    rec = store.position_record(position_id, version, lang)
    act = act_summary(rec.act)
    old = _pin_version(act)
    tl = _lang_of(act)
    p = rec.position
    reqs = []
    for r in rec.requirements:
        d = plain(r)
        d.pop("data", None)
        d["source_url"] = text_url(act["key"], *r.lines, version=old, lang=tl) if r.lines else None
        reqs.append(d)
    return {
        "position": p.model_dump(mode="json"),
        "act": act,
        "raw": rec.raw,
        "requirements": reqs,
        "source_url": text_url(act["key"], p.lines.start, p.lines.end, version=old, lang=tl),
        "aligned": _aligned_link(rec.aligned),
    }
