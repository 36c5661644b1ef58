"""The guards behind "one winner" (services/txn.py, ServiceDesk): a step decided on a stale read
writes nothing, a step that cannot get the record in time is a conflict (not "database is
locked"), complaint moves race like case moves, and the CLI reports a conflict in one line."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date, datetime

import pytest
from sqlalchemy import create_engine, func, select, text

from kzqual.errors import ConflictError
from kzqual.services import tables as T
from kzqual.services import txn
from kzqual.services.cases import ServiceDesk, ensure_schema

AT = datetime(2024, 3, 4, 10)


def _group(desk, basis="free"):
    return desk.add_group(number="3", profile="жүргізуші", planned_creation=date(2024, 4, 1),
                          period_start=date(2024, 4, 15), period_end=date(2024, 6, 28), basis=basis)


def _race(calls: dict) -> dict[str, str]:
    """Run the calls in threads released together by a barrier: name -> "ok" or the error code."""
    barrier, out = threading.Barrier(len(calls)), {}

    def step(name, call):
        barrier.wait(timeout=60)
        try:
            call()
            out[name] = "ok"
        except Exception as exc:  # noqa: BLE001 — anything but an InputError shows as its repr
            out[name] = getattr(exc, "code", repr(exc))

    threads = [threading.Thread(target=step, args=item) for item in calls.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return out


def _events(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(T.events)).scalar_one()


def test_a_step_decided_on_a_stale_read_writes_nothing(desk, engine, application):
    """The UPDATE names the state it was decided on; a record moved meanwhile matches no row."""
    g = _group(desk)
    cid = desk.apply(application(), at=datetime(2024, 3, 1, 10), actor="portal").case.id
    with engine.connect() as conn:
        stale = desk._load_case(conn, cid)
    desk.accept(cid, group_id=g.id, at=AT, actor="officer A")
    before = _events(engine)
    with engine.begin() as conn, pytest.raises(ConflictError, match=f"case {cid} was changed by another step"):
        desk._move(conn, stale, "refuse", AT, "officer B", {"refusal_reason": "x"}, {})
    assert desk.case(cid).case.state == "accepted" and _events(engine) == before


class UnlockedDesk(ServiceDesk):
    """The desk with its write lock taken away (a plain deferred transaction): what is left between
    two operators is the compare-and-set in every UPDATE."""

    def _write(self, what):
        return self.engine.begin()


@pytest.mark.parametrize("steps", ["decisions", "payments"])
def test_compare_and_set_alone_keeps_one_winner_on_sqlite(tmp_path, application, steps):
    from kzqual.store import open_store

    url = str(tmp_path / "cas.db")
    with open_store(url) as store:
        desk = UnlockedDesk(store.engine)
        g = _group(desk, "free" if steps == "decisions" else "paid")
        basis = "free" if steps == "decisions" else "paid"
        ids = [desk.apply(application(i + 1, basis=basis), at=datetime(2024, 3, 1, 10), actor="portal").case.id
               for i in range(20)]
        for cid in ids:
            if steps == "decisions":
                out = _race({"a": lambda: desk.accept(cid, group_id=g.id, at=AT, actor="A"),
                             "b": lambda: desk.refuse(cid, grounds=[1], reason="r", at=AT, actor="B")})
            else:
                out = _race({k: (lambda k=k: desk.record_payment(cid, amount=200_000, at=AT, actor=k)) for k in "ab"})
            assert sorted(out.values()) in (["conflict", "ok"], ["ok", "overpayment"]), (cid, out)
            view = desk.case(cid)
            assert len([e for e in view.events if e.kind != "submitted"]) == 1
            if steps == "payments":
                assert view.case.paid_amount == 200_000


def test_a_held_sqlite_lock_becomes_a_conflict_not_database_is_locked(tmp_path, application):
    path = tmp_path / "held.db"
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0.2})  # a short wait, for the test
    ensure_schema(engine)
    desk = ServiceDesk(engine)
    g = _group(desk)
    cid = desk.apply(application(), at=datetime(2024, 3, 1, 10), actor="portal").case.id
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the database
    try:
        with pytest.raises(ConflictError, match=f"case {cid} is being changed by another step") as exc:
            desk.accept(cid, group_id=g.id, at=AT, actor="A")
        assert exc.value.code == "conflict"
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert desk.accept(cid, group_id=g.id, at=AT, actor="A").case.state == "accepted"  # free again: it works
    engine.dispose()


@pytest.mark.postgres
def test_a_held_postgresql_row_lock_becomes_a_conflict(pg_store, application, monkeypatch):
    engine = pg_store.engine
    with engine.begin() as conn:
        conn.execute(text("TRUNCATE service_events, service_complaints, service_cases, service_groups "
                          "RESTART IDENTITY CASCADE"))
    desk = ServiceDesk(engine)
    g = _group(desk)
    cid = desk.apply(application(), at=datetime(2024, 3, 1, 10), actor="portal").case.id
    monkeypatch.setattr(txn, "LOCK_WAIT_S", 1)
    with engine.connect() as holder:
        holder.execute(select(T.cases).where(T.cases.c.id == cid).with_for_update())  # another step's lock
        with pytest.raises(ConflictError, match=f"case {cid} is being changed by another step"):
            desk.refuse(cid, grounds=[1], reason="r", at=AT, actor="B")
        holder.rollback()
    assert desk.case(cid).case.state == "submitted"
    assert desk.refuse(cid, grounds=[1], reason="r", at=AT, actor="B").case.state == "refused"


def test_simultaneous_complaint_moves_have_one_winner(desk, application):
    for i in range(10):
        cid = desk.apply(application(i + 1), at=datetime(2024, 3, 1, 10), actor="portal").case.id
        k = desk.complain(cid, target="inaction", text=f"жауап жоқ {i}", at=datetime(2024, 3, 5, 10),
                          actor="applicant").complaint.id
        at = datetime(2024, 3, 6, 10)
        out = _race({"satisfy": lambda: desk.satisfy_complaint(k, at=at, actor="A"),
                     "forward": lambda: desk.forward_complaint(k, at=at, actor="B", body="уәкілетті орган")})
        assert sorted(out.values()) == ["conflict", "ok"], out
        won = "satisfy" if out["satisfy"] == "ok" else "forward"
        assert desk.complaint(k).complaint.state == {"satisfy": "satisfied", "forward": "forwarded"}[won]
        moves = [e for e in desk.case(cid).events if e.complaint_id == k and e.from_state is not None]
        assert [(e.kind, e.from_state) for e in moves] == [(f"complaint_{won}", "registered")]


def test_cli_reports_a_conflict_in_one_line_exit_2(tmp_path, application, run):
    import json

    db = str(tmp_path / "svc.db")
    app_file = tmp_path / "app.json"
    app_file.write_text(json.dumps(application(), ensure_ascii=False), encoding="utf-8")
    code, out, err = run("service", "group", "add", "--number", "3", "--profile", "ж", "--planned", "2024-04-01",
                         "--start", "2024-04-15", "--end", "2024-06-28", "--db", db, "--json")
    assert code == 0, err
    gid = str(json.loads(out)["id"])
    code, out, err = run("service", "apply", str(app_file), "--db", db, "--at", "2024-03-01T10:00", "--json")
    assert code == 0, err
    cid = str(json.loads(out)["id"])
    assert run("service", "decide", cid, "accept", "--group", gid, "--db", db, "--at", "2024-03-04T10:00")[0] == 0
    # the other operator's refusal, a moment later: the case is no longer submitted
    code, _, err = run("service", "decide", cid, "refuse", "--ground", "1", "--reason", "r", "--db", db,
                       "--at", "2024-03-04T10:01")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err, err
    assert f"case {cid} is accepted: cannot refuse" in err
