"""The registry: acts, their versions and status history, posts and requirements with their
source lines, and Kazakh/Russian full-text search, on SQLite or PostgreSQL.

Public API (see docs/store.md)::

    open_store(url_or_path=None) -> Store
    Store.ingest_file / ingest_paths / list_acts / get_act / act_versions / act_structure /
          raw_lines / get_position / position_record / iter_positions / count_positions / search
    Store.engine (SQLAlchemy Engine), Store.dialect ("sqlite" | "postgresql")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

# The names below load on first use (PEP 562): ``kzqual ingest`` imports
# :mod:`kzqual.store.parallel` and starts parsing in a worker process before it pays for
# SQLAlchemy and Alembic, which ``kzqual.store.store`` imports.
_LAZY = {
    "ActEvent": "kzqual.store.records",
    "ActSummary": "kzqual.store.records",
    "IngestResult": "kzqual.store.records",
    "IngestSummary": "kzqual.store.records",
    "PositionRecord": "kzqual.store.records",
    "SourcedRequirement": "kzqual.store.records",
    "StoredAct": "kzqual.store.records",
    "SearchHit": "kzqual.store.search",
    "Store": "kzqual.store.store",
    "open_store": "kzqual.store.store",
}

if TYPE_CHECKING:
    from kzqual.store.records import (
        ActEvent,
        ActSummary,
        IngestResult,
        IngestSummary,
        PositionRecord,
        SourcedRequirement,
        StoredAct,
    )
    from kzqual.store.search import SearchHit
    from kzqual.store.store import Store, open_store


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "ActEvent",
    "ActSummary",
    "IngestResult",
    "IngestSummary",
    "PositionRecord",
    "SearchHit",
    "SourcedRequirement",
    "Store",
    "StoredAct",
    "open_store",
]
