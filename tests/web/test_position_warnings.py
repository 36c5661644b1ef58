"""A post's page shows its parser warnings in the page's language (live server)."""

from __future__ import annotations

import html

import httpx
import pytest

POST = "9344-a1-55"  # mes-161: duties printed without their label after a page gap (raw 2871-2880)
ENGLISH = "'duties' printed without its label (lines 2871-2880, after the 'experience' row); taken as 'duties'"


@pytest.mark.parametrize("lang, sentence", [
    ("kk", "«Функционалдық міндеттері» атауынсыз басылған (2871–2880 жолдар, «жұмыс тәжірибесі» жолынан кейін); "
           "«функционалдық міндеттері» ретінде алынды"),
    ("ru", "Критерий «должностные обязанности» напечатан без названия (строки 2871–2880, после критерия "
           "«опыт работы»); прочитан как «должностные обязанности»"),
    ("en", ENGLISH),
])
def test_position_page_shows_warnings_in_page_language(web_url, lang, sentence):
    r = httpx.get(f"{web_url}/positions/{POST}?lang={lang}", timeout=60)
    assert r.status_code == 200
    page = html.unescape(r.text)
    assert 'data-code="row_without_label"' in page
    assert sentence in page
    if lang != "en":
        assert ENGLISH not in page


def test_api_returns_warning_objects(web_url):
    r = httpx.get(f"{web_url}/api/v1/positions/{POST}", timeout=60)
    assert r.status_code == 200, r.text
    w = next(w for w in r.json()["position"]["warnings"] if w["code"] == "row_without_label")
    assert w["message"] == ENGLISH
    assert w["params"] == {"criterion": "duties", "start": 2871, "end": 2880, "previous": "experience"}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_act_page_lists_the_act_warnings_in_page_language(web_url, lang):
    # mes-161 numbers two points "3." (raw line 44): the act layer's duplicate_point warning,
    # shown with a link to its lines; the act type is named in the page's language, raw kept.
    from kzqual.i18n import t

    r = httpx.get(f"{web_url}/acts/reg-9344?lang={lang}", timeout=60)
    assert r.status_code == 200
    page = html.unescape(r.text)
    assert 'id="warnings"' in page
    item = page[page.index('data-code="duplicate_point"'):]
    item = item[: item.index("</li>")]
    # English keeps the parser's own sentence (it names the point); kk/ru come from the catalogue
    expected = "point 3 appears twice" if lang == "en" else t("acts.warning.duplicate_point", lang, point=3)
    assert expected in item and "start=44" in item
    assert f"{t('acts.type.order', lang)} (бұйрығы)" in page
