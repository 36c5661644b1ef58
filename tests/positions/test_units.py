"""Unit tests of the pure helpers: label matching, headings, codes."""

from __future__ import annotations

import pytest

from kzqual.positions.codes import canonical_category, expand_numbers
from kzqual.positions.headings import division_of, join_with_ends, parse_heading, split_department
from kzqual.positions.labels import is_criteria_header, is_unit_header, match_label


@pytest.mark.parametrize(
    "line, nxt, name, rest",
    [
        ("Білімі Жоғары: құқық", None, "education", "Жоғары: құқық"),
        ("Образование Жоғары: құқық", None, "education", "Жоғары: құқық"),
        ("К ә с і б и  құзыреттілігі", None, "competence", ""),
        ("Кәсіби", "құзыреттілігі", "competence", ""),
        ("Практикалық", "тәжірибесі", "experience", ""),
        ("Тәжірибесі 2008 жылғы", None, "experience", "2008 жылғы"),
        ("Кәсіптік біліктілігі", None, "competence", ""),
        ("Функионалдық міндеттері", None, "duties", ""),  # misspelt in the act
        ("ФУНКЦИОНАЛДЫҚ МІНДЕТТЕРІ", None, "duties", ""),
    ],
)
def test_labels_match(line, nxt, name, rest):
    hit = match_label(line, nxt)
    assert hit is not None and hit.name == name and hit.rest == rest


@pytest.mark.parametrize(
    "line",
    ["білімі бар маман", "Біліміне сәйкес", "Жоғары: құқық", "Функционалдық міндеттерді орындау үшін"],
)
def test_running_text_is_not_a_label(line):
    assert match_label(line) is None


def test_section_labels():
    assert match_label("3. Требования к квалификации:", table="sections").name == "qualification"
    assert match_label("2. Должен знать:", table="sections").name == "knowledge"
    hit = match_label("6. Требования к квалификации: высшее", table="sections")
    assert hit.rest == "высшее"


def test_headers():
    assert is_criteria_header("Өлшемшарттар Талаптар")
    assert is_criteria_header("Критериилер Талаптар")
    assert is_criteria_header("Критерийлер Талаптары")
    assert not is_criteria_header("Өлшемшарттар мен талаптар туралы ереже")
    assert is_unit_header("Бірлік саны Санаты Лауазым №")
    assert is_unit_header("Бірлік саны Санаты Лауазыы №")


def test_parse_heading_units_and_numbers():
    h = parse_heading(["Конфессияаралық қатынастар департаментінің бас сарапшысы,", "С-4 санаты, 3 бірлік, №№ 4-3-1, 4-3-2, 4-3-3"])
    assert h.title == "Конфессияаралық қатынастар департаментінің бас сарапшысы"
    assert (h.category_raw, h.units, h.numbers_raw) == ("С-4", 3, "4-3-1, 4-3-2, 4-3-3")


def test_split_department_needs_evidence():
    # repeated name -> split
    assert split_department("Азаматтық қорғаныс басқармасы Азаматтық қорғаныс бөлімінің бас маманы")[0] == (
        "Азаматтық қорғаныс басқармасы"
    )
    # no number, no line break, no repetition -> left in the title
    dept, title, _ = split_department("Төтенше жағдайлар басқармасы Азаматтық қорғаныс бөлімінің маманы")
    assert dept is None and title.startswith("Төтенше")
    # a line break after the unit noun
    text, ends = join_with_ends(["Баспасөз қызметі", "Баспасөз қызметінің басшысы"])
    assert split_department(text, ends)[:2] == ("Баспасөз қызметі", "Баспасөз қызметінің басшысы")


def test_division():
    assert division_of("Байланыс басқармасының бас сарапшысы") == "Байланыс басқармасының"
    assert division_of("Департамент директоры") is None


def test_codes():
    assert canonical_category("С–4") == "C-4"
    assert canonical_category("С-О-6") == "C-O-6"
    assert canonical_category("С-R-5") == "C-R-5"
    assert canonical_category("А3-2-1") == "A3-2-1"
    assert canonical_category("санаты") is None
    assert expand_numbers("№№ 4-3-1, 4-3-2") == ["4-3-1", "4-3-2"]
    assert expand_numbers("33-1- 2") == ["33-1-2"]


def test_extract_stays_a_function_after_the_submodule_is_imported():
    import importlib

    import kzqual.positions as positions

    module = importlib.import_module("kzqual.positions.extract")  # as the store does
    assert callable(module.extract)
    assert positions.extract is module.extract and positions.extract_file is module.extract_file


def test_level_codes_only_when_every_code_heads_a_level():
    from kzqual.positions.characteristics import _codes, _level_codes

    by_level = ("1) специалист высшего уровня квалификации (С2): высшее образование; "
                "2) специалист среднего уровня квалификации (С3): среднее образование")  # fmt: skip
    assert _level_codes(by_level, _codes(by_level)) == ["С2", "С3"]
    # a second code elsewhere (a sub-post) is not a level's category
    mixed = by_level + "; 3) руководитель группы (А3-3)"
    assert _level_codes(mixed, _codes(mixed)) == []
    one = "1) специалист высшего уровня квалификации (С2): высшее образование"
    assert _level_codes(one, _codes(one)) == []
