"""Small helpers over clean lines shared by the layout extractors."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kzqual.text.model import CleanLine

_APPENDIX = re.compile(
    r"^(?:(\d+)\s*[-–]\s*қосымша|қосымша\s*№?\s*(\d+)|Приложение\s*№?\s*(\d+))\s*$", re.IGNORECASE
)


def appendix_number(text: str) -> str | None:
    """``1-қосымша`` / ``Приложение 2`` on a line of its own -> "1" / "2"."""
    m = _APPENDIX.match(text.strip())
    if not m:
        return None
    return next(g for g in m.groups() if g)


def block_start(lines: Sequence[CleanLine], i: int, lo: int = 0) -> int:
    """Index of the first line of the gap-delimited block holding line ``i`` (not before ``lo``)."""
    j = i
    while j > lo and not lines[j].after_gap:
        j -= 1
    return j


def gap_blocks(lines: Sequence[CleanLine], lo: int, hi: int) -> list[tuple[int, int]]:
    """The gap-delimited blocks inside ``lines[lo:hi]`` as (start, end-exclusive) pairs."""
    out: list[tuple[int, int]] = []
    start = lo
    for k in range(lo + 1, hi):
        if lines[k].after_gap:
            out.append((start, k))
            start = k
    if start < hi:
        out.append((start, hi))
    return out


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ";", ":"))
