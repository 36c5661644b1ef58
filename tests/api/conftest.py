"""API fixtures: a real uvicorn server on 127.0.0.1 and a free port."""

from __future__ import annotations

import httpx
import pytest

from kzqual.api import Settings, create_app
from kzqual.api.server import ServerThread

TOKEN = "test-token-7f3a"


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
    """A server with writes enabled and an (unused) empty db path."""
    url = serve_app(Settings(db=str(tmp_path / "empty.db"), token=TOKEN))
    with httpx.Client(base_url=url, timeout=30) as client:
        yield client
