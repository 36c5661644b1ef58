"""A post's page: every requirement with a link to the act's source lines."""

from __future__ import annotations

from fastapi import APIRouter, Request

from kzqual.api import registry
from kzqual.api.deps import get_store
from kzqual.web.render import render

router = APIRouter()


@router.get("/positions/{position_id}")
def position(request: Request, position_id: str):
    store = get_store(request)
    from kzqual.web.page_acts import _tq, text_lang

    detail = registry.get_position(store, position_id, lang=text_lang(request))
    act = store.get_act(detail["act"]["key"], lang=detail["act"]["language"]).act.model_dump(mode="json")
    act["key"] = detail["act"]["key"]
    aligned = detail.get("aligned")
    if aligned:  # the partner's title, in its own language, for the link
        partner = store.get_position(aligned["position_id"], lang=aligned["language"])
        aligned = {**aligned, "title": partner.title}
    return render(request, "position.html", p=detail["position"], act=act, summary=detail["act"],
                  requirements=detail["requirements"], aligned=aligned, tq=_tq(detail["act"]), active="/")
