"""Split a post's criteria table (the lines after ``Өлшемшарттар Талаптар``) into rows.

Input is a run of clean lines; output is criterion -> :class:`Piece` (clean text and raw line
span).  The label table in :mod:`kzqual.positions.labels` decides what a row label is, so the
same code reads Kazakh and Russian labels, letter-spaced, glued or broken over two lines.

Damage handled here, always with a warning so nothing is silently reinterpreted:

* a label repeated (a page break reprinted the table header) -> the texts are joined;
* a row whose label is followed by no text while text printed just before the label after a
  page break belongs to nobody else -> that text is the row's (the export moved it up);
* text before the first label -> kept out of every row and reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kzqual.acts.lexicon import entries
from kzqual.acts.model import Span
from kzqual.positions.labels import match_label, may_be_label
from kzqual.positions.model import ParseWarning
from kzqual.positions.warnings import warn
from kzqual.text.model import CleanLine



@dataclass(slots=True)
class Piece:
    """The clean text of one criterion and the raw lines it came from."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Rows:
    pieces: dict[str, Piece] = field(default_factory=dict)
    warnings: list[ParseWarning] = field(default_factory=list)
    label_lines: list[int] = field(default_factory=list)  # raw lines holding labels


def join_lines(texts: Sequence[str]) -> str:
    """Join wrapped lines into one running text (PDF line breaks carry no meaning)."""
    # one split over the joined lines: every whitespace run becomes one space, ends trimmed
    # (the same as joining the stripped lines and collapsing ``\s+``, at a third of the cost)
    # a word hyphenated across a line break keeps its hyphen ("әкімшілік-\nаумақтық")
    return " ".join(" ".join(texts).split())


def piece_of(items: Sequence[tuple[CleanLine, str]]) -> Piece | None:
    """A Piece from (line, text) pairs; the span covers only lines that contributed text."""
    used = [(ln, t) for ln, t in items if t.strip()]
    if not used:
        return None
    text = join_lines([t for _, t in used])
    return Piece(text, min(ln.raw_start for ln, _ in used), max(ln.raw_end for ln, _ in used))


Item = tuple[CleanLine, str]
RawRow = tuple[str, list[Item], int]  # (criterion, items in reading order, label line)


def split_rows(
    lines: Sequence[CleanLine], *, table: str = "criteria", last: str | None = None
) -> Rows:
    """Split ``lines`` at row labels.

    ``last``: the criterion the layout prints last (``duties``).  When its label is missing and
    the last row ends with a separate, complete-looking block (a page gap after a finished
    sentence, then a capitalised paragraph), that block is taken as the unlabelled last row,
    with a warning."""
    rows = Rows()
    lines = rejoin_label_cells(lines, table)
    marks: list[tuple[int, str, int, str]] = []  # (line index, name, lines used, rest)
    i = 0
    while i < len(lines):
        if not may_be_label(lines[i].text, table):
            i += 1  # most lines of a table are running text: skip the call
            continue
        nxt = lines[i + 1].text if i + 1 < len(lines) else None
        cells = lines[i].cells
        hit = match_label(lines[i].text, nxt, table=table, first_cell=cells[0] if cells else None)
        if hit is not None:
            marks.append((i, hit.name, hit.lines_used, hit.rest))
            rows.label_lines.extend(ln.raw_start for ln in lines[i : i + hit.lines_used])
            i += hit.lines_used
        else:
            i += 1
    if not marks:
        if lines:
            rows.warnings.append(warn("no_criteria_labels", start=lines[0].raw_start, end=lines[-1].raw_end))
        return rows
    raw: list[RawRow] = []
    for n, (idx, name, used, rest) in enumerate(marks):
        end = marks[n + 1][0] if n + 1 < len(marks) else len(lines)
        label_last = idx + used - 1
        items: list[Item] = [(lines[label_last], rest)]
        items += [(ln, ln.text) for ln in lines[label_last + 1 : end]]
        raw.append((name, items, lines[idx].raw_start))
    if marks[0][0] > 0:
        # a page break printed the first row's text above its label
        stray = list(lines[: marks[0][0]])
        name, items, label_line = raw[0]
        raw[0] = (name, [(ln, ln.text) for ln in stray] + items, label_line)
        rows.warnings.append(_before_label(name, stray[0].raw_start, stray[-1].raw_end, label_line))
    _move_openers_printed_before_label(raw, rows.warnings)
    _move_list_printed_before_label(raw, rows.warnings)
    _move_text_printed_before_label(raw, rows.warnings)
    if last is not None and all(r[0] != last for r in raw):
        _split_unlabelled_last(raw, last, rows.warnings)
    for n, (name, items, label_line) in enumerate(raw):
        piece = piece_of(items)
        if piece is None:
            if n + 1 < len(raw) and raw[n + 1][0] == name:
                continue  # the label printed in both languages ("Образование" / "Білімі")
            rows.warnings.append(warn("empty_criterion", criterion=name, label_line=label_line))
            continue
        if name in rows.pieces:
            old = rows.pieces[name]
            if old.text == piece.text:
                rows.warnings.append(warn("duplicate_criterion", criterion=name, label_line=label_line))
                continue
            rows.warnings.append(warn("criterion_labelled_twice", criterion=name, label_line=label_line))
            rows.pieces[name] = Piece(
                join_lines([old.text, piece.text]), min(old.start, piece.start), max(old.end, piece.end)
            )
        else:
            rows.pieces[name] = piece
    return rows


