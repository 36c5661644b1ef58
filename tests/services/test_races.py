"""Two operators decide one case at the same moment (issue 10, part 2): exactly one wins, the other
gets a clear refusal, and the record stays consistent — on SQLite and on PostgreSQL.

* Over HTTP against a live uvicorn server: 30 pairs of accept-vs-refuse and 30 pairs of two
  200,000-tenge payments on a 305,000-tenge fee, each pair released at once by a barrier.
* Directly: two processes, each with its own engine and ServiceDesk on one database.

What a loser gets: 409 ``conflict`` (the case's state no longer allows its step), or for a payment
that ran after the first one the documented 400 ``overpayment``.  Never a 500, never two winners.
No timing is asserted: the barrier only makes the overlap likely; the assertions hold whatever
the interleaving.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections import Counter
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import httpx
import pytest

from kzqual.api import Settings, create_app
from kzqual.api.server import ServerThread
from kzqual.services.cases import ServiceDesk
from kzqual.services.standard import load_standard
from kzqual.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from api_token import TOKEN  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import race_worker  # noqa: E402

PAIRS = 30
PAYMENT = 200_000
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DECIDED_AT = "2024-03-04T10:00:00"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "race.db")
        return
    server = request.getfixturevalue("pg_server")
    name = server.create_db()
    yield server.url(name)
    server.drop_db(name)


def _backend(url: str) -> str:
    return "postgresql" if url.startswith("postgresql") else "sqlite"


def _fee() -> int:
    fee = load_standard()["fee"].value
    assert PAYMENT < fee < 2 * PAYMENT  # one payment fits, two do not: the race decides which
    return int(fee)


def _both_at_once(*calls):
    """Run the calls in threads released together by a barrier; their results in order."""
    barrier = threading.Barrier(len(calls))
    out: list = [None] * len(calls)

    def run(i, call):
        barrier.wait(timeout=60)
        try:
            out[i] = call()
        except Exception as exc:  # noqa: BLE001 — a transport error is a result the test shows
            out[i] = exc

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return out


def _setup_over_http(c: httpx.Client, application, basis: str) -> tuple[int, list[int]]:
    g = c.post("/api/v1/services/groups", json={
        "number": "3", "profile": "жүргізуші", "planned_creation": "2024-04-01", "basis": basis,
        "period_start": "2024-04-15", "period_end": "2024-06-28"})
    assert g.status_code == 201, g.text
    ids = []
    for i in range(PAIRS):
        r = c.post("/api/v1/services/cases", json={"application": application(i + 1, basis=basis),
                                                   "actor": "portal", "at": "2024-03-01T10:00:00"})
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    return g.json()["id"], ids


def _error_code(r) -> str:
    body = r.json()
    assert set(body) == {"error"} and body["error"]["message"], r.text
    return body["error"]["code"]


@contextmanager
def _two_operators(db_url: str):
    """A live server over the database and two operators' HTTP clients."""
    srv = ServerThread(create_app(Settings(db=db_url, token=TOKEN)))
    url = srv.start()
    try:
        with httpx.Client(base_url=url, headers=AUTH, timeout=60) as a, \
                httpx.Client(base_url=url, headers=AUTH, timeout=60) as b:
            yield a, b
    finally:
        srv.stop()


def test_simultaneous_accept_and_refuse_over_http_have_one_winner(db_url, application):
    with _two_operators(db_url) as (a, b):
        gid, ids = _setup_over_http(a, application, "free")
        tally: Counter = Counter()
        for cid in ids:
            act = f"/api/v1/services/cases/{cid}/actions"
            ra, rb = _both_at_once(
                lambda: a.post(act, json={"action": "accept", "group_id": gid, "actor": "officer A",
                                          "at": DECIDED_AT}),
                lambda: b.post(act, json={"action": "refuse", "grounds": [1], "reason": "құжаттар толық емес",
                                          "actor": "officer B", "at": DECIDED_AT}))
            assert isinstance(ra, httpx.Response) and isinstance(rb, httpx.Response), (ra, rb)
            assert sorted((ra.status_code, rb.status_code)) == [200, 409], (cid, ra.text, rb.text)
            winner, loser = (ra, rb) if ra.status_code == 200 else (rb, ra)
            assert _error_code(loser) == "conflict" and "cannot" in loser.json()["error"]["message"]
            tally["accept" if winner is ra else "refuse"] += 1
            case = a.get(f"/api/v1/services/cases/{cid}").json()
            assert case["state"] == winner.json()["state"] in ("accepted", "refused")
            # the audit: one decision, taken from `submitted`, by the winner
            moves = [e for e in case["events"] if e["from_state"] is not None]
            assert [(e["from_state"], e["to_state"]) for e in moves] == [("submitted", case["state"])]
            assert moves[0]["actor"] == ("officer A" if winner is ra else "officer B")
            assert (case["group"] is not None) == (case["state"] == "accepted")
            assert (case["refusal_grounds"] == [1]) == (case["state"] == "refused")
        assert sum(tally.values()) == PAIRS
        print(f"\n[race] {_backend(db_url)} accept/refuse over HTTP: {PAIRS} pairs, "
              f"{PAIRS} winners ({dict(tally)}), {PAIRS} conflicts (409)")


