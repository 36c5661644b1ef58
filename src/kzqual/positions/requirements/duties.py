"""Duties (and "must know") text -> a list of items, text kept as printed."""

from __future__ import annotations

import re

from kzqual.positions.requirements._text import split_top_level

_WS = re.compile(r"\s+")
# A new item starts at a line that opens with a bullet or "1)" / "1." / "а)".
_BULLET_LINE = re.compile(r"^\s*(?:[-–—•·*]\s+|\d{1,2}[.)]\s+|[а-яәғқңөұүһі]\)\s+)", re.I)
_SEMI = re.compile(r";\s*")


def parse_duties(text: str, lang: str) -> list[str]:
    """Split on ";" (outside parentheses and quotes) and on line-start bullets.  Never raises."""
    if not isinstance(text, str) or not text.strip():
        return []
    blocks: list[list[str]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if _BULLET_LINE.match(line) or not blocks:
            blocks.append([_BULLET_LINE.sub("", line, count=1)])
        else:
            blocks[-1].append(line)
    out: list[str] = []
    for block in blocks:
        joined = _WS.sub(" ", " ".join(block)).strip()
        for item in split_top_level(joined, _SEMI):
            item = item.strip().rstrip(";").strip()
            if item.rstrip("."):
                out.append(item)
    return out
