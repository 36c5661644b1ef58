"""The access table: every API operation and web page with what each role may do.

``MATRIX`` is this test's own statement of the law (issue 10): acts, posts, search, eligibility and
the taxonomy are public; everything about applicants is staff only.  It must name every route the
app has (a new route without an entry fails here), it must agree with the policy the server
enforces (kzqual.api.policy), and a live server on SQLite and on PostgreSQL must answer each role as
it says: allowed -> not refused; refused -> 401 for the public, 403 for a staff role.
"""

from __future__ import annotations

import httpx
import pytest

from kzqual.api import Settings, create_app
from kzqual.api.policy import ROUTES, allowed, iter_routes

from staff import csrf_of, sign_in

P = {"public", "operator", "reviewer", "admin"}
OP = {"operator", "admin"}
STAFF = {"operator", "reviewer", "admin"}
ADMIN = {"admin"}
REV = {"reviewer", "admin"}

# (method, path) -> (roles allowed, the request a role sends: concrete path and body)
A = "/api/v1"
MATRIX: dict[tuple[str, str], tuple[set[str], str, dict]] = {
    ("GET", f"{A}/openapi.json"): (P, f"{A}/openapi.json", {}),
    ("GET", f"{A}/docs"): (P, f"{A}/docs", {}),
    ("GET", f"{A}/docs/init.js"): (P, f"{A}/docs/init.js", {}),
    ("GET", f"{A}/docs/assets"): (P, f"{A}/docs/assets/swagger-ui.css", {}),
    ("GET", f"{A}/health"): (P, f"{A}/health", {}),
    ("GET", f"{A}/acts"): (P, f"{A}/acts", {}),
    ("GET", f"{A}/acts/{{key}}"): (P, f"{A}/acts/reg-9344", {}),
    ("GET", f"{A}/acts/{{key}}/text"): (P, f"{A}/acts/reg-9344/text", {}),
    ("GET", f"{A}/positions"): (P, f"{A}/positions?q=маман", {}),
    ("GET", f"{A}/positions/{{position_id}}"): (P, f"{A}/positions/9344-a2-43", {}),
    ("POST", f"{A}/eligibility/check"): (P, f"{A}/eligibility/check", {"json": {}}),
    ("POST", f"{A}/eligibility/match"): (P, f"{A}/eligibility/match", {"json": {}}),
    ("POST", f"{A}/eligibility/screen"): (P, f"{A}/eligibility/screen", {"content": b""}),
    ("GET", f"{A}/taxonomy"): (P, f"{A}/taxonomy?q=law&lang=en", {}),
    ("POST", f"{A}/ingest"): (ADMIN, f"{A}/ingest", {"content": b""}),
    ("GET", f"{A}/services/groups"): (P, f"{A}/services/groups", {}),
    ("POST", f"{A}/services/groups"): (OP, f"{A}/services/groups", {"json": {}}),
    ("GET", f"{A}/services/cases"): (OP, f"{A}/services/cases", {}),
    ("POST", f"{A}/services/cases"): (OP, f"{A}/services/cases", {"json": {}}),
    ("GET", f"{A}/services/cases/{{case_id}}"): (STAFF, f"{A}/services/cases/2", {}),
    ("POST", f"{A}/services/cases/{{case_id}}/actions"): (OP, f"{A}/services/cases/1/actions", {"json": {}}),
    ("POST", f"{A}/services/cases/{{case_id}}/complaints"): (OP, f"{A}/services/cases/1/complaints", {"json": {}}),
    ("POST", f"{A}/services/cases/{{case_id}}/checklist/documents"): (OP, f"{A}/services/cases/1/checklist/documents", {"json": {}}),
    ("POST", f"{A}/services/cases/{{case_id}}/state-data"): (OP, f"{A}/services/cases/1/state-data", {"json": {}}),
    ("GET", f"{A}/services/requirements"): (P, f"{A}/services/requirements", {}),
    ("GET", f"{A}/services/complaints"): (STAFF, f"{A}/services/complaints", {}),
    ("GET", f"{A}/services/complaints/{{complaint_id}}"): (STAFF, f"{A}/services/complaints/1", {}),
    ("POST", f"{A}/services/complaints/{{complaint_id}}/actions"):
        (STAFF, f"{A}/services/complaints/1/actions", {"json": {}}),
    ("GET", f"{A}/services/reports/n6"): (OP, f"{A}/services/reports/n6?year=2024&half=1", {}),
    ("GET", f"{A}/services/reports/monthly"): (OP, f"{A}/services/reports/monthly?year=2024&half=1", {}),
    ("GET", f"{A}/services/cases/{{case_id}}/documents"): (STAFF, f"{A}/services/cases/2/documents", {}),
    ("POST", f"{A}/services/cases/{{case_id}}/documents"): (OP, f"{A}/services/cases/1/documents", {"json": {}}),
    ("POST", f"{A}/services/cases/{{case_id}}/notice-return"): (OP, f"{A}/services/cases/1/notice-return",
                                                               {"json": {}}),
    ("GET", f"{A}/services/documents/{{document_id}}"): (STAFF, f"{A}/services/documents/1", {}),
    ("GET", f"{A}/services/documents/{{document_id}}/html"): (STAFF, f"{A}/services/documents/1/html", {}),
    ("GET", f"{A}/services/documents/{{document_id}}/pdf"): (STAFF, f"{A}/services/documents/1/pdf", {}),
    ("GET", "/static"): (P, "/static/style.css", {}),
    ("GET", "/"): (P, "/", {}),
    ("GET", "/acts"): (P, "/acts", {}),
    ("GET", "/acts/{key}"): (P, "/acts/reg-9344", {}),
    ("GET", "/acts/{key}/text"): (P, "/acts/reg-9344/text", {}),
    ("GET", "/acts/{key}/read"): (P, "/acts/reg-9344/read", {}),
    ("GET", "/positions/{position_id}"): (P, "/positions/9344-a2-43", {}),
    ("GET", "/eligibility"): (P, "/eligibility", {}),
    ("POST", "/eligibility"): (P, "/eligibility", {"form": {}}),
    ("POST", "/eligibility/share"): (P, "/eligibility/share", {"form": {}}),
    ("GET", "/eligibility/saved/{saved_id}"): (P, "/eligibility/saved/AAAAAAAAAAAAAAAAAAAAAA", {}),
    ("GET", "/eligibility/saved/{saved_id}/match"): (P, "/eligibility/saved/AAAAAAAAAAAAAAAAAAAAAA/match", {}),
    ("GET", "/compare"): (P, "/compare?ids=9344-a2-43", {}),
    ("GET", "/signin"): (P, "/signin", {}),
    ("POST", "/signin"): (P, "/signin", {"form": {"name": "nobody", "token": "kzq_00000000_x"}}),
    ("POST", "/signout"): (STAFF, "/signout", {"form": {}}),
    ("GET", "/services"): (OP, "/services", {}),
    ("GET", "/services/apply"): (OP, "/services/apply", {}),
    ("POST", "/services/apply"): (OP, "/services/apply", {"form": {}}),
    ("GET", "/services/cases/{case_id}"): (STAFF, "/services/cases/2", {}),
    ("POST", "/services/cases/{case_id}"): (OP, "/services/cases/1", {"form": {"action": "x"}}),
    ("POST", "/services/cases/{case_id}/complaints"): (OP, "/services/cases/1/complaints", {"form": {}}),
    ("GET", "/services/complaints"): (STAFF, "/services/complaints", {}),
    ("GET", "/services/complaints/{complaint_id}"): (STAFF, "/services/complaints/1", {}),
    ("POST", "/services/complaints/{complaint_id}"): (STAFF, "/services/complaints/1", {"form": {"action": "x"}}),
    ("GET", "/services/report"): (OP, "/services/report?year=2024&half=1", {}),
}


