"""One person against many posts: who qualifies, who nearly does and what is missing.

Posts sharing requirements share one compiled signature, evaluated once per person (leaves memoised),
so matching against 100,000 posts costs as many evaluations as there are distinct requirement sets.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from kzqual.positions.model import Position
from kzqual.rules import tree as T
from kzqual.rules.evaluate import Verdict, eval_leaf, explain
from kzqual.rules.metrics import Metrics
from kzqual.rules.nextstep import NextStep, meets_on, next_step
from kzqual.rules.vector import RuleSet


def _sig_eval(sig: tuple, m: Metrics, rules: RuleSet, memo: dict) -> tuple[int, float]:
    hit = memo.get(sig)
    if hit is not None:
        return hit
    if sig[0] == "L":
        o = eval_leaf(T.Leaf(sig[1], ""), m, rules.policy)
        gap = 0.0 if o.status != T.NOT_MET else (o.shortfall if o.shortfall is not None else math.inf)
        res = (o.status, gap)
    else:
        parts = [_sig_eval(c, m, rules, memo) for c in sig[1]]
        if sig[0] == "all":
            res = (T.kleene_all(p[0] for p in parts), sum(p[1] for p in parts))
        else:
            res = (T.kleene_any(p[0] for p in parts), min(p[1] for p in parts))
    memo[sig] = res
    return res


def statuses(rules: RuleSet, m: Metrics) -> tuple[np.ndarray, np.ndarray]:
    """(status int8, gap years float) for every post of ``rules``."""
    memo: dict = {}
    st = np.empty(len(rules.signatures), np.int8)
    gap = np.empty(len(rules.signatures), np.float64)
    for j, sig in enumerate(rules.signatures):
        st[j], gap[j] = _sig_eval(sig, m, rules, memo)
    return st[rules.sig_ids], gap[rules.sig_ids]


_CAT = re.compile(r"(\d+)")


def seniority(pos: Position) -> float:
    """Smaller = more senior category (C-1 before C-5); unknown categories last."""
    m = _CAT.search(pos.category or "")
    return float(m.group(1)) if m else 99.0


def _seniority(rules: RuleSet) -> np.ndarray:
    cached = getattr(rules, "_seniority", None)
    if cached is None or len(cached) != len(rules.positions):
        cached = np.fromiter((seniority(p) for p in rules.positions), np.float64, len(rules.positions))
        rules._seniority = cached  # computed once per rule set: ranking must not loop over posts
    return cached


@dataclass
class MatchItem:
    position: Position
    status: int
    gap: float
    verdict: Verdict | None = None
    act_status: object | None = None  # rules.act_status.ActStatus on the as-of date, when attached
    meets_on: date | None = None  # near misses: the day met if the current post continues
    next: NextStep | None = None

    def as_dict(self) -> dict:
        p = self.position
        d = {"id": p.id, "title": p.title, "act": p.act_key, "category": p.category_raw or p.category,
             "status": T.STATUS_NAME[self.status]}
        if self.act_status is not None:
            from kzqual.rules.act_status import banner

            d["act_in_force"] = self.act_status.in_force
            b = banner(self.act_status)
            if b is not None:  # a verdict under an act not in force says so, naming the repealing act
                d["act_status"] = b
        if self.status == T.NOT_MET:
            d["meets_on"] = self.meets_on.isoformat() if self.meets_on else None
        if self.next is not None:
            d["next_step"] = self.next.as_dict()
        if self.verdict is not None:
            if self.status == T.NOT_MET:
                d["gap_years"] = round(self.gap, 2)
                d["missing"] = [_leaf_dict(v) for v in self.verdict.missing()]
            elif self.status == T.UNDETERMINED:
                d["open"] = [_leaf_dict(v) for v in _open_leaves(self.verdict)]
            rung = _best_rung(self.verdict)
            if rung:
                d["rung"] = rung
        return d


def _leaf_dict(v: Verdict) -> dict:
    d = {"reason": v.reason, "act": v.act, "lines": list(v.lines) if v.lines else None}
    if v.shortfall is not None:
        d["missing_years"] = round(v.shortfall, 2)
    if v.policy:
        d["policy"] = v.policy
    return d


def _open_leaves(v: Verdict) -> list[Verdict]:
    if not v.children:
        return [v] if v.status == T.UNDETERMINED else []
    if v.criterion == "any":
        kids = [c for c in v.children if c.status == T.UNDETERMINED]
        return _open_leaves(kids[0]) if kids else []
    return [x for c in v.children for x in _open_leaves(c)]


def _best_rung(v: Verdict) -> str | None:
    for c in v.children:
        if c.label == "grades":
            for r in c.children:  # rungs are in the act's order: highest first
                if r.status == T.MET:
                    return r.label.removeprefix("rung ")
    return None


def attach_act_status(res: MatchResult, status_of) -> MatchResult:
    """Give every listed item its act's status (``status_of(act_key) -> ActStatus``, asked once
    per act), so that a verdict under an act not in force carries its banner."""
    memo: dict = {}
    for items in (res.qualified, res.possible, res.near):
        for it in items:
            key = it.position.act_key
            if key not in memo:
                memo[key] = status_of(key)
            it.act_status = memo[key]
    return res


@dataclass
class MatchResult:
    qualified: list[MatchItem] = field(default_factory=list)
    possible: list[MatchItem] = field(default_factory=list)
    near: list[MatchItem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"counts": self.counts, "qualified": [i.as_dict() for i in self.qualified],
                "possible": [i.as_dict() for i in self.possible], "near_misses": [i.as_dict() for i in self.near]}


def match(rules: RuleSet, m: Metrics, *, near_years: float = 2.0, limit: int | None = 50,
          explain_items: bool = True) -> MatchResult:
    st, gap = statuses(rules, m)
    order_sen = _seniority(rules)
    res = MatchResult(counts={"met": int((st == T.MET).sum()), "undetermined": int((st == T.UNDETERMINED).sum()),
                              "not_met": int((st == T.NOT_MET).sum())})
    idx = np.arange(len(st))

    def pick(mask: np.ndarray, keys: tuple[np.ndarray, ...]) -> list[int]:
        sel = idx[mask]
        if keys:
            sel = sel[np.lexsort(tuple(k[mask] for k in reversed(keys)))]
        return sel[:limit].tolist() if limit is not None else sel.tolist()

    near = (st == T.NOT_MET) & (gap <= near_years)
    # Near misses first by the day they are met if the current post continues (never: last).
    dates = _meets_on_dates(rules, m, idx[near])
    by_sig = np.full(len(rules.signatures), np.inf)
    for sid, d in dates.items():
        if d is not None:
            by_sig[sid] = d.toordinal()
    day = by_sig[rules.sig_ids]
    groups = (
        (res.qualified, pick(st == T.MET, (order_sen, idx))),
        (res.possible, pick(st == T.UNDETERMINED, (order_sen, idx))),
        (res.near, pick(near, (day, gap, order_sen, idx))),
    )
    for out, sel in groups:
        for i in sel:
            v = explain(rules.trees[i], m, rules.policy) if explain_items else None
            item = MatchItem(rules.positions[i], int(st[i]), float(gap[i]), v)
            if st[i] == T.NOT_MET:
                item.meets_on = dates.get(int(rules.sig_ids[i]))
                if v is not None:
                    item.next = next_step(rules.trees[i], m, rules.policy, v, item.meets_on)
            out.append(item)
    return res


def _meets_on_dates(rules: RuleSet, m: Metrics, sel: np.ndarray) -> dict[int, date | None]:
    """The day each distinct requirement set among ``sel`` is met if the current post continues."""
    out: dict[int, date | None] = {}
    base: dict = {}  # today's memo: leaves time does not change (education, qualifiers) are read here
    memos: dict[date, dict] = {}  # projected day -> memo of the leaves and nodes time does change
    # one post per distinct requirement set (posts repeated across acts share one)
    sids, first = np.unique(rules.sig_ids[sel], return_index=True)
    for sid, i in zip(sids.tolist(), sel[first].tolist()):
        sig = rules.signatures[sid]

        def ev(mm: Metrics, sig=sig) -> int:
            return _probe(sig, mm, m, rules, base, memos.setdefault(mm.as_of, {}))

        out[sid] = meets_on(rules.trees[i], m, rules.policy, ev)
    return out


def _probe(sig: tuple, mm: Metrics, today: Metrics, rules: RuleSet, base: dict, memo: dict) -> int:
    hit = memo.get(sig)
    if hit is not None:
        return hit
    if sig[0] == "L":
        res = _sig_eval(sig, mm if isinstance(sig[1], T.Years) else today, rules, memo if isinstance(sig[1], T.Years)
                        else base)[0]
    else:
        parts = (_probe(c, mm, today, rules, base, memo) for c in sig[1])
        res = T.kleene_all(parts) if sig[0] == "all" else T.kleene_any(parts)
    memo[sig] = res
    return res
