"""Normalisation of names for matching (specialties, fields, grades): pure string functions.

Matching never changes what is shown: displayed text keeps the act's spelling; these keys are only
compared with each other.
"""

from __future__ import annotations

import re

# Latin letters that the PDF export leaves inside Cyrillic words (see shared README).
_LOOKALIKE = str.maketrans({"i": "і", "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "ё": "е"})
_PUNCT = re.compile(r"[\s\"'«»“”„()\[\].,;:!?/\\–—-]+")

_TRANSLIT = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h", "һ": "h",
    "ц": "c", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}


def name_key(text: str) -> str:
    """Case-, punctuation- and lookalike-insensitive form of a name ("Экономика " -> "экономика")."""
    low = text.lower()
    # Only Cyrillic-context words get the Latin->Cyrillic fold, so Latin codes stay Latin.
    if re.search(r"[а-яәғқңөұүһі]", low):
        low = low.translate(_LOOKALIKE)
    return _PUNCT.sub(" ", low).strip()


def ascii_slug(text: str, limit: int = 48) -> str:
    """An ASCII machine key from a Kazakh/Russian name (transliterated, hyphenated)."""
    out = "".join(_TRANSLIT.get(ch, ch) for ch in name_key(text))
    out = re.sub(r"[^a-z0-9]+", "-", out).strip("-")
    return out[:limit].rstrip("-") or "x"
