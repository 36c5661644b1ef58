"""Corpus ingest speed (issue 11): ``kzqual ingest`` of the whole development corpus
(../shared/corpus: 43 acts, Kazakh and Russian Markdown + meta.yaml) into a fresh registry,
as acts/s and MB/s, beside the five bundled acts measured the same way.  Aim: the whole corpus
(both languages) under 10 s on SQLite, and no slower per MB than the bundled acts.

    .venv/bin/python bench/corpus.py [--runs 3] [--backends sqlite,postgresql] [--pg URL]
                                     [--corpus ../shared/corpus] [--workers default]

Each run is a new ``kzqual ingest -q`` process (interpreter start, imports and migration count)
into a new SQLite file or PostgreSQL database (bench/ingest.py's helpers; without --pg a
throw-away cluster from tests/pg.py with fsync off).  MB are the bytes of the texts read
(kaz.md, rus.md, their parts; meta.yaml files too for the corpus).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))
from ingest import ACTS, _fresh_pg, one_run  # noqa: E402  (bench/ingest.py)

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def size_of(target: Path) -> tuple[int, int]:
    """(texts, bytes) of what an ingest of ``target`` reads."""
    if target == ACTS:
        files = sorted(target.glob("*.txt"))
        return len(files), sum(f.stat().st_size for f in files)
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    total = sum(f.stat().st_size for f in target.rglob("*") if f.suffix in (".md", ".yaml"))
    return 2 * len(manifest), total


def runs_on(db_factory, target: Path, n: int, workers: str) -> list[tuple[float, float]]:
    out = []
    for i in range(n):
        db, cleanup = db_factory(i)
        try:
            out.append(one_run(db, workers, target))
        finally:
            cleanup()
    return out


def report(label: str, target: Path, runs: list[tuple[float, float]]) -> None:
    texts, size = size_of(target)
    best_wall, best_cpu = min(runs)
    mb = size / 1e6
    print(f"{label:44} {texts:3d} texts {mb:5.2f} MB  best {best_wall:5.2f} s (cpu {best_cpu:5.2f} s)  "
          f"median {statistics.median(w for w, _ in runs):5.2f} s  -> {texts / best_wall:5.1f} texts/s  "
          f"{mb / best_wall:5.3f} MB/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--pg", default=None)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--workers", default="default")
    args = ap.parse_args()
    if not (args.corpus / "manifest.json").is_file():
        raise SystemExit(f"no corpus at {args.corpus} (its manifest.json is missing)")
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}  cores {os.cpu_count()}  "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    targets = (("corpus (43 acts, kk+ru)", args.corpus), ("bundled acts (5)", ACTS))
    backends = args.backends.split(",")
    if "sqlite" in backends:
        with tempfile.TemporaryDirectory() as tmp:
            for label, target in targets:
                def sqlite_db(i, label=label):
                    path = Path(tmp) / f"{abs(hash(label))}-{i}.db"
                    return str(path), lambda: path.unlink(missing_ok=True)

                report(f"sqlite     {label}", target, runs_on(sqlite_db, target, args.runs, args.workers))
    if "postgresql" in backends:
        cluster = None
        url = args.pg
        if url is None:
            from pg import PgCluster

            cluster = PgCluster().start()
            url = cluster.url()
        try:
            for label, target in targets:
                report(f"postgresql {label}", target,
                       runs_on(lambda i: _fresh_pg(url), target, args.runs, args.workers))
        finally:
            if cluster is not None:
                cluster.stop()


if __name__ == "__main__":
    main()
