"""Bytes -> str: detect the encoding of an exported act and refuse what is not text."""

from __future__ import annotations

import unicodedata

from kzqual.errors import InputError

MAX_BYTES = 64 * 1024 * 1024  # the largest act we know is 2.4 MB; 64 MB leaves ample room


def decode(data: bytes, *, source: str = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)``; text is NFC-normalised with ``\\n`` line ends.

    Tries, in order: a BOM (UTF-8, UTF-16), strict UTF-8, UTF-16 without BOM (by NUL pattern),
    Windows-1251 (only if the result is mostly Cyrillic).  Raises :class:`InputError` otherwise.
    """
    if not data or not data.strip():
        raise InputError("the file is empty", source=source, code="empty")
    if len(data) > MAX_BYTES:
        raise InputError(
            f"the file is too large ({len(data) // (1024 * 1024)} MB; the limit is "
            f"{MAX_BYTES // (1024 * 1024)} MB)",
            source=source,
            code="too_large",
        )
    text, encoding = _decode(data, source)
    if _looks_binary(text):
        raise InputError("the file is binary, not text", source=source, code="binary")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), encoding


def _decode(data: bytes, source: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", source), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", source), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # UTF-16 without BOM: every other byte is NUL for Cyrillic-free text, or 0x04 for Cyrillic.
    sample = data[:4096]
    if len(sample) >= 4:
        odd, even = sample[1::2], sample[0::2]
        for enc, high in (("utf-16-le", odd), ("utf-16-be", even)):
            if sum(b in (0, 4) for b in high) > 0.9 * len(high):
                try:
                    return data.decode(enc), enc
                except UnicodeDecodeError:
                    pass
    if b"\x00" in sample:
        raise InputError("the file is binary, not text", source=source, code="binary")
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        text = ""
    letters = [c for c in text[:20000] if c.isalpha()]
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    if letters and cyrillic > 0.5 * len(letters):
        return text, "cp1251"
    raise InputError(
        f"unknown text encoding (not UTF-8, UTF-16 or Windows-1251; first bad byte at offset "
        f"{utf8_error.start})",
        source=source,
        code="encoding",
    )


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"the file declares {encoding} but byte {exc.start} is not valid {encoding}",
            source=source,
            code="encoding",
        ) from None


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if "\x00" in sample:
        return True
    control = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return control > max(8, len(sample) // 100)
