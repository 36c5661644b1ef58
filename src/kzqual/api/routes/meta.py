"""Service metadata: health and version."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from kzqual import __version__

router = APIRouter(tags=["meta"])


class Health(BaseModel):
    status: str
    version: str
    writes_enabled: bool


@router.get("/health", response_model=Health, summary="Liveness and whether writes are enabled")
def health(request: Request) -> Health:
    return Health(status="ok", version=__version__, writes_enabled=bool(request.app.state.settings.token))
