"""Russian stemming: the Snowball Russian stemmer (``snowballstemmer``)."""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("russian")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word.lower().replace("ё", "е"))


def stems(word: str) -> tuple[str, ...]:
    return (stem(word),)
