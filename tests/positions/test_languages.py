"""Kazakh and Russian labels work in acts of either language (synthetic excerpts in the acts' forms)."""

from __future__ import annotations

from kzqual.acts.model import Act
from kzqual.positions import extract
from kzqual.text import clean

RU_PARAGRAPH = """\
Квалификационные требования

Управление кадров

Главный эксперт управления кадров, категория С-4, 2 единицы, №№ 3-4-1, 3-4-2

Критерии Требования

Образование
Высшее: право или экономика
Профессиональная компетентность
Знание Конституции Республики Казахстан.
Опыт работы
Стаж государственной службы не менее двух лет.

Функционалдық міндеттері
Ведение кадровой работы; подготовка приказов.

Эксперт управления кадров, категория С-5, 1 единица, № 3-5-1

Критерии Требования

Білімі Высшее.
Профессиональная компетентность
Знание законов.
Тәжірибесі
Не требуется.
Функциональные обязанности
Учет личных дел.
"""

KK_CHARACTERISTICS = """\
1-тарау. Басшылар лауазымдарының біліктілік сипаттамалары

1-параграф. Бөлім бастығы

1. Лауазымдық міндеттері:
бөлімнің жұмысын ұйымдастырады;
есептерді дайындайды.
2. Білуге тиіс:
Қазақстан Республикасының заңнамасын.
3. Біліктілікке қойылатын талаптар: жоғары білім және жұмыс өтілі кемінде 5 жыл (А3-2-1).

2-тарау. Мамандар лауазымдарының біліктілік сипаттамалары

1-параграф. Инспектор

4. Должностные обязанности:
жүргізеді есепті.
5. Должен знать:
нұсқаулықтарды.
6. Требования к квалификации: жоғары білім (С2).
"""


def test_russian_paragraph_layout_with_kazakh_labels():
    act = Act(title="t", language="ru", act_type="order", act_type_raw="приказ")
    x = extract(clean(RU_PARAGRAPH), act)
    assert x.layout == "paragraph"
    assert [p.title for p in x.positions] == ["Главный эксперт управления кадров", "Эксперт управления кадров"]
    a, b = x.positions
    assert a.department == "Управление кадров"
    assert (a.category, a.units, a.numbers) == ("C-4", 2, ["3-4-1", "3-4-2"])
    assert a.education.text == "Высшее: право или экономика"
    assert a.competence.text == "Знание Конституции Республики Казахстан."
    assert a.duties and a.duties[0].startswith("Ведение кадровой работы")
    assert b.education.text == "Высшее." and b.experience.text == "Не требуется."
    assert b.duties == ["Учет личных дел."]  # a single item keeps its full stop


def test_kazakh_characteristics_with_russian_labels():
    act = Act(title="t", language="kk", act_type="order", act_type_raw="бұйрық")
    x = extract(clean(KK_CHARACTERISTICS), act)
    assert x.layout == "characteristics"
    a, b = x.positions
    assert (a.title, a.group, a.category) == ("Бөлім бастығы", "heads", "A3-2-1")
    assert a.knowledge and a.knowledge[0].startswith("Қазақстан Республикасының заңнамасын")
    assert (b.title, b.group, b.category) == ("Инспектор", "specialists", "C2")
    assert b.duties and b.duties[0].startswith("жүргізеді")
    assert a.id.endswith("-g1-p1") and b.id.endswith("-g2-p1")
