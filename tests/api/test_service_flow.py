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
def client(request, serve_app, tmp_path):
    if request.param == "sqlite":
        db = str(tmp_path / "flow.db")
    else:
        server = request.getfixturevalue("pg_server")
        db = server.url(server.create_db())
    with httpx.Client(base_url=serve_app(Settings(db=db, token=TOKEN)), headers=AUTH, timeout=60) as c:
        yield c


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
