"""Paired timing of search ranking before and after issue 14 on one registry (SQLite).

    .venv/bin/python bench/search_paired.py --old /path/to/old/src/kzqual/store/search.py [--posts 100000]

Builds the registry of bench/search.py (five seeds + synthetic posts), then runs its 200 + 200
queries through the old ``search.find`` (ranking re-reads the body stems of up to 1,000
matches) and the new one (ranking from the stored body length), alternating per query, and
prints p50 / p99 of wall time and of this process's CPU time (the steadier figure on a shared
machine).  The old module is loaded from a file (e.g. the main branch's checkout).
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

import search as bench  # noqa: E402  (bench/search.py)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", required=True, type=Path)
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("old_search", args.old)
    old = importlib.util.module_from_spec(spec)
    sys.modules["old_search"] = old  # dataclasses look their module up there
    spec.loader.exec_module(old)
    from kzqual.bundled import act_paths
    from kzqual.store import open_store
    from kzqual.store import search as new

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "paired.db"))
        store.ingest_paths(act_paths())
        seeds = list(store.iter_positions())
        rng = random.Random(1)
        for key in sorted({p.act_key for p in seeds}):
            posts = [p for p in seeds if p.act_key == key]
            store.bulk_positions(key, bench.synthetic(posts, round(args.posts * len(posts) / len(seeds)), rng,
                                                      prefix=f"syn-{key}"))
        rng = random.Random(2)
        for lang in ("kk", "ru"):
            posts = [p for p in seeds if (p.act_key == "reg-15125") == (lang == "ru")]
            queries = bench.make_queries(posts, lang, args.queries, rng)
            t = {"old": ([], []), "new": ([], [])}
            with store.engine.connect() as conn:
                for q in queries:
                    for name, mod in (("old", old), ("new", new)):
                        w, c = time.perf_counter(), time.process_time()
                        mod.find(conn, "sqlite", q, lang=lang, body=None, category=None, in_force_on=None,
                                 limit=20, offset=0)
                        t[name][0].append((time.perf_counter() - w) * 1000)
                        t[name][1].append((time.process_time() - c) * 1000)
            for name in ("old", "new"):
                wall, cpu = t[name]
                print(f"sqlite {lang} {name}: wall p50 {bench.pct(wall, .5):.1f} / p99 {bench.pct(wall, .99):.1f} ms, "
                      f"CPU p50 {bench.pct(cpu, .5):.1f} / p99 {bench.pct(cpu, .99):.1f} ms "
                      f"({store.count_positions():,} posts, {len(queries)} queries)")
        store.close()


if __name__ == "__main__":
    main()
