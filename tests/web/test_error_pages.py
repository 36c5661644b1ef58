"""HTML error pages speak the page's language (title, explanation, the missing id) over the live
server; the API under /api/ keeps its JSON error shape."""

from __future__ import annotations

import re

import httpx
import pytest

from kzqual.i18n import t

from .test_pages import PLACEHOLDER, RAW_KEY, visible_text

ENGLISH_LEAKS = ("Not Found", "in the registry", "not_found", "Error 404", "internal server error")


def _h1(html: str) -> str:
    return re.sub(r"<[^>]+>", "", re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)).strip()


@pytest.mark.parametrize("lang,title,sentence", [
    ("kk", "Бет табылмады", "Тізілімде «nope» лауазымы жоқ."),
    ("ru", "Страница не найдена", "В реестре нет должности «nope»."),
    ("en", "Page not found", "There is no post “nope” in the registry."),
])
def test_unknown_position_page_names_the_id_in_the_page_language(web_url, lang, title, sentence):
    r = httpx.get(f"{web_url}/positions/nope?lang={lang}", timeout=30)
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert f'<html lang="{lang}">' in r.text
    assert _h1(r.text) == f"{title} (404)"
    assert sentence in r.text and t("web.error.404.text", lang) in r.text
    assert f"<title>{t('web.error.title', lang)} 404 · {title} · kzqual</title>" in r.text
    if lang != "en":
        text = visible_text(r.text)
        assert not any(leak in text for leak in ENGLISH_LEAKS), text


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_unknown_route_and_records_are_translated(web_url, lang, staff):
    expected = {"/nonexistent": None, "/acts/reg-0": t("web.error.not_found.act", lang, id="reg-0"),
                "/services/cases/999": t("web.error.not_found.case", lang, id="999"),
                "/services/complaints/77": t("web.error.not_found.complaint", lang, id="77")}
    for path, sentence in expected.items():
        r = staff.get(f"{path}?lang={lang}")  # signed in: the service pages are staff only
        assert r.status_code == 404, path
        assert _h1(r.text) == f"{t('web.error.404.title', lang)} (404)", path
        if sentence:
            assert sentence in r.text, path
        text = visible_text(r.text)
        assert not PLACEHOLDER.search(text) and not RAW_KEY.search(text), path
        if lang != "en":
            assert "Not Found" not in text and "no case" not in text and "no act" not in text, path


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize("path,status", [("/?in_force_on=not-a-date", 400), ("/services/cases/abc", 422)])
def test_bad_input_pages_are_translated_with_a_folded_detail(web_url, lang, path, status, staff):
    r = staff.get(f"{path}&lang={lang}" if "?" in path else f"{path}?lang={lang}")
    assert r.status_code == status and "text/html" in r.headers["content-type"]
    assert _h1(r.text) == f"{t('web.error.400.title', lang)} ({status})"
    assert t("web.error.400.text", lang) in r.text
    # The technical message stays available, folded, under a translated summary.
    assert f"<summary>{t('web.error.details', lang)}</summary>" in r.text


def test_every_error_group_has_texts_in_every_language():
    for group in (400, 401, 403, 404, 413, 500):
        for part in ("title", "text"):
            for lang in ("kk", "ru", "en"):
                key = f"web.error.{group}.{part}"
                assert t(key, lang) != key


def test_api_errors_stay_json(web_url):
    r = httpx.get(f"{web_url}/api/v1/positions/nope?lang=ru", timeout=30)
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
    assert r.json()["error"]["code"] == "not_found" and "nope" in r.json()["error"]["message"]
    r = httpx.get(f"{web_url}/api/v1/nonexistent?lang=kk", timeout=30)
    assert r.status_code == 404 and r.json() == {"error": {"code": "not_found", "message": "Not Found"}}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_oversized_form_post_gets_the_translated_413_page(web_url, lang):
    # The size limit refuses the body before any route reads it; a page (not /api/) still answers
    # with the reader's HTML page, the API with its JSON error.
    body = b"x" * (3 * 1024 * 1024)
    r = httpx.post(f"{web_url}/eligibility?lang={lang}", content=body, timeout=60,
                   headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413 and "text/html" in r.headers["content-type"]
    assert _h1(r.text).startswith(t("web.error.413.title", lang))
    api = httpx.post(f"{web_url}/api/v1/eligibility/check", content=body, timeout=60,
                     headers={"content-type": "application/json"})
    assert api.status_code == 413 and api.json()["error"]["code"] == "payload_too_large"
