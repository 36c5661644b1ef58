"""Two or three posts side by side: their requirements aligned row by row (category, education,
experience, grades, competence, knowledge), each cell with its act lines.

``/compare?ids=A&ids=B`` (or ``ids=A,B``): a plain GET, so the "compare" check boxes of the
eligibility results and a post page's link reach it without JavaScript, and the address can be
bookmarked (post ids are the acts' own numbering, nothing about a person).
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from kzqual.api import registry
from kzqual.api.deps import get_store
from kzqual.errors import NotFoundError
from kzqual.web.post_lines import describe
from kzqual.web.render import render

router = APIRouter()
MAX_POSTS = 3
ROWS = ("category", "education", "experience", "grades", "competence", "knowledge")


def _ids(request: Request) -> list[str]:
    ids: list[str] = []
    for value in request.query_params.getlist("ids"):
        for part in value.split(","):
            part = part.strip()[:200]
            if part and part not in ids:
                ids.append(part)
    return ids


@router.get("/compare")
def compare(request: Request):
    store = get_store(request)
    asked = _ids(request)
    posts, missing = [], []
    for pid in asked[:MAX_POSTS]:
        try:
            detail = registry.get_position(store, pid)
        except NotFoundError:
            missing.append(pid)
            continue
        posts.append({"p": detail["position"], "act": detail["act"]})
    lines = describe(store, [x["p"]["id"] for x in posts])
    for x in posts:
        x["line"] = lines.get(x["p"]["id"])
    q = (request.query_params.get("q") or "").strip()[:200]
    found = []
    if q and len(posts) < MAX_POSTS:
        items, _, _ = registry.search_positions(store, q=q, lang=None, body=None, category=None, in_force_on=None,
                                                act=None, limit=10, offset=0)
        ids = [x["p"]["id"] for x in posts]
        described = describe(store, [i["id"] for i in items if i["id"] not in ids])
        found = list(described.values())
    shown = [x["p"]["id"] for x in posts]
    return render(request, "compare.html", posts=posts, rows=ROWS, missing=missing, dropped=asked[MAX_POSTS:],
                  ids=shown, q=q, found=found, max_posts=MAX_POSTS, active="/")
