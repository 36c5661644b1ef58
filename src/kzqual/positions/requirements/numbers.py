"""Numbers written in words or digits, and "not less than N years" phrases (kk, ru).

``үш жылдан кем емес`` -> 3, ``не менее одного года`` -> 1, ``2 (екі) жыл`` -> 2,
``жарты жыл`` -> 0.5.  Numerals are matched by stem so every case form is covered
(``үш``/``үшінші`` is not a cardinal, so ordinals are excluded explicitly).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Stems of cardinal numerals.  A numeral is a stem followed by a case ending; the Russian forms
# differ enough (один/одного/одному, два/двух) that each is listed whole.
_KK_UNITS = {
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9,
}  # fmt: skip
_KK_TENS = {"он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50}
_KK_HALF = {"жарты": 0.5, "жарым": 0.5}  # "жарты жыл" 0.5, "бір жарым жыл" 1.5

_RU_WORDS = {
    # 1..20 in every case form used with "год"/"лет"
    "один": 1, "одного": 1, "одному": 1, "одним": 1, "одном": 1, "одна": 1, "одной": 1,
    "два": 2, "двух": 2, "двум": 2, "двумя": 2, "две": 2,
    "три": 3, "трех": 3, "трёх": 3, "трем": 3, "трём": 3, "тремя": 3,
    "четыре": 4, "четырех": 4, "четырёх": 4, "четырем": 4, "четырём": 4, "четырьмя": 4,
    "пять": 5, "пяти": 5, "пятью": 5,
    "шесть": 6, "шести": 6, "шестью": 6,
    "семь": 7, "семи": 7, "семью": 7,
    "восемь": 8, "восьми": 8, "восемью": 8,
    "девять": 9, "девяти": 9, "девятью": 9,
    "десять": 10, "десяти": 10, "десятью": 10,
    "одиннадцать": 11, "одиннадцати": 11, "двенадцать": 12, "двенадцати": 12,
    "тринадцать": 13, "тринадцати": 13, "четырнадцать": 14, "четырнадцати": 14,
    "пятнадцать": 15, "пятнадцати": 15, "шестнадцать": 16, "шестнадцати": 16,
    "семнадцать": 17, "семнадцати": 17, "восемнадцать": 18, "восемнадцати": 18,
    "девятнадцать": 19, "девятнадцати": 19,
    "двадцать": 20, "двадцати": 20, "двадцатью": 20,
    "тридцать": 30, "тридцати": 30, "сорок": 40, "сорока": 40,
    "пятьдесят": 50, "пятидесяти": 50,
    "полгода": 0.5, "полугода": 0.5, "половина": 0.5, "полтора": 1.5, "полутора": 1.5,
}  # fmt: skip

# Kazakh case endings after a numeral stem (nominative has none): бір-ден, екі-ден, үш-тен,
# бес-тен, алты-дан, он-нан, жиырма-дан, бір-ге, екі-ні, үш-ке ...
# Locative forms (-да/-де) are left out: "онда" is "there", not "in ten".
_KK_ENDING = r"(?:дан|ден|тан|тен|нан|нен|ға|ге|қа|ке|на|не|ны|ні|ды|ді|ты|ті|ның|нің|дың|дің|тың|тің)?"

_WORD_RE = re.compile(r"[^\W\d_]+(?:\s*-\s*[^\W\d_]+)?", re.UNICODE)
_DIGITS_RE = re.compile(r"(?<![\d.,/-])(\d{1,3}(?:[.,]\d+)?)(?![\d/-]|[.,]\d)")


def _kk_word_value(word: str) -> float | None:
    w = word.lower()
    for table in (_KK_UNITS, _KK_TENS, _KK_HALF):
        for stem, value in table.items():
            if w.startswith(stem) and re.fullmatch(_KK_ENDING, w[len(stem) :]):
                return value
    return None


def _ru_word_value(word: str) -> float | None:
    return _RU_WORDS.get(word.lower().replace("ё", "е")) or _RU_WORDS.get(word.lower())


def words_to_number(text: str, lang: str) -> float | None:
    """The number written in ``text`` (words or digits), or None.

    Compound numerals add up: ``он екі`` -> 12, ``двадцать пять`` -> 25.  ``2 (екі)``: the digits
    win (the words repeat them).  Returns an int-valued float for whole numbers.
    """
    if not text or not isinstance(text, str):
        return None
    m = _DIGITS_RE.search(text)
    if m:
        try:
            return float(m.group(1).replace(",", "."))
        except ValueError:  # pragma: no cover - the regex only admits numbers
            return None
    value_of = _kk_word_value if lang == "kk" else _ru_word_value
    total: float | None = None
    for wm in _WORD_RE.finditer(text):
        v = value_of(wm.group(0))
        if v is None and lang not in ("kk", "ru"):
            v = _kk_word_value(wm.group(0)) or _ru_word_value(wm.group(0))
        if v is None:
            if total is not None:
                break  # the numeral has ended
            continue
        if total is not None and v >= 10 and total >= 1 and v > total:
            break  # "бір ... он" is not one numeral
        total = v if total is None else total + v
    return None if total is None else float(total)


# ---------------------------------------------------------------------------- years phrases


@dataclass(frozen=True, slots=True)
class YearsMatch:
    """One "N years" phrase: the number, whether it is a minimum, and where it is in the text."""

    years: float
    minimum: bool  # "кем емес" / "не менее"
    start: int
    end: int
    text: str


_KK_NUM_WORD = (
    r"(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|жарты|жарым)" + _KK_ENDING
)
_RU_NUM_WORD = "|".join(sorted((re.escape(w) for w in _RU_WORDS), key=len, reverse=True))
_NUM_DIGITS = r"\d{1,2}(?:[.,]5)?(?:\s*\(\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s*\))?"

# Found in two steps for speed: the unit ("жыл...", "лет/года") is a cheap literal search; the
# number is then read from the few characters before it, and "кем емес"/"не менее" around it.
_KK_UNIT = re.compile(r"жыл(?:дан|ды|ға|ы|дың)?\b", re.I)  # not "жылғы" (a date), "жылдық"
_RU_UNIT = re.compile(r"(?:лет|года|год|годам|годами)\b", re.I)
_LOOKBACK = 48
# The number right before the unit: "үш ", "2 (екі) ", "он екі ", "одного ".
_KK_NUM_BEFORE = re.compile(
    rf"(?<![\w.,/-])(?P<num>{_NUM_DIGITS}|{_KK_NUM_WORD}(?:\s+{_KK_NUM_WORD})?)\s+$", re.I
)
_RU_NUM_BEFORE = re.compile(
    rf"(?P<min>не\s+менее\s+|не\s+меньше\s+)?"
    rf"(?<![\w.,/-])(?P<num>{_NUM_DIGITS}|(?:{_RU_NUM_WORD})(?:\s+(?:{_RU_NUM_WORD}))?)\s+$",
    re.I,
)
_KK_MIN_AFTER = re.compile(r"\s+(?:кем|аз)\s+емес", re.I)
_RU_HALF = re.compile(r"(?P<min>не\s+менее\s+)?(?P<num>полу?года)\b", re.I)


def find_years(text: str, lang: str) -> list[YearsMatch]:
    """Every "N years" phrase in ``text``, in order.  Never raises."""
    if not text or not isinstance(text, str):
        return []
    out: list[YearsMatch] = []
    ru = lang == "ru"
    unit_re, before_re = (_RU_UNIT, _RU_NUM_BEFORE) if ru else (_KK_UNIT, _KK_NUM_BEFORE)
    for u in unit_re.finditer(text):
        if u.start() > 0 and text[u.start() - 1].isalpha():
            continue  # inside a word
        lo = max(0, u.start() - _LOOKBACK)
        m = before_re.search(text, lo, u.start())
        if m is None:
            continue
        value = words_to_number(m.group("num"), lang)
        if value is None:
            continue
        end = u.end()
        minimum = bool(m.groupdict().get("min"))
        if not ru:
            after = _KK_MIN_AFTER.match(text, end)
            if after:
                minimum, end = True, after.end()
        out.append(YearsMatch(value, minimum, m.start(), end, text[m.start() : end]))
    if ru and "пол" in text:
        for m in _RU_HALF.finditer(text):
            out.append(YearsMatch(0.5, bool(m.group("min")), m.start(), m.end(), m.group(0)))
        out.sort(key=lambda y: y.start)
    return out
