"""Server-rendered web UI (Jinja2, no JavaScript needed) in Kazakh, Russian and English.

:func:`install` adds the pages, the static files and the language negotiation to an app built by
:func:`kzqual.api.create_app`, and returns the renderer used for HTML error pages.
"""

from __future__ import annotations

from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kzqual.web import lang as langmod
from kzqual.web.render import STATIC_DIR, error_page


def install(app: FastAPI):
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    app.add_middleware(LanguageMiddleware)

    from kzqual.web.pages import include_pages

    include_pages(app)
    return error_page


class LanguageMiddleware:
    """Pure ASGI (no BaseHTTPMiddleware: it would wrap errors raised while a body streams)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        cookies = SimpleCookie()
        try:
            cookies.load(headers.get("cookie", ""))
        except Exception:  # noqa: BLE001 - a malformed cookie header just means "no cookie"
            cookies = SimpleCookie()
        cookie = cookies.get(langmod.COOKIE)
        chosen, set_cookie = langmod.negotiate(
            (query.get("lang") or [None])[0], cookie.value if cookie else None, headers.get("accept-language"))
        scope.setdefault("state", {})["lang"] = chosen

        async def send_with_cookie(message: Message) -> None:
            if set_cookie and message["type"] == "http.response.start":
                value = (f"{langmod.COOKIE}={chosen}; Max-Age={langmod.COOKIE_MAX_AGE}; Path=/; SameSite=Lax")
                message = {**message, "headers": [*message.get("headers", []), (b"set-cookie", value.encode())]}
            await send(message)

        await self.app(scope, receive, send_with_cookie)
