"""Fixtures of the services tests: a fresh registry database per test (SQLite and PostgreSQL, opened
through kzqual.store so the Alembic branch "service" runs for real), an application factory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from pg import pg_server, pg_url  # noqa: F401  (shared PostgreSQL fixture, tests/pg.py)

from kzqual.cli import main
from kzqual.services.cases import ServiceDesk
from kzqual.services.iin import make_iin
from kzqual.store import open_store


@pytest.fixture(scope="module")
def pg_store(pg_server):
    """One migrated PostgreSQL database per test module (migrating is the slow part); each test
    empties the service tables first."""
    name = pg_server.create_db()
    store = open_store(pg_server.url(name))
    yield store
    store.close()
    pg_server.drop_db(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, tmp_path: Path):
    if request.param == "sqlite":
        store = open_store(str(tmp_path / "service.db"))
        yield store.engine
        store.close()
        return
    store = request.getfixturevalue("pg_store")
    with store.engine.begin() as conn:
        conn.execute(text("TRUNCATE service_events, service_complaints, service_cases, service_groups "
                          "RESTART IDENTITY CASCADE"))
    yield store.engine


@pytest.fixture()
def desk(engine) -> ServiceDesk:
    return ServiceDesk(engine)


@pytest.fixture()
def application():
    def make(serial: int = 1, **over):
        data = {
            "iin": make_iin(date(2004, 5, 17), "m", serial),
            "surname": "Сейітов", "name": "Ерлан", "patronymic": "Болатұлы",
            "address": "Астана қ., Абай даңғылы, 10", "phone": "+7 701 123 45 67",
            "addressee": "Астана қаласы бойынша қорғаныс істері департаментінің",
            "branch": "Әскери-техникалық мектептің Астана филиалы",
            "documents": ["медициналық куәландыру картасының көшірмесі"],
            "consent": True, "signed_with": "eds", "applicant_kind": "conscript", "basis": "free",
        }
        data.update(over)
        return data

    return make


@pytest.fixture()
def run(capsys):
    """``run("service", …)`` -> (exit code, stdout, stderr) of the real ``kzqual`` command, in-process."""

    def go(*args: str):
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code or 0
        out, err = capsys.readouterr()
        return code, out, err

    return go
