"""The one message catalogue for user-facing text in Kazakh, Russian and English.

Messages live in ``data/messages/*.json`` (one file per area, so areas never edit each other's
file): ``{"key": {"kk": "...", "ru": "...", "en": "..."}}``.  Keys are dotted ASCII
(``eligibility.met``).  Placeholders use ``str.format`` names: ``{years}``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

LANGS = ("kk", "ru", "en")
DEFAULT_LANG = "kk"


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    folder = resources.files("kzqual") / "data" / "messages"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        data = json.loads(entry.read_text(encoding="utf-8"))
        for key, texts in data.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice (in {entry.name})")
            merged[key] = texts
    return merged


def t(key: str, lang: str = DEFAULT_LANG, /, **params: object) -> str:
    """The message ``key`` in ``lang`` (falling back to en, then the key), formatted."""
    texts = catalogue().get(key)
    if texts is None:
        return key
    template = texts.get(lang) or texts.get("en") or key
    return template.format(**params) if params else template


def all_langs(key: str, /, **params: object) -> dict[str, str]:
    """The message in every language, e.g. for a verdict's reason."""
    return {lang: t(key, lang, **params) for lang in LANGS}
