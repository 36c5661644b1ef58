"""Eligibility over the registry: the rules engine (:mod:`kzqual.rules`) fed from the store.

Compiled rule sets are cached per (registry content, in-force date, policy): compiling every post
is the expensive part, and the registry changes only on ingest.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from kzqual.errors import InputError

_lock = threading.Lock()
_CACHE_SIZE = 8


def _policy(values: dict[str, str] | None):
    from kzqual.rules.policy import parse_policy

    return parse_policy([f"{k}={v}" for k, v in (values or {}).items()])


def _taxonomy():
    from kzqual.rules import taxonomy as tx

    return tx.bundled()


def _references(store: Any):
    from kzqual.rules.sources import StoreReferences

    return StoreReferences(store)


def _registry_version(store: Any) -> tuple:
    return tuple((s.key, s.version, s.content_hash) for s in store.list_acts())


def rule_set(app: Any, store: Any, *, in_force_on: str | None, policy_values: dict[str, str] | None,
             act: str | None = None, category: str | None = None):
    """The compiled :class:`kzqual.rules.RuleSet` for the registry's posts (cached)."""
    from kzqual.rules.compile import Compiler
    from kzqual.rules.vector import RuleSet

    policy = _policy(policy_values)
    key = (_registry_version(store), in_force_on, tuple(sorted(policy.as_dict().items())), act, category)
    cache: OrderedDict = app.state.__dict__.setdefault("rule_sets", OrderedDict())
    with _lock:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    posts = list(store.iter_positions(in_force_on, act_key=act or None, category=category or None))
    rules = RuleSet.build(posts, Compiler(_taxonomy(), _references(store)), policy)
    with _lock:
        cache[key] = rules
        while len(cache) > _CACHE_SIZE:
            cache.popitem(last=False)
    return rules


def check(store: Any, profile: dict, position_id: str, *, as_of: dt.date | None,
          policy_values: dict[str, str] | None) -> dict:
    from kzqual.rules import act_status, check_next
    from kzqual.rules.profile import parse_profile

    prof = parse_profile(profile)
    policy = _policy(policy_values)
    pos = store.get_position(position_id)
    day = as_of or dt.date.today()
    v, nxt = check_next(prof, pos, as_of=day, taxonomy=_taxonomy(), references=_references(store), policy=policy)
    st = act_status.from_store(store, pos.act_key, day)
    return {
        "position": {"id": pos.id, "title": pos.title, "act": pos.act_key,
                     "category": pos.category_raw or pos.category},
        "as_of": day.isoformat(),
        "policy": policy.as_dict(),
        "status": v.status_name,
        # a post of an act not in force on ``as_of`` cannot ground a real appointment (README `rules`)
        "act_in_force": st.in_force,
        "act_status": st.as_dict(),
        "verdict": v.as_dict(),
        # for a "not met": what is missing, the closest alternative, the day met if the post continues
        "next_step": nxt.as_dict() if nxt is not None else None,
    }


def match(app: Any, store: Any, profile: dict, *, as_of: dt.date | None, in_force_on: str | None,
          near_years: float, limit: int, policy_values: dict[str, str] | None, offset: int = 0,
          include_repealed: bool = False) -> dict:
    """Posts the profile qualifies for: by default only posts of acts in force on ``in_force_on``
    (default: the as-of date); ``include_repealed`` takes every act, and each item under an act
    not in force then carries ``act_in_force: false`` and ``act_status`` (its banner)."""
    from kzqual.rules import act_status
    from kzqual.rules.match import attach_act_status
    from kzqual.rules.match import match as run_match
    from kzqual.rules.metrics import compute_metrics
    from kzqual.rules.profile import parse_profile

    prof = parse_profile(profile)
    day = as_of or dt.date.today()
    filter_day = None if include_repealed else (in_force_on or day.isoformat())
    rules = rule_set(app, store, in_force_on=filter_day, policy_values=policy_values)
    res = run_match(rules, compute_metrics(prof, day, _taxonomy().resolve), near_years=near_years,
                    limit=offset + limit)
    attach_act_status(res, lambda key: act_status.from_store(store, key, day))
    # One page of each ranked group; ``counts`` are the whole groups' sizes.
    def page(items: list) -> list[dict]:
        return [i.as_dict() for i in items[offset:offset + limit]]

    return {"as_of": day.isoformat(), "in_force_on": filter_day, "policy": _policy(policy_values).as_dict(),
            "offset": offset,
            "limit": limit, "counts": res.counts, "qualified": page(res.qualified),
            "possible": page(res.possible), "near_misses": page(res.near)}


def banners(store: Any, rules: Any, day: dt.date) -> dict[str, dict]:
    """post id -> the banner its rows carry when its act is not in force on ``day``."""
    from kzqual.rules import act_status

    by_act = {key: act_status.banner(act_status.from_store(store, key, day))
              for key in dict.fromkeys(p.act_key for p in rules.positions)}
    return {p.id: {"act_in_force": False, "act_status": by_act[p.act_key]}
            for p in rules.positions if by_act[p.act_key] is not None}


def screen_lines(rules: Any, lines: Iterator[bytes], *, as_of: dt.date, include_all: bool,
                 chunk: int, max_profiles: int) -> Iterator[dict]:
    """Decisions for a stream of JSON Lines profiles, chunk by chunk (so the answer streams).

    Yields one dict per (profile, post) decision — met and undetermined, plus not_met with
    ``include_all`` — and one ``{"line": n, "error": ...}`` per unusable line; never stops on one.
    """
    import numpy as np

    from kzqual.rules import tree as T
    from kzqual.rules.columnar import Builder, metric_columns
    from kzqual.rules.profile import parse_profile
    from kzqual.rules.vector import evaluate

    names = {T.MET: "met", T.UNDETERMINED: "undetermined", T.NOT_MET: "not_met"}
    resolve = _taxonomy().resolve
    post_ids = [p.id for p in rules.positions]
    # Profiles go into columns and each chunk's metrics are computed at once, as ``kzqual screen``
    # does (kzqual.rules.screen), instead of one compute_metrics call per person.
    batch = Builder()
    meta: list[tuple[int, str | None]] = []
    seen = 0

    def flush() -> Iterator[dict]:
        nonlocal batch
        if not batch.n:
            return
        n = batch.n
        res = evaluate(rules, metric_columns(batch.build(), as_of, rules.specs, resolve), n)
        mask = np.ones(res.shape, bool) if include_all else res != T.NOT_MET
        for i, j in zip(*np.nonzero(mask), strict=True):
            line, pid = meta[i]
            yield {"line": line, "profile_id": pid, "position_id": post_ids[j], "status": names[int(res[i, j])]}
        batch = Builder()
        meta.clear()

    for no, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen += 1
        if seen > max_profiles:
            yield {"line": no, "error": f"more than {max_profiles} profiles in one request; the rest were not read"}
            break
        try:
            prof = parse_profile(raw, source=f"line {no}")
        except InputError as exc:
            yield from flush()  # keep the answer in line order
            yield {"line": no, "error": exc.problem}
            continue
        batch.add(prof)
        meta.append((no, prof.id))
        if batch.n >= chunk:
            yield from flush()
    yield from flush()
