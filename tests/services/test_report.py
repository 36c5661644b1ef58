"""Report Н6-ӘТМ from cases in the database: rows, totals, settings, CSV and HTML in kk and ru."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from html.parser import HTMLParser

import pytest

from kzqual.errors import InputError
from kzqual.services.cases import ServiceDesk
from kzqual.services.report import Organisation, to_csv, to_html
from kzqual.services.settings import Settings


def _populate(desk, application):
    g1 = desk.add_group(number="1", profile="жүргізуші", planned_creation=date(2024, 4, 1),
                        actual_creation=date(2024, 4, 3), period_start=date(2024, 4, 15),
                        period_end=date(2024, 6, 14), note="көктемгі шақыру")
    g2 = desk.add_group(number="2", profile="байланысшы", planned_creation=date(2024, 10, 1),
                        period_start=date(2024, 10, 14), period_end=date(2024, 12, 13))
    for i in range(3):  # three selected into group 1, two graduate, one withdraws
        v = desk.apply(application(10 + i), at=datetime(2024, 3, 11, 10), actor="portal")
        desk.accept(v.case.id, group_id=g1.id, at=datetime(2024, 3, 12, 10), actor="o")
        desk.start_training(v.case.id, at=datetime(2024, 4, 15, 9), actor="o")
        if i < 2:
            desk.certify(v.case.id, number=f"C-{i}", at=datetime(2024, 6, 14, 12), actor="head")
        else:
            desk.withdraw(v.case.id, at=datetime(2024, 5, 2, 12), actor="applicant")
    v = desk.apply(application(20), at=datetime(2024, 9, 2, 10), actor="portal")
    desk.accept(v.case.id, group_id=g2.id, at=datetime(2024, 9, 3, 10), actor="o")
    desk.refuse(desk.apply(application(30), at=datetime(2024, 9, 2, 11), actor="portal").case.id,
                grounds=[2], reason="x", at=datetime(2024, 9, 3, 10), actor="o")
    return g1, g2


def test_first_half(desk, application):
    _populate(desk, application)
    r = desk.report_n6(year=2024, half=1)
    assert r.as_of == date(2024, 6, 30) and r.period_start == date(2024, 1, 1)
    assert [(x.number, x.selected, x.graduated, x.column7) for x in r.rows] == [("1", 3, 2, 2)]
    assert (r.total_selected, r.total_column7) == (3, 2)
    # 30 June 2024 is a Sunday: by default the due date moves to Monday 1 July.
    assert r.due_raw == date(2024, 6, 30) and r.due == date(2024, 7, 1)
    assert r.standard["n6_index"]["value"] == "Н6-ӘТМ"


def test_second_half_and_settings(engine, desk, application):
    _populate(desk, application)
    r2 = desk.report_n6(year=2024, half=2)
    assert [(x.number, x.selected, x.column7) for x in r2.rows] == [("2", 1, 0)]
    assert r2.due == date(2024, 12, 31)  # a Tuesday
    sel = ServiceDesk(engine, settings=Settings(column7="selected", calendar_deadline_on_day_off="keep",
                                                n6_groups="overlapping"))
    r = sel.report_n6(year=2024, half=1)
    assert [x.column7 for x in r.rows] == [3] and r.due == date(2024, 6, 30)
    prev = ServiceDesk(engine, settings=Settings(calendar_deadline_on_day_off="previous_working_day"))
    assert prev.report_n6(year=2024, half=1).due == date(2024, 6, 28)


def test_counts_are_as_of_the_report_day(desk, application):
    g = desk.add_group(number="5", profile="радиотелефонист", planned_creation=date(2025, 5, 1),
                       period_start=date(2025, 6, 2), period_end=date(2025, 7, 25))
    v = desk.apply(application(), at=datetime(2025, 5, 12, 10), actor="portal")
    desk.accept(v.case.id, group_id=g.id, at=datetime(2025, 5, 13, 10), actor="o")
    desk.start_training(v.case.id, at=datetime(2025, 6, 2, 9), actor="o")
    desk.certify(v.case.id, number="C", at=datetime(2025, 7, 25, 12), actor="head")
    (row,) = desk.report_n6(year=2025, half=1).rows
    assert (row.selected, row.graduated) == (1, 0)  # graduated after 30 June
    assert desk.report_n6(year=2025, half=2).rows == []  # started in the first half


@pytest.mark.parametrize("half", [0, 3])
def test_bad_half(desk, half):
    with pytest.raises(InputError):
        desk.report_n6(year=2024, half=half)


def test_csv(desk, application):
    _populate(desk, application)
    r = desk.report_n6(year=2024, half=1)
    for lang, total in (("kk", "Барлығы:"), ("ru", "Итого:")):
        rows = list(csv.reader(io.StringIO(to_csv(r, lang))))
        assert len(rows[0]) == 8 and rows[0][0].startswith("1 ") and rows[0][6].endswith("[column7=graduated]")
        assert rows[1] == ["1", "1 – жүргізуші", "2024-04-01", "2024-04-03", "2024-04-15/2024-06-14", "3", "2",
                           "көктемгі шақыру"]
        assert rows[-1][1] == total and rows[-1][5:7] == ["3", "2"]
    with pytest.raises(InputError):
        to_csv(r, "de")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.cells = [], []

    def handle_data(self, data):
        self.parts.append(data)


def test_html_kk_and_ru(desk, application):
    _populate(desk, application)
    org = Organisation(name="Астана қаласы бойынша ҚІД", executor="Ахметов А.", executor_phone="+7 7172 00 00 00",
                       head="Серікбаев С.", email="dep@example.kz")
    r = desk.report_n6(year=2024, half=1, organisation=org)
    kk = to_html(r, "kk")
    p = _Text()
    p.feed(kk)
    text = " ".join(p.parts)
    for phrase in ("Н6-ӘТМ", "Барлығы:", "Оқу взводтарының нөмірлері және олардың бейіні", "Ахметов А.",
                   "Бірінші басшы", "Ұйымдастыру-жұмылдыру жұмыстары департаменті", "2024 ж. «30» маусым",
                   "Астана қаласы бойынша ҚІД", "шығарылды"):
        assert phrase in text, phrase
    assert "@page" in kk and "<script" not in kk and "http" not in kk.split("</head>")[0]
    ru = to_html(r, "ru")
    for phrase in ("Итого:", "Номера учебных взводов", "перевод kzqual", "«30» июня 2024 г.", "Срок представления"):
        assert phrase in ru, phrase


def test_html_escapes_user_text(desk, application):
    desk.add_group(number="<b>9</b>", profile="x & y", planned_creation=date(2024, 1, 10),
                   period_start=date(2024, 2, 1), period_end=date(2024, 3, 1))
    html = to_html(desk.report_n6(year=2024, half=1), "kk")
    assert "<b>9</b>" not in html and "&lt;b&gt;9&lt;/b&gt;" in html
