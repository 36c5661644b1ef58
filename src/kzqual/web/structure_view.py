"""An act's text as structured articles: its structure tree (chapters, points, appendices) laid out
as rows, with the Kazakh and Russian texts side by side where both are loaded (issue 14).

Pure functions over the API's structure JSON.  Nodes of the two language texts are paired by their
place in the tree -- the chain of (kind, label) from the top, an unlabelled node counted among its
siblings of the same kind -- not by wording, which differs between the languages.  A node one
text has and the other lacks gets a row of its own with an empty cell: nothing is dropped.
"""

from __future__ import annotations

from typing import Any

Key = tuple[tuple[str, str], ...]
MAX_ROWS = 400  # rows on one page; a bigger act is read one top-level part at a time


def flatten(nodes: list[dict[str, Any]], parent: Key = ()) -> list[tuple[Key, int, dict[str, Any]]]:
    """(place in the tree, depth, node) depth first."""
    out: list[tuple[Key, int, dict[str, Any]]] = []
    seen: dict[tuple[str, str], int] = {}
    for node in nodes:
        kind = str(node.get("kind") or "")
        label = node.get("label")
        if label in (None, ""):
            n = seen.get((kind, ""), 0) + 1
            seen[(kind, "")] = n
            label = f"#{n}"
        key = parent + ((kind, str(label)),)
        out.append((key, len(parent), node))
        out.extend(flatten(node.get("children") or [], key))
    return out


def align(columns: list[tuple[str, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """Rows ``{"key", "depth", "top", "cells": {lang: node | None}}`` in the first text's order; a
    node only a later text has follows the node it follows there."""
    flat = [(lang, flatten(tree)) for lang, tree in columns]
    if not flat:
        return []
    order: list[Key] = [key for key, _, _ in flat[0][1]]
    known = set(order)
    after: dict[Key | None, list[Key]] = {}
    depth: dict[Key, int] = {key: d for key, d, _ in flat[0][1]}
    for _, items in flat[1:]:
        anchor: Key | None = None
        for key, d, _ in items:
            if key not in known:
                after.setdefault(anchor, []).append(key)
                known.add(key)
                depth[key] = d
            anchor = key
    merged: list[Key] = []

    def emit(key: Key | None) -> None:
        for follower in after.get(key, []):
            merged.append(follower)
            emit(follower)

    emit(None)
    for key in order:
        merged.append(key)
        emit(key)
    cells = {lang: {key: node for key, _, node in items} for lang, items in flat}
    rows = []
    top = 0
    for key in merged:
        if len(key) == 1:
            top += 1
        rows.append({"key": key, "depth": depth[key], "top": top,
                     "cells": {lang: cells[lang].get(key) for lang, _ in columns}})
    return rows


def parts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The top-level rows, for a table of contents of a big act."""
    return [r for r in rows if r["depth"] == 0]


def page(rows: list[dict[str, Any]], part: int | None) -> tuple[list[dict[str, Any]], int | None]:
    """The rows to show: all of a small act; of a big one, top-level part ``part`` (default 1).
    Returns (rows, the part shown or None when everything is)."""
    if len(rows) <= MAX_ROWS and part is None:
        return rows, None
    count = max((r["top"] for r in rows), default=0)
    chosen = min(max(part or 1, 1), max(count, 1))
    return [r for r in rows if r["top"] == chosen], chosen
