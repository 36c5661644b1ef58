"""What an act's machine keys are called in the reader's language (through the catalogue)."""

from __future__ import annotations

from kzqual.i18n import t


def label(key: str, lang: str, fallback: str) -> str:
    """A machine key's label from the catalogue; ``fallback`` for a value it does not know."""
    text = t(key, lang)
    return fallback if text == key else text


def target_label(target: str, lang: str) -> str:
    """A note's target ("act", "point 3", "appendix 2") in the reader's language ("Пункт 3")."""
    if target == "act":
        return t("common.act", lang)
    kind, _, rest = target.partition(" ")
    return " ".join(x for x in (label(f"web.kind.{kind}", lang, kind), rest) if x)
