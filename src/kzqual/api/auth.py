"""Who is asking, and may they: the access check every route of the app passes through.

``enforce`` is a dependency of the whole app (API and pages).  It finds the route's operation in
:mod:`kzqual.api.policy` (a route missing there is refused), works out the principal and refuses
what the principal's role may not do:

* public operations need nothing; a page POST still needs its form's CSRF token;
* on the API, ``Authorization: Bearer <token>``: ``KZQUAL_TOKEN`` is the bootstrap admin; any other
  token is a user's (``kzqual users add``), checked against its Argon2 hash;
* else (and always on pages) the web session cookie (``/signin``);
* nobody configured (no ``KZQUAL_TOKEN``, no active user) -> 403 ``writes_disabled`` for a write;
* missing credentials -> 401 ``unauthorized``; wrong token -> 401 (and counted: five failures a
  minute per address or user -> 429 ``too_many_attempts``); role not allowed -> 403 ``forbidden``.

Finer rules (an operator's office, a reviewer's complaints, a complaint's steps) and the audit log
are the helpers below, called by the routes and pages that touch applicants' data.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.security import HTTPBearer
from starlette.concurrency import run_in_threadpool

from kzqual.api import policy, sessions
from kzqual.api.deps import app_singleton, open_app_store
from kzqual.api.errors import ApiError
from kzqual.errors import NotFoundError

bearer = HTTPBearer(auto_error=False, description="A staff token (`kzqual users add`) or the operator's KZQUAL_TOKEN")


@dataclass(frozen=True, slots=True)
class Principal:
    name: str
    role: str  # public | operator | reviewer | admin
    office: str | None = None
    session: dict[str, Any] | None = None  # the web session it came from, if any

    @property
    def staff(self) -> bool:
        return self.role != policy.PUBLIC


PUBLIC = Principal("public", policy.PUBLIC)


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


# ------------------------------------------------------------------ per-app objects
def users_of(app: Any) -> Any:
    from kzqual.services.users import Users

    return app_singleton(app, "users", lambda: Users(open_app_store(app).engine))


def throttle_of(app: Any) -> Any:
    from kzqual.api.throttle import Throttle

    s = app.state.settings
    return app_singleton(app, "throttle", lambda: Throttle(s.auth_fail_limit, s.auth_fail_window))


def session_secret(app: Any) -> bytes:
    import secrets

    configured = app.state.settings.session_secret
    # No secret configured: a random one per process (sessions end when the server restarts).
    return app_singleton(app, "session_secret", lambda: configured.encode() if configured else secrets.token_bytes(32))


def _operations(app: Any) -> dict[tuple[Any, str], str | None]:
    return app_singleton(app, "route_operations", lambda: policy.endpoint_operations(app))


def client_key(request: Request) -> str:
    return "ip:" + (request.client.host if request.client else "?")


# ------------------------------------------------------------------ credentials
def _verify_bearer(app: Any, token: str, ip_key: str) -> Principal:
    """The principal a bearer token stands for; 401 if wrong (counted), 429 while blocked."""
    from kzqual.services.users import BOOTSTRAP_ADMIN, verify_token

    throttle = throttle_of(app)
    throttle.check(ip_key)
    configured = app.state.settings.token
    if configured and hmac.compare_digest(token.encode(), configured.encode()):
        return Principal(BOOTSTRAP_ADMIN, "admin")
    found = users_of(app).by_token_prefix(token)
    user_key = f"user:{found[0].name}" if found else None
    throttle.check(ip_key, user_key)
    if found is not None:
        user, token_hash = found
        # Argon2 costs ~0.1 s on purpose; a token already verified in this process is found by
        # its SHA-256 instead (the user's row is still read, so disabling takes effect at once).
        cache: dict[str, int] = app_singleton(app, "token_cache", dict)
        digest = hashlib.sha256(token.encode()).hexdigest()
        if cache.get(digest) == user.id or verify_token(token_hash, token):
            if user.active:
                if len(cache) > 10_000:
                    cache.clear()
                cache[digest] = user.id
                return Principal(user.name, user.role, user.office)
    throttle.fail(ip_key, user_key)
    raise _unauthorized("wrong or disabled bearer token")


def session_principal(request: Request) -> Principal | None:
    """The signed-in staff member of a page request, or None (no, forged, expired or stale session)."""
    from kzqual.services.users import BOOTSTRAP_ADMIN

    secret = session_secret(request.app)
    data = sessions.decode(secret, request.cookies.get(sessions.SESSION_COOKIE))
    if data is None:
        return None
    if data.get("name") == BOOTSTRAP_ADMIN:
        token = request.app.state.settings.token
        if not token or data.get("tag") != sessions.token_tag(secret, token):
            return None
        return Principal(BOOTSTRAP_ADMIN, "admin", None, data)
    user = users_of(request.app).by_id(int(data.get("uid") or 0))
    if user is None or not user.active or user.name != data.get("name"):
        return None
    return Principal(user.name, user.role, user.office, data)


def configured(app: Any) -> bool:
    """Whether anyone at all can sign in (KZQUAL_TOKEN set, or an active user)."""
    return bool(app.state.settings.token) or users_of(app).any_active()


def _is_page(request: Request) -> bool:
    return not request.url.path.startswith(policy.API + "/")


async def _check_csrf(request: Request, principal: Principal) -> None:
    """A page POST carries its form's token; an API write on a session cookie, the X-CSRF-Token header."""
    expected = (principal.session or {}).get("csrf") or request.cookies.get(sessions.CSRF_COOKIE)
    if _is_page(request):
        form = await request.form()
        sent = form.get(sessions.CSRF_FIELD)
    else:
        sent = request.headers.get(sessions.CSRF_HEADER)
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(sent.encode(), str(expected).encode()):
        raise ApiError(403, "csrf_failed", "the form's security token is missing or stale: reload the page and "
                                           "send it again")


