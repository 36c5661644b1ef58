"""Clean lines -> paragraphs: undo the export's line breaks inside sentences and words.

:func:`paragraphs` merges consecutive clean lines of one :class:`CleanText` into
paragraphs (each a :class:`CleanLine` whose ``raw_start..raw_end`` spans the raw lines it joined);
:func:`join_text` glues a run of lines into one string.  ``CleanText.lines`` itself is left
alone: layout parsers need the line structure.

Where a paragraph ends is a judgement on weak signals, so the rules are conservative:

* an indented raw line (three or more spaces: the export's paragraph indent) or a line that
  starts with a list marker (``1)``, ``2.``, ``а)``, ``-``) starts a paragraph;
* after sentence-final punctuation (``.;:!?``) a line starting with a capital, digit or quote
  starts a paragraph; one starting in lowercase continues the sentence;
* a line starting in lowercase or with punctuation (``, оның``, ``» заңдарын``), or whose raw
  line starts with a space (the hyperlink displacement leaves one), continues the paragraph,
  even across a page break; so does a line when both it and the previous one show displacement;
* otherwise, a capitalised line continues the paragraph unless a blank run separates them or the
  previous line is a short label (``Білімі``, ``Функционалдық міндеттері``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from kzqual.text.displaced import has_displacement
from kzqual.text.model import CleanLine, CleanText

_LIST_MARKER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)](?:\s|$)|[а-яәіңғүұқөһa-z]\)\s|[-–—•]\s)")
_TERMINAL_CHARS = (".", ";", ":", "!", "?")
_CONTINUATION_PUNCT = tuple(",;:»)]”")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# A short label line: a few words, no digits, no punctuation at the end.
_LABEL_MAX_WORDS = 3
_LABEL_MAX_CHARS = 40


def paragraphs(ct: CleanText, *, vocabulary: set[str] | None = None) -> list[CleanLine]:
    """Merge ``ct.lines`` into paragraphs; raw ranges come in order and never overlap.

    ``vocabulary`` (lowercase words) decides line-end hyphens and mid-word breaks in
    :func:`join_text`; by default it is built from the text itself.
    """
    if vocabulary is None:
        vocabulary = build_vocabulary(ct.lines)
    groups: list[list[CleanLine]] = []
    for line in ct.lines:
        if groups and _continues(groups[-1][-1], line, ct.raw_lines):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [
        CleanLine(
            text=join_text(g, vocabulary=vocabulary),
            raw_start=g[0].raw_start,
            raw_end=g[-1].raw_end,
            after_gap=g[0].after_gap,
        )
        for g in groups
    ]


def build_vocabulary(lines: Iterable[CleanLine]) -> set[str]:
    """Lowercase words (hyphenated compounds whole) that occur inside lines of the text."""
    # One findall over the whole text: far cheaper than one per line.
    return set(_WORD.findall("\n".join(line.text for line in lines).lower()))


def join_text(lines: Sequence[CleanLine | str], *, vocabulary: set[str] | None = None) -> str:
    """Join broken lines into one string.

    A line ending in a hyphen right after a letter or digit (``әскери-``, ``13-бабы 5-``) is
    joined without a space, hyphen kept: in these acts such hyphens are compounds and number
    suffixes (``5-тармағына``), not syllable breaks.  The hyphen is dropped only when the
    ``vocabulary`` knows the joined word and not the hyphenated one.  A line ending with a
    spaced dash (``Күші жойылды -``) is an ordinary word gap.  A mid-word break without hyphen
    (``департамен`` / ``ттің``) is mended only when the vocabulary knows the whole word and
    does not know the two halves.
    """
    texts = [x.text if isinstance(x, CleanLine) else x for x in lines]
    out = ""
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if not out:
            out = t
            continue
        out = _join_pair(out, t, vocabulary)
    return out


def _join_pair(left: str, right: str, vocab: set[str] | None) -> str:
    if left.endswith("-") and len(left) >= 2 and left[-2].isalnum():
        head = _last_word(left[:-1])
        tail = _first_word(right)
        if vocab and head and tail:
            whole, compound = (head + tail).lower(), f"{head}-{tail}".lower()
            if whole in vocab and compound not in vocab:
                return left[:-1] + right
        return left + right
    if vocab:
        head, tail = _last_word(left), _first_word(right)
        if (
            head
            and tail
            and tail[0].islower()
            and (head + tail).lower() in vocab
            and head.lower() not in vocab
            and tail.lower() not in vocab
        ):
            return left + right
    return left + " " + right


def _last_word(text: str) -> str:
    # Match the reversed tail: a $-anchored search would try every position of the paragraph.
    m = _FIRST_WORD.match(text[: -81 : -1])
    return m.group(0)[::-1] if m else ""


def _first_word(text: str) -> str:
    m = _FIRST_WORD.match(text)
    return m.group(0) if m else ""


def _continues(prev: CleanLine, line: CleanLine, raw_lines: list[str]) -> bool:
    """Whether ``line`` continues the paragraph whose last line is ``prev``."""
    text, before = line.text, prev.text
    if not text:
        return True
    if before.endswith("-"):
        return True
    raw = raw_lines[line.raw_start - 1] if 0 < line.raw_start <= len(raw_lines) else text
    if raw.startswith(("   ", "\t")):
        return False  # the export indents the first line of every paragraph and list item
    if _LIST_MARKER.match(text):
        return False
    first = text[0]
    leading_space = raw.startswith(" ")
    if first.startswith(_CONTINUATION_PUNCT) or (first.isalpha() and first.islower()):
        return True
    if before[-1:] in _TERMINAL_CHARS:
        return False
    if leading_space:
        return True  # a displaced hyperlink left the line starting with a space
    if has_displacement(before) and has_displacement(text):
        return True  # inside a displaced block capitals and page breaks say nothing
    if line.after_gap:
        return False
    return not _is_label(before)


def _is_label(text: str) -> bool:
    words = text.split()
    return (
        len(words) <= _LABEL_MAX_WORDS
        and len(text) <= _LABEL_MAX_CHARS
        and not any(c.isdigit() for c in text)
        and not text.endswith((",", "-"))
    )
