"""Raw export -> :class:`CleanText`: one clean line per meaningful raw line, provenance kept."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kzqual.errors import InputError
from kzqual.text import displaced, lookalike, markdown, spacing
from kzqual.text.decode import MAX_BYTES, decode_report
from kzqual.text.model import CleanLine, CleanText, Repair, TextWarning

# The official system's footer, e.g. "© 2012. Қазақстан Республикасы Әділет министрлігінің ..."
# (sometimes continued on the next line, ending in "институты").
_FOOTER = re.compile(r"^\s*©\s*\d{4}\.")
# The footer's continuation ends in the institute's name ("... институты» ШЖҚ РМК").
_FOOTER_TAIL = re.compile(r"институт", re.IGNORECASE)
_FOOTER_TAIL_LINES = 2
# The footer's second line on its own (its first line lost in the export).
_FOOTER_ORPHAN = re.compile(r"^\s*құқықтық ақпарат институты»\s*ШЖҚ\s*РМК\s*$")
_FURNITURE_HEADS = frozenset("©0123456789-СқҚ")
_PAGE_NUMBER = re.compile(r"^\s*(\d{1,4}|-\s*\d{1,4}\s*-|Страница \d+ из \d+|\d+ бет)\s*$")


def read(path: str | Path, *, allow_truncated: bool = False) -> CleanText:
    """Read and clean one file; raises :class:`InputError` for unusable files.

    A file that ends inside a character was cut off (a broken download or copy): its text is
    incomplete, and everything read from it -- a post count, a registry version -- would quietly
    be wrong, so it is refused (``code="truncated"``) unless ``allow_truncated``, which keeps it
    with a ``truncated`` warning on its last line (as :func:`clean_bytes` always does)."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError("no such file", source=name, code="not_found")
    if p.is_dir():
        if markdown.part_files(p):
            return _read_parts(p, name)
        raise InputError("is a folder, not a file", source=name)
    if not p.is_file():
        # a device or pipe reports size 0 and may never end: refuse before reading
        raise InputError("is not a regular file", source=name)
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
    if p.suffix.lower() == ".md":
        folder = p.with_suffix("")
        if folder.is_dir() and markdown.part_files(folder):
            return _read_parts(folder, name, main=data)
        ct = _clean_md_bytes(data, source=name)
    else:
        ct = clean_bytes(data, source=name)
    if not allow_truncated:
        cut = next((w for w in ct.warnings if w.code == "truncated"), None)
        if cut is not None:
            raise InputError(f"{cut.message}: the file looks cut off (its end is missing)", source=name,
                             code="truncated")
    return ct


def _clean_md_bytes(data: bytes, *, source: str, parts: list[tuple[str, int]] | None = None) -> CleanText:
    decoded = decode_report(data, source=source)
    ct = markdown.clean_markdown(decoded.text, source=source, encoding=decoded.encoding, parts=parts)
    for code, message in decoded.problems:
        line = len(ct.raw_lines) if code == "truncated" else 1
        ct.warnings.append(TextWarning(code, message, line, line))
    return ct


def _read_parts(folder: Path, name: str, *, main: bytes | None = None) -> CleanText:
    """A big act's language text split into ``kaz/partNNN.md`` files: the main file ``kaz.md``
    (when given or present beside the folder) then the parts, read as one text whose raw lines
    run on across the files (:attr:`CleanText.parts` says where each file starts)."""
    files = markdown.part_files(folder)
    main_path = folder.with_suffix(".md")
    if main is None and main_path.is_file():
        main = main_path.read_bytes()
    total = sum(f.stat().st_size for f in files) + len(main or b"")
    if total > MAX_BYTES * 4:
        raise InputError(f"the parts are too large together ({total // (1024 * 1024)} MB)", source=name,
                         code="too_large")
    try:
        texts = [(f.name, decode_report(f.read_bytes(), source=str(f)).text) for f in files]
    except OSError as exc:
        raise InputError(f"cannot read a part ({exc.strerror})", source=name) from None
    main_text = decode_report(main, source=str(main_path)).text if main is not None else None
    text, where = markdown.join_parts(main_text, texts)
    return _clean_md_bytes(text.encode("utf-8"), source=name, parts=where)


def clean_as(text: str, *, source: str) -> CleanText:
    """Clean stored raw text the way it was read at ingest: Markdown for a ``.md`` source or a
    parts folder (``kaz`` / ``rus``), plain text otherwise."""
    name = Path(source).name
    if name.lower().endswith(".md") or name in ("kaz", "rus"):
        return markdown.clean_markdown(text, source=source)
    return clean(text, source=source)


def clean_bytes(data: bytes, *, source: str = "<bytes>") -> CleanText:
    decoded = decode_report(data, source=source)
    ct = clean(decoded.text, source=source, encoding=decoded.encoding)
    last = len(ct.raw_lines)
    for code, message in decoded.problems:
        line = last if code == "truncated" else 1
        ct.warnings.append(TextWarning(code, message, line, line))
    return ct


