"""Benchmark: the five bundled acts, raw text -> position records.

Prints MB/s and records/s for the whole pipeline (text cleaning + act metadata + extraction)
and for extraction alone.  Run: ``.venv/bin/python bench/positions.py``.
"""

from __future__ import annotations

import time

from kzqual.bundled import act_paths
from kzqual.positions import extract
from kzqual.positions.meta import read_act_meta
from kzqual.text import read


def main(rounds: int = 3) -> None:
    paths = act_paths()
    size = sum(p.stat().st_size for p in paths)
    best_total = best_extract = float("inf")
    records = 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        texts = [read(p) for p in paths]
        acts = [read_act_meta(ct) for ct in texts]
        t1 = time.perf_counter()
        results = [extract(ct, act) for ct, act in zip(texts, acts)]
        t2 = time.perf_counter()
        records = sum(len(r.positions) for r in results)
        best_total = min(best_total, t2 - t0)
        best_extract = min(best_extract, t2 - t1)
    mb = size / 1e6
    print(f"acts: {len(paths)}, {mb:.2f} MB, records: {records}")
    print(f"whole pipeline: {best_total:.3f} s  {mb / best_total:.2f} MB/s  {records / best_total:.0f} records/s")
    print(f"extraction only: {best_extract:.3f} s  {mb / best_extract:.2f} MB/s  {records / best_extract:.0f} records/s")


if __name__ == "__main__":
    main()
