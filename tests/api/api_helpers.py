"""Helpers shared by the API tests (a uniquely named module: every area has a ``conftest``)."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import kzqual
from kzqual.bundled import act_paths
from kzqual.store import open_store

SRC = Path(kzqual.__file__).resolve().parent

from api_token import TOKEN  # noqa: F401  (re-exported)


def assert_error(response, status: int, code: str) -> dict:
    """The response is the documented error shape with this status and machine code."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body


def bundled_registry(dest: Path) -> str:
    """A SQLite registry of the five bundled acts at ``dest``, copied from a build cached on disk.

    Ingesting the acts takes ~10 s, and every xdist worker (and the web tests) needs the same
    registry.  The cache is keyed by the act files and the source of every layer that shapes the
    ingest (text, acts, positions, store), so any code change rebuilds it through the real store.
    """
    key = hashlib.sha256()
    for path in sorted(act_paths()):
        key.update(path.read_bytes())
    for layer in ("text", "acts", "positions", "store"):
        for path in sorted((SRC / layer).rglob("*.py")):
            key.update(path.read_bytes())
    for path in sorted((SRC / "data" / "vocab").glob("*.json")):  # the readers' and the stemmer's words
        key.update(path.read_bytes())
    cache_dir = Path(tempfile.gettempdir()) / "kzqual-test-cache"
    cache_dir.mkdir(exist_ok=True)
    cached = cache_dir / f"registry-{key.hexdigest()[:16]}.db"
    if not cached.exists():
        building = cache_dir / f"building-{os.getpid()}-{cached.name}"
        with open_store(str(building)) as store:
            summary = store.ingest_paths(act_paths())
            assert not summary.failed, [r.error for r in summary.failed]
            with store.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        os.replace(building, cached)  # atomic: a concurrent builder's copy is as good
    shutil.copyfile(cached, dest)
    return str(dest)
