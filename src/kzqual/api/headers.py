"""Security headers on every response: API, pages, errors, static files, the API docs.

An ASGI middleware (outermost, so 413s from the body limit and 500s get them too) adds any of
these the response did not set itself:

* ``Content-Security-Policy``: scripts, styles, images, fonts and fetches from this origin only, no
  inline script (the docs page's initializer is a static file, see :mod:`kzqual.api.docs`), no
  plug-ins, no framing (``frame-ancestors 'none'``), forms post only here;
* ``X-Content-Type-Options: nosniff``; ``X-Frame-Options: DENY`` (older browsers' framing guard);
* ``Referrer-Policy: same-origin``: addresses (which may carry a case id) never leave the site.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
)


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend((k, v) for k, v in HEADERS if k not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
