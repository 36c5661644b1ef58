"""Printable pages (a document, the Н6-ӘТМ form) served as self-contained HTML.

They carry their own ``<style>`` block so that a saved or printed copy looks the same anywhere; the
site-wide Content-Security-Policy (``style-src 'self'``, :mod:`kzqual.api.headers`) would drop it.
Their response sets its own policy instead: nothing may load or run (``default-src 'none'``, no
script at all) except the page's own style blocks, allowed by their SHA-256 hashes — not by
``'unsafe-inline'``, so user text that somehow carried a ``<style>`` would still be ignored.
"""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi.responses import HTMLResponse

_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


def csp_for(html: str) -> str:
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(m.encode()).digest()).decode()}'"
                      for m in _STYLE.findall(html))
    return "; ".join(["default-src 'none'", f"style-src {hashes}" if hashes else "style-src 'none'",
                      "img-src data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"])


def printable(html: str | bytes, *, headers: dict[str, str] | None = None) -> HTMLResponse:
    text = html.decode("utf-8") if isinstance(html, bytes) else html
    return HTMLResponse(text, headers={"Content-Security-Policy": csp_for(text), **(headers or {})})


__all__ = ["csp_for", "printable"]
