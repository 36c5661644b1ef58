"""The readers' vocabulary as data: ``data/vocab/kk.json`` and ``ru.json`` (issue 11).

Like eyecite's reporters-db, every label variant, act-type word, registration word etc. the readers
key on is one entry with its meaning and the act (and line) it was seen in, so a new ministry's
wording is one data line.  This module only loads and matches; each reader asks for the kinds it
needs (``entries("criterion_label")``).

Matching is variant-tolerant (:func:`fold`): case, spacing, dashes and the Latin letters the
exports put inside Cyrillic words (``i`` for ``і``, ``C`` for ``С``) do not matter.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, model_validator

LANGUAGES = ("kk", "ru")

# Latin look-alikes -> the Cyrillic letter they stand for in these acts (lower case only: fold
# lowers first).  Kazakh "і" is the Latin "i" of the exports.
_LOOKALIKE = str.maketrans({"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і",
                            "k": "к", "m": "м", "h": "һ", "b": "в", "t": "т"})
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-"})


def fold_char(ch: str) -> str:
    """One character as :func:`fold` sees it (lower case, look-alikes and dashes unified)."""
    return ch.lower().translate(_LOOKALIKE).translate(_DASHES)


_LOOKALIKE_BOTH = str.maketrans({**{k: v for k, v in zip("aceopxyiACEOPXYHIKMBT", "асеорхуіАСЕОРХУНІКМВТ")}})


def unify(text: str) -> str:
    """``text`` with the Latin look-alikes of Cyrillic letters replaced and dashes unified; case,
    spacing and length kept (so offsets still point into the original)."""
    return text.translate(_LOOKALIKE_BOTH).translate(_DASHES)


def fold(text: str) -> str:
    """The matching key of ``text``: spaces removed, lower case, look-alikes and dashes unified."""
    return "".join(text.split()).lower().translate(_LOOKALIKE).translate(_DASHES)


class SeenIn(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    act: str  # a bundled act's file stem (kk-mes-2014-161) or a corpus folder (adilet-2014-78709)
    file: str | None = None  # inside a corpus folder: kaz.md, rus.md, rus/part001.md
    line: int  # 1-based raw line


class Entry(BaseModel):
    """One vocabulary entry: what the words mean and where they were seen."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: str
    meaning: str
    words: str | None = None
    pattern: str | None = None
    seen_in: SeenIn | None
    note: str | None = None
    # a label that counts only when nothing follows it on its line (the same words open running
    # text elsewhere: "Жұмыс тәжірибесі келесі талаптардың біріне …")
    alone: bool = False
    # kind ``issuer``: the office's name as a record shows it (nominative, as printed in a
    # signature), the form another language's entry of the same meaning translates to
    form: str | None = None
    language: str = ""

    @model_validator(mode="after")
    def _one_form(self) -> Entry:
        if (self.words is None) == (self.pattern is None):
            raise ValueError(f"vocabulary entry needs exactly one of words/pattern: {self}")
        if self.seen_in is None and not self.note:
            raise ValueError(f"an entry seen in no act must say why it is kept: {self}")
        if self.pattern is not None:
            re.compile(self.pattern)
        return self

    def search(self, text: str) -> re.Match[str] | None:
        """The entry in ``text``, look-alike letters and dashes tolerated (offsets into ``text``)."""
        return self.regex().search(unify(text))

    def regex(self) -> re.Pattern[str]:
        """The entry as a case-insensitive regular expression (``words`` with flexible spaces)."""
        if self.pattern is not None:
            return _compiled(self.pattern)
        return _compiled(r"\s*".join(re.escape(w) for w in self.words.split()))


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=1)
def vocabulary() -> tuple[Entry, ...]:
    """Every entry of both languages, in file order (Kazakh first)."""
    folder = resources.files("kzqual") / "data" / "vocab"
    out: list[Entry] = []
    for lang in LANGUAGES:
        data = json.loads((folder / f"{lang}.json").read_text(encoding="utf-8"))
        if data.get("language") != lang:
            raise RuntimeError(f"data/vocab/{lang}.json declares language {data.get('language')!r}")
        out.extend(Entry(**e, language=lang) for e in data["entries"])
    return tuple(out)


@lru_cache(maxsize=None)
def entries(kind: str, language: str | None = None) -> tuple[Entry, ...]:
    """The entries of ``kind`` (of one language, or both: the exports mix them)."""
    return tuple(e for e in vocabulary() if e.kind == kind and (language is None or e.language == language))


def words_by_meaning(kind: str) -> dict[str, tuple[str, ...]]:
    """meaning -> the ``words`` of every entry of ``kind`` (both languages), in file order."""
    out: dict[str, list[str]] = {}
    for e in entries(kind):
        if e.words is not None:
            out.setdefault(e.meaning, []).append(e.words)
    return {k: tuple(v) for k, v in out.items()}


def alternation(kind: str, language: str | None = None) -> str:
    """One regex alternation of every entry of ``kind`` (for embedding in a larger pattern)."""
    parts = []
    for e in entries(kind, language):
        parts.append(e.pattern if e.pattern is not None else r"\s*".join(re.escape(w) for w in e.words.split()))
    return "|".join(f"(?:{p})" for p in parts)


def sub_letters(meaning: str) -> tuple[str, ...]:
    """The printed forms of a category code's sub-letter (``O``: О, O, 0; ``R``: R, Р)."""
    return tuple(e.words for e in entries("category_sub_letter") if e.meaning == meaning and e.words)


def first_match(kind: str, text: str) -> Entry | None:
    """The first entry of ``kind`` whose regex matches ``text`` (``search``; anchor with ``^``)."""
    for e in entries(kind):
        if e.search(text):
            return e
    return None
