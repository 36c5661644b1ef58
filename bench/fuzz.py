"""Fuzz the readers: N mutated acts through text -> act -> positions; any exception other than
InputError is a crash (issue 10's "Measured": counts and time for docs/security.md).

    .venv/bin/python bench/fuzz.py [N] [--seed 1]

Mutations (1-8 per act, on one of the two smaller bundled acts): delete, duplicate or swap lines,
insert hostile runs (Latin look-alikes, «, spaces, digits, hyphens, 5,000-letter words), flip
bytes, truncate.  Prints acts read, crashes (with the first tracebacks), the slowest act and the
total time.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from kzqual.acts import read_act
from kzqual.bundled import act_paths
from kzqual.errors import InputError
from kzqual.positions import extract
from kzqual.text import clean_bytes

RUNS = ["a", "«", " ", "7", "-", "—", "С-R-", "Требования к квалификации:", "не менее 1 года ", "\t", "("]


def mutate(lines: list[bytes], rng: random.Random) -> bytes:
    lines = list(lines)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(7)
        i = rng.randrange(len(lines)) if lines else 0
        if op == 0 and lines:
            del lines[i]
        elif op == 1 and lines:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2 and len(lines) > 1:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            run = rng.choice(RUNS) * rng.randint(1, 3000)
            lines.insert(i, run.encode() + b"\n")
        elif op == 4 and lines:
            b = bytearray(lines[i])
            for _ in range(rng.randint(1, 5)):
                if b:
                    b[rng.randrange(len(b))] = rng.randrange(256)
            lines[i] = bytes(b)
        elif op == 5 and lines:
            lines = lines[: rng.randrange(len(lines))]
        elif op == 6:
            lines.insert(i, ("      " + "б" * rng.randint(100, 5000) + "x" + "\n").encode())
    return b"".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    sources = [p.read_bytes().splitlines(keepends=True) for p in sorted(act_paths(), key=lambda p: p.stat().st_size)[:2]]
    crashes: list[str] = []
    refused = 0
    slowest = (0.0, 0)
    t0 = time.perf_counter()
    for k in range(args.n):
        data = mutate(rng.choice(sources), rng)
        t = time.perf_counter()
        try:
            ct = clean_bytes(data, source=f"fuzz-{k}")
            list(extract(ct, read_act(ct).act).positions)
        except InputError:
            refused += 1
        except Exception:  # noqa: BLE001 - that is what we count
            crashes.append(traceback.format_exc())
        slowest = max(slowest, (time.perf_counter() - t, k))
    total = time.perf_counter() - t0
    print(f"{args.n} mutated acts (seed {args.seed}): {len(crashes)} crashes, {refused} refused as bad input, "
          f"{total:.0f} s ({args.n / total:.1f} acts/s), slowest act #{slowest[1]} {slowest[0]:.2f} s")
    for tb in crashes[:3]:
        print(tb)
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
