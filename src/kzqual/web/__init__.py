"""Server-rendered web UI (Jinja2, no JavaScript needed) in Kazakh, Russian and English.

:func:`install` adds the pages, the static files and the language negotiation to an app built by
:func:`kzqual.api.create_app`, and returns the renderer used for HTML error pages.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

from kzqual.web import lang as langmod
from kzqual.web.render import STATIC_DIR, error_page


def install(app: FastAPI):
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    @app.middleware("http")
    async def language(request: Request, call_next):
        chosen, set_cookie = langmod.negotiate(
            request.query_params.get("lang"),
            request.cookies.get(langmod.COOKIE),
            request.headers.get("accept-language"),
        )
        request.state.lang = chosen
        response = await call_next(request)
        if set_cookie:
            response.set_cookie(langmod.COOKIE, chosen, max_age=langmod.COOKIE_MAX_AGE, samesite="lax")
        return response

    from kzqual.web.pages import include_pages

    include_pages(app)
    return error_page
