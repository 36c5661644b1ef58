"""service: the documents a case produces (standard, point 5) — the admission notice, the reasoned
refusal, the certificate of completion — stored as issued (HTML and PDF), numbered per office and
year; a notice's return (point 10) is recorded on it.

Revision ID: service_0003
Revises: service_0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "service_0003"
down_revision = "service_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "service_documents",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("service_cases.id"), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("office", sa.String(100), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(140), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("html", sa.Text(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("returned_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("office", "year", "seq", name="uq_service_documents_number"),
    )
    op.create_index("ix_service_documents_case", "service_documents", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_service_documents_case", table_name="service_documents")
    op.drop_table("service_documents")
