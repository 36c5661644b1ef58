"""Positions layer: an act's text -> one :class:`Position` record per post.

Public API::

    extract(ct, act) -> Extraction          # never raises on damaged text: damage -> warnings
    extract_file(path) -> Extraction        # read + clean + act metadata + extract
    layout.detect_layout(ct) -> "characteristics" | "paragraph" | "table" | None

The layouts (``characteristics``, ``paragraph``, ``table``) only segment the text: they find each
post and the raw text and line span of each criterion.  The structured parts (education levels,
experience alternatives...) are filled by :mod:`kzqual.positions.requirements`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kzqual.acts.model import Act
from kzqual.positions.model import Position
from kzqual.text.model import CleanText


@dataclass(slots=True)
class Extraction:
    """The posts of one act, the layout they were read in, and act-level warnings."""

    layout: str | None
    positions: list[Position] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    act: Act | None = None


def extract(ct: CleanText, act: Act) -> Extraction:
    from kzqual.positions.extract import extract as _extract

    return _extract(ct, act)


def extract_file(path: str | Path) -> Extraction:
    from kzqual.positions.extract import extract_file as _extract_file

    return _extract_file(path)


__all__ = ["Extraction", "Position", "extract", "extract_file"]
