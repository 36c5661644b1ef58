"""Text layer: raw PDF-export text -> clean lines with provenance.

Public API::

    read(path) -> CleanText            # decode + clean a file; InputError if unusable
    clean_bytes(data, source=...)      # same for bytes
    clean(text, source=...)            # same for a str
    decode(data, source=...)           # bytes -> (str, encoding)

Every :class:`CleanLine` keeps ``raw_start``/``raw_end`` (1-based, inclusive) into
``CleanText.raw_lines``; every change is a :class:`Repair` with the raw text it replaced.
"""

from kzqual.text.clean import clean, clean_bytes, read
from kzqual.text.decode import decode
from kzqual.text.model import CleanLine, CleanText, Repair, TextWarning

__all__ = [
    "CleanLine",
    "CleanText",
    "Repair",
    "TextWarning",
    "clean",
    "clean_bytes",
    "decode",
    "read",
]
