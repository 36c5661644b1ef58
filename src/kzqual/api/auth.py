"""Bearer-token check for writes.  Reads never call this.

* ``KZQUAL_TOKEN`` unset -> every write is refused with 403 ``writes_disabled``;
* header missing or token wrong -> 401 ``unauthorized`` (constant-time comparison).
"""

from __future__ import annotations

import hmac

from fastapi import Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from kzqual.api.errors import ApiError

bearer = HTTPBearer(auto_error=False, description="The operator's KZQUAL_TOKEN")


def check_token(configured: str | None, credentials: HTTPAuthorizationCredentials | None) -> None:
    if not configured:
        raise ApiError(403, "writes_disabled", "writes are disabled: the operator has not set KZQUAL_TOKEN")
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(401, "unauthorized", "this write needs 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode(), configured.encode()):
        raise ApiError(401, "unauthorized", "wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


async def require_token(request: Request) -> None:
    """FastAPI dependency for write routes."""
    credentials = await bearer(request)
    check_token(request.app.state.settings.token, credentials)
