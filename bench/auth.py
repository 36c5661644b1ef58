"""Wrong tokens and staff reads over a real server (issue 10: 2,000 wrong tokens used to pass at 134/s).

    python bench/auth.py [--wrong 2000] [--reads 200]

Starts ``kzqual serve`` on 127.0.0.1 in a subprocess over a fresh SQLite registry with one
operator, then sends ``--wrong`` requests with wrong bearer tokens (how many got 401 / 429 and at
what rate), times one Argon2 verification, and ``--reads`` case lists with the right token (the
first pays Argon2, the rest hit the per-process cache).  Stops by itself.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

from kzqual.api.server import free_port
from kzqual.services.users import Users, _hasher
from kzqual.store import open_store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wrong", type=int, default=2000)
    ap.add_argument("--reads", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        with open_store(db, create=True) as store:
            token = Users(store.engine).add("bench-op", role="operator", office="main")
        h = _hasher()
        stored = h.hash(token)
        t0 = time.perf_counter()
        for _ in range(5):
            h.verify(stored, token)
        print(f"argon2id verify: {(time.perf_counter() - t0) / 5 * 1000:.0f} ms each "
              f"(time_cost={h.time_cost}, memory={h.memory_cost // 1024} MiB, parallelism={h.parallelism})")
        port = free_port()
        env = {**os.environ, "KZQUAL_DB": db}
        env.pop("KZQUAL_TOKEN", None)
        proc = subprocess.Popen([sys.executable, "-m", "kzqual.cli", "serve", "--port", str(port), "--log-level",
                                 "warning"], env=env)
        try:
            url = f"http://127.0.0.1:{port}"
            with httpx.Client(base_url=url, timeout=30) as c:
                for _ in range(200):
                    try:
                        c.get("/api/v1/health")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                auth = {"Authorization": f"Bearer {token}"}
                t0 = time.perf_counter()
                for _ in range(args.reads):
                    assert c.get("/api/v1/services/cases", headers=auth).status_code == 200
                dt = time.perf_counter() - t0
                print(f"{args.reads} case lists with the right token: {args.reads / dt:.0f}/s")
                counts: Counter[int] = Counter()
                t0 = time.perf_counter()
                for i in range(args.wrong):
                    r = c.get("/api/v1/services/cases", headers={"Authorization": f"Bearer kzq_{i:08x}_guess"})
                    counts[r.status_code] += 1
                dt = time.perf_counter() - t0
                print(f"{args.wrong} wrong tokens in {dt:.1f} s ({args.wrong / dt:.0f}/s): {dict(sorted(counts.items()))}"
                      f" — {counts[401]} were checked, the rest refused unchecked")
        finally:
            proc.terminate()
            proc.wait(timeout=20)


if __name__ == "__main__":
    main()
