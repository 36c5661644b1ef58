"""Words people type for posts, in kk / ru / en: query expansion for search.

Two sources, both data with their provenance:

* the curated groups of ``data/vocab/synonyms.json`` (each cites an act line, the specialty
  taxonomy or a dictionary), and the single-word specialty names of
  ``data/taxonomy/classifier.json`` in its three languages;
* equivalents learned from acts printed in both languages (aligned posts; see
  :mod:`kzqual.store.equivalents`), passed in by the caller.

A group is matched by stem: a query word whose stems meet a group's stems gets every stem of the
group as an alternative.  Expansion is word by word, so ``главный специалист`` becomes
``(главн | бас | …) AND (специалист | маман | …)`` and finds ``бас маманы``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kzqual.store.stem import CYRILLIC, stems_of, tokens

LANGS = ("kk", "ru", "en")


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: the index is cached per tuple
class Group:
    key: str
    words: dict[str, tuple[str, ...]]  # language -> words as written
    sources: tuple[dict, ...]
    stems: frozenset[str] = field(default_factory=frozenset)  # every word's stems in its language


@dataclass(slots=True)
class Expansion:
    """How one query word was widened: the groups it met and the stems they added."""

    word: str
    groups: list[str]
    added: dict[str, str]  # stem added -> the group word it comes from (shown to the reader)
    sources: list[dict]

    def to_dict(self) -> dict:
        return {"word": self.word, "groups": self.groups, "synonyms": sorted(set(self.added.values())),
                "sources": self.sources}


def word_stems(word: str, lang: str) -> tuple[str, ...]:
    """A group word's stems as documents of ``lang`` are indexed (English: lower case, and the
    singular of a plain plural)."""
    w = word.lower()
    if lang == "en" or not CYRILLIC.search(w):
        return (w, w[:-1]) if len(w) > 3 and w.endswith("s") else (w,)
    return stems_of(w, lang)


def _group(key: str, words: dict[str, list[str]], sources: list[dict]) -> Group:
    ws = {lang: tuple(words.get(lang) or ()) for lang in LANGS}
    stems = frozenset(s for lang, items in ws.items() for w in items for tok in tokens(w, None)
                      for s in word_stems(tok.text, lang))
    return Group(key, ws, tuple(sources), stems)


@lru_cache(maxsize=1)
def data() -> dict:
    """data/vocab/synonyms.json, read once (groups, stopwords, bodies)."""
    return json.loads((resources.files("kzqual") / "data" / "vocab" / "synonyms.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def curated() -> tuple[Group, ...]:
    """The groups of synonyms.json and the taxonomy's single-word names, loaded once."""
    root = resources.files("kzqual") / "data"
    data_ = data()
    out = [_group(g["key"], g["words"], g["sources"]) for g in data_["groups"]]
    tax = json.loads((root / "taxonomy" / "classifier.json").read_text(encoding="utf-8"))
    for g in tax.get("groups", []):
        for item in (g, *g.get("specialties", [])):
            names = {lang: [n for n in item.get("names", {}).get(lang, []) if len(n.split()) == 1
                            and n.replace("-", "").isalpha()] for lang in LANGS}
            if sum(1 for lang in LANGS if names[lang]) < 2:
                continue  # one language only: nothing to cross
            out.append(_group(f"taxonomy:{item['key']}", names,
                              [{"kind": "taxonomy", "key": item["key"],
                                "file": "src/kzqual/data/taxonomy/classifier.json"}]))
    return tuple(out)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words dropped from a query (English function words: see synonyms.json)."""
    return frozenset(w.lower() for w in data().get("stopwords", {}).get("en", []))


def _by_stem(groups: tuple[Group, ...]) -> dict[str, list[Group]]:
    out: dict[str, list[Group]] = {}
    for g in groups:
        for s in g.stems:
            out.setdefault(s, []).append(g)
    return out


@lru_cache(maxsize=8)
def _index(groups: tuple[Group, ...]) -> dict[str, list[Group]]:
    return _by_stem(groups)


def expand(words: list[str], terms: list[tuple[str, ...]], learned: tuple[Group, ...] = ()
           ) -> tuple[list[tuple[str, ...]], list[Expansion]]:
    """``terms`` (one tuple of stems per query word, in the order of ``words``) with each word's
    synonyms' stems appended, and what was added per word (words without synonyms: none)."""
    index = _index(curated() + tuple(learned))
    out: list[tuple[str, ...]] = []
    expansions: list[Expansion] = []
    for word, alts in zip(words, terms, strict=True):
        probe = set(alts) | set(word_stems(word, "en"))
        groups: list[Group] = []
        for s in sorted(probe):
            for g in index.get(s, ()):
                if g not in groups:
                    groups.append(g)
        added: dict[str, str] = {}
        for g in groups:
            for lang, items in g.words.items():
                for w in items:
                    for tok in tokens(w, None):
                        for s in word_stems(tok.text, lang):
                            if s not in alts and s not in added:
                                added[s] = w
        out.append(tuple(alts) + tuple(added))
        if added:
            expansions.append(Expansion(word, [g.key for g in groups], added,
                                        [src for g in groups for src in g.sources]))
    return out, expansions


__all__ = ["Expansion", "Group", "curated", "expand", "stopwords", "word_stems"]
