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
    detail = registry.get_position(store, position_id)
    act = store.get_act(detail["act"]["key"]).act.model_dump(mode="json")
    act["key"] = detail["act"]["key"]
    return render(request, "position.html", p=detail["position"], act=act, summary=detail["act"],
                  requirements=detail["requirements"], active="/")
