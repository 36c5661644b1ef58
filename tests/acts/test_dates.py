from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzqual.acts.dates import find_dates, format_date, parse_date


@pytest.mark.parametrize(
    "text,iso",
    [
        ("2014 жылғы 9 сәуірдегі", "2014-04-09"),
        ("2014 жылы 18 сәуірде", "2014-04-18"),
        ("от 31 марта 2017 года", "2017-03-31"),
        ("16.11.2015", "2015-11-16"),
        ("2014 ж. 28 ақпан", "2014-02-28"),
        ("2014 жыл 28 ақпан", "2014-02-28"),
        ("2 0 1 4 жылғы « 9 » сәуірдегі".replace("2 0 1 4", "2014"), "2014-04-09"),
        ("2014 жылғы «9» сәуірдегі", "2014-04-09"),
        ("2015 жылғы 16 қарашадағы № 927", "2015-11-16"),
        ("2014 жылғы 2 қазандағы", "2014-10-02"),
        ("2008 жылғы 9 қаңтардағы", "2008-01-09"),
        ("1999 жылғы 23 шілдедегі Заңының", "1999-07-23"),
        ("2022 жылғы 25 тамызда", "2022-08-25"),
        ("2014 жылғы 07 наурыздағы", "2014-03-07"),
        ("2020 жылғы 1 желтоқсаннан бастап", "2020-12-01"),
        ("2019 жылғы 5 мамырдағы", "2019-05-05"),
        ("2019 жылғы 5 маусымдағы", "2019-06-05"),
        ("2019 жылғы 30 қыркүйектегі", "2019-09-30"),
        ("17 мая 2017 года", "2017-05-17"),
        ("«17» мая 2017 г.", "2017-05-17"),
        ("от 23 ноября 2015 года", "2015-11-23"),
        ("1 января 2020", "2020-01-01"),
        ("от 30.09.2021 № 668", "2021-09-30"),
        ("2021-09-30", "2021-09-30"),
        ("РК от 1 июня 2001 года", "2001-06-01"),
        ("12 декабря 1995 года", "1995-12-12"),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text",
    ["", "2014 ж. «____» ___________", "31.02.2015", "30 февраля 2016 года", "2014 жылғы 32 сәуірдегі",
     "Қазақстан Республикасы", "в мае 2015", "№ 15125"],
)
def test_no_date(text):
    assert parse_date(text) is None


def test_find_dates_keeps_order_and_offsets():
    text = "2014 жылғы 9 сәуірдегі № 161 бұйрығы. Әділет министрлігінде 2014 жылы 18 сәуірде № 9344 тіркелді"
    found = find_dates(text)
    assert [d.iso for d in found] == ["2014-04-09", "2014-04-18"]
    for d in found:
        assert text[d.start : d.end] == d.raw


@settings(max_examples=150, deadline=None)
@given(
    day=st.dates(min_value=dt.date(1991, 12, 16), max_value=dt.date(2099, 12, 31)),
    style=st.sampled_from(["kk_attr", "kk_loc", "kk_short", "ru", "numeric"]),
    prefix=st.sampled_from(["", "Қазақстан Республикасы министрінің ", "приказом от ", "№ 5 "]),
)
def test_format_parse_round_trip(day, style, prefix):
    text = prefix + format_date(day.isoformat(), style) + " № 12 бұйрығы"
    assert parse_date(text) == day.isoformat()
    assert [d.iso for d in find_dates(text)] == [day.isoformat()]


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_in_every_form(month):
    from kzqual.acts.vocab import KK_MONTH_FORMS, RU_MONTH_GENITIVE

    iso = f"2016-{month:02d}-07"
    for form in KK_MONTH_FORMS[month]:
        assert parse_date(f"2016 жылғы 7 {form}") == iso
        assert parse_date(f"2016 жылғы 7-{form}") == iso
        assert parse_date(f"2016 ж. «07» {form.upper()}") == iso
    assert parse_date(f"7 {RU_MONTH_GENITIVE[month]} 2016 года") == iso
    assert parse_date(f"«7» {RU_MONTH_GENITIVE[month].capitalize()} 2016 г.") == iso
