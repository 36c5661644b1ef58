"""The table layout: one table per post.

::

    Лауазымға қойылатын біліктілік талаптары   <- left header cell, 1-4 lines or glued
    <title, possibly with its department path>  <- right cell, interleaved with the left one
    Бірлік саны Санаты Лауазым №                <- unit header (anchor)
    1 С-3 01-1-1                                <- units, category, numbers (may wrap)
    Критерийлер Талаптар
    Білімі ... / Кәсіби құзыреттілігі ... / Практикалық тәжірибесі ... / Функционалдық міндеттері ...

Department headings stand between tables.  A title cell can start above the left header cell
after a page break (``Макроэкономикалық талдау және болжамдау`` / header / ``департаменті``...);
a title starting in lower case pulls that block back into the title.
"""

from __future__ import annotations

import re

from kzqual.positions.blocks import appendix_number, ends_sentence, gap_blocks
from kzqual.positions.build import RawPost, expand_numbers
from kzqual.positions.headings import (
    division_of,
    is_department_heading,
    join_with_ends,
    split_department,
)
from kzqual.positions.labels import (
    TABLE_MARKER,
    TABLE_MARKER_WORDS,
    edit_distance,
    is_criteria_header,
    is_unit_header,
    key,
    match_label,
    strip_label,
)
from kzqual.positions.model import ParseWarning
from kzqual.positions.warnings import warn
from kzqual.text.model import CleanText

_UNIT_ROW = re.compile(
    r"^(?P<units>\d+)\s+(?P<cat>[СC]\s*[-–—]\s*(?:[ОO]\s*[-–—]\s*|[RР]\s*[-–—]\s*)?\d{1,2})"
    r"(?P<nums>(?:\s+.*)?)$",
    re.S,
)
_MAX_HEAD = 16  # lines between the left header cell and the unit header


def _is_marker_part(text: str) -> bool:
    """A line holding only words of the left header cell (misspelt ones too: ``білктілік``)."""
    k = key(text)
    if not k:
        return False
    if k in TABLE_MARKER_WORDS or (len(k) >= 9 and TABLE_MARKER.startswith(k)):
        return True
    return len(k) >= 8 and any(
        abs(len(k) - len(w)) <= 1 and edit_distance(k, w, 1) <= 1 for w in TABLE_MARKER_WORDS
    )


def _find_marker(lines, u: int, lo: int) -> int | None:
    for j in range(u - 1, max(lo, u - _MAX_HEAD) - 1, -1):
        k = key(lines[j].text)
        if k.startswith("лауазымға") or k.startswith(TABLE_MARKER[:20]):
            return j
    return None


def extract_table(ct: CleanText) -> tuple[list[RawPost], list[ParseWarning]]:
    lines = ct.lines
    warnings: list[ParseWarning] = []
    units_idx = [i for i, ln in enumerate(lines) if is_unit_header(ln.text)]
    # per post: (table start, unit header, criteria header)
    tables: list[tuple[int, int, int]] = []
    lo = 0
    for u in units_idx:
        m = _find_marker(lines, u, lo)
        start = m if m is not None else u
        while start > lo and m is None and not lines[start].after_gap:
            start -= 1
        c = None
        for k in range(u + 1, min(len(lines), u + 12)):
            if is_criteria_header(lines[k].text):
                c = k
                break
            if is_unit_header(lines[k].text):
                break
        if c is None:
            # no header row: the rows start at the first criterion label
            c = u
            for k in range(u + 1, min(len(lines), u + 12)):
                nxt = lines[k + 1].text if k + 1 < len(lines) else None
                if match_label(lines[k].text, nxt) is not None:
                    c = k - 1
                    break
            warnings.append(warn("unit_header_without_criteria", line=lines[u].raw_start))
        if m is None:
            warnings.append(warn("table_without_header_cell", line=lines[u].raw_start))
        tables.append((start, u, c))
        lo = c + 1

    posts: list[RawPost] = []
    department: str | None = None
    appendix: str | None = None
    for n, (start, u, c) in enumerate(tables):
        region_lo = tables[n - 1][2] + 1 if n else 0
        title_lines = []
        for ln in lines[start:u]:
            text = ln.text
            if _is_marker_part(text):
                continue
            stripped = strip_label(text, TABLE_MARKER) if key(text).startswith(TABLE_MARKER) else None
            if stripped is not None:
                text = stripped
            elif key(text).startswith("лауазымға"):
                text = re.sub(r"^\s*Лауазымға\s*(қойылатын)?\s*(біліктілік)?\s*(талаптары)?", "", text)
            if text.strip():
                title_lines.append(text.strip())
        cut = start  # end (exclusive) of the previous post's body
        post_start = start
        blocks = gap_blocks(lines, region_lo, start)
        for b0, b1 in blocks:
            num = next((appendix_number(x.text) for x in lines[b0:b1] if appendix_number(x.text)), None)
            if num is not None:
                appendix, department = num, None
                cut = min(cut, b0)
        if blocks:
            b0, b1 = blocks[-1]
            texts = [x.text for x in lines[b0:b1]]
            if (
                title_lines
                and title_lines[0][:1].islower()
                and (b0 > region_lo or not n)
                and len(texts) <= 2
                and not ends_sentence(texts[-1])
            ):
                # the title cell started above the left header cell (a page break)
                title_lines = texts + title_lines
                cut = min(cut, b0)
                post_start = b0
            else:
                for size in (3, 2, 1):
                    if size > len(texts):
                        continue
                    suffix = texts[-size:]
                    before = texts[:-size]
                    ok_before = not before or ends_sentence(before[-1]) or key(before[-1]).endswith(
                        ("талаптар", "талаптары")
                    )
                    if ok_before and (b0 > region_lo or not n) and is_department_heading(suffix):
                        department = re.sub(r"^\d+\s*\.\s*", "", " ".join(suffix))
                        cut = min(cut, b0 + len(before)) if n else cut
                        break
        if n:
            posts[-1].fill_rows(lines[tables[n - 1][2] + 1 : cut])

        post_warnings: list[ParseWarning] = []
        text, ends = join_with_ends(title_lines)
        dept_in_title, title, w = split_department(text, ends, inline_ok=True)
        post_warnings.extend(w)
        if dept_in_title:
            department = dept_in_title
        unit_text = " ".join(x.text for x in lines[u + 1 : c])
        um = _UNIT_ROW.match(unit_text.strip())
        units = None
        cat = None
        numbers: list[str] = []
        if um:
            units = int(um.group("units"))
            cat = um.group("cat").strip()
            numbers = expand_numbers(um.group("nums"), post_warnings)
        else:
            post_warnings.append(warn("unit_row_not_understood", text=repr(unit_text.strip())))
        if units is not None and numbers and units != len(numbers):
            post_warnings.append(
                warn("units_numbers_mismatch", units=units, count=len(numbers), numbers=", ".join(numbers))
            )
        elif units is not None and not numbers:
            post_warnings.append(warn("units_without_number", units=units))
        if not title:
            post_warnings.append(warn("post_without_title"))
        posts.append(
            RawPost(
                key=numbers[0] if numbers else f"t{n + 1}",
                title=title.strip(" ,"),
                start=lines[post_start].raw_start,
                end=lines[c].raw_end,
                department=department,
                division=division_of(title),
                appendix=appendix,
                category_raw=cat,
                units=units,
                numbers=numbers,
                warnings=post_warnings,
            )
        )
    if tables:
        posts[-1].fill_rows(lines[tables[-1][2] + 1 :])
    return posts, warnings


