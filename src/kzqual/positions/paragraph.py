"""The paragraph layout: ``Title, С-3 санаты[, K бірлік, № a-b-c]`` then a criteria table.

Each post is anchored on its criteria header row (``Өлшемшарттар Талаптар`` / ``Өлшемдер
Талаптар``); its heading is the block of lines just above it, its rows run until the next post's
heading, department heading or appendix.  Department headings (``1. Хатшылық``, or glued to the
title) and appendices (``2-қосымша``) carry over to the posts that follow them.
"""

from __future__ import annotations

import re

from kzqual.acts.model import Span
from kzqual.positions.blocks import appendix_number, block_start, ends_sentence, gap_blocks
from kzqual.positions.build import RawPost, expand_numbers
from kzqual.positions.headings import (
    HAS_CATEGORY,
    division_of,
    is_department_heading,
    parse_heading,
)
from kzqual.positions.labels import is_criteria_header, match_label
from kzqual.positions.model import ParseWarning
from kzqual.positions.warnings import warn
from kzqual.text.model import CleanText


_MAX_HEADING_LINES = 6  # the longest heading block in the reference acts has 5 lines


def _shorten_heading(lines, hs: int, h: int) -> int:
    """Start of a heading within an over-long block: the last line, scanning upwards over at
    most ``_MAX_HEADING_LINES - 1`` lines, that starts with a capital letter or a number."""
    start = h - 1
    for k in range(h - 1, max(hs, h - _MAX_HEADING_LINES) - 1, -1):
        if lines[k].text[:1].isupper() or lines[k].text[:1].isdigit():
            start = k
    return start


def _heading_start(lines, h: int, lo: int) -> int:
    """First line of the heading printed above the criteria header at ``h``."""
    e = h - 1
    j = e
    while j > lo and not lines[j].after_gap and not _ends_text(lines, j - 1):
        j -= 1
    return j


def _ends_text(lines, k: int) -> bool:
    """Line ``k`` cannot be part of the heading below it: it ends a sentence, lists items
    (``;``) or is a criterion label."""
    t = lines[k].text
    if ends_sentence(t) or ";" in t:
        return True
    nxt = lines[k + 1].text if k + 1 < len(lines) else None
    return match_label(t, nxt) is not None or match_label(t) is not None


def extract_paragraph(ct: CleanText) -> tuple[list[RawPost], list[ParseWarning]]:
    lines = ct.lines
    warnings: list[ParseWarning] = []
    anchors: list[tuple[int, int]] = []  # (heading start, criteria header index)
    lo = 0
    for h, ln in enumerate(lines):
        if not is_criteria_header(ln.text) or h == 0:
            continue
        hs = _heading_start(lines, h, lo)
        heading_text = " ".join(x.text for x in lines[hs:h])
        if not HAS_CATEGORY.search(heading_text):
            # a table header reprinted after a page break, not a new post
            # (with the lines above it: if a post heading is there after all, it is named)
            warnings.append(warn("criteria_header_without_heading", line=ln.raw_start,
                                 lines=Span(start=lines[hs].raw_start if hs < h else ln.raw_start, end=ln.raw_end)))
            continue
        if h - hs > _MAX_HEADING_LINES:
            # no gap or sentence end between the previous post's text and this heading: keep
            # the heading to its usual size rather than swallow the previous post's text
            hs = _shorten_heading(lines, hs, h)
            warnings.append(warn("heading_not_separated", line=ln.raw_start, start=lines[hs].raw_start))
        anchors.append((hs, h))
        lo = h + 1

    posts: list[RawPost] = []
    appendix: str | None = None
    department: str | None = None
    seq: dict[str | None, int] = {}
    for n, (hs, h) in enumerate(anchors):
        # what lies between the previous post's rows and this heading
        region_lo = anchors[n - 1][1] + 1 if n else 0
        cut = hs  # where the previous post's body ends (exclusive)
        blocks = gap_blocks(lines, region_lo, hs)
        candidates = blocks[-1:]  # a department heading sits just above the post heading...
        for bi, (b0, b1) in enumerate(blocks):
            num = next((appendix_number(x.text) for x in lines[b0:b1] if appendix_number(x.text)), None)
            if num is not None:
                appendix, department = num, None
                cut = min(cut, b0)
                candidates = blocks[bi + 1 :]  # ...or anywhere after an appendix title
        for b0, b1 in reversed(candidates):
            texts = [x.text for x in lines[b0:b1]]
            if (b0 > region_lo or not n) and is_department_heading(texts):
                department = re.sub(r"^\d+\s*\.\s*", "", " ".join(texts))
                cut = min(cut, b0)
                break
        if n:
            posts[-1].fill_rows(lines[anchors[n - 1][1] + 1 : cut])

        head = parse_heading([x.text for x in lines[hs:h]])
        if head.department:
            department = head.department
        numbers = expand_numbers(head.numbers_raw, head.warnings) if head.numbers_raw else []
        seq[appendix] = seq.get(appendix, 0) + 1
        if numbers:
            key = numbers[0]
        elif appendix is not None:
            key = f"a{appendix}-{seq[appendix]}"
        else:
            key = f"n{seq[appendix]}"
        post = RawPost(
            key=key,
            title=head.title,
            start=lines[hs].raw_start,
            end=lines[h].raw_end,
            department=department,
            division=division_of(head.title),
            appendix=appendix,
            category_raw=head.category_raw,
            units=head.units,
            numbers=numbers,
            warnings=list(head.warnings),
        )
        if head.units is not None and numbers and head.units != len(numbers):
            post.warnings.append(
                warn("units_numbers_mismatch", units=head.units, count=len(numbers), numbers=", ".join(numbers))
            )
        elif head.units is not None and not numbers:
            post.warnings.append(warn("units_without_number", units=head.units))
        posts.append(post)
    if anchors:
        posts[-1].fill_rows(lines[anchors[-1][1] + 1 : _document_end(lines, anchors[-1][1])])
    return posts, warnings


def _document_end(lines, h: int) -> int:
    """End of the last post: the document end, or an appendix marker after it."""
    for k in range(h + 1, len(lines)):
        if appendix_number(lines[k].text) is not None:
            return block_start(lines, k, h + 1)
    return len(lines)


