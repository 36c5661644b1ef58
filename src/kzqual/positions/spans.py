"""Map a piece of a criterion's text back to the raw lines it was printed on.

The parsers see one running text per criterion (wrapped lines joined, spacing and look-alikes
repaired) and return parts of it (an experience alternative, a grade rung).  Rather than thread
character offsets through every repair, the part is found again in the criterion's clean lines
by a *key* that the repairs do not change: whitespace dropped, lower case, Latin look-alikes
folded to Cyrillic, quotes and dashes dropped.  Each key character remembers its line, so a
found part yields the first and last raw line it touches (eyecite's SpanUpdater idea, reduced to
line granularity, which is what provenance needs: clean lines map to raw lines one to one).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from kzqual.acts.model import Span
from kzqual.text.lookalike import LATIN_TO_CYRILLIC
from kzqual.text.model import CleanLine

# One character in, at most one out: look-alikes folded, marks the repairs add or drop removed.
_FOLD = str.maketrans(
    {**{k: v.lower() for k, v in LATIN_TO_CYRILLIC.items()}, **{c: None for c in "«»\"'“”„-–—‐‑"}}
)


def key(text: str) -> str:
    """The comparison key of ``text`` (see the module docstring)."""
    return "".join(text.lower().split()).translate(_FOLD)


class LineIndex:
    """The clean lines of one act, searchable by raw line range (built once per act)."""

    def __init__(self, lines: Sequence[CleanLine]) -> None:
        self._lines = list(lines)
        self._starts = [ln.raw_start for ln in self._lines]

    def between(self, start: int, end: int) -> list[CleanLine]:
        return self._lines[bisect_left(self._starts, start) : bisect_right(self._starts, end)]

    def locator(self, start: int, end: int) -> Locator:
        return Locator(self.between(start, end))


class Locator:
    """Finds parts of a criterion's text in its clean lines, in reading order."""

    def __init__(self, lines: Sequence[CleanLine]) -> None:
        keys = [key(ln.text) for ln in lines]
        self._hay = "".join(keys)
        self._lines = list(lines)
        self._ends: list[int] = []  # key offset just past each line
        total = 0
        for k in keys:
            total += len(k)
            self._ends.append(total)

    def find(self, text: str, after: int = 0) -> tuple[Span, int] | None:
        """The raw span of ``text`` and the key offset just past it, searching from key offset
        ``after`` (parts come in reading order: pass the previous part's end), then from the
        start; None if it is not there."""
        k = key(text)
        if not k:
            return None
        for origin in (after, 0) if after else (0,):
            at = self._hay.find(k, origin)
            if at >= 0:
                return self._span(at, at + len(k) - 1), at + len(k)
            found = self._interrupted(k, origin)
            if found is not None:
                return found
        return None

    def _interrupted(self, k: str, origin: int) -> tuple[Span, int] | None:
        """A part interrupted by foreign lines (a page break's reprinted label in the middle of
        a cell): matched run by run, each interruption at most ``_SLACK`` key characters long
        and each run resumed by an anchor of up to ``_RUN`` characters, so no word of the part
        is skipped.  Each place the part's first characters occur is tried in turn."""
        if len(k) < 2 * _RUN:
            return None
        hay = self._hay
        start = hay.find(k[:_RUN], origin)
        tries = 0
        # Repetitive text (a line of thousands of "«" or "не менее 1 года") puts the first
        # characters at thousands of places, each tried along the whole part: bounded here, far
        # above the handful of places a real act repeats a part's first words.
        while start >= 0 and tries < _MAX_STARTS:
            end = self._runs(k, start)
            if end is not None:
                return self._span(start, end - 1), end
            start = hay.find(k[:_RUN], start + 1)
            tries += 1
        return None

    def _runs(self, k: str, start: int) -> int | None:
        hay = self._hay
        i, c, jumps = 0, start, 0
        while True:
            same = _common_prefix(hay, c, k, i)
            i += same
            c += same
            if i == len(k):
                return c
            anchor = k[i : i + _RUN]
            if jumps == _MAX_JUMPS or len(anchor) < 4:
                return None
            resume = hay.find(anchor, c, c + _SLACK + len(anchor))
            if resume < 0:
                return None
            c, jumps = resume, jumps + 1

    def _span(self, first: int, last: int) -> Span:
        a = self._lines[bisect_right(self._ends, first)]
        b = self._lines[bisect_right(self._ends, last)]
        return Span(start=a.raw_start, end=b.raw_end)


def _common_prefix(a: str, ai: int, b: str, bi: int) -> int:
    """Length of the common prefix of ``a[ai:]`` and ``b[bi:]``: compared in doubling blocks, then
    bisected inside the first differing block (slices compare in C; a character loop in Python
    made a long part cost seconds)."""
    n = min(len(a) - ai, len(b) - bi)
    done, step = 0, 16
    while done < n:
        size = min(step, n - done)
        if a[ai + done : ai + done + size] == b[bi + done : bi + done + size]:
            done += size
            step *= 2
            continue
        lo, hi = 0, size - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if a[ai + done : ai + done + mid] == b[bi + done : bi + done + mid]:
                lo = mid
            else:
                hi = mid - 1
        return done + lo
    return done


_RUN = 12  # key characters that anchor a run (shorter anchors match too easily elsewhere)
_MAX_STARTS = 200  # places tried for a part interrupted by foreign lines
_SLACK = 120  # key characters of foreign text tolerated inside a part
_MAX_JUMPS = 3
