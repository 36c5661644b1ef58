"""Helpers shared by the API tests (a uniquely named module: every area has a ``conftest``)."""

from __future__ import annotations

from api_token import TOKEN  # noqa: F401  (re-exported)


def assert_error(response, status: int, code: str) -> dict:
    """The response is the documented error shape with this status and machine code."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body
