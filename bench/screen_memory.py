"""Peak memory of ``kzqual screen --all`` as a real process (issue 12: the output must stream).

Writes ``--profiles`` synthetic profiles (``synthetic.profiles``, JSON Lines) once into a cache
folder, then runs ``kzqual screen FILE --act <the five bundled acts> --all --include-repealed
--out OUT`` in a child process with the sources given by ``--src`` (so the same script measures
an older checkout: ``--src /work/main/src``) and prints its wall time, peak RSS (the child's
``ru_maxrss``) and the output's size.

    .venv/bin/python bench/screen_memory.py [--profiles 100000] [--out csv|parquet] [--src PATH]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def write_profiles(path: Path, n: int) -> None:
    from kzqual.rules import synthetic
    from kzqual.rules import taxonomy as tx

    tax = tx.bundled()
    tmp = path.with_suffix(".part")
    with tmp.open("w", encoding="utf-8") as fh:
        for start in range(0, n, 10_000):
            for p in synthetic.profiles(min(10_000, n - start), tax, seed=start):
                fh.write(p.model_dump_json(exclude_none=True) + "\n")
    tmp.replace(path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--profiles", type=int, default=100_000)
    ap.add_argument("--out", choices=("csv", "parquet"), default="csv")
    ap.add_argument("--src", default=str(Path(__file__).resolve().parents[1] / "src"),
                    help="the kzqual sources the child process runs")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "kzqual-bench"))
    args = ap.parse_args()

    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    people = cache / f"profiles-{args.profiles}.jsonl"
    if not people.exists():
        t = time.perf_counter()
        write_profiles(people, args.profiles)
        print(f"wrote {args.profiles:,} profiles to {people} in {time.perf_counter() - t:.1f} s")
    acts = sorted((Path(args.src) / "kzqual" / "data" / "acts").glob("*.txt"))
    out = cache / f"verdicts.{args.out}"
    cmd = [sys.executable, "-m", "kzqual.cli", "screen", str(people), "--all", "--out", str(out),
           "--as-of", "2024-01-01"]
    for a in acts:
        cmd += ["--act", str(a)]
    env = dict(os.environ, PYTHONPATH=args.src)
    help_text = subprocess.run([sys.executable, "-m", "kzqual.cli", "screen", "--help"], env=env,
                               capture_output=True, text=True).stdout
    if "--include-repealed" in help_text:  # the seeds' acts are repealed today: screen them all
        cmd.append("--include-repealed")
    t = time.perf_counter()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(r.stdout.strip() or r.stderr.strip()[-500:])
    print(f"screen --all, {args.profiles:,} profiles, --out {args.out}, sources {args.src}: "
          f"exit {r.returncode}, wall {wall:.1f} s, peak RSS {rss:,.0f} MiB, "
          f"output {out.stat().st_size / 2**20:,.0f} MiB" if out.exists() else "no output")
    with open("/proc/loadavg") as fh:
        print("load average:", fh.read().split()[:3])


if __name__ == "__main__":
    main()
