"""API routers, one module per resource.  A router whose area has not landed is skipped."""

from __future__ import annotations

import importlib

from fastapi import FastAPI

# module name under kzqual.api.routes, in the order they appear in the schema
ROUTERS = ("meta", "acts", "positions", "eligibility", "taxonomy", "ingest", "services", "service_documents", "service_stats")


def include_all(app: FastAPI, prefix: str) -> None:
    for name in ROUTERS:
        module = importlib.import_module(f"kzqual.api.routes.{name}")
        app.include_router(module.router, prefix=prefix)
