"""Data types of the text layer: cleaned lines that always point back to raw lines.

Raw line numbers are 1-based and inclusive, as an editor shows them.  A clean line may come from
several raw lines (a sentence broken by the PDF export), never from none.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Repair:
    """One change the cleaner made to the text, with the raw text it replaced."""

    kind: str  # e.g. "letter_spacing", "latin_lookalike", "hyperlink_restored", "glued_words"
    line: int  # raw line number where the raw text starts
    raw: str
    fixed: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class TextWarning:
    """Something damaged or ambiguous that the cleaner could not (or would not) fix."""

    code: str  # e.g. "hyperlink_displaced", "unknown_lookalike"
    message: str
    line_start: int
    line_end: int


@dataclass(frozen=True, slots=True)
class CleanLine:
    """A cleaned line of text and the raw line range it came from."""

    text: str
    raw_start: int
    raw_end: int
    # Lines separated from the previous clean line by a blank run in the raw text (a paragraph or
    # page break); layout parsers use it as a weak boundary signal.
    after_gap: bool = False
    # Structure hint from a structured source (markdown): "h1".."h6" heading, "p" paragraph,
    # "quote" blockquote line (stamps, Сноска/Ескерту notes), "row" first line of a table row,
    # "cell" a further line of a table cell, "code" a line of a fenced code block (forms).
    # Empty for plain text, where structure must be inferred.
    hint: str = ""
    # For a "row" line: the row's logical cells left to right (a rowspan cell's text repeated
    # on the rows it spans, a colspan cell once); None elsewhere.
    cells: tuple[str, ...] | None = None


@dataclass(slots=True)
class CleanText:
    """The result of cleaning one raw export."""

    source: str  # file name or other label, for messages
    encoding: str  # detected encoding of the bytes ("utf-8", "utf-8-sig", "utf-16", "cp1251")
    raw_lines: list[str]  # the raw text split into lines, index 0 = raw line 1
    lines: list[CleanLine]  # one per non-blank, non-furniture raw line, repaired in place
    repairs: list[Repair] = field(default_factory=list)
    warnings: list[TextWarning] = field(default_factory=list)
    # "text" (PDF-export plain text) or "markdown" (the kazakhstan-law/ministerial layout)
    format: str = "text"
    # markdown anchors (<a id="p7"></a>): anchor id -> the raw line it stands on
    anchors: dict[str, int] = field(default_factory=dict)
    # a text concatenated from part files: (part file name, its first raw line), in order
    parts: list[tuple[str, int]] = field(default_factory=list)

    def raw_text(self, start: int, end: int) -> str:
        """The raw lines ``start..end`` (1-based, inclusive), joined with newlines."""
        return "\n".join(self.raw_lines[start - 1 : end])
