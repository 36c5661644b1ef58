"""Eligibility over the live server: check, match and the streamed bulk screen."""

from __future__ import annotations

import json

from api_helpers import assert_error

LAWYER = {
    "id": "p1",
    "education": [{"level": "higher", "field": "юриспруденция", "completed": "2008-06-30"}],
    "work": [{"employer": "Министрлік", "state_body": True, "state_service": True, "post": "бас маман",
              "start": "2008-09-01", "end": "2014-01-01"}],
}
SCHOOL_ONLY = {"id": "p0", "education": [{"level": "general_secondary"}], "work": []}


def _leaves(node):
    if not node.get("children"):
        yield node
    for c in node.get("children", []):
        yield from _leaves(c)


def test_check_cites_the_post_lines(live):
    post = live.get("/api/v1/positions/15125-g1-p1").json()["position"]
    r = live.post("/api/v1/eligibility/check", json={"profile": SCHOOL_ONLY, "position_id": "15125-g1-p1",
                                                     "as_of": "2020-01-01"})
    assert r.status_code == 200, r.text
    body = r.json()
    # Secondary school only, for a post that asks for higher education: not met, and the reason says so.
    assert body["status"] == "not_met"
    edu = [leaf for leaf in _leaves(body["verdict"]) if leaf["criterion"] == "education"]
    assert edu and edu[0]["status"] == "not_met"
    for leaf in _leaves(body["verdict"]):
        assert set(leaf["reason"]) == {"kk", "ru", "en"}
        if leaf.get("lines"):
            assert post["lines"]["start"] <= leaf["lines"][0] <= leaf["lines"][1] <= post["lines"]["end"]


def test_match_ranks_every_post(live):
    r = live.post("/api/v1/eligibility/match", json={"profile": LAWYER, "as_of": "2014-06-01", "limit": 5,
                                                     "near_years": 1})
    assert r.status_code == 200, r.text
    body = r.json()
    total = live.get("/api/v1/positions", params={"limit": 1}).json()["total"]
    assert sum(body["counts"].values()) == total
    assert body["counts"]["met"] > 0 and len(body["qualified"]) == 5
    assert all(i["status"] == "met" for i in body["qualified"])
    assert all(i["status"] == "not_met" and i["gap_years"] <= 1 for i in body["near_misses"])
    only_2014 = live.post("/api/v1/eligibility/match", json={"profile": LAWYER, "as_of": "2014-06-01",
                                                             "in_force_on": "2020-01-01"}).json()
    assert sum(only_2014["counts"].values()) == 14  # only order 134 was in force then


def test_screen_streams_ndjson_in_line_order(live):
    body = "\n".join([json.dumps(LAWYER), "{not json", "", json.dumps(SCHOOL_ONLY)]) + "\n"
    with live.stream("POST", "/api/v1/eligibility/screen", params={"act": "reg-15125", "as_of": "2020-01-01",
                                                                   "include_all": True}, content=body) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/x-ndjson")
        rows = [json.loads(line) for line in r.iter_lines() if line]
    errors = [row for row in rows if "error" in row]
    assert [e["line"] for e in errors] == [2] and "JSON" in errors[0]["error"]
    decisions = [row for row in rows if "status" in row]
    assert len(decisions) == 2 * 14  # two usable profiles x the 14 posts of order 134
    assert [row["line"] for row in rows] == sorted(row["line"] for row in rows)
    school = {d["position_id"]: d["status"] for d in decisions if d["profile_id"] == "p0"}
    assert school["15125-g1-p1"] == "not_met"


def test_eligibility_errors(live):
    assert_error(live.post("/api/v1/eligibility/check", json={"profile": LAWYER, "position_id": "nope"}),
                 404, "not_found")
    bad = {"education": [{"level": "phd"}]}
    assert_error(live.post("/api/v1/eligibility/check", json={"profile": bad, "position_id": "15125-g1-p1"}),
                 400, "bad_input")
    assert_error(live.post("/api/v1/eligibility/check", json={"position_id": "15125-g1-p1"}), 422,
                 "validation_error")
    assert_error(live.post("/api/v1/eligibility/check", content=b"{", headers={"content-type": "application/json"}),
                 422, "validation_error")
    assert_error(live.post("/api/v1/eligibility/screen", content=b""), 400, "bad_input")
    assert_error(live.post("/api/v1/eligibility/screen", params={"act": "reg-0"}, content=b"{}\n"), 400, "bad_input")
