"""Facets of a search: counts of the matching posts per state body, category, status and
language, each counted under the other facets' filters (so a count says what a click gives).

A state body is ONE body whatever the language: the issuing bodies of an act's kk and ru texts
are the same body (they share the act's key), bodies whose names fold to the same text are one,
and so are the names the synonym data lists for one body (``bodies`` of synonyms.json); the
label is the name in the reader's language where an act prints it.  Pure functions over rows
the store reads (:func:`kzqual.store.search.facet_rows` and the current acts).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class ActInfo:
    id: int
    key: str
    language: str
    issuer_body: str | None
    status: str  # on the day asked: in_force | repealed | not_yet_in_force


def _fold(name: str) -> str:
    return " ".join(name.replace("«", "").replace("»", "").replace('"', "").lower().split())


@lru_cache(maxsize=1)
def curated_bodies() -> tuple[tuple[str, ...], ...]:
    """The names of one body in several languages (``bodies`` of data/vocab/synonyms.json)."""
    from kzqual.store.synonyms import data

    return tuple(tuple(n for names in b["names"].values() for n in names) for b in data().get("bodies", []))


def bodies(acts: list[ActInfo]) -> dict[str, dict]:
    """body key -> {"key", "labels": {lang: name}, "acts": [act keys]}: acts of one key, and names
    that fold alike, are one body.  The key is the body's first act key (ASCII, stable while that
    act is loaded)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for names in curated_bodies():
        for n in names[1:]:
            union("name:" + _fold(names[0]), "name:" + _fold(n))
    for a in acts:
        node = "act:" + a.key
        find(node)
        if a.issuer_body:
            union(node, "name:" + _fold(a.issuer_body))
    groups: dict[str, dict] = {}
    for a in sorted(acts, key=lambda a: (a.key, a.language)):
        root = find("act:" + a.key)
        g = groups.setdefault(root, {"acts": [], "labels": {}})
        if a.key not in g["acts"]:
            g["acts"].append(a.key)
        if a.issuer_body:
            g["labels"].setdefault(a.language, a.issuer_body)
    out = {}
    for g in groups.values():
        key = min(g["acts"])
        out[key] = {"key": key, "labels": g["labels"], "acts": sorted(g["acts"])}
    return out


def label(body: dict, lang: str) -> str:
    labels = body["labels"]
    return labels.get(lang) or labels.get("kk") or labels.get("ru") or body["key"]


def build(rows: list[tuple[int, str, str | None, int, str | None]], acts: list[ActInfo], *, reader_lang: str,
          body: str | None, category: str | None, status: str | None, language: str | None,
          capped: bool = False) -> dict:
    """The four facets over ``rows`` (act id, post language, category, posts, category as
    printed: the label, in the acts' spelling).  ``status``:
    "in_force" (only acts in force) or None (any); the other filters as the search has them."""
    by_id = {a.id: a for a in acts}
    groups = bodies(acts)
    body_of = {k: g["key"] for g in groups.values() for k in g["acts"]}
    facts = []
    printed: dict[str, str] = {}
    for act_id, lang, cat, n, raw in rows:
        if cat and raw:
            printed[cat] = min(printed.get(cat, raw), raw)
        a = by_id.get(act_id)
        if a is None:
            continue
        facts.append({"body": body_of.get(a.key), "category": cat or "", "status": a.status,
                      "language": lang, "n": n})
    chosen = {"body": body, "category": category, "status": status, "language": language}

    def passes(f: dict, skip: str) -> bool:
        return all(v is None or name == skip or f[name] == v for name, v in chosen.items())

    def counts(name: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in facts:
            if passes(f, name):
                out[f[name]] = out.get(f[name], 0) + f["n"]
        return out

    body_counts = counts("body")
    return {
        "body": sorted(({"key": k, "label": label(groups[k], reader_lang), "count": n}
                        for k, n in body_counts.items() if k), key=lambda x: (-x["count"], x["key"])),
        "category": sorted(({"key": k, "label": printed.get(k, k), "count": n} for k, n in counts("category").items() if k),
                           key=lambda x: (-x["count"], x["key"])),
        "status": sorted(({"key": k, "count": n} for k, n in counts("status").items()),
                         key=lambda x: (x["key"] != "in_force", x["key"])),
        "language": sorted(({"key": k, "count": n} for k, n in counts("language").items()),
                           key=lambda x: x["key"]),
        "capped": capped,
    }
