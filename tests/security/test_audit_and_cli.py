"""The access log (every read and change of a case or complaint: who, role, when, through what) and
the ``kzqual users`` / ``kzqual audit`` commands, run as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import httpx
from sqlalchemy import select

from kzqual.services import tables as T
from kzqual.services.audit import rows
from kzqual.store import open_store

from staff import sign_in


def kzqual(*args: str, db: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "KZQUAL_DB": db, "KZQUAL_ACTOR": "clerk-on-console"}
    return subprocess.run([sys.executable, "-m", "kzqual.cli", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_every_read_and_change_is_logged(fresh_server):
    site = fresh_server()
    op = {"Authorization": f"Bearer {site.tokens['operator']}"}
    rev = {"Authorization": f"Bearer {site.tokens['reviewer']}"}
    with httpx.Client(base_url=site.url, timeout=60) as c:
        assert c.get("/api/v1/services/cases", headers=op).status_code == 200
        assert c.get("/api/v1/services/cases/1", headers=op).status_code == 200
        assert c.post("/api/v1/services/cases/1/actions", headers=op, json={
            "action": "start_training", "actor": "officer", "at": "2024-04-15T09:00"}).status_code == 200
        assert c.get("/api/v1/services/complaints/1", headers=rev).status_code == 200
        assert c.get("/api/v1/services/cases/3", headers=op).status_code == 404  # another office: not shown
        sign_in(c, "op-astana", site.tokens["operator"])
        assert c.get("/services/cases/2").status_code == 200
    with open_store(site.db) as store:
        got = [(r.actor, r.role, r.via, r.action, r.case_id, r.complaint_id) for r in rows(store.engine)]
        about_1 = [r.action for r in rows(store.engine, case_id=1)]
    assert got == [
        ("op-astana", "operator", "api", "case.list", None, None),
        ("op-astana", "operator", "api", "case.read", 1, None),
        ("op-astana", "operator", "api", "case.start_training", 1, None),
        ("reviewer", "reviewer", "api", "complaint.read", 2, 1),
        ("op-astana", "operator", "web", "case.read", 2, None),
    ]
    assert about_1 == ["case.list", "case.read", "case.start_training"]  # the list showed case 1
    # the console: reading a case there is logged too, and `kzqual audit` shows the log
    shown = kzqual("service", "show", "1", "--json", db=site.db)
    assert shown.returncode == 0, shown.stderr
    log = kzqual("audit", "--case", "1", "--json", db=site.db)
    assert log.returncode == 0, log.stderr
    entries = json.loads(log.stdout)
    assert [e["action"] for e in entries] == ["case.list", "case.read", "case.start_training", "case.read"]
    assert entries[-1]["via"] == "cli" and entries[-1]["actor"] == "clerk-on-console"
    assert entries[0]["at"].endswith("Z")


def test_users_add_list_disable(tmp_path):
    db = str(tmp_path / "u.db")
    added = kzqual("users", "add", "aigerim", "--role", "operator", "--office", "astana", "--lang", "en", db=db)
    assert added.returncode == 0, added.stderr
    token = added.stdout.strip()
    assert token.startswith("kzq_") and "shown only once" in added.stderr
    with open_store(db) as store, store.engine.connect() as conn:
        row = conn.execute(select(T.users)).mappings().one()
    assert row["token_hash"].startswith("$argon2id$") and token not in json.dumps(dict(row), default=str)
    listed = kzqual("users", "list", "--json", db=db)
    assert json.loads(listed.stdout)[0] | {"created_at": None} == {
        "id": 1, "name": "aigerim", "role": "operator", "office": "astana", "active": True, "created_at": None,
        "disabled_at": None}
    assert token not in listed.stdout and token.split("_", 2)[2] not in listed.stdout
    ru = kzqual("users", "list", "--lang", "ru", db=db)
    assert ru.stdout.splitlines()[0].startswith("Имя\tРоль") and "оператор" in ru.stdout
    assert kzqual("users", "disable", "aigerim", db=db).returncode == 0
    assert json.loads(kzqual("users", "list", "--json", db=db).stdout)[0]["active"] is False


def test_users_errors_are_one_line_and_exit_2(tmp_path):
    db = str(tmp_path / "e.db")
    cases = [
        ("users", "add", "x", "--role", "operator"),  # an operator needs an office
        ("users", "add", "bootstrap-admin", "--role", "admin"),  # reserved
        ("users", "add", "bad name", "--role", "admin"),
        ("users", "disable", "nobody"),
        ("users", "add", "x", "--role", "king"),
        ("audit", "--case", "0"),
    ]
    for args in cases:
        r = kzqual(*args, db=db)
        assert r.returncode == 2, (args, r.stderr)
        assert r.stderr.count("\n") <= 1 or "Usage" in r.stderr, (args, r.stderr)
    kzqual("users", "add", "x", "--role", "admin", db=db)
    again = kzqual("users", "add", "x", "--role", "admin", db=db)
    assert again.returncode == 2 and again.stderr.strip() == "kzqual: error: user 'x' already exists"
    assert "--office" in kzqual("users", "add", "--help", db=db).stdout
