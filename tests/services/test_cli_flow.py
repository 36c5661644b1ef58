"""``kzqual service`` for the case flow of issue 13, on SQLite and PostgreSQL: a complaint's
favourable outcome reopens the decision; bad input is one line on stderr, exit 2, nothing written."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from kzqual.services import tables as T
from kzqual.services.iin import make_iin
from kzqual.store import open_store


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "flow.db")
    return request.getfixturevalue("pg_url")


def counts(db: str) -> dict:
    """Every row of every service table but the access log (what a refused command must leave alone)."""
    with open_store(db) as store, store.engine.connect() as c:
        return {t.name: [tuple(r) for r in c.execute(select(t).order_by(*t.primary_key.columns))]
                for t in T.metadata.sorted_tables if t.name != "service_audit"}


def app_file(tmp_path, serial=1, **over) -> str:
    data = {"iin": make_iin(date(2003, 11, 2), "m", serial), "surname": "Нұрланов", "name": "Дархан",
            "address": "Қарағанды қ.", "phone": "+7 700 000 00 01", "addressee": "Қарағанды облысы бойынша ҚІД",
            "branch": "Қарағанды филиалы", "consent": True}
    data.update(over)
    f = tmp_path / f"app{serial}.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(f)


def _ok(run, *args):
    code, out, err = run("service", *args)
    assert code == 0, err
    return out


def test_refusal_decided_again_after_the_complaint_is_satisfied(run, db, tmp_path):
    gid = json.loads(_ok(run, "group", "add", "--db", db, "--number", "5", "--profile", "байланысшы", "--planned",
                         "2024-06-20", "--start", "2024-07-01", "--end", "2024-08-30", "--json"))["id"]
    _ok(run, "apply", app_file(tmp_path), "--db", db, "--at", "2024-06-10T10:00")
    _ok(run, "decide", "1", "refuse", "--ground", "2", "--reason", "сәйкес емес", "--db", db, "--at",
        "2024-06-11T10:00")
    _ok(run, "complain", "1", "--target", "decision", "--text", "келіспеймін", "--db", db, "--at", "2024-06-12T15:00")
    before = counts(db)
    code, out, err = run("service", "decide", "1", "accept", "--group", str(gid), "--db", db, "--at",
                         "2024-06-13T09:00")
    assert code == 2 and err.count("\n") == 1 and "point 65" in err and "Traceback" not in err
    assert counts(db) == before
    _ok(run, "complaint", "1", "satisfy", "--db", db, "--at", "2024-06-13T10:00", "--note", "қайта қаралады")
    out = _ok(run, "show", "1", "--db", db, "--lang", "en", "--as-of", "2024-06-13")
    assert "Decision reopened" in out and "complaint 1" in out and "rules, point 65, lines 41-44" in out
    assert "redecision_deadline: due 2024-06-17" in out
    case = json.loads(_ok(run, "decide", "1", "accept", "--group", str(gid), "--db", db, "--at", "2024-06-14T11:00",
                          "--json"))
    assert case["state"] == "accepted" and case["reopened"]["basis"] == "provider_satisfied"


def test_quality_body_and_court_from_the_cli(run, db, tmp_path):
    _ok(run, "apply", app_file(tmp_path), "--db", db, "--at", "2024-06-10T10:00")
    _ok(run, "decide", "1", "refuse", "--ground", "2", "--reason", "r", "--db", db, "--at", "2024-06-11T10:00")
    k = json.loads(_ok(run, "complain", "1", "--target", "decision", "--text", "x", "--lodged-with", "quality-body",
                       "--db", db, "--at", "2024-06-12T11:00", "--json"))
    assert k["state"] == "appealed" and k["deadlines"][0]["due"] == "2024-07-03"
    _ok(run, "complaint", "1", "court", "--court", "әкімшілік сот", "--db", db, "--at", "2024-07-05T10:00")
    before = counts(db)
    code, _, err = run("service", "complaint", "1", "court-decide", "--db", db)
    assert code == 2 and "--outcome" in err and counts(db) == before
    out = _ok(run, "complaint", "1", "court-decide", "--outcome", "upheld", "--db", db, "--at", "2024-08-15T10:00",
              "--json")
    assert json.loads(out)["state"] == "court_decided"
    assert json.loads(_ok(run, "show", "1", "--db", db, "--json"))["state"] == "reconsideration"


BAD = [
    (("decide", "99", "withdraw"), "no case 99"),  # unknown case
    (("receive", "99", "medical_card"), "no case 99"),
    (("state-data", "99", "identity", "--source", "s", "--obtained", "2024-06-10", "--result", "matches"), "no case 99"),
    (("decide", "1", "certify", "--certificate", "X"), "cannot certify"),  # not allowed by the standard
    (("decide", "1", "refuse", "--ground", "1", "--reason", "r", "--at", "2024-06-09T10:00"), "before case 1 was"),
    (("state-data", "1", "identity", "--source", "s", "--obtained", "2024-06-01", "--result", "matches", "--at",
      "2024-06-11T10:00"), "before case 1 was submitted"),
    (("decide", "1", "accept", "--group", "1", "--at", "2024-06-11T10:00"), "medical examination card"),
    (("receive", "1", "passport"), "unknown document"),
    (("decide", "1", "refuse", "--ground", "3", "--reason", "r", "--at", "2024-06-11T10:00"), "refusal ground 3"),
    (("state-data", "1", "identity", "--source", "s", "--obtained", "2024-06-10", "--result", "perhaps"), "result"),
    (("complain", "1", "--target", "decision", "--text", "x", "--lodged-with", "court"), "Invalid value"),
    (("complaint", "1", "court"), "no complaint 1"),
]


def test_bad_input_exits_2_with_one_line_and_writes_nothing(run, db, tmp_path):
    _ok(run, "group", "add", "--db", db, "--number", "5", "--profile", "байланысшы", "--planned", "2024-06-20",
        "--start", "2024-07-01", "--end", "2024-08-30")
    _ok(run, "apply", app_file(tmp_path, medical_card=False), "--db", db, "--at", "2024-06-10T10:00")
    before = counts(db)
    # the same person's second open application
    code, _, err = run("service", "apply", app_file(tmp_path, surname="Басқа"), "--db", db, "--at", "2024-06-11T10:00")
    assert code == 2 and "already has an open application: case 1" in err and err.count("\n") == 1
    for args, says in BAD:
        code, out, err = run("service", *args, "--db", db)
        assert code == 2, (args, out, err)
        assert says in err and "Traceback" not in err, (args, err)
        if says != "Invalid value":  # click's usage errors add a usage line; ours are one line
            assert err.count("\n") == 1, (args, err)
    assert counts(db) == before
    # done right: the card arrives, the case is admitted
    _ok(run, "receive", "1", "medical_card", "--db", db, "--at", "2024-06-11T09:00")
    out = _ok(run, "show", "1", "--db", db, "--lang", "en")
    assert "[given] Electronic copy of the medical examination card" in out
    assert "state data not obtained yet: identity, criminal_record, residence, military_registration" in out
    case = json.loads(_ok(run, "decide", "1", "accept", "--group", "1", "--db", db, "--at", "2024-06-11T10:00", "--json"))
    assert case["state"] == "accepted"


def test_override_and_state_data_from_the_cli(run, db, tmp_path):
    _ok(run, "group", "add", "--db", db, "--number", "5", "--profile", "байланысшы", "--planned", "2024-06-20",
        "--start", "2024-07-01", "--end", "2024-08-30")
    _ok(run, "apply", app_file(tmp_path, medical_card=False), "--db", db, "--at", "2024-06-10T10:00")
    _ok(run, "apply", app_file(tmp_path, 2), "--db", db, "--at", "2024-06-10T10:00")
    case = json.loads(_ok(run, "decide", "1", "accept", "--group", "1", "--override-missing", "қағаз нұсқасы бар",
                          "--actor", "бастық", "--db", db, "--at", "2024-06-11T10:00", "--json"))
    assert case["events"][-1]["details"]["override"] == {"reason": "қағаз нұсқасы бар", "by": "бастық"}
    _ok(run, "state-data", "2", "criminal_record", "--source", "ҚСжАЕК", "--obtained", "2024-06-10", "--result",
        "court_decision", "--note", "үкім", "--db", db, "--at", "2024-06-10T15:00")
    out = _ok(run, "decide", "2", "refuse", "--ground", "4", "--reason", "арнаулы құқықтан айырылған", "--db", db,
              "--at", "2024-06-11T10:00", "--lang", "en")
    assert "criminal_record: court_decision (2024-06-10, ҚСжАЕК)" in out
    assert json.loads(_ok(run, "requirements", "--json"))["documents"][1]["key"] == "medical_card"
