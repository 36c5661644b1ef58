"""Which of the three layouts an act's posts are printed in.

* ``table`` — one table per post with a ``Бірлік саны Санаты Лауазым №`` header row;
* ``paragraph`` — a heading ``Title, С-3 санаты[, 1 бірлік, № 2-2-1]`` then a criteria table;
* ``characteristics`` — ``Параграф N. Title`` with numbered points (duties / knowledge /
  qualification requirements).

Decided by counting each layout's markers; None when an act has no posts (an amending act, a
public-service standard).
"""

from __future__ import annotations

import re
from typing import Literal

from kzqual.positions.labels import is_criteria_header, is_unit_header, match_label
from kzqual.text.model import CleanText

Layout = Literal["characteristics", "paragraph", "table"]

_PARAGRAPH_HEAD = re.compile(r"^(?:[Пп]араграф\s+\d+|\d+\s*-\s*параграф)")
_CATEGORY_HEAD = re.compile(r"санаты\b|категория\b", re.IGNORECASE)


def detect_layout(ct: CleanText) -> Layout | None:
    units = headers = paragraphs = sections = categories = 0
    for ln in ct.lines:
        t = ln.text
        if units and headers:
            return "table"  # the table layout's markers win; no need to read further
        if is_unit_header(t):
            units += 1
        elif is_criteria_header(t):
            headers += 1
        elif _PARAGRAPH_HEAD.match(t):
            paragraphs += 1
        elif t[:1].isdigit() and re.match(r"^\d+\s*\.", t) and match_label(t, table="sections"):
            sections += 1
        if _CATEGORY_HEAD.search(t):
            categories += 1
    if units >= 1 and headers >= 1:
        return "table"
    if headers >= 1 and categories >= 1:
        return "paragraph"
    if paragraphs >= 1 and sections >= 2:
        return "characteristics"
    return None
