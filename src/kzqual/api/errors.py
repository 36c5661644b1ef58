"""One error shape for every failure: ``{"error": {"code": ..., "message": ...}}``.

API clients can always read ``error.message``; HTML pages get the same facts in a rendered page
(the web layer registers its own renderer through :func:`install`'s ``html_renderer``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from kzqual.errors import ConflictError, InputError, NotFoundError

log = logging.getLogger("kzqual.api")

# HTTP status -> machine code, for errors raised by the framework itself (routing, method).
_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    500: "internal_error",
}


class ErrorBody(BaseModel):
    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorBody


class ApiError(Exception):
    """An error with a status, a machine code and a message (raised by route code)."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


HtmlRenderer = Callable[[Request, int, str, str], Response | None]

# Documented in the OpenAPI schema for every operation.
COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "Bad input"},
    404: {"model": ErrorResponse, "description": "Not found"},
    413: {"model": ErrorResponse, "description": "Request too large"},
    422: {"model": ErrorResponse, "description": "Validation error"},
}
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "Missing or wrong bearer token"},
    403: {"model": ErrorResponse, "description": "The role may not do this (`forbidden`), or no staff is configured: "
                                                 "no KZQUAL_TOKEN, no user (`writes_disabled`)"},
    429: {"model": ErrorResponse, "description": "Too many wrong tokens from this address or for this user "
                                                 "(`too_many_attempts`; see Retry-After)"},
}


def error_payload(code: str, message: str, details: list[dict[str, Any]] | None = None) -> dict:
    body: dict[str, Any] = {"code": code, "message": message}
    if details:
        body["details"] = details
    return {"error": body}


def json_error(status: int, code: str, message: str, *, details=None, headers=None) -> JSONResponse:
    return JSONResponse(error_payload(code, message, details), status_code=status, headers=headers)


def allowed_methods(request: Request) -> list[str]:
    """Every method some route answers on this request's path (for a 405's ``Allow``): each method
    is tried against the app's routes, as the router would on a request with that method."""
    from starlette.routing import Match, Mount

    methods: set[str] = set()
    # a fresh scope: inside a mount, the request's own scope has the mount's root_path
    scope = {"type": "http", "path": request.url.path, "root_path": "", "headers": []}
    for route in request.app.router.routes:
        if isinstance(route, Mount):  # the static files: GET and HEAD only
            if route.matches({**scope, "method": "GET"})[0] != Match.NONE:
                methods |= {"GET", "HEAD"}
            continue
        for method in _METHODS:
            if route.matches({**scope, "method": method})[0] == Match.FULL:
                methods.add(method)
    return sorted(methods)


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def wants_html(request: Request) -> bool:
    # API paths always answer JSON; pages answer HTML so a browser shows a readable page.
    return not request.url.path.startswith("/api") and request.url.path != "/openapi.json"


def install(app: FastAPI, html_renderer: HtmlRenderer | None = None) -> None:
    """Register the exception handlers that turn every failure into the error shape."""

    def respond(request: Request, status: int, code: str, message: str, details=None, headers=None):
        if html_renderer is not None and wants_html(request):
            page = html_renderer(request, status, code, message)
            if page is not None:
                page.headers.update(headers or {})  # Allow, WWW-Authenticate, Retry-After: pages need them too
                return page
        return json_error(status, code, message, details=details, headers=headers)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return respond(request, exc.status, exc.code, exc.message, headers=exc.headers)

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError):
        if isinstance(exc, NotFoundError) or exc.code == "not_found":
            # The store names itself (its URL) as the source; clients need only the problem.
            return respond(request, 404, "not_found", exc.problem)
        if isinstance(exc, ConflictError):
            # the record's current state refuses the step (often: another operator moved it first)
            return respond(request, 409, exc.code, str(exc))
        return respond(request, 400, exc.code, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        detail = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            # Starlette names only the first route that matched the path; list every method
            headers = {**(headers or {}), "Allow": ", ".join(allowed_methods(request))}
        return respond(request, exc.status_code, code, detail, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        details = []
        for err in exc.errors():
            loc = [str(p) for p in err.get("loc", ())]
            details.append({"loc": loc, "msg": str(err.get("msg", "")), "type": str(err.get("type", ""))})
        first = details[0] if details else {"loc": [], "msg": "invalid request"}
        message = f"{'.'.join(first['loc']) or 'request'}: {first['msg']}"
        return respond(request, 422, "validation_error", message, details=details)

    from kzqual.api.limits import BodyTooLarge

    @app.exception_handler(BodyTooLarge)
    async def _too_large(request: Request, exc: BodyTooLarge):
        return json_error(413, "payload_too_large", str(exc) or "request body too large")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        # Log the traceback for the operator; the client gets no internals.
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return respond(request, 500, "internal_error", "internal server error")
