"""The printable Н6-ӘТМ page in a real Chromium: the table has the form's 8 columns and it prints
to one A4-landscape PDF page."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from kzqual.services.report import to_html

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_printable_form(browser, desk, application, lang):
    g = desk.add_group(number="1", profile="жүргізуші", planned_creation=date(2024, 4, 1),
                       period_start=date(2024, 4, 15), period_end=date(2024, 6, 14))
    v = desk.apply(application(), at=datetime(2024, 3, 11, 10), actor="portal")
    desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 3, 12, 10), actor="o")
    page = browser.new_page()
    page.set_content(to_html(desk.report_n6(year=2024, half=1), lang))
    numbers = page.eval_on_selector_all("table.n6 tr.colnums th", "els => els.map(e => e.textContent)")
    assert numbers == [str(n) for n in range(1, 9)]
    cells = page.eval_on_selector_all("table.n6 tbody tr:first-child td", "els => els.map(e => e.textContent)")
    assert len(cells) == 8 and cells[5] == "1"
    pdf = page.pdf(prefer_css_page_size=True)
    page.close()
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(boxes) == 1  # one page
    width, height = (float(x) for x in boxes[0])
    assert width > height  # landscape
