"""Category codes and position numbers as printed -> canonical ASCII.

``С-3`` (Cyrillic С) -> ``C-3``; ``С-О-4`` in any mix of scripts -> ``C-O-4``; ``С-R-5`` -> ``C-R-5``;
block codes of characteristics acts ``(А3-2-1)`` -> ``A3-2-1``, ``(С1)`` -> ``C1``; corps "А" codes
``А-1``, ``В-1``, ``Е-3``, ``D-О-2``.  The printed form stays in ``Position.category_raw``.
"""

from __future__ import annotations

import re

from kzqual.acts.lexicon import sub_letters
from kzqual.positions.model import ParseWarning
from kzqual.positions.warnings import warn

# Cyrillic letters that stand for Latin ones in codes.  Only capitals are codes; lower case
# look-alikes are accepted because the export sometimes lowers them.
_TO_ASCII = str.maketrans(
    {
        "А": "A", "а": "A", "В": "B", "в": "B", "С": "C", "с": "C", "Е": "E", "е": "E",
        "О": "O", "о": "O", "Р": "R", "р": "R", "Д": "D", "д": "D", "Н": "H", "К": "K",
        "М": "M", "Т": "T", "Х": "X",
    }
)  # fmt: skip
_DASH = r"\s*[-‐‑‒–—−]\s*"

# C-3, C-O-4, C-R-5, D-O-2, E-3, B-1 ... (a letter, optional O/R/G sub-letter, a number)
# the sub-letter's printed forms (О, O, a zero for О; R, Р) are vocabulary data
_SUB_O = sub_letters("O")
_SUB = "".join(sorted(set(_SUB_O + sub_letters("R") + ("G",))))
_CATEGORY = re.compile(
    rf"(?<![\w-])(?P<code>[СCАAВBЕEDД]{_DASH}(?:[{_SUB}]{_DASH})?\d{{1,2}})(?![\w])(?!{_DASH}\d)"
)
_SUB_AS_O = re.compile(rf"^([A-Z])-[{''.join(x for x in _SUB_O if x not in 'OО')}]-(?=\d)")
# Block codes: А3-2-1, А3-3, С1, В2 (a letter glued to a number, then -n groups)
_BLOCK = re.compile(rf"(?<![\w-])(?P<code>[АACСBВEЕDД]\d{{1,2}}(?:{_DASH}\d{{1,2}})*)(?![\w])")


def _ascii(code: str) -> str:
    code = re.sub(_DASH, "-", code.strip())
    # "С-0-1": a zero where the letter О belongs (issue 11) is the sub-letter O
    return _SUB_AS_O.sub(r"\1-O-", code.translate(_TO_ASCII).upper())


def canonical_category(raw: str) -> str | None:
    """The first category or block code in ``raw``, canonical ASCII; None if there is none."""
    if not isinstance(raw, str) or not raw:
        return None
    text = raw.replace("\n", " ")
    m = _CATEGORY.search(text)
    b = _BLOCK.search(text)
    if m and (not b or m.start() <= b.start()):
        return _ascii(m.group("code"))
    if b:
        return _ascii(b.group("code"))
    return None


# A position number: two or more digit groups joined by hyphens ("2-2-1", "01-1-1", "10-2"),
# tolerating a space after a hyphen ("33-1- 2") that the export leaves.
_NUMBER = re.compile(r"(?<![\w/.-])\d{1,3}(?:-\s?\d{1,3})+(?![\w/-])")
_RANGE = re.compile(
    r"(?P<a>\d{1,3}(?:-\s?\d{1,3})+)\s*(?:[–—]|-\s|\.\.\.?|…)\s*(?P<b>\d{1,3}(?:-\s?\d{1,3})+)"
)
_MAX_RANGE = 200  # a longer range is a misreading, not a list of posts
_NOISE = re.compile(r"[№#\s,;.()]|бірлік|бірл\.|единиц\w*|ед\.|и|және|және/немесе|[-–—]")


def expand_numbers_with_warnings(raw: str) -> tuple[list[str], list[ParseWarning]]:
    """Position numbers in ``raw`` and warnings for what could not be read."""
    if not isinstance(raw, str) or not raw:
        return [], []
    numbers: list[str] = []
    warnings: list[ParseWarning] = []
    text = raw.replace("\n", " ")
    covered: list[tuple[int, int]] = []
    for m in _RANGE.finditer(text):
        a = m.group("a").replace(" ", "")
        b = m.group("b").replace(" ", "")
        pa, pb = a.split("-"), b.split("-")
        if len(pa) == len(pb) and pa[:-1] == pb[:-1] and int(pa[-1]) <= int(pb[-1]):
            lo, hi = int(pa[-1]), int(pb[-1])
            if hi - lo <= _MAX_RANGE:
                width = len(pa[-1])
                prefix = "-".join(pa[:-1])
                numbers.extend(f"{prefix}-{str(i).zfill(width)}" for i in range(lo, hi + 1))
                covered.append((m.start(), m.end()))
                continue
        warnings.append(warn("number_range_not_understood", range=repr(m.group(0))))
        covered.append((m.start(), m.end()))
    for m in _NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        value = m.group(0).replace(" ", "")
        if " " in m.group(0):
            warnings.append(warn("number_spaces_read", printed=repr(m.group(0)), number=repr(value)))
        numbers.append(value)
    # Whatever is left besides numbers, separators and "№" is reported, not silently dropped.
    rest = text
    for s, e in covered:
        rest = rest[:s] + " " * (e - s) + rest[e:]
    rest = _NUMBER.sub(" ", rest)
    leftover = _NOISE.sub("", rest)
    if leftover:
        warnings.append(warn("numbers_unreadable_text", text=repr(leftover)))
    seen: set[str] = set()
    unique = [n for n in numbers if not (n in seen or seen.add(n))]
    return unique, warnings


def expand_numbers(raw: str) -> list[str]:
    """``№ 2-2-1`` -> ["2-2-1"]; ``№№ 4-3-1, 4-3-2`` -> both; ``4-3-1 – 4-3-3`` -> three."""
    return expand_numbers_with_warnings(raw)[0]
