"""registry: PostgreSQL ranks on a small vector of the title and department only.

At 100,000 posts a word in nearly every post made ts_rank read every match's whole vector
(~2.5 kB each, 320 MB) and search took ~0.5 s.  ``position_rank.head`` (title A, department B,
a few hundred bytes, kept in the row) is what ts_rank reads now; the whole vector ``tsv`` is
only matched through its GIN index, so it moves out of the row (STORAGE EXTERNAL) and the
table's pages hold many more rows.

Revision ID: registry_0003
Revises: registry_0002
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "registry_0003"
down_revision = "registry_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE position_rank ALTER COLUMN tsv SET STORAGE EXTERNAL")
    op.execute("ALTER TABLE position_rank ADD COLUMN head tsvector")
    op.execute("UPDATE position_rank r SET head = setweight(to_tsvector('simple', s.title), 'A') || "
               "setweight(to_tsvector('simple', s.department), 'B') "
               "FROM position_search s WHERE s.position_pk = r.position_pk")
    op.execute("ALTER TABLE position_rank ALTER COLUMN head SET NOT NULL")
    op.execute("ALTER TABLE position_rank ALTER COLUMN head SET STORAGE MAIN")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE position_rank DROP COLUMN head")
    op.execute("ALTER TABLE position_rank ALTER COLUMN tsv SET STORAGE MAIN")
