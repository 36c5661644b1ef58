"""Education fields listed as an enumeration, groups glued to the field before them, and a label
cell broken over two lines (issue 11).  Every text is quoted from the act named with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzqual.positions import extract_file
from kzqual.positions.requirements import parse_education
from kzqual.positions.requirements.fieldnames import joined_names
from kzqual.positions.rows import split_rows
from kzqual.text.model import CleanLine

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize("text, lang, fields", [
    # adilet-2014-78721 kaz.md line 213 / rus.md line 217 (post 7)
    ("Жоғары білім: құқықтану, мемлекеттік басқару және педагогикалық", "kk",
     ["құқықтану", "мемлекеттік басқару", "педагогикалық"]),
    ("Высшее образование: юриспруденция, государственное управление и педагогическое", "ru",
     ["юриспруденция", "государственное управление", "педагогическое"]),
    # kaz.md line 539 / rus.md line 540 (post 18): "экономист, заңгер" + "немесе бухгалтер"
    ("Жоғары білім: экономист, заңгер немесе бухгалтер", "kk", ["экономист", "заңгер", "бухгалтер"]),
    ("Высшее образование: экономическое, юридическое или бухгалтерское", "ru",
     ["экономическое", "юридическое", "бухгалтерское"]),
])
def test_an_enumeration_gives_one_field_per_item(text, lang, fields):
    assert parse_education(text, lang).fields == fields


def test_a_group_glued_to_the_field_before_it_splits_at_the_group():
    # adilet-2017-112097 kaz/part001.md line 109
    e = parse_education("Жоғары білім: құқықтану, әлеуметтік ғылымдар, экономика және бизнес (экономика, "
                        "немесе журналистика) немесе гуманитарлық ғылымдар (филология немесе аударма ісі)", "kk")
    assert e.fields == ["құқықтану", "әлеуметтік ғылымдар, экономика және бизнес", "гуманитарлық ғылымдар"]
    assert e.field_groups == [
        {"group": "әлеуметтік ғылымдар, экономика және бизнес", "specialties": ["экономика", "журналистика"]},
        {"group": "гуманитарлық ғылымдар", "specialties": ["филология", "аударма ісі"]},
    ]


@pytest.mark.parametrize("text, lang, fields", [
    # a group whose name holds a comma and "және"/"и" stays one field (MEBP order 75, seed 004)
    ("әлеуметтік ғылымдар, экономика және бизнес (экономика, қаржы)", "kk",
     ["әлеуметтік ғылымдар, экономика және бизнес"]),
    # the Russian genitive of the same group (adilet-2017-112097 rus/part001.md line 229)
    ("Высшее образование в области: права, либо социальных наук, экономике и бизнеса (экономика)", "ru",
     ["права", "социальных наук, экономике и бизнеса"]),
    # a specialty written with "және" inside an enumeration (classifier s-memlekettik-zhane-zhergilikti-basqaru)
    ("Жоғары білім: құқықтану, мемлекеттік және жергілікті басқару", "kk",
     ["құқықтану", "мемлекеттік және жергілікті басқару"]),
])
def test_names_with_a_comma_or_a_conjunction_stay_whole(text, lang, fields):
    assert parse_education(text, lang).fields == fields


def test_the_protected_names_come_from_the_taxonomy_data():
    rx = joined_names()
    assert rx.search("әлеуметтік ғылымдар, экономика және бизнес")
    assert rx.search("здравоохранение и социальное обеспечение")
    assert not rx.search("мемлекеттік басқару және педагогикалық")


def test_a_label_cell_broken_over_two_lines_is_still_the_label():
    # adilet-2017-112097 kaz/part001.md lines 40-52: "<td>" / "Кәсіби" / "біліктілігі" / "</td>"; the
    # Markdown reader prints the row as its cells' first lines, then the cells' further lines
    lines = [
        CleanLine("Білімі Құқық саласындағы жоғары білім", 68, 69, hint="row",
                  cells=("Білімі", "Құқық саласындағы жоғары білім")),
        CleanLine("Кәсіби Қазақстан Республикасының Конституциясын, … білуі.", 73, 77, hint="row",
                  cells=("Кәсіби біліктілігі", "Қазақстан Республикасының Конституциясын, … білуі.")),
        CleanLine("біліктілігі", 74, 74, hint="cell"),
        CleanLine("Мынадай құзыреттердің бар болуы: бастамалық", 78, 78, hint="cell"),
    ]
    rows = split_rows(lines)
    assert rows.pieces["education"].text == "Құқық саласындағы жоғары білім"
    assert rows.pieces["competence"].text.startswith("Қазақстан Республикасының Конституциясын")
    assert "біліктілігі" not in rows.pieces["competence"].text
    assert (rows.pieces["competence"].start, rows.pieces["competence"].end) == (73, 78)


def test_112097_kk_post_2_education_is_only_its_education():
    x = extract_file(CORPUS / "adilet-2017-112097" / "kaz.md")
    post = next(p for p in x.positions if "1-0-7" in p.numbers)
    assert post.education.text == "Құқық саласындағы жоғары білім"
    assert post.education.fields == ["Құқық"]
    assert post.competence.text.startswith("Қазақстан Республикасының Конституциясын")
