"""Issue 14, "exports and links, as Datasette does": CSV and JSON of what each page shows (the JSON
is the API's), the act's official text on Adilet, the act read by structure with Kazakh and Russian
side by side, and the act page's charts.  Live servers; the two-language act is a real one from the
corpus (tests/corpus/adilet-2014-78827: Justice order 117 of 20.03.2014, reg. 9306)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import httpx
import pytest

from kzqual.acts.adilet import official_url, registration_code
from kzqual.web import structure_view

CORPUS_ACT = Path(__file__).resolve().parent.parent / "corpus" / "adilet-2014-78827"


def rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "a BOM, so spreadsheets read the Cyrillic as UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:])))


def hrefs(html: str, pattern: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(pattern, html)]


# ---------------------------------------------------------------- the CSV layer of the API

def test_search_csv_is_the_json_page(web_url):
    with httpx.Client(base_url=web_url, timeout=60) as c:
        page = c.get("/api/v1/positions", params={"q": "маман", "limit": 7}).json()
        got = c.get("/api/v1/positions", params={"q": "маман", "limit": 7, "format": "csv"})
    assert got.status_code == 200
    assert got.headers["content-type"].startswith("text/csv")
    assert "attachment" in got.headers["content-disposition"]
    table = rows(got.text)
    assert [r["id"] for r in table] == [x["id"] for x in page["items"]]
    assert [r["title"] for r in table] == [x["title"] for x in page["items"]]
    assert [r["category_raw"] for r in table] == [x["category_raw"] or "" for x in page["items"]]


def test_all_pages_of_a_list(web_url):
    """``all=1``: the whole list, not the first page (an act with more posts than a page holds)."""
    with httpx.Client(base_url=web_url, timeout=60) as c:
        total = c.get("/api/v1/positions", params={"act": "reg-9344"}).json()["total"]
        got = c.get("/api/v1/positions", params={"act": "reg-9344", "format": "csv", "all": "1"})
    assert total > 100
    ids = [r["id"] for r in rows(got.text)]
    assert len(ids) == total and len(set(ids)) == total


def test_post_csv_has_a_row_per_requirement(web_url):
    with httpx.Client(base_url=web_url, timeout=60) as c:
        detail = c.get("/api/v1/positions/9344-a2-33").json()
        table = rows(c.get("/api/v1/positions/9344-a2-33", params={"format": "csv"}).text)
    assert len(table) == len(detail["requirements"]) > 0
    assert {r["position.id"] for r in table} == {"9344-a2-33"}
    assert [r["kind"] for r in table] == [x["kind"] for x in detail["requirements"]]
    assert {r["position.category"] for r in table} == {"С-О-5"}  # as printed: Cyrillic С and О


def test_csv_errors_stay_json(web_url):
    with httpx.Client(base_url=web_url, timeout=60) as c:
        missing = c.get("/api/v1/positions/nope", params={"format": "csv"})
        bad = c.get("/api/v1/positions", params={"limit": 500, "format": "csv"})
        cases = c.get("/api/v1/services/cases", params={"format": "csv"})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "validation_error"
    # applicants' data is not a CSV route, and the policy still answers first
    assert cases.status_code == 401 and "application/json" in cases.headers["content-type"]


def test_flatten_and_formula_cells():
    from kzqual.api.csv_export import rows_of, to_csv

    table = rows_of({"items": [{"id": "a", "act": {"title": "=HYPERLINK(1)"}, "numbers": ["2-1", "2-2"],
                                "marks": [[1, 2]], "units": None}]})
    assert table == [{"id": "a", "act.title": "=HYPERLINK(1)", "numbers": "2-1; 2-2", "marks": "[[1,2]]", "units": ""}]
    text = to_csv(table)
    assert "'=HYPERLINK(1)" in text  # a spreadsheet does not run it


# ---------------------------------------------------------------- export links on the pages

@pytest.mark.parametrize("path, want", [
    ("/acts", ["/api/v1/acts", "/api/v1/acts?format=csv&all=1"]),
    ("/acts/reg-9344", ["/api/v1/acts/reg-9344", "/api/v1/acts/reg-9344?format=csv",
                        "/api/v1/positions?act=reg-9344", "/api/v1/positions?act=reg-9344&format=csv&all=1"]),
    ("/positions/9344-a2-33", ["/api/v1/positions/9344-a2-33", "/api/v1/positions/9344-a2-33?format=csv"]),
])
def test_pages_link_their_json_and_csv(web_url, path, want):
    with httpx.Client(base_url=web_url, timeout=60) as c:
        html = c.get(path, params={"lang": "en"}).text
        links = hrefs(html, r'href="(/api/v1/[^"]+)" type="(?:application/json|text/csv)"')
        assert links == want
        for href in links:
            r = c.get(href)
            assert r.status_code == 200, href
            kind = "text/csv" if "format=csv" in href else "application/json"
            assert r.headers["content-type"].startswith(kind), href


# ---------------------------------------------------------------- Adilet

def test_adilet_address_from_the_registration():
    # addresses cited in kzqual.acts.adilet, each read off Adilet
    assert registration_code("1513", "2001-06-01") == "V010001513_"
    assert registration_code("4771", "2007-06-25") == "V070004771_"
    assert registration_code("7355", "2011-12-01") == "V1100007355"
    assert registration_code("29930", "2022-09-30") == "V2200029930"
    assert registration_code("18509", "2019-04-12") == "V1900018509"
    # not attested (2010), regional letters, no date: no address rather than a wrong one
    assert registration_code("6627", "2010-11-19") is None
    assert registration_code("GD002268", "2014-07-08") is None
    assert registration_code("9344", None) is None
    assert official_url("9344", "2014-04-18", "kk") == "https://adilet.zan.kz/kaz/docs/V1400009344"
    assert official_url("9344", "2014-04-18", "en") == "https://adilet.zan.kz/eng/docs/V1400009344"


def test_act_page_links_to_adilet(web_url):
    # order 161 of MES: "Қазақстан Республикасының Әділет министрлігінде 2014 жылы 18 сәуірде № 9344 тіркелді"
    with httpx.Client(base_url=web_url, timeout=60) as c:
        for lang, site in (("kk", "kaz"), ("ru", "rus"), ("en", "eng")):
            html = c.get("/acts/reg-9344", params={"lang": lang}).text
            assert html.count(f'href="https://adilet.zan.kz/{site}/docs/V1400009344"') == 1, lang


# ---------------------------------------------------------------- charts

def test_act_page_charts_count_every_post(web_url):
    with httpx.Client(base_url=web_url, timeout=60) as c:
        total = c.get("/api/v1/positions", params={"act": "reg-9344"}).json()["total"]
        html = c.get("/acts/reg-9344", params={"lang": "ru"}).text
    for chart in ("chart-category", "chart-department"):
        svg = re.search(rf'<svg[^>]*id="{chart}".*?</svg>', html, re.S)
        assert svg, chart
        counts = [int(n) for n in re.findall(r'data-count="(\d+)"', svg.group())]
        assert sum(counts) == total, chart  # every post in one bar, the "other" bar included
    assert "С-О-5" in html  # categories as printed


def test_bar_chart_folds_the_tail():
    from kzqual.web.charts import MAX_BARS, bar_chart

    svg = bar_chart([(f"d{i}", 1) for i in range(40)], title="t", other_label="others")
    counts = [int(n) for n in re.findall(r'data-count="(\d+)"', svg)]
    assert len(counts) == MAX_BARS and sum(counts) == 40 and "others" in svg
    assert bar_chart([], title="t", other_label="o") == ""


# ---------------------------------------------------------------- the act read by structure

def test_align_pairs_by_place_and_keeps_what_one_text_lacks():
    kk = [{"kind": "point", "label": "1", "children": []}, {"kind": "appendix", "label": None, "children": [
        {"kind": "point", "label": "1", "children": []}]}]
    ru = [{"kind": "point", "label": "1", "children": []}, {"kind": "point", "label": "2", "children": []},
          {"kind": "appendix", "label": None, "children": [{"kind": "point", "label": "1", "children": []}]},
          {"kind": "appendix", "label": "1", "children": []}]
    got = structure_view.align([("kk", kk), ("ru", ru)])
    keys = [r["key"] for r in got]
    assert keys == [(("point", "1"),), (("point", "2"),), (("appendix", "#1"),), (("appendix", "#1"), ("point", "1")),
                    (("appendix", "1"),)]
    assert got[1]["cells"]["kk"] is None and got[1]["cells"]["ru"]["label"] == "2"
    assert all(r["cells"]["ru"] for r in got)


@pytest.fixture(scope="module")
def two_language_server(tmp_path_factory):
    from kzqual.api import Settings, create_app
    from kzqual.api.server import ServerThread
    from kzqual.store import open_store

    db = str(tmp_path_factory.mktemp("two") / "kzqual.db")
    with open_store(db) as store:
        summary = store.ingest_paths([CORPUS_ACT / "kaz.md", CORPUS_ACT / "rus.md"])
        assert not summary.failed
    srv = ServerThread(create_app(Settings(db=db)))
    yield srv.start()
    srv.stop()


def _count_nodes(nodes) -> int:
    return sum(1 + _count_nodes(n["children"]) for n in nodes)


def test_read_page_shows_both_languages_side_by_side(two_language_server):
    with httpx.Client(base_url=two_language_server, timeout=60) as c:
        key = c.get("/api/v1/acts").json()["items"][0]["key"]
        assert key == "reg-9306"  # "Зарегистрирован в Министерстве юстиции ... 10 апреля 2014 года № 9306"
        nodes = {lg: _count_nodes(c.get(f"/api/v1/acts/{key}", params={"lang": lg}).json()["structure"])
                 for lg in ("kk", "ru")}
        html = c.get(f"/acts/{key}/read", params={"lang": "ru"}).text
        act_page = c.get(f"/acts/{key}", params={"lang": "ru"}).text
    assert 'class="read cols-2"' in html
    for lg in ("kk", "ru"):
        filled = len(re.findall(rf'<div class="read-cell" lang="{lg}">\s*<p class="read-head-line">', html))
        assert filled == nodes[lg] > 3, lg
    # both texts' opening words, each under its language
    assert "БҰЙЫРАМЫН" in html and "ПРИКАЗЫВАЮ" in html
    # raw lines one click away, in the right language text
    assert "/acts/reg-9306/text?start=" in html and "text_lang=ru" in html and "text_lang=kk" in html
    assert 'href="/acts/reg-9306/read"' in act_page
    assert "https://adilet.zan.kz/rus/docs/V1400009306" in act_page


def test_search_results_link_the_page_they_show(web_url):
    """The results page's JSON is the API's answer for the same query and page; its CSV the same rows."""
    with httpx.Client(base_url=web_url, timeout=60) as c:
        html = c.get("/", params={"q": "бас маман", "repealed": "1", "offset": "20", "lang": "en"}).text
        shown = re.findall(r'<div class="title"><a lang="[a-z]+" href="/positions/([^"?]+)', html)
        (json_href,) = hrefs(html, r'href="(/api/v1/positions\?[^"]+)" type="application/json"')
        (csv_href,) = hrefs(html, r'href="(/api/v1/positions\?[^"]+)" type="text/csv"')
        page = c.get(json_href).json()
        table = rows(c.get(csv_href).text)
    assert page["offset"] == 20 and page["limit"] == 20
    assert [x["id"] for x in page["items"]] == [r["id"] for r in table]
    assert [x["id"] for x in page["items"]] == shown and len(shown) == min(20, page["total"] - 20) > 0
