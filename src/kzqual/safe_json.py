"""The one way kzqual parses JSON it did not write: depth and size checked before parsing.

``json.loads`` recurses once per nesting level: ``[`` x 1000 raised ``RecursionError`` (a 500 on
the web form, an aborted ``/eligibility/screen`` stream, tracebacks from the CLI; issue 10).
:func:`check_depth` walks the text's brackets with a loop (no recursion), stops at the first level
over the limit and skips brackets inside strings; :func:`loads` refuses too-deep or too-large
input as :class:`~kzqual.errors.InputError` (the CLI's exit 2, the API's 400).  No document kzqual
reads (profile, application, settings, calendar overrides, taxonomy) nests deeper than a handful
of levels, so :data:`MAX_DEPTH` leaves ample room.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from kzqual.errors import InputError

MAX_DEPTH = 64  # nesting levels of arrays and objects
MAX_BYTES = 16 * 1024 * 1024  # a whole document (a file); callers may pass a smaller bound

_STRUCTURE = re.compile(rb'[\[\]{}"\\]')  # the only bytes that change depth or string state


def nesting_depth(data: bytes, limit: int = MAX_DEPTH) -> int:
    """The deepest nesting of ``data`` (JSON bytes), counted up to ``limit + 1`` (then it stops).

    Malformed JSON is not judged here (the parser does that): only its brackets are counted.
    """
    if data.count(b"[") + data.count(b"{") <= limit:
        return 0  # so few brackets cannot pass the limit: skip the scan (the usual case)
    depth = deepest = 0
    in_string = escaped = False
    for m in _STRUCTURE.finditer(data):
        ch = m.group()
        if in_string:
            if escaped:
                # the character right after a backslash is escaped only if it is adjacent
                escaped = False
                if m.start() == escape_at + 1:
                    continue
            if ch == b"\\":
                escaped, escape_at = True, m.start()
            elif ch == b'"':
                in_string = False
            continue
        if ch == b'"':
            in_string = True
        elif ch in (b"[", b"{"):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
        elif ch in (b"]", b"}"):
            depth -= 1
    return deepest


def loads(data: str | bytes, *, source: str = "JSON", max_depth: int = MAX_DEPTH,
          max_bytes: int | None = MAX_BYTES) -> Any:
    """Parse untrusted JSON; InputError (``bad_input`` / ``too_deep`` / ``too_large``) if unusable."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if max_bytes is not None and len(raw) > max_bytes:
        raise InputError(f"JSON larger than {max_bytes} bytes", source=source, code="too_large")
    if nesting_depth(raw, max_depth) > max_depth:
        raise InputError(f"JSON nested deeper than {max_depth} levels", source=source, code="too_deep")
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                         source=source) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (bad byte at {exc.start})", source=source) from None
    except RecursionError:  # not reachable under MAX_DEPTH; kept so a traceback can never escape
        raise InputError("JSON nested too deeply", source=source, code="too_deep") from None


def load_file(path: str | Path, *, source: str | None = None, max_depth: int = MAX_DEPTH,
              max_bytes: int = MAX_BYTES) -> Any:
    """Read and parse a JSON file with :func:`loads`' checks (the size before reading it all)."""
    p = Path(path)
    src = source or str(p)
    try:
        with p.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=src) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte-order mark (Notepad writes one)
    return loads(raw, source=src, max_depth=max_depth, max_bytes=max_bytes)
