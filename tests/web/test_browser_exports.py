"""Issue 14 in Chromium: a CSV downloaded from the act page's link is the act's posts; the charts
are drawn without JavaScript; the act read by structure; screenshots in artifacts/screenshots/."""

from __future__ import annotations

import csv
import io

import httpx

from browser import new_page


def test_csv_download_and_charts(browser, web_url, screenshots):
    with httpx.Client(base_url=web_url, timeout=60) as c:
        total = c.get("/api/v1/positions", params={"act": "reg-9344"}).json()["total"]
    with new_page(browser, viewport={"width": 1280, "height": 900}, accept_downloads=True,
                  java_script_enabled=False) as page:
        page.goto(f"{web_url}/acts/reg-9344?lang=ru")
        # the charts are server-rendered SVG: visible with JavaScript off
        for chart in ("#chart-category", "#chart-department"):
            box = page.locator(chart).bounding_box()
            assert box and box["width"] > 200 and box["height"] > 20, chart
        page.locator("#charts").screenshot(path=str(screenshots / "act-charts.png"))
        with page.expect_download() as info:
            page.locator("#exports a[data-export=csv]").nth(1).click()  # the act's posts
        download = info.value
        assert download.suggested_filename == "kzqual-positions.csv"
        text = open(download.path(), encoding="utf-8-sig").read()
    table = list(csv.DictReader(io.StringIO(text)))
    assert len(table) == total
    assert {r["act_key"] for r in table} == {"reg-9344"}


def test_read_by_structure(page, web_url, screenshots):
    page.goto(f"{web_url}/acts/reg-29277?lang=kk")
    page.click("#read-link")
    page.wait_for_url("**/acts/reg-29277/read**")
    first = page.locator(".read-row .read-cell").first
    assert first.locator(".read-head-line").count() == 1
    page.locator(".read-row a.source-link").first.click()  # the raw lines, one click away
    page.wait_for_url("**/acts/reg-29277/text?start=**")
    assert page.locator(".ln.hl").count() >= 1
    page.screenshot(path=str(screenshots / "act-text-from-structure.png"))
