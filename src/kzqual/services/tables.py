"""SQLAlchemy Core tables of the public service (Alembic branch "service").

The migrations ``store/migrations/versions/service_0001_tables.py``, ``security_0001_users_audit.py``
(staff, the audit log, a case's office) and ``service_0002_flow.py`` (reopened decisions) create
exactly these tables; ``tests/services/test_migration.py``
compares the two.  Times are Kazakhstan wall-clock time
(naive), except ``recorded_at`` which is UTC.
"""

from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData,
                        String, Table, Text, UniqueConstraint, true)

metadata = MetaData()

groups = Table(
    "service_groups", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("number", String(50), nullable=False),
    Column("profile", String(200), nullable=False),
    Column("planned_creation", Date, nullable=False),
    Column("actual_creation", Date, nullable=True),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("basis", String(10), nullable=False, server_default="free"),
    Column("note", Text, nullable=False, server_default=""),
)

cases = Table(
    "service_cases", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("state", String(20), nullable=False),
    Column("iin", String(12), nullable=False),
    Column("application", JSON, nullable=False),
    Column("submitted_at", DateTime, nullable=False),
    Column("accepted_day", Date, nullable=False),
    Column("group_id", Integer, ForeignKey("service_groups.id"), nullable=True),
    Column("classes_start", Date, nullable=True),
    Column("decided_at", DateTime, nullable=True),
    Column("refusal_grounds", JSON, nullable=True),
    Column("refusal_reason", Text, nullable=True),
    Column("training_started_at", DateTime, nullable=True),
    Column("certificate_no", String(100), nullable=True),
    Column("certified_at", DateTime, nullable=True),
    Column("withdrawn_at", DateTime, nullable=True),
    Column("fee_due", Integer, nullable=False, server_default="0"),
    Column("paid_amount", Integer, nullable=False, server_default="0"),
    Column("paid_at", DateTime, nullable=True),
    # the service provider's office that handles the case: an operator sees only their office's cases
    Column("office", String(100), nullable=False, server_default="main"),
    # The last reopening of the decision by a complaint's favourable outcome (point 65; migration
    # service_0002): when, on what basis, by which complaint, the day its deadline counts from, and
    # when the decision was taken again.  Earlier reopenings stay in the case's events.
    Column("reopened_at", DateTime, nullable=True),
    Column("reopen_basis", String(30), nullable=True),
    Column("reopen_complaint_id", Integer, nullable=True),
    Column("redecision_from", Date, nullable=True),
    Column("redecided_at", DateTime, nullable=True),
    Index("ix_service_cases_state", "state"),
    Index("ix_service_cases_iin", "iin"),
)

complaints = Table(
    "service_complaints", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("service_cases.id"), nullable=False),
    Column("state", String(20), nullable=False),
    Column("target", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("received_at", DateTime, nullable=False),
    Column("forwarded_at", DateTime, nullable=True),
    Column("reviewing_body", Text, nullable=True),
    Column("satisfied_at", DateTime, nullable=True),
    Column("decided_at", DateTime, nullable=True),
    Column("outcome", String(20), nullable=True),
    Column("appealed_at", DateTime, nullable=True),
    Column("appeal_decided_at", DateTime, nullable=True),
    Column("appeal_outcome", String(20), nullable=True),
    # service_0002: lodged with the provider or straight with the authorised body for quality of
    # public services; the court stage after the pre-trial complaint (point 65)
    Column("lodged_with", String(20), nullable=False, server_default="provider"),
    Column("court_filed_at", DateTime, nullable=True),
    Column("court_name", Text, nullable=True),
    Column("court_decided_at", DateTime, nullable=True),
    Column("court_outcome", String(20), nullable=True),
    Index("ix_service_complaints_case", "case_id"),
)

events = Table(
    "service_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("service_cases.id"), nullable=False),
    Column("complaint_id", Integer, ForeignKey("service_complaints.id"), nullable=True),
    Column("kind", String(30), nullable=False),
    Column("from_state", String(20), nullable=True),
    Column("to_state", String(20), nullable=True),
    Column("at", DateTime, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    Column("details", JSON, nullable=False),
    Index("ix_service_events_case", "case_id"),
)


# Staff who sign in (operator, reviewer, admin): only a hash of each token is kept, and its
# non-secret prefix finds the row without trying every hash.
users = Table(
    "service_users", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("office", String(100), nullable=True),
    Column("token_prefix", String(16), nullable=False, unique=True),
    Column("token_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False, server_default=true()),
    Column("created_at", DateTime, nullable=False),
    Column("disabled_at", DateTime, nullable=True),
)

# Who read or changed which case or complaint, when (UTC) and how (api / web / cli).
audit = Table(
    "service_audit", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("via", String(10), nullable=False),
    Column("action", String(40), nullable=False),
    Column("case_id", Integer, nullable=True),
    Column("complaint_id", Integer, nullable=True),
    Column("details", JSON, nullable=False),
    Index("ix_service_audit_case", "case_id"),
    Index("ix_service_audit_complaint", "complaint_id"),
)

# The documents the service produces (standard, point 5): the admission notice, the reasoned refusal
# and the certificate of completion — stored as issued (HTML and PDF), numbered per office and year.
# A notice's return (point 10) closes the service (returned_at).  Migration service_0003.
documents = Table(
    "service_documents", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("service_cases.id"), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("office", String(100), nullable=False),
    Column("year", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("number", String(140), nullable=False),
    Column("lang", String(2), nullable=False),
    Column("issued_at", DateTime, nullable=False),  # Kazakhstan wall-clock time, like every step
    Column("actor", String(200), nullable=False),
    Column("recorded_at", DateTime, nullable=False),  # UTC
    Column("html", Text, nullable=False),
    Column("pdf", LargeBinary, nullable=False),
    Column("sha256", String(64), nullable=False),  # of the PDF, so a printed copy can be checked
    Column("returned_at", DateTime, nullable=True),
    UniqueConstraint("office", "year", "seq", name="uq_service_documents_number"),
    Index("ix_service_documents_case", "case_id"),
)
