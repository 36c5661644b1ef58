"""Vectorised evaluation: rule trees as column predicates over a metrics matrix (OpenFisca-style).

Each profile becomes one row of columns (days of state service, days in each grade, a bitmask of
education levels per accepted specialty, flags...); each distinct rule tree (posts with the same
requirements share one) is evaluated once per chunk of profiles with int8 arrays — 1 met,
0 undetermined, -1 not met; all-of = minimum, any-of = maximum — and spread to its posts by a
gather.  The semantics are those of :mod:`kzqual.rules.evaluate` (a test checks they agree).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from kzqual.positions.model import Position
from kzqual.rules import tree as T
from kzqual.rules.compile import Compiler
from kzqual.rules.evaluate import POLICY_STATUS, grade_open_how, level_bits, level_status, within_parts
from kzqual.rules.metrics import Metrics, required_days
from kzqual.rules.policy import DEFAULT, Policy

Spec = tuple  # ("days", metric, key) | ("grade", key, or_higher) | ("edu", key) | ("edu_unk",) | ("edu_all",) | ("flag", kind)
# | ("days_of", ((metric, key), ...)): days of periods meeting every part ("оның ішінде" scope)
# | ("grade_post", grade, post stem, how): days in a grade held in a post (Metrics.grade_post_days)
# | ("flag_ranks", kind): bitmask of the education ranks held with a study flag
FLAG_KINDS = ("foreign_priority_programme", "academy_postgraduate_state_order", "academic_degree")
STUDY_KINDS = ("foreign_priority_programme", "academy_postgraduate_state_order")  # flags per education entry


def _leaves(sig: tuple) -> Iterable[T.Logic]:
    if sig[0] == "L":
        yield sig[1]
    else:
        for c in sig[1]:
            yield from _leaves(c)


def specs_for(logic: T.Logic, policy: Policy) -> list[Spec]:
    if isinstance(logic, T.Education):
        out: list[Spec] = [("edu_all",), ("edu_unk",)]
        out += [("edu", k) for k in sorted((logic.targets or frozenset()) | logic.partial)]
        return out
    if isinstance(logic, T.Years):
        if logic.within is not None:
            return [_within_spec(logic, policy)]
        if logic.metric == "field":
            return [("days", "field", logic.key)] if policy.field_tags_count == "yes" else [("days", "work", None)]
        if logic.metric == "grade":
            out = [("grade_post", logic.key, logic.post, "met"),
                   ("grade_post", logic.key, logic.post, grade_open_how(policy))]
            if logic.key != "any_ladder":
                out.append(("grade_post", logic.key, logic.post, "higher"))
            return out
        return [("days", logic.metric, None)]
    if isinstance(logic, T.Qualifier) and logic.kind in STUDY_KINDS:
        return [("flag_ranks", logic.kind)]
    if isinstance(logic, T.Qualifier) and logic.kind in FLAG_KINDS:
        return [("flag", logic.kind)]
    if isinstance(logic, T.Stated):
        return [("stated", logic.kind)]
    return []


def _within_spec(logic: T.Years, policy: Policy) -> Spec:
    parts, _ = within_parts(logic, policy)
    return ("days", *parts[0]) if len(parts) == 1 else ("days_of", parts)


@dataclass
class RuleSet:
    """Posts compiled once: their trees, the distinct tree signatures, and the columns they read."""

    positions: list[Position]
    trees: list[T.Node]
    signatures: list[tuple]
    sig_ids: np.ndarray  # post index -> signature index
    specs: list[Spec]
    policy: Policy

    @classmethod
    def build(cls, positions: Sequence[Position], compiler: Compiler, policy: Policy = DEFAULT) -> RuleSet:
        trees = [compiler.compile(p) for p in positions]
        index: dict[tuple, int] = {}
        by_children: dict[int, int] = {}  # id(children tuple) -> signature index (memoised compiles)
        ids = np.empty(len(trees), dtype=np.int32)
        for i, tr in enumerate(trees):
            j = by_children.get(id(tr.children))
            if j is None:
                j = by_children[id(tr.children)] = index.setdefault(T.signature(tr), len(index))
            ids[i] = j
        sigs = list(index)
        specs: dict[Spec, None] = {}
        for s in sigs:
            for lg in _leaves(s):
                for sp in specs_for(lg, policy):
                    specs.setdefault(sp, None)
        return cls(list(positions), trees, sigs, ids, list(specs), policy)


# ---------------------------------------------------------------- metrics -> columns
def columns(metrics: Sequence[Metrics], specs: Sequence[Spec]) -> dict[Spec, np.ndarray]:
    """The metrics matrix for ``metrics`` (one row each), as named columns."""
    n = len(metrics)
    cols: dict[Spec, np.ndarray] = {}
    edu_keys = {sp[1] for sp in specs if sp[0] == "edu"}
    for sp in specs:
        kind = sp[0]
        if kind == "days":
            cols[sp] = np.fromiter((m.days(sp[1], sp[2]) for m in metrics), np.int32, n)
        elif kind == "days_of":
            cols[sp] = np.fromiter((m.days_of(sp[1]) for m in metrics), np.int32, n)
        elif kind == "grade":
            cols[sp] = np.fromiter((m.grade_days(sp[1], sp[2]) for m in metrics), np.int32, n)
        elif kind == "grade_post":
            cols[sp] = np.fromiter((m.grade_post_days(sp[1], sp[2], sp[3]) for m in metrics), np.int32, n)
        elif kind == "flag":
            attr = {"foreign_priority_programme": "has_foreign_priority",
                    "academy_postgraduate_state_order": "has_academy_state_order",
                    "academic_degree": "academic_degree"}[sp[1]]
            cols[sp] = np.fromiter((bool(getattr(m, attr)) for m in metrics), np.bool_, n)
        elif kind == "flag_ranks":  # bitmask of the education ranks held with the flag
            cols[sp] = np.fromiter((m.flagged_ranks(sp[1]) for m in metrics), np.uint8, n)
        elif kind == "stated":  # 1 stated yes, -1 stated no, 0 not stated
            cols[sp] = np.fromiter((_tri_value(m.stated.get(sp[1])) for m in metrics), np.int8, n)
        elif kind in ("edu_all", "edu_unk", "edu"):
            cols[sp] = np.zeros(n, np.uint8)
    for i, m in enumerate(metrics):
        for e in m.education:
            bit = 1 << e.rank
            if ("edu_all",) in cols:
                cols[("edu_all",)][i] |= bit
            if e.keys is None:
                if ("edu_unk",) in cols:
                    cols[("edu_unk",)][i] |= bit
            else:
                for k in e.keys & edu_keys:
                    cols[("edu", k)][i] |= bit
    return cols


def _tri_value(v: bool | None) -> int:
    return T.UNDETERMINED if v is None else (T.MET if v else T.NOT_MET)


# ---------------------------------------------------------------- column predicates
def _edu_table(logic: T.Education, policy: Policy) -> np.ndarray:
    """Status for every pair (hit mask, open mask) of education-level bitmasks: a 32x32 table.

    ``hit``: levels held in an accepted specialty; ``open``: levels held where the field cannot be
    decided.  The best entry wins (any-of over entries), as in the per-pair evaluation.
    """
    ls = [level_status(rank, logic.ranks, policy) for rank in range(5)]
    table = np.full(1024, T.NOT_MET, np.int8)
    for hit in range(32):
        for und in range(32):
            best = T.NOT_MET
            for rank in range(5):
                if hit >> rank & 1:
                    best = max(best, ls[rank])
                elif und >> rank & 1:
                    best = max(best, min(ls[rank], T.UNDETERMINED))
            table[hit << 5 | und] = best
    return table


_TABLES: dict[tuple, np.ndarray] = {}


def _edu(logic: T.Education, cols: dict[Spec, np.ndarray], policy: Policy, n: int) -> np.ndarray:
    all_ = cols[("edu_all",)]
    if logic.relevant:
        hit = np.zeros(n, np.uint8)
        und = all_
    elif logic.targets is None:
        hit = all_
        und = np.zeros(n, np.uint8)
    else:
        hit = np.zeros(n, np.uint8)
        for k in logic.targets:
            hit |= cols[("edu", k)]
        und = all_ if logic.open_targets else cols[("edu_unk",)]
        for k in logic.partial:  # group named, specialty not: undetermined (as evaluate.field_status)
            und = und | cols[("edu", k)]
    key = (logic.ranks, policy.education_above_counts)
    table = _TABLES.get(key)
    if table is None:
        table = _TABLES[key] = _edu_table(logic, policy)
    return table[(hit.astype(np.uint16) << 5) | und]


def _tri(cond: np.ndarray, yes: int, no: int) -> np.ndarray:
    return np.where(cond, np.int8(yes), np.int8(no))


def eval_logic(logic: T.Logic, cols: dict[Spec, np.ndarray], policy: Policy, n: int) -> np.ndarray:
    if isinstance(logic, T.Education):
        return _edu(logic, cols, policy, n)
    if isinstance(logic, T.Years):
        need = required_days(logic.min_years)
        if logic.within is not None:
            _, bound = within_parts(logic, policy)
            return _tri(cols[_within_spec(logic, policy)] >= need, T.UNDETERMINED if bound else T.MET, T.NOT_MET)
        if logic.metric == "field":
            if policy.field_tags_count == "yes":
                return _tri(cols[("days", "field", logic.key)] >= need, T.MET, T.NOT_MET)
            return _tri(cols[("days", "work", None)] >= need, T.UNDETERMINED, T.NOT_MET)
        if logic.metric == "grade":
            exact = cols[("grade_post", logic.key, logic.post, "met")] >= need
            other = _tri(cols[("grade_post", logic.key, logic.post, grade_open_how(policy))] >= need,
                         T.UNDETERMINED, T.NOT_MET)
            if logic.key != "any_ladder":
                higher = _tri(cols[("grade_post", logic.key, logic.post, "higher")] >= need,
                              POLICY_STATUS[policy.higher_grade_counts], T.NOT_MET)
                np.maximum(other, higher, out=other)
            return np.where(exact, np.int8(T.MET), other)
        return _tri(cols[("days", logic.metric, None)] >= need, T.MET, T.NOT_MET)
    if isinstance(logic, T.Qualifier):
        if logic.kind in STUDY_KINDS:
            flagged = cols[("flag_ranks", logic.kind)]
            out = _tri(flagged & np.uint8(level_bits(logic.levels)), T.MET, T.NOT_MET)
            if logic.open_levels:
                out[(out == T.NOT_MET) & (flagged & np.uint8(level_bits(logic.open_levels)) != 0)] = T.UNDETERMINED
            return out
        if logic.kind not in FLAG_KINDS:
            return np.zeros(n, np.int8)
        return _tri(cols[("flag", logic.kind)], T.MET, T.NOT_MET)
    if isinstance(logic, T.Stated):
        return cols[("stated", logic.kind)]
    return np.full(n, logic.status, np.int8)


def eval_signature(sig: tuple, cols: dict[Spec, np.ndarray], policy: Policy, n: int,
                   memo: dict | None = None) -> np.ndarray:
    memo = {} if memo is None else memo
    if sig in memo:
        return memo[sig]
    if sig[0] == "L":
        res = eval_logic(sig[1], cols, policy, n)
    else:
        parts = [eval_signature(c, cols, policy, n, memo) for c in sig[1]]
        res = parts[0].copy()
        f = np.minimum if sig[0] == "all" else np.maximum
        for p in parts[1:]:
            f(res, p, out=res)
    memo[sig] = res
    return res


def evaluate(rules: RuleSet, cols: dict[Spec, np.ndarray], n: int) -> np.ndarray:
    """Statuses, shape (profiles, posts), int8 (a transposed view of a posts-major array)."""
    memo: dict = {}
    per_sig = np.empty((len(rules.signatures), n), np.int8)  # one contiguous row per distinct tree
    for j, sig in enumerate(rules.signatures):
        per_sig[j] = eval_signature(sig, cols, rules.policy, n, memo)
    return per_sig[rules.sig_ids].T
