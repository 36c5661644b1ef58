"""Field names that contain a comma or a conjunction, so an enumeration of fields must not split them.

An education text lists fields as an enumeration (``құқықтану, мемлекеттік басқару және
педагогикалық`` — three fields, adilet-2014-78721 kaz.md line 213), but some single fields are
themselves written with a comma or ``және``/``и`` (the classifier group ``әлеуметтік ғылымдар,
экономика және бизнес``, the specialty ``мемлекеттік және жергілікті басқару``).  Those names are
not typed here: they are read from the taxonomy data (``data/taxonomy/classifier.json`` and
``specialties.json``, each name with its sources), so a group the acts name is one data line.

Names match stem-tolerantly (each word's ending may differ: ``социальных наук, экономики и
бизнеса`` is the genitive of ``социальные науки, экономика и бизнес``) and any of the joining
conjunctions (``және``/``мен``/``пен``/``и``) may stand for another.  Data is read directly: the
positions layer does not import the rules layer that owns the taxonomy's logic.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_FILES = ("classifier.json", "specialties.json")
_CONJ = {"және", "мен", "пен", "и"}
_JOINED = re.compile(r",|\s(?:және|мен|пен|и)\s")


def _names() -> list[str]:
    folder = resources.files("kzqual") / "data" / "taxonomy"
    out: set[str] = set()
    for name in _FILES:
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        for group in data.get("groups") or []:
            for entry in [group, *(group.get("specialties") or [])]:
                for lang in ("kk", "ru"):
                    for n in (entry.get("names") or {}).get(lang) or []:
                        n = re.sub(r"\s*\([^)]*\)\s*$", "", n.strip())  # "(медицина)": the text's brackets
                        if _JOINED.search(f" {n} ") and len(n.split()) >= 3:
                            out.add(n)
    return sorted(out, key=len, reverse=True)


def _stem(word: str) -> str:
    if word in _CONJ:
        return r"(?:және|мен|пен|и)"
    keep = max(4, len(word) - 3) if len(word) > 4 else len(word)
    return re.escape(word[:keep]) + r"\w*"


def _pattern(name: str) -> str:
    parts: list[str] = []
    prev = None
    for word in name.lower().replace(",", " , ").split():
        if word == ",":
            parts.append(r"\s*,")
        else:
            parts.append("" if prev is None else r"\s*" if prev == "," else r"\s+")
            parts.append(_stem(word))
        prev = word
    return "".join(parts)


@lru_cache(maxsize=1)
def joined_names() -> re.Pattern[str]:
    """One regex of every field name written with a comma or a conjunction (longest first)."""
    alts = "|".join(f"(?:{_pattern(n)})" for n in _names())
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)
