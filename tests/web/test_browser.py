"""The web UI in headless Chromium: search, a post, its source lines, eligibility, language switch,
public-service pages; a screenshot of each page in artifacts/screenshots/."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def shot(page, screenshots, name: str) -> None:
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)


def test_search_post_and_source_lines(page, web_url, screenshots):
    page.goto(f"{web_url}/?lang=kk")
    page.fill("#q", "маман")
    page.check("#repealed")  # acts in force by default; the bundled kk acts with "маман" are repealed
    page.click("form[role=search] button[type=submit]")
    page.wait_for_selector("ol.results li")
    assert "q=%D0%BC%D0%B0%D0%BC%D0%B0%D0%BD" in page.url
    assert page.locator("ol.results li mark").count() > 0  # matched words highlighted
    shot(page, screenshots, "search")

    first = page.locator("ol.results li .title a").first
    title = first.inner_text().strip()
    first.click()
    page.wait_for_url(re.compile(r"/positions/"))
    assert page.locator("h1").inner_text().strip() == title
    assert page.locator(".notice").first.is_visible()  # the act is repealed: said up front
    shot(page, screenshots, "position")

    link = page.locator("#education .source-link")
    href = link.get_attribute("href")
    start = int(re.search(r"start=(\d+)", href).group(1))
    link.click()
    page.wait_for_url(re.compile(rf"/text\?start={start}.*#L{start}$"))
    target = page.locator(f"#L{start}")
    assert "hl" in target.get_attribute("class")
    assert target.is_visible() and target.bounding_box()["y"] < 900  # scrolled to the anchor
    assert page.locator(".raw-lines .ln.hl").count() >= 1 and page.locator(".clean-lines .ln.hl").count() >= 1
    shot(page, screenshots, "act-text")


def test_eligibility_form(page, web_url, screenshots):
    page.goto(f"{web_url}/eligibility?position=15125-g1-p1&lang=en")
    assert page.input_value("#position_id") == "15125-g1-p1"
    page.fill("#as_of", "2020-01-01")
    page.select_option("#edu_level", "general_secondary")
    page.fill("#w0_employer", "School")
    page.fill("#w0_start", "2010-09-01")
    page.click("form[action='/eligibility'] button[type=submit]")
    page.wait_for_selector("#verdict")
    verdict = page.locator("#verdict").inner_text()
    assert "not met" in verdict.lower()
    assert page.locator("#verdict a.source-link").count() > 0  # each criterion cites the act
    assert page.locator("#qualified").is_visible() and page.locator("#near").is_visible()
    shot(page, screenshots, "eligibility")


def _stated_status(page, words: str) -> str:
    """The verdict class (met / not_met / undetermined) of the criterion quoting ``words``."""
    item = page.locator("#verdict li", has=page.locator(".small.muted", has_text=words)).last
    return item.locator("span.verdict").first.get_attribute("class").split()[-1]


@pytest.mark.parametrize("answer, expected", [("yes", "met"), ("", "undetermined"), ("no", "not_met")])
def test_eligibility_computer_skills(page, web_url, screenshots, answer, expected):
    # 9219-01-1-2 is a Kazakh post (seed 001) whose requirements say "Компьютерде жұмыс істей білу".
    page.goto(f"{web_url}/eligibility?position=9219-01-1-2&lang=kk")
    page.fill("#as_of", "2020-01-01")
    page.select_option("#edu_level", "higher")
    page.select_option("#computer_skills", answer)
    page.click("form[action='/eligibility'] button[type=submit]")
    page.wait_for_selector("#verdict")
    assert _stated_status(page, "Компьютерде жұмыс істей білу") == expected
    assert page.input_value("#computer_skills") == answer  # the form keeps the answer
    shot(page, screenshots, f"eligibility-computer-{answer or 'unstated'}")


def test_language_switch_is_remembered(page, web_url, screenshots):
    page.goto(f"{web_url}/")
    page.click(".lang-switch a[hreflang=ru]")
    page.wait_for_url(re.compile(r"lang=ru"))
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").inner_text() == "Поиск должностей"
    page.goto(f"{web_url}/acts")  # no ?lang: the cookie remembers
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").inner_text() == "Акты"
    shot(page, screenshots, "acts-ru")
    page.click(".lang-switch a[hreflang=en]")
    page.goto(f"{web_url}/acts/reg-9344")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "This act has been repealed." in page.locator(".notice").first.inner_text()
    shot(page, screenshots, "act")


def test_public_service_pages(page, web_url, screenshots):
    from staff import BOOTSTRAP, browser_sign_in

    page.goto(f"{web_url}/services?lang=en&as_of=2024-07-15")
    assert page.locator("h1").inner_text() == "Not authorised (401)"  # applicants' data: staff only
    assert page.locator("table").count() == 0
    browser_sign_in(page, web_url, BOOTSTRAP, "wrong")
    assert "Wrong name or key" in page.locator("[role=alert]").inner_text()
    browser_sign_in(page, web_url, BOOTSTRAP, "web-token-42", "/services?as_of=2024-07-15")
    page.wait_for_url(re.compile(r"/services\?as_of="))
    rows = page.locator("table tbody tr")
    assert rows.count() == 3
    assert page.locator(".overdue").count() >= 1  # the complaint of case 2 was never forwarded
    shot(page, screenshots, "services")
    page.click("table tbody tr >> nth=1 >> a")
    page.wait_for_url(re.compile(r"/services/cases/2"))
    assert "Complaints" in page.content()
    shot(page, screenshots, "case")
    page.click("a[href='/services/complaints/1']")
    page.fill("#forward-body", "ҚІД")
    page.fill("#forward-at", "2024-06-13T11:00")  # the step's time is entered, not stamped "now"
    page.click("#form-forward button[type=submit]")
    page.wait_for_url(re.compile(r"done=forward"))
    assert "ҚІД" in page.locator("dl.facts").inner_text()
    shot(page, screenshots, "complaint")
    page.goto(f"{web_url}/services/report?year=2024&half=1&lang=kk")
    assert "Н6-ӘТМ" in page.locator("h1").inner_text()
    assert "{" not in page.locator(".lead").inner_text()  # the title's placeholders are filled
    assert "жүргізуші" in page.locator("table").inner_text()
    shot(page, screenshots, "report-n6")


def test_pages_work_without_javascript(browser, web_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.goto(f"{web_url}/?lang=ru")
        pg.fill("#q", "руководитель")
        pg.click("form[role=search] button[type=submit]")
        pg.wait_for_selector("ol.results li")
        assert pg.locator("ol.results li").count() > 0
    finally:
        context.close()


def test_phone_layout(phone, web_url, screenshots):
    phone.goto(f"{web_url}/?lang=kk&q=маман")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width}px wide on a 390px phone"
    shot(phone, screenshots, "search-phone")
    phone.goto(f"{web_url}/acts/reg-9344/text?start=100&end=110")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    shot(phone, screenshots, "act-text-phone")


@pytest.mark.parametrize("lang,query", [("kk", "заңгер"), ("ru", "главный специалист"), ("en", "lawyer")])
def test_synonym_search_facets_and_did_you_mean(page, web_url, screenshots, lang, query):
    page.goto(f"{web_url}/?lang={lang}")
    page.fill("#q", query)
    page.check("#repealed")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_selector("ol.results li")
    assert page.locator("ol.results li[data-match=synonym] .synonym").count() > 0  # says which synonym
    shot(page, screenshots, f"search-synonym-{lang}")
    # a facet narrows the list to its count
    facet = page.locator(".facet[data-facet=category] li a").first
    count = int(page.locator(".facet[data-facet=category] li .count").first.inner_text())
    facet.click()
    page.wait_for_selector("ol.results li")
    assert page.locator("ol.results > li").count() == min(count, 20)
    assert page.locator(".facet[data-facet=category] a.on").count() == 1
    # a misspelling offers the right word, and the link finds posts
    page.fill("#q", query[:-1] + query[-1] * 2 if lang != "ru" else "главный специалсит")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_selector("#did-you-mean")
    page.click("#did-you-mean")
    page.wait_for_selector("ol.results li")
    assert page.locator("ol.results li").count() > 0
