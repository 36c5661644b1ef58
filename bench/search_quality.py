"""Search quality: the share of people's queries whose posts are in the top 10, per back end.

    .venv/bin/python bench/search_quality.py [--backends sqlite,postgresql] [--pg URL] [--show-misses]

Loads the five bundled acts into a throw-away registry per back end (PostgreSQL: a throw-away
cluster, tests/pg.py, unless --pg), runs every query of tests/store/search_quality.yaml (kk / ru /
en, synonyms, misspellings, the home page's examples; expectations written by reading the acts)
and prints the hit rate in the top 10 overall and per kind.  A query that finds nothing is
searched again as the store's "did you mean" (one click on the page).  tests/store/
test_search_quality.py asserts the same measure against the floor in search_quality_floor.json.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "store" / "search_quality.yaml"
TOP = 10


def load_cases(path: Path = CASES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def _has_post(hits, want: dict) -> bool:
    return any(h.act_key == want["act"] and h.lines[0] <= want["line"] <= h.lines[1] for h in hits)


def _has_title(hits, titles: list[str]) -> bool:
    return any(t.casefold() in h.title.casefold() for h in hits for t in titles)


def judge(store, case: dict) -> tuple[bool, str]:
    """(found, the query actually run) for one case."""
    q = case["q"]
    hits = store.search(q, limit=TOP)
    if not hits:
        better = store.suggest(q)
        if better:
            q = better
            hits = store.search(q, limit=TOP)
    ok = all(_has_post(hits, w) for w in case.get("expect", []))
    if case.get("expect_title"):
        ok = ok and _has_title(hits, case["expect_title"])
    if case.get("expect_snippet"):
        ok = ok and any(w.casefold() in h.snippet.casefold() for h in hits for w in case["expect_snippet"])
    return ok, q


def measure(store, cases: list[dict]) -> dict:
    """{"rate", "found", "total", "by_kind": {kind: [found, total]}, "misses": [(q, run as)]}."""
    found, by_kind, misses = 0, {}, []
    for case in cases:
        ok, ran = judge(store, case)
        found += ok
        k = by_kind.setdefault(case["kind"], [0, 0])
        k[0] += ok
        k[1] += 1
        if not ok:
            misses.append((case["q"], ran))
    return {"rate": found / len(cases), "found": found, "total": len(cases), "by_kind": by_kind, "misses": misses}


def _report(name: str, m: dict, show_misses: bool) -> None:
    kinds = ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(m["by_kind"].items()))
    print(f"{name}: {m['found']}/{m['total']} queries found in the top {TOP} = {100 * m['rate']:.1f} % ({kinds})")
    if show_misses:
        for q, ran in m["misses"]:
            print(f"  miss: {q!r}" + (f" (ran {ran!r})" if ran != q else ""))


def main() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from kzqual.bundled import act_paths
    from kzqual.store import open_store

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--pg", default=None)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    cases = load_cases()
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.backends.split(","):
            cluster = None
            if name == "sqlite":
                url = str(Path(tmp) / "q.db")
            elif args.pg:
                url = args.pg
            else:
                from pg import PgCluster

                cluster = PgCluster().start()
                url = cluster.url(cluster.create_db())
            try:
                store = open_store(url)
                store.ingest_paths(act_paths())
                _report(name, measure(store, cases), args.show_misses)
                store.close()
            finally:
                if cluster:
                    cluster.stop()


if __name__ == "__main__":
    main()
