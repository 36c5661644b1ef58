"""registry: a GIN index on PostgreSQL's head vector (title + department).

Past RANK_ALL_CAP matches, search ranks only the posts with every word in the title or
department, as on SQLite; finding them needs their own index (ts_rank over all 100,000 head
vectors for a word in nearly every post cost ~0.15 s).

Revision ID: registry_0004
Revises: registry_0003
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "registry_0004"
down_revision = "registry_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_position_rank_head ON position_rank USING gin (head)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_position_rank_head")
