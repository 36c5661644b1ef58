"""One line per post, as people tell posts apart: title, then the department and the state body
(never an internal key), the category, and the act's status when it is not in force.

Acts repeat the same title many times ("Бөлімнің бас маманы" in a dozen departments); lines with
the same title, department, body and category on one page also get the act and the act lines, so
no two lines read the same.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from kzqual.errors import NotFoundError


def describe(store: Any, ids: list[str], lang: str | None = None) -> dict[str, dict]:
    """post id -> its line's parts; unknown ids are left out."""
    acts: dict[str, Any] = {}
    out: dict[str, dict] = {}
    for pid in dict.fromkeys(ids):
        try:
            p = store.get_position(pid, lang=lang)
        except NotFoundError:
            continue
        if p.act_key not in acts:
            acts[p.act_key] = store.get_act(p.act_key).act
        act = acts[p.act_key]
        out[pid] = {
            "id": pid, "title": p.title, "department": p.department, "division": p.division,
            "body": act.issuer_body, "category": p.category_raw or p.category,
            "act_key": p.act_key, "act_status": act.status, "act_title": act.title,
            "act_date": act.date, "act_number": act.number,
            "language": act.language, "lines": [p.lines.start, p.lines.end] if p.lines else None,
        }
    _tell_apart(list(out.values()))
    return out


def _tell_apart(lines: list[dict]) -> None:
    """Mark lines that would read the same so the template also names their act and lines."""
    def sig(d: dict) -> tuple:
        return (d["title"], d["department"], d["division"], d["body"], d["category"])

    seen = Counter(sig(d) for d in lines)
    for d in lines:
        d["ambiguous"] = seen[sig(d)] > 1


def lines_for(store: Any, items: list[dict], lang: str | None = None) -> list[dict]:
    """The match items (dicts of the API) each with its ``line`` (see :func:`describe`)."""
    described = describe(store, [i["id"] for i in items], lang)
    return [{**i, "line": described.get(i["id"])} for i in items]
