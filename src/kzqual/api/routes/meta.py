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


@router.get("/health", response_model=Health, summary="Liveness and whether writes are enabled (KZQUAL_TOKEN set or a staff user exists)")
def health(request: Request) -> Health:
    from kzqual.api.auth import configured

    return Health(status="ok", version=__version__, writes_enabled=configured(request.app))