def rejoin_label_cells(lines: Sequence[CleanLine], table: str = "criteria") -> Sequence[CleanLine]:
    """A label cell printed over several lines, put back together on its row's line.

    A Markdown table row is one clean line made of each cell's first line, then one line per
    further line of each cell; a label cell broken over two lines (adilet-2017-112097
    kaz/part001.md lines 45-47: ``<td>`` / ``Кәсіби`` / ``біліктілігі`` / ``</td>``) gives the row
    line ``Кәсіби Қазақстан Республикасының Конституциясын, …`` and a line ``біліктілігі``, so the
    label is not seen and the competence text runs on into the row before.  The row's first cell
    (``CleanLine.cells``) is the whole label: where it is one and the further lines are exactly the
    rest of its words, the row line is rewritten to ``label + the rest of the row`` and those lines
    dropped (their raw lines stay in the row's span)."""
    out: list[CleanLine] | None = None
    i = 0
    while i < len(lines):
        ln = lines[i]
        cells = ln.cells
        if not cells or not cells[0].strip():
            if out is not None:
                out.append(ln)
            i += 1
            continue
        words = cells[0].split()
        have = ln.text.split()
        k = 0
        while k < len(words) and k < len(have) and words[k] == have[k]:
            k += 1
        extra: list[CleanLine] = []
        if 0 < k < len(words):
            hit = match_label(" ".join(words), table=table, first_cell=cells[0])
            need = words[k:]
            j = i + 1
            while need and j < len(lines) and lines[j].hint == "cell":
                got = lines[j].text.split()
                if got != need[: len(got)]:
                    break
                extra.append(lines[j])
                need = need[len(got):]
                j += 1
            if hit is None or hit.rest or need:
                extra = []
        if not extra:
            if out is not None:
                out.append(ln)
            i += 1
            continue
        if out is None:
            out = list(lines[:i])
        text = " ".join(words + have[k:])
        out.append(CleanLine(text=text, raw_start=ln.raw_start, raw_end=max(ln.raw_end, extra[-1].raw_end),
                             after_gap=ln.after_gap, hint=ln.hint, cells=cells))
        i += 1 + len(extra)
    return lines if out is None else out


_UNFINISHED_WORDS = ("және", "мен", "немесе", "бен", "пен", "и", "или", "а также")


def _unfinished(text: str) -> bool:
    """Text that stops mid-sentence: a trailing comma, an open quote or a conjunction."""
    t = text.rstrip()
    if not t:
        return False
    if t[-1] in ',«"(-–„':
        return True
    return t.lower().endswith(tuple(" " + w for w in _UNFINISHED_WORDS))


def _finished(text: str) -> bool:
    return text.rstrip().endswith((".", ";", "!", "?"))


# Cells of these acts often end without a full stop on the clause's predicate ("… жұмыс істей
# білуі", "… болуы"); such an ending closes the cell as surely as a full stop does.
_CLOSING_WORDS = ("білуі", "болуы", "етілмейді", "талап етілмейді")
_ITEM_MARKER = re.compile(r"^\s*(\d{1,2}[).]|[-–•])")


def _closed(text: str) -> bool:
    t = text.rstrip()
    return _finished(t) or t.lower().endswith(_CLOSING_WORDS)


def _starts_new_block(text: str) -> bool:
    """A capitalised start that is not a numbered item or a dash: not a continuation of a list."""
    t = text.lstrip(" «\"")
    return bool(t) and t[0].isupper() and not _ITEM_MARKER.match(text)


def _move_text_printed_before_label(
    raw: list[tuple[str, list[CleanLine], str, int]], warnings: list[ParseWarning]
) -> None:
    """A page break can print the start of a cell *before* its label::

        <row A text>.  / gap / <start of row B text, unfinished> / gap / <label B> <rest of B>

    The gap-separated tail of row A moves to row B when row B has no text of its own, or when the
    tail stops mid-sentence while row A's own text before it is complete (or the tail ends in a
    comma, an open quote or a conjunction, which no row ends with)."""
    for n in range(1, len(raw)):
        name, items, label_line = raw[n]
        prev_name, prev_items, prev_label = raw[n - 1]
        cut = None
        for k in range(len(prev_items) - 1, 0, -1):
            if prev_items[k][0].after_gap:
                cut = k
                break
        if cut is None:
            continue
        tail = prev_items[cut:]
        head = join_lines([t for _, t in prev_items[:cut]])
        tail_text = join_lines([t for _, t in tail])
        empty = not any(t.strip() for _, t in items)
        if not empty:
            if not head:
                continue
            closed_head = _closed(head)
            if not (
                _unfinished(tail_text)
                or (_finished(head) and not _finished(tail_text))
                # a closed cell, a page break, then a new capitalised block: the block is the next
                # row's text printed above its label (mes-161 style: duties before their label)
                or (closed_head and not _finished(head) and _starts_new_block(tail_text))
            ):
                continue
        _move_tail(raw, n, cut, warnings)


