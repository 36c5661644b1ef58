"""A payment may never take the total recorded past the standard's fee (point 6: 305 000 tenge):
the act names the fee, so an overpayment is an operator error — refused with the citation, nothing
written.  Checked in the desk, the CLI and over HTTP."""

from __future__ import annotations

import json
from datetime import date, datetime

import httpx
import pytest
from sqlalchemy import func, select

from kzqual.api import Settings, create_app
from kzqual.api.server import ServerThread
from kzqual.errors import InputError
from kzqual.services import tables as T


def _paid_case(desk, application):
    g = desk.add_group(number="3", profile="жүргізуші", planned_creation=date(2024, 4, 1),
                       period_start=date(2024, 4, 15), period_end=date(2024, 6, 28), basis="paid")
    v = desk.apply(application(basis="paid"), at=datetime(2024, 3, 1, 10), actor="portal")
    desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 3, 4, 10), actor="o")
    return v.case.id


def _events(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(T.events)).scalar_one()


def test_overpayment_is_refused_and_changes_nothing(desk, engine, application):
    cid = _paid_case(desk, application)
    desk.record_payment(cid, amount=1000, at=datetime(2024, 4, 1, 9), actor="cashier")
    before = _events(engine)
    with pytest.raises(InputError, match=r"overpayment refused: 1000 \+ 400000 = 401000 .*305000") as exc:
        desk.record_payment(cid, amount=400000, at=datetime(2024, 4, 2, 9), actor="cashier")
    assert exc.value.code == "overpayment"
    assert "304000" in str(exc.value)  # what may still be recorded
    assert "6" in desk.standard["fee"].where() and desk.standard["fee"].where() in str(exc.value)
    assert _events(engine) == before and desk.case(cid).case.paid_amount == 1000
    for bad in (0, -5):
        with pytest.raises(InputError, match="positive"):
            desk.record_payment(cid, amount=bad, at=datetime(2024, 4, 2, 9), actor="cashier")
    # Paying exactly the rest is fine; then not one tenge more.
    assert desk.record_payment(cid, amount=304000, at=datetime(2024, 4, 2, 9), actor="c").case.paid_amount == 305000
    with pytest.raises(InputError, match="overpayment"):
        desk.record_payment(cid, amount=1, at=datetime(2024, 4, 3, 9), actor="c")
    assert desk.case(cid).case.paid_amount == 305000


def _app_file(tmp_path, application) -> str:
    p = tmp_path / "app.json"
    data = application(basis="paid")
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(p)


def test_cli_overpayment_exit_2_one_line(tmp_path, application, run):
    db = str(tmp_path / "svc.db")

    code, out, err = run("service", "group", "add", "--number", "3", "--profile", "ж", "--planned", "2024-04-01",
                         "--start", "2024-04-15", "--end", "2024-06-28", "--basis", "paid", "--db", db, "--json")
    assert code == 0, err
    gid = json.loads(out)["id"]
    code, out, err = run("service", "apply", _app_file(tmp_path, application), "--db", db, "--at", "2024-03-11T10:00",
                         "--json")
    assert code == 0, err
    cid = str(json.loads(out)["id"])
    assert run("service", "decide", cid, "accept", "--group", str(gid), "--db", db, "--at", "2024-03-12T11:00")[0] == 0
    assert run("service", "decide", cid, "pay", "--amount", "1000", "--db", db, "--at", "2024-04-01")[0] == 0
    code, _, err = run("service", "decide", cid, "pay", "--amount", "400000", "--db", db, "--at", "2024-04-02")
    assert code == 2 and "overpayment refused" in err and err.count("\n") == 1 and "Traceback" not in err
    for bad in ("0", "-1"):
        code, _, err = run("service", "decide", cid, "pay", "--amount", bad, "--db", db, "--at", "2024-04-02")
        assert code == 2 and err.count("\n") == 1, err
    code, out, _ = run("service", "show", cid, "--db", db, "--json")
    assert json.loads(out)["paid_amount"] == 1000


def test_api_overpayment_is_a_400_json_error(tmp_path, application):
    db = str(tmp_path / "svc.db")
    token = "svc-token-1"
    srv = ServerThread(create_app(Settings(db=db, token=token)))
    url = srv.start()
    try:
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=30) as c:
            gid = c.post("/api/v1/services/groups", json={
                "number": "3", "profile": "ж", "planned_creation": "2024-04-01", "basis": "paid",
                "period_start": "2024-04-15", "period_end": "2024-06-28"}).raise_for_status().json()["id"]
            cid = c.post("/api/v1/services/cases", json={"application": application(basis="paid"), "actor": "portal",
                                                         "at": "2024-03-11T10:00:00"}).raise_for_status().json()["id"]
            act = f"/api/v1/services/cases/{cid}/actions"
            c.post(act, json={"action": "accept", "group_id": gid, "actor": "o", "at": "2024-03-12T11:00"}
                   ).raise_for_status()
            c.post(act, json={"action": "payment", "amount": 1000, "actor": "c", "at": "2024-04-01T09:00"}
                   ).raise_for_status()
            r = c.post(act, json={"action": "payment", "amount": 400000, "actor": "c", "at": "2024-04-02T09:00"})
            assert r.status_code == 400 and r.json()["error"]["code"] == "overpayment", r.text
            for bad in (0, -1):
                r = c.post(act, json={"action": "payment", "amount": bad, "actor": "c", "at": "2024-04-02T09:00"})
                assert r.status_code == 422 and "error" in r.json(), r.text
            assert c.get(f"/api/v1/services/cases/{cid}").json()["paid_amount"] == 1000
    finally:
        srv.stop()
