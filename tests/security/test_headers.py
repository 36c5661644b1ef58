"""Security headers on every kind of response, and the API docs page working offline under the
Content-Security-Policy (issue 10, part 4)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import httpx
import pytest

import kzqual
sys.path.insert(0, str(Path(__file__).resolve().parent))
from input_helpers import running_server  # noqa: E402

TEMPLATES = Path(kzqual.__file__).resolve().parent / "web" / "templates"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("headers"), max_body_bytes=10_000) as url:
        yield url


ROUTES = [
    ("GET", "/api/v1/acts", None, 200),  # API JSON
    ("GET", "/api/v1/acts/nope", None, 404),  # API error
    ("GET", "/api/v1/acts?limit=0", None, 422),  # validation error
    ("DELETE", "/api/v1/acts", None, 405),
    ("POST", "/api/v1/eligibility/match", b"x" * 20_000, 413),  # the body-limit middleware's own answer
    ("POST", "/api/v1/eligibility/match", b"[" * 500, 400),  # the JSON-depth middleware's own answer
    ("POST", "/api/v1/eligibility/screen", b'{"id": "p"}\n' * 3, 200),  # streamed NDJSON
    ("GET", "/api/v1/openapi.json", None, 200),
    ("GET", "/api/v1/docs", None, 200),
    ("GET", "/api/v1/docs/init.js", None, 200),
    ("GET", "/api/v1/docs/assets/swagger-ui.css", None, 200),
    ("GET", "/", None, 200),  # pages
    ("GET", "/acts", None, 200),
    ("GET", "/acts/nope", None, 404),  # a page's error
    ("GET", "/static/style.css", None, 200),  # static
    ("GET", "/static/nope.css", None, 404),
]


@pytest.mark.parametrize("method,path,body,status", ROUTES)
def test_security_headers_on_every_route_kind(base_url, method, path, body, status):
    headers = {"content-type": "application/json"} if body is not None and b"{" not in body[:1] else {}
    r = httpx.request(method, base_url + path, content=body, headers=headers, timeout=60)
    assert r.status_code == status, r.text[:300]
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "same-origin"


def test_templates_have_no_inline_script():
    """The CSP forbids inline script: no <script> with a body, no on*= handler, no javascript: URL."""
    for tpl in sorted(TEMPLATES.glob("*.html")):
        text = tpl.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text, re.I), tpl.name
        assert not re.search(r"\son[a-z]+\s*=", text, re.I), tpl.name
        assert "javascript:" not in text.lower(), tpl.name


def test_docs_page_uses_no_cdn(base_url):
    page = httpx.get(base_url + "/api/v1/docs").text
    for src in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert src.startswith("/api/v1/"), src
    assert "<script>" not in page


@pytest.mark.browser
def test_docs_page_renders_offline_in_chromium(browser, base_url):
    """Swagger UI draws the operations with every request kept on 127.0.0.1 (others are aborted,
    as without internet) and no Content-Security-Policy violation."""
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    problems: list[str] = []

    def route(r):
        if r.request.url.startswith(base_url):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(base_url + "/api/v1/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=30_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/v1/eligibility/check" in p for p in paths), paths[:5]
    assert page.locator(".information-container .title").inner_text().startswith("kzqual")
    context.close()
    assert not outside, outside
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
