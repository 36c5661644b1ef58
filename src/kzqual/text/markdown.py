"""Markdown texts of the kazakhstan-law/ministerial layout -> :class:`CleanText`.

The repository stores each language text of an act as Markdown (see docs/text.md): ``#``
headings, blockquote-italic approval stamps and ``Сноска``/``Ескерту`` notes, ``<a id>``
anchors, ``1\\.`` escapes, raw HTML tables (``rowspan``/``colspan``, newlines inside cells) and
fenced code blocks holding forms.  This reader strips the markup and keeps the structure as
hints on the clean lines (:attr:`CleanLine.hint`), so the acts and positions layers read the
same kind of lines as from the PDF export:

* a heading, paragraph or blockquote line -> one clean line (markup, escapes, entities gone);
* a table row -> one ``row`` line holding the first line of every cell (``Білімі Жоғары …``:
  label and value on one line, as the PDF export prints a two-column row), then one ``cell``
  line per further line of each cell, in cell order; the row's logical cells are kept in
  :attr:`CleanLine.cells`;
* a fenced code block -> one ``code`` line per line with text (rule-only lines ``-----`` and
  ``!---!`` are layout, not text).

Block structure comes from markdown-it-py (a maintained CommonMark parser; list, indented-code,
setext-heading, rule and reference rules are off: ``1.`` and ``   1)`` are the acts' own point
labels, not Markdown lists), HTML from :mod:`html.parser`.  Every clean line keeps the raw line
it came from.  Latin look-alike letters inside Cyrillic words are repaired as in plain text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

from kzqual.text import lookalike
from kzqual.text.model import CleanLine, CleanText, Repair, TextWarning

# A part file of a big act starts with a link back to the whole text: navigation, not text.
_PART_NAV = re.compile(r"^\s*↑\s*\[[^\]]*\]\([^)]*\.md\)\s*$")
# The index of parts at the end of a big act's main file ("## Части документа" + a link table).
PARTS_INDEX = re.compile(r"^#{1,6}\s+(Части документа|Құжат бөліктері)\s*$")
_RULE_ONLY = re.compile(r"^[\s\-_=!|+*.]*$")
_ANCHOR = re.compile(r"""<a\s+id\s*=\s*["']([^"']+)["']""", re.I)


_INLINE_MARKUP = re.compile(r"[\\*_&<\[`!]")
# The inline markup nearly every line of the layout carries, read without markdown-it (issue 11's
# corpus ingest: markdown-it's inline pass was a third of its CPU): leading ``<a id>`` anchors,
# the point label escape ``1\.``/``1\)``, and a whole line in ``*…*`` or ``**…**`` (stamps, notes,
# signatures).  A line with any other markup goes to markdown-it, so the output is the same.
# Underscore runs (form blanks ``________``) are allowed when none of them can open emphasis
# (markdown-it's own flanking rule, :func:`_underscore_opens`): then every one is literal text.
_SIMPLE_LINE = re.compile(
    r"""(?P<anchors>(?:\s*<a\s+id\s*=\s*"[^"<>]*"\s*>\s*</a>)*)\s*"""
    r"""(?:(?P<st>\*{1,2})(?P<em>[^\s*&<\[`!\\](?:[^*&<\[`!\\]*[^\s*&<\[`!\\])?)(?P=st)"""
    r"""|(?P<plain>(?:[^*&<\[`!\\]|\\[.)])*))\s*"""
)
_ANCHOR_IDS = re.compile(r'<a\s+id\s*=\s*"([^"<>]*)"')
_UNDERSCORES = re.compile(r"_+")


def _underscore_opens(line: str) -> bool:
    """Whether some ``_`` run of ``line`` can open emphasis (markdown-it's ``scanDelims`` for
    ``_``, which cannot split a word); line ends count as whitespace, as there."""
    from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace

    for m in _UNDERSCORES.finditer(line):
        last = line[m.start() - 1] if m.start() > 0 else " "
        nxt = line[m.end()] if m.end() < len(line) else " "
        last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last)
        next_punct = isMdAsciiPunct(ord(nxt)) or isPunctChar(nxt)
        last_ws, next_ws = isWhiteSpace(ord(last)), isWhiteSpace(ord(nxt))
        left = not (next_ws or (next_punct and not (last_ws or last_punct)))
        right = not (last_ws or (last_punct and not (next_ws or next_punct)))
        if left and (not right or last_punct):
            return True
    return False


def _simple_line(line: str) -> re.Match[str] | None:
    m = _SIMPLE_LINE.fullmatch(line)
    return None if m is None or ("_" in line and _underscore_opens(line)) else m


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt  # imported late: the plain-text path never needs it

    # The inline pass runs per run of text in _inline, and only on text that has inline markup:
    # most lines of an act have none, and markdown-it's inline rules were half of a corpus ingest.
    return MarkdownIt("commonmark").disable(["code", "list", "lheading", "hr", "reference", "inline"])


