"""Finding and understanding posts in headless Chromium (issue 14): the eligibility form keeps
people's work (inline errors, values kept, focus on the result, the post found inside the form with
and without JavaScript), a shared link that opens the same result elsewhere, the print view, every
qualified post one line per post and paginated, /compare, and no horizontal scroll on a phone.
Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import re

import pytest

from browser import new_page

pytestmark = pytest.mark.browser

# A lawyer in state service since 2005 (leadership posts), all stated facts "yes": on 2020-01-01 he
# meets 57 posts of the five bundled acts when repealed acts are included (three pages of 20).
LAWYER = {"#as_of": "2020-01-01", "#w0_employer": "Әділет министрлігі", "#w0_post": "басқарма басшысы",
          "#w0_start": "2005-01-01"}
LAWYER_SELECT = {"#edu_level": "higher", "#edu_specialty": "s-quqyqtanu", "#computer_skills": "yes",
                 "#special_training": "yes"}
LAWYER_CHECK = ("input[name=w0_state]", "input[name=w0_lead]", "input[name=include_repealed]")


def shot(page, screenshots, name: str) -> None:
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)


def fill(page, values: dict[str, str], select: dict[str, str] | None = None, check: tuple[str, ...] = ()) -> None:
    for sel, value in values.items():
        page.fill(sel, value)
    for sel, value in (select or {}).items():
        page.select_option(sel, value)
    for sel in check:
        page.check(sel)


def no_horizontal_scroll(page) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


def test_a_form_error_is_inline_in_the_readers_language_and_keeps_every_value(page, web_url, screenshots):
    page.goto(f"{web_url}/eligibility?position=15125-g1-p1&lang=ru")
    fill(page, {"#as_of": "2020-01-01", "#w0_employer": "Акимат", "#w0_post": "специалист",
                "#w0_start": "2015-01-01", "#w0_end": "2012-06-30", "#edu_field": "право"},
         {"#edu_level": "higher", "#computer_skills": "yes"}, ("input[name=w0_state]",))
    page.click("#check")
    page.wait_for_selector("#form-errors")
    # next to the field, in Russian, and the field says it is wrong
    error = page.locator("#err-w0_end")
    assert error.inner_text().strip() == "⚠ Дата окончания раньше даты начала." or \
        "Дата окончания раньше даты начала." in error.inner_text()
    assert page.get_attribute("#w0_end", "aria-invalid") == "true"
    assert page.get_attribute("#w0_end", "aria-describedby") == "err-w0_end"
    # the summary has the focus and links to the field
    assert page.evaluate("document.activeElement.id") == "form-errors"
    assert page.locator("#form-errors a[href='#w0_end']").count() == 1
    # nothing typed is lost
    for sel, value in {"#as_of": "2020-01-01", "#w0_employer": "Акимат", "#w0_post": "специалист",
                       "#w0_start": "2015-01-01", "#w0_end": "2012-06-30", "#edu_field": "право",
                       "#edu_level": "higher", "#computer_skills": "yes", "#position_id": "15125-g1-p1"}.items():
        assert page.input_value(sel) == value, sel
    assert page.is_checked("input[name=w0_state]")
    assert page.locator("#verdict").count() == 0
    shot(page, screenshots, "eligibility-inline-error")
    # corrected, the same form checks, and the focus moves to the result
    page.fill("#w0_end", "2018-06-30")
    page.click("#check")
    page.wait_for_selector("#verdict")
    assert page.evaluate("document.activeElement.id") == "result"
    assert page.locator("#form-errors").count() == 0


def test_post_picker_with_javascript(page, web_url, screenshots):
    page.goto(f"{web_url}/eligibility?lang=ru")
    assert page.locator("#position_id").input_value() == ""
    page.fill("#w0_employer", "Школа")  # typed before the post is chosen: kept
    page.fill("#w0_start", "2012-09-01")
    page.fill("#post_q", "инспектор")
    page.wait_for_selector("#post-listbox [role=option]")
    assert page.get_attribute("#post_q", "aria-expanded") == "true"
    options = page.locator("#post-listbox [role=option]")
    assert options.count() >= 2
    page.press("#post_q", "ArrowDown")
    assert page.get_attribute("#post_q", "aria-activedescendant") == "post-opt-0"
    picked_id = options.first.get_attribute("data-id")
    picked_title = options.first.locator(".post-title").inner_text()
    shot(page, screenshots, "eligibility-picker")
    page.press("#post_q", "Enter")  # picks; does not send the form
    assert page.locator("#position_id").input_value() == picked_id
    assert picked_title in page.locator("#post-chosen").inner_text()
    assert page.locator("#verdict").count() == 0 and page.input_value("#w0_employer") == "Школа"
    fill(page, {"#as_of": "2020-01-01"}, {"#edu_level": "higher"})
    page.click("#check")
    page.wait_for_selector("#verdict")
    assert page.locator(f"#verdict-h a[href='/positions/{picked_id}']").count() == 1


def test_post_found_without_javascript_is_a_search_then_pick_step(browser, web_url, screenshots):
    with new_page(browser, java_script_enabled=False, viewport={"width": 1280, "height": 900}) as pg:
        pg.goto(f"{web_url}/eligibility?lang=kk")
        fill(pg, {"#as_of": "2020-01-01", "#post_q": "инспектор", "#w0_employer": "Мектеп",
                  "#w0_start": "2010-09-01"}, {"#edu_level": "higher"})
        pg.click("#find")
        pg.wait_for_selector("#post-choices input[type=radio]")
        radios = pg.locator("#post-choices input[type=radio][value^='15125-']")
        assert radios.count() >= 2
        # the answers survived the search step
        assert pg.input_value("#w0_employer") == "Мектеп" and pg.input_value("#edu_level") == "higher"
        shot(pg, screenshots, "eligibility-find-no-js")
        chosen = radios.nth(1).get_attribute("value")
        radios.nth(1).check()
        pg.click("#check")
        pg.wait_for_selector("#verdict")
        assert pg.locator(f"#verdict-h a[href='/positions/{chosen}']").count() == 1
        assert pg.input_value("#w0_start") == "2010-09-01"


def test_share_link_round_trip_and_print_view(page, browser, web_url, screenshots):
    page.goto(f"{web_url}/eligibility?position=9344-a1-46&lang=en")
    fill(page, LAWYER, LAWYER_SELECT, LAWYER_CHECK)
    page.click("#save-link")
    page.wait_for_url(re.compile(r"/eligibility/saved/[A-Za-z0-9_-]{22}#result$"))
    url = page.url.split("#")[0]
    # the address names nothing about the person
    for word in ("Әділет", "2005", "s-quqyqtanu", "higher", "басқарма", "%D3%98"):
        assert word not in url, word
    assert page.input_value("#share-url") == url
    assert page.evaluate("document.activeElement.id") == "result"
    verdict = page.locator("#verdict").inner_text()
    qualified = page.locator("#q-h").inner_text()
    assert "(57)" in qualified
    shot(page, screenshots, "eligibility-saved")

    # someone else opens the link: the same answers and the same result
    with new_page(browser, viewport={"width": 1280, "height": 900}) as other:
        other.goto(url + "?lang=en")
        assert other.locator("#verdict").inner_text() == verdict
        assert other.locator("#q-h").inner_text() == qualified
        assert other.input_value("#w0_employer") == "Әділет министрлігі"
        assert other.input_value("#edu_specialty") == "s-quqyqtanu" and other.is_checked("input[name=w0_lead]")
        # the shared page's pager is plain links
        other.click("#qualified .pager a[rel=next]")
        other.wait_for_url(re.compile(r"offset=20"))
        assert other.get_attribute("#qualified ol.post-lines", "start") == "21"
        assert other.locator("#near").count() == 0  # near misses are on the first page

    # the print view: the result only
    page.emulate_media(media="print")
    assert not page.locator("#elig").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert page.locator("#verdict").is_visible() and page.locator("#qualified").is_visible()
    assert not page.locator("#qualified .compare-pick").first.is_visible()
    assert page.locator("#share-url").is_visible()  # the printed page says where it lives
    shot(page, screenshots, "eligibility-print")
    page.emulate_media(media="screen")
    assert page.locator("[data-print]").is_visible()  # JavaScript on: a Print button


def test_every_qualified_post_one_line_each_paginated(page, web_url, screenshots):
    page.goto(f"{web_url}/eligibility?lang=kk")
    fill(page, LAWYER, LAWYER_SELECT, LAWYER_CHECK)
    page.click("#check")
    page.wait_for_selector("#qualified")
    seen: list[str] = []
    for first in (1, 21, 41):
        items = page.locator("#qualified ol.post-lines > li")
        assert page.get_attribute("#qualified ol.post-lines", "start") == str(first)
        assert items.count() == (20 if first < 41 else 17)
        texts = items.all_inner_texts()
        assert len(set(texts)) == len(texts), "two lines read the same"
        text = "\n".join(texts)
        assert "higher_qualification" not in text and "/none" not in text  # no internal keys
        assert page.locator("#qualified .badge").evaluate_all("bs => bs.filter(b => !b.textContent.trim()).length") == 0
        seen += [a.get_attribute("href") for a in items.locator("a.post-title").all()]
        if first == 1:
            # identical titles are told apart: five "Департамент директоры" by department
            directors = items.filter(has_text="Департамент директоры")
            assert directors.count() == 5
            assert len(set(directors.locator(".post-where").all_inner_texts())) == 5
            shot(page, screenshots, "eligibility-qualified")
        if first < 41:
            page.click("#qualified .pager button[rel=next], #qualified .pager button:has-text('→')")
            page.wait_for_selector(f"#qualified ol.post-lines[start='{first + 20}']")
    assert len(seen) == len(set(seen)) == 57
    assert page.input_value("#w0_employer") == "Әділет министрлігі"  # the form kept on every page


def test_compare_two_then_three_posts(page, web_url, screenshots):
    page.goto(f"{web_url}/eligibility?lang=ru")
    fill(page, LAWYER, LAWYER_SELECT, LAWYER_CHECK)
    page.click("#check")
    page.wait_for_selector("#qualified")
    boxes = page.locator("#qualified input[name=ids]")
    ids = [boxes.nth(i).get_attribute("value") for i in (0, 1)]
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.click("button[form=compare-form]")
    page.wait_for_url(re.compile(r"/compare\?ids="))
    assert page.locator("table.compare thead th").count() == 3  # the row header + two posts
    for row in ("category", "education", "experience", "competence"):
        cells = page.locator(f"table.compare tr.row-{row} td")
        assert cells.count() == 2, row
    # each requirement cell cites its act lines
    assert page.locator("table.compare tr.row-education td a.source-link").count() == 2
    # a third post, found from the page itself (Russian act, order 134)
    page.fill("#compare-q", "инспектор")
    page.click("form[action='/compare'] button[type=submit]")
    page.wait_for_selector("#compare-found li")
    page.locator("#compare-found li a.button").first.click()
    page.wait_for_selector("table.compare")
    assert page.locator("table.compare thead th").count() == 4
    assert all(i in page.url for i in ids)
    assert page.locator("#compare-q").count() == 0  # three is the most
    shot(page, screenshots, "compare")


def test_compare_is_reachable_from_a_post_page(page, web_url):
    page.goto(f"{web_url}/positions/15125-g1-p1?lang=en")
    page.click("#compare-link")
    page.wait_for_url(re.compile(r"/compare\?ids=15125-g1-p1$"))
    assert page.locator("table.compare tr.row-category td").inner_text().strip() == "А3-2-1"


PHONE_PAGES = ["/?lang=ru&q=маман", "/acts?lang=kk", "/acts/reg-9344?lang=kk", "/positions/9344-a2-43?lang=kk",
               "/eligibility?lang=kk", "/acts/reg-15125/read?lang=ru", "/signin?lang=ru",
               "/compare?ids=9344-a1-26&ids=9344-a1-39&ids=15125-g1-p1&lang=kk"]  # compare last: looked at below


def test_phone_has_no_horizontal_scroll(phone, web_url, screenshots):
    from staff import BOOTSTRAP, browser_sign_in

    for path in PHONE_PAGES:
        phone.goto(f"{web_url}{path}")
        width, inner = no_horizontal_scroll(phone)
        assert width <= inner, f"{path}: {width}px wide on a {inner}px phone"
    # compare: each post's cell is a card labelled with the post
    cells = phone.locator("table.compare tr.row-education td")
    assert cells.first.evaluate("td => getComputedStyle(td).display") == "block"
    shot(phone, screenshots, "compare-phone")
    # the verdict with its timeline and the qualified list
    phone.goto(f"{web_url}/eligibility?position=9344-a1-1&lang=kk")
    fill(phone, {"#as_of": "2024-01-01", "#w0_employer": "Министрлік", "#w0_start": "2022-07-01"},
         {"#edu_level": "higher", "#edu_specialty": "s-ekonomika"}, ("input[name=w0_state]", "input[name=include_repealed]"))
    phone.click("#check")
    phone.wait_for_selector("#next-step svg.timeline")
    width, inner = no_horizontal_scroll(phone)
    assert width <= inner, f"verdict: {width}px on {inner}px"
    shot(phone, screenshots, "eligibility-phone")
    # staff: the case list and a case's deadlines are cards; the deadline and overdue columns show
    browser_sign_in(phone, web_url, BOOTSTRAP, "web-token-42", "/services?as_of=2024-07-15")
    phone.wait_for_url(re.compile(r"/services\?as_of="))
    for path in ("/services?as_of=2024-07-15&lang=kk", "/services/cases/2?lang=kk"):
        phone.goto(f"{web_url}{path}")
        width, inner = no_horizontal_scroll(phone)
        assert width <= inner, f"{path}: {width}px on {inner}px"
        for cell in phone.locator("table.cards td").all():
            box = cell.bounding_box()
            if box:  # nothing cut off at the right edge
                assert box["x"] >= 0 and box["x"] + box["width"] <= inner + 0.5, path
    # the case's deadlines: each a card, its due date labelled and on screen
    due = phone.locator("table.cards td[data-label]").nth(3)
    assert due.is_visible() and due.evaluate("td => getComputedStyle(td, '::before').content") != "none"
    shot(phone, screenshots, "case-phone")
    phone.goto(f"{web_url}/services?as_of=2024-07-15&lang=kk")
    assert phone.locator("table.cards td[data-label] .overdue").first.is_visible()
    shot(phone, screenshots, "services-phone")


@pytest.mark.parametrize("lang, words", [("kk", "31 наурыз 2017"), ("ru", "31 марта 2017"), ("en", "31 March 2017")])
def test_dates_in_the_readers_locale(page, web_url, lang, words):
    # order 134 of 31 March 2017 (ru-mod-2017-134.txt, its heading)
    page.goto(f"{web_url}/acts/reg-15125?lang={lang}")
    assert words in page.locator("dl.facts").inner_text()
    assert "2017-03-31" not in page.locator("main").inner_text()
