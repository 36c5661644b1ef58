"""registry: an act has language texts; versions are per (act, language); posts are aligned.

An act (one key: its registration number, else type + date + number) is published in Kazakh and
Russian.  Before, a second text under the same key became a new VERSION of the first (and a much
shorter one was refused as a shrink).  Now each row of ``acts`` is a version of one LANGUAGE text
of the act: ``(key, language, version)`` is unique, ``is_current`` marks the current version of
each language text, and versions are numbered per language.

Existing registries: every act's versions are renumbered per language in their old order, and the
newest version of each language becomes that language's current text (an old registry that holds
a kk and a ru text under one key as versions 1 and 2 gets kk v1 and ru v1, both current).

``position_alignment`` pairs the posts of an act's two language texts (by position number, else
by order and category); a post with no partner has a row with the other side empty.

Revision ID: registry_0007
Revises: registry_0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "registry_0007"
down_revision = "registry_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_acts_key_version", table_name="acts")
    # renumber per (key, language), keeping the old order; then the newest of each is current
    op.execute(
        "UPDATE acts SET version = (SELECT count(*) FROM acts b WHERE b.key = acts.key "
        "AND b.language = acts.language AND b.version <= acts.version)"
    )
    op.execute(
        "UPDATE acts SET is_current = (version = (SELECT max(b.version) FROM acts b "
        "WHERE b.key = acts.key AND b.language = acts.language))"
    )
    op.create_index("ix_acts_key_lang_version", "acts", ["key", "language", "version"], unique=True)
    op.create_table(
        "position_alignment",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("act_key", sa.String(120), nullable=False),
        sa.Column("kk_position_id", sa.String(200)),
        sa.Column("ru_position_id", sa.String(200)),
        sa.Column("method", sa.String(20), nullable=False),  # number | order | unaligned
    )
    op.create_index("ix_alignment_key", "position_alignment", ["act_key"])
    op.create_index("ix_alignment_kk", "position_alignment", ["kk_position_id"])
    op.create_index("ix_alignment_ru", "position_alignment", ["ru_position_id"])


def downgrade() -> None:
    # Only possible while no act has two language texts (the old unique (key, version) index).
    op.drop_table("position_alignment")
    op.drop_index("ix_acts_key_lang_version", table_name="acts")
    op.create_index("ix_acts_key_version", "acts", ["key", "version"], unique=True)
