"""Every page in every language over the live server: 200, the right lang, no unfilled
placeholders and no raw catalogue keys in what people read."""

from __future__ import annotations

import re

import httpx
import pytest

PAGES = [
    "/", "/?q=маман", "/?q=маман&category=С-О-5&in_force_on=2014-06-01", "/?body=Төтенше+жағдайлар+министрлігі",
    "/acts", "/acts?status=repealed", "/acts/reg-9344", "/acts/reg-9344/read", "/acts/reg-9219/read?part=2", "/acts/reg-15125", "/acts/reg-29277",
    "/acts/reg-9219/text?start=30000&end=30010", "/positions/15125-g1-p1", "/positions/9344-a2-43",
    "/eligibility", "/services", "/services?overdue=1&as_of=2024-07-15", "/services/cases/1",
    "/services/cases/2", "/services/complaints/1", "/services/report?year=2024&half=1",
    "/eligibility?position=15125-g1-p1", "/compare?ids=9344-a1-26,15125-g1-p1&q=инспектор",
]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
RAW_KEY = re.compile(r"\b(?:web|common|rules|services)\.[a-z0-9_]+\.[a-z0-9_.]+\b")


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<[^>]+>", " ", html)  # drop tags (and their attributes: hrefs hold keys too)
    return html


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_page_renders(web_url, lang, staff):
    # signed in: the service pages are staff only (tests/security checks what the public sees)
    for path in PAGES:
        sep = "&" if "?" in path else "?"
        r = staff.get(f"{path}{sep}lang={lang}")
        assert r.status_code == 200, (path, r.status_code)
        assert f'<html lang="{lang}">' in r.text, path
        text = visible_text(r.text)
        assert not PLACEHOLDER.search(text), (path, PLACEHOLDER.search(text).group())
        assert not RAW_KEY.search(text), (path, RAW_KEY.search(text).group())


def test_unknown_things_are_404_pages(web_url, staff):
    for path in ("/positions/nope", "/acts/reg-0", "/services/cases/999", "/nope"):
        r = staff.get(f"{path}?lang=en")
        assert r.status_code == 404 and "text/html" in r.headers["content-type"], path
        assert "Page not found" in r.text and "(404)" in r.text


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_report_page_links_open(web_url, lang, staff):
    """The printable form and CSV links of the Н6-ӘТМ page open in every UI language (the form
    itself exists in kk and ru only, so the English page offers both)."""
    r = staff.get(f"/services/report?year=2024&half=1&lang={lang}")
    links = [h.replace("&amp;", "&") for h in re.findall(r'href="(/api/v1/services/reports/n6[^"]*)"', r.text)]
    assert len(links) >= 3, links
    for href in links:
        got = staff.get(href)
        assert got.status_code == 200, (href, got.text[:200])


@pytest.mark.parametrize("lang, words", [("kk", "келіп түскен күн — 0-күн"), ("ru", "день поступления — день 0"),
                                         ("en", "arrival day is day 0")])
def test_case_page_shows_the_setting_behind_each_due_date(web_url, lang, words, staff):
    """The act does not say whether the day of arrival is day 0; the setting that decided it is
    shown beside the due dates it shaped (issue 6: 'show it wherever it changes a date')."""
    r = staff.get(f"/services/cases/1?lang={lang}")
    assert r.status_code == 200 and words in r.text


def test_amendment_in_history_names_the_act_and_every_point_it_changed(web_url):
    """Order 668 changed points 1, 12, 15, 18, 21 and 24 of order 134: the status history names
    the amending order and all six points (it used to quote the note on point 1 only)."""
    r = httpx.get(f"{web_url}/acts/reg-15125?lang=ru", timeout=60)
    history = r.text.split('class="history"', 1)[1].split("</ol>", 1)[0]
    assert "№ 668" in history and "30 сентября 2021" in history  # dates in the reader's locale
    for point in ("Пункт 1", "Пункт 12", "Пункт 15", "Пункт 18", "Пункт 21", "Пункт 24"):
        assert point + "," in history or point + "<" in history or point + " " in history, point
    assert "Пункт 1 - в редакции" not in history


def test_entry_into_force_after_publication_is_a_lower_bound(web_url):
    """Order 134 enters into force ten days after its first publication, a date the text does not
    give: the history says 'not before' the registration date + 10 days (a registered act is
    published only after its registration, 17 May 2017, l.6 of ru-mod-2017-134.txt) instead of
    inventing that day — and never the act's own date + 10 (2017-04-10, before its registration)."""
    r = httpx.get(f"{web_url}/acts/reg-15125?lang=ru", timeout=60)
    history = r.text.split('class="history"', 1)[1].split("</ol>", 1)[0]
    assert "не ранее 27 мая 2017" in history and "10 апреля 2017" not in history


@pytest.mark.parametrize("lang, cited", [("kk", "стандарт, 3-тармақтың 1) тармақшасы"),
                                         ("ru", "стандарт, пункт 3 подпункт 1)")])
def test_case_page_cites_the_standard_in_the_page_language(web_url, lang, cited, staff):
    text = visible_text(staff.get(f"/services/cases/1?lang={lang}").text)
    assert cited in text and "standard, point" not in text


def test_form_profile_states_tri_state_and_extra_fields():
    from kzqual.errors import InputError
    from kzqual.rules.profile import parse_profile
    from kzqual.web.page_eligibility import profile_from_form

    form = {"edu_level": "postgraduate", "edu_pg_kind": "master", "edu_academy": "1", "computer_skills": "yes",
            "special_training": "", "degree_kind": "PhD", "degree_awarded": "2019-06-01",
            "w0_employer": "Әкімдік", "w0_start": "2015-01-01", "w0_state": "1", "w0_grade": "C-4",
            "w0_field": "finance", "w1_employer": "Мектеп", "w1_start": "2010-01-01", "w1_state_body": "1"}
    prof = profile_from_form(form)
    assert prof["computer_skills"] is True and prof["special_training"] is None
    assert prof["education"][0]["postgraduate_kind"] == "master" and prof["education"][0]["academy_state_order"]
    assert prof["academic_degree"]["kind"] == "PhD"
    w0, w1 = prof["work"]
    assert (w0["state_service"], w0["grade"], w0["field"]) == (True, "C-4", "finance")
    assert (w1["state_body"], w1["state_service"]) == (True, False)
    parsed = parse_profile(prof)  # what the form builds is a valid profile
    assert parsed.computer_skills is True and parsed.special_training is None
    assert profile_from_form({"computer_skills": "no"})["computer_skills"] is False
    with pytest.raises(InputError):
        profile_from_form({"computer_skills": "maybe"})
    with pytest.raises(InputError):
        profile_from_form({"edu_level": "higher", "edu_pg_kind": "master"})
