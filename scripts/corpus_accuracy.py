"""Accuracy report of the readers on real acts (issue 11): prints the tables and writes docs/corpus.md.

    PYTHONPATH=src .venv/bin/python scripts/corpus_accuracy.py [--write docs/corpus.md] [--details]

Runs the readers' public entry points on every act of ``tests/corpus/expected/`` and compares
their values with the values a person read from the acts (tests/corpus/accuracy.py).  The floors
in tests/corpus/test_accuracy.py are these figures, rounded down, when they were last raised.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus import accuracy as A  # noqa: E402

INTRO = ROOT / "tests" / "corpus" / "report_intro.md"  # method and split (hand-written)
ANALYSIS = ROOT / "tests" / "corpus" / "report_analysis.md"  # what the figures say (hand-written)


def pct(t: dict[str, int]) -> str:
    return f"{100 * A.accuracy(t):.1f} %" if t["checks"] else "–"


def field_table(results, scope: str) -> list[str]:
    sets = ("tuning", "held_out")
    per = {s: A.by_field(results, scope, s) for s in sets}
    fields = [f for f in (A.META_FIELDS if scope == "metadata" else A.POST_FIELDS)
              if any(f in per[s] for s in sets)]
    out = ["| field | tuning: checks | right | wrong | missing | accuracy | held-out: checks | right | wrong | missing | accuracy |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    totals = {s: {"checks": 0, A.RIGHT: 0, A.WRONG: 0, A.MISSING: 0} for s in sets}
    for f in fields:
        row = [f"`{f}`"]
        for s in sets:
            t = per[s].get(f, {"checks": 0, A.RIGHT: 0, A.WRONG: 0, A.MISSING: 0})
            for k in totals[s]:
                totals[s][k] += t[k]
            row += [str(t["checks"]), str(t[A.RIGHT]), str(t[A.WRONG]), str(t[A.MISSING]), pct(t)]
        out.append("| " + " | ".join(row) + " |")
    row = ["**all**"]
    for s in sets:
        t = totals[s]
        row += [str(t["checks"]), str(t[A.RIGHT]), str(t[A.WRONG]), str(t[A.MISSING]), f"**{pct(t)}**"]
    out.append("| " + " | ".join(row) + " |")
    return out


def act_table(results) -> list[str]:
    out = ["| act | set | lang | metadata right / checks | posts expected | read | lost | lost without warning | extra | post checks right / checks |",
           "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        m = A.tally([c for c in r.checks if c.scope == "metadata"])
        p = A.tally([c for c in r.checks if c.scope == "post"])
        posts = "–" if r.expected_posts is None else str(r.expected_posts)
        read = "–" if r.expected_posts is None else str(r.read_posts)
        lost = "–" if r.expected_posts is None else str(len(r.lost))
        unw = "–" if r.expected_posts is None else (", ".join(r.lost_unwarned) or "0")
        extra = "–" if r.expected_posts is None else str(r.extra_posts)
        pc = "–" if not p["checks"] else f"{p[A.RIGHT]} / {p['checks']}"
        err = " (not read: " + "; ".join(e.split(":")[0] for e in r.errors) + ")" if r.errors else ""
        out.append(f"| {r.folder}{err} | {r.set} | {r.language} | {m[A.RIGHT]} / {m['checks']} | {posts} | {read} | "
                   f"{lost} | {unw} | {extra} | {pc} |")
    return out


def gaps(results, limit: int = 4) -> list[str]:
    """Every field below 99 %, with a few of its failing checks (expected vs read)."""
    out = []
    for scope in ("metadata", "post"):
        fails: dict[str, list] = defaultdict(list)
        totals: dict[str, list] = defaultdict(list)
        for r in results:
            for c in r.checks:
                if c.scope != scope:
                    continue
                totals[c.field].append(c)
                if c.outcome != A.RIGHT and not (scope == "post" and c.field != "found" and c.got is None
                                                  and any(x.field == "found" and x.post == c.post
                                                          and x.outcome != A.RIGHT for x in r.checks
                                                          if x.language == c.language)):
                    fails[c.field].append(c)
        for f, checks in totals.items():
            t = A.tally(checks)
            if A.accuracy(t) >= 0.99:
                continue
            if not fails[f]:
                out.append(f"* `{scope}.{f}`: {pct(t)} right — every failing check is a lost post's (see `found`)")
                continue
            out.append(f"* `{scope}.{f}`: {pct(t)} right ({t[A.WRONG]} wrong, {t[A.MISSING]} missing) — e.g.")
            for c in fails[f][:limit]:
                where = f"{c.folder} {c.language}" + (f" post {c.post}" if c.post else "")
                out.append(f"  * {where}: {c.outcome}; expected `{_short(c.expected)}`, read `{_short(c.got)}`")
    return out


def _short(v, n: int = 90) -> str:
    s = str(v).replace("|", "/").replace("`", "'")
    return s if len(s) <= n else s[: n - 1] + "…"


def render(results, readers: str | None = None) -> str:
    head = readers or subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h"], capture_output=True,
                                     text=True).stdout.strip()
    lost_t = sum(len(r.lost) for r in results if r.set == "tuning")
    lost_h = sum(len(r.lost) for r in results if r.set == "held_out")
    unw_t = sum(len(r.lost_unwarned) for r in results if r.set == "tuning")
    unw_h = sum(len(r.lost_unwarned) for r in results if r.set == "held_out")
    parts = [INTRO.read_text(encoding="utf-8").rstrip(), "",
             f"## Figures", "",
             f"Measured {dt.date.today().isoformat()} on `{head}` (Python {platform.python_version()}), "
             f"`PYTHONPATH=src .venv/bin/python scripts/corpus_accuracy.py --write docs/corpus.md`.", "",
             "### Metadata, per field", "", *field_table(results, "metadata"), "",
             "### Posts, per field (the three orders approving qualification requirements)", "",
             *field_table(results, "post"), "",
             f"Posts lost: {lost_t} in tuning acts, {lost_h} in held-out acts; **lost without a warning: "
             f"{unw_t} (tuning), {unw_h} (held-out)** — the aim is 0.", "",
             "### Per act and language", "", *act_table(results), "",
             "### Fields below 99 % (generated: the failing checks, expected vs read)", "", *gaps(results), "",
             ANALYSIS.read_text(encoding="utf-8").rstrip(), ""]
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", type=Path, help="write the report (Markdown) to this file")
    ap.add_argument("--details", action="store_true", help="print every failing check")
    ap.add_argument("--readers", help="what the readers measured are (default: this checkout's commit)")
    args = ap.parse_args(argv)
    results = A.evaluate()
    text = render(results, args.readers)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    print(text)
    if args.details:
        for r in results:
            for c in r.checks:
                if c.outcome != A.RIGHT:
                    print(r.folder, r.language, c.scope, c.post or "", c.field, c.outcome, _short(c.expected),
                          "->", _short(c.got))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
