"""security: staff users with hashed tokens, the audit log of every read and change of a case or
complaint, and the office that handles each case (issue 10: applicants' personal data only to the
roles that need it).

Existing cases get the office ``main`` (the one office a registry had before offices existed);
``kzqual users add NAME --role operator --office main`` gives their staff access.

Revision ID: security_0001
Revises: service_0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "security_0001"
down_revision = "service_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_cases") as batch:  # SQLite cannot ALTER in place
        batch.add_column(sa.Column("office", sa.String(100), nullable=False, server_default="main"))
    op.create_table(
        "service_users",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("office", sa.String(100), nullable=True),
        sa.Column("token_prefix", sa.String(16), nullable=False, unique=True),
        sa.Column("token_hash", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("disabled_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "service_audit",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("via", sa.String(10), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("complaint_id", sa.Integer(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
    )
    op.create_index("ix_service_audit_case", "service_audit", ["case_id"])
    op.create_index("ix_service_audit_complaint", "service_audit", ["complaint_id"])


def downgrade() -> None:
    op.drop_index("ix_service_audit_complaint", table_name="service_audit")
    op.drop_index("ix_service_audit_case", table_name="service_audit")
    op.drop_table("service_audit")
    op.drop_table("service_users")
    with op.batch_alter_table("service_cases") as batch:
        batch.drop_column("office")
