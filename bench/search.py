"""Registry benchmark: ingest rate and search latency at 100,000 posts, SQLite and PostgreSQL.

    .venv/bin/python bench/search.py [--posts 100000] [--queries 200] [--backends sqlite,postgresql]
                                     [--pg postgresql://...]

Builds a registry from the five bundled acts, then adds synthetic posts derived from the seeds'
posts (titles recombined with other departments, shuffled categories, duties borrowed from
other posts) with bulk inserts, and times a fixed set of queries per language (words and word
pairs taken from the posts, some inflected).  Without --pg a throw-away PostgreSQL cluster is
started (tests/pg.py).  Prints one line per figure.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from kzqual.bundled import act_paths  # noqa: E402
from kzqual.positions.model import Position  # noqa: E402
from kzqual.store import open_store  # noqa: E402
from kzqual.store.ingest import Pipeline, load  # noqa: E402
from kzqual.store.stem import WORD  # noqa: E402

RU_SUFFIXES = ["", "а", "у", "ом", "ов"]


def kk_inflect(word: str, rng: random.Random) -> str:
    """The stem of a word from the posts with a case or plural ending obeying vowel harmony
    and the voicing of the last sound (the forms a user types)."""
    from kzqual.store.stem import kk

    stem = kk.stem(word)
    back = (kk._last_vowel(stem) or "а") in kk.BACK
    last = stem[-1]
    if last in kk.VOWELS:
        options = ["лар", "ға", "ның", "да"] if back else ["лер", "ге", "нің", "де"]
    elif last in kk.VOICELESS:
        options = ["тар", "қа", "тың", "та"] if back else ["тер", "ке", "тің", "те"]
    elif last in "лрйу":
        options = ["лар", "ға", "дың", "да"] if back else ["лер", "ге", "дің", "де"]
    else:
        options = ["дар", "ға", "дың", "да"] if back else ["дер", "ге", "дің", "де"]
    return stem + rng.choice(["", *options])


def synthetic(seed_posts: list[Position], n: int, rng: random.Random, prefix: str = "syn"):
    cats = sorted({p.category for p in seed_posts if p.category})
    depts = sorted({p.department for p in seed_posts if p.department})
    by_lang: dict[str, list[Position]] = {}
    for p in seed_posts:
        by_lang.setdefault(p.act_key, []).append(p)
    for i in range(n):
        base = seed_posts[i % len(seed_posts)]
        other = rng.choice(by_lang[base.act_key])
        yield base.model_copy(update={
            "id": f"{prefix}-{i:06d}",
            "title": base.title if i % 3 else f"{base.title} ({other.title})",
            "department": rng.choice(depts) if (i % 2 and depts and base.department) else base.department,
            "category": rng.choice(cats) if i % 4 == 0 else base.category,
            "duties": base.duties[: max(1, len(base.duties) // 2)] + other.duties[:2],
            "numbers": [f"S-{i}"],
        })


def make_queries(posts: list[Position], lang: str, n: int, rng: random.Random) -> list[str]:
    words = sorted({w.lower() for p in posts for w in WORD.findall(p.title + " " + " ".join(p.duties[:2]))
                    if len(w) >= 5 and not w.isdigit()})
    queries = []
    for i in range(n):
        if i % 4 == 3:  # two words of one title, as printed
            p = rng.choice(posts)
            ws = [w for w in WORD.findall(p.title) if len(w) >= 4]
            queries.append(" ".join(ws[:2]) if ws else rng.choice(words))
        elif lang == "kk":
            queries.append(kk_inflect(rng.choice(words), rng))
        else:
            from kzqual.store.stem import ru

            queries.append(ru.stem(rng.choice(words)) + rng.choice(RU_SUFFIXES))
    return queries


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def run(name: str, url: str, n_posts: int, n_queries: int, log: Path | None = None,
        reuse: bool = False) -> None:
    rng = random.Random(1)
    store = open_store(url)
    if reuse and store.count_positions() > n_posts:
        # an already built registry (--reuse): time the queries only
        seed_posts = [p for p in store.iter_positions() if not p.id.startswith("syn-")]
        search_times(name, store, seed_posts, n_queries, rng, log)
        store.close()
        return
    # The parser layers' time and the store's own time, separately: parse once, remembered,
    # then time the registry writes alone.
    cache: dict = {}
    real = Pipeline()

    def parse(path, ct):
        cache[path] = real.parse(path, ct)
        return cache[path]

    def extract(ct, parsed):
        cache[parsed.act.key] = real.extract(ct, parsed)
        return cache[parsed.act.key]

    t = time.perf_counter()
    for path in act_paths():
        ct = load(path)
        extract(ct, parse(path, ct))
    t_parse = time.perf_counter() - t
    t = time.perf_counter()
    summary = store.ingest_paths(act_paths(), pipeline=Pipeline(
        parse=lambda path, ct: cache[path], extract=lambda ct, parsed: cache[parsed.act.key]))
    t_store = time.perf_counter() - t
    print(f"{name}: five seeds: read+parse+extract {t_parse:.2f} s (text/acts/positions layers), "
          f"registry writes {t_store:.2f} s (incl. re-reading the text), total {t_parse + t_store:.2f} s "
          f"({summary.positions} posts, {len(summary.failed)} failed)")
    seed_posts = list(store.iter_positions())
    t = time.perf_counter()
    added = 0
    for key in sorted({p.act_key for p in seed_posts}):
        posts = [p for p in seed_posts if p.act_key == key]
        share = round(n_posts * len(posts) / len(seed_posts))
        added += store.bulk_positions(key, synthetic(posts, share, rng, prefix=f"syn-{key}"))
    dt = time.perf_counter() - t
    from kzqual.store.search import after_bulk_load

    t = time.perf_counter()
    with store.engine.begin() as conn:
        after_bulk_load(conn, store.dialect)
    print(f"{name}: after_bulk_load (statistics, GIN pending lists) {time.perf_counter() - t:.1f} s")
    print(f"{name}: bulk ingest: {added} synthetic posts in {dt:.1f} s = {added / dt:,.0f} posts/s")
    search_times(name, store, seed_posts, n_queries, rng, log)
    store.close()


def search_times(name, store, seed_posts, n_queries: int, rng: random.Random, log: Path | None) -> None:
    import gc

    gc.collect()  # the garbage of building / reading 100,000 posts is not the searches' cost
    total = store.count_positions()
    rng = random.Random(2)  # its own stream: the same queries whether the registry was just built or reused
    lines = []
    for lang in ("kk", "ru"):
        posts = [p for p in seed_posts if (p.act_key == "reg-15125") == (lang == "ru")]
        queries = make_queries(posts, lang, n_queries, rng)
        store.search(queries[0], lang=lang)  # warm the caches once
        times, found = [], 0
        for q in queries:
            t = time.perf_counter()
            hits = store.search(q, lang=lang, limit=20)
            times.append((time.perf_counter() - t) * 1000)
            found += bool(hits)
            lines.append(f"{name}\t{lang}\t{times[-1]:.2f}\t{len(hits)}\t{q}")
        print(f"{name}: search {lang} at {total:,} posts, {len(queries)} queries ({found} with hits): "
              f"p50 {statistics.median(times):.1f} ms, p99 {pct(times, 0.99):.1f} ms, max {max(times):.1f} ms")
    if log:
        with log.open("a", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--pg", default=None, help="PostgreSQL URL (default: a throw-away cluster)")
    ap.add_argument("--log", type=Path, default=None,
                    help="append one line per query (backend, lang, ms, hits, query) to this file")
    ap.add_argument("--reuse", action="store_true",
                    help="with --pg: if the database already holds the registry, only time the queries")
    args = ap.parse_args()
    backends = args.backends.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        if "sqlite" in backends:
            run("sqlite", str(Path(tmp) / "bench.db"), args.posts, args.queries, args.log)
        if "postgresql" in backends:
            if args.pg:
                run("postgresql", args.pg, args.posts, args.queries, args.log, args.reuse)
            else:
                from pg import PgCluster

                cluster = PgCluster().start()
                try:
                    run("postgresql", cluster.url(cluster.create_db()), args.posts, args.queries, args.log)
                finally:
                    cluster.stop()


if __name__ == "__main__":
    main()
