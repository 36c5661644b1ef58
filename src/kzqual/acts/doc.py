"""A light view over :class:`CleanText` that the act readers share.

It precomputes, once per line, what the readers keep asking: the clean text, the blank-line gap
before it, and whether the raw line was indented (points and notes of the order text are indented; headings and table cells are not).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kzqual.acts.model import Span
from kzqual.text.model import CleanText


_NOTE_WORDS = ("Ескерту", "Сноска", "Примечание")


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
        nraw = len(raw)
        lines = ct.lines
        # List comprehensions, not a loop of appends: this runs over every line of 30k-line acts.
        doc.texts = [line.text for line in lines]
        doc.gap = [line.after_gap for line in lines]
        if ct.format == "markdown":
            # Markdown states structure: paragraphs (points, sub-points) and notes play the part
            # of the export's indented lines; headings, stamps, table rows and forms do not.
            doc.indented = [line.hint == "p" or (line.hint == "quote" and line.text.startswith(_NOTE_WORDS))
                            for line in lines]
            return doc
        firsts = [raw[line.raw_start - 1] if 0 < line.raw_start <= nraw else "" for line in lines]
        widths = [len(f) - len(f.lstrip(" \t\u00a0")) for f in firsts]
        # Indentation is relative: an export that indents every line by the same margin has no
        # indented lines, only a wider margin.  One stray space (" Утверждены" in a stamp) is
        # export noise; paragraphs indent by several.
        base = min(widths, default=0)
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
