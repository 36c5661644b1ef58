"""SQLAlchemy Core tables of the registry (the "registry" migration chain creates them).

Kept in step with ``migrations/versions/registry_*.py`` by hand: the migrations are the schema's
history, this module is what the queries use.  The search index is dialect-specific and is not a
Core table here (FTS5 virtual table on SQLite, a tsvector table on PostgreSQL; see search.py).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

acts = Table(
    "acts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(120), nullable=False),  # Act.key: "reg-9344"
    Column("version", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),  # sha256 of the raw lines
    Column("is_current", Boolean, nullable=False),
    Column("title", Text, nullable=False),
    Column("language", String(2), nullable=False),
    Column("act_type", String(40), nullable=False),
    Column("act_type_raw", Text),
    Column("issuer", Text),
    Column("issuer_body", Text),
    Column("date", String(10)),
    Column("number", String(80)),
    Column("registration_number", String(80)),
    Column("registration_date", String(10)),
    Column("status", String(20), nullable=False),  # as the text says today: in_force | repealed
    Column("repealed_on", String(10)),  # the repealing act's date, where known
    Column("effective_from", String(10)),  # entry-into-force date, else the act's date
    Column("entry_rule", Text),
    Column("entry_kind", String(20)),
    Column("entry_days", Integer),
    Column("entry_day_kind", String(20)),
    Column("entry_date", String(10)),
    Column("source", Text),
    Column("line_count", Integer, nullable=False),
    Column("ingested_at", String(40), nullable=False),
    Column("data", JSON, nullable=False),  # the whole Act model
    Column("warnings", JSON, nullable=False),
)

act_events = Table(
    "act_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("act_id", Integer, ForeignKey("acts.id", ondelete="CASCADE"), nullable=False),
    Column("event", String(20), nullable=False),  # in_force | amended | repealed
    Column("event_date", String(10)),
    Column("by_act", JSON),  # ActRef of the amending / repealing act
    Column("text", Text),
    Column("line_start", Integer),
    Column("line_end", Integer),
)

notes = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("act_id", Integer, ForeignKey("acts.id", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("target", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("amending_act", JSON),
    Column("line_start", Integer, nullable=False),
    Column("line_end", Integer, nullable=False),
)

structure_nodes = Table(
    "structure_nodes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("act_id", Integer, ForeignKey("acts.id", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),  # pre-order position in the tree
    Column("parent_ord", Integer),
    Column("depth", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("label", Text),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("line_start", Integer, nullable=False),
    Column("line_end", Integer, nullable=False),
)

raw_lines = Table(
    "raw_lines",
    metadata,
    Column("act_id", Integer, ForeignKey("acts.id", ondelete="CASCADE"), primary_key=True),
    Column("line_no", Integer, primary_key=True),  # 1-based, as an editor shows it
    Column("text", Text, nullable=False),
)

positions = Table(
    "positions",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("act_id", Integer, ForeignKey("acts.id", ondelete="CASCADE"), nullable=False),
    Column("position_id", String(200), nullable=False),  # Position.id, stable across versions
    Column("act_key", String(120), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("language", String(2), nullable=False),
    Column("title", Text, nullable=False),
    Column("department", Text),
    Column("division", Text),
    Column("appendix", String(40)),
    Column("grp", String(40)),
    Column("category", String(40)),
    Column("category_raw", String(80)),
    Column("units", Integer),
    Column("education_level", String(40)),
    Column("experience_required", Boolean),
    Column("min_years", Float),  # the smallest experience any alternative accepts
    Column("line_start", Integer, nullable=False),
    Column("line_end", Integer, nullable=False),
    Column("data", JSON, nullable=False),  # the whole Position model
    # stems in the post's searchable body (duties, education, competence, knowledge): what the
    # search score's length normalisation needs, so that ranking never reads bodies (registry_0008)
    Column("body_words", Integer, nullable=False, server_default="0"),
)

position_numbers = Table(
    "position_numbers",
    metadata,
    Column("position_pk", Integer, ForeignKey("positions.pk", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("number", String(80), nullable=False),
)

requirements = Table(
    "requirements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("position_pk", Integer, ForeignKey("positions.pk", ondelete="CASCADE"), nullable=False),
    Column("kind", String(20), nullable=False),  # education|experience|competence|duty|knowledge|grade
    Column("ord", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("education_level", String(40)),
    Column("min_years", Float),
    Column("data", JSON),
    Column("line_start", Integer),
    Column("line_end", Integer),
)

position_alignment = Table(
    "position_alignment",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("act_key", String(120), nullable=False),
    Column("kk_position_id", String(200)),  # None: a ru post with no kk partner
    Column("ru_position_id", String(200)),  # None: a kk post with no ru partner
    Column("method", String(20), nullable=False),  # number | order | unaligned
)

search_equivalents = Table(
    "search_equivalents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("act_key", String(120), nullable=False),
    # both set: aligned kk/ru post pairs whose titles hold both stems; one empty: pairs holding
    # the other (kzqual.store.equivalents)
    Column("kk_stem", String(200), nullable=False),
    Column("ru_stem", String(200), nullable=False),
    Column("n", Integer, nullable=False),
)
