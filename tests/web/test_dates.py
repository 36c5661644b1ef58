"""Dates in the reader's locale: the one helper (kzqual.web.dates) and its Jinja filters."""

from __future__ import annotations

import datetime as dt

import pytest

from kzqual.web.dates import format_date, format_datetime
from kzqual.web.render import templates


@pytest.mark.parametrize("lang, expected", [
    ("kk", "6 желтоқсан 2026, 10:00"),
    ("ru", "6 декабря 2026, 10:00"),
    ("en", "6 December 2026, 10:00"),
])
def test_datetime_in_each_language(lang, expected):
    assert format_datetime("2026-12-06T10:00:00", lang) == expected
    assert format_datetime(dt.datetime(2026, 12, 6, 10, 0), lang) == expected


@pytest.mark.parametrize("value, lang, expected", [
    ("2026-02-10", "kk", "10 ақпан 2026"),
    (dt.date(2024, 5, 1), "ru", "1 мая 2024"),
    ("2024-03-08T23:59", "en", "8 March 2024"),  # a datetime's day
    ("2024-01-31", "en", "31 January 2024"),
])
def test_date(value, lang, expected):
    assert format_date(value, lang) == expected


def test_aware_times_are_shown_in_kazakhstan_time():
    # 2026-12-06 05:00 UTC is 10:00 in Astana (UTC+5); the day can change across midnight
    assert format_datetime("2026-12-06T05:00:00Z", "en") == "6 December 2026, 10:00"
    assert format_date("2026-12-06T21:30:00+00:00", "en") == "7 December 2026"


def test_a_date_alone_stays_a_date_and_junk_is_kept():
    assert format_datetime("2026-12-06", "ru") == "6 декабря 2026"
    assert format_date("в течение 5 дней", "ru") == "в течение 5 дней"  # never silently dropped
    assert format_date(None, "kk") == "" and format_datetime("", "kk") == ""


def test_jinja_filters_use_the_page_language():
    tpl = templates.env.from_string("{{ d | date }} / {{ m | datetime }}")
    assert tpl.render(d="2026-12-06", m="2026-02-10T10:00", lang="kk") == "6 желтоқсан 2026 / 10 ақпан 2026, 10:00"
    assert tpl.render(d="2026-12-06", m="2026-02-10T10:00", lang="en") == "6 December 2026 / 10 February 2026, 10:00"
