"""Latin letters inside Cyrillic words (``i`` for ``і``): find and repair them.

Only words that mix scripts are touched.  Wholly Latin words (``Word``, ``E-mail``) and category
codes (``С-R-5``, whose ``R`` stands alone between hyphens) are left as printed; the positions layer
canonicalises category codes separately.
"""

from __future__ import annotations

import re

LATIN_TO_CYRILLIC = {
    "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "k": "к",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О",
    "P": "Р", "T": "Т", "X": "Х", "Y": "У",
}  # fmt: skip

# A word is a maximal run of letters.  One greedy class with nothing after it matches in linear
# time; the former ``[^\W\d_]*[A-Za-z][^\W\d_]*`` restarted at every letter of a word without a
# Latin letter and backtracked across the rest of it: quadratic (issue 10: a 40,000-letter word
# and a Latin letter on one line took 68 s).  Words without a Latin letter are skipped in Python.
_WORD = re.compile(r"[^\W\d_]+")
# Only lines holding a Latin letter can need a repair; most lines have none (fast path).
_HAS_LATIN = re.compile(r"[A-Za-z]")


def _latin_words(line: str):
    """Matches of the words of ``line`` that hold a Latin letter."""
    return (m for m in _WORD.finditer(line) if _HAS_LATIN.search(m.group(0)))


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f"


def repair_word(word: str) -> str | None:
    """The repaired word, or None if ``word`` needs no repair (or cannot be repaired safely)."""
    has_cyr = any(_is_cyrillic(c) for c in word)
    latin = [c for c in word if c.isascii()]
    if not has_cyr or not latin:
        return None
    if any(c not in LATIN_TO_CYRILLIC for c in latin):
        return None  # a Latin letter with no Cyrillic twin: leave it and let a warning say so
    return "".join(LATIN_TO_CYRILLIC.get(c, c) if c.isascii() else c for c in word)


def has_latin(line: str) -> bool:
    """Whether ``line`` holds any Latin letter (else no look-alike work is needed)."""
    return _HAS_LATIN.search(line) is not None


def repair_line(line: str) -> tuple[str, list[tuple[str, str]]]:
    """Return the repaired line and the list of ``(raw_word, fixed_word)`` repairs."""
    repairs: list[tuple[str, str]] = []
    if not _HAS_LATIN.search(line):
        return line, repairs

    def sub(match: re.Match[str]) -> str:
        word = match.group(0)
        fixed = repair_word(word) if _HAS_LATIN.search(word) else None
        if fixed is None:
            return word
        repairs.append((word, fixed))
        return fixed

    return _WORD.sub(sub, line), repairs


def mixed_unrepairable(line: str) -> list[str]:
    """Words that mix scripts but could not be repaired (for warnings)."""
    out: list[str] = []
    if not _HAS_LATIN.search(line):
        return out
    for m in _latin_words(line):
        w = m.group(0)
        if any(_is_cyrillic(c) for c in w) and any(c.isascii() for c in w) and repair_word(w) is None:
            out.append(w)
    return out