def _routes() -> set[tuple[str, str]]:
    app = create_app(Settings(db="unused.db"))
    return {(method, path) for method, path, _ in iter_routes(app) if method != "HEAD"}


def test_every_route_has_an_entry():
    routes = _routes()
    assert sorted(routes - set(MATRIX)) == [], "a route without an entry in this table (and in kzqual.api.policy)"
    assert sorted(set(MATRIX) - routes) == [], "an entry for a route the app no longer has"
    assert sorted(routes - set(ROUTES)) == [], "a route the server would refuse to everyone (missing in the policy)"


@pytest.mark.parametrize("route", sorted(MATRIX))
def test_the_policy_says_what_the_table_says(route):
    roles, _, _ = MATRIX[route]
    operation = ROUTES[route]
    assert {r for r in P if allowed(r, operation)} == roles, (route, operation)


def _refusal(r: httpx.Response) -> str | None:
    """The refusal code of a response (unauthorized / forbidden / writes_disabled), or None."""
    if r.status_code not in (401, 403):
        return None
    if r.headers.get("content-type", "").startswith("application/json"):
        return r.json()["error"]["code"]
    import re

    m = re.search(r'data-error-code="([a-z_]+)"', r.text)
    return m.group(1) if m else None


def _clients(secured) -> dict[str, httpx.Client]:
    """Per role: a client signed in on the web (its session) that also sends the role's bearer
    token on API requests."""
    clients = {}
    for role, who in (("public", None), ("operator", "op-astana"), ("reviewer", "reviewer"), ("admin", "root"),
                      ("bootstrap", "bootstrap-admin")):
        c = httpx.Client(base_url=secured.url, timeout=60)
        if who:
            token = secured.tokens["bootstrap" if role == "bootstrap" else role]
            sign_in(c, who, token)
            c.headers["Authorization"] = f"Bearer {token}"
        clients[role] = c
    return clients


def _send(client: httpx.Client, method: str, path: str, kwargs: dict) -> httpx.Response:
    kwargs = dict(kwargs)
    if "form" in kwargs:  # a page form: with the page's CSRF token, as a browser sends it
        token = csrf_of(client.get("/signin").text)
        kwargs = {"data": {**kwargs.pop("form"), "csrf_token": token}}
    return client.request(method, path, follow_redirects=False, **kwargs)


def test_each_role_gets_what_the_table_says_on_a_live_server(secured):
    clients = _clients(secured)
    wrong: list[str] = []
    try:
        for (method, template), (roles, path, kwargs) in sorted(MATRIX.items()):
            for role, client in clients.items():
                r = _send(client, method, path, kwargs)
                refusal = _refusal(r)
                may = (role if role != "bootstrap" else "admin") in roles
                if may and refusal is not None:
                    wrong.append(f"{role} {method} {path}: refused {r.status_code} {refusal}")
                if not may:
                    expected = ("unauthorized", 401) if role == "public" else ("forbidden", 403)
                    if (refusal, r.status_code) != expected:
                        wrong.append(f"{role} {method} {path}: {r.status_code} {refusal}, expected {expected}")
    finally:
        for c in clients.values():
            c.close()
    assert wrong == []
