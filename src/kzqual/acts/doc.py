"""A light view over :class:`CleanText` that the act readers share.

It precomputes, once per line, what the readers keep asking: the clean text, the blank-line gap
before it, and whether the raw line was indented (points and notes of the order text are indented; headings and table cells are not).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kzqual.acts.model import Span
from kzqual.text.model import CleanText


@dataclass(slots=True)
class Doc:
    ct: CleanText
    texts: list[str] = field(default_factory=list)
    indented: list[bool] = field(default_factory=list)
    gap: list[bool] = field(default_factory=list)

    @classmethod
    def of(cls, ct: CleanText) -> Doc:
        doc = cls(ct)
        raw = ct.raw_lines
        widths: list[int] = []
        for line in ct.lines:
            doc.texts.append(line.text)
            first = raw[line.raw_start - 1] if 0 < line.raw_start <= len(raw) else ""
            widths.append(len(first) - len(first.lstrip(" \t\u00a0")))
            doc.gap.append(line.after_gap)
        # Indentation is relative: an export that indents every line by the same margin has no
        # indented lines, only a wider margin.
        base = min(widths, default=0)
        # One stray space (" Утверждены" in a stamp) is export noise; paragraphs indent by several.
        doc.indented = [w - base >= 2 for w in widths]
        return doc

    def squeezed(self, i: int) -> str:
        """Line ``i`` without spaces, for keywords the export letter-spaces; computed on demand."""
        return self.texts[i].replace(" ", "")

    def __len__(self) -> int:
        return len(self.texts)

    def span(self, first: int, last: int) -> Span:
        """Raw line span of clean lines ``first..last`` (indices, inclusive)."""
        lines = self.ct.lines
        return Span(start=lines[first].raw_start, end=lines[last].raw_end)

    def join(self, first: int, last: int) -> str:
        """Clean lines ``first..last`` (inclusive) joined into one line of text."""
        return _join(self.texts[first : last + 1])


def _join(parts: list[str]) -> str:
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out.endswith("-") and not out.endswith(" -") and p[:1].islower():
            out = out + p  # a word hyphenated across lines: "административно-" + "территориальной"
        elif out.endswith("«") or (out.endswith('"') and out.count('"') % 2 == 1):
            out = out + p  # a line ending in an opening quote: '"' + 'Б" корпусы'
        else:
            out = f"{out} {p}" if out else p
    return " ".join(out.split())
