"""The address of an act's official text on Adilet (adilet.zan.kz), built from its registration.

Adilet names an act registered by the Ministry of Justice by a "registration group number": ``V``,
the last two digits of the registration year, and the registration number -- padded to seven
digits with a trailing underscore up to 2010, to eight digits without it from 2011.  Addresses the
pattern was read from (each opens the act it names):

* ``V010001513_`` (2001, reg. 1513), ``V070004771_`` (2007, reg. 4771), ``V090005750_`` (2009,
  reg. 5750);
* ``V1100007355`` (2011), ``V1200008275`` (2012), ``V1500010730`` (2015), ``V1900018509``
  (2019, reg. 18509), ``V2200029930`` (2022, reg. 29930, "Номер группы регистрации: V2200029930").

Acts registered by a regional justice department carry other letters (``V14GD002268``) that the
registration number alone does not give, and 2010 is not attested: for those no address is built
(None), rather than a link that may open another act.
"""

from __future__ import annotations

import datetime as dt
import re

BASE = "https://adilet.zan.kz"
SITE_LANG = {"kk": "kaz", "ru": "rus", "en": "eng"}  # Adilet's language segment per reader's language
LAST_SHORT_YEAR = 2009  # seven digits and "_" up to here (attested 2001-2009)
FIRST_LONG_YEAR = 2011  # eight digits from here (attested 2011-2022)
_DIGITS = re.compile(r"\d{1,8}")


def registration_code(number: str | None, registered_on: str | dt.date | None) -> str | None:
    """``V1500010730`` for registration 10730 of 2015; None when the pattern is not known to hold."""
    if not number or not registered_on:
        return None
    number = str(number).strip()
    if not _DIGITS.fullmatch(number):
        return None
    try:
        year = registered_on.year if isinstance(registered_on, dt.date) else int(str(registered_on)[:4])
    except ValueError:
        return None
    yy = f"{year % 100:02d}"
    if 1995 <= year <= LAST_SHORT_YEAR and len(number) <= 7:
        return f"V{yy}{int(number):07d}_"
    if year >= FIRST_LONG_YEAR:
        return f"V{yy}{int(number):08d}"
    return None


def official_url(number: str | None, registered_on: str | dt.date | None, lang: str = "ru") -> str | None:
    """The act's page on Adilet in the reader's language (Kazakh, Russian or English site)."""
    code = registration_code(number, registered_on)
    if code is None:
        return None
    return f"{BASE}/{SITE_LANG.get(lang, 'rus')}/docs/{code}"
