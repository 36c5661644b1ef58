"""Ingest with the files prepared in worker processes (kzqual.store.parallel): the registry must
end up exactly as after the serial ingest, failures reported the same way, progress per file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text

from kzqual.bundled import acts_dir
from kzqual.store import open_store, parallel
from kzqual.store import tables as T
from kzqual.store.prepare import prepare_file

# the three small bundled acts (kk and ru, with and without posts): quick, and enough to
# interleave several files across the workers
SMALL = ["kk-ara-2014-9.txt", "kk-mod-2022-674.txt", "ru-mod-2017-134.txt"]


@pytest.fixture
def small_acts(tmp_path) -> Path:
    folder = tmp_path / "acts"
    folder.mkdir()
    for name in SMALL:
        shutil.copy(acts_dir() / name, folder / name)
    return folder


@pytest.fixture
def workers(monkeypatch):
    monkeypatch.setenv("KZQUAL_INGEST_WORKERS", "2")
    if parallel.worker_count(3) == 0:
        pytest.skip("one core: the parallel path is not used")


def dump(store) -> dict[str, list[tuple]]:
    """Every row of every registry table in key order (``ingested_at`` left out: a clock)."""
    out = {}
    with store.engine.connect() as conn:
        for table in T.metadata.sorted_tables:
            cols = [c for c in table.columns if c.name != "ingested_at"]
            out[table.name] = [tuple(r) for r in conn.execute(
                select(*cols).order_by(*table.primary_key.columns))]
        if store.dialect == "sqlite":
            out["position_fts"] = [tuple(r) for r in conn.execute(
                text("SELECT rowid, title, department, body FROM position_fts ORDER BY rowid"))]
        else:
            out["position_search"] = [tuple(r) for r in conn.execute(
                text("SELECT position_pk, title, department, body, tsv::text FROM position_search "
                     "ORDER BY position_pk"))]
    return out


def test_parallel_rows_equal_serial_rows(store_url, small_acts, tmp_path, monkeypatch, pg_url_for):
    monkeypatch.setenv("KZQUAL_INGEST_WORKERS", "0")
    with open_store(pg_url_for(store_url, tmp_path / "serial.db")) as serial:
        s_sum = serial.ingest_paths([small_acts])
        expected = dump(serial)
    monkeypatch.setenv("KZQUAL_INGEST_WORKERS", "2")
    pf = parallel.start(sorted(small_acts.glob("*.txt")))
    if pf is None:
        pytest.skip("one core: the parallel path is not used")
    with open_store(store_url) as par:
        p_sum = par.ingest_paths(sorted(small_acts.glob("*.txt")), prefetch=pf)
        got = dump(par)
    assert [(r.path, r.status, r.act_key, r.version, r.positions, r.warnings) for r in p_sum.results] == \
        [(r.path, r.status, r.act_key, r.version, r.positions, r.warnings) for r in s_sum.results]
    assert p_sum.positions > 0
    assert set(got) == set(expected)
    for name in expected:
        assert got[name] == expected[name], name


@pytest.fixture
def pg_url_for(request):
    """A second, empty registry of the same kind as ``store_url``."""

    def make(store_url: str, sqlite_path: Path) -> str:
        if not store_url.startswith("postgresql"):
            return str(sqlite_path)
        server = request.getfixturevalue("pg_server")
        name = server.create_db(template=request.getfixturevalue("migrated_pg"))
        request.addfinalizer(lambda: server.drop_db(name))
        return server.url(name)

    return make


def test_failing_file_in_the_pool_is_reported_and_the_others_land(small_acts, tmp_path, workers,
                                                                  monkeypatch):
    (small_acts / "b-empty.txt").write_bytes(b"")
    (small_acts / "c-binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    files = sorted(small_acts.glob("*.txt"))
    with open_store(tmp_path / "serial.db") as s:
        monkeypatch.setenv("KZQUAL_INGEST_WORKERS", "0")
        serial = s.ingest_paths(files)
        monkeypatch.setenv("KZQUAL_INGEST_WORKERS", "2")
    seen = []
    with open_store(tmp_path / "par.db") as s:
        par = s.ingest_paths(files, progress=lambda done, total, path, r: seen.append((done, total, path.name)))
        assert s.count_positions() == sum(r.positions for r in par.ok) > 0
    assert [(r.status, r.error) for r in par.results] == [(r.status, r.error) for r in serial.results]
    assert {Path(r.path).name for r in par.failed} == {"b-empty.txt", "c-binary.txt"}
    assert all(r.error for r in par.failed)
    assert len(par.ok) == 3
    # progress: once per file, in the order given
    assert seen == [(i, len(files), f.name) for i, f in enumerate(files, 1)]


def test_second_ingest_is_unchanged_in_parallel_too(small_acts, tmp_path, workers):
    with open_store(tmp_path / "r.db") as s:
        first = s.ingest_paths([small_acts])
        again = s.ingest_paths([small_acts])
    assert [r.status for r in first.results] == ["added"] * 3
    assert [r.status for r in again.results] == ["unchanged"] * 3
    assert [r.positions for r in again.results] == [r.positions for r in first.results]


def test_custom_pipeline_runs_in_process(store, make_act, build, workers, monkeypatch):
    def no_pool(*a, **k):
        raise AssertionError("a custom pipeline must not start workers")

    monkeypatch.setattr(parallel, "start", no_pool)
    a = make_act("a.txt", build.act("9344"), build.kk_posts("reg-9344"))
    b = make_act("b.txt", build.act("9211"), build.kk_posts("reg-9211"))
    summary = store.ingest_paths([a, b], pipeline=make_act.layers.pipeline)
    assert [r.status for r in summary.results] == ["added", "added"]


def test_a_broken_pool_falls_back_to_this_process(small_acts, tmp_path, workers):
    files = sorted(small_acts.glob("*.txt"))
    pf = parallel.start(files)
    assert pf is not None
    for proc in list(pf._pool._processes.values()):  # a worker killed (out of memory, ...)
        proc.kill()
    with open_store(tmp_path / "r.db") as s:
        summary = s.ingest_paths(files, prefetch=pf)
    assert [r.status for r in summary.results] == ["added"] * 3


def test_worker_count(monkeypatch):
    monkeypatch.setenv("KZQUAL_INGEST_WORKERS", "0")
    assert parallel.worker_count(5) == 0
    assert parallel.start([Path("a.txt"), Path("b.txt")]) is None
    monkeypatch.setenv("KZQUAL_INGEST_WORKERS", "8")
    assert parallel.worker_count(1) == 0  # one file: nothing to overlap
    assert parallel.worker_count(3) <= 3


def test_prepare_file_reports_like_the_serial_path(tmp_path, monkeypatch):
    missing = tmp_path / "nope.txt"
    pf = prepare_file(missing)
    assert pf.digest is None and pf.prepared is None
    monkeypatch.setenv("KZQUAL_INGEST_WORKERS", "0")
    with open_store(tmp_path / "r.db") as s:
        serial = s.ingest_paths([missing])
    assert serial.failed[0].error == pf.error.message


def test_cli_bad_database_stops_the_workers(tmp_path):
    """The workers were started before the store was opened: a bad --db must still end at once
    with one line on stderr and exit code 2."""
    bad = tmp_path / "not-a-db.db"
    bad.write_text("hello, not SQLite")
    res = subprocess.run([sys.executable, "-m", "kzqual.cli", "ingest", "-q", "--db", str(bad),
                          str(acts_dir())], capture_output=True, text=True, timeout=60)
    assert res.returncode == 2
    errors = [line for line in res.stderr.splitlines() if line.startswith("kzqual: error:")]
    assert len(errors) == 1 and "not a SQLite database" in errors[0]
    assert "Traceback" not in res.stderr


def test_cli_parallel_output_equals_serial(tmp_path, small_acts):
    outs = []
    for workers in ("0", "2"):
        env = {**os.environ, "KZQUAL_INGEST_WORKERS": workers, "KZQUAL_LANG": "en"}
        res = subprocess.run([sys.executable, "-m", "kzqual.cli", "ingest", "-q", "--db",
                              str(tmp_path / f"w{workers}.db"), str(small_acts)],
                             capture_output=True, text=True, timeout=120, env=env)
        assert res.returncode == 0, res.stderr
        outs.append((res.stdout, res.stderr))
    assert outs[0] == outs[1]


def test_no_workers_on_a_busy_machine(monkeypatch):
    assert parallel.busy_cores() >= 0  # the real count, from /proc/stat
    monkeypatch.delenv("KZQUAL_INGEST_WORKERS", raising=False)
    monkeypatch.setattr(parallel, "busy_cores", lambda: 8)
    assert parallel.worker_count(5) == 0
    monkeypatch.setattr(parallel, "busy_cores", lambda: 0)
    import threading

    # (this test process may run a live server's thread for other tests: count only ours)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    cores = len(os.sched_getaffinity(0))
    assert parallel.worker_count(5) == (min(parallel.MAX_WORKERS, cores) if cores >= 2 else 0)
    monkeypatch.setattr(threading, "active_count", lambda: 3)  # a server's threads: never fork
    assert parallel.worker_count(5) == 0
    monkeypatch.setenv("KZQUAL_INGEST_WORKERS", "2")  # an explicit setting wins over the load
    monkeypatch.setattr(parallel, "busy_cores", lambda: 8)
    assert parallel.worker_count(5) == (2 if cores >= 2 else 0)
