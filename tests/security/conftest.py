"""Security fixtures: a live server over a registry with applicants' cases and staff users, on
SQLite and PostgreSQL (tests/pg.py); the shared headless Chromium comes from tests/conftest.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pg import pg_server  # noqa: F401  (shared PostgreSQL fixture, tests/pg.py)

from kzqual.api import Settings, create_app
from kzqual.api.server import ServerThread

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "api"))
from security_helpers import BOOT, Secured, populate  # noqa: E402


def _serve(db: str, **settings):
    srv = ServerThread(create_app(Settings(**{"db": db, "token": BOOT, **settings})))
    return srv, srv.start()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def secured(request, tmp_path_factory):
    """A live server over cases of two offices and staff users, on each back end (fresh per module:
    the tests write)."""
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("sec") / "kzqual.db")
    else:
        server = request.getfixturevalue("pg_server")
        db = server.url(server.create_db())
    tokens = populate(db)
    from kzqual.services.users import Users
    from kzqual.store import open_store

    with open_store(db) as store:
        Users(store.engine).disable("gone")
    srv, url = _serve(db)
    yield Secured(url=url, db=db, tokens={**tokens, "bootstrap": BOOT})
    srv.stop()


@pytest.fixture(scope="module")
def public_site(tmp_path_factory):
    """The five bundled acts plus the applicants' cases (SQLite): what a crawler of public pages sees."""
    from api_helpers import bundled_registry

    db = bundled_registry(tmp_path_factory.mktemp("pii") / "kzqual.db")
    tokens = populate(db)
    srv, url = _serve(db)
    yield Secured(url=url, db=db, tokens={**tokens, "bootstrap": BOOT})
    srv.stop()


@pytest.fixture()
def fresh_server(tmp_path):
    """``fresh_server() -> Secured``: its own registry and server (rate limits are per server)."""
    servers = []

    def start(**settings) -> Secured:
        db = str(tmp_path / f"fresh{len(servers)}.db")
        tokens = populate(db)
        srv, url = _serve(db, **settings)
        servers.append(srv)
        return Secured(url=url, db=db, tokens={**tokens, "bootstrap": BOOT})

    yield start
    for srv in servers:
        srv.stop()


@pytest.fixture()
def page(browser):
    from browser import new_page

    with new_page(browser, viewport={"width": 1280, "height": 900}, locale="en-US") as pg:
        yield pg
