"""``kzqual service`` for the case flow of issue 13, on SQLite and PostgreSQL: a complaint's
favourable outcome reopens the decision; bad input is one line on stderr, exit 2, nothing written."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from kzqual.services import tables as T
from kzqual.services.iin import make_iin
from kzqual.store import open_store


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "flow.db")
    return request.getfixturevalue("pg_url")


def counts(db: str) -> tuple[int, ...]:
    """Rows of every service table (what a refused command must leave alone)."""
    with open_store(db) as store, store.engine.connect() as c:
        return tuple(c.execute(select(func.count()).select_from(t)).scalar() for t in T.metadata.sorted_tables
                     if t.name != "service_audit")


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
