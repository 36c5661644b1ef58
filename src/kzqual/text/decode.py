"""Bytes -> str: detect the encoding of an exported act and refuse what is not text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from kzqual.errors import InputError

MAX_BYTES = 64 * 1024 * 1024  # the largest act we know is 2.4 MB; 64 MB leaves ample room


@dataclass(slots=True)
class Decoded:
    """Decoded text plus what was damaged in the bytes (``(code, message)`` pairs)."""

    text: str
    encoding: str
    problems: list[tuple[str, str]] = field(default_factory=list)


# A UTF-8 file with a few bad bytes in the middle is damaged-but-usable; more than this share
# of bad bytes means it is not UTF-8 at all.
_MAX_BAD_SHARE = 0.001
_KZ1048_SLOTS = set("ЌЋќћЎўЈҐЄЇґєјЅѕї")


def decode(data: bytes, *, source: str = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)``; text is NFC-normalised with ``\\n`` line ends.

    Tries, in order: a BOM (UTF-8, UTF-16), strict UTF-8, UTF-16 without BOM (by NUL pattern),
    Windows-1251 or its Kazakh variant KZ-1048 (only if the result is mostly Cyrillic).  Raises :class:`InputError` otherwise.
    A file cut off inside a multi-byte character decodes without the broken tail; use
    :func:`decode_report` to learn about such damage.
    """
    d = decode_report(data, source=source)
    return d.text, d.encoding


def decode_report(data: bytes, *, source: str = "<bytes>") -> Decoded:
    """Like :func:`decode`, and report damage: ``truncated`` (cut inside a character) and
    ``invalid_bytes`` (a few undecodable bytes in an otherwise UTF-8 file, shown as U+FFFD)."""
    if not data or not data.strip():
        raise InputError("the file is empty", source=source, code="empty")
    if len(data) > MAX_BYTES:
        raise InputError(
            f"the file is too large ({len(data) // (1024 * 1024)} MB; the limit is "
            f"{MAX_BYTES // (1024 * 1024)} MB)",
            source=source,
            code="too_large",
        )
    problems: list[tuple[str, str]] = []
    text, encoding = _decode(data, source, problems)
    if _looks_binary(text):
        raise InputError("the file is binary, not text", source=source, code="binary")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(unicodedata.normalize("NFC", text), encoding, problems)


def _decode(data: bytes, source: str, problems: list[tuple[str, str]]) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return _lenient_utf8(data[3:], source, problems), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if len(data) % 2:
            problems.append(("truncated", "the file ends in the middle of a character"))
            data = data[:-1]
        return _strict(data, "utf-16", source), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Damaged UTF-8 (cut off, or a few bad bytes) rather than another encoding: the part before
    # the first error holds multi-byte characters, which cp1251 text almost never forms.
    cut_off = utf8_error.end >= len(data) and utf8_error.reason == "unexpected end of data"
    if cut_off or not data[: utf8_error.start].isascii():
        return _lenient_utf8(data, source, problems), "utf-8"
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
        # Kazakh Windows text is usually KZ-1048, cp1251 with Kazakh letters in the slots of
        # Serbian/Ukrainian ones (Ќ -> Қ, ў -> ұ ...), which never occur in these acts.
        if sum(c in _KZ1048_SLOTS for c in text) > 0.001 * len(text):
            return data.decode("kz1048"), "kz1048"
        return text, "cp1251"
    raise InputError(
        f"unknown text encoding (not UTF-8, UTF-16 or Windows-1251; first bad byte at offset "
        f"{utf8_error.start})",
        source=source,
        code="encoding",
    )


def _lenient_utf8(data: bytes, source: str, problems: list[tuple[str, str]]) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end >= len(data) and exc.reason == "unexpected end of data":
            problems.append(
                ("truncated", f"the file ends in the middle of a character (byte {exc.start})")
            )
            data = data[: exc.start]
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad > max(4, _MAX_BAD_SHARE * len(data)):
        raise InputError(
            f"not valid UTF-8 ({bad} undecodable bytes)", source=source, code="encoding"
        )
    problems.append(("invalid_bytes", f"{bad} undecodable byte(s) replaced with U+FFFD"))
    return text


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"the file declares {encoding} but byte {exc.start} is not valid {encoding}",
            source=source,
            code="encoding",
        ) from None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # Cc but \t \n \f \r


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if "\x00" in sample:
        return True
    # Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F: one regex count instead
    # of a category lookup per character
    control = len(_CONTROL.findall(sample))
    return control > max(8, len(sample) // 100)
