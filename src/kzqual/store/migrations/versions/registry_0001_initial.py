"""registry: acts and their versions, status events, notes, structure, raw lines, positions,
requirements, position numbers, and the full-text index (FTS5 on SQLite, tsvector on PostgreSQL).

Revision ID: registry_0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "registry_0001"
down_revision = None
branch_labels = ("registry",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "acts",
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('key', sa.String(120), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('content_hash', sa.String(64), nullable=False),
        sa.Column('is_current', sa.Boolean(), nullable=False),
        sa.Column('title', sa.Text(), nullable=False),
        sa.Column('language', sa.String(2), nullable=False),
        sa.Column('act_type', sa.String(40), nullable=False),
        sa.Column('act_type_raw', sa.Text()),
        sa.Column('issuer', sa.Text()),
        sa.Column('issuer_body', sa.Text()),
        sa.Column('date', sa.String(10)),
        sa.Column('number', sa.String(80)),
        sa.Column('registration_number', sa.String(80)),
        sa.Column('registration_date', sa.String(10)),
        sa.Column('status', sa.String(20), nullable=False),
        sa.Column('repealed_on', sa.String(10)),
        sa.Column('effective_from', sa.String(10)),
        sa.Column('entry_rule', sa.Text()),
        sa.Column('entry_kind', sa.String(20)),
        sa.Column('entry_days', sa.Integer()),
        sa.Column('entry_day_kind', sa.String(20)),
        sa.Column('entry_date', sa.String(10)),
        sa.Column('source', sa.Text()),
        sa.Column('line_count', sa.Integer(), nullable=False),
        sa.Column('ingested_at', sa.String(40), nullable=False),
        sa.Column('data', sa.JSON(), nullable=False),
        sa.Column('warnings', sa.JSON(), nullable=False),
    )
    op.create_table(
        "act_events",
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('act_id', sa.Integer(), sa.ForeignKey("acts.id", ondelete="CASCADE"), nullable=False),
        sa.Column('event', sa.String(20), nullable=False),
        sa.Column('event_date', sa.String(10)),
        sa.Column('by_act', sa.JSON()),
        sa.Column('text', sa.Text()),
        sa.Column('line_start', sa.Integer()),
        sa.Column('line_end', sa.Integer()),
    )
    op.create_table(
        "notes",
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('act_id', sa.Integer(), sa.ForeignKey("acts.id", ondelete="CASCADE"), nullable=False),
        sa.Column('ord', sa.Integer(), nullable=False),
        sa.Column('target', sa.Text(), nullable=False),
        sa.Column('kind', sa.String(20), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('amending_act', sa.JSON()),
        sa.Column('line_start', sa.Integer(), nullable=False),
        sa.Column('line_end', sa.Integer(), nullable=False),
    )
    op.create_table(
        "positions",
        sa.Column('pk', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('act_id', sa.Integer(), sa.ForeignKey("acts.id", ondelete="CASCADE"), nullable=False),
        sa.Column('position_id', sa.String(200), nullable=False),
        sa.Column('act_key', sa.String(120), nullable=False),
        sa.Column('ord', sa.Integer(), nullable=False),
        sa.Column('language', sa.String(2), nullable=False),
        sa.Column('title', sa.Text(), nullable=False),
        sa.Column('department', sa.Text()),
        sa.Column('division', sa.Text()),
        sa.Column('appendix', sa.String(40)),
        sa.Column('grp', sa.String(40)),
        sa.Column('category', sa.String(40)),
        sa.Column('category_raw', sa.String(80)),
        sa.Column('units', sa.Integer()),
        sa.Column('education_level', sa.String(40)),
        sa.Column('experience_required', sa.Boolean()),
        sa.Column('min_years', sa.Float()),
        sa.Column('line_start', sa.Integer(), nullable=False),
        sa.Column('line_end', sa.Integer(), nullable=False),
        sa.Column('data', sa.JSON(), nullable=False),
    )
    op.create_table(
        "raw_lines",
        sa.Column('act_id', sa.Integer(), sa.ForeignKey("acts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column('line_no', sa.Integer(), primary_key=True),
        sa.Column('text', sa.Text(), nullable=False),
    )
    op.create_table(
        "structure_nodes",
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('act_id', sa.Integer(), sa.ForeignKey("acts.id", ondelete="CASCADE"), nullable=False),
        sa.Column('ord', sa.Integer(), nullable=False),
        sa.Column('parent_ord', sa.Integer()),
        sa.Column('depth', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(20), nullable=False),
        sa.Column('label', sa.Text()),
        sa.Column('title', sa.Text()),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('line_start', sa.Integer(), nullable=False),
        sa.Column('line_end', sa.Integer(), nullable=False),
    )
    op.create_table(
        "position_numbers",
        sa.Column('position_pk', sa.Integer(), sa.ForeignKey("positions.pk", ondelete="CASCADE"), nullable=False),
        sa.Column('ord', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(80), nullable=False),
    )
    op.create_table(
        "requirements",
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('position_pk', sa.Integer(), sa.ForeignKey("positions.pk", ondelete="CASCADE"), nullable=False),
        sa.Column('kind', sa.String(20), nullable=False),
        sa.Column('ord', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('education_level', sa.String(40)),
        sa.Column('min_years', sa.Float()),
        sa.Column('data', sa.JSON()),
        sa.Column('line_start', sa.Integer()),
        sa.Column('line_end', sa.Integer()),
    )
    op.create_index("ix_acts_key_version", "acts", ["key", "version"], unique=True)
    op.create_index("ix_acts_key_hash", "acts", ["key", "content_hash"], unique=True)
    op.create_index("ix_acts_current", "acts", ["is_current", "key"])
    op.create_index("ix_act_events_act", "act_events", ["act_id"])
    op.create_index("ix_notes_act", "notes", ["act_id"])
    op.create_index("ix_structure_act", "structure_nodes", ["act_id", "ord"])
    op.create_index("ix_positions_act_pid", "positions", ["act_id", "position_id"], unique=True)
    op.create_index("ix_positions_pid", "positions", ["position_id"])
    op.create_index("ix_positions_category", "positions", ["category"])
    op.create_index("ix_position_numbers_pos", "position_numbers", ["position_pk"])
    op.create_index("ix_position_numbers_number", "position_numbers", ["number"])
    op.create_index("ix_requirements_pos", "requirements", ["position_pk"])
    op.create_index("ix_requirements_kind", "requirements", ["kind", "education_level"])

    # The search index holds stemmed tokens (kzqual.store.stem), never raw words, so that both
    # back ends match and rank the same tokens.  Columns: title, department (department, division
    # and the act's issuing body: what --body filters on), body (duties, education, competence,
    # knowledge).
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TABLE position_search ("
            " position_pk integer PRIMARY KEY REFERENCES positions(pk) ON DELETE CASCADE,"
            " tsv tsvector NOT NULL,"  # every column, weighted A title, B department, D body
            " title_tsv tsvector NOT NULL,"  # its own column: a weight-restricted match would
            " dept_tsv tsvector NOT NULL,"  # have to re-read every matching row's whole vector
            # the stems themselves, for the shared re-ranking (kzqual.store.search.score)
            " title text NOT NULL, department text NOT NULL, body text NOT NULL)"
        )
        op.execute("CREATE INDEX ix_position_search_tsv ON position_search USING gin (tsv)")
        op.execute("CREATE INDEX ix_position_search_title ON position_search USING gin (title_tsv)")
        op.execute("CREATE INDEX ix_position_search_dept ON position_search USING gin (dept_tsv)")
    else:
        op.execute(
            "CREATE VIRTUAL TABLE position_fts USING fts5("
            "title, department, body, tokenize = 'unicode61 remove_diacritics 0')"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE position_search")
    else:
        op.execute("DROP TABLE position_fts")
    for name in ("requirements", "position_numbers", "positions", "raw_lines", "structure_nodes",
                 "notes", "act_events", "acts"):
        op.drop_table(name)
