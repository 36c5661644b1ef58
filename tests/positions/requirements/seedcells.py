"""Grep-style extraction of criterion cells from the bundled seeds, for survey tests.

Deliberately simple and independent of the segmentation layer: a cell runs from its label to the
next label (or a post heading).  Returns (first raw line, text) pairs.
"""

from __future__ import annotations

import re
from pathlib import Path

_STOP = re.compile(
    r"^\s*(?:Функц?и?оналдық|Функионалдық|Білімі|Кәсіби|К ә с і б и|Кәсіптік|Өлшем|Критерий|Лауазымға)"
    r"|санаты\s*$"
)
_EXPERIENCE_LABEL = re.compile(r"^\s*(?:Практикалық\s+тәжірибе(?:сі)?|Практический\s+опыт|Практикалық\s*$)")
# The export also drops the label into the middle of a cell's line: removed, the line kept.
_DISPLACED_LABEL = re.compile(r"Практикалық\s+тәжірибе(?:сі)?")
_LIST_START = re.compile(r"келесі талаптардың")


def experience_cells(path: Path) -> list[tuple[int, str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cells: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        label = _EXPERIENCE_LABEL.search(line)
        starts_list = _LIST_START.search(line)
        if label or starts_list:
            first = line[label.end() :] if label else line
            buf = [first]
            j = i + 1
            if label and j < len(lines) and lines[j].strip() == "тәжірибесі":
                j += 1  # the label broken over two lines
            while j < len(lines) and not _STOP.search(lines[j]) and not _LIST_START.search(lines[j]):
                buf.append(_DISPLACED_LABEL.sub(" ", lines[j]))
                j += 1
            text = "\n".join(b for b in buf if b.strip())
            if text.strip():
                cells.append((i + 1, text))
            i = j
        else:
            i += 1
    return cells
