"""schemathesis against a live server on both back ends: the number of generated cases and of 5xx
answers (issue 10's "Measured": 0 server errors).  Every operation gets ``--examples`` cases,
with the bearer token (so writes run too), over a registry holding ``ru-mod-2017-134``.

    .venv/bin/python bench/schema_fuzz.py [--examples 25] [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # tests/pg.py: a throw-away PostgreSQL cluster

TOKEN = "schema-fuzz-token"


def run(db: str, examples: int) -> tuple[int, int, list[str]]:
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    from kzqual.api import Settings, create_app
    from kzqual.api.server import ServerThread
    from kzqual.bundled import act_paths
    from kzqual.store import open_store

    with open_store(db) as store:
        store.ingest_file([p for p in act_paths() if p.name.startswith("ru-")][0])
    srv = ServerThread(create_app(Settings(db=db, token=TOKEN)))
    url = srv.start()
    cases = 0
    errors: list[str] = []
    try:
        schema = schemathesis.openapi.from_url(f"{url}/api/v1/openapi.json")
        for result in schema.get_all_operations():
            op = result.ok()

            @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
                      suppress_health_check=list(HealthCheck))
            @given(case=op.as_strategy())
            def one(case):
                nonlocal cases
                cases += 1
                r = case.call(base_url=url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
                if r.status_code >= 500:
                    errors.append(f"{op.label}: {r.status_code} {r.text[:200]}")

            one()
    finally:
        srv.stop()
    return cases, len(errors), errors


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=25)
    ap.add_argument("--backends", default="sqlite,postgresql")
    args = ap.parse_args()
    bad = 0
    for backend in args.backends.split(","):
        t = time.perf_counter()
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                cases, n_err, errors = run(str(Path(tmp) / "fuzz.db"), args.examples)
        else:
            from pg import PgCluster

            cluster = PgCluster().start()
            try:
                cases, n_err, errors = run(cluster.url(cluster.create_db()), args.examples)
            finally:
                cluster.stop()
        print(f"{backend}: {cases} cases, {n_err} server errors, {time.perf_counter() - t:.0f} s")
        for e in errors[:5]:
            print("  ", e)
        bad += n_err
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
