"""The standard's data file against the act: every quote on its lines, every value derivable."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

import kzqual.text
from kzqual.services.standard import (derive, kazakh_number, load_standard, load_standard_file, span_text,
                                      verify)


@pytest.fixture(scope="module")
def act(act_path):
    return kzqual.text.read(act_path("mod_674_kk"))


def test_every_value_is_on_its_lines_and_derivable(act):
    assert verify(load_standard(), act) == []


def test_the_values_the_issue_names(act):
    s = load_standard()
    assert s.get("stage1_deadline") == 2
    assert s.get("stage2_deadline") == 42
    assert s.get("fee") == 305000
    assert s.get("paid_window") == {"from": "02-01", "to": "12-20"}
    assert s.get("provider_hours") == {"from": "09:00", "to": "18:00"}
    assert s.get("provider_lunch") == {"from": "13:00", "to": "14:00"}
    assert s.get("provider_days") == {"from": 0, "to": 4}
    assert s.get("portal_hours") == "round_the_clock"
    assert (s.get("complaint_forward_deadline"), s.get("complaint_decision_deadline"),
            s.get("complaint_quality_body_deadline")) == (3, 5, 15)
    assert sorted(s.refusal_grounds()) == [1, 2, 3, 4]
    assert s.get("n6_index") == "Н6-ӘТМ"  # Cyrillic Н, as printed
    assert s.get("n6_period") == ["06-30", "12-31"]


def test_every_value_has_kazakh_and_russian_labels():
    s = load_standard()
    assert s.ru_is_translation
    for v in s.values.values():
        assert v.label["kk"].strip() and v.label["ru"].strip(), v.key
        assert all(c.start <= c.end for c in v.cite)


def test_a_tampered_value_is_caught(act):
    s = load_standard()
    bad = replace(s, values={**s.values, "fee": replace(s["fee"], value=350000)})
    problems = verify(bad, act)
    assert [p.key for p in problems] == ["fee"]


def test_a_moved_citation_is_caught(act, tmp_path):
    data = {
        "act": {"number": "674", "date": "2022-08-18", "registration_number": "29277"},
        "values": [{"key": "stage1_deadline", "point": "p3", "kind": "working_days", "value": 2,
                    "cite": [{"lines": [300, 310], "quote": "2 (екі) жұмыс күні"}],
                    "label": {"kk": "x", "ru": "y"}}]}
    f = tmp_path / "std.json"
    f.write_text(json.dumps(data), encoding="utf-8")
    problems = verify(load_standard_file(f), act)
    assert len(problems) == 1 and "not on lines 300-310" in problems[0].problem


def test_span_text_joins_the_lines(act):
    assert "42 (қырық екі)" in span_text(act, 144, 144)


@pytest.mark.parametrize(("words", "n"), [("екі", 2), ("қырық екі", 42), ("он бес", 15), ("үш", 3),
                                          ("жиырма", 20), ("бес", 5), ("екі жүз", None)])
def test_kazakh_number(words, n):
    assert kazakh_number(words) == n


def test_derive_rejects_digits_that_disagree_with_words():
    with pytest.raises(ValueError):
        derive("working_days", "3 (бес) жұмыс күні")
    assert derive("working_days", "15 (он бес) жұмыс күні ішінде") == 15
    assert derive("money", "сәйкес 1 250 000 теңгені") == 1250000
    assert derive("day_month_range", "10 наурыз бен 5 қазан") == {"from": "03-10", "to": "10-05"}
    assert derive("time_range", "сағат 8.30-дан 17.00-ге") == {"from": "08:30", "to": "17:00"}


@pytest.mark.parametrize("basis, lang, shown", [
    ("standard, point 3 1), lines 138-140", "kk", "стандарт, 3-тармақтың 1) тармақшасы, 138-140 жолдар"),
    ("standard, point 3 1), lines 138-140", "ru", "стандарт, пункт 3 подпункт 1), строки 138-140"),
    ("rules, point 65, lines 35-37", "kk", "қағидалар, 65-тармақ, 35-37 жолдар"),
    ("rules, point 65, lines 35-37", "ru", "правила, пункт 65, строки 35-37"),
    ("appendix 6, filling guide 10, lines 600", "ru", "приложение 6, пояснение по заполнению, пункт 10, строки 600"),
    ("appendix 6, table header, lines 560-570, 575", "kk", "6-қосымша, кесте тақырыбы, 560-570, 575 жолдар"),
    ("standard, title, lines 120", "ru", "стандарт, название, строки 120"),
    ("standard, point 3 1), lines 138-140", "en", "standard, point 3 1), lines 138-140"),
    ("something else, lines 1", "kk", "something else, lines 1"),  # unknown shapes are shown as they are
])
def test_citation_in_the_readers_language(basis, lang, shown):
    from kzqual.services.standard import citation_label

    assert citation_label(basis, lang) == shown


def test_every_value_cites_in_kk_and_ru():
    """No value of the standard is cited in English on a Kazakh or Russian page."""
    from kzqual.services.standard import citation_label

    for v in load_standard().values.values():
        for lang in ("kk", "ru"):
            label = citation_label(v.where(), lang)
            assert "point" not in label and "lines" not in label, (v.key, label)
