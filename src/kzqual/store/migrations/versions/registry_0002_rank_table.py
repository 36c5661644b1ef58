"""registry: a narrow ranking table for PostgreSQL search (post key + one weighted tsvector).

Ranking every match with ts_rank read each candidate's vector from ``position_search``, a wide
table that also holds the stems as text; the planner then re-read whole rows per candidate.
``position_rank`` holds only the key and one vector (weights A title, B department, C body)
kept inline (STORAGE MAIN), with a GIN index: search matches, ranks and cuts the page there and
reads ``position_search`` only for the page's rows.  ``position_search.title_tsv`` (the old
title tier) is no longer read and goes; ``tsv`` and ``dept_tsv`` stay, kzqual.api counts with
them.  SQLite is unchanged (FTS5 ranks with bm25 itself).

Revision ID: registry_0002
Revises: registry_0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "registry_0002"
down_revision = "registry_0001"
branch_labels = None
depends_on = None

RANK_VECTOR = ("setweight(to_tsvector('simple', title), 'A') || "
               "setweight(to_tsvector('simple', department), 'B') || "
               "setweight(to_tsvector('simple', body), 'C')")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE TABLE position_rank ("
               " position_pk integer PRIMARY KEY REFERENCES positions(pk) ON DELETE CASCADE,"
               " tsv tsvector NOT NULL)")
    # compressed in the row rather than in TOAST: ranking reads every matching row's vector
    op.execute("ALTER TABLE position_rank ALTER COLUMN tsv SET STORAGE MAIN")
    op.execute(f"INSERT INTO position_rank (position_pk, tsv) SELECT position_pk, {RANK_VECTOR} "
               "FROM position_search")
    op.execute("CREATE INDEX ix_position_rank_tsv ON position_rank USING gin (tsv)")
    op.execute("DROP INDEX ix_position_search_title")
    op.execute("ALTER TABLE position_search DROP COLUMN title_tsv")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE position_search ADD COLUMN title_tsv tsvector")
    op.execute("UPDATE position_search SET title_tsv = to_tsvector('simple', title)")
    op.execute("ALTER TABLE position_search ALTER COLUMN title_tsv SET NOT NULL")
    op.execute("CREATE INDEX ix_position_search_title ON position_search USING gin (title_tsv)")
    op.execute("DROP TABLE position_rank")
