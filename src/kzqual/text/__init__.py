"""Text layer: raw PDF-export text -> clean lines with provenance.

Public API::

    read(path) -> CleanText            # decode + clean a file (.md: Markdown; a kaz/ folder of
                                       # parts: one text); InputError if unusable
    clean_as(text, source=...)         # stored raw text cleaned as read at ingest (md or plain)
    clean_bytes(data, source=...)      # same for bytes
    clean(text, source=...)            # same for a str
    decode(data, source=...)           # bytes -> (str, encoding)
    decode_report(data, source=...)    # same, plus damage found (truncated, invalid bytes)
    paragraphs(ct) -> list[CleanLine]  # clean lines joined into paragraphs (raw spans kept)
    join_text(lines) -> str            # join broken lines (hyphens, mid-word breaks)
    has_displacement(line) -> bool     # hyperlink-displacement heuristic
    restore_displaced(paragraphs)      # -> (paragraphs, repairs, warnings)
    clean_offsets(raw_line)            # raw column of every clean character of a line

Every :class:`CleanLine` keeps ``raw_start``/``raw_end`` (1-based, inclusive) into
``CleanText.raw_lines``; every change is a :class:`Repair` with the raw text it replaced.
"""

from kzqual.text.clean import clean, clean_as, clean_bytes, clean_offsets, read
from kzqual.text.decode import decode, decode_report
from kzqual.text.displaced import has_displacement, restore_displaced
from kzqual.text.join import join_text, paragraphs
from kzqual.text.model import CleanLine, CleanText, Repair, TextWarning

__all__ = [
    "CleanLine",
    "CleanText",
    "Repair",
    "TextWarning",
    "clean",
    "clean_as",
    "clean_bytes",
    "clean_offsets",
    "decode",
    "decode_report",
    "has_displacement",
    "join_text",
    "paragraphs",
    "read",
    "restore_displaced",
]