def clean(text: str, *, source: str = "<text>", encoding: str = "utf-8") -> CleanText:
    """Clean already-decoded text.  Never raises on damaged text: damage becomes warnings."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    raw_lines = text.split("\n")
    # Per-line checks that most lines fail, run once over the whole text (a scan in C instead
    # of a call per line); a line not listed cannot match (see each pattern's note).
    spaced = _lines_with(_SPACED_ANYWHERE, text)
    latin = _lines_with(_ANY_LATIN, text)  # the repairs below add no Latin letter
    glued = _lines_with(_GLUED_LINE, text)
    lines: list[CleanLine] = []
    repairs: list[Repair] = []
    warnings: list[TextWarning] = []
    gap = False
    skip_to = 0  # last raw line of a footer's continuation, once found
    for i, raw in enumerate(raw_lines, start=1):
        if i <= skip_to:
            continue
        stripped = raw.strip()
        if not stripped:
            gap = True
            continue
        head = stripped[0]
        # Furniture starts with "©", a digit, "-", "С"(траница) or "қ"(ұқықтық): test cheaply first.
        if head in _FURNITURE_HEADS:
            if _FOOTER_ORPHAN.match(raw):
                gap = True
                continue
            if _FOOTER.match(raw):
                skip_to = _footer_end(raw_lines, i)
                gap = True
                continue
            if _PAGE_NUMBER.match(raw) and _between_gaps(raw_lines, i):
                gap = True
                continue
        body = raw.rstrip()
        fixed = spacing.unspace_line(body) if i in spaced else body
        if fixed is not body and fixed != body:
            kind = "letter_spacing" if _spaced(raw) else "url_spacing"
            repairs.append(Repair(kind, i, stripped, fixed.strip()))
        if i in latin and lookalike.has_latin(fixed):
            fixed, word_repairs = lookalike.repair_line(fixed)
            for raw_word, fixed_word in word_repairs:
                repairs.append(Repair("latin_lookalike", i, raw_word, fixed_word))
            for word in lookalike.mixed_unrepairable(fixed):
                warnings.append(
                    TextWarning(
                        "mixed_script", f"word mixes Latin and Cyrillic letters: {word!r}", i, i
                    )
                )
        fixed = fixed.strip()
        # a repaired line is not the text the whole-text scan saw: scan it itself
        signals = displaced.displacement_signals(fixed, glued=i in glued or fixed != stripped)
        refilled = displaced.refill_gap(fixed) if signals else None
        if refilled is not None:
            repairs.append(Repair("hyperlink_refilled", i, stripped, refilled[0],
                                  note="fragment moved back into the gap the export left"))
            warnings.append(
                TextWarning(
                    "hyperlink_displaced",
                    "a word moved by the export to the end of the line was put back into the "
                    "gap it left",
                    i,
                    i,
                )
            )
            fixed = refilled[0]
        elif signals:
            warnings.append(
                TextWarning(
                    "hyperlink_displaced",
                    f"words look moved by the export ({', '.join(signals)})",
                    i,
                    i,
                )
            )
        lines.append(CleanLine(text=fixed, raw_start=i, raw_end=i, after_gap=gap))
        gap = False
    return CleanText(
        source=source,
        encoding=encoding,
        raw_lines=raw_lines,
        lines=lines,
        repairs=repairs,
        warnings=warnings,
    )


# The letter-spacing pre-check run once over the whole text (one scan in C instead of one call
# per line).  It accepts a superset of the lines ``spacing.unspace_line`` would look at (any
# whitespace may follow, since a line's trailing blanks are stripped only later), and that
# function applies its own check to each.
_SPACED_ANYWHERE = re.compile(r"(?m)(?:(?:^|[ ])\S[ ]\S(?=\s|$)|[Ww]{3}\.[ ])[^\n]*")


# Each match runs on to the end of its line, so a line costs one match however many hits it has.
_ANY_LATIN = re.compile(r"[A-Za-z][^\n]*")
_GLUED_LINE = re.compile(displaced.GLUED_WORDS.pattern + r"[^\n]*")


def _spacing_candidates(text: str) -> set[int]:
    """1-based numbers of the lines that may hold letter-spacing or a spaced web address."""
    return _lines_with(_SPACED_ANYWHERE, text)


def _lines_with(pattern: re.Pattern[str], text: str) -> set[int]:
    """1-based numbers of the lines of ``text`` where ``pattern`` matches (matches must not
    span a line break)."""
    out: set[int] = set()
    line, pos = 1, 0
    for m in pattern.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        out.add(line)
    return out


def clean_offsets(raw: str) -> list[int]:
    """For the clean text of one raw line, the raw column of every clean character.

    Recomputed on demand (cheap) rather than stored on every line: letter-spacing and URL
    repairs move characters; look-alike repairs replace one character by one; then strip; a
    refilled hyperlink gap (:func:`displaced.refill_gap`) reorders them.
    """
    text, pos = spacing.unspace_map(raw.rstrip())
    lead = len(text) - len(text.lstrip())
    text, pos = text.strip(), pos[lead : len(text.rstrip())]
    refilled = displaced.refill_gap(text)
    if refilled is not None:
        pos = [pos[k] for k in refilled[1]]
    return pos


def _spaced(raw: str) -> bool:
    return _SPACED_PAIR.search(raw) is not None


_SPACED_PAIR = re.compile(r"(?<!\S)\S{1,2} \S(?!\S)")


def _footer_end(raw_lines: list[str], lineno: int) -> int:
    """The last raw line of the footer starting at ``lineno`` (its continuation, if any)."""
    if _FOOTER_TAIL.search(raw_lines[lineno - 1]):
        return lineno
    for j in range(lineno + 1, min(lineno + _FOOTER_TAIL_LINES, len(raw_lines)) + 1):
        line = raw_lines[j - 1]
        if not line.strip():
            break
        if _FOOTER_TAIL.search(line):
            return j
    return lineno


def _between_gaps(raw_lines: list[str], lineno: int) -> bool:
    before = raw_lines[lineno - 2].strip() if lineno >= 2 else ""
    after = raw_lines[lineno].strip() if lineno < len(raw_lines) else ""
    return not before and not after
