"""Damage the reference acts show, built into small excerpts so each repair is seen on its own."""

from __future__ import annotations

from kzqual.acts.model import Act
from kzqual.positions import extract
from kzqual.text import clean

ACT = Act(title="t", language="kk", act_type="order", act_type_raw="бұйрық")

POST = """\
{title}, С-4 санаты
Өлшемшарттар Талаптар
Білімі
Жоғары: құқық саласында.
Кәсіби құзыреттілігі
Заңдарды білуі.
Практикалық тәжірибесі
Мемлекеттік қызмет өтілі екі жылдан кем емес.
Функционалдық міндеттері
{duties}"""


def test_heading_glued_to_previous_text():
    # no blank line and no full stop between the first post's duties and the second heading
    text = (
        POST.format(title="Бас сарапшы", duties="Құжаттарды дайындау; есеп жүргізу и ")
        + "\n"
        + POST.format(title="Сарапшы", duties="Хаттарды тіркеу.")
    )
    x = extract(clean(text), ACT)
    assert [p.title for p in x.positions] == ["Бас сарапшы", "Сарапшы"]
    first, second = x.positions
    assert all("Сарапшы" not in d for d in first.duties)
    assert first.lines.end < second.lines.start


def test_cell_printed_before_its_label():
    text = """\
Бас сарапшы, С-4 санаты

Өлшемшарттар Талаптар

Білімі
Жоғары: құқық саласында.

Қазақстан Республикасының Конституциясын, «Мемлекеттік қызмет туралы»,



Кәсіби құзыреттілігі
«Сыбайлас жемқорлыққа қарсы күрес туралы» Заңдарын білуі.

Практикалық тәжірибесі
Өтілі екі жылдан кем емес.

Функционалдық міндеттері
Құжаттарды дайындау.
"""
    x = extract(clean(text), ACT)
    (p,) = x.positions
    assert p.education.text == "Жоғары: құқық саласында."
    assert p.competence.text.startswith("Қазақстан Республикасының Конституциясын")
    assert p.competence.text.endswith("Заңдарын білуі.")
    assert p.competence.lines.start == 8
    assert any(w.code == "row_text_before_label" for w in p.warnings)


def test_letter_spaced_glued_and_two_line_labels():
    text = """\
Лауазымғақойылатынбіліктілікталаптары Кеңесші

Бірлік саны Санаты Лауазым №

2 С-3 01-1-1,
01-1-2

Критерийлер Талаптар

Б і л і м і  Жоғары білім

К ә с і б и
құзыреттілігі
Заңдарды білуі.

Практикалық
тәжірибесі
Үлгі біліктілік талаптарына сәйкес.

Функционалдық
міндеттері
Министрдің нұсқауларын орындау.
"""
    x = extract(clean(text), ACT)
    assert x.layout == "table"
    (p,) = x.positions
    assert (p.title, p.units, p.numbers, p.category) == ("Кеңесші", 2, ["01-1-1", "01-1-2"], "C-3")
    assert p.education.text == "Жоғары білім"
    assert p.competence.text == "Заңдарды білуі."
    assert p.experience.text == "Үлгі біліктілік талаптарына сәйкес."
    assert [d.rstrip(".") for d in p.duties] == ["Министрдің нұсқауларын орындау"]


def test_units_and_numbers_disagree():
    text = POST.format(title="Сарапшы", duties="Хаттарды тіркеу.").replace(
        "С-4 санаты", "С-4 санаты, 3 бірлік, №№ 5-4-1, 5-4-2"
    )
    (p,) = extract(clean(text), ACT).positions
    assert p.units == 3 and p.numbers == ["5-4-1", "5-4-2"]  # reported, not "fixed"
    assert any(w.code == "units_numbers_mismatch" and w.message.startswith("3 staff units but 2 position numbers")
               for w in p.warnings)


def test_no_posts_is_not_an_error():
    x = extract(clean("Бұйрық мәтіні.\nБасқа ештеңе жоқ."), ACT)
    assert x.layout is None and x.positions == [] and x.warnings
