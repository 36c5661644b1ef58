"""registry: an act's text may come back as a later version (restore), so (key, content_hash)
is no longer unique.

A damaged upload (v2) followed by the good file again must make the good text current again and
show it in the history as v3 (= v1); the unique index made that re-ingest fail.  The index stays,
non-unique, for the "same text as the current version?" look-up.

Revision ID: registry_0005
Revises: registry_0004
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "registry_0005"
down_revision = "registry_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_acts_key_hash", table_name="acts")
    op.create_index("ix_acts_key_hash", "acts", ["key", "content_hash"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_acts_key_hash", table_name="acts")
    op.create_index("ix_acts_key_hash", "acts", ["key", "content_hash"], unique=True)
