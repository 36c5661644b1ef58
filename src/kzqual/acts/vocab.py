"""Words of the acts' language that the act layer keys on: act types, month names, number words.

Kept in one place so a new spelling (or a new act family) is one edit, and so every pattern in the
act layer agrees on what an "order" or "March" looks like.
"""

from __future__ import annotations

import re

from kzqual.acts.lexicon import entries

# Upper/lower Cyrillic including the Kazakh letters; used to build word-boundary-aware patterns.
CYR_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
CYR_LOWER = "а-яёәғқңөұүһі"
LETTER = f"A-Za-z{CYR_UPPER}{CYR_LOWER}"

# Kazakh month stems -> month number.  Case forms (сәуірдегі, қарашадағы, шілдеде) are the stem
# plus a suffix, so matching the stem at a word start is enough.
KK_MONTHS: dict[str, int] = {
    "қаңтар": 1,
    "ақпан": 2,
    "наурыз": 3,
    "сәуір": 4,
    "мамыр": 5,
    "маусым": 6,
    "шілде": 7,
    "тамыз": 8,
    "қыркүйек": 9,
    "қазан": 10,
    "қараша": 11,
    "желтоқсан": 12,
}

# Forms used when *writing* a Kazakh date (tests round-trip through them): nominative,
# locative ("18 сәуірде") and attributive ("9 сәуірдегі"), following vowel harmony.
KK_MONTH_FORMS: dict[int, tuple[str, str, str]] = {
    1: ("қаңтар", "қаңтарда", "қаңтардағы"),
    2: ("ақпан", "ақпанда", "ақпандағы"),
    3: ("наурыз", "наурызда", "наурыздағы"),
    4: ("сәуір", "сәуірде", "сәуірдегі"),
    5: ("мамыр", "мамырда", "мамырдағы"),
    6: ("маусым", "маусымда", "маусымдағы"),
    7: ("шілде", "шілдеде", "шілдедегі"),
    8: ("тамыз", "тамызда", "тамыздағы"),
    9: ("қыркүйек", "қыркүйекте", "қыркүйектегі"),
    10: ("қазан", "қазанда", "қазандағы"),
    11: ("қараша", "қарашада", "қарашадағы"),
    12: ("желтоқсан", "желтоқсанда", "желтоқсандағы"),
}

# Russian month stems (genitive "марта", nominative "март", prepositional "марте").
RU_MONTHS: dict[str, int] = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,  # мая / май / мае: the stem alone is too short, so the pattern spells the endings
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}

RU_MONTH_GENITIVE: dict[int, str] = {
    1: "января",
    2: "февраля",
    3: "марта",
    4: "апреля",
    5: "мая",
    6: "июня",
    7: "июля",
    8: "августа",
    9: "сентября",
    10: "октября",
    11: "ноября",
    12: "декабря",
}

# Act types: (regex on a word, canonical key), from the vocabulary data (``data/vocab/*.json``,
# kind ``act_type``: each pattern covers the case forms the acts use — бұйрығы, бұйрығымен,
# приказом …).  Joint orders first, so "бірлескен бұйрығы" is never read as a plain order.
ACT_TYPES: list[tuple[str, str]] = sorted(
    ((e.pattern or re.escape(e.words or ""), e.meaning) for e in entries("act_type")),
    key=lambda pm: pm[1] != "joint_order",
)

ACT_TYPE_RE = re.compile(
    "|".join(f"(?P<t{i}>(?<![{LETTER}]){p}(?![{LETTER}]))" for i, (p, _) in enumerate(ACT_TYPES)),
    re.IGNORECASE,
)


def act_type_of(match: re.Match[str]) -> str:
    """The canonical key of a match of :data:`ACT_TYPE_RE`."""
    groups = match.groupdict()
    for i, (_, key) in enumerate(ACT_TYPES):
        if groups.get(f"t{i}"):
            return key
    return "other"


# Number words, for "он күнтізбелік күн", "жиырма бір күн", "десяти календарных дней".
KK_NUMBERS: dict[str, int] = {
    "бір": 1,
    "екі": 2,
    "үш": 3,
    "төрт": 4,
    "бес": 5,
    "алты": 6,
    "жеті": 7,
    "сегіз": 8,
    "тоғыз": 9,
    "он": 10,
    "жиырма": 20,
    "отыз": 30,
    "қырық": 40,
    "елу": 50,
    "алпыс": 60,
}
RU_NUMBERS: dict[str, int] = {
    "одного": 1,
    "один": 1,
    "двух": 2,
    "два": 2,
    "трех": 3,
    "трёх": 3,
    "три": 3,
    "пяти": 5,
    "пять": 5,
    "семи": 7,
    "десяти": 10,
    "десять": 10,
    "четырнадцати": 14,
    "пятнадцати": 15,
    "двадцати": 20,
    "двадцать": 20,
    "тридцати": 30,
    "тридцать": 30,
    "шестидесяти": 60,
}

# Kazakh-only letters: their share tells Kazakh from Russian text.
KK_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"

# Words that end the preamble (the enacting formula), compared with spaces removed because the
# export letter-spaces them.
ENACTING = (
    "БҰЙЫРАМЫН", "БҰЙЫРАМЫЗ", "ПРИКАЗЫВАЮ", "ПРИКАЗЫВАЕМ", "ҚАУЛЫЕТЕДІ", "ҚАУЛЫЕТЕМІН", "ҚАУЛЫЕТЕМІЗ",
    "ПОСТАНОВЛЯЕТ", "ПОСТАНОВЛЯЮ", "ПОСТАНОВЛЯЕМ", "ШЕШІМҚАБЫЛДАДЫ", "РЕШИЛ",
)

# Markers of an approval block (КЕЛІСІЛДІ / СОГЛАСОВАНО), compared with spaces removed.
AGREED = ("КЕЛІСІЛДІ", "КЕЛІСІЛГЕН", "СОГЛАСОВАНО", "СОГЛАСОВАН")
