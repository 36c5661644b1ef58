"""The application factory: the JSON API under ``/api/v1`` and the server-rendered UI at ``/``.

``create_app(settings)`` builds a fresh app (tests build one per server); ``kzqual serve`` runs it
with uvicorn.  The OpenAPI schema covers the API only; pages are not part of the contract.
"""

from __future__ import annotations

from typing import Any

from fastapi import Depends, FastAPI

from kzqual import __version__
from kzqual.api import errors
from kzqual.api.auth import enforce
from kzqual.api.csv_export import CsvExport
from kzqual.api.docs import install_docs
from kzqual.api.headers import SecurityHeaders
from kzqual.api.limits import BodySizeLimit, JsonDepthLimit
from kzqual.api.settings import Settings

API_PREFIX = "/api/v1"

DESCRIPTION = """\
Kazakhstan's normative legal acts on civil-service positions as data: acts (metadata, status,
structure, raw source lines), posts with their qualification requirements, eligibility checks and
the public service of training citizens in military-technical specialties.

* Acts, posts, search, eligibility and training groups are public.  Applicants' data (cases,
  complaints, the Н6 report) and every write need `Authorization: Bearer <token>`: a staff token
  (`kzqual users add NAME --role operator|reviewer|admin`) or the bootstrap admin's `KZQUAL_TOKEN`.
  Roles: operator (own office's cases), reviewer (complaints), admin (everything).  Missing token
  401, role not allowed 403, nobody configured 403 `writes_disabled`, five wrong tokens a minute 429.
* Every error is `{"error": {"code": ..., "message": ...}}`.
* Every list is paginated: `limit` (max 100) and `offset`; the body gives `total` and a `next` link.
* Add `format=csv` to a read of acts, posts or the taxonomy for the same answer as a CSV table (one
  row per item; a post gives one row per requirement).
"""


def create_app(settings: Settings | None = None, *, store: Any = None, web: bool = True) -> FastAPI:
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="kzqual",
        version=__version__,
        description=DESCRIPTION,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # kzqual.api.docs: Swagger UI from the package, no CDN, no inline script
        redoc_url=None,
        responses=errors.COMMON_RESPONSES,
        dependencies=[Depends(enforce)],  # every route, API and pages: kzqual.api.policy
    )
    app.state.settings = settings
    app.state.store = store

    from kzqual.api.routes import include_all

    include_all(app, API_PREFIX)
    install_docs(app, API_PREFIX, app.openapi_url)

    html_renderer = None
    if web:
        from kzqual.web import install as install_web

        html_renderer = install_web(app)
    errors.install(app, html_renderer)
    app.add_middleware(CsvExport, prefix=API_PREFIX)  # innermost: sees each route's JSON answer
    app.add_middleware(JsonDepthLimit, prefix=API_PREFIX)  # inside the size limit: bounded buffering
    app.add_middleware(
        BodySizeLimit,
        max_bytes=settings.max_body_bytes,
        upload_paths=(f"{API_PREFIX}/ingest",),
        upload_max=settings.max_upload_bytes,
        html_renderer=html_renderer,
    )
    app.add_middleware(SecurityHeaders)  # outermost: every response, the 413s above included
    return app
