"""Staff sign-in in headless Chromium: the public sees no applicant, an operator signs in and sees
their office's cases, takes a step through a form (CSRF token included by the page), signs out."""

from __future__ import annotations

import re

import pytest

from staff import browser_sign_in

pytestmark = pytest.mark.browser


def test_sign_in_work_and_sign_out(page, secured, artifacts_dir):
    url = secured.url
    page.goto(f"{url}/services?lang=en")
    assert page.locator("h1").inner_text() == "Not authorised (401)"
    assert "Сейітов" not in page.content()
    page.click("main a[href^='/signin']")
    page.wait_for_url(re.compile(r"/signin\?next="))
    page.fill("#name", "op-astana")
    page.fill("#token", secured.tokens["operator"])
    page.click("form[action='/signin'] button[type=submit]")
    page.wait_for_url(re.compile(r"/services$"))
    table = page.locator("table").inner_text()
    assert "Сейітов" in table and "Жұмабаева" in table and "Пашенцев" not in table  # own office only
    assert "op-astana" in page.locator(".account").inner_text()
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["kzqual_session"]["httpOnly"] and cookies["kzqual_session"]["sameSite"] == "Lax"
    page.screenshot(path=str(artifacts_dir / "security-signed-in.png"))
    page.goto(f"{url}/services/complaints/1?lang=en")
    page.fill("#satisfy-at", "2024-03-30T10:00")
    page.click("#form-satisfy button[type=submit]")
    page.wait_for_url(re.compile(r"done=satisfy"))
    page.click(".account button[type=submit]")
    page.wait_for_url(re.compile(r"/$"))
    assert "Sign in" in page.locator(".account").inner_text()
    page.goto(f"{url}/services/cases/1")
    assert "Сейітов" not in page.content()


def test_a_reviewer_cannot_take_the_providers_step(page, secured):
    browser_sign_in(page, secured.url, "reviewer", secured.tokens["reviewer"], "/services/complaints/1?lang=en")
    page.wait_for_url(re.compile(r"/services/complaints/1"))
    assert page.locator("#form-forward").count() == 0  # the provider's step: no form for the reviewer
    # a forged form for it is refused all the same
    page.evaluate("""() => { const f = document.createElement('form'); f.method = 'post';
        f.action = '/services/complaints/1';
        for (const [k, v] of [['action', 'forward'], ['body', 'ҚІД'], ['at', '2024-03-30T10:00'],
                              ['csrf_token', document.querySelector('input[name=csrf_token]').value]]) {
          const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }
        document.body.appendChild(f); f.submit(); }""")
    page.wait_for_function("document.title.includes('403')")
    assert page.locator("h1").inner_text() == "Forbidden (403)"
    page.goto(f"{secured.url}/services?lang=en")  # the case list is the provider's
    assert page.locator("h1").inner_text() == "Forbidden (403)"
