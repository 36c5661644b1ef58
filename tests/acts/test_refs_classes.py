"""References as real acts write them (issue 11), one test per class.

Phrases are quoted from TUNING acts of tests/corpus (meta.yaml requisites and notes); the expected
values were read in those phrases.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kzqual.acts.dates import find_dates
from kzqual.acts.reader import parse_file
from kzqual.acts.refs import parse_act_ref

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize("phrase, number, registration", [
    # adilet-1999-2408 meta.yaml: the repealing Justice order's number is its own number
    ("Утратил силу приказом Министра юстиции Республики Казахстан от 31 августа 2012 года № 309", "309", None),
    # a registration is the ministry as the place of registration
    ("Приказ Министерства юстиции Республики Казахстан от 24 февраля 1999 года № 16. Зарегистрирован в "
     "Министерстве юстиции Республики Казахстан 12 наурыздағы 1999 года № 702.", "16", "702"),
    # the Kazakh registration phrase still reads as before
    ("ҚР Әділет министрлігінде 2014 жылы 18 сәуірде № 9344 тіркелді", None, "9344"),
])
def test_justice_order_number_is_its_number(phrase, number, registration):
    ref = parse_act_ref(phrase)
    assert (ref.number, ref.registration_number) == (number, registration)


def test_number_written_with_a_latin_n():
    # adilet-1999-2408 rus.md line 19: "… приказом Министра юстиции РК от 4 ноября 2004 года N 325 ."
    ref = parse_act_ref("Пункт 2 с изменениями - приказом Министра юстиции РК от 4 ноября 2004 года N 325 .")
    assert (ref.issuer, ref.date, ref.number) == ("Министр юстиции РК", "2004-11-04", "325")
    # adilet-2000-5829 meta.yaml: "… от 26 апреля 2000 года N 40 Зарегистрирован … за N 1122."
    ref = parse_act_ref("Приказ Министерства юстиции Республики Казахстан от 26 апреля 2000 года N 40 Зарегистрирован "
                        "в Министерстве юстиции Республики Казахстан 27 апреля 2000 г. за N 1122.")
    assert (ref.number, ref.registration_number) == ("40", "1122")
    # an N that is not a number sign stays text
    assert parse_act_ref("План N-ского района от 1 мая 2001 года").number is None


@pytest.mark.parametrize("text, iso", [
    ("от 29.11.99 г. N 87", "1999-11-29"),
    ("от 05.03.01 года № 4", "2001-03-05"),
    ("12 наурыздағы 1999 года № 702", "1999-03-12"),  # adilet-1999-2408 meta.yaml
])
def test_two_digit_years_and_kazakh_months_in_russian_order(text, iso):
    assert [d.iso for d in find_dates(text)] == [iso]


def test_a_point_number_is_not_a_two_digit_date():
    assert find_dates("согласно пункту 1.2.3 правил") == []
    assert find_dates("пункт 29.11.99") == []  # no year word after it


@pytest.mark.parametrize("phrase, issuer, number", [
    # adilet-2010-55474 meta.yaml
    ("Утратил силу приказом и.о. Министра юстиции Республики Казахстан от 7 марта 2014 года № 99",
     "и.о. Министра юстиции Республики Казахстан", "99"),
    ("Қазақстан Республикасы Әділет министрінің м.а. 2014 жылғы 30 маусымдағы № 190 бұйрығымен",
     "Қазақстан Республикасы Әділет министрінің м.а.", "190"),
])
def test_acting_officials(phrase, issuer, number):
    ref = parse_act_ref(phrase)
    assert (ref.issuer, ref.number) == (issuer, number)


def test_corpus_act_repealed_by_a_justice_order_keeps_the_number():
    # adilet-1999-2408 meta.yaml: "… № 16. Зарегистрирован … № 702. Утратил силу приказом Министра
    # юстиции Республики Казахстан от 31 августа 2012 года № 309"
    act = parse_file(CORPUS / "adilet-1999-2408" / "rus.md").act
    assert act.number == "16"
    assert act.registration.number == "702"
    assert act.repealed_by is not None
    assert (act.repealed_by.number, act.repealed_by.registration_number) == ("309", None)
    assert act.repealed_by.date == "2012-08-31"


def test_a_missing_point_is_a_gap_not_a_swallowed_rest():
    # adilet-2021-155619 rus.md (TUNING): "4\. Возможность регистрации …" (line 55) then
    # "6\. В случае остановки работы ЕНИС …" (line 67): point 5 is not in the text
    from kzqual.positions.warnings import localize

    parsed = parse_file(CORPUS / "adilet-2021-155619" / "rus.md")
    appendix = next(n for n in parsed.structure if n.kind == "appendix")
    chapter1 = appendix.children[0]
    assert [p.label for p in chapter1.children if p.kind == "point"] == ["1", "2", "3", "4", "6", "7", "8"]
    assert chapter1.children[3].lines.end < 67
    chapter2 = appendix.children[1]
    assert [p.label for p in chapter2.children if p.kind == "point"][0] == "9"
    (w,) = [w for w in parsed.warnings if w["code"] == "point_gap"]
    assert w["params"] == {"before": "4", "after": "6"} and w["lines"]["start"] == 67
    assert localize(w, "ru") == "Пункты идут от 4 к 6: пунктов между ними в тексте нет"


def test_a_stamp_broken_before_its_type_word_still_opens_the_appendix():
    # adilet-2014-78827 kaz.md lines 25-29 (TUNING): "Қазақстан Республикасы / Әділет министрінің /
    # 2014 жылғы 20 наурыздағы / № 117 / бұйрығымен бекітілді"
    parsed = parse_file(CORPUS / "adilet-2014-78827" / "kaz.md")
    (appendix,) = [n for n in parsed.structure if n.kind == "appendix"]
    assert appendix.lines.start == 25
    assert appendix.text.endswith("№ 117 бұйрығымен бекітілді")
    assert appendix.title.startswith("Қазақстан Республикасы Әділет министрлігінің")
