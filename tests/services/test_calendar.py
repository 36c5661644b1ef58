"""The working-day calendar against real Kazakh dates."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from kzqual.errors import InputError
from kzqual.services.calendar import WorkCalendar, load_overrides, parse_moment
from kzqual.services.deadlines import count
from kzqual.services.settings import Settings


@pytest.fixture(scope="module")
def cal():
    return WorkCalendar()


def test_nauryz_and_independence_day_are_days_off(cal):
    for d in (date(2024, 3, 21), date(2024, 3, 22), date(2025, 3, 21), date(2026, 3, 23)):
        assert not cal.is_working_day(d), d
    assert not cal.is_working_day(date(2024, 3, 25))  # Nauryz on Saturday 23 March -> Monday 25 off
    assert not cal.is_working_day(date(2024, 12, 16))  # Independence Day, a Monday
    assert cal.is_working_day(date(2024, 12, 17))
    assert cal.info(date(2024, 12, 16)).source == "holidays"


def test_government_transfer_of_a_day_off(cal):
    # 2024: Saturday 4 May worked, Wednesday 8 May off (between 7 May and 9 May).
    assert cal.is_working_day(date(2024, 5, 4))
    assert not cal.is_working_day(date(2024, 5, 8))
    # 2022: Saturday 5 March worked, Monday 7 March off.
    assert cal.is_working_day(date(2022, 3, 5))
    assert not cal.is_working_day(date(2022, 3, 7))


def test_weekends(cal):
    assert not cal.is_working_day(date(2024, 6, 8))  # Saturday
    assert not cal.is_working_day(date(2024, 6, 9))
    assert cal.is_working_day(date(2024, 6, 10))


def test_counting_across_nauryz(cal):
    # Wednesday 20 March 2024 + 2 working days: 21, 22 (holidays), 23-24 weekend, 25 observed ->
    # 26 is day 1, 27 day 2.
    assert cal.add_working_days(date(2024, 3, 20), 2) == date(2024, 3, 27)
    assert cal.working_days_between(date(2024, 3, 20), date(2024, 3, 27)) == 2


def test_first_day_setting_changes_the_due_date(cal):
    start = date(2024, 6, 10)  # Monday
    assert count(cal, start, 2, Settings()) == date(2024, 6, 12)
    assert count(cal, start, 2, Settings(first_day="same")) == date(2024, 6, 11)
    # Starting on a day off, "same" counts the next working day as day 1.
    assert count(cal, date(2024, 6, 8), 2, Settings(first_day="same")) == date(2024, 6, 11)


@pytest.mark.parametrize(("moment", "day"), [
    ("2024-06-10T17:59", date(2024, 6, 10)),  # Monday, before closing
    ("2024-06-10T18:00", date(2024, 6, 11)),  # at closing -> next working day
    ("2024-06-10T08:00", date(2024, 6, 10)),  # before opening: still that working day
    ("2024-06-14T19:30", date(2024, 6, 17)),  # Friday evening -> Monday
    ("2024-06-15T10:00", date(2024, 6, 17)),  # Saturday
    ("2024-12-16T10:00", date(2024, 12, 17)),  # Independence Day
    ("2024-03-20T18:30", date(2024, 3, 26)),  # evening before Nauryz
])
def test_acceptance_day_after_hours_rule(cal, moment, day):
    assert cal.acceptance_day(parse_moment(moment)) == day


def test_override_file_adds_transfers(tmp_path):
    f = tmp_path / "ov.json"
    f.write_text(json.dumps({
        "days_off": [{"date": "2026-01-09", "note": "transfer", "source": "decree X"}],
        "working_days": ["2026-01-03"]}), encoding="utf-8")
    cal = WorkCalendar(load_overrides(f))
    assert not cal.is_working_day(date(2026, 1, 9))
    assert cal.info(date(2026, 1, 9)).reason == "transfer (decree X)"
    assert cal.is_working_day(date(2026, 1, 3))
    assert WorkCalendar().is_working_day(date(2026, 1, 9))  # the bundled calendar is unchanged


@pytest.mark.parametrize("content", ["{", "[]", '{"days_off": "2026-01-01"}', '{"days_off": [{"x": 1}]}',
                                     '{"days_off": ["2026-13-01"]}',
                                     '{"days_off": ["2026-01-05"], "working_days": ["2026-01-05"]}'])
def test_bad_override_files(tmp_path, content):
    f = tmp_path / "ov.json"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        load_overrides(f)


def test_missing_override_file(tmp_path):
    with pytest.raises(InputError):
        load_overrides(tmp_path / "nope.json")


def test_bundled_overrides_load():
    ov = load_overrides()
    assert set(ov.days_off).isdisjoint(ov.working_days)


def test_parse_moment():
    assert parse_moment("2024-06-10") == datetime(2024, 6, 10, 0, 0)
    assert parse_moment("2024-06-10T09:30") == datetime(2024, 6, 10, 9, 30)
    with pytest.raises(InputError):
        parse_moment("10.06.2024")


from hypothesis import given, settings as hsettings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_CAL = WorkCalendar()


@hsettings(max_examples=80, deadline=None)
@given(st.dates(min_value=date(2022, 1, 1), max_value=date(2026, 10, 31)), st.integers(0, 60))
def test_adding_working_days_lands_on_a_working_day_and_counts_back(start, n):
    due = _CAL.add_working_days(start, n)
    assert due >= start
    if n:
        assert _CAL.is_working_day(due)
        assert _CAL.working_days_between(start, due) == n
        assert _CAL.working_days_between(start, due - timedelta(days=1)) == n - 1


@hsettings(max_examples=60, deadline=None)
@given(st.datetimes(min_value=datetime(2022, 1, 1), max_value=datetime(2026, 11, 30)))
def test_acceptance_day_is_a_working_day_not_before_the_moment(moment):
    day = _CAL.acceptance_day(moment)
    assert _CAL.is_working_day(day) and day >= moment.date()
    if day == moment.date():
        assert moment.time() < _CAL.close_at
