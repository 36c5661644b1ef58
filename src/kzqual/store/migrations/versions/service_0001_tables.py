"""service: training groups, cases (applications of appendix 2-2), complaints (point 65) and the
audit log of every step, for the public service of order No. 674.

Revision ID: service_0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "service_0001"
down_revision = None
branch_labels = ("service",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "service_groups",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("number", sa.String(50), nullable=False),
        sa.Column("profile", sa.String(200), nullable=False),
        sa.Column("planned_creation", sa.Date(), nullable=False),
        sa.Column("actual_creation", sa.Date(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("basis", sa.String(10), nullable=False, server_default="free"),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
    )
    op.create_table(
        "service_cases",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("iin", sa.String(12), nullable=False),
        sa.Column("application", sa.JSON(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_day", sa.Date(), nullable=False),
        sa.Column("group_id", sa.Integer(), sa.ForeignKey("service_groups.id"), nullable=True),
        sa.Column("classes_start", sa.Date(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("refusal_grounds", sa.JSON(), nullable=True),
        sa.Column("refusal_reason", sa.Text(), nullable=True),
        sa.Column("training_started_at", sa.DateTime(), nullable=True),
        sa.Column("certificate_no", sa.String(100), nullable=True),
        sa.Column("certified_at", sa.DateTime(), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.Column("fee_due", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("paid_amount", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("paid_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_service_cases_state", "service_cases", ["state"])
    op.create_index("ix_service_cases_iin", "service_cases", ["iin"])
    op.create_table(
        "service_complaints",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("service_cases.id"), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("target", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("forwarded_at", sa.DateTime(), nullable=True),
        sa.Column("reviewing_body", sa.Text(), nullable=True),
        sa.Column("satisfied_at", sa.DateTime(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("appealed_at", sa.DateTime(), nullable=True),
        sa.Column("appeal_decided_at", sa.DateTime(), nullable=True),
        sa.Column("appeal_outcome", sa.String(20), nullable=True),
    )
    op.create_index("ix_service_complaints_case", "service_complaints", ["case_id"])
    op.create_table(
        "service_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("service_cases.id"), nullable=False),
        sa.Column("complaint_id", sa.Integer(), sa.ForeignKey("service_complaints.id"), nullable=True),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("from_state", sa.String(20), nullable=True),
        sa.Column("to_state", sa.String(20), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
    )
    op.create_index("ix_service_events_case", "service_events", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_service_events_case", table_name="service_events")
    op.drop_table("service_events")
    op.drop_index("ix_service_complaints_case", table_name="service_complaints")
    op.drop_table("service_complaints")
    op.drop_index("ix_service_cases_iin", table_name="service_cases")
    op.drop_index("ix_service_cases_state", table_name="service_cases")
    op.drop_table("service_cases")
    op.drop_table("service_groups")
