"""Bulk screening benchmark: 1,000,000 synthetic profiles x every post of the five seeds.

Profiles are real records (columns of education entries and work periods, drawn by
``synthetic.profile_columns``).  Prints, for the vectorised engine — metrics computed from the
records with NumPy (interval unions per person) and int8 Kleene logic over the metrics matrix,
chunked — the metrics time, the evaluation time, their total as decisions per second, and peak
memory; for the straightforward per-person path (Profile objects -> compute_metrics -> per-pair
evaluation of the same rule trees) on the first ``--sample`` of the same people: decisions per
second, the ratio, and whether both give identical verdicts; and the time of ``match`` for one
profile against 100,000 posts.

    .venv/bin/python bench/screen.py [--profiles 1000000] [--sample 10000] [--chunk 100000]
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from datetime import date

import numpy as np

from kzqual.bundled import act_paths
from kzqual.positions import extract_file
from kzqual.rules import synthetic
from kzqual.rules.columnar import metric_columns
from kzqual.rules import taxonomy as tx
from kzqual.rules.compile import Compiler, References
from kzqual.rules.evaluate import status
from kzqual.rules.match import match
from kzqual.rules.metrics import compute_metrics
from kzqual.rules.policy import DEFAULT
from kzqual.rules.vector import RuleSet, evaluate

AS_OF = date(2024, 1, 1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--profiles", type=int, default=1_000_000)
    ap.add_argument("--sample", type=int, default=10_000)
    ap.add_argument("--chunk", type=int, default=100_000)
    ap.add_argument("--match-posts", type=int, default=100_000)
    args = ap.parse_args()

    posts = [p for path in act_paths() for p in extract_file(path).positions]
    tax = tx.bundled()
    t0 = time.perf_counter()
    rules = RuleSet.build(posts, Compiler(tax, References(posts)), DEFAULT)
    print(f"posts {len(posts)}, distinct rule trees {len(rules.signatures)}, metric columns {len(rules.specs)}, "
          f"compile {time.perf_counter() - t0:.2f} s")

    # ---- vectorised: 1M synthetic profile records (columns of education entries and work periods);
    # metrics (interval unions per person) and evaluation both vectorised and both timed
    tracemalloc.start()
    counts = np.zeros(3, np.int64)
    gen_s = metrics_s = eval_s = 0.0
    done = 0
    first = None  # the first chunk's people and verdicts: the per-pair baseline re-checks them
    while done < args.profiles:
        n = min(args.chunk, args.profiles - done)
        t = time.perf_counter()
        pc = synthetic.profile_columns(n, tax, seed=done)
        gen_s += time.perf_counter() - t
        t = time.perf_counter()
        cols = metric_columns(pc, AS_OF, rules.specs, tax.resolve)
        metrics_s += time.perf_counter() - t
        t = time.perf_counter()
        res = evaluate(rules, cols, n)
        counts += [np.count_nonzero(res == v) for v in (-1, 0, 1)]
        eval_s += time.perf_counter() - t
        if first is None:
            first = (pc, res[: args.sample].copy())
        done += n
        del res, cols, pc
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    decisions = args.profiles * len(posts)
    total_s = metrics_s + eval_s
    vec_rate = decisions / total_s
    print(f"vectorised: {args.profiles:,} profiles x {len(posts)} posts = {decisions:,} decisions; "
          f"metrics {metrics_s:.2f} s ({metrics_s / args.profiles * 1e6:.1f} us/profile) + evaluation {eval_s:.2f} s "
          f"= {total_s:.2f} s -> {vec_rate:,.0f} decisions/s (evaluation alone {decisions / eval_s:,.0f}/s); "
          f"generating the records {gen_s:.2f} s (not counted)")
    print(f"peak traced memory {peak / 2**20:.0f} MiB (max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB); "
          f"met {counts[2]:,} undetermined {counts[1]:,} not met {counts[0]:,}")

    # ---- per-pair: the same first profiles as Profile records through the ordinary per-person path
    pc, vec = first
    people = synthetic.to_profiles(pc, range(min(args.sample, pc.n)))
    t = time.perf_counter()
    ms = [compute_metrics(p, AS_OF, tax.resolve) for p in people]
    pm_s = time.perf_counter() - t
    t = time.perf_counter()
    ref = np.array([[status(tr, m) for tr in rules.trees] for m in ms], np.int8)
    pair_s = time.perf_counter() - t
    pair_rate = ref.size / (pm_s + pair_s)
    print(f"per-pair: {len(people):,} profiles x {len(posts)} posts = {ref.size:,} decisions; metrics {pm_s:.2f} s "
          f"({pm_s / len(ms) * 1e6:.0f} us/profile) + evaluation {pair_s:.2f} s -> {pair_rate:,.0f} decisions/s; "
          f"ratio vectorised/per-pair (total) = {vec_rate / pair_rate:,.0f}x; "
          f"identical verdicts on the sample: {bool(np.array_equal(ref, vec[: len(people)]))}")

    # ---- match: one profile against 100,000 posts (the seeds' posts repeated with new ids)
    reps = -(-args.match_posts // len(posts))
    many = [p.model_copy(update={"id": f"{p.id}#{k}"}) for k in range(reps) for p in posts][: args.match_posts]
    t = time.perf_counter()
    big = RuleSet.build(many, Compiler(tax, References(posts)), DEFAULT)
    build_s = time.perf_counter() - t
    match(big, ms[0], limit=20)  # warm-up: per-rule-set caches (seniority order)
    times = []
    for m in ms[:20]:
        t = time.perf_counter()
        match(big, m, limit=20)
        times.append(time.perf_counter() - t)
    print(f"match: 1 profile x {len(many):,} posts: median {np.median(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms (rule set compiled once in {build_s:.1f} s, "
          f"{len(big.signatures)} distinct trees)")


if __name__ == "__main__":
    main()
