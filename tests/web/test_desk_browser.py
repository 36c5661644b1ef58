"""The staff pages in headless Chromium: an operator files an application on a citizen's behalf and
walks the case to the certificate, every step's time typed in; a refusal, a complaint against it,
its forwarding, the reviewing body's decision upholding it and the decision taken again (point 65).  Screenshots in artifacts/screenshots/desk-*.png."""

from __future__ import annotations

import re

import pytest

from kzqual.services.iin import make_iin

from staff import browser_sign_in

from .desk_site import start

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    s, srv, store = start(str(tmp_path_factory.mktemp("deskb") / "kzqual.db"))
    yield s
    srv.stop()
    store.close()


def shot(page, screenshots, name: str) -> None:
    page.screenshot(path=str(screenshots / f"desk-{name}.png"), full_page=True)


def step(page, name: str, at: str, **fields) -> None:
    """Fill a step's form on the case page and send it; wait for the page that follows."""
    form = page.locator(f"#form-{name}")
    for field, value in fields.items():
        target = form.locator(f"[name={field}]")
        if target.evaluate("e => e.tagName") == "SELECT":
            target.select_option(value)
        else:
            target.fill(value)
    form.locator("[name=at]").fill(at)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def test_application_to_certificate(page, site, screenshots):
    from datetime import date

    browser_sign_in(page, site.url, "op-astana", site.tokens["op-astana"], "/services?lang=kk")
    page.wait_for_url(re.compile(r"/services"))
    page.click("#apply-link")
    page.wait_for_url(re.compile(r"/services/apply"))
    assert page.input_value("#apply-at")  # defaults to now (Asia/Almaty)
    values = {"#apply-iin": make_iin(date(2006, 2, 14), "f", 41), "#apply-surname": "Жұмабаева",
              "#apply-name": "Айгерім", "#apply-address": "Астана қ., Сарыарқа д-лы 8", "#apply-phone": "+7 702 555 03 04",
              "#apply-addressee": "Астана қаласы бойынша қорғаныс істері департаментінің",
              "#apply-branch": "Әскери-техникалық мектептің Астана филиалы",
              "#apply-documents": "медициналық куәландыру картасы"}
    for sel, v in values.items():
        page.fill(sel, v)
    page.select_option("#apply-basis", "paid")
    page.fill("#apply-at", "2025-03-03T10:00")
    shot(page, screenshots, "apply-form")
    page.click("#form-apply button[type=submit]")  # consent not ticked: refused, all kept
    page.wait_for_selector("#apply-consent-error")
    assert page.input_value("#apply-surname") == "Жұмабаева" and page.input_value("#apply-at") == "2025-03-03T10:00"
    assert page.input_value("#apply-basis") == "paid"
    shot(page, screenshots, "apply-error")
    page.check("#apply-consent")
    with page.expect_navigation():
        page.click("#form-apply button[type=submit]")
    assert re.search(r"/services/cases/\d+\?done=submitted", page.url)
    case_id = int(re.search(r"/cases/(\d+)", page.url).group(1))
    assert page.locator(".case-state").get_attribute("data-state") == "submitted"
    shot(page, screenshots, "case-submitted")

    # a time before the application: refused next to the field, nothing recorded
    step(page, "payment", "2025-03-01T10:00", amount="305000")
    assert "өтініш берілгенге дейін" in page.locator("#payment-at-error").inner_text()
    assert page.input_value("#payment-amount") == "305000"
    shot(page, screenshots, "case-error")
    step(page, "payment", "2025-03-04T10:15", amount="305000")
    step(page, "accept", "2025-03-05T11:00", group_id=str(site.groups["paid"]))
    assert page.locator(".case-state").get_attribute("data-state") == "accepted"
    step(page, "start_training", "2025-03-10T09:00")
    step(page, "certify", "2025-05-30T15:00", certificate="ӘТМ-2025/101")
    assert page.locator(".case-state").get_attribute("data-state") == "certified"
    history = page.locator("#history").inner_text()
    for when in ("3 наурыз 2025, 10:00", "4 наурыз 2025, 10:15", "5 наурыз 2025, 11:00", "10 наурыз 2025, 09:00",
                 "30 мамыр 2025, 15:00"):
        assert when in history
    assert history.count("op-astana") == 5 and "ӘТМ-2025/101" in history
    shot(page, screenshots, "case-certified")
    page.goto(f"{site.url}/services/cases/{case_id}?lang=ru")
    assert "30 мая 2025, 15:00" in page.locator("#history").inner_text()


