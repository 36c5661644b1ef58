"""Row and section labels of the three layouts, in Kazakh and Russian, and how to find them.

A label is matched on its *key*: the text with every space removed and lower-cased, so that a
letter-spaced label (``К ә с і б и  құзыреттілігі``), a glued one (``Лауазымғақойылатын...``) and a
label broken over two lines (``Практикалық`` / ``тәжірибесі``) all match.  Both languages are
accepted in acts of either language: the exports put Russian labels inside Kazakh acts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzqual.acts.lexicon import entries, fold, fold_char, words_by_meaning

# criterion -> label variants as printed (kk and ru), from the vocabulary data
# (``data/vocab/*.json``, kinds ``criterion_label`` and ``section_label``): a new wording is one
# data line there.  The matcher takes the longest variant that fits, so "Кәсіби құзыреттілігі"
# never stops at a shorter prefix.
CRITERIA: dict[str, tuple[str, ...]] = words_by_meaning("criterion_label")
# variants that are a label only when nothing follows them on the line (vocabulary ``alone``)
_ALONE = frozenset(fold(e.words) for e in entries("criterion_label") + entries("section_label") if e.alone)

# characteristics acts: the numbered points of one post
SECTIONS: dict[str, tuple[str, ...]] = words_by_meaning("section_label")

# the header row of a criteria table: "Өлшемшарттар Талаптар", "Өлшемдер Талаптар",
# "Критерийлер Талаптар", "Критерии Требования"
CRITERIA_HEADER = ("өлшем", "критери", "белгі")  # word starts: Өлшемшарттар, Критериилер, Белгілер
REQUIREMENTS_WORDS = ("талаптар", "талаптары", "требования")

# the table layout's left header cell, printed over 1-4 lines or glued
TABLE_MARKER = "лауазымғақойылатынбіліктілікталаптары"
TABLE_MARKER_WORDS = ("лауазымға", "қойылатын", "біліктілік", "талаптары")

_SPACE = re.compile(r"\s+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def key(text: str) -> str:
    """The matching key: spaces removed, lower case, Latin look-alikes and dashes unified
    (:func:`kzqual.acts.lexicon.fold`), edge punctuation stripped."""
    return _edges(fold(text))


def _edges(k: str) -> str:
    if k and not (k[0].isalnum() and k[-1].isalnum()):
        k = _EDGE.sub("", k)
    return k


@dataclass(frozen=True, slots=True)
class LabelHit:
    """A label found at the start of a line (or of two joined lines)."""

    name: str  # criterion / section name
    lines_used: int  # 1, or 2 when the label continues on the next line
    rest: str  # text on the (last) label line after the label


def _variants(table: dict[str, tuple[str, ...]]) -> list[tuple[str, str, str]]:
    out = [(name, v, key(v)) for name, vs in table.items() for v in vs]
    return sorted(out, key=lambda t: -len(t[2]))


_CRITERIA_VARIANTS = _variants(CRITERIA)
_SECTION_VARIANTS = _variants(SECTIONS)
_LONGEST = {"criteria": len(_CRITERIA_VARIANTS[0][2]), "sections": len(_SECTION_VARIANTS[0][2])}
# first letters of every label: a cheap filter, since most lines are not labels
_FIRST = {
    "criteria": frozenset(k[0] for _, _, k in _CRITERIA_VARIANTS),
    "sections": frozenset(k[0] for _, _, k in _SECTION_VARIANTS),
}


def strip_label(line: str, label_key: str) -> str | None:
    """Return the text after a label printed at the start of ``line`` (spaces inside ignored)."""
    i = 0
    matched = 0
    while i < len(line) and matched < len(label_key):
        ch = line[i]
        if ch.isspace():
            i += 1
            continue
        if fold_char(ch) != label_key[matched]:
            return None
        matched += 1
        i += 1
    if matched < len(label_key):
        return None
    rest = line[i:]
    # the label must end at a word boundary: "Білімі" must not match "Білімін..."
    if rest and (rest[0].isalpha() or rest[0].isdigit()):
        return None
    return rest.lstrip(" :.-–—").strip()


def may_be_label(line: str, table: str = "criteria") -> bool:
    """False only where :func:`match_label` would surely say None (its first test, inlined
    cheaply for the callers that try every line of a table)."""
    c = line[:1]
    if table != "criteria" or c.isspace():
        return True  # a point number or leading blanks: let match_label decide
    return c.isupper() and fold_char(c) in _FIRST[table]


def match_label(
    line: str, next_line: str | None = None, *, table: str = "criteria", first_cell: str | None = None
) -> LabelHit | None:
    """The label ``line`` starts with, if any.

    ``first_cell``: the line's first table cell where the source has tables (markdown): a label
    that is a whole cell is a label even when the vocabulary accepts it only ``alone``.

    Labels are printed capitalised, so a line must start with an upper-case letter (after a
    point number such as ``3.`` for characteristics sections); this keeps running text such as
    "білімі бар" from being taken for a label.
    """
    variants = _CRITERIA_VARIANTS if table == "criteria" else _SECTION_VARIANTS
    body = line.strip()
    if table != "criteria":
        body = re.sub(r"^\d+\s*\.\s*", "", body)
    if not body or not body[0].isupper() or fold_char(body[0]) not in _FIRST[table]:
        return None
    first_letter = fold_char(body[0])
    # The line's own key (spaces out, lower case) lets most variants be rejected by one
    # ``startswith`` instead of a character walk; exact only when lowering keeps the length.
    squeezed = "".join(body.split())
    lowered = fold(squeezed)
    exact = len(lowered) == len(squeezed)
    for name, _variant, vkey in variants:
        if vkey[0] != first_letter or (exact and not lowered.startswith(vkey)):
            continue
        rest = strip_label(body, vkey)
        if rest is not None and _alone_ok(vkey, rest, first_cell):
            return LabelHit(name, 1, rest)
    fuzzy = _fuzzy(body, variants)
    if fuzzy is not None:
        return LabelHit(fuzzy, 1, "")
    if next_line is not None:
        # a label broken over two lines: the first line is a proper prefix of the label
        first = _edges(lowered)  # == key(body), from the key already computed
        if not first:
            return None
        joined = body + " " + next_line.strip()
        # a line as long as the longest label cannot be a label's first part
        short = len(first) < _LONGEST[table]
        squeezed = "".join(joined.split())
        lowered = fold(squeezed)
        exact = len(lowered) == len(squeezed)
        for name, _variant, vkey in variants if short else ():
            if exact and not lowered.startswith(vkey):
                continue
            if len(first) < len(vkey) and vkey.startswith(first):
                rest = strip_label(joined, vkey)
                if rest is not None and _alone_ok(vkey, rest, None):
                    return LabelHit(name, 2, rest)
        fuzzy = _fuzzy(joined, variants)
        if fuzzy is not None:
            return LabelHit(fuzzy, 2, "")
    return None


def _alone_ok(vkey: str, rest: str, first_cell: str | None) -> bool:
    return vkey not in _ALONE or not rest or (first_cell is not None and key(first_cell) == vkey)


def _fuzzy(text: str, variants: list[tuple[str, str, str]]) -> str | None:
    """A line that is nothing but a misspelt label (``Функионалдық міндеттері``): edit distance
    at most 2 from a variant of 10+ letters."""
    if len(text) > 60 or len(text.split()) > 4:
        return None
    k = key(text)
    if len(k) < 10 or len(k) > 40:
        return None
    for name, _variant, vkey in variants:
        near = k[:3] == vkey[:3] or k[-5:] == vkey[-5:]
        if near and len(vkey) >= 10 and abs(len(vkey) - len(k)) <= 2 and edit_distance(k, vkey, 2) <= 2:
            return name
    return None


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it exceeds ``limit``."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def is_criteria_header(line: str) -> bool:
    """``Өлшемшарттар Талаптар`` and its variants (the criteria table's header row)."""
    words = line.strip().lower().split()
    if len(words) < 2 or len(words) > 3:
        return False
    return words[0].startswith(CRITERIA_HEADER) and words[-1] in REQUIREMENTS_WORDS


def is_unit_header(line: str) -> bool:
    """``Бірлік саны Санаты Лауазым №`` and its damaged variants."""
    if line[:1] not in "БбBб" and not line.lstrip()[:1] in ("Б", "б"):
        return False
    k = key(line)
    return k.startswith("бірлік") and "лауаз" in k and ("саны" in k or "санат" in k)