async def enforce(request: Request) -> None:
    """The app-wide dependency (see the module's docstring)."""
    app = request.app
    method = "GET" if request.method == "HEAD" else request.method
    operation = _operations(app).get((request.scope.get("endpoint"), method), None)
    if operation is None:
        raise ApiError(403, "forbidden", "this route has no entry in the access policy")
    credentials = await bearer(request)
    has_bearer = credentials is not None and credentials.scheme.lower() == "bearer"
    public_op = operation == policy.PUBLIC
    if not public_op and not await run_in_threadpool(configured, app):
        if method != "GET":
            raise ApiError(403, "writes_disabled", "writes are disabled: the operator has not set KZQUAL_TOKEN "
                                                   "and no user exists (kzqual users add)")
        raise _unauthorized("staff sign-in is not set up on this server")
    principal = None
    if has_bearer and not public_op and not _is_page(request):
        # Public routes ignore tokens: they can neither use one nor serve as a guessing oracle.
        # Pages go by the session alone (their forms carry the session's CSRF token).
        principal = await run_in_threadpool(_verify_bearer, app, credentials.credentials, client_key(request))
    if principal is None:
        principal = await run_in_threadpool(session_principal, request) or PUBLIC
    request.state.principal = principal
    if method not in ("GET", "HEAD", "OPTIONS") and (_is_page(request) or (principal.session and not has_bearer)):
        await _check_csrf(request, principal)
    if public_op:
        return
    if not principal.staff:
        raise _unauthorized("this needs a staff sign-in: 'Authorization: Bearer <token>' or /signin")
    if not policy.allowed(principal.role, operation):
        raise ApiError(403, "forbidden", f"the {principal.role} role may not do this ({operation})")


# ------------------------------------------------------------------ finer rules, used by routes
def principal_of(request: Request) -> Principal:
    return getattr(request.state, "principal", None) or PUBLIC


async def staff_principal(request: Request) -> Principal | None:
    """The staff member behind a request to a public route, if any: the session's, else a bearer
    token checked (and, when wrong, counted) as on staff routes.  Sizes work (kzqual.api.work_limits),
    never grants access."""
    p = principal_of(request)
    if p.staff:
        return p
    credentials = await bearer(request)
    if credentials is None or credentials.scheme.lower() != "bearer":
        return None
    try:
        return await run_in_threadpool(_verify_bearer, request.app, credentials.credentials, client_key(request))
    except ApiError:
        return None


def office_filter(principal: Principal) -> str | None:
    """The office whose cases the principal sees (None: every office)."""
    return principal.office if principal.role == "operator" else None


def check_case(request: Request, case_id: int) -> None:
    """404 unless the principal may see this case: an operator's own office; a reviewer's only if
    a complaint is about it.  (404, not 403: a case of another office does not exist for them.)"""
    from kzqual.services.audit import case_office

    p = principal_of(request)
    office, has_complaint = case_office(open_app_store(request.app).engine, case_id)
    visible = office is not None and (
        p.role == "admin" or (p.role == "operator" and office == p.office) or (p.role == "reviewer" and has_complaint))
    if not visible:
        raise NotFoundError(f"no case {case_id}")


def check_complaint(request: Request, complaint_id: int, step: str | None = None) -> int:
    """The complaint's case id, if the principal may see the complaint (and take ``step``)."""
    from kzqual.services.audit import complaint_case

    p = principal_of(request)
    case_id = complaint_case(open_app_store(request.app).engine, complaint_id)
    if case_id is None:
        raise NotFoundError(f"no complaint {complaint_id}")
    if p.role == "operator":
        try:
            check_case(request, case_id)
        except NotFoundError:
            raise NotFoundError(f"no complaint {complaint_id}") from None
    steps = policy.COMPLAINT_STEPS
    if step in steps and p.role != "admin" and p.role not in steps[step]:  # an unknown step: 400 later
        raise ApiError(403, "forbidden", f"the {p.role} role may not {step} a complaint")
    return case_id


def audit(request: Request, action: str, *, case_id: int | None = None, complaint_id: int | None = None,
          details: dict[str, Any] | None = None) -> None:
    """One row of the access log for this request's principal."""
    from kzqual.services.audit import record

    p = principal_of(request)
    record(open_app_store(request.app).engine, actor=p.name, role=p.role, via="web" if _is_page(request) else "api",
           action=action, case_id=case_id, complaint_id=complaint_id, details=details)
