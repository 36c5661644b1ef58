"""The registry: acts, their versions and status history, posts and requirements with their
source lines, and Kazakh/Russian full-text search, on SQLite or PostgreSQL.

Public API (see docs/store.md)::

    open_store(url_or_path=None) -> Store
    Store.ingest_file / ingest_paths / list_acts / get_act / act_versions / act_structure /
          raw_lines / get_position / position_record / iter_positions / count_positions / search
    Store.engine (SQLAlchemy Engine), Store.dialect ("sqlite" | "postgresql")
"""

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
