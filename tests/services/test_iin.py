from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzqual.errors import InputError
from kzqual.services.iin import birth_date, check_digit, make_iin, validate_iin


def test_a_known_valid_iin():
    iin = make_iin(date(1990, 1, 15), "f", 123)
    assert validate_iin(iin) == iin
    assert birth_date(iin) == date(1990, 1, 15)
    assert iin[6] == "4"


@pytest.mark.parametrize("bad", ["", "12345", "12345678901a", "901315400000", "900115900000"])
def test_malformed(bad):
    with pytest.raises(InputError):
        validate_iin(bad)


def test_wrong_check_digit():
    iin = make_iin(date(2001, 2, 3), "m", 7)
    wrong = iin[:11] + str((int(iin[11]) + 1) % 10)
    with pytest.raises(InputError, match="check digit"):
        validate_iin(wrong)


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2010, 12, 31)), st.sampled_from("mf"),
       st.integers(0, 9999))
def test_made_iins_validate(born, sex, serial):
    iin = make_iin(born, sex, serial)
    assert validate_iin(iin) == iin
    assert check_digit(iin[:11]) == int(iin[11])
