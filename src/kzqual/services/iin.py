"""Kazakhstan's individual identification number (ЖСН / ИИН): 12 digits with a check digit.

Digits 1-6 are the birth date (YYMMDD), digit 7 the century and sex (1-2: 1800s, 3-4: 1900s,
5-6: 2000s), digit 12 a check digit: the sum of digits 1-11 weighted 1..11, modulo 11; if that is
10, weights 3..11,1,2; if again 10 the number is never issued.
"""

from __future__ import annotations

from datetime import date

from kzqual.errors import InputError

_W1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def check_digit(first11: str) -> int | None:
    digits = [int(c) for c in first11]
    c = sum(d * w for d, w in zip(digits, _W1)) % 11
    if c == 10:
        c = sum(d * w for d, w in zip(digits, _W2)) % 11
        if c == 10:
            return None
    return c


def birth_date(iin: str) -> date | None:
    century = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}.get(iin[6])
    if century is None:
        return None
    try:
        return date(century + int(iin[0:2]), int(iin[2:4]), int(iin[4:6]))
    except ValueError:
        return None


def validate_iin(value: str) -> str:
    """The IIN, stripped; :class:`InputError` saying what is wrong otherwise."""
    iin = "".join(str(value).split())
    if len(iin) != 12 or not iin.isdigit():
        raise InputError(f"IIN {value!r} must be 12 digits")
    if birth_date(iin) is None:
        raise InputError(f"IIN {iin}: digits 1-7 are not a valid birth date and century")
    expected = check_digit(iin[:11])
    if expected is None or expected != int(iin[11]):
        raise InputError(f"IIN {iin}: check digit is wrong")
    return iin


def make_iin(born: date, sex: str, serial: int) -> str:
    """An IIN with a valid check digit (for tests and demos); ``sex`` is "m" or "f"."""
    century = {1800: (1, 2), 1900: (3, 4), 2000: (5, 6)}[born.year // 100 * 100]
    digit7 = century[0] if sex == "m" else century[1]
    for s in range(serial, serial + 100):
        first11 = f"{born:%y%m%d}{digit7}{s % 10000:04d}"
        c = check_digit(first11)
        if c is not None:
            return first11 + str(c)
    raise ValueError("no serial gives a valid check digit")
