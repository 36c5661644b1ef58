"""A throw-away PostgreSQL cluster for tests (one per test session / xdist worker).

Use it from any area's conftest.py::

    from pg import pg_server, pg_url  # noqa: F401  (tests/ is on sys.path via tests/conftest.py)

* ``pg_server`` (session): the running :class:`PgCluster`; ``.url("dbname")``, ``.create_db()``.
* ``pg_url`` (function): a fresh, empty database for one test, as a ``postgresql://`` URL
  (unix socket, no password), dropped afterwards.
* ``pg_server.create_db(template=name)`` copies a prepared database (e.g. one already migrated),
  which is much faster than migrating again for every test.

The cluster lives in a temporary folder (initdb + pg_ctl from /usr/lib/postgresql/*/bin), listens
on a unix socket only, runs without fsync, and is removed at the end of the session.  As root,
initdb/postgres run as the ``postgres`` system user.  If PostgreSQL cannot be started the tests
FAIL when the environment variable CI is set, and are skipped with the reason otherwise.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                   key=lambda p: [int(x) for x in Path(p).parent.name.split(".") if x.isdigit()])
    for d in reversed(found):
        if os.access(os.path.join(d, "initdb"), os.X_OK):
            return Path(d)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PgCluster:
    def __init__(self) -> None:
        self.bin = _bin_dir()
        if self.bin is None:
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found; "
                               "run scripts/system-deps.sh")
        self.root = Path(tempfile.mkdtemp(prefix="kzqual-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *args: str) -> None:
        cmd = [str(a) for a in args]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if res.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(cmd)} failed: {res.stderr.strip()} {log}")

    def start(self) -> PgCluster:
        self._run(self.bin / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        opts = (f"-k {self.root} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                "-c full_page_writes=off -c max_connections=50")
        self._run(self.bin / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60", "-o", opts, "start")
        return self

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@/{dbname}?host={self.root}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"host={self.root} dbname=postgres user=postgres", autocommit=True) as conn:
            conn.execute(sql)

    def create_db(self, template: str | None = None) -> str:
        """A new empty database (or a copy of ``template``, which must have no open connections)."""
        name = "t_" + uuid.uuid4().hex[:12]
        self._admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return name

    def drop_db(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server():
    try:
        cluster = PgCluster().start()
    except Exception as exc:  # noqa: BLE001
        msg = f"PostgreSQL could not be started: {exc}"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_server):
    name = pg_server.create_db()
    yield pg_server.url(name)
    pg_server.drop_db(name)
