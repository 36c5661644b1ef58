"""The eligibility engine: does a person meet a post's qualification requirements?

Public API::

    parse_profile(json) / load_profile(path) -> Profile        # docs/profile.schema.json
    compute_metrics(profile, as_of, taxonomy.resolve) -> Metrics
    Compiler(taxonomy, References(positions)).compile(position) -> rule tree
    explain(tree, metrics, policy) -> Verdict                   # met / not_met / undetermined, cited
    check(profile, position, ...) -> Verdict                    # the three steps above
    check_next(profile, position, ...) -> (Verdict, NextStep)   # + for "not met": the next step
    RuleSet.build(positions, compiler, policy); match(rules, metrics) -> MatchResult
    vector.columns(...) / vector.evaluate(...)                  # bulk screening over columns
    taxonomy.derive(positions) / taxonomy.bundled() / taxonomy.load(path)

Verdicts use Kleene three-valued logic (all-of = min, any-of = max); what the acts leave open is
decided by an explicit :class:`Policy` whose default is ``undetermined``.
"""

from __future__ import annotations

from datetime import date

from kzqual.positions.model import Position
from kzqual.rules.compile import Compiler, References
from kzqual.rules.evaluate import Verdict, explain
from kzqual.rules.match import MatchResult, match
from kzqual.rules.metrics import Metrics, compute_metrics
from kzqual.rules.nextstep import NextStep, next_step
from kzqual.rules.policy import DEFAULT, Policy, parse_policy
from kzqual.rules.profile import Profile, json_schema, load_profile, parse_profile
from kzqual.rules.taxonomy import Taxonomy, derive
from kzqual.rules.vector import RuleSet


def check(profile: Profile, position: Position, *, as_of: date | None = None, taxonomy: Taxonomy | None = None,
          references: References | None = None, policy: Policy = DEFAULT) -> Verdict:
    """The explained verdict of ``profile`` for ``position`` on ``as_of`` (default today)."""
    tree, m = _prepare(profile, position, as_of, taxonomy, references)
    return explain(tree, m, policy)


def _prepare(profile: Profile, position: Position, as_of: date | None, taxonomy: Taxonomy | None,
             references: References | None):
    from kzqual.rules import taxonomy as tx

    tax = taxonomy if taxonomy is not None else tx.bundled()
    m = compute_metrics(profile, as_of or date.today(), tax.resolve)
    return Compiler(tax, references).compile(position), m


def check_next(profile: Profile, position: Position, *, as_of: date | None = None, taxonomy: Taxonomy | None = None,
               references: References | None = None, policy: Policy = DEFAULT) -> tuple[Verdict, NextStep | None]:
    """:func:`check` and, for a "not met", the next step (closest alternative, the day it is met
    if the current post continues)."""
    tree, m = _prepare(profile, position, as_of, taxonomy, references)
    v = explain(tree, m, policy)
    return v, next_step(tree, m, policy, v)


__all__ = [
    "DEFAULT",
    "Compiler",
    "MatchResult",
    "Metrics",
    "Policy",
    "Profile",
    "References",
    "RuleSet",
    "Taxonomy",
    "Verdict",
    "check",
    "check_next",
    "NextStep",
    "next_step",
    "compute_metrics",
    "derive",
    "explain",
    "json_schema",
    "load_profile",
    "match",
    "parse_policy",
    "parse_profile",
]
