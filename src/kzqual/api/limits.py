"""Request size limits, enforced before a route reads the body.

A declared ``Content-Length`` over the limit is refused at once; a chunked body is counted as it
streams and refused as soon as it passes the limit, so a client cannot make the server buffer an
unbounded upload.
"""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kzqual import safe_json
from kzqual.api.errors import HtmlRenderer, error_payload, wants_html


class BodyTooLarge(StarletteHTTPException):
    """Raised while the body streams in.  An HTTPException, so FastAPI's body parsing lets it through
    (any other exception there became a 400 "error parsing the body": a chunked body over the limit
    got 400 where 413 is documented)."""

    def __init__(self, message: str) -> None:
        super().__init__(413, detail=message)


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


class JsonDepthLimit:
    """ASGI middleware: a JSON request body to the API nested deeper than
    :data:`kzqual.safe_json.MAX_DEPTH` gets 400 ``too_deep`` before any route parses it (FastAPI's
    parser recurses once per level).  Runs inside :class:`BodySizeLimit`, so what it buffers is
    already bounded.  Other bodies (JSON Lines, forms, uploads) pass untouched: each reader of
    those parses with :func:`kzqual.safe_json.loads` itself."""

    def __init__(self, app: ASGIApp, prefix: str) -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope.get("path", "").startswith(self.prefix) or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message]), send)  # a disconnect: let the app see it
                return
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        if safe_json.nesting_depth(body) > safe_json.MAX_DEPTH:
            payload = json.dumps(error_payload(
                "too_deep", f"JSON nested deeper than {safe_json.MAX_DEPTH} levels")).encode()
            await send({"type": "http.response.start", "status": 400,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(payload)).encode())]})
            await send({"type": "http.response.body", "body": payload})
            return
        await self.app(scope, _replay([{"type": "http.request", "body": body, "more_body": False}], receive),
                       send)


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            kind = value.split(b";", 1)[0].strip().lower()
            return kind == b"application/json" or kind.endswith(b"+json")
    return False


def _replay(messages: list[Message], then: Receive | None = None) -> Receive:
    queue = list(messages)

    async def receive() -> Message:
        if queue:
            return queue.pop(0)
        if then is not None:
            return await then()  # after the body: wait for the disconnect, as the server would send
        return {"type": "http.disconnect"}

    return receive
