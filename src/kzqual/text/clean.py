"""Raw export -> :class:`CleanText`: one clean line per meaningful raw line, provenance kept."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kzqual.errors import InputError
from kzqual.text import lookalike, spacing
from kzqual.text.decode import MAX_BYTES, decode
from kzqual.text.model import CleanLine, CleanText, Repair, TextWarning

# The official system's footer, e.g. "© 2012. Қазақстан Республикасы Әділет министрлігінің ..."
# (sometimes continued on the next line, ending in "институты").
_FOOTER = re.compile(r"^\s*©\s*\d{4}\.")
_FOOTER_TAIL = re.compile(r"(институты|институт)\s*\.?\s*$")
_PAGE_NUMBER = re.compile(r"^\s*(\d{1,4}|-\s*\d{1,4}\s*-|Страница \d+ из \d+|\d+ бет)\s*$")


def read(path: str | Path) -> CleanText:
    """Read and clean one file; raises :class:`InputError` for unusable files."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError("no such file", source=name, code="not_found")
    if p.is_dir():
        raise InputError("is a folder, not a file", source=name)
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            f"the file is too large ({size // (1024 * 1024)} MB; the limit is "
            f"{MAX_BYTES // (1024 * 1024)} MB)",
            source=name,
            code="too_large",
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", source=name) from None
    return clean_bytes(data, source=name)


def clean_bytes(data: bytes, *, source: str = "<bytes>") -> CleanText:
    text, encoding = decode(data, source=source)
    return clean(text, source=source, encoding=encoding)


def clean(text: str, *, source: str = "<text>", encoding: str = "utf-8") -> CleanText:
    """Clean already-decoded text.  Never raises on damaged text: damage becomes warnings."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    raw_lines = text.split("\n")
    lines: list[CleanLine] = []
    repairs: list[Repair] = []
    warnings: list[TextWarning] = []
    gap = False
    skip_footer_tail = False
    for i, raw in enumerate(raw_lines, start=1):
        stripped = raw.strip()
        if skip_footer_tail:
            skip_footer_tail = False
            if _FOOTER_TAIL.search(stripped):
                continue
        if not stripped:
            gap = True
            continue
        if _FOOTER.match(raw):
            skip_footer_tail = not _FOOTER_TAIL.search(stripped)
            gap = True
            continue
        if _PAGE_NUMBER.match(raw) and _between_gaps(raw_lines, i):
            gap = True
            continue
        fixed = spacing.unspace_line(raw.rstrip())
        if fixed != raw.rstrip():
            repairs.append(Repair("letter_spacing", i, raw.strip(), fixed.strip()))
        fixed, word_repairs = lookalike.repair_line(fixed)
        for raw_word, fixed_word in word_repairs:
            repairs.append(Repair("latin_lookalike", i, raw_word, fixed_word))
        for word in lookalike.mixed_unrepairable(fixed):
            warnings.append(
                TextWarning("mixed_script", f"word mixes Latin and Cyrillic letters: {word!r}", i, i)
            )
        lines.append(CleanLine(text=fixed.strip(), raw_start=i, raw_end=i, after_gap=gap))
        gap = False
    return CleanText(
        source=source,
        encoding=encoding,
        raw_lines=raw_lines,
        lines=lines,
        repairs=repairs,
        warnings=warnings,
    )


def _between_gaps(raw_lines: list[str], lineno: int) -> bool:
    before = raw_lines[lineno - 2].strip() if lineno >= 2 else ""
    after = raw_lines[lineno].strip() if lineno < len(raw_lines) else ""
    return not before and not after