def test_refusal_complaint_decision_and_the_decision_taken_again(page, site, screenshots):
    case_id = site.new_case()
    browser_sign_in(page, site.url, "op-astana", site.tokens["op-astana"], f"/services/cases/{case_id}?lang=ru")
    page.wait_for_url(re.compile(rf"/services/cases/{case_id}"))
    page.check("#ground-1")
    page.check("#ground-2")
    page.fill("#refuse-reason", "Деректер нақты емес: медкарта жарамсыз")
    step(page, "refuse", "2025-03-04T12:00")
    assert page.locator(".case-state").get_attribute("data-state") == "refused"
    assert "Деректер нақты емес" in page.locator("#history").inner_text()
    shot(page, screenshots, "case-refused")
    page.click("#form-complain >> xpath=.. >> summary")
    page.select_option("#complain-target", "decision")
    page.fill("#complain-text", "Шешіммен келіспеймін: медкарта жарамды")
    page.fill("#complain-at", "2025-03-05T16:00")
    with page.expect_navigation():
        page.click("#form-complain button[type=submit]")
    assert re.search(r"/services/complaints/\d+\?done=registered", page.url)
    complaint_url = page.url.split("?")[0]
    page.fill("#forward-body", "Қорғаныс министрлігі")
    page.fill("#forward-at", "2025-03-06T10:00")
    with page.expect_navigation():
        page.click("#form-forward button[type=submit]")
    assert page.locator(".complaint-state").get_attribute("data-state") == "forwarded"
    assert page.locator("#form-decide").count() == 0  # the reviewing body's step, not the operator's
    shot(page, screenshots, "complaint-forwarded")
    page.click(".account button[type=submit]")  # sign out; the reviewing body signs in
    page.wait_for_url(re.compile(r"/$"))
    browser_sign_in(page, site.url, "reviewer", site.tokens["reviewer"], complaint_url.split(site.url)[1] + "?lang=ru")
    page.wait_for_url(re.compile(r"/services/complaints/\d+"))
    page.select_option("#decide-outcome", "upheld")
    page.fill("#decide-at", "2025-03-12T10:00")
    with page.expect_navigation():
        page.click("#form-decide button[type=submit]")
    assert page.locator(".complaint-state").get_attribute("data-state") == "decided"
    history = page.locator("#history").inner_text()
    assert "12 марта 2025, 10:00" in history and "reviewer" in history and "6 марта 2025, 10:00" in history
    shot(page, screenshots, "complaint-decided")
    # upheld (point 65): the refusal is reopened; the provider decides again
    page.click(".account button[type=submit]")
    page.wait_for_url(re.compile(r"/$"))
    browser_sign_in(page, site.url, "op-astana", site.tokens["op-astana"], f"/services/cases/{case_id}?lang=ru")
    page.wait_for_url(re.compile(rf"/services/cases/{case_id}"))
    assert page.locator(".case-state").get_attribute("data-state") == "reconsideration"
    assert page.locator("#redecide").is_visible() and page.locator("#reopened").is_visible()
    shot(page, screenshots, "case-reopened")
    step(page, "accept", "2025-03-13T10:00", group_id=str(site.groups["later"]))
    assert page.locator(".case-state").get_attribute("data-state") == "accepted"
    history = page.locator("#history").inner_text()
    assert "13 марта 2025, 10:00" in history and "орган, рассматривающий жалобу, удовлетворил её" in history
    shot(page, screenshots, "case-redecided")
