"""Staff sign-in and sign-out.  A user signs in with their name and the token ``kzqual users add``
printed (the bootstrap admin: name ``bootstrap-admin`` and ``KZQUAL_TOKEN``); failures are
counted per address and per name like wrong API tokens (429 after five a minute)."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from kzqual.api import sessions
from kzqual.api.auth import client_key, session_secret, throttle_of, users_of
from kzqual.web.render import render

router = APIRouter()


def _next(value: str | None) -> str:
    """Only a path on this site (never //host or a scheme): no open redirect.  Empty: the role's
    start page, chosen after sign-in."""
    value = (value or "").strip()
    if value.startswith("/") and not value.startswith("//") and "\\" not in value and len(value) < 2000:
        return value
    return ""


# Where each role starts: the provider's staff at the case list, the reviewing body at its complaints.
START = {"operator": "/services", "admin": "/services", "reviewer": "/services/complaints"}


def _check(request: Request, name: str, token: str) -> dict | None:
    """The session data for a right name and token; None when wrong (the caller counts it)."""
    from kzqual.services.users import BOOTSTRAP_ADMIN, verify_token

    settings = request.app.state.settings
    if name == BOOTSTRAP_ADMIN:
        if settings.token and hmac.compare_digest(token.encode(), settings.token.encode()):
            return {"name": BOOTSTRAP_ADMIN, "role": "admin",
                    "tag": sessions.token_tag(session_secret(request.app), settings.token)}
        return None
    found = users_of(request.app).by_token_prefix(token)
    if found is None:
        return None
    user, token_hash = found
    if user.name != name or not user.active or not verify_token(token_hash, token):
        return None
    return {"uid": user.id, "name": user.name, "role": user.role}


@router.get("/signin")
def signin_form(request: Request):
    return render(request, "signin.html", next=_next(request.query_params.get("next")), failed=False,
                  active="/signin")


@router.post("/signin")
async def signin(request: Request):
    form = await request.form()
    name = str(form.get("name", "")).strip()[:100]
    token = str(form.get("token", "")).strip()[:500]
    target = _next(str(form.get("next", "")))
    throttle = throttle_of(request.app)
    keys = (client_key(request), f"user:{name}" if name else None)
    throttle.check(*keys)
    data = await run_in_threadpool(_check, request, name, token) if name and token else None
    if data is None:
        throttle.fail(*keys)
        return render(request, "signin.html", http_status=401, next=target, failed=True, name=name,
                      active="/signin")
    response = RedirectResponse(target or START[data["role"]], status_code=303)
    value = sessions.encode(session_secret(request.app), data)
    response.headers.append("set-cookie", sessions.cookie_header(
        sessions.SESSION_COOKIE, value, secure=request.url.scheme == "https", max_age=sessions.SESSION_SECONDS))
    return response


@router.post("/signout")
def signout(request: Request):
    response = RedirectResponse("/", status_code=303)
    response.headers.append("set-cookie", sessions.cookie_header(
        sessions.SESSION_COOKIE, "", secure=request.url.scheme == "https", max_age=0))
    return response
