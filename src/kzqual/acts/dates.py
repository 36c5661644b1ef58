"""Dates as the acts write them, in Kazakh and Russian, -> ISO strings.

Forms understood::

    2014 жылғы 9 сәуірдегі     2014 жылы 18 сәуірде     2014 жылғы «9» сәуірдегі
    2016 жылдың 1 қаңтарынан   (adilet-2015-96763 kaz.md line 19)
    2014 ж. 28 ақпан           2014 жыл 28 ақпан        (any case form of a Kazakh month)
    от 31 марта 2017 года      31 марта 2017 г.         «17» мая 2017 года
    16.11.2015                 2015-11-16                2010.12.31

Only real calendar dates are returned (31 February is not a date); a blank form date such as
``2014 ж. «____» ___________`` gives nothing rather than a guess.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from kzqual.acts.vocab import KK_MONTH_FORMS, KK_MONTHS, LETTER, RU_MONTH_GENITIVE, RU_MONTHS

_Q = "[«»\"'“”„]?"  # optional quote around a day: «9»
_KK_MONTH = "|".join(sorted(KK_MONTHS, key=len, reverse=True))
_RU_MONTH = "|".join(f"{s}[а-яё]*" for s in sorted(RU_MONTHS, key=len, reverse=True) if s != "ма")
_RU_MONTH += "|ма[йяе]"

_KK = re.compile(
    rf"(?<!\d)(?P<y>\d{{4}})\s*(?:жылғы|жылдың|жылы|жыл|ж\.|ж)\s*{_Q}\s*(?P<d>\d{{1,2}})\s*{_Q}\s*-?\s*"
    rf"(?P<m>{_KK_MONTH})[{LETTER}]*",
    re.IGNORECASE,
)
_RU = re.compile(
    rf"(?<!\d){_Q}(?P<d>\d{{1,2}}){_Q}\s+(?P<m>{_RU_MONTH})(?![{LETTER}])\s*(?P<y>\d{{4}})"
    rf"(?:\s*(?:года|году|год|г\.))?",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d])")
# "29.11.99 г.": a two-digit year, only with the year word after it (a bare "1.2.3" is a point
# number, not a date); 50-99 -> 19xx, 00-49 -> 20xx (the acts span 1991 onwards)
_NUMERIC_SHORT = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{2})(?![\d.]|\.\d)(?=\s*(?:г\.|года|году|ж\.|жыл))"
)
# "12 наурыздағы 1999 года": a Kazakh month in day-month-year order (a Russian requisite written
# with the Kazakh month, adilet-1999-2408 meta.yaml)
_DMY_KK = re.compile(
    rf"(?<!\d){_Q}(?P<d>\d{{1,2}}){_Q}\s+(?P<m>{_KK_MONTH})[{LETTER}]*\s+(?P<y>\d{{4}})(?:\s*(?:года|жылғы|г\.|ж\.))?",
    re.IGNORECASE,
)
# "2010.12.31": year first, the Kazakh footnotes' form (adilet-2006-29604 kaz.md line 23)
_NUMERIC_YMD = re.compile(r"(?<![\d.])(?P<y>\d{4})\.(?P<m>\d{1,2})\.(?P<d>\d{1,2})(?![\d]|\.\d)")
_DIGIT = re.compile(r"\d")
_ISO = re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a text: the ISO value and where it was (character offsets)."""

    iso: str
    start: int
    end: int
    raw: str


def _iso(y: str, m: int, d: str) -> str | None:
    try:
        return _dt.date(int(y), m, int(d)).isoformat()
    except ValueError:
        return None


def _month_kk(word: str) -> int:
    word = word.lower()
    for stem, num in KK_MONTHS.items():
        if word.startswith(stem):
            return num
    return 0


def _month_ru(word: str) -> int:
    word = word.lower()
    if word[:2] == "ма" and len(word) == 3:
        return 5
    for stem, num in RU_MONTHS.items():
        if stem != "ма" and word.startswith(stem):
            return num
    return 0


def find_dates(text: str) -> list[DateMatch]:
    """Every date in ``text``, in order of position; overlapping matches keep the earliest."""
    found: list[DateMatch] = []
    if not _DIGIT.search(text):
        return found  # every form has digits; most lines of an act have none
    low = text.lower()
    kk_month = any(stem in low for stem in KK_MONTHS)
    # Only the forms whose fixed letters occur in the text are searched: each pattern costs a scan
    # of the whole text, and the act reader asks for the dates of many lines (corpus ingest, issue 11).
    for rx, month, needed in ((_KK, _month_kk, kk_month and "ж" in low), (_RU, _month_ru, True),
                              (_DMY_KK, _month_kk, kk_month), (_NUMERIC, None, "." in text),
                              (_NUMERIC_SHORT, None, "." in text), (_NUMERIC_YMD, None, "." in text),
                              (_ISO, None, "-" in text)):
        if not needed:
            continue
        for m in rx.finditer(text):
            num = month(m.group("m")) if month else int(m.group("m"))
            year = m.group("y")
            if len(year) == 2:
                year = ("19" if int(year) >= 50 else "20") + year
            iso = _iso(year, num, m.group("d")) if num else None
            if iso:
                found.append(DateMatch(iso, m.start(), m.end(), m.group(0)))
    found.sort(key=lambda d: (d.start, -d.end))
    result: list[DateMatch] = []
    for d in found:
        if result and d.start < result[-1].end:
            continue
        result.append(d)
    return result


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO ``YYYY-MM-DD``, or None."""
    dates = find_dates(text)
    return dates[0].iso if dates else None


def format_date(iso: str, style: str) -> str:
    """Write an ISO date the way the acts do; the inverse of :func:`parse_date`.

    Styles: ``kk_attr`` (2014 жылғы 9 сәуірдегі), ``kk_loc`` (2014 жылы 18 сәуірде),
    ``kk_short`` (2014 ж. 28 ақпан), ``ru`` (от 31 марта 2017 года), ``numeric`` (16.11.2015).
    """
    d = _dt.date.fromisoformat(iso)
    nom, loc, attr = KK_MONTH_FORMS[d.month]
    if style == "kk_attr":
        return f"{d.year} жылғы {d.day} {attr}"
    if style == "kk_loc":
        return f"{d.year} жылы {d.day} {loc}"
    if style == "kk_short":
        return f"{d.year} ж. {d.day} {nom}"
    if style == "ru":
        return f"от {d.day} {RU_MONTH_GENITIVE[d.month]} {d.year} года"
    if style == "numeric":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    raise ValueError(f"unknown date style {style!r}")
