"""The specialty picker (the taxonomy in the reader's language) and the next step with its
timeline on the verdict page, in headless Chromium.  No JavaScript is needed: the specialty picker is
a <select>, the timeline a server-rendered SVG."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _submit(page, fill: dict[str, str] | None = None, select: dict[str, str] | None = None,
            check: tuple[str, ...] = ()) -> None:
    """Fill the eligibility form (inputs, selects, check boxes) and send it."""
    for sel, value in (fill or {}).items():
        page.fill(sel, value)
    for sel, value in (select or {}).items():
        page.select_option(sel, value)
    for sel in check:
        page.check(sel)
    page.click("form[action='/eligibility'] button[type=submit]")
    page.wait_for_selector("#verdict")


def _criterion_status(page, words: str) -> str:
    item = page.locator("#verdict li", has=page.locator(".small.muted", has_text=words)).last
    return item.locator("span.verdict").first.get_attribute("class").split()[-1]


def test_specialty_picker_in_the_readers_language(page, web_url, screenshots):
    # MES 161 l.326-327 (9344-a1-6): "әскери іс және қауіпсіздік немесе техникалық ғылымдар мен технология"
    page.goto(f"{web_url}/eligibility?position=9344-a1-6&lang=ru")
    labels = page.locator("#edu_specialty optgroup").evaluate_all("els => els.map(e => e.label)")
    assert "право" in labels and "военное дело и безопасность" in labels  # Russian names
    _submit(page, {"#as_of": "2024-01-01"}, {"#edu_level": "higher", "#edu_specialty": "s-quqyqtanu"})  # юриспруденция
    assert _criterion_status(page, "әскери іс және қауіпсіздік") == "not_met"  # law is not military science
    assert page.input_value("#edu_specialty") == "s-quqyqtanu"  # the form keeps the choice
    page.screenshot(path=str(screenshots / "eligibility-specialty-picker.png"), full_page=True)

    # the same post, the person's group picked as a whole: military science and security is accepted
    _submit(page, select={"#edu_specialty": "g-askeri-is-zhane-qauipsizdik"})
    assert _criterion_status(page, "әскери іс және қауіпсіздік") == "met"


def test_next_step_and_timeline_on_the_verdict(page, web_url, screenshots):
    # MES 161 l.105-106 (9344-a1-1), alternative 3: two years in state bodies, complete on 2024-06-29
    page.goto(f"{web_url}/eligibility?position=9344-a1-1&lang=en")
    _submit(page, {"#as_of": "2024-01-01", "#w0_employer": "Ministry", "#w0_start": "2022-07-01"},
            {"#edu_level": "higher", "#edu_specialty": "s-ekonomika"}, ("input[name=w0_state]",))
    page.wait_for_selector("#next-step")
    assert page.locator("#next-step .next-summary").inner_text() == \
        "Meets alternative 3 on 29 June 2024 if the current post continues"  # the reader's date format
    assert "Work in state bodies: 1.5 years, at least 2 years required" in page.locator("#next-step").inner_text()
    svg = page.locator("#next-step svg.timeline")
    assert svg.is_visible() and svg.bounding_box()["width"] > 300
    assert svg.locator("rect.tl-state").count() == 1  # the state-service period
    assert svg.locator("rect.tl-ahead").count() == 1  # ... continued to the day it meets
    # every alternative's service (kk-mes-2014-161.txt l.100-108: 3 y state service; 1 y; 2 y state bodies; 4 y field + 2 y
    # leadership), the closest one (alternative 3, two years in state bodies) drawn solid
    assert svg.locator("rect.tl-need").count() == 5
    assert svg.locator("rect.tl-need.tl-chosen").count() == 1
    labels = svg.locator("text.tl-need-label").all_text_contents()
    assert any("Alternative 1" in x and "3 years" in x for x in labels), labels
    assert any("Alternative 3" in x and "2 years" in x for x in labels), labels
    assert "29 June 2024" in svg.locator("text.tl-meets-label").text_content()
    # the bar of required years ends where the "meets" mark stands
    need = svg.locator("rect.tl-need.tl-chosen").bounding_box()
    mark = svg.locator("line.tl-meets").bounding_box()
    assert abs(need["x"] + need["width"] - mark["x"]) < 3
    assert page.locator("script:not([src])").count() == 0  # no inline script (CSP): the picker is a file
    page.screenshot(path=str(screenshots / "eligibility-next-step.png"), full_page=True)
