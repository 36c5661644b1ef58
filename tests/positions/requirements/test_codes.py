"""Category codes and position numbers, as printed in the seeds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzqual.positions.requirements import canonical_category, expand_numbers, expand_numbers_with_warnings


@pytest.mark.parametrize(
    ("act", "line", "expected"),
    [
        ("mes_161_kk", 67, "C-3"),  # "Министрдің көмекшісі, С-3 санаты" (Cyrillic С)
        ("mes_161_kk", 1415, "C-4"),  # "сарапшысы, С–4 санаты" (en dash)
        ("mes_161_kk", 4506, "C-O-4"),  # "... басшысы, С-О-4 санаты" (Cyrillic С and О)
        ("mes_161_kk", 6675, "C-R-5"),  # "С-R-5 санаты" (Latin R)
        ("mes_161_kk", 6530, "C-R-1"),
        ("mebp_75_kk", 66, "C-3"),  # "1 С-3 01-1-1"
        ("mebp_75_kk", 7862, "C-3"),  # "1 С- 3 17-4-1" (space after the hyphen)
        ("mod_134_ru", 112, "A3-2-1"),  # "не менее 5 лет (А3-2-1)." (Cyrillic А)
        ("mod_134_ru", 747, "C1"),  # "(С1)" block code
        ("ara_9_kk", 50, "C-3"),  # "Төрағаның кеңесшісі, С-3 санаты, 1 бірлік, № 2-2-1"
    ],
)
def test_canonical_category_on_seed_lines(raw, act, line, expected):
    assert canonical_category(raw(act, line, line)) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("С-О-4", "C-O-4"),
        ("C-O-4", "C-O-4"),
        ("С-O-4", "C-O-4"),
        ("C-О-4", "C-O-4"),
        ("С-R-5", "C-R-5"),
        ("С-Р-5", "C-R-5"),  # Cyrillic Р standing for R
        ("(А3-2-1)", "A3-2-1"),
        ("В-1", "B-1"),
        ("Е-3", "E-3"),
        ("D-О-2", "D-O-2"),
        ("лауазым", None),
        ("", None),
    ],
)
def test_canonical_category_mixed_scripts(code, expected):
    assert canonical_category(code) == expected


@pytest.mark.parametrize(
    ("act", "line", "expected"),
    [
        ("ara_9_kk", 50, ["2-2-1"]),  # "№ 2-2-1"
        ("ara_9_kk", 884, ["4-3-1", "4-3-2", "4-3-3"]),  # "№№ 4-3-1, 4-3-2, 4-3-3"
        ("mebp_75_kk", 645, ["10-2", "10-3"]),  # "2 С-4 10-2, 10-3" (after the category)
    ],
)
def test_expand_numbers_on_seed_lines(raw, act, line, expected):
    # the whole heading line: units ("1 бірлік") and the category are not position numbers
    assert expand_numbers(raw(act, line, line)) == expected


def test_expand_numbers_forms():
    assert expand_numbers("01-1-1") == ["01-1-1"]  # 004 line 66
    assert expand_numbers("4-3-1 – 4-3-3") == ["4-3-1", "4-3-2", "4-3-3"]
    numbers, warnings = expand_numbers_with_warnings("33-1- 2")  # 004 line 26523
    assert numbers == ["33-1-2"] and [w.code for w in warnings] == ["number_spaces_read"]
    numbers, warnings = expand_numbers_with_warnings("№ 5-1-1, бірдеңе")
    assert numbers == ["5-1-1"] and [w.code for w in warnings] == ["numbers_unreadable_text"]
    assert "бірдеңе" in warnings[0].params["text"]
    numbers, warnings = expand_numbers_with_warnings("4-3-3 – 4-3-1")
    assert numbers == [] and [w.code for w in warnings] == ["number_range_not_understood"]  # a backwards range is reported, not guessed


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_never_raises(text):
    canonical_category(text)
    expand_numbers_with_warnings(text)
