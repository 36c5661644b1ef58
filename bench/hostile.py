"""Hostile input: how long each reader stage takes on pathological lines (issue 10, part 3).

Each case is an ~80 KB act file: the head of a bundled act (so every stage has real work to do)
followed by pathological lines -- one very long word with a Latin letter, long runs of spaces,
letter-spaced lines, thousands of ``«``, long hyphen/dot/digit runs, ... .  For every case the
script times the stages the registry runs on an uploaded file: ``text.read`` (decode + clean),
``paragraphs`` + ``restore_displaced`` (join), ``acts.read_act`` (act), ``positions.extract``
(positions) and a full ``Store.ingest_file`` into a fresh SQLite file (ingest, which repeats
the reading).  Prints wall seconds per stage and the whole pipeline's lines per second.

    .venv/bin/python bench/hostile.py [--size 80000] [--case NAME ...] [--limit SECONDS]

``--limit`` makes the script exit 1 when any case's pipeline takes longer (a smoke check).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "security"))  # the cases, shared with the tests

from hostile_cases import HEAD_ACT, pathological_cases  # noqa: E402


def _time(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def run_case(path: Path, workdir: Path) -> dict[str, float]:
    from kzqual.acts import read_act
    from kzqual.positions import extract
    from kzqual.store import open_store
    from kzqual.text import paragraphs, read, restore_displaced

    ct, t_text = _time(lambda: read(path))
    _, t_join = _time(lambda: restore_displaced(paragraphs(ct)))
    parsed, t_act = _time(lambda: read_act(ct))
    _, t_pos = _time(lambda: list(extract(ct, parsed.act).positions))
    db = workdir / f"{path.stem}.db"
    with open_store(db) as store:
        _, t_ingest = _time(lambda: store.ingest_file(path))
    return {"lines": len(ct.raw_lines), "text": t_text, "join": t_join, "act": t_act,
            "positions": t_pos, "ingest": t_ingest}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=80_000, help="bytes of pathological text per case")
    ap.add_argument("--case", action="append", help="run only these cases")
    ap.add_argument("--limit", type=float, default=None, help="fail if a pipeline takes longer")
    args = ap.parse_args()
    cases = pathological_cases(args.size)
    if args.case:
        cases = {k: v for k, v in cases.items() if k in args.case}
    worst = 0.0
    print(f"head: {HEAD_ACT}; {args.size} bytes of pathological text per case; wall seconds")
    print(f"{'case':26s} {'KB':>5s} {'lines':>6s} {'text':>7s} {'join':>7s} {'act':>7s} "
          f"{'posit.':>7s} {'ingest':>7s} {'lines/s':>8s}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, text in cases.items():
            path = work / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            r = run_case(path, work)
            pipeline = r["text"] + r["act"] + r["positions"]
            worst = max(worst, pipeline, r["ingest"])
            print(f"{name:26s} {path.stat().st_size / 1000:5.0f} {r['lines']:6d} {r['text']:7.2f} "
                  f"{r['join']:7.2f} {r['act']:7.2f} {r['positions']:7.2f} {r['ingest']:7.2f} "
                  f"{r['lines'] / max(pipeline, 1e-9):8.0f}", flush=True)
    if args.limit is not None and worst > args.limit:
        print(f"FAIL: a case took {worst:.1f} s (limit {args.limit} s)")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
