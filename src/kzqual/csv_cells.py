"""CSV cells that a spreadsheet will not run as formulas (CSV/formula injection, issue 10).

A cell whose text begins with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage return, which some
spreadsheets skip before looking) is read by Excel and LibreOffice as a formula: a group's note
``=HYPERLINK(...)`` in the Н6 CSV, or a profile id in ``kzqual screen --out x.csv``, would run when an
official opens the file.  Such text is prefixed with an apostrophe, the spreadsheets' own "this is
text" mark (OWASP's advice); numbers are written as they are.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` ready for a CSV writer: formula-like text gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: list[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]


# The same rule as a regular expression, for column-wise writers (polars' str.contains).
FORMULA_START_RE = "^[" + "".join("\\" + c if c in "-\\]^" else c for c in FORMULA_STARTS) + "]"
