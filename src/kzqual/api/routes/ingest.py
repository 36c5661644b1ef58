"""Ingest: load an act's text into the registry (a write: the admin role, kzqual.api.policy)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from kzqual.api.auth import bearer
from kzqual.api.deps import get_store
from kzqual.api.errors import WRITE_RESPONSES, ApiError, ErrorResponse
from kzqual.errors import InputError

router = APIRouter(tags=["ingest"])


class IngestResult(BaseModel):
    name: str
    status: str  # added | new_version | unchanged
    act_key: str | None = None
    version: int | None = None
    positions: int = 0
    warnings: int = 0
    restores: int | None = None  # a new version whose text equals this earlier version's


_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@router.post(
    "/ingest",
    response_model=IngestResult,
    status_code=201,
    summary="Ingest one act (its exported text as the request body)",
    dependencies=[Depends(bearer)],  # admin only: kzqual.api.policy
    responses={
        **WRITE_RESPONSES,
        200: {"model": IngestResult, "description": "Already in the registry, unchanged"},
        201: {"model": IngestResult, "description": "Added, or stored as a new version"},
        400: {"model": ErrorResponse, "description": "Bad input (empty, binary or unreadable text)"},
        409: {"model": ErrorResponse,
              "description": "Refused as a suspicious shrink (code `suspicious_shrink`): the text is a prefix of "
                             "the current version or has fewer than half its posts; resend with allow_shrink=true"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/plain": {"schema": {"type": "string"}},
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
            },
        }
    },
)
async def ingest(
    request: Request,
    response: Response,
    name: str = Query("upload.txt", min_length=1, max_length=120, description="file name, kept as the act's source"),
    allow_shrink: bool = Query(False, description="store a new version even if it looks truncated "
                                                  "(a prefix of the current text, or under half its posts)"),
    store: Any = Depends(get_store),
):
    data = await request.body()
    if not data:
        raise InputError("empty body: send the act's text", source=name)
    # The store reads files (it hashes, decodes and keeps the name); give it one in a private folder.
    safe = _SAFE.sub("_", Path(name).name).strip("._") or "upload"
    if not safe.endswith(".txt"):
        safe += ".txt"
    with tempfile.TemporaryDirectory(prefix="kzqual-ingest-") as tmp:
        path = Path(tmp) / safe
        path.write_bytes(data)
        try:
            result = await run_in_threadpool(store.ingest_file, path, allow_shrink=allow_shrink)
        except InputError as exc:
            # Name the upload, not the private temporary path.
            if exc.code == "suspicious_shrink":
                # Not bad input: a conflict with the stored version, which the client may override.
                problem = exc.problem.replace("--allow-shrink", "allow_shrink=true")
                raise ApiError(409, exc.code, f"{safe}: {problem}") from None
            raise InputError(exc.problem, source=safe, code=exc.code) from None
    response.status_code = 201 if result.status in ("added", "new_version") else 200
    return IngestResult(name=safe, status=result.status, act_key=result.act_key, version=result.version,
                        positions=result.positions, warnings=result.warnings,
                        restores=getattr(result, "restores", None))
