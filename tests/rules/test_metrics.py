from datetime import date

import pytest

from kzqual.errors import InputError
from kzqual.rules.grades import canonical_grade, is_higher
from kzqual.rules.metrics import compute_metrics, required_days, union_days
from kzqual.rules.profile import parse_profile

try:  # tests/ may or may not be a package
    from .rules_helpers import job, profile
except ImportError:
    try:
        from .rules_helpers import job, profile
    except ImportError:
        from rules_helpers import job, profile


def _m(work, as_of=date(2024, 1, 1)):
    return compute_metrics(profile(work=work), as_of, lambda n, c: None)


def test_union_counts_overlaps_once():
    assert union_days([(0, 10), (5, 15), (20, 25)]) == 20
    assert union_days([(5, 15), (0, 10)]) == 15
    assert union_days([]) == 0


def test_state_service_overlapping_posts_counted_once():
    m = _m([job("2020-01-01", "2020-12-31", state_service=True), job("2020-07-01", "2021-12-31", state_service=True)])
    assert m.days("state_service") == 731  # 2020 (366) + 2021 (365)


def test_open_period_runs_to_as_of_and_future_is_ignored():
    m = _m([job("2023-01-01", state_service=True), job("2025-01-01", "2026-01-01", state_service=True)])
    assert m.days("state_service") == 366  # 2023-01-01 .. 2024-01-01 inclusive


def test_three_calendar_years_are_three_years():
    m = _m([job("2021-01-01", "2023-12-31", state_service=True)])
    assert m.days("state_service") >= required_days(3)
    m = _m([job("2021-01-02", "2023-12-31", state_service=True)])
    assert m.days("state_service") < required_days(3)


def test_leadership_in_state_bodies_needs_both_flags():
    m = _m([job("2020-01-01", "2020-12-31", leadership=True), job("2021-01-01", "2021-12-31", leadership=True,
                                                                  state_body=True)])
    assert m.days("leadership") == 731
    assert m.days("leadership_state") == 365


def test_grade_years_exact_and_or_higher():
    m = _m([job("2019-01-01", "2019-12-31", grade="инспектор второй категории"),
            job("2020-01-01", "2021-12-31", grade="инспектор первой категории")])
    assert m.grade_days("second") == 365
    assert m.grade_days("second", or_higher=True) == 365 + 731
    assert m.grade_days("any_ladder") == 365 + 731


@pytest.mark.parametrize("raw,key", [
    ("С-4", "C-4"), ("C-O-3", "C-O-3"), ("С-R-5", "C-R-5"), ("инспектор высшей категории", "highest"),
    ("без категории", "none"), ("бірінші санатты", "first"), ("A3-2-1", "A3-2-1"), ("junk", None),
])
def test_canonical_grade(raw, key):
    assert canonical_grade(raw) == key


def test_grade_order():
    assert is_higher("C-3", "C-4") and not is_higher("C-4", "C-3")
    assert is_higher("first", "second") and not is_higher("C-O-3", "C-4")


def test_bad_profiles_are_input_errors():
    with pytest.raises(InputError, match="malformed JSON"):
        parse_profile("{nope")
    with pytest.raises(InputError, match="education.0.level"):
        parse_profile('{"education": [{"level": "kindergarten"}]}')
    with pytest.raises(InputError, match="before it starts"):
        parse_profile('{"work": [{"employer": "X", "start": "2020-01-01", "end": "2019-01-01"}]}')
    with pytest.raises(InputError, match="JSON object"):
        parse_profile("[1, 2]")


def test_education_completed_after_as_of_does_not_count():
    p = profile(education=[{"level": "higher", "completed": "2025-06-30"}])
    assert compute_metrics(p, date(2024, 1, 1), lambda n, c: None).education == []
    assert len(compute_metrics(p, date(2025, 7, 1), lambda n, c: None).education) == 1
