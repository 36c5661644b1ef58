"""Signed session cookies for staff signed in on the web, and the CSRF token of every form.

A session is ``base64(json) "." base64(HMAC-SHA256)`` in the cookie ``kzqual_session`` (HttpOnly,
SameSite=Lax, Secure when the request came over HTTPS): the user's id, name, role and office, a
random CSRF token and an expiry.  Nothing secret is inside; the signature stops forgery, and every
request checks the user is still active (``kzqual users disable`` ends their sessions at once).

A visitor who has not signed in gets a random ``kzqual_csrf`` cookie instead; each form carries its
value (double submit), so every POST from a page, public forms included, proves it came from one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from typing import Any

SESSION_COOKIE = "kzqual_session"
CSRF_COOKIE = "kzqual_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SESSION_SECONDS = 8 * 3600  # one working day


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign(secret: bytes, payload: str) -> str:
    return _b64(hmac.new(secret, payload.encode(), hashlib.sha256).digest())


def encode(secret: bytes, data: dict[str, Any], *, now: float | None = None) -> str:
    body = {**data, "csrf": secrets.token_urlsafe(24), "exp": int((now or time.time()) + SESSION_SECONDS)}
    payload = _b64(json.dumps(body, separators=(",", ":")).encode())
    return f"{payload}.{_sign(secret, payload)}"


def decode(secret: bytes, value: str | None, *, now: float | None = None) -> dict[str, Any] | None:
    """The session's data, or None if it is missing, forged, malformed or expired."""
    if not value or value.count(".") != 1 or len(value) > 4096:
        return None
    payload, signature = value.split(".")
    if not hmac.compare_digest(signature, _sign(secret, payload)):
        return None
    try:
        data = json.loads(_unb64(payload))
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("exp"), int) or data["exp"] < (now or time.time()):
        return None
    return data


def token_tag(secret: bytes, token: str) -> str:
    """A short keyed fingerprint of the bootstrap token: its session ends when KZQUAL_TOKEN changes."""
    return _sign(secret, "bootstrap:" + token)[:16]


def new_csrf() -> str:
    return secrets.token_urlsafe(24)


def cookie_header(name: str, value: str, *, secure: bool, max_age: int | None = None,
                  same_site: str = "Lax") -> str:
    parts = [f"{name}={value}", "Path=/", "HttpOnly", f"SameSite={same_site}"]
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    if secure:
        parts.append("Secure")
    return "; ".join(parts)
