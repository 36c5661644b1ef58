"""Tokenising and stemming for search, the same for documents and queries on every back end.

``analyse(text, lang)`` splits text into word tokens that keep their character offsets (so a
snippet can highlight the original words) and the stems each token is indexed under.  Kazakh uses
the suffix stripper in :mod:`kzqual.store.stem.kk`, Russian Snowball (:mod:`kzqual.store.stem.ru`).
A query whose language is unknown is stemmed both ways and the readings are OR-ed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kzqual.store.stem import kk, ru

WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Letters only Kazakh uses; a query holding one of them is Kazakh.
KK_LETTERS = frozenset("әғқңөұүһі")
# Latin letters that the PDF export leaves inside Cyrillic words (the text layer repairs acts; a
# typed query may still carry them).
LOOKALIKE = str.maketrans({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у",
                           "i": "і", "k": "к", "h": "һ", "m": "м", "t": "т", "b": "в"})
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # the word as written
    start: int  # character offsets into the analysed text
    end: int
    stems: tuple[str, ...]  # what it is indexed under (one or two readings)


def _fix_lookalikes(word: str) -> str:
    if CYRILLIC.search(word) and re.search(r"[a-z]", word):
        return word.translate(LOOKALIKE)
    return word


@lru_cache(maxsize=300_000)
def stems_of(word: str, lang: str | None) -> tuple[str, ...]:
    """The stems of one word; ``lang`` None means "either": both stemmers' readings."""
    w = _fix_lookalikes(word.lower().replace("ё", "е"))
    if not CYRILLIC.search(w):
        return (w,)  # numbers, Latin codes: indexed as they are
    if lang == "kk":
        return kk.stems(w)
    if lang == "ru":
        return ru.stems(w)
    out: list[str] = []
    for s in (*kk.stems(w), *ru.stems(w)):
        if s not in out:
            out.append(s)
    return tuple(out)


def tokens(text: str, lang: str | None) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), stems_of(m.group(), lang))
            for m in WORD.finditer(text)]


def index_text(text: str, lang: str) -> str:
    """Space-separated stems for a full-text index (every reading of every word)."""
    return " ".join(s for word in WORD.findall(text) for s in stems_of(word, lang))


def guess_lang(text: str) -> str | None:
    """"kk" when the text has a Kazakh-only letter; None (unknown) otherwise."""
    return "kk" if KK_LETTERS & set(text.lower()) else None


__all__ = ["Token", "guess_lang", "index_text", "stems_of", "tokens"]
