"""Registers the page routers that exist; each area's pages live in their own module."""

from __future__ import annotations

import importlib

from fastapi import FastAPI

# (module under kzqual.web, nav link, nav message key); nav link None -> not in the menu
PAGES: tuple[tuple[str, str | None, str], ...] = (
    ("home", "/", "web.nav.search"),
    ("acts", "/acts", "web.nav.acts"),
    ("positions", None, ""),
    ("eligibility", "/eligibility", "web.nav.eligibility"),
    ("compare", None, ""),
    ("services", "/services", "web.nav.services"),
    ("desk", None, ""),
    ("signin", None, ""),
)


def include_pages(app: FastAPI) -> None:
    nav = []
    for name, href, key in PAGES:
        module = importlib.import_module(f"kzqual.web.page_{name}")
        app.include_router(module.router, include_in_schema=False)
        if href:
            nav.append((href, key))
    app.state.web_nav = nav
