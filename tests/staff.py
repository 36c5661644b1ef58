"""Signing staff in for tests: over HTTP (an httpx client keeps the session cookie) and in the shared
headless Chromium.  ``BOOTSTRAP`` is the name the operator's KZQUAL_TOKEN signs in with."""

from __future__ import annotations

import re

import httpx

BOOTSTRAP = "bootstrap-admin"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """The CSRF token a page's forms carry."""
    m = _CSRF.search(html)
    assert m, "the page has no CSRF token"
    return m.group(1)


def sign_in(client: httpx.Client, name: str, token: str, *, expect: int = 303) -> httpx.Response:
    """Sign ``client`` in through /signin (its cookies then carry the session)."""
    form = client.get("/signin")
    assert form.status_code == 200, form.status_code
    r = client.post("/signin", data={"csrf_token": csrf_of(form.text), "name": name, "token": token,
                                     "next": "/services"}, follow_redirects=False)
    assert r.status_code == expect, (r.status_code, r.text[:300])
    return r


def staff_client(base_url: str, token: str, name: str = BOOTSTRAP, **kwargs) -> httpx.Client:
    client = httpx.Client(base_url=base_url, timeout=kwargs.pop("timeout", 60), **kwargs)
    sign_in(client, name, token)
    return client


def browser_sign_in(page, base_url: str, name: str, token: str, next_path: str = "/services") -> None:
    page.goto(f"{base_url}/signin?next={next_path}")
    page.fill("#name", name)
    page.fill("#token", token)
    page.click("form[action='/signin'] button[type=submit]")
