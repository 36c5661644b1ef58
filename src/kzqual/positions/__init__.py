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
from typing import Any

from kzqual.acts.model import Act, Span
from kzqual.positions.model import ParseWarning, Position


@dataclass(slots=True)
class Extraction:
    """The posts of one act, the layout they were read in, and act-level warnings."""

    layout: str | None
    positions: list[Position] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    act: Act | None = None
    # position id -> criterion -> (clean text, raw line span): every criterion as segmented,
    # including those the record keeps only as a list (duties, knowledge, qualification)
    criteria: dict[str, dict[str, tuple[str, Span]]] = field(default_factory=dict)
    # where the act's lines went (positions.coverage.Coverage); None before extraction ran
    coverage: Any = None


# The pipeline lives in the submodule ``kzqual.positions.extract``.  Importing a submodule binds
# its name on the package, which would replace the function ``extract`` with the module the
# first time anyone imported ``kzqual.positions.extract``.  Load it now, during package init,
# and bind the names to the functions afterwards: later imports find the module in sys.modules
# and leave the package's attributes alone, so both spellings work for good:
# ``kzqual.positions.extract(ct, act)`` and ``importlib.import_module("kzqual.positions.extract")``.
from kzqual.positions import extract as _pipeline  # noqa: E402

extract = _pipeline.extract
extract_file = _pipeline.extract_file

__all__ = ["Extraction", "Position", "extract", "extract_file"]
