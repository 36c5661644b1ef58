"""Request size limits, enforced before a route reads the body.

A declared ``Content-Length`` over the limit is refused at once; a chunked body is counted as it
streams and refused as soon as it passes the limit, so a client cannot make the server buffer an
unbounded upload.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kzqual.api.errors import HtmlRenderer, error_payload, wants_html


class BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    """ASGI middleware: 413 with the JSON error body when a request body is too large (on web
    pages, the translated HTML error page when the web layer gave its ``html_renderer``)."""

    def __init__(self, app: ASGIApp, max_bytes: int, upload_paths: tuple[str, ...] = (), upload_max: int = 0,
                 html_renderer: HtmlRenderer | None = None):
        self.app = app
        self.html_renderer = html_renderer
        self.max_bytes = max_bytes
        self.upload_paths = upload_paths
        self.upload_max = max(upload_max, max_bytes)

    def _limit_for(self, path: str) -> int:
        return self.upload_max if path.startswith(self.upload_paths) and self.upload_paths else self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit_for(scope.get("path", ""))
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared > limit or declared < 0:
                    await self._refuse(scope, receive, send, limit)
                    return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(f"request body larger than {limit} bytes")
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(scope, receive, send, limit)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        if self.html_renderer is not None:
            from starlette.requests import Request

            request = Request(scope)
            if wants_html(request):
                page = self.html_renderer(request, 413, "payload_too_large", f"request body larger than {limit} bytes")
                if page is not None:
                    await page(scope, receive, send)
                    return
        await _send_413(send, limit)


async def _send_413(send: Send, limit: int) -> None:
    body = json.dumps(
        error_payload("payload_too_large", f"request body larger than {limit} bytes"), ensure_ascii=False
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
