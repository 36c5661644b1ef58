"""Who sees which applicants: an operator their own office's cases, a reviewer the complaints and the
cases they are about, an admin (and the bootstrap KZQUAL_TOKEN) everything; each on SQLite and
PostgreSQL through a live server."""

from __future__ import annotations

import httpx

from api_helpers import assert_error


def _c(secured, role: str) -> httpx.Client:
    return httpx.Client(base_url=secured.url, timeout=60,
                        headers={"Authorization": f"Bearer {secured.tokens[role]}"})


def _ids(r: httpx.Response) -> list[int]:
    assert r.status_code == 200, r.text
    return [c["id"] for c in r.json()["items"]]


def test_an_operator_sees_only_their_office(secured):
    with _c(secured, "operator") as op, _c(secured, "operator_other") as other:
        assert _ids(op.get("/api/v1/services/cases")) == [1, 2]
        assert _ids(other.get("/api/v1/services/cases")) == [3]
        assert op.get("/api/v1/services/cases/1").json()["application"]["surname"] == "Сейітов"
        assert_error(other.get("/api/v1/services/cases/1"), 404, "not_found")
        assert_error(other.get("/api/v1/services/complaints/1"), 404, "not_found")
        assert_error(other.post("/api/v1/services/cases/1/actions", json={"action": "withdraw", "actor": "x"}),
                     404, "not_found")
        assert op.get("/api/v1/services/cases/1").json()["state"] == "accepted"  # unchanged
        # filing a case: their own office, never another's
        from security_helpers import APPLICANTS

        from datetime import date

        from kzqual.services.iin import make_iin

        # a new person: APPLICANTS[0]'s case 1 is still open (one open application per ИИН)
        app = {**APPLICANTS[0], "iin": make_iin(date(2004, 5, 17), "m", 21), "addressee": "x", "branch": "y",
               "consent": True}
        assert_error(op.post("/api/v1/services/cases", json={"application": app, "actor": "o", "office": "almaty"}),
                     403, "forbidden")
        filed = op.post("/api/v1/services/cases", json={"application": app, "actor": "o", "at": "2024-04-01T10:00"})
        assert filed.status_code == 201 and filed.json()["office"] == "astana"
        assert filed.json()["id"] not in _ids(other.get("/api/v1/services/cases"))


def test_the_report_counts_the_operators_office(secured):
    def selected(client):
        r = client.get("/api/v1/services/reports/n6", params={"year": 2024, "half": 1})
        assert r.status_code == 200, r.text
        return r.json()["totals"]["column6_selected"]

    with _c(secured, "operator") as op, _c(secured, "operator_other") as other, _c(secured, "admin") as admin:
        assert selected(op) == 1  # case 1 was admitted to the platoon
        assert selected(other) == 0
        assert selected(admin) == 1


def test_a_reviewer_sees_complaints_and_their_cases_only(secured):
    with _c(secured, "reviewer") as rev:
        assert_error(rev.get("/api/v1/services/cases"), 403, "forbidden")
        assert rev.get("/api/v1/services/complaints/1").json()["case_id"] == 2
        assert rev.get("/api/v1/services/cases/2").json()["application"]["surname"] == "Жұмабаева"
        assert_error(rev.get("/api/v1/services/cases/1"), 404, "not_found")  # no complaint about it
        assert_error(rev.post("/api/v1/services/cases/2/actions", json={"action": "withdraw", "actor": "r"}),
                     403, "forbidden")
        # the provider's steps are the operator's
        assert_error(rev.post("/api/v1/services/complaints/1/actions", json={"action": "satisfy", "actor": "r"}),
                     403, "forbidden")


def test_complaint_lists(secured):
    with _c(secured, "reviewer") as rev, _c(secured, "operator") as op, _c(secured, "operator_other") as other:
        assert _ids(rev.get("/api/v1/services/complaints")) == [1]
        assert _ids(op.get("/api/v1/services/complaints")) == [1]
        assert _ids(other.get("/api/v1/services/complaints")) == []  # about another office's case
        assert _ids(rev.get("/api/v1/services/complaints", params={"state": "satisfied"})) == []
    assert_error(httpx.get(f"{secured.url}/api/v1/services/complaints", timeout=60), 401, "unauthorized")


def test_complaint_steps_by_role(secured):
    with _c(secured, "operator") as op, _c(secured, "reviewer") as rev:
        assert_error(op.post("/api/v1/services/complaints/1/actions",
                             json={"action": "decide", "outcome": "upheld", "actor": "o"}), 403, "forbidden")
        r = op.post("/api/v1/services/complaints/1/actions",
                    json={"action": "forward", "body": "ҚІД", "actor": "o", "at": "2024-03-29T16:00"})
        assert r.status_code == 200 and r.json()["reviewing_body"] == "ҚІД", r.text
        r = rev.post("/api/v1/services/complaints/1/actions",
                     json={"action": "decide", "outcome": "rejected", "actor": "ҚІД", "at": "2024-04-02T10:00"})
        assert r.status_code == 200 and r.json()["outcome"] == "rejected", r.text


def test_admin_and_bootstrap_see_every_office_and_a_disabled_user_nothing(secured):
    for role in ("admin", "bootstrap"):
        with _c(secured, role) as c:
            assert {1, 2, 3} <= set(_ids(c.get("/api/v1/services/cases")))
    with _c(secured, "disabled") as gone:
        assert_error(gone.get("/api/v1/services/cases"), 401, "unauthorized")
    with _c(secured, "operator") as op:
        assert_error(op.post("/api/v1/ingest", content=b"x"), 403, "forbidden")


def test_users_work_without_kzqual_token(fresh_server):
    site = fresh_server(token=None)
    assert httpx.get(f"{site.url}/api/v1/health", timeout=60).json()["writes_enabled"] is True
    with _c(site, "operator") as op:
        assert _ids(op.get("/api/v1/services/cases")) == [1, 2]
    with _c(site, "bootstrap") as boot:  # no KZQUAL_TOKEN: the old bootstrap token is just wrong
        assert_error(boot.get("/api/v1/services/cases"), 401, "unauthorized")
