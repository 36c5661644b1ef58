"""Error shape, size limits, auth and language negotiation — over a real server."""

from __future__ import annotations

import json
import socket
from pathlib import Path


from kzqual.web.lang import from_accept_language, negotiate

from api_helpers import assert_error


def test_health(bare_server):
    r = bare_server.get("/api/v1/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"
    assert r.json()["writes_enabled"] is True


def test_unknown_api_path_is_json_404(bare_server):
    assert_error(bare_server.get("/api/v1/no/such/thing"), 404, "not_found")


def test_wrong_method_is_json_405(bare_server):
    assert_error(bare_server.delete("/api/v1/health"), 405, "method_not_allowed")


def test_declared_oversize_body_is_413(bare_server):
    r = bare_server.post("/api/v1/health", content=b"{" + b" " * (3 * 1024 * 1024) + b"}")
    assert_error(r, 413, "payload_too_large")


def test_unknown_page_is_html_404(bare_server):
    r = bare_server.get("/no-such-page", headers={"accept-language": "ru"})
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "Ошибка" in r.text


def test_language_negotiation():
    assert negotiate("ru", None, None) == ("ru", True)
    assert negotiate("ru", "ru", None) == ("ru", False)
    assert negotiate("xx", "en", "ru") == ("en", False)
    assert negotiate(None, None, "de-DE,ru;q=0.8,en;q=0.9") == ("en", False)
    assert negotiate(None, None, None) == ("kk", False)
    assert from_accept_language("kk-KZ") == "kk"
    assert from_accept_language("fr;q=1, en;q=0") is None


def test_committed_openapi_matches_generated():
    from kzqual.api.openapi import dumps

    committed = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"
    assert committed.exists(), "run: python -m kzqual.api.openapi docs/openapi.json"
    assert json.loads(committed.read_text(encoding="utf-8")) == json.loads(dumps()), (
        "docs/openapi.json is stale; regenerate with: python -m kzqual.api.openapi docs/openapi.json"
    )
