"""Cases per month (kzqual.services.monthly) and the report page's chart: a server-rendered SVG (no
JavaScript) of the cases submitted each month by state and the cases overdue at each month's end,
with CSV and JSON links to the API's figures — the very numbers the chart draws.

The registry of tests/security/security_helpers.populate(): 2024 — case 1 (astana) submitted 21
March, accepted 27 March into a platoon starting 15 April; case 2 (astana) submitted 22 March,
refused 28 March, complaint 29 March never handled; case 3 (almaty) submitted 23 March, never
decided.  Nauryz (21-25 March) makes every application count from 26 March, so stage 1 is due on
28 March: cases 1 and 2 met it, case 3 is overdue from 29 March.  The complaint's 3 working days
to forward or satisfy end on 3 April: case 2 is overdue from April on.  Stage 2 (42 working days
from 15 April) ends in June with no certificate: case 1 is overdue at the end of June.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from datetime import date
from pathlib import Path

import httpx
import pytest

from kzqual.api import Settings, create_app
from kzqual.api.server import ServerThread
from kzqual.services.cases import ServiceDesk
from kzqual.services.monthly import monthly, to_csv
from kzqual.store import open_store

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[0] / "security"))
sys.path.insert(0, str(HERE.parents[0]))
from security_helpers import BOOT, populate  # noqa: E402
from staff import staff_client  # noqa: E402

TODAY = date(2024, 12, 1)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path):
    if request.param == "sqlite":
        url = str(tmp_path / "m.db")
    else:
        server = request.getfixturevalue("pg_server")
        url = server.url(server.create_db())
    populate(url)
    return url


def _rows(url: str, office: str | None, today: date = TODAY):
    with open_store(url) as store:
        desk = ServiceDesk(store.engine)
        return monthly(desk.cases(as_of=today, office=office), 2024, 1, today)


def test_months_by_state_and_overdue(db):
    every = {r.month: r for r in _rows(db, None)}
    assert list(every) == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"]
    march = every["2024-03"]
    assert march.submitted == 3 and march.end == date(2024, 3, 31)
    assert {k: v for k, v in march.states.items() if v} == {"accepted": 1, "refused": 1, "submitted": 1}
    assert [every[m].overdue for m in every] == [0, 0, 1, 2, 2, 3]  # case 3; + case 2's complaint; + case 1
    astana = {r.month: r for r in _rows(db, "astana")}
    assert astana["2024-03"].submitted == 2 and astana["2024-03"].states["submitted"] == 0
    assert [astana[m].overdue for m in astana] == [0, 0, 0, 1, 1, 2]


def test_state_is_the_one_at_the_months_end_and_future_months_are_left_out(db):
    # as on 26 March: nothing decided yet; April onwards has not happened
    rows = _rows(db, None, today=date(2024, 3, 26))
    assert [r.month for r in rows] == ["2024-01", "2024-02", "2024-03"]
    assert rows[-1].end == date(2024, 3, 26) and rows[-1].states["submitted"] == 3 and rows[-1].overdue == 0
    text = to_csv(rows)
    head, *body = list(csv.reader(io.StringIO(text)))
    assert head[:3] == ["month", "as_of", "submitted"] and head[-1] == "overdue"
    assert body[-1][:3] == ["2024-03", "2024-03-26", "3"]


def test_report_page_chart_matches_the_api_figures(tmp_path):
    url_db = str(tmp_path / "web.db")
    tokens = populate(url_db)
    with ServerThread(create_app(Settings(db=url_db, token=BOOT))) as url:
        web = staff_client(url, tokens["operator"], name="op-astana")
        try:
            page = web.get("/services/report", params={"year": 2024, "half": 1, "training_org": "ӘТМ <Астана>"})
            assert page.status_code == 200, page.text[:300]
            html = page.text
            api = web.get("/api/v1/services/reports/monthly", params={"year": 2024, "half": 1}).json()
            api_csv = web.get("/api/v1/services/reports/monthly", params={"year": 2024, "half": 1, "format": "csv"})
        finally:
            web.close()
    assert "<svg" in html and "<script" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert api["office"] == "astana"
    drawn = {m: (int(s), int(o)) for m, s, o in re.findall(
        r'data-month="([\d-]+)" data-submitted="(\d+)" data-overdue="(\d+)"', html)}
    assert drawn == {m["month"]: (m["submitted"], m["overdue"]) for m in api["months"]}
    assert drawn["2024-03"] == (2, 0) and drawn["2024-06"] == (0, 2)
    # every state segment drawn is the API's count
    segs = re.findall(r'<g class="month" data-month="2024-03".*?</g>', html, re.S)[0]
    states = {s: int(n) for s, n in re.findall(r'data-state="(\w+)" data-n="(\d+)"', segs)}
    march = next(m for m in api["months"] if m["month"] == "2024-03")
    assert states == {k: v for k, v in march["states"].items() if v} == {"accepted": 1, "refused": 1}
    # the links are to exactly these figures (the same query), and to the Н6 form with the heading's name
    assert 'href="/api/v1/services/reports/monthly?year=2024&amp;half=1">JSON' in html
    assert 'href="/api/v1/services/reports/monthly?year=2024&amp;half=1&amp;format=csv">CSV' in html
    assert "training_org=%D3%98%D0%A2%D0%9C+%3C%D0%90%D1%81%D1%82%D0%B0%D0%BD%D0%B0%3E" in html
    assert "ӘТМ &lt;Астана&gt;" in html and "ӘТМ <Астана>" not in html
    rows = list(csv.DictReader(io.StringIO(api_csv.text)))
    assert [(r["month"], int(r["submitted"]), int(r["overdue"])) for r in rows] == [
        (m["month"], m["submitted"], m["overdue"]) for m in api["months"]]


@pytest.mark.browser
def test_chart_and_printable_form_render_in_chromium_under_the_sites_policy(browser, tmp_path):
    """The chart draws in a real browser with the site's Content-Security-Policy (no script, no
    inline style: presentation attributes only), and the printable Н6 and document pages keep their
    own style blocks under their hash-based policy — no CSP violation reported."""
    from browser import new_page
    from staff import browser_sign_in

    url_db = str(tmp_path / "b.db")
    tokens = populate(url_db)
    with ServerThread(create_app(Settings(db=url_db, token=BOOT))) as url, new_page(browser) as page:
        violations: list[str] = []
        page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        browser_sign_in(page, url, "op-astana", tokens["operator"], "/services/report?year=2024&half=1")
        page.goto(f"{url}/services/report?year=2024&half=1")
        bars = page.eval_on_selector_all("figure.chart svg g.month rect", "els => els.length")
        assert bars == 2  # March: accepted + refused (the operator's office)
        box = page.eval_on_selector("figure.chart svg", "e => e.getBoundingClientRect().height")
        assert box > 100
        page.goto(f"{url}/api/v1/services/reports/n6?year=2024&half=1&format=html&lang=kk")
        border = page.eval_on_selector("table.n6 td", "e => getComputedStyle(e).borderTopStyle")
        assert border == "solid"  # the form's own style block applied
        assert violations == [], violations
