"""Small text helpers shared by the requirement parsers (pure, precompiled)."""

from __future__ import annotations

import re
from bisect import bisect_right

from kzqual.text import lookalike, spacing

# A single letter split off a numeral by the export: "б ір жылдан" -> "бір жылдан".
_SPLIT_NUMERAL = re.compile(
    r"\b([^\W\d_]) ((?:ір|кі|ш|өрт|ес|лты|еті|егіз|оғыз|н|иырма)[^\W\d_]*)(?=\s+жыл)"
)
_SPACE_BEFORE_PUNCT = re.compile(r" ([,;:.)])")
_LATIN = re.compile(r"[A-Za-z]")
_SPACE_AFTER_OPEN = re.compile(r"\(\s+")


def normalize(text: str) -> str:
    """One line of tidy text: letter-spacing undone, look-alikes repaired, whitespace collapsed.

    The criterion texts arrive already cleaned by :mod:`kzqual.text`, but the parsers are also
    called on raw snippets (tests, other layouts), so the same cheap repairs are applied here.
    Each repair runs only when a cheap test says it may apply (the parsers run ~1,000 times per act).
    """
    if not isinstance(text, str) or not text:
        return ""
    if "  " in text or "\t" in text:
        text = "\n".join(spacing.unspace_line(line) for line in text.splitlines())
    out = " ".join(text.split())
    if _LATIN.search(out):
        out, _ = lookalike.repair_line(out)
    if "жыл" in out:
        out = _SPLIT_NUMERAL.sub(r"\1\2", out)
    if " " in out:
        out = _SPACE_BEFORE_PUNCT.sub(r"\1", out)
    if "( " in out:
        out = _SPACE_AFTER_OPEN.sub("(", out)
    return out


_BRACKETS = re.compile(r"[()«»]")


def _depth_at(text: str) -> tuple[list[int], list[int]]:
    """Positions of brackets/quotes and the nesting depth just after each (for bisect)."""
    positions: list[int] = []
    depths: list[int] = []
    paren = quote = 0
    for m in _BRACKETS.finditer(text):
        ch = m.group(0)
        if ch == "(":
            paren += 1
        elif ch == ")":
            paren = max(0, paren - 1)
        elif ch == "«":
            quote += 1
        else:
            quote = max(0, quote - 1)
        positions.append(m.start())
        depths.append(paren + quote)
    return positions, depths


def split_top_level(text: str, separators: re.Pattern[str]) -> list[str]:
    """Split ``text`` where ``separators`` match outside parentheses and quotes."""
    matches = [m for m in separators.finditer(text) if m.end() > m.start()]
    if not matches:
        return [text]
    positions, depths = _depth_at(text)
    parts: list[str] = []
    last = 0
    for m in matches:
        if m.start() < last:
            continue
        i = bisect_right(positions, m.start() - 1) - 1
        if i >= 0 and depths[i] > 0:
            continue  # inside ( ) or « »
        parts.append(text[last : m.start()])
        last = m.end()
    parts.append(text[last:])
    return parts
