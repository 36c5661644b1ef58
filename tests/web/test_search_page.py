"""The search page over the five bundled acts (live server): its own examples find posts in each
language, the hint follows the language, facets filter, "did you mean" leads to results, acts in
force by default with a toggle for repealed ones."""

from __future__ import annotations

import html
import re

import httpx
import pytest

from kzqual.i18n import t


def _get(url: str, **params) -> str:
    r = httpx.get(url, params=params or None, timeout=60)  # params={} would drop the URL's own query
    assert r.status_code == 200, r.text[:500]
    return r.text


def _results(page: str) -> int:
    return len(re.findall(r'<li data-match="(?:exact|synonym)"', page))


def _total(page: str) -> int:
    return int(re.search(r"<h2>[^<]*?(\d+)\+?</h2>", page).group(1))


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_example_on_the_home_page_finds_posts(web_url, lang):
    home = _get(f"{web_url}/", lang=lang)
    links = [html.unescape(h) for h in re.findall(r'<a class="example" href="([^"]+)"', home)]
    assert len(links) >= 4
    for link in links:
        page = _get(f"{web_url}{link}&lang={lang}")
        assert _results(page) > 0, link
    # the hint is the reader's language's
    hint = re.search(r'id="q"[^>]*placeholder="([^"]+)"', home).group(1)
    assert html.unescape(hint) == t("search.hint", lang)


def test_hint_changes_with_the_language(web_url):
    hints = {lang: re.search(r'placeholder="([^"]+)"', _get(f"{web_url}/", lang=lang)).group(1)
             for lang in ("kk", "ru", "en")}
    assert len(set(hints.values())) == 3


def test_in_force_by_default_with_a_toggle_for_repealed(web_url):
    # "специалист": ru-mod-2017-134 (in force) prints it; its kk synonym "маман" is in repealed acts
    page = _get(f"{web_url}/", q="специалист", lang="ru")
    assert 'id="in-force-note"' in page and "утратил силу" not in re.sub(r"<aside.*?</aside>", "", page, flags=re.S)
    in_force = _total(page)
    link = html.unescape(re.search(r'id="include-repealed" href="([^"]+)"', page).group(1))
    everything = _get(f"{web_url}{link}")
    assert _total(everything) > in_force


def test_nothing_in_force_shows_the_repealed_acts_and_says_so(web_url):
    page = _get(f"{web_url}/", q="бас маман", lang="kk")  # only the repealed kk-mes-2014-161 prints it
    assert 'id="fallback-repealed"' in page and _results(page) > 0


def test_facets_filter_by_one_state_body(web_url):
    page = _get(f"{web_url}/", q="специалист", lang="kk", repealed="1")
    bodies = re.findall(r'<a href="([^"]*issuer=[^"]+)" data-key="([^"]+)"[^>]*>([^<]+)</a> <span class="count">(\d+)</span>',
                        page)
    assert len(bodies) >= 2
    keys = [k for _, k, _, _ in bodies]
    assert len(keys) == len(set(keys))  # one entry per body
    href, key, _, count = bodies[0]
    filtered = _get(f"{web_url}{html.unescape(href)}")
    assert _total(filtered) == int(count)


def test_did_you_mean_link_leads_to_results(web_url):
    page = _get(f"{web_url}/", q="юриспруденцыя", lang="ru", repealed="1")
    m = re.search(r'id="did-you-mean" href="([^"]+)">([^<]+)<', page)
    assert m and m.group(2) == "юриспруденция"
    assert _results(_get(f"{web_url}{html.unescape(m.group(1))}")) > 0


def test_api_says_synonyms_suggestion_and_facets(web_url):
    r = httpx.get(f"{web_url}/api/v1/positions", params={"q": "lawyer", "facets": "true", "limit": 5}, timeout=60)
    body = r.json()
    assert r.status_code == 200 and body["total"] > 0
    assert body["expansions"][0]["word"] == "lawyer" and body["expansions"][0]["sources"]
    assert all(i["match"] == "synonym" and i["synonyms"] for i in body["items"])
    assert {f["key"] for f in body["facets"]["status"]} >= {"repealed"}
    r = httpx.get(f"{web_url}/api/v1/positions", params={"q": "lawer"}, timeout=60)
    assert r.json()["did_you_mean"] == "lawyer"
    r = httpx.get(f"{web_url}/api/v1/positions", params={"q": "маман", "issuer": "no-such-body"}, timeout=60)
    assert r.status_code == 400 and r.json()["error"]["code"]
