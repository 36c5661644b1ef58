"""Throughput of the text + act layers over the five bundled acts, and peak memory.

For each act: bytes of raw text, best-of-N time of ``kzqual.text.read`` (decode + clean), of
``kzqual.text.paragraphs`` + ``restore_displaced`` (the join layer), and of
``kzqual.acts.read_act`` when the act layer is present (else the text layer only, and the table
says so).  Throughput is raw MB per second end to end (text + act).  Peak memory is measured
separately with tracemalloc (Python allocations) during one end-to-end pass, plus the process's
maximum resident size from getrusage.

Usage: ``.venv/bin/python bench/parse.py [runs]``
"""

from __future__ import annotations

import os
import resource
import sys
import time
import tracemalloc

from kzqual.bundled import act_paths
from kzqual.text import paragraphs, read, restore_displaced

try:
    from kzqual.acts import read_act
except ImportError:  # the act layer is not there yet: measure the text layer alone
    read_act = None


def _best(fn, runs: int) -> float:
    """Best CPU time of ``runs`` calls: the code is single-threaded, so CPU time equals wall time
    on an idle machine and stays meaningful on a busy one (other engineers' test runs)."""
    best = float("inf")
    for _ in range(runs):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    paths = act_paths()
    rows = []
    wall = time.perf_counter()
    for p in paths:
        size = p.stat().st_size
        ct = read(p)
        t_text = _best(lambda p=p: read(p), runs)
        t_join = _best(lambda ct=ct: restore_displaced(paragraphs(ct)), runs)
        t_act = _best(lambda ct=ct: read_act(ct), runs) if read_act else 0.0
        rows.append((p.name, size, len(ct.raw_lines), t_text, t_join, t_act))
    wall = time.perf_counter() - wall

    print(f"layers: text{' + act' if read_act else ' only (kzqual.acts.read_act not found)'}; "
          f"best CPU time of {runs} runs; join (paragraphs + restore_displaced) shown apart")
    print(f"{'act':24s} {'KB':>7s} {'lines':>6s} {'text ms':>8s} {'join ms':>8s} "
          f"{'act ms':>8s} {'MB/s':>7s}")
    tot = [0, 0, 0.0, 0.0, 0.0]
    for name, size, lines, t_text, t_join, t_act in rows:
        mbs = size / 1e6 / (t_text + t_act)
        print(f"{name:24s} {size / 1024:7.0f} {lines:6d} {t_text * 1e3:8.1f} {t_join * 1e3:8.1f} "
              f"{t_act * 1e3:8.1f} {mbs:7.2f}")
        for i, v in enumerate((size, lines, t_text, t_join, t_act)):
            tot[i] += v
    size, lines, t_text, t_join, t_act = tot
    print(f"{'all five':24s} {size / 1024:7.0f} {lines:6d} {t_text * 1e3:8.1f} {t_join * 1e3:8.1f} "
          f"{t_act * 1e3:8.1f} {size / 1e6 / (t_text + t_act):7.2f}")

    print(f"(wall time of the whole measurement: {wall:.1f} s; load average now "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())})")

    tracemalloc.start()
    for p in paths:
        ct = read(p)
        restore_displaced(paragraphs(ct))
        if read_act:
            read_act(ct)
        del ct
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak Python allocations (tracemalloc, one act at a time): {peak / 2**20:.1f} MiB; "
          f"process max RSS: {maxrss_kb / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