@dataclass(slots=True)
class _Out:
    lines: list[CleanLine] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    warnings: list[TextWarning] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)
    gap: bool = False  # the next line opens a new block

    def add(self, text: str, start: int, end: int | None = None, *, hint: str,
            cells: tuple[str, ...] | None = None) -> None:
        text = " ".join(text.split())
        if not text:
            return
        if lookalike.has_latin(text):
            text = self._repair(text, start)
        self.lines.append(CleanLine(text, start, end or start, after_gap=self.gap, hint=hint, cells=cells))
        self.gap = False

    def _repair(self, text: str, line: int) -> str:
        fixed, word_repairs = lookalike.repair_line(text)
        for raw_word, fixed_word in word_repairs:
            self.repairs.append(Repair("latin_lookalike", line, raw_word, fixed_word))
        for word in lookalike.mixed_unrepairable(fixed):
            self.warnings.append(TextWarning("mixed_script", f"word mixes Latin and Cyrillic letters: {word!r}",
                                             line, line))
        return fixed


def clean_markdown(text: str, *, source: str = "<markdown>", encoding: str = "utf-8",
                   parts: list[tuple[str, int]] | None = None) -> CleanText:
    """Clean one Markdown text (or the concatenation of a big act's parts)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    raw_lines = text.split("\n")
    # Navigation lines of part files are blanked (not removed: raw line numbers must not move).
    md_lines = ["" if _PART_NAV.match(x) else x.replace("\t", "    ") for x in raw_lines]
    out = _Out()
    md = _parser()
    tokens = md.parse("\n".join(md_lines))
    hint = "p"
    quote_depth = 0
    heading: str | None = None
    for tok in tokens:
        kind = tok.type
        if kind == "heading_open":
            heading = tok.tag
            out.gap = True
        elif kind == "heading_close":
            heading = None
        elif kind == "blockquote_open":
            quote_depth += 1
            out.gap = True
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "paragraph_open":
            out.gap = True
        elif kind == "inline" and tok.map:
            hint = heading or ("quote" if quote_depth else "p")
            _inline(out, md, tok, hint)
        elif kind == "fence" and tok.map:
            out.gap = True
            _fence(out, tok)
        elif kind == "html_block" and tok.map:
            out.gap = True
            _html_block(out, tok.content, tok.map[0] + 1, quote=quote_depth > 0)
    return CleanText(source=source, encoding=encoding, raw_lines=raw_lines, lines=out.lines,
                     repairs=out.repairs, warnings=out.warnings, format="markdown", anchors=out.anchors,
                     parts=parts or [])


def _inline(out: _Out, md, tok, hint: str) -> None:
    """An inline run (paragraph, heading, blockquote line): one clean line per source line."""
    line = tok.map[0] + 1
    if not _INLINE_MARKUP.search(tok.content):  # plain text: its lines as they are
        for k, text in enumerate(tok.content.split("\n")):
            out.add(text, line + k, hint=hint)
        return
    simple = [_simple_line(text) for text in tok.content.split("\n")]
    if all(simple):
        for k, m in enumerate(simple):
            for anchor in _ANCHOR_IDS.findall(m.group("anchors")):
                out.anchors.setdefault(anchor, line + k)
            body = m.group("em") if m.group("st") else m.group("plain").replace("\\.", ".").replace("\\)", ")")
            out.add(body, line + k, hint=hint)
        return
    buf: list[str] = []
    start = line
    children: list = []
    md.inline.parse(tok.content, md, {}, children)  # the inline rules (the core pass is off)
    for child in children:
        ctype = child.type
        if ctype in ("softbreak", "hardbreak"):
            out.add("".join(buf), start, hint=hint)
            buf = []
            line += 1
            start = line
        elif ctype in ("text", "text_special", "code_inline"):
            buf.append(child.content)
        elif ctype == "html_inline":
            m = _ANCHOR.match(child.content)
            if m:
                out.anchors.setdefault(m.group(1), line)
            elif child.content.lower().startswith("<br"):
                buf.append(" ")
        elif ctype == "image":
            buf.append(child.content)
        # em/strong/link open/close: markup only
    out.add("".join(buf), start, hint=hint)


def _fence(out: _Out, tok) -> None:
    first = tok.map[0] + 2  # the line after the opening ```
    for k, text in enumerate(tok.content.split("\n")):
        if not _RULE_ONLY.match(text):
            out.add(text, first + k, hint="code")


def _html_block(out: _Out, html: str, first_line: int, *, quote: bool) -> None:
    reader = _HtmlReader(first_line)
    reader.feed(html)
    reader.close()
    for anchor, line in reader.anchors.items():
        out.anchors.setdefault(anchor, line)
    for item in reader.items:
        if isinstance(item, _Table):
            _emit_table(out, item)
            out.gap = True
        else:
            for text, line in item:
                out.add(text, line, hint="quote" if quote else "p")


@dataclass(slots=True)
class _Cell:
    lines: list[tuple[str, int]] = field(default_factory=list)  # (text, raw line) per cell line
    rowspan: int = 1
    colspan: int = 1
    open_line: int = 0

    def text(self) -> str:
        return " ".join(" ".join(t for t, _ in self.lines).split())


@dataclass(slots=True)
class _Table:
    rows: list[list[_Cell]] = field(default_factory=list)


class _HtmlReader(HTMLParser):
    """Raw HTML of one Markdown html block -> tables (rows of cells) and loose text lines.

    A nested table's rows become lines of the outer cell that holds it."""

    _BLOCK = frozenset({"p", "div", "br", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6"})

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first = first_line
        self.items: list[_Table | list[tuple[str, int]]] = []
        self.anchors: dict[str, int] = {}
        self.depth = 0  # table nesting
        self.table: _Table | None = None
        self.cell: _Cell | None = None
        self.loose: list[tuple[str, int]] = []
        self._newline = True  # the next text starts a new line in its cell (or loose run)

    def _line(self) -> int:
        return self.first + self.getpos()[0] - 1

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("id"):
            self.anchors.setdefault(a["id"] or "", self._line())
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self._flush_loose()
                self.table = _Table()
                self.items.append(self.table)
        elif self.depth == 1 and tag == "tr" and self.table is not None:
            self.table.rows.append([])
        elif self.depth == 1 and tag in ("td", "th") and self.table is not None:
            if not self.table.rows:
                self.table.rows.append([])
            self.cell = _Cell(rowspan=_span(a.get("rowspan")), colspan=_span(a.get("colspan")),
                              open_line=self._line())
            self.table.rows[-1].append(self.cell)
            self._newline = True
        if tag in self._BLOCK:
            self._newline = True

    def handle_endtag(self, tag):
        if tag == "table":
            self.depth -= 1
            if self.depth == 0:
                self.table = None
                self.cell = None
        elif self.depth == 1 and tag in ("td", "th"):
            self.cell = None
        if tag in self._BLOCK or tag in ("td", "th"):
            self._newline = True

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self._BLOCK:
            return
        self._newline = True

    def handle_data(self, data):
        target = self.cell.lines if self.cell is not None else (self.loose if self.depth == 0 else None)
        if target is None:
            return  # text between rows or cells: HTML whitespace
        line = self._line()
        for k, piece in enumerate(data.split("\n")):
            if k:
                self._newline = True
            if piece.strip():
                if self._newline or not target:
                    target.append((piece, line + k))
                else:
                    text, at = target[-1]
                    target[-1] = (text + piece, at)
                self._newline = False

    def _flush_loose(self) -> None:
        if self.loose:
            self.items.append(self.loose)
            self.loose = []

    def close(self):
        super().close()
        self._flush_loose()


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def _emit_table(out: _Out, table: _Table) -> None:
    """Rows in order: a ``row`` line (first line of each cell), then each cell's further lines.

    ``cells`` is the logical row: a rowspan cell's text is carried down to the rows it spans
    (a register's ``А1`` level on each of its posts), a colspan cell counts once."""
    carried: dict[int, tuple[str, int]] = {}  # column -> (text, rows left)
    for row in table.rows:
        logical: list[str] = []
        col = 0
        cells = iter(row)
        cell = next(cells, None)
        while cell is not None or any(c >= col for c in carried):
            if col in carried:
                text, left = carried[col]
                logical.append(text)
                if left <= 1:
                    del carried[col]
                else:
                    carried[col] = (text, left - 1)
                col += 1
                continue
            if cell is None:
                col += 1
                continue
            text = cell.text()
            logical.append(text)
            if cell.rowspan > 1:
                for c in range(col, col + cell.colspan):
                    carried[c] = (text, cell.rowspan - 1)
            col += cell.colspan
            cell = next(cells, None)
        firsts = [c.lines[0] for c in row if c.lines]
        if not firsts:
            continue
        start = min(line for _, line in firsts)
        end = max(line for _, line in firsts)
        out.add(" ".join(text for text, _ in firsts), start, end, hint="row", cells=tuple(logical))
        for c in row:
            for text, line in c.lines[1:]:
                out.add(text, line, hint="cell")


def part_files(folder) -> list:
    """The ``partNNN.md`` files of a big act's language folder, in order."""
    return sorted(q for q in folder.glob("part*.md") if q.is_file())


def join_parts(main_text: str | None, parts: list[tuple[str, str]]) -> tuple[str, list[tuple[str, int]]]:
    """The whole text of a big act: its main file (up to its index of parts) then every part.

    Returns the text and, per file, its name and first raw line in the joined text."""
    chunks: list[str] = []
    where: list[tuple[str, int]] = []
    line = 1
    pieces = list(parts)
    if main_text is not None:
        kept = []
        for x in main_text.replace("\r\n", "\n").split("\n"):
            if PARTS_INDEX.match(x):
                break
            kept.append(x)
        pieces.insert(0, ("", "\n".join(kept).rstrip("\n")))
    for name, text in pieces:
        text = text.replace("\r\n", "\n").rstrip("\n")
        where.append((name, line))
        chunks.append(text)
        line += text.count("\n") + 2  # the blank line joining two files
    return "\n\n".join(chunks) + "\n", where
