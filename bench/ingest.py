"""Ingest speed: ``kzqual ingest`` of the five bundled acts into a fresh registry (issue 4's aim:
under 2 s).

    .venv/bin/python bench/ingest.py [--runs 5] [--backends sqlite,postgresql] [--pg URL]
                                     [--workers default,2,0]

Every run is a new ``kzqual ingest -q`` process (so interpreter start and imports count) into a new
SQLite file, or a new PostgreSQL database (on ``--pg URL``'s server, which must allow CREATE
DATABASE; without --pg a throw-away cluster from tests/pg.py, started with fsync off).  Prints,
per back end and worker setting, the best and median wall time of N runs and the CPU time of the
best run (user+sys of the process and its workers), plus the load average before the runs.
``--workers 0`` is the serial path (``KZQUAL_INGEST_WORKERS=0``), ``2`` forces two workers,
``default`` leaves the choice to kzqual (two workers when two cores are free, else serial).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # tests/pg.py: a throw-away PostgreSQL cluster

ACTS = ROOT / "src" / "kzqual" / "data" / "acts"


def one_run(db: str, workers: str, target: Path = ACTS) -> tuple[float, float]:
    """(wall, cpu) seconds of one ``kzqual ingest`` process of ``target`` into ``db``."""
    env = dict(os.environ)
    env.pop("KZQUAL_INGEST_WORKERS", None)
    if workers != "default":
        env["KZQUAL_INGEST_WORKERS"] = workers
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    res = subprocess.run([sys.executable, "-m", "kzqual.cli", "ingest", "-q", "--db", db, str(target)],
                         env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if res.returncode != 0:
        raise SystemExit(f"kzqual ingest failed ({res.returncode}): {res.stderr.strip()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def report(label: str, runs: list[tuple[float, float]]) -> None:
    walls = [w for w, _ in runs]
    best = min(runs)
    print(f"{label:34} best {best[0]:.2f} s wall (cpu {best[1]:.2f} s)   "
          f"median {statistics.median(walls):.2f} s   of {len(runs)} runs")


def bench_sqlite(n: int, workers: str) -> None:
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n):
            runs.append(one_run(str(Path(tmp) / f"run{i}.db"), workers))
    report(f"sqlite   workers={workers}", runs)


def _fresh_pg(url: str):
    """(new database URL, drop function) on the server of ``url``."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = "kzqual_bench_" + uuid.uuid4().hex[:10]
    base = make_url(url.replace("postgresql://", "postgresql+psycopg://", 1)
                    if url.startswith("postgresql://") else url)
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return base.set(database=name, drivername="postgresql").render_as_string(hide_password=False), drop


def bench_pg(url: str, n: int, workers: str, label: str) -> None:
    runs = []
    for _ in range(n):
        db, drop = _fresh_pg(url)
        try:
            runs.append(one_run(db, workers))
        finally:
            drop()
    report(f"postgresql workers={workers} {label}".rstrip(), runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--pg", default=None, help="PostgreSQL URL (default: a throw-away cluster)")
    ap.add_argument("--workers", default="default,2,0",
                    help="comma-separated KZQUAL_INGEST_WORKERS settings; 'default' = unset")
    args = ap.parse_args()
    backends = args.backends.split(",")
    settings = args.workers.split(",")
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}  cores {os.cpu_count()}  "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if "sqlite" in backends:
        for w in settings:
            bench_sqlite(args.runs, w)
    if "postgresql" in backends:
        if args.pg:
            for w in settings:
                bench_pg(args.pg, args.runs, w, "")
        else:
            from pg import PgCluster

            try:
                cluster = PgCluster().start()
            except RuntimeError as exc:
                print(f"postgresql: skipped ({exc})")
                return
            try:
                for w in settings:
                    bench_pg(cluster.url(), args.runs, w, "(tests/pg.py, fsync off)")
            finally:
                cluster.stop()


if __name__ == "__main__":
    main()
