"""Who may do what: the one policy table the API and the web pages both enforce.

Roles (issue 10; docs/security.md):

* ``public``   — anyone, no sign-in: acts, posts, search, eligibility, the taxonomy, training groups;
* ``operator`` — the service provider's staff: cases, payments, decisions, documents, complaints
  received and the Н6 report — of their own office only;
* ``reviewer`` — the body that examines complaints: complaints (read, decide) and the case a
  complaint is about;
* ``admin``    — ingest, users; and everything an operator or reviewer may, in every office.

``OPERATIONS`` names each operation with the roles allowed it; ``ROUTES`` gives every route of the
app (method, path template) its operation.  A route missing from ``ROUTES`` is refused (fail closed)
and ``tests/security/test_policy.py`` fails on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

PUBLIC = "public"
STAFF_ROLES = ("operator", "reviewer", "admin")
ROLES = (PUBLIC, *STAFF_ROLES)

# operation -> the roles that may perform it ("admin" may perform every operation)
OPERATIONS: dict[str, frozenset[str]] = {
    PUBLIC: frozenset(ROLES),
    "signed_in": frozenset(STAFF_ROLES),  # sign out, one's own account
    "ingest": frozenset({"admin"}),
    "group.write": frozenset({"operator", "admin"}),
    "case.list": frozenset({"operator", "admin"}),
    "case.read": frozenset({"operator", "reviewer", "admin"}),  # reviewer: only a case with a complaint
    "case.apply": frozenset({"operator", "admin"}),
    "case.act": frozenset({"operator", "admin"}),
    "complaint.add": frozenset({"operator", "admin"}),
    "complaint.list": frozenset({"operator", "reviewer", "admin"}),  # an operator: their office's
    "complaint.read": frozenset({"operator", "reviewer", "admin"}),
    "complaint.act": frozenset({"operator", "reviewer", "admin"}),  # which step: COMPLAINT_STEPS
    "report.read": frozenset({"operator", "admin"}),  # an operator's report counts their office only
    # a case's documents carry the applicant's data: who may read the case may read them; an
    # operator issues them (standard, point 5)
    "document.read": frozenset({"operator", "reviewer", "admin"}),
    "document.issue": frozenset({"operator", "admin"}),
}

# A complaint's steps (point 65 of the standard): the provider satisfies it or forwards it to the
# reviewing body, which decides; the applicant's appeal is recorded by the reviewing body.
COMPLAINT_STEPS: dict[str, frozenset[str]] = {
    "satisfy": frozenset({"operator", "admin"}),
    "forward": frozenset({"operator", "admin"}),
    "decide": frozenset({"reviewer", "admin"}),
    "appeal": frozenset({"reviewer", "admin"}),
    "decide_appeal": frozenset({"reviewer", "admin"}),
    # the court stage after the pre-trial complaint: recorded by whichever side learns of it first
    "court": frozenset({"operator", "reviewer", "admin"}),
    "court_decide": frozenset({"operator", "reviewer", "admin"}),
}

API = "/api/v1"
ROUTES: dict[tuple[str, str], str] = {
    # the API
    ("GET", f"{API}/openapi.json"): PUBLIC,
    ("GET", f"{API}/docs"): PUBLIC,
    ("GET", f"{API}/docs/init.js"): PUBLIC,  # Swagger UI, served from the package
    ("GET", f"{API}/docs/assets"): PUBLIC,
    ("GET", f"{API}/health"): PUBLIC,
    ("GET", f"{API}/acts"): PUBLIC,
    ("GET", f"{API}/acts/{{key}}"): PUBLIC,
    ("GET", f"{API}/acts/{{key}}/text"): PUBLIC,
    ("GET", f"{API}/positions"): PUBLIC,
    ("GET", f"{API}/positions/{{position_id}}"): PUBLIC,
    ("POST", f"{API}/eligibility/check"): PUBLIC,
    ("POST", f"{API}/eligibility/match"): PUBLIC,
    ("POST", f"{API}/eligibility/screen"): PUBLIC,
    ("GET", f"{API}/taxonomy"): PUBLIC,  # education groups and specialties: no person
    ("POST", f"{API}/ingest"): "ingest",
    ("GET", f"{API}/services/groups"): PUBLIC,  # a group is a platoon: number, profile, dates, no person
    ("POST", f"{API}/services/groups"): "group.write",
    ("GET", f"{API}/services/cases"): "case.list",
    ("POST", f"{API}/services/cases"): "case.apply",
    ("GET", f"{API}/services/cases/{{case_id}}"): "case.read",
    ("POST", f"{API}/services/cases/{{case_id}}/actions"): "case.act",
    ("POST", f"{API}/services/cases/{{case_id}}/checklist/documents"): "case.act",  # point 8's checklist
    ("POST", f"{API}/services/cases/{{case_id}}/state-data"): "case.act",
    ("GET", f"{API}/services/requirements"): PUBLIC,  # what point 8 lists: the act's text, no person
    ("POST", f"{API}/services/cases/{{case_id}}/complaints"): "complaint.add",
    ("GET", f"{API}/services/complaints"): "complaint.list",
    ("GET", f"{API}/services/complaints/{{complaint_id}}"): "complaint.read",
    ("POST", f"{API}/services/complaints/{{complaint_id}}/actions"): "complaint.act",
    ("GET", f"{API}/services/reports/n6"): "report.read",
    ("GET", f"{API}/services/reports/monthly"): "report.read",  # counts only; an operator's office
    ("GET", f"{API}/services/cases/{{case_id}}/documents"): "document.read",
    ("POST", f"{API}/services/cases/{{case_id}}/documents"): "document.issue",
    ("POST", f"{API}/services/cases/{{case_id}}/notice-return"): "case.act",
    ("GET", f"{API}/services/documents/{{document_id}}"): "document.read",
    ("GET", f"{API}/services/documents/{{document_id}}/html"): "document.read",
    ("GET", f"{API}/services/documents/{{document_id}}/pdf"): "document.read",
    # the web pages
    ("GET", "/static"): PUBLIC,
    ("GET", "/"): PUBLIC,
    ("GET", "/acts"): PUBLIC,
    ("GET", "/acts/{key}"): PUBLIC,
    ("GET", "/acts/{key}/text"): PUBLIC,
    ("GET", "/acts/{key}/read"): PUBLIC,
    ("GET", "/positions/{position_id}"): PUBLIC,
    ("GET", "/eligibility"): PUBLIC,
    ("POST", "/eligibility"): PUBLIC,
    # a saved check is named by an opaque random id (kzqual.web.saved_checks): whoever has the
    # link sees the answers it holds, which are the visitor's own, never an applicant's record
    ("POST", "/eligibility/share"): PUBLIC,
    ("GET", "/eligibility/saved/{saved_id}"): PUBLIC,
    ("GET", "/eligibility/saved/{saved_id}/match"): PUBLIC,  # the same answers as data (JSON / CSV)
    ("GET", "/compare"): PUBLIC,  # posts side by side: acts' text only
    ("GET", "/signin"): PUBLIC,
    ("POST", "/signin"): PUBLIC,
    ("POST", "/signout"): "signed_in",
    ("GET", "/services"): "case.list",
    ("GET", "/services/apply"): "case.apply",
    ("POST", "/services/apply"): "case.apply",
    ("GET", "/services/cases/{case_id}"): "case.read",
    ("POST", "/services/cases/{case_id}"): "case.act",
    ("POST", "/services/cases/{case_id}/complaints"): "complaint.add",
    ("GET", "/services/complaints"): "complaint.list",
    ("GET", "/services/complaints/{complaint_id}"): "complaint.read",
    ("POST", "/services/complaints/{complaint_id}"): "complaint.act",
    ("GET", "/services/report"): "report.read",
}


def allowed(role: str, operation: str) -> bool:
    return role == "admin" or role in OPERATIONS.get(operation, frozenset())


def iter_routes(app: Any) -> Iterator[tuple[str, str, Any]]:
    """(method, path template, endpoint) of every route of ``app``, included routers unfolded;
    a mount (static files) as ("GET", its path, None)."""
    for route in app.routes:
        contexts = getattr(route, "effective_route_contexts", None)
        if contexts is not None:  # FastAPI's lazily included router
            for ctx in contexts():
                for method in sorted(getattr(ctx.original_route, "methods", None) or ()):
                    yield method, ctx.path, ctx.endpoint
        elif getattr(route, "methods", None):
            for method in sorted(route.methods - {"HEAD"}):
                yield method, route.path, getattr(route, "endpoint", None)
        else:
            yield "GET", route.path, None


def endpoint_operations(app: Any) -> dict[tuple[Any, str], str | None]:
    """(endpoint, method) -> operation; None for a route the table forgot (then refused)."""
    return {(endpoint, method): ROUTES.get((method, path))
            for method, path, endpoint in iter_routes(app) if endpoint is not None}
