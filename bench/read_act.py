"""How long the act layer takes: read_act over the five bundled acts (text already cleaned).

Prints the best of N runs for each act and in total; the text layer's own time is bench/parse.py's.
"""

from __future__ import annotations

import time

from kzqual.acts import read_act
from kzqual.bundled import act_paths
from kzqual.text import read

RUNS = 7


def main() -> None:
    texts = [(p.name, read(p)) for p in act_paths()]
    total_best = float("inf")
    per_act: dict[str, float] = {}
    for _ in range(RUNS):
        t_all = time.perf_counter()
        for name, ct in texts:
            t0 = time.perf_counter()
            read_act(ct)
            per_act[name] = min(per_act.get(name, float("inf")), time.perf_counter() - t0)
        total_best = min(total_best, time.perf_counter() - t_all)
    for name, ct in texts:
        print(f"read_act {name:24s} {len(ct.raw_lines):6d} lines  {per_act[name] * 1000:7.1f} ms")
    print(f"read_act all five acts: {total_best * 1000:.1f} ms (best of {RUNS})")


if __name__ == "__main__":
    main()
