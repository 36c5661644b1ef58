"""service: the case flow the act runs (issue 13) — a decision reopened by a complaint's favourable
outcome (point 65) is recorded on the case: when, on what basis, by which complaint, the day its
deadline counts from, and when the decision was taken again; a complaint records where it was lodged
(the provider, or straight with the authorised body for quality of public services) and its court
stage (filed, court, decided, outcome).

Existing cases get NULLs: none of them was reopened (before this, a refused case stayed refused);
existing complaints were all lodged with the provider.

Revision ID: service_0002
Revises: security_0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "service_0002"
down_revision = "security_0001"
branch_labels = None
depends_on = None

_CASE_COLUMNS = (
    ("reopened_at", sa.DateTime()),
    ("reopen_basis", sa.String(30)),
    ("reopen_complaint_id", sa.Integer()),
    ("redecision_from", sa.Date()),
    ("redecided_at", sa.DateTime()),
)


_COMPLAINT_COLUMNS = (
    ("court_filed_at", sa.DateTime()),
    ("court_name", sa.Text()),
    ("court_decided_at", sa.DateTime()),
    ("court_outcome", sa.String(20)),
)


def upgrade() -> None:
    with op.batch_alter_table("service_cases") as batch:  # SQLite cannot ALTER in place
        for name, type_ in _CASE_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))
    with op.batch_alter_table("service_complaints") as batch:
        batch.add_column(sa.Column("lodged_with", sa.String(20), nullable=False, server_default="provider"))
        for name, type_ in _COMPLAINT_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("service_complaints") as batch:
        for name, _ in reversed(_COMPLAINT_COLUMNS):
            batch.drop_column(name)
        batch.drop_column("lodged_with")
    with op.batch_alter_table("service_cases") as batch:
        for name, _ in reversed(_CASE_COLUMNS):
            batch.drop_column(name)
