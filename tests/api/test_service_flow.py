"""The case flow of order 674 over HTTP on a live server, SQLite and PostgreSQL: a complaint's
favourable outcome reopens the decision (point 65); bad input is a 4xx JSON error that writes
nothing."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from kzqual.api import Settings
from kzqual.services.iin import make_iin

from api_helpers import assert_error
from api_token import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
API = "/api/v1/services"


def application(serial: int = 1, **over) -> dict:
    data = {
        "iin": make_iin(date(2004, 5, 17), "m", serial), "surname": "Сейітов", "name": "Ерлан",
        "address": "Астана қ., Абай даңғылы, 10", "phone": "+7 701 123 45 67",
        "addressee": "Астана қаласы бойынша қорғаныс істері департаментінің",
        "branch": "Әскери-техникалық мектептің Астана филиалы", "consent": True, "signed_with": "eds",
    }
    data.update(over)
    return data


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "flow.db")
    server = request.getfixturevalue("pg_server")
    return server.url(server.create_db())


@pytest.fixture()
def client(db, serve_app):
    with httpx.Client(base_url=serve_app(Settings(db=db, token=TOKEN)), headers=AUTH, timeout=60) as c:
        yield c


def rows(db: str) -> dict:
    """Every row of every service table but the access log (reads are logged there)."""
    from sqlalchemy import select

    from kzqual.services import tables as T
    from kzqual.store import open_store

    with open_store(db) as store, store.engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
                for t in T.metadata.sorted_tables if t.name != "service_audit"}


def _state(c: httpx.Client, case_id: int) -> dict:
    r = c.get(f"{API}/cases/{case_id}")
    assert r.status_code == 200, r.text
    return r.json()


def test_satisfied_complaint_lets_the_refusal_be_decided_again(client):
    c = client
    gid = c.post(f"{API}/groups", json={"number": "5", "profile": "байланысшы", "planned_creation": "2024-06-20",
                                        "period_start": "2024-07-01", "period_end": "2024-08-30"}).json()["id"]
    cid = c.post(f"{API}/cases", json={"application": application(), "actor": "portal",
                                       "at": "2024-06-10T10:00"}).json()["id"]
    r = c.post(f"{API}/cases/{cid}/actions", json={"action": "refuse", "grounds": [2], "reason": "сәйкес емес",
                                                    "actor": "o", "at": "2024-06-11T10:00"})
    assert r.status_code == 200, r.text
    k = c.post(f"{API}/cases/{cid}/complaints", json={"target": "decision", "text": "келіспеймін", "actor": "a",
                                                      "at": "2024-06-12T15:00"}).json()["id"]
    before = _state(c, cid)
    refused = c.post(f"{API}/cases/{cid}/actions", json={"action": "accept", "group_id": gid, "actor": "o",
                                                          "at": "2024-06-13T09:00"})
    body = assert_error(refused, 409, "conflict")
    assert "point 65" in body["error"]["message"]
    assert _state(c, cid)["events"] == before["events"]  # nothing written

    r = c.post(f"{API}/complaints/{k}/actions", json={"action": "satisfy", "actor": "head", "at": "2024-06-13T10:00"})
    assert r.status_code == 200 and r.json()["state"] == "satisfied", r.text
    case = _state(c, cid)
    assert case["state"] == "reconsideration"
    assert case["reopened"]["complaint_id"] == k and case["reopened"]["basis"] == "provider_satisfied"
    redo = [d for d in case["deadlines"] if d["key"] == "redecision_deadline"]
    assert [(d["start"], d["due"], d["basis"]) for d in redo] == [("2024-06-12", "2024-06-17",
                                                                   "rules, point 65, lines 41-44")]
    r = c.post(f"{API}/cases/{cid}/actions", json={"action": "accept", "group_id": gid, "actor": "o",
                                                    "at": "2024-06-14T11:00"})
    assert r.status_code == 200, r.text
    case = r.json()
    assert case["state"] == "accepted" and case["reopened"]["redecided_at"] == "2024-06-14T11:00"
    assert [e["kind"] for e in case["events"]][-3:] == ["complaint_satisfy", "reopen", "accept"]


def test_complaint_straight_to_the_quality_body_and_the_court_stage(client):
    c = client
    cid = c.post(f"{API}/cases", json={"application": application(2), "actor": "portal",
                                       "at": "2024-06-10T10:00"}).json()["id"]
    c.post(f"{API}/cases/{cid}/actions", json={"action": "refuse", "grounds": [2], "reason": "r", "actor": "o",
                                               "at": "2024-06-11T10:00"}).raise_for_status()
    r = c.post(f"{API}/cases/{cid}/complaints", json={"target": "decision", "text": "келіспеймін", "actor": "agency",
                                                      "at": "2024-06-12T11:00", "lodged_with": "quality_body"})
    assert r.status_code == 201, r.text
    k = r.json()
    assert k["state"] == "appealed" and k["lodged_with"] == "quality_body"
    assert [(d["key"], d["due"]) for d in k["deadlines"]] == [("complaint_quality_body_deadline", "2024-07-03")]
    r = c.post(f"{API}/complaints/{k['id']}/actions", json={"action": "decide_appeal", "outcome": "rejected",
                                                             "actor": "agency", "at": "2024-06-28T10:00"})
    assert r.status_code == 200, r.text
    r = c.post(f"{API}/complaints/{k['id']}/actions", json={"action": "court", "court": "әкімшілік сот",
                                                             "actor": "o", "at": "2024-07-05T10:00"})
    assert r.status_code == 200 and r.json()["state"] == "in_court", r.text
    assert_error(c.post(f"{API}/complaints/{k['id']}/actions", json={"action": "court_decide", "actor": "o"}),
                 400, "bad_input")  # no outcome
    r = c.post(f"{API}/complaints/{k['id']}/actions", json={"action": "court_decide", "outcome": "upheld",
                                                             "actor": "o", "at": "2024-08-15T10:00"})
    assert r.status_code == 200 and r.json()["court_outcome"] == "upheld", r.text
    case = _state(c, cid)
    assert case["state"] == "reconsideration" and case["reopened"]["basis"] == "court_upheld"
    assert_error(c.post(f"{API}/cases/{cid}/complaints", json={"target": "decision", "text": "x", "actor": "a",
                                                               "lodged_with": "court"}), 422, "validation_error")


def test_bad_input_on_every_step_is_a_json_error_and_writes_nothing(client, db):
    c = client
    gid = c.post(f"{API}/groups", json={"number": "5", "profile": "байланысшы", "planned_creation": "2024-06-20",
                                        "period_start": "2024-07-01", "period_end": "2024-08-30"}).json()["id"]
    cid = c.post(f"{API}/cases", json={"application": application(3, medical_card=False), "actor": "portal",
                                       "at": "2024-06-10T10:00"}).json()["id"]
    before = rows(db)
    step = f"{API}/cases/{cid}/actions"
    bad = [
        # an unknown case, on every case route
        (c.post(f"{API}/cases/999/actions", json={"action": "withdraw", "actor": "o"}), 404, "not_found"),
        (c.post(f"{API}/cases/999/checklist/documents", json={"document": "medical_card", "actor": "o"}), 404, "not_found"),
        (c.post(f"{API}/cases/999/state-data", json={"kind": "identity", "source": "s", "obtained_on": "2024-06-10",
                                                     "result": "matches", "actor": "o"}), 404, "not_found"),
        # a move the standard does not allow
        (c.post(step, json={"action": "certify", "certificate": "X", "actor": "o"}), 409, "conflict"),
        # a date before submission
        (c.post(step, json={"action": "refuse", "grounds": [1], "reason": "r", "actor": "o",
                            "at": "2024-06-09T10:00"}), 400, "before_submission"),
        (c.post(f"{API}/cases/{cid}/state-data", json={"kind": "identity", "source": "s", "obtained_on": "2024-06-01",
                                                       "result": "matches", "actor": "o", "at": "2024-06-11T10:00"}),
         400, "before_submission"),
        # the same person's second open application
        (c.post(f"{API}/cases", json={"application": application(3), "actor": "portal", "at": "2024-06-11T10:00"}),
         409, "duplicate_application"),
        # a missing document (the medical examination card)
        (c.post(step, json={"action": "accept", "group_id": gid, "actor": "o", "at": "2024-06-11T10:00"}),
         400, "missing_documents"),
        (c.post(f"{API}/cases/{cid}/checklist/documents", json={"document": "passport", "actor": "o"}), 400, "unknown_document"),
        # ground 4 without the criminal-record data
        (c.post(step, json={"action": "refuse", "grounds": [4], "reason": "үкім", "actor": "o",
                            "at": "2024-06-11T10:00"}), 400, "ground_without_state_data"),
        (c.post(f"{API}/cases/{cid}/state-data", json={"kind": "identity", "source": "s", "obtained_on": "2024-06-10",
                                                       "result": "perhaps", "actor": "o"}), 400, "bad_input"),
        (c.post(f"{API}/cases/{cid}/state-data", json={"kind": "identity", "source": "s", "obtained_on": "10.06.2024",
                                                       "result": "matches", "actor": "o"}), 422, "validation_error"),
    ]
    for response, status, code in bad:
        body = assert_error(response, status, code)
        assert "Traceback" not in body["error"]["message"]
    assert rows(db) == before
    missing = bad[7][0].json()["error"]["message"]
    assert "medical examination card" in missing and "lines 271-276" in missing

    # The same steps done right: the document, the override-free admission.
    r = c.post(f"{API}/cases/{cid}/checklist/documents", json={"document": "medical_card", "actor": "o",
                                                     "at": "2024-06-11T09:00"})
    assert r.status_code == 200 and r.json()["checklist"]["missing"] == [], r.text
    r = c.post(f"{API}/cases/{cid}/state-data", json={"kind": "criminal_record", "source": "ҚСжАЕК",
                                                      "obtained_on": "2024-06-10", "result": "none", "actor": "o",
                                                      "at": "2024-06-11T09:30"})
    assert r.status_code == 200 and r.json()["checklist"]["state_data"][0]["result"] == "none", r.text
    r = c.post(step, json={"action": "accept", "group_id": gid, "actor": "o", "at": "2024-06-11T10:00"})
    assert r.status_code == 200 and r.json()["state"] == "accepted", r.text


def test_override_and_requirements(client):
    c = client
    req = httpx.get(f"{c.base_url}{API}/requirements").json()  # public: the act's list, no person
    assert [d["key"] for d in req["documents"]] == ["application", "medical_card"]
    assert req["refusal_grounds_need"]["4"] == {"state_data": "criminal_record", "result": "court_decision"}
    gid = c.post(f"{API}/groups", json={"number": "5", "profile": "байланысшы", "planned_creation": "2024-06-20",
                                        "period_start": "2024-07-01", "period_end": "2024-08-30"}).json()["id"]
    cid = c.post(f"{API}/cases", json={"application": application(4, medical_card=False), "actor": "portal",
                                       "at": "2024-06-10T10:00"}).json()["id"]
    r = c.post(f"{API}/cases/{cid}/actions", json={"action": "accept", "group_id": gid, "actor": "бастық",
                                                    "at": "2024-06-11T10:00", "override_reason": "қағаз нұсқасы бар"})
    assert r.status_code == 200, r.text
    ev = r.json()["events"][-1]
    assert ev["details"]["override"] == {"reason": "қағаз нұсқасы бар", "by": "бастық"}
