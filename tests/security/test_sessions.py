"""Web sign-in over HTTP: the session cookie's flags, sign-out, a disabled user's session, and the
CSRF token every page form must carry."""

from __future__ import annotations

import httpx

from kzqual.services.users import Users
from kzqual.store import open_store

from staff import csrf_of, sign_in


def _cookie(r: httpx.Response, name: str) -> str:
    (header,) = [h for h in r.headers.get_list("set-cookie") if h.startswith(name + "=")]
    return header


def test_session_cookie_flags_and_sign_out(secured):
    with httpx.Client(base_url=secured.url, timeout=60) as c:
        assert c.get("/services").status_code == 401
        r = sign_in(c, "op-astana", secured.tokens["operator"])
        assert r.headers["location"] == "/services"
        cookie = _cookie(r, "kzqual_session")
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie  # plain HTTP here
        page = c.get("/services")
        assert page.status_code == 200 and "Сейітов" in page.text and "Пашенцев" not in page.text  # own office
        assert "op-astana" in page.text
        out = c.post("/signout", data={"csrf_token": csrf_of(page.text)}, follow_redirects=False)
        assert out.status_code == 303 and "Max-Age=0" in _cookie(out, "kzqual_session")
        assert c.get("/services").status_code == 401


def test_the_cookie_is_secure_over_https(secured):
    # uvicorn trusts X-Forwarded-Proto from 127.0.0.1 (a TLS proxy in front of it)
    with httpx.Client(base_url=secured.url, timeout=60, headers={"X-Forwarded-Proto": "https"}) as c:
        form = c.get("/signin")
        csrf = _cookie(form, "kzqual_csrf")
        assert "Secure" in csrf and "SameSite=Strict" in csrf and "HttpOnly" in csrf
        # the client talks plain HTTP, so it would not send a Secure cookie back: send it by hand
        r = c.post("/signin", data={"csrf_token": csrf_of(form.text), "name": "reviewer",
                                    "token": secured.tokens["reviewer"]},
                   headers={"Cookie": csrf.split(";")[0]}, follow_redirects=False)
        assert r.status_code == 303
        assert "Secure" in _cookie(r, "kzqual_session")


def test_wrong_sign_in_and_forged_session(secured):
    with httpx.Client(base_url=secured.url, timeout=60) as c:
        r = sign_in(c, "op-astana", secured.tokens["reviewer"], expect=401)  # someone else's token
        assert "kzqual_session" not in r.headers.get("set-cookie", "")
        c.cookies.set("kzqual_session", "eyJuYW1lIjoicm9vdCIsInJvbGUiOiJhZG1pbiJ9.AAAA")
        assert c.get("/services").status_code == 401


def test_a_disabled_users_session_ends_at_once(fresh_server):
    site = fresh_server()
    with httpx.Client(base_url=site.url, timeout=60) as c:
        sign_in(c, "op-astana", site.tokens["operator"])
        assert c.get("/services").status_code == 200
        with open_store(site.db) as store:
            Users(store.engine).disable("op-astana")
        assert c.get("/services").status_code == 401


def test_every_page_post_needs_its_csrf_token(secured):
    with httpx.Client(base_url=secured.url, timeout=60) as c:
        form = c.get("/eligibility")
        token = csrf_of(form.text)
        assert c.cookies.get("kzqual_csrf") == token  # a visitor's token: the double-submit cookie
        for data in ({}, {"csrf_token": "forged"}):
            r = c.post("/eligibility", data=data)
            assert r.status_code == 403 and 'data-error-code="csrf_failed"' in r.text
        assert c.post("/eligibility", data={"csrf_token": token}).status_code in (200, 400)
        # a sign-in form without the token is refused before any name or token is looked at
        r = c.post("/signin", data={"name": "op-astana", "token": secured.tokens["operator"]},
                   follow_redirects=False)
        assert r.status_code == 403
        sign_in(c, "op-astana", secured.tokens["operator"])
        assert c.get("/services/complaints/1").status_code == 200
        # another site's form posting into a signed-in browser: no token, no step
        r = c.post("/services/complaints/1", data={"action": "forward", "body": "ҚІД-2", "actor": "x"},
                   follow_redirects=False)
        assert r.status_code == 403
        assert "ҚІД-2" not in c.get("/services/complaints/1").text
        # an API write riding on the session cookie needs the token in X-CSRF-Token
        r = c.post("/api/v1/services/cases/1/actions", json={"action": "withdraw", "actor": "x"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "csrf_failed"
        assert c.get("/api/v1/services/cases/1").json()["state"] != "withdrawn"


def test_each_role_starts_at_its_own_page(secured):
    with httpx.Client(base_url=secured.url, timeout=60) as c:
        form = c.get("/signin")
        r = c.post("/signin", data={"csrf_token": csrf_of(form.text), "name": "reviewer",
                                    "token": secured.tokens["reviewer"]}, follow_redirects=False)
        assert r.headers["location"] == "/services/complaints"
        work = c.get("/services/complaints")
        assert work.status_code == 200 and 'href="/services/complaints/1"' in work.text
        assert c.get("/services").status_code == 403  # the case list is the provider's
        # no open redirect: a foreign "next" is dropped
        out = c.post("/signout", data={"csrf_token": csrf_of(work.text)}, follow_redirects=False)
        assert out.status_code == 303
        form = c.get("/signin")
        r = c.post("/signin", data={"csrf_token": csrf_of(form.text), "name": "op-astana", "next": "//evil.example/x",
                                    "token": secured.tokens["operator"]}, follow_redirects=False)
        assert r.headers["location"] == "/services"