def test_simultaneous_payments_over_http_never_overpay(db_url, application):
    fee = _fee()
    with _two_operators(db_url) as (a, b):
        _, ids = _setup_over_http(a, application, "paid")
        losers: Counter = Counter()
        for cid in ids:
            act = f"/api/v1/services/cases/{cid}/actions"
            pay = {"action": "payment", "amount": PAYMENT, "at": DECIDED_AT}
            ra, rb = _both_at_once(lambda: a.post(act, json={**pay, "actor": "cashier A"}),
                                   lambda: b.post(act, json={**pay, "actor": "cashier B"}))
            assert isinstance(ra, httpx.Response) and isinstance(rb, httpx.Response), (ra, rb)
            codes = sorted((ra.status_code, rb.status_code))
            assert codes in ([200, 400], [200, 409]), (cid, ra.text, rb.text)
            winner, loser = (ra, rb) if ra.status_code == 200 else (rb, ra)
            code = _error_code(loser)
            assert (loser.status_code, code) in ((400, "overpayment"), (409, "conflict")), loser.text
            losers[code] += 1
            case = a.get(f"/api/v1/services/cases/{cid}").json()
            payments = [e for e in case["events"] if e["kind"] == "payment"]
            assert len(payments) == 1 and payments[0]["details"]["amount"] == PAYMENT
            assert case["paid_amount"] == PAYMENT == winner.json()["paid_amount"] <= fee
        print(f"\n[race] {_backend(db_url)} two payments over HTTP: {PAIRS} pairs, {PAIRS} winners, "
              f"losers {dict(losers)}")


def _setup_direct(url: str, application, basis: str) -> tuple[int, list[int]]:
    from datetime import datetime

    with open_store(url) as store:
        desk = ServiceDesk(store.engine)
        g = desk.add_group(number="3", profile="жүргізуші", planned_creation=date(2024, 4, 1),
                           period_start=date(2024, 4, 15), period_end=date(2024, 6, 28), basis=basis)
        ids = [desk.apply(application(i + 1, basis=basis), at=datetime(2024, 3, 1, 10), actor="portal").case.id
               for i in range(PAIRS)]
    return g.id, ids


def _two_processes(url: str, actions: tuple[str, str], ids: list[int], gid: int) -> dict[int, dict[str, str]]:
    mp = multiprocessing.get_context("spawn")  # a clean interpreter each, like two operators' machines
    barrier, results = mp.Barrier(2), mp.Queue()
    procs = [mp.Process(target=race_worker.operator, args=(url, action, ids, gid, barrier, results))
             for action in actions]
    for p in procs:
        p.start()
    outcome: dict[int, dict[str, str]] = {}
    for _ in range(2 * len(ids)):
        action, cid, result = results.get(timeout=300)
        outcome.setdefault(cid, {})[action] = result
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return outcome


def _cases_after(url: str, outcome: dict[int, dict[str, str]]) -> dict[int, tuple]:
    """case id -> (each operator's outcome, the case as stored afterwards)."""
    with open_store(url) as store:
        desk = ServiceDesk(store.engine)
        return {cid: (got, desk.case(cid)) for cid, got in outcome.items()}


def test_two_desks_in_two_processes_decide_one_case_once(db_url, application):
    gid, ids = _setup_direct(db_url, application, "free")
    outcome = _two_processes(db_url, ("accept", "refuse"), ids, gid)
    for cid, (got, view) in _cases_after(db_url, outcome).items():
        assert sorted(got.values()) == ["conflict", "ok"], (cid, got)
        winner = "accept" if got["accept"] == "ok" else "refuse"
        assert view.case.state == {"accept": "accepted", "refuse": "refused"}[winner]
        moves = [(e.kind, e.from_state) for e in view.events if e.from_state is not None]
        assert moves == [(winner, "submitted")]
    wins = Counter("accept" if got["accept"] == "ok" else "refuse" for got in outcome.values())
    print(f"\n[race] {_backend(db_url)} accept/refuse, two processes: {PAIRS} pairs, {PAIRS} winners "
          f"({dict(wins)}), {PAIRS} conflicts")


def test_two_desks_in_two_processes_never_overpay(db_url, application):
    fee = _fee()
    gid, ids = _setup_direct(db_url, application, "paid")
    outcome = _two_processes(db_url, ("pay A", "pay B"), ids, gid)
    for cid, (got, view) in _cases_after(db_url, outcome).items():
        assert sorted(got.values()) in (["ok", "overpayment"], ["conflict", "ok"]), (cid, got)
        payments = [e.details["amount"] for e in view.events if e.kind == "payment"]
        assert view.case.paid_amount == sum(payments) == PAYMENT <= fee
    losers = Counter(r for got in outcome.values() for r in got.values() if r != "ok")
    print(f"\n[race] {_backend(db_url)} two payments, two processes: {PAIRS} pairs, {PAIRS} winners, "
          f"losers {dict(losers)}")
