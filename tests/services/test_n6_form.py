"""Н6-ӘТМ as appendix 6 prints it (issue 13): the heading's reporting day in the dative the act
uses ("30 маусымға және 31 желтоқсанға қарай"), the training organisation the heading names, a place
for the shortcomings and measures the heading announces, and an operator's report of their own office
(CLI, API and pages)."""

from __future__ import annotations

import json
import re
import sys
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import httpx

from kzqual.api import Settings, create_app
from kzqual.api.server import ServerThread
from kzqual.services.report import Organisation, heading, to_html

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "security"))
from security_helpers import BOOT, populate  # noqa: E402


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def _text(html: str) -> str:
    p = _Text()
    p.feed(html)
    return " ".join(" ".join(p.parts).split())


def _two_offices(desk, application):
    g = desk.add_group(number="3", profile="жүргізуші", planned_creation=date(2024, 4, 1),
                       period_start=date(2024, 4, 15), period_end=date(2024, 6, 28))
    for i, office in enumerate(("astana", "astana", "almaty"), start=1):
        v = desk.apply(application(i), at=datetime(2024, 3, 1, 10), actor="portal", office=office)
        desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 3, 4, 10), actor="o")


def test_heading_reads_the_day_in_the_dative_as_the_act(desk):
    first = desk.report_n6(year=2024, half=1)
    second = desk.report_n6(year=2024, half=2)
    assert heading(first, "kk").startswith("2024 жылғы «30» маусымға арналған Қазақстан Республикасы")
    assert "маусым арналған" not in heading(first, "kk")
    assert heading(second, "kk").startswith("2024 жылғы «31» желтоқсанға арналған")
    assert "на «30» июня 2024 года" in heading(first, "ru")
    # the training organisation's place in the heading: a blank to fill, or the name given
    assert "бар кемшіліктер және ________________________ Қазақстан Республикасы Қорғаныс министрлігі " \
           "мамандандырылған ұйымының" in heading(first, "kk")


def test_form_names_the_training_organisation_and_has_shortcomings_and_measures(desk, application):
    _two_offices(desk, application)
    org = Organisation(name="Астана қ. ҚІД", training_organisation="«ӘТМ» РМҚК Астана филиалы",
                       shortcomings="Оқу құралдары <жетіспейді>", measures="")
    html = to_html(desk.report_n6(year=2024, half=1, organisation=org), "kk")
    text = _text(html)
    assert "бар кемшіліктер және «ӘТМ» РМҚК Астана филиалы Қазақстан Республикасы Қорғаныс министрлігі" in text
    assert "Бар кемшіліктер: Оқу құралдары <жетіспейді>" in text and "&lt;жетіспейді&gt;" in html
    assert "Оларды жою жөнінде қабылдайтын шаралар:" in text
    # no measures given: blank lines to fill by hand
    measures_part = html.split("Оларды жою жөнінде қабылдайтын шаралар")[1].split('<div class="sign">')[0]
    assert measures_part.count('class="blank"') == 2
    ru = _text(to_html(desk.report_n6(year=2024, half=1, organisation=org), "ru"))
    assert "Имеющиеся недостатки: Оқу құралдары" in ru and "Меры, принимаемые по их устранению" in ru


def test_an_office_report_counts_that_office(desk, application):
    _two_offices(desk, application)
    every = desk.report_n6(year=2024, half=1)
    astana = desk.report_n6(year=2024, half=1, office="astana")
    almaty = desk.report_n6(year=2024, half=1, office="almaty")
    assert (every.total_selected, astana.total_selected, almaty.total_selected) == (3, 2, 1)
    assert astana.as_dict()["office"] == "astana" and every.as_dict()["office"] is None


def test_cli_office_and_heading(run, tmp_path, application):
    db = str(tmp_path / "n6.db")
    code, _, err = run("service", "group", "add", "--number", "3", "--profile", "жүргізуші", "--planned",
                       "2024-04-01", "--start", "2024-04-15", "--end", "2024-06-28", "--db", db)
    assert code == 0, err
    for i, office in enumerate(("astana", "almaty"), start=1):
        f = tmp_path / f"a{i}.json"
        f.write_text(json.dumps(application(i)), encoding="utf-8")
        assert run("service", "apply", str(f), "--office", office, "--at", "2024-03-01T10:00", "--db", db)[0] == 0
        assert run("service", "decide", str(i), "accept", "--group", "1", "--at", "2024-03-04T10:00", "--db", db)[0] == 0
    code, out, err = run("service", "report", "--year", "2024", "--half", "1", "--format", "json", "--office", "astana",
                         "--db", db)
    assert code == 0, err
    rep = json.loads(out)
    assert rep["office"] == "astana" and rep["totals"]["column6_selected"] == 1
    code, out, err = run("service", "report", "--year", "2024", "--half", "1", "--format", "html", "--db", db,
                         "--training-org", "ӘТМ Қарағанды филиалы", "--shortcomings", "жоқ")
    assert code == 0, err
    text = _text(out)
    assert "2024 жылғы «30» маусымға арналған" in text and "ӘТМ Қарағанды филиалы" in text
    assert "Бар кемшіліктер: жоқ" in text


def test_api_form_fields_and_its_own_style_policy(tmp_path):
    db = str(tmp_path / "api.db")
    tokens = populate(db)
    with ServerThread(create_app(Settings(db=db, token=BOOT))) as url, \
            httpx.Client(base_url=url, headers={"Authorization": f"Bearer {tokens['operator']}"}, timeout=60) as op:
        r = op.get("/api/v1/services/reports/n6", params={
            "year": 2024, "half": 1, "format": "html", "training_org": "ӘТМ Астана филиалы",
            "shortcomings": "оқытушылар жетіспейді", "measures": "конкурс жарияланды"})
        assert r.status_code == 200, r.text
        text = _text(r.text)
        assert "2024 жылғы «30» маусымға арналған" in text and "ӘТМ Астана филиалы" in text
        assert "Бар кемшіліктер: оқытушылар жетіспейді" in text and "конкурс жарияланды" in text
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "script-src" not in csp
        assert re.search(r"style-src 'sha256-[A-Za-z0-9+/=]+'", csp)
        js = op.get("/api/v1/services/reports/n6", params={"year": 2024, "half": 1}).json()
        assert js["office"] == "astana" and js["totals"]["column6_selected"] == 1  # the operator's own office
        too_long = op.get("/api/v1/services/reports/n6", params={"year": 2024, "half": 1, "training_org": "x" * 301})
        assert too_long.status_code == 422 and too_long.json()["error"]["code"] == "validation_error"
