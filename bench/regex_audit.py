"""Audit every compiled regular expression in kzqual for super-linear matching (issue 10, part 3).

Imports every module under ``kzqual``, collects the compiled patterns held at module level (also
inside dicts, lists and tuples), and times ``finditer`` (what ``sub``/``findall`` do) over
generated hostile subjects of ``n`` and ``4 n`` characters: runs of one character (letters of
both scripts, space, digits, punctuation, ``«``), alternations (``aа``, ``а `` ...) and the
pattern's own literal words repeated, each followed by a character that fails the match.  A
pattern is reported when the 4 n subject takes more than ``--factor`` times the n subject and
more than ``--floor`` seconds (linear growth is 4x; quadratic is 16x).

    .venv/bin/python bench/regex_audit.py [--n 2000] [--factor 8] [--floor 0.02] [--all]
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time

import kzqual

_RUNS = ["а", "a", "A", "Ә", " ", "\t", "\u00a0", "7", "-", ".", ",", ";", ":", "«", "»", '"', "(",
         ")", "/", "№", "\n", "_", "'", "С", "R", "1."]
_MIXES = ["aа", "а ", "а-", "а.", "а,", "1 ", "1.1", "а\n", " \n", "«а", "а a", "С-", "- ", ". ",
          "А ", "Аа ", "а7"]
_TAILS = ["!", "", "a", "а", "\n", "»"]


def patterns() -> list[tuple[str, re.Pattern]]:
    found: dict[int, tuple[str, re.Pattern]] = {}

    def visit(where: str, obj, depth: int = 0) -> None:
        if isinstance(obj, re.Pattern):
            found.setdefault(id(obj), (where, obj))
        elif depth < 3 and isinstance(obj, dict):
            for k, v in obj.items():
                visit(f"{where}[{k!r:.20}]", v, depth + 1)
        elif depth < 3 and isinstance(obj, (list, tuple, set, frozenset)):
            for i, v in enumerate(obj):
                visit(f"{where}[{i}]", v, depth + 1)

    for info in pkgutil.walk_packages(kzqual.__path__, "kzqual."):
        if ".migrations" in info.name:
            continue
        try:
            mod = importlib.import_module(info.name)
        except Exception as exc:  # noqa: BLE001 - an optional module; say so and go on
            print(f"skip {info.name}: {exc}", file=sys.stderr)
            continue
        for name, value in vars(mod).items():
            visit(f"{info.name}.{name}", value)
    return sorted(found.values(), key=lambda t: t[0])


def _literals(p: re.Pattern) -> list[str]:
    """Literal words in the pattern's source (what the pattern is most likely to chew on)."""
    src = p.pattern if isinstance(p.pattern, str) else ""
    words = re.findall(r"[^\W\d_]{2,}", re.sub(r"\\[a-zA-Z]", " ", src))
    return list(dict.fromkeys(words))[:12]


def subjects(p: re.Pattern, n: int) -> list[tuple[str, str]]:
    out = []
    units = _RUNS + _MIXES + [w + " " for w in _literals(p)] + [w for w in _literals(p)]
    for unit in units:
        body = unit * max(1, n // len(unit))
        for tail in _TAILS:
            out.append((f"{unit!r}*{len(body)}+{tail!r}", body + tail))
    return out


def _time(p: re.Pattern, s: str) -> float:
    t = time.perf_counter()
    for _ in p.finditer(s):
        pass
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--factor", type=float, default=8.0)
    ap.add_argument("--floor", type=float, default=0.02)
    ap.add_argument("--all", action="store_true", help="print every pattern's worst subject")
    args = ap.parse_args()
    pats = [(w, p) for w, p in patterns() if isinstance(p.pattern, str)]
    bad = 0
    t0 = time.perf_counter()
    for where, p in pats:
        worst = (0.0, 0.0, "")
        for label, s in subjects(p, args.n):
            small = _time(p, s)
            if small < args.floor / 16 and not args.all:
                continue  # fast at n: even 16x growth would stay under the floor at 4 n
            big = _time(p, (s[:-1] if s and s[-1] in "".join(_TAILS) else s) * 4 + (s[-1:] if s else ""))
            if big > worst[1]:
                worst = (small, big, label)
        small, big, label = worst
        flag = big > args.floor and big > args.factor * max(small, 1e-6)
        if flag or args.all:
            print(f"{'SLOW ' if flag else '     '}{where}: {label}: n {small * 1e3:.1f} ms, "
                  f"4n {big * 1e3:.1f} ms  /{p.pattern[:90]}/")
        bad += flag
    print(f"{len(pats)} patterns, {bad} super-linear, n={args.n}, {time.perf_counter() - t0:.0f} s")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
