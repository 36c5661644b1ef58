"""API fixtures: a real uvicorn server on 127.0.0.1 and a free port, over SQLite and PostgreSQL.

``registry`` ingests the bundled acts once per session and back end; ``live`` serves it (reads only
— tests that write get their own fresh registry through ``serve_app``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

from pg import pg_server  # noqa: F401  (shared PostgreSQL fixture, tests/pg.py)

from kzqual.api import Settings, create_app
from kzqual.api.server import ServerThread
from kzqual.bundled import act_paths
from kzqual.store import open_store

# Test modules import helpers by module name; conftest modules cannot be imported reliably
# (several share the name "conftest"), so they live in api_token.py / api_helpers.py beside this file.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_helpers import bundled_registry  # noqa: E402
from api_token import TOKEN  # noqa: E402


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def registry(request, tmp_path_factory) -> str:
    """URL/path of a registry holding the five bundled acts."""
    if request.param == "sqlite":
        return bundled_registry(tmp_path_factory.mktemp("registry") / "kzqual.db")
    server = request.getfixturevalue("pg_server")
    url = server.url(server.create_db())
    with open_store(url) as store:
        summary = store.ingest_paths(act_paths())
    assert not summary.failed, [r.error for r in summary.failed]
    return url


@pytest.fixture(scope="session")
def live(registry):
    """An httpx client on a live server over ``registry`` (writes enabled, but reads only here)."""
    srv = ServerThread(create_app(Settings(db=registry, token=TOKEN)))
    url = srv.start()
    with httpx.Client(base_url=url, timeout=60) as client:
        yield client
    srv.stop()


@pytest.fixture()
def serve_app():
    """``serve_app(settings) -> base URL``; the server stops at the end of the test."""
    servers: list[ServerThread] = []

    def start(settings: Settings, **kwargs) -> str:
        srv = ServerThread(create_app(settings, **kwargs))
        servers.append(srv)
        return srv.start()

    yield start
    for srv in servers:
        srv.stop()


@pytest.fixture()
def bare_server(serve_app, tmp_path):
    """A server with writes enabled over an empty registry."""
    url = serve_app(Settings(db=str(tmp_path / "empty.db"), token=TOKEN))
    with httpx.Client(base_url=url, timeout=30) as client:
        yield client
