"""Small text helpers shared by the requirement parsers (pure, precompiled)."""

from __future__ import annotations

import re

from kzqual.text import lookalike, spacing

_WS = re.compile(r"\s+")
# A single letter split off a numeral by the export: "б ір жылдан" -> "бір жылдан".
_SPLIT_NUMERAL = re.compile(
    r"(?<![^\W\d_])([^\W\d_]) ((?:ір|кі|ш|өрт|ес|лты|еті|егіз|оғыз|н|иырма)[^\W\d_]*)(?=\s+жыл)"
)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:.)])")
_SPACE_AFTER_OPEN = re.compile(r"\(\s+")


def normalize(text: str) -> str:
    """One line of tidy text: letter-spacing undone, look-alikes repaired, whitespace collapsed.

    The criterion texts arrive already cleaned by :mod:`kzqual.text`, but the parsers are also
    called on raw snippets (tests, other layouts), so the same cheap repairs are applied here.
    """
    if not isinstance(text, str) or not text:
        return ""
    lines = [spacing.unspace_line(line) for line in text.splitlines()]
    out = _WS.sub(" ", " ".join(lines)).strip()
    out, _ = lookalike.repair_line(out)
    out = _SPLIT_NUMERAL.sub(r"\1\2", out)
    out = _SPACE_BEFORE_PUNCT.sub(r"\1", out)
    return _SPACE_AFTER_OPEN.sub("(", out)


def split_top_level(text: str, separators: re.Pattern[str]) -> list[str]:
    """Split ``text`` where ``separators`` match outside parentheses and quotes."""
    parts: list[str] = []
    depth = 0
    quote = 0
    last = 0
    pos = 0
    n = len(text)
    while pos < n:
        ch = text[pos]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "«":
            quote += 1
        elif ch == "»":
            quote = max(0, quote - 1)
        elif depth == 0 and quote == 0:
            m = separators.match(text, pos)
            if m and m.end() > pos:
                parts.append(text[last:pos])
                last = pos = m.end()
                continue
        pos += 1
    parts.append(text[last:])
    return parts
