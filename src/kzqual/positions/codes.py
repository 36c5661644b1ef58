"""Category codes and position numbers as printed -> canonical ASCII.

The requirements layer (``kzqual.positions.requirements``) owns the full versions
(``canonical_category``, ``expand_numbers``); these are the segmentation layer's own small
fallbacks, used only while that module does not provide them, so that extraction never depends
on a module being present.
"""

from __future__ import annotations

import re

# Cyrillic look-alikes that appear inside category codes (С-О-4, С-R-5, А3-2-1).
_TO_ASCII = str.maketrans({"С": "C", "с": "C", "О": "O", "о": "O", "Р": "R", "А": "A", "а": "A", "В": "B", "Е": "E"})
_DASHES = re.compile(r"(?<!\s)\s*[-–—‑]\s*")

# A civil-service category code as printed: С-3, С–4, С-О-4, С-R-5, C-R-1 (spaces tolerated).
CATEGORY_RE = re.compile(r"(?<![\w-])([СC]\s*[-–—]\s*(?:[ОO]\s*[-–—]\s*|[RР]\s*[-–—]\s*)?\d{1,2})(?![\w-])")
# A block code of a characteristics act: (А3-2-1), (С1), (А3-3\n-1).
BLOCK_CODE_RE = re.compile(r"\(\s*([АA-ЯA-Z]\s*\d+(?:\s*-\s*\d+)*)\s*\)")


def canonical_category(raw: str) -> str | None:
    """``С–4`` -> ``C-4``; ``С-О-4`` -> ``C-O-4``; ``А3-2-1`` -> ``A3-2-1``; else None."""
    text = _DASHES.sub("-", raw.strip()).replace(" ", "").translate(_TO_ASCII).upper()
    if re.fullmatch(r"C-(?:O-|R-)?\d{1,2}", text) or re.fullmatch(r"[A-Z]\d+(?:-\d+)*", text):
        return text
    return None


_NUMBER = re.compile(r"(?<!\d)\d+(?:\s*-\s*\d+)+")


def expand_numbers(raw: str) -> list[str]:
    """``№№ 4-3-1, 4-3-2`` -> ``["4-3-1", "4-3-2"]``; ``33-1- 2`` -> ``["33-1-2"]``."""
    return [re.sub(r"\s+", "", m.group(0)) for m in _NUMBER.finditer(raw)]
