"""Benchmark: the five bundled acts, raw text -> position records.

Prints MB/s and records/s for the whole pipeline (text cleaning + act metadata + extraction),
for extraction alone (segmentation + the requirements parsers) and for segmentation alone (this
layer's own work: layout detection, posts, headings, rows).  Best of ``ROUNDS`` runs, CPU time
of this process (one core), so a busy machine skews it less than wall time; the load average is
printed beside the figures.  The issue's aim: the whole pipeline under one second.
Run: ``.venv/bin/python bench/positions.py``.
"""

from __future__ import annotations

import time

from kzqual.bundled import act_paths
from kzqual.positions import extract
from kzqual.positions.extract import _segment
from kzqual.positions.layout import detect_layout
from kzqual.positions.meta import read_act_meta
from kzqual.text import read

ROUNDS = 5


def _segment_all(texts) -> int:
    n = 0
    for ct in texts:
        layout = detect_layout(ct)
        if layout:
            n += len(_segment(layout, ct)[0])
    return n


def main() -> None:
    paths = act_paths()
    mb = sum(p.stat().st_size for p in paths) / 1e6
    best = {k: float("inf") for k in ("total", "text", "act", "extract", "segment")}
    records = 0
    for _ in range(ROUNDS):
        t0 = time.process_time()
        texts = [read(p) for p in paths]
        ta = time.process_time()
        acts = [read_act_meta(ct) for ct in texts]
        t1 = time.process_time()
        results = [extract(ct, act) for ct, act in zip(texts, acts)]
        t2 = time.process_time()
        _segment_all(texts)
        t3 = time.process_time()
        records = sum(len(r.positions) for r in results)
        best["total"] = min(best["total"], t2 - t0)
        best["text"] = min(best["text"], ta - t0)
        best["act"] = min(best["act"], t1 - ta)
        best["extract"] = min(best["extract"], t2 - t1)
        best["segment"] = min(best["segment"], t3 - t2)
    print(f"acts: {len(paths)}, {mb:.2f} MB, records: {records}; load average {_load()}")
    for name, label in (
        ("total", "whole pipeline (text + act + extract)"),
        ("text", "text cleaning (kzqual.text.read)"),
        ("act", "act metadata (read_act)"),
        ("extract", "extract() (segmentation + requirements parsers)"),
        ("segment", "segmentation only"),
    ):
        s = best[name]
        print(f"{label}: {s:.3f} s  {mb / s:.2f} MB/s  {records / s:.0f} records/s")
    print(f"aim: whole pipeline under 1 s on one core -> {'met' if best['total'] < 1 else 'NOT met'}")


def _load() -> str:
    """The machine's 1-minute load average: CPU time is skewed less than wall time, not immune."""
    try:
        with open("/proc/loadavg") as f:
            return f.read().split()[0]
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
