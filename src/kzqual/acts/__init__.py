"""Act layer: clean text -> act metadata and structure.

Public API::

    read_act(ct) -> ParsedAct           # never raises on damaged text; InputError(not_an_act) otherwise
    parse_file(path) -> ParsedAct       # kzqual.text.read + read_act
    detect_language(ct) -> "kk" | "ru"
    kzqual.acts.dates.parse_date(text) / find_dates(text) / format_date(iso, style)
    kzqual.acts.refs.parse_act_ref(text) -> ActRef
"""

from kzqual.acts.model import (
    Act,
    ActRef,
    AgreedBy,
    EntryIntoForce,
    Note,
    ParsedAct,
    Registration,
    Span,
    StructureNode,
)
from kzqual.acts.reader import detect_language, parse_file, read_act

__all__ = [
    "Act",
    "ActRef",
    "AgreedBy",
    "EntryIntoForce",
    "Note",
    "ParsedAct",
    "Registration",
    "Span",
    "StructureNode",
    "detect_language",
    "parse_file",
    "read_act",
]
