"""Every post found, per act: counts, layouts, categories and position numbers."""

from __future__ import annotations

from collections import Counter

import pytest

from kzqual.positions.layout import detect_layout


def by_id(extraction) -> dict:
    return {p.id: p for p in extraction.positions}


@pytest.mark.parametrize(
    "name, layout",
    [
        ("mod_134_ru", "characteristics"),
        ("mes_161_kk", "paragraph"),
        ("ara_9_kk", "paragraph"),
        ("mebp_75_kk", "table"),
        ("mod_674_kk", None),
    ],
)
def test_layout_detected(name, layout, clean_text):
    assert detect_layout(clean_text(name)) == layout


def test_amending_act_has_no_posts(extracted):
    x = extracted("mod_674_kk")
    assert x.positions == []
    assert [w.code for w in x.warnings] == ["no_layout"]  # says why


def test_characteristics_counts(extracted):
    x = extracted("mod_134_ru")
    # 13 paragraphs; paragraph 3 of chapter 1 names two posts -> 14 records
    assert len(x.positions) == 14
    groups = Counter(p.group for p in x.positions)
    assert groups == {"heads": 4, "specialists": 10}
    ids = [p.id for p in x.positions]
    assert ids[:4] == ["15125-g1-p1", "15125-g1-p2", "15125-g1-p3-1", "15125-g1-p3-2"]
    assert ids[-1] == "15125-g2-p10"


def test_characteristics_categories(extracted):
    d = by_id(extracted("mod_134_ru"))
    assert d["15125-g1-p1"].category == "A3-2-1"
    assert d["15125-g1-p1"].category_raw == "А3-2-1"  # Cyrillic А as printed
    assert d["15125-g1-p3-1"].category == "A3-3"
    assert d["15125-g1-p3-2"].category == "A3-3-1"  # printed "(А3-3\n-1)" across lines 239-240
    assert d["15125-g2-p6"].category == "C1"
    # (С2)/(С3) by qualification level: no single category, and a warning says so
    assert d["15125-g2-p7"].category is None
    assert any(w.code == "several_block_codes" and "С2" in w.params["codes"] for w in d["15125-g2-p7"].warnings)
    # raw 811 "1) специалист высшего уровня квалификации (С2):", 813 "2) ... среднего ... (С3):"
    assert d["15125-g2-p7"].categories == ["C2", "C3"]
    assert [g.category for g in d["15125-g2-p7"].grades] == ["C2", "C3", "C3"]
    assert d["15125-g1-p3-2"].categories == ["A3-3-1"]
    # inspectors graded by ladder with no code printed (raw 316-337): no category at all
    assert d["15125-g2-p1"].category is None and d["15125-g2-p1"].categories == []


def test_categories_agree_with_category(extracted):
    for name in ("mod_134_ru", "mes_161_kk", "ara_9_kk", "mebp_75_kk"):
        for p in extracted(name).positions:
            if p.category:
                assert p.categories == [p.category]
            elif len(p.categories) > 1:
                assert any(w.code == "several_block_codes" for w in p.warnings)


def test_mes_161_counts(extracted):
    x = extracted("mes_161_kk")
    assert len(x.positions) == 152
    appendices = Counter(p.appendix for p in x.positions)
    assert appendices == {"1": 83, "2": 69}
    assert all(p.units is None and p.numbers == [] for p in x.positions)
    cats = Counter(p.category for p in x.positions)
    assert set(cats) == {
        "C-1", "C-3", "C-4", "C-5",
        "C-O-1", "C-O-2", "C-O-3", "C-O-4", "C-O-5", "C-O-6",
        "C-R-1", "C-R-2", "C-R-3", "C-R-4", "C-R-5",
    }  # fmt: skip
    # the R of С-R-n is a Latin letter in the act and stays so in category_raw
    assert all("R" in p.category_raw for p in x.positions if p.category and "R" in p.category)
    # "С–4" with an en dash (raw line 1415) is still C-4
    d = by_id(x)
    assert d["9344-a1-29"].category_raw == "С–4"
    assert d["9344-a1-29"].category == "C-4"


def test_ara_9_counts(extracted):
    x = extracted("ara_9_kk")
    assert len(x.positions) == 43
    assert sum(p.units for p in x.positions) == 56
    numbers = [n for p in x.positions for n in p.numbers]
    assert len(numbers) == 56 and len(set(numbers)) == 56
    d = by_id(x)
    assert d["9211-4-3-1"].numbers == ["4-3-1", "4-3-2", "4-3-3"]  # "№№ 4-3-1, 4-3-2, 4-3-3"
    assert d["9211-4-3-4"].numbers == ["4-3-4", "4-3-5"]  # "№ 4-3-4, 4-3-5" (single №)
    # grep -c of "С-n санаты" in the act: 3, 16, 16, 8
    assert Counter(p.category for p in x.positions) == {"C-1": 3, "C-3": 16, "C-4": 16, "C-5": 8}
    # heading over three lines (raw 1447-1449) with the numbers on the last one
    assert d["9211-5-3-1"].numbers == ["5-3-1", "5-3-2"]


def test_mebp_75_counts(extracted):
    x = extracted("mebp_75_kk")
    assert len(x.positions) == 509
    assert sum(p.units for p in x.positions) == 543
    assert all(p.category for p in x.positions)
    d = by_id(x)
    assert d["9219-01-1-1"].numbers == ["01-1-1"]
    # numbers wrapped over three lines (raw 2614-2617)
    assert d["9219-13-4-2"].numbers == ["13-4-2", "13-4-3", "13-4-4"]
    assert d["9219-13-4-2"].units == 3
    # six units, numbers in pairs over three lines (raw 20768-20771)
    assert d["9219-27-1-2"].numbers == [f"27-1-{k}" for k in range(2, 8)]
    # "С- 3" (raw 7862) and "33-1- 2" (raw 26523) as printed
    assert d["9219-17-4-1"].category == "C-3"
    assert "9219-33-1-2" in d
    departments = {p.department for p in x.positions}
    assert 25 <= len(departments) <= 40  # under 30 headings, plus spelling variants in titles


def test_ids_unique_and_ascii(extracted):
    for name in ("mod_134_ru", "mes_161_kk", "ara_9_kk", "mebp_75_kk"):
        ids = [p.id for p in extracted(name).positions]
        assert len(ids) == len(set(ids)), name
        assert all(i.isascii() for i in ids), name


def test_units_match_numbers_or_warn(extracted):
    for name in ("ara_9_kk", "mebp_75_kk"):
        for p in extracted(name).positions:
            if p.units is not None and p.units != len(p.numbers):
                assert any(w.code in ("units_numbers_mismatch", "units_without_number") for w in p.warnings), p.id


def test_repeated_number_is_reported(extracted):
    x = extracted("mebp_75_kk")
    flagged = [p for p in x.positions if any(w.code == "duplicate_position_number" for w in p.warnings)]
    for p in flagged:
        assert any(w.params.get("number") in p.numbers for w in p.warnings)