_LIST_ITEM = re.compile(r"^\s*(\d{1,2})\s?\)")
_ANY_ITEM = re.compile(r"(?:^|[\s:;.])(\d{1,2})\s?\)")


def _move_list_printed_before_label(raw: list[RawRow], warnings: list[ParseWarning]) -> None:
    """A page break can print the first items of a list (and the sentence introducing it) *before*
    the row's label: ``<row A text> / Жұмыс тәжірибесі … біріне сәйкес болуы тиіс: / 1) … / 2) …
    / gap / <label B> / 3) …``.  Row B starting at item N > 1 while row A ends with items 1 .. N-1
    (mes-161: posts a1-62, a1-67, a1-73, a2-39) means those items are B's: they move, with their
    introducing line, and the post says so (``row_text_before_label``)."""
    for n in range(1, len(raw)):
        name, items, label_line = raw[n]
        first = next((t for _, t in items if t.strip()), "")
        m = _LIST_ITEM.match(first)
        if m is None or int(m.group(1)) < 2:
            continue
        want = int(m.group(1))
        prev_name, prev_items, prev_label = raw[n - 1]
        start = next((k for k in range(len(prev_items) - 1, 0, -1) if _LIST_ITEM.match(prev_items[k][1])
                      and int(_LIST_ITEM.match(prev_items[k][1]).group(1)) == 1), None)
        if start is None:
            continue
        labels = [int(x.group(1)) for x in _ANY_ITEM.finditer(join_lines([t for _, t in prev_items[start:]]))]
        if labels[: want - 1] != list(range(1, want)) or len([x for x in labels if x >= want]):
            continue  # not the items 1 .. N-1, in order, and nothing after them
        # the sentence that introduces the list ("… біріне сәйкес болуы тиіс:"), up to 3 lines
        for k in range(start - 1, max(0, start - 4), -1):
            if prev_items[k][1].rstrip().endswith(":"):
                start = k
                while start > 1 and not prev_items[start][0].after_gap and start > k - 2:
                    start -= 1
                break
        if start < 1 or not join_lines([t for _, t in prev_items[:start]]):
            continue  # row A would be left without text: not a displaced list
        _move_tail(raw, n, start, warnings)


def _move_openers_printed_before_label(raw: list[RawRow], warnings: list[ParseWarning]) -> None:
    """Text that can only open row B (vocabulary ``row_opener``: the laws a post must know open
    the competence row) found after a page gap at the end of row A is B's text printed above B's
    label (mes-161 a1-41, a2-27; mebp-75 16-1-3): it moves to B instead of running on in A."""
    for n in range(1, len(raw)):
        name, items, label_line = raw[n]
        openers = [e for e in entries("row_opener") if e.meaning == name]
        if not openers:
            continue
        prev_name, prev_items, prev_label = raw[n - 1]
        if prev_name == name:
            continue
        cut = next(
            (k for k in range(1, len(prev_items))
             if prev_items[k][0].after_gap and any(e.search(prev_items[k][1].strip()) for e in openers)),
            None,
        )
        if cut is None:
            continue
        _move_tail(raw, n, cut, warnings)


def _move_tail(raw: list[RawRow], n: int, cut: int, warnings: list[ParseWarning]) -> None:
    """Row n-1's items from ``cut`` on are row n's text printed above its label: move them, and say so."""
    name, items, label_line = raw[n]
    prev_name, prev_items, prev_label = raw[n - 1]
    tail = prev_items[cut:]
    raw[n - 1] = (prev_name, prev_items[:cut], prev_label)
    raw[n] = (name, tail + items, label_line)
    warnings.append(_before_label(name, tail[0][0].raw_start, tail[-1][0].raw_end, label_line))


def _split_unlabelled_last(raw: list[RawRow], last: str, warnings: list[ParseWarning]) -> None:
    name, items, label_line = raw[-1]
    cut = None
    for k in range(len(items) - 1, 0, -1):
        if items[k][0].after_gap:
            cut = k
            break
    if cut is None:
        return
    head = join_lines([t for _, t in items[:cut]])
    tail = items[cut:]
    first = tail[0][1].lstrip()
    if not head or not _finished(head) or not first[:1].isupper():
        return
    raw[-1] = (name, items[:cut], label_line)
    raw.append((last, [(tail[0][0], "")] + tail, tail[0][0].raw_start))
    warnings.append(
        warn("row_without_label", criterion=last, start=tail[0][0].raw_start, end=tail[-1][0].raw_end,
             previous=name)
    )


def _before_label(name: str, start: int, end: int, label_line: int) -> ParseWarning:
    return warn("row_text_before_label", criterion=name, start=start, end=end, label_line=label_line,
                lines=Span(start=start, end=end))
