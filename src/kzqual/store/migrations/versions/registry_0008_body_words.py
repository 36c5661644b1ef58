"""registry: each post's body length in stems (search ranks without reading bodies), and title
equivalents learned from aligned kk/ru posts (search finds a post by the other language's words).

The shared score (kzqual.store.search.score) normalises a field's part by its length.  Ranking
used to read the stemmed body of every match (up to 1,000) to count words in it, which doubled
the search p99 (docs/benchmarks.md).  The body's length is now stored with the post at ingest
(``positions.body_words``); a query word found only in the body counts once there.

``search_equivalents`` holds, per act, how often a kk and a ru stem share an aligned pair of
post titles (kzqual.store.equivalents); an existing registry fills it when an act is next
ingested or realigned.

Existing registries: the length is counted from the stored body stems (one space per word
boundary), on both back ends.

Revision ID: registry_0008
Revises: registry_0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "registry_0008"
down_revision = "registry_0007"
branch_labels = None
depends_on = None

_WORDS = "CASE WHEN {b} IS NULL OR {b} = '' THEN 0 ELSE length({b}) - length(replace({b}, ' ', '')) + 1 END"


def upgrade() -> None:
    op.create_table(
        "search_equivalents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("act_key", sa.String(120), nullable=False),
        sa.Column("kk_stem", sa.String(200), nullable=False),
        sa.Column("ru_stem", sa.String(200), nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
    )
    op.create_index("ix_search_equivalents_key", "search_equivalents", ["act_key"])
    op.add_column("positions", sa.Column("body_words", sa.Integer, nullable=False, server_default="0"))
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("UPDATE positions SET body_words = (SELECT " + _WORDS.format(b="s.body")
                   + " FROM position_search s WHERE s.position_pk = positions.pk)"
                   " WHERE EXISTS (SELECT 1 FROM position_search s WHERE s.position_pk = positions.pk)")
    else:
        # FTS5 keeps the body (third column) in its content table as c2
        op.execute("UPDATE positions SET body_words = coalesce((SELECT " + _WORDS.format(b="c.c2")
                   + " FROM position_fts_content c WHERE c.id = positions.pk), 0)")


def downgrade() -> None:
    op.drop_table("search_equivalents")
    with op.batch_alter_table("positions") as batch:
        batch.drop_column("body_words")
