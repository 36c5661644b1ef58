""""Did you mean": a query word the registry does not know is replaced by the nearest word it does.

The vocabulary is the words of the loaded posts' titles, departments and education texts (what
people search for) and the synonym data's words; a word is known when one of its stems is a
stem of the vocabulary.  An unknown word of four letters or more gets the vocabulary word at the
smallest edit distance (at most 1 for words up to five letters, 2 beyond; ties: the more
frequent, then the alphabetically first), found by rapidfuzz in C -- bounded time whatever the
registry holds.  Pure functions over a :class:`Vocabulary`; the store builds and caches it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from kzqual.store.stem import WORD, stems_of

MIN_LEN = 4  # shorter words are left alone: too many neighbours


@dataclass(frozen=True, slots=True)
class Vocabulary:
    words: tuple[str, ...]  # lower case, most frequent first
    freq: dict[str, int]
    stems: frozenset[str]

    @classmethod
    def of(cls, texts: Iterable[str], extra: Iterable[str] = ()) -> Vocabulary:
        freq: Counter[str] = Counter()
        for t in texts:
            if t:
                freq.update({w.lower().replace("ё", "е") for w in WORD.findall(t)
                             if len(w) >= 3 and not w.isdigit()})
        for w in extra:
            freq[w.lower()] += 1
        words = tuple(sorted(freq, key=lambda w: (-freq[w], w)))
        stems = frozenset(s for w in words for s in stems_of(w, None))
        return cls(words, dict(freq), stems)

    def knows(self, word: str) -> bool:
        return any(s in self.stems for s in stems_of(word, None))


def nearest(word: str, vocab: Vocabulary) -> str | None:
    w = word.lower().replace("ё", "е")
    limit = 1 if len(w) <= 5 else 2
    found = process.extract(w, vocab.words, scorer=Levenshtein.distance, score_cutoff=limit, limit=20)
    if not found:
        return None
    best = min(found, key=lambda m: (m[1], -vocab.freq[m[0]], m[0]))
    return best[0] if best[1] > 0 else None


def suggest(query: str, vocab: Vocabulary) -> str | None:
    """The query with each unknown word replaced by its nearest known word; None when every word
    is known or none has a near neighbour."""
    out, changed, pos = [], False, 0
    for m in WORD.finditer(query):
        out.append(query[pos:m.start()])
        pos = m.end()
        w = m.group()
        if len(w) >= MIN_LEN and not w.isdigit() and not vocab.knows(w):
            near = nearest(w, vocab)
            if near:
                out.append(near)
                changed = True
                continue
        out.append(w)
    out.append(query[pos:])
    return "".join(out).strip() if changed else None
