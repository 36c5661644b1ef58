"""Helpers of the hostile-input and header tests (imported by name: conftest modules are not
importable reliably)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kzqual.api import Settings, create_app
from kzqual.api.server import ServerThread

TOKEN = "sec-input-token"


@contextmanager
def running_server(folder: Path, **settings) -> Iterator[str]:
    """A live server (writes enabled with :data:`TOKEN`) over a new SQLite registry in ``folder``
    holding the bundled ru-mod-2017-134 act; yields its base URL."""
    from kzqual.bundled import act_paths
    from kzqual.store import open_store

    db = str(folder / "k.db")
    with open_store(db) as store:
        store.ingest_file([p for p in act_paths() if p.name.startswith("ru-")][0])
    srv = ServerThread(create_app(Settings(db=db, token=TOKEN, **settings)))
    url = srv.start()
    try:
        yield url
    finally:
        srv.stop()
