"""A page break that prints a post's duties above their label, right after a closed experience cell.

mes-161 (kk-mes-2014-161.txt) lines 1256-1269: "Практикалық тәжірибесі Компьютерде … жұмыс істей
білуі" / blank / "Ақпараттық-телекоммуникациялық жүйлерді жетілдіру … ТЖ саласындағы іс-шараларды" /
page break / "Функционалдық / міндеттері" / "ақпараттық қолдау мақсатында …".  Lines 6811-6822: the
same with a whole duty paragraph ending in a full stop.
"""

from __future__ import annotations

import re

from kzqual.acts.model import Act
from kzqual.positions import extract
from kzqual.text import clean

from .conftest import by_id

ACT = Act(title="t", language="kk", act_type="order", act_type_raw="бұйрық")


def test_unfinished_duty_sentence_moves_to_duties(extracted):
    post = by_id(extracted("mes_161_kk"))["9344-a1-25"]
    assert post.experience.text.endswith("факспен жұмыс істей білуі")
    assert post.duties[0].startswith("Ақпараттық-телекоммуникациялық жүйлерді жетілдіру")
    # the sentence cut by the label is whole again inside the duties
    assert any("ТЖ саласындағы іс-шараларды ақпараттық қолдау" in d for d in post.duties)
    assert any(w.code == "row_text_before_label" and (w.params["start"], w.params["end"]) == (1259, 1261)
               for w in post.warnings)


def test_whole_duty_paragraph_moves_to_duties(extracted):
    post = by_id(extracted("mes_161_kk"))["9344-a2-54"]
    assert post.experience.text == "Компьютерде Word, Excel бағдарламаларымен жұмыс істей білуі"
    assert post.duties[0].startswith("АҚ және ТЖ алдын алу және оларды жою бойынша")
    assert post.experience.lines.end < 6813 <= post.lines.end


def test_no_experience_text_holds_a_duty_block_after_a_page_break(extracted):
    # Survey: an experience cell that ends a sentence with a duty verb ("… жүргізу.") or breaks off
    # on "іс-шараларды" is a duty paragraph left in the wrong row.  (A cell the act itself cuts
    # off, "… компьютерде, ұйымдастыру" at mes-161 line 2477, has no full stop and stays.)
    duty_end = re.compile(r"(ұйымдастыру|жүргізу|бақылау|қамтамасыз ету)\.$|іс-шараларды$")
    for name in ("mes_161_kk", "ara_9_kk", "mebp_75_kk"):
        bad = [p.id for p in extracted(name).positions if duty_end.search(p.experience.text.strip())]
        assert bad == [], (name, bad)


def test_numbered_item_after_a_page_break_stays_in_its_row():
    text = """\
Бас сарапшы, С-4 санаты
Өлшемшарттар Талаптар
Білімі
Жоғары: құқық саласында.
Кәсіби құзыреттілігі
Заңдарды білуі.
Практикалық тәжірибесі
Жұмыс тәжірибесі келесі талаптардың біріне сәйкес болуы тиіс: 1) мемлекеттік қызмет өтілі екі жылдан кем емес;


2) ғылыми дәрежесінің болуы.
Функционалдық міндеттері
Хаттарды тіркеу.
"""
    post = extract(clean(text), ACT).positions[0]
    assert "2) ғылыми дәрежесінің болуы" in post.experience.text
    assert post.duties == ["Хаттарды тіркеу."]


def test_closed_cell_then_capitalised_block_moves_in_a_small_excerpt():
    text = """\
Бас сарапшы, С-4 санаты
Өлшемшарттар Талаптар
Білімі
Жоғары: құқық саласында.
Кәсіби құзыреттілігі
Заңдарды білуі.
Практикалық тәжірибесі Компьютерде жұмыс істей білуі

Құжаттарды дайындау, есеп жүргізу


Функционалдық міндеттері
және хаттарды тіркеу.
"""
    post = extract(clean(text), ACT).positions[0]
    assert post.experience.text == "Компьютерде жұмыс істей білуі"
    assert post.duties and post.duties[0].startswith("Құжаттарды дайындау")
    assert any(w.code == "row_text_before_label" for w in post.warnings)
