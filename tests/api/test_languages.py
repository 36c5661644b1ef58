"""One act, two languages through the API and the web pages (live server, SQLite and PostgreSQL).

The act is tests/corpus/adilet-2014-78721 (meta.yaml: registration № 9313): its kaz.md and
rus.md both print a post numbered ``№ 01-01`` (kk ``… бөлімінің басшысы``, ru ``Руководитель
отдела организационно-контрольной …``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

from kzqual.api import Settings
from kzqual.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_token import TOKEN  # noqa: E402

ACT = Path(__file__).resolve().parents[1] / "corpus" / "adilet-2014-78721"


@pytest.fixture()
def two_lang(fresh_db_url, serve_app):
    url = fresh_db_url
    with open_store(url) as store:
        summary = store.ingest_paths([ACT])
    assert not summary.failed, [r.error for r in summary.failed]
    base = serve_app(Settings(db=url, token=TOKEN))
    with httpx.Client(base_url=base, timeout=60) as client:
        yield client


def test_act_lists_its_language_texts(two_lang):
    acts = two_lang.get("/api/v1/acts").json()["items"]
    assert [(a["key"], a["languages"]) for a in acts] == [("reg-9313", ["kk", "ru"])]
    kk = two_lang.get("/api/v1/acts/reg-9313").json()
    assert kk["summary"]["language"] == "kk"
    assert [(t["language"], t["url"]) for t in kk["texts"]] == [
        ("kk", "/api/v1/acts/reg-9313?lang=kk"), ("ru", "/api/v1/acts/reg-9313?lang=ru")]
    ru = two_lang.get("/api/v1/acts/reg-9313", params={"lang": "ru"}).json()
    assert ru["act"]["language"] == "ru" and ru["act"]["title"].startswith("Об утверждении")
    assert ru["act"]["provenance"]["registration"].endswith("meta.yaml")
    assert any(p["kk"] == "9313-01-01" and p["ru"] == "9313-01-01" for p in ru["alignment"]["pairs"])
    text = two_lang.get("/api/v1/acts/reg-9313/text", params={"lang": "ru", "start": 1, "end": 1}).json()
    assert text["lines"][0]["text"].startswith("# Об утверждении")
    assert text["clean"][0]["text"].startswith("Об утверждении")  # the Markdown reader, not the plain one
    bad = two_lang.get("/api/v1/acts/reg-9313", params={"lang": "en"})
    assert bad.status_code == 422 or bad.status_code == 400


def test_post_links_its_partner_in_the_other_language(two_lang):
    ru = two_lang.get("/api/v1/positions/9313-01-01", params={"lang": "ru"}).json()
    assert ru["position"]["title"].startswith("Руководитель отдела")
    assert ru["aligned"] == {"position_id": "9313-01-01", "language": "kk", "method": "number",
                             "url": "/api/v1/positions/9313-01-01?lang=kk"}
    assert "lang=ru" in ru["source_url"]
    kk = two_lang.get(ru["aligned"]["url"]).json()
    assert kk["act"]["language"] == "kk" and kk["aligned"]["language"] == "ru"
    hits = two_lang.get("/api/v1/positions", params={"q": "Руководитель отдела", "lang": "ru"}).json()["items"]
    hit = next(h for h in hits if h["id"] == "9313-01-01")
    assert hit["aligned"]["language"] == "kk" and hit["url"].endswith("?lang=ru")


def test_web_pages_show_both_languages(two_lang):
    act = two_lang.get("/acts/reg-9313", params={"lang": "en"}).text
    assert 'id="language-texts"' in act and 'href="/acts/reg-9313?text_lang=ru"' in act
    ru_act = two_lang.get("/acts/reg-9313", params={"text_lang": "ru", "lang": "en"}).text
    assert "Об утверждении" in ru_act
    post = two_lang.get("/positions/9313-01-01", params={"text_lang": "ru", "lang": "ru"}).text
    assert 'id="aligned-post" href="/positions/9313-01-01?text_lang=kk"' in post
    assert "text_lang=ru" in post  # its source links open the Russian text's lines
    kk_post = two_lang.get("/positions/9313-01-01", params={"text_lang": "kk", "lang": "kk"}).text
    assert 'href="/positions/9313-01-01?text_lang=ru"' in kk_post
    ru_text = two_lang.get("/acts/reg-9313/text", params={"text_lang": "ru", "start": 1, "end": 3}).text
    assert "Об утверждении" in ru_text
