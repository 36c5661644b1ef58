"""Grades and categories held or required: canonical ASCII keys and their order.

Two families are compared:

* the grade ladder of the characteristics acts: ``highest`` > ``first`` > ``second`` > ``none``
  ("инспектор высшей / первой / второй категории", "без категории"; Kazakh "жоғары / бірінші /
  екінші санатты", "санатсыз");
* civil-service categories ``C-3``, ``C-O-4``, ``C-R-5``...: within one family (same letters), a
  smaller number is a higher category.
"""

from __future__ import annotations

import re

LADDER = ("none", "second", "first", "highest")  # low -> high

_LADDER_WORDS = (
    ("highest", re.compile(r"высш\w* категор|жоғары санат|highest")),
    ("first", re.compile(r"перв\w* категор|бірінші санат|first")),
    ("second", re.compile(r"втор\w* категор|екінші санат|second")),
    ("none", re.compile(r"без категор|санатсыз|without categor")),
)
# Cyrillic lookalikes of the Latin letters used in category codes.
_CODE_FOLD = str.maketrans({"С": "C", "О": "O", "Е": "E", "А": "A", "Р": "R", "В": "B", "Д": "D", "Ө": "O"})
_CODE = re.compile(r"^([A-Z](?:-[A-Z])*)(-?)(\d+)((?:-\d+)*)$")


def canonical_grade(raw: str | None) -> str | None:
    """``"инспектор второй категории"`` -> ``"second"``; ``"С-4"`` -> ``"C-4"``; else None."""
    if not raw:
        return None
    text = raw.strip()
    low = text.lower()
    if low in LADDER:
        return low
    for key, rx in _LADDER_WORDS:
        if rx.search(low):
            return key
    code = re.sub(r"[\s\u2010-\u2015_]+", "-", text.upper().translate(_CODE_FOLD)).strip("-")
    code = re.sub(r"-+", "-", code)
    m = _CODE.match(code)
    if m:
        return f"{m.group(1)}{m.group(2)}{m.group(3)}{m.group(4)}"
    return None


def _family(grade: str) -> tuple[str, tuple[int, ...]] | None:
    m = _CODE.match(grade)
    if not m:
        return None
    nums = (int(m.group(3)),) + tuple(int(x) for x in m.group(4).split("-") if x)
    return m.group(1), nums


def is_higher(held: str, required: str) -> bool:
    """True when ``held`` is strictly above ``required`` in the same family."""
    if held in LADDER and required in LADDER:
        return LADDER.index(held) > LADDER.index(required)
    a, b = _family(held), _family(required)
    if a is None or b is None or a[0] != b[0] or len(a[1]) != len(b[1]) or len(a[1]) != 1:
        return False  # block codes (A3-2-1) are not ranked: no order is stated
    return a[1][0] < b[1][0]


def is_ladder(grade: str) -> bool:
    return grade in LADDER


# ---------------------------------------------------------------- the post a grade is held in
_GRADE_PHRASE = re.compile(
    r"(?:высш|перв|втор)\w*\s+категор\w*|без\s+категор\w*|(?:жоғары|бірінші|екінші)\s+санат\w*|санатсыз\w*",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]{3,}")
_ENDING = re.compile(r"(?:ом|ем|ой|ей|ами|ах|ы|а|я|у|ю|е|и)$")


def post_stem(word: str) -> str:
    """The stem a rung's post is compared by: "инспектора" -> "инспектор" (a Russian case ending
    dropped; the act writes "в должности инспектора")."""
    w = word.lower().strip()
    stem = _ENDING.sub("", w)
    return stem if len(stem) >= 4 else w


def post_words(post: str | None, grade: str | None) -> str | None:
    """The post a work period was held in, lower case: its ``post``, else the words its ``grade``
    text gives beside the grade ("инспектор второй категории" -> "инспектор"); None = not stated."""
    text = (post or "").strip()
    if not text and grade and canonical_grade(grade) in LADDER:
        text = _GRADE_PHRASE.sub(" ", grade)
    words = _WORD.findall(text.lower())
    return " ".join(words) if words else None


def post_status(stem: str, words: str | None) -> int:
    """Is a period's post (``post_words``) the post ``stem`` names?  1 yes (its head word), 0
    unknown (no post stated, or the stem only in a later word: "старший инспектор"), -1 no."""
    if words is None:
        return 0
    tokens = words.split()
    if tokens[0].startswith(stem):
        return 1
    return 0 if any(t.startswith(stem) for t in tokens[1:]) else -1


EXACT, HIGHER, UNKNOWN, OTHER = 0, 1, 2, 3  # a held grade against a required one


def grade_class(required: str, held: str | None) -> int:
    """How a period's grade stands to ``required`` ("any_ladder": any rung of the ladder): the same,
    higher, unknown (not stated, or written in words the engine cannot read), or other."""
    if held is None:
        return UNKNOWN
    if required == "any_ladder":
        return EXACT if is_ladder(held) else OTHER
    if held == required:
        return EXACT
    return HIGHER if is_higher(held, required) else OTHER
