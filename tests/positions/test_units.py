"""Unit tests of the pure helpers: label matching, headings, codes."""

from __future__ import annotations

import pytest

from kzqual.positions.codes import canonical_category, expand_numbers
from kzqual.positions.headings import division_of, join_with_ends, parse_heading, split_department
from kzqual.positions.labels import is_criteria_header, is_unit_header, match_label, may_be_label


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


def _match_label_reference(line, nxt=None, table="criteria"):
    """match_label before its speed-ups: every variant walked character by character (with the
    vocabulary's rules: look-alike letters folded, ``alone`` variants only with nothing after them)."""
    import re as _re

    from kzqual.positions import labels as L

    variants = L._CRITERIA_VARIANTS if table == "criteria" else L._SECTION_VARIANTS
    body = line.strip()
    if table != "criteria":
        body = _re.sub(r"^\d+\s*\.\s*", "", body)
    if not body or not body[0].isupper() or L.fold_char(body[0]) not in L._FIRST[table]:
        return None
    for name, _v, vkey in variants:
        if vkey[0] == L.fold_char(body[0]) and (rest := L.strip_label(body, vkey)) is not None \
                and L._alone_ok(vkey, rest, None):
            return L.LabelHit(name, 1, rest)
    if (f := L._fuzzy(body, variants)) is not None:
        return L.LabelHit(f, 1, "")
    if nxt is not None:
        first = L.key(body)
        if not first:
            return None
        joined = body + " " + nxt.strip()
        for name, _v, vkey in variants:
            if len(first) < len(vkey) and vkey.startswith(first):
                if (rest := L.strip_label(joined, vkey)) is not None and L._alone_ok(vkey, rest, None):
                    return L.LabelHit(name, 2, rest)
        if (f := L._fuzzy(joined, variants)) is not None:
            return L.LabelHit(f, 2, "")
    return None


def _label_like():
    from hypothesis import strategies as st

    from kzqual.positions.labels import CRITERIA, SECTIONS

    words = sorted({w for vs in (*CRITERIA.values(), *SECTIONS.values()) for v in vs for w in v.split()})
    piece = st.one_of(st.sampled_from(words), st.sampled_from(["", " ", "  ", ":", "1.", "жоғары", "İ", "Ⅰ"]))
    variants = sorted({v for vs in (*CRITERIA.values(), *SECTIONS.values()) for v in vs})
    whole = st.tuples(
        st.sampled_from(["", "3. "]),
        st.sampled_from(variants),
        st.sampled_from(["keep", "upper", "spaced"]),
        st.sampled_from(["", ":", " жоғары білім", "ы", ": Жоғары"]),
    ).map(lambda t: t[0] + {"keep": t[1], "upper": t[1].upper(), "spaced": " ".join(t[1])}[t[2]] + t[3])
    return st.one_of(st.lists(piece, max_size=5).map(" ".join), whole)


def test_match_label_equals_its_reference():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(_label_like(), st.one_of(st.none(), _label_like()), st.sampled_from(["criteria", "sections"]))
    def check(line, nxt, table):
        assert match_label(line, nxt, table=table) == _match_label_reference(line, nxt, table)
        if not may_be_label(line, table):  # the cheap pre-test split_rows uses
            assert _match_label_reference(line, nxt, table) is None

    check()
