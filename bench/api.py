"""HTTP API latency: search, position detail and a single eligibility check over a real server.

    python bench/api.py [--posts 100000] [--requests 300] [--db PATH]

Builds (once, then re-uses) a registry (a SQLite file, or a postgresql:// URL) of the five bundled acts padded with synthetic posts
(copies of the real ones under new ids) up to ``--posts``, starts ``kzqual serve`` on 127.0.0.1 in
a subprocess, sends a bounded number of sequential requests per endpoint and prints requests/s,
p50 and p99.  Stops by itself.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from kzqual.api.server import free_port
from kzqual.bundled import act_paths
from kzqual.store import open_store

WORDS = ["маман", "бас маман", "басшы", "бөлім", "департамент", "директор", "құқықтық", "жетекші маман",
         "руководитель", "специалист", "отдела", "қаржы", "есеп", "ақпараттық"]
PROFILE = {
    "id": "bench",
    "education": [{"level": "higher", "field": "юриспруденция", "completed": "2008-06-30"}],
    "work": [{"employer": "Министрлік", "state_body": True, "state_service": True, "post": "бас маман",
              "start": "2008-09-01", "end": "2014-01-01"}],
}


def build(db: str, posts: int) -> int:
    with open_store(db) as store:
        store.ingest_paths(act_paths())
        have = store.count_positions()
        if have >= posts:
            return have
        real = [p for p in store.iter_positions() if p.act_key != "reg-15125"]
        by_act: dict[str, list] = {}
        n = have
        i = 0
        t0 = time.perf_counter()
        while n < posts:
            p = real[i % len(real)]
            copy = p.model_copy(update={"id": f"{p.id}~s{i}"})
            by_act.setdefault(p.act_key, []).append(copy)
            n += 1
            i += 1
            if sum(len(v) for v in by_act.values()) >= 5000 or n >= posts:
                for key, items in by_act.items():
                    store.bulk_positions(key, items)
                by_act.clear()
        print(f"built {n} posts in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        return n


def measure(client: httpx.Client, name: str, make, n: int) -> dict:
    for _ in range(min(10, n)):  # warm-up: caches, compiled rule sets, SQLite pages
        make(client).raise_for_status()
    times = []
    t0 = time.perf_counter()
    for _ in range(n):
        s = time.perf_counter()
        make(client).raise_for_status()
        times.append((time.perf_counter() - s) * 1000)
    wall = time.perf_counter() - t0
    times.sort()
    return {"name": name, "n": n, "rps": n / wall, "p50": statistics.median(times),
            "p99": times[min(len(times) - 1, int(len(times) * 0.99))]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "kzqual-bench-api.db"))
    args = ap.parse_args()
    total = build(args.db, args.posts)
    port = free_port()
    env = {**os.environ, "KZQUAL_TOKEN": ""}
    proc = subprocess.Popen([sys.executable, "-m", "kzqual.cli", "serve", "--db", args.db, "--port", str(port),
                             "--log-level", "warning"], env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base}/api/v1/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        rnd = random.Random(7)
        with httpx.Client(base_url=base, timeout=60) as c:
            ids = [h["id"] for w in WORDS[:4] for h in c.get("/api/v1/positions", params={"q": w, "limit": 50}).json()["items"]]
            results = [
                measure(c, "search", lambda cl: cl.get("/api/v1/positions", params={"q": rnd.choice(WORDS), "limit": 20}),
                        args.requests),
                measure(c, "position detail", lambda cl: cl.get(f"/api/v1/positions/{rnd.choice(ids)}"), args.requests),
                measure(c, "single check", lambda cl: cl.post("/api/v1/eligibility/check", json={
                    "profile": PROFILE, "position_id": rnd.choice(ids), "as_of": "2014-06-01"}), args.requests),
            ]
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    backend = "PostgreSQL" if args.db.startswith("postgresql") else "SQLite"
    print(f"kzqual API over HTTP, {backend} registry with {total} posts, {args.requests} sequential requests each")
    print(f"{'endpoint':<18}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}")
    for r in results:
        print(f"{r['name']:<18}{r['rps']:>8.1f}{r['p50']:>9.1f}{r['p99']:>9.1f}")


if __name__ == "__main__":
    main()
