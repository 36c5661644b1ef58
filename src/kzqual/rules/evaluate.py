"""Straightforward evaluation of one rule tree for one person, with reasons and citations.

This is the reference semantics; :mod:`kzqual.rules.vector` computes the same statuses over columns
for many people at once (and a test checks they agree).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from kzqual.i18n import LANGS, t
from kzqual.rules import tree as T
from kzqual.rules.metrics import DAYS_PER_YEAR, Metrics, required_days
from kzqual.rules.policy import DEFAULT, Policy

POLICY_STATUS = {"yes": T.MET, "no": T.NOT_MET, "undetermined": T.UNDETERMINED}
LEVEL_NAMES = ("general_secondary", "technical_vocational", "post_secondary", "higher", "postgraduate")
HIGHER, POSTGRAD = 3, 4


@dataclass
class Outcome:
    status: int
    reason: str  # message key
    params: dict = field(default_factory=dict)  # message parameters (raw, localised later)
    policy: str | None = None  # "name=value" of the policy that decided
    shortfall: float | None = None  # years missing (not_met years leaves)


# ---------------------------------------------------------------- education
def level_status(rank: int, ranks: frozenset[int], policy: Policy) -> int:
    if rank in ranks or (rank == POSTGRAD and HIGHER in ranks):
        return T.MET
    if rank > max(ranks):
        return POLICY_STATUS[policy.education_above_counts]
    return T.NOT_MET


def field_status(keys: frozenset[str] | None, logic: T.Education) -> int:
    if logic.relevant:
        return T.UNDETERMINED
    if logic.targets is None:
        return T.MET
    if keys is None:
        return T.UNDETERMINED
    if keys & logic.targets:
        return T.MET
    if keys & logic.partial:  # the person named the group only; the act lists specialties of it
        return T.UNDETERMINED
    return T.UNDETERMINED if logic.open_targets else T.NOT_MET


def eval_education(logic: T.Education, m: Metrics, policy: Policy) -> Outcome:
    if not m.education:
        return Outcome(T.NOT_MET, "rules.edu.none")
    best: tuple[int, int, int, int] | None = None  # (status, ls, fs, rank)
    best_keys = None
    for e in m.education:
        ls = level_status(e.rank, logic.ranks, policy)
        fs = field_status(e.keys, logic)
        cand = (min(ls, fs), ls, fs, e.rank)
        if best is None or cand[:3] > best[:3]:
            best, best_keys = cand, e.keys
    status, ls, fs, rank = best
    p = {"level": ("level", LEVEL_NAMES[rank])}
    if status == T.MET:
        return Outcome(T.MET, "rules.edu.met", p)
    if ls == T.NOT_MET:
        return Outcome(T.NOT_MET, "rules.edu.level_low", p)
    if fs == T.NOT_MET:
        return Outcome(T.NOT_MET, "rules.edu.field_mismatch", p)
    if ls != T.MET:
        return Outcome(ls, "rules.edu.level_above", p, f"education_above_counts={policy.education_above_counts}")
    if logic.relevant:
        return Outcome(T.UNDETERMINED, "rules.edu.relevant", p)
    return Outcome(T.UNDETERMINED, *_field_open_reason(best_keys, logic, p))


def _field_open_reason(keys: frozenset[str] | None, logic: T.Education, p: dict) -> tuple[str, dict]:
    """Which side leaves the field open: the person's specialty, or the requirement's names."""
    if keys is None:
        return "rules.edu.person_field_unknown", p
    if keys & logic.partial:
        return "rules.edu.person_group_only", p
    return "rules.edu.post_field_unknown", {**p, "names": "; ".join(logic.unknown) or "?"}


# ---------------------------------------------------------------- years
def within_parts(logic: T.Years, policy: Policy) -> tuple[tuple[tuple[str, str | None], ...], bool]:
    """The (metric, key) conjunction a scoped years leaf counts, and whether a field part was
    dropped because the profile's field tags do not count (``field_tags_count`` not ``yes``): then
    the days are an upper bound, which can refuse but never grant."""
    parts = ((logic.metric, logic.key), logic.within)
    if policy.field_tags_count == "yes":
        return tuple(dict.fromkeys(parts)), False
    kept = tuple(dict.fromkeys(p for p in parts if p[0] != "field"))
    return (kept or (("work", None),)), len(kept) < len(set(parts))


def eval_within(logic: T.Years, m: Metrics, policy: Policy) -> Outcome:
    need = logic.min_years
    parts, bound = within_parts(logic, policy)
    have = m.days_of(parts) / DAYS_PER_YEAR
    p = {"what": ("kind", logic.metric), "within": ("kind", logic.within[0]), "have": have, "need": need}
    pol = f"field_tags_count={policy.field_tags_count}" if bound or "field" in (logic.metric, logic.within[0]) \
        else None
    if m.days_of(parts) < required_days(need):
        return Outcome(T.NOT_MET, "rules.within.short", p, pol, need - have)
    if bound:
        return Outcome(T.UNDETERMINED, "rules.within.policy", p, pol)
    return Outcome(T.MET, "rules.within.met", p, pol)


def grade_open_how(policy: Policy) -> str:
    """Which periods may still make up years in a grade: higher grades too unless the policy says
    they do not count."""
    return "open" if policy.higher_grade_counts == "no" else "open_h"


def eval_grade(logic: T.Years, m: Metrics, policy: Policy) -> Outcome:
    """Years in a grade — in the post the rung names (MoD order 134, p.12: "стаж работы в должности
    инспектора второй категории"): met by periods known to be in that post and grade; a higher
    grade decides by policy; periods whose post or grade is not stated leave it undetermined."""
    need = logic.min_years
    need_days = required_days(need)
    what = ("grade", logic.key)
    met_days = m.grade_post_days(logic.key, logic.post, "met")
    have = met_days / DAYS_PER_YEAR
    if met_days >= need_days:
        return Outcome(T.MET, "rules.grade.met", {"grade": what, "have": have, "need": need})
    options: list[Outcome] = []
    if logic.key != "any_ladder":
        higher = m.grade_post_days(logic.key, logic.post, "higher")
        if higher >= need_days:
            st = POLICY_STATUS[policy.higher_grade_counts]
            options.append(Outcome(st, "rules.grade.higher",
                                   {"grade": what, "have": higher / DAYS_PER_YEAR, "need": need},
                                   f"higher_grade_counts={policy.higher_grade_counts}",
                                   None if st != T.NOT_MET else need - have))
    if m.grade_post_days(logic.key, logic.post, grade_open_how(policy)) >= need_days:
        # periods whose post or grade is not stated (or not readable) might be these
        options.append(Outcome(T.UNDETERMINED, "rules.grade.unknown", {"grade": what, "need": need}))
    best = max(options, key=lambda o: o.status, default=None)
    if best is not None and best.status != T.NOT_MET:
        return best
    return Outcome(T.NOT_MET, "rules.grade.short", {"grade": what, "have": have, "need": need}, None, need - have)


def eval_years(logic: T.Years, m: Metrics, policy: Policy) -> Outcome:
    if logic.within is not None:
        return eval_within(logic, m, policy)
    need = logic.min_years
    need_days = required_days(need)
    what = ("kind", logic.metric)
    if logic.metric == "field":
        if policy.field_tags_count == "yes":
            have = m.years("field", logic.key)
            if m.days("field", logic.key) >= need_days:
                return Outcome(T.MET, "rules.years.met", {"what": what, "have": have, "need": need},
                               "field_tags_count=yes")
            return Outcome(T.NOT_MET, "rules.years.short", {"what": what, "have": have, "need": need},
                           "field_tags_count=yes", need - have)
        work = m.years("work")
        if m.days("work") < need_days:
            return Outcome(T.NOT_MET, "rules.field.work_short", {"have": work, "need": need}, None, need - work)
        return Outcome(T.UNDETERMINED, "rules.field.policy", {"need": need},
                       f"field_tags_count={policy.field_tags_count}")
    if logic.metric == "grade":
        return eval_grade(logic, m, policy)
    have = m.years(logic.metric)
    if m.days(logic.metric) >= need_days:
        return Outcome(T.MET, "rules.years.met", {"what": what, "have": have, "need": need})
    return Outcome(T.NOT_MET, "rules.years.short", {"what": what, "have": have, "need": need}, None, need - have)


ALL_LEVELS = (1 << len(LEVEL_NAMES)) - 1


def level_bits(ranks: frozenset[int] | None) -> int:
    """Bitmask of education ranks (None = every level)."""
    return ALL_LEVELS if ranks is None else sum(1 << r for r in ranks)


def qualifier_status(logic: T.Qualifier, flagged: int) -> int:
    """A study qualifier's status from the ranks held with its flag (bitmask)."""
    if flagged & level_bits(logic.levels):
        return T.MET
    if flagged & level_bits(logic.open_levels):
        return T.UNDETERMINED
    return T.NOT_MET


def eval_qualifier(logic: T.Qualifier, m: Metrics) -> Outcome:
    p = {"qualifier": ("qualifier", logic.kind)}
    if logic.kind == "academic_degree":
        held = m.academic_degree
        return Outcome(T.MET if held else T.NOT_MET, "rules.qual.met" if held else "rules.qual.not_met", p)
    if logic.kind not in ("foreign_priority_programme", "academy_postgraduate_state_order"):
        return Outcome(T.UNDETERMINED, "rules.open.qualifier", p)
    flagged = m.flagged_ranks(logic.kind)
    st = qualifier_status(logic, flagged)
    if st == T.MET:
        return Outcome(T.MET, "rules.qual.met", p)
    if st == T.UNDETERMINED:
        return Outcome(T.UNDETERMINED, "rules.qual.level_open", p)
    if flagged:  # held, but at a programme level the act does not name
        return Outcome(T.NOT_MET, "rules.qual.level_other", p)
    return Outcome(T.NOT_MET, "rules.qual.not_met", p)


def eval_stated(logic: T.Stated, m: Metrics, params: dict) -> Outcome:
    held = m.stated.get(logic.kind)
    p = {"what": ("stated", logic.kind), **params}
    if held is None:
        return Outcome(T.UNDETERMINED, "rules.stated.unknown", p)
    return Outcome(T.MET if held else T.NOT_MET, "rules.stated.yes" if held else "rules.stated.no", p)


def eval_leaf(leaf: T.Leaf, m: Metrics, policy: Policy = DEFAULT) -> Outcome:
    lg = leaf.logic
    if isinstance(lg, T.Stated):
        return eval_stated(lg, m, _where(leaf))
    if isinstance(lg, T.Education):
        return eval_education(lg, m, policy)
    if isinstance(lg, T.Years):
        return eval_years(lg, m, policy)
    if isinstance(lg, T.Qualifier):
        return eval_qualifier(lg, m)
    params = {**_where(leaf), **dict(leaf.params)}
    if "phrase" in params:
        params["what"] = ("phrase", params["phrase"])
    return Outcome(lg.status, lg.reason, params)


def _where(leaf: T.Leaf) -> dict:
    """The act's words and lines a leaf rests on, for reasons that must name them."""
    words = " ".join(leaf.text.split())
    if len(words) > 160:
        words = words[:157] + "…"
    lines = f"{leaf.lines[0]}–{leaf.lines[1]}" if leaf.lines else "?"
    return {"words": words, "lines": lines}


def status(tree: T.Tree, m: Metrics, policy: Policy = DEFAULT) -> int:
    """The tree's three-valued status (no explanation): the per-pair reference evaluation."""
    if isinstance(tree, T.Leaf):
        lg = tree.logic
        if isinstance(lg, T.Fixed):  # no reason text needed: skip building it
            return lg.status
        if isinstance(lg, T.Stated):
            v = m.stated.get(lg.kind)
            return T.UNDETERMINED if v is None else (T.MET if v else T.NOT_MET)
        return eval_leaf(tree, m, policy).status
    vals = (status(c, m, policy) for c in tree.children)
    return T.kleene_all(vals) if tree.op == "all" else T.kleene_any(vals)


# ---------------------------------------------------------------- explanation
def _localise(value, lang: str):
    if isinstance(value, tuple):
        kind, key = value
        if kind == "grade" and key not in ("highest", "first", "second", "none", "any_ladder"):
            return key
        return t(f"rules.{kind}.{key}", lang)
    if isinstance(value, float):  # every float parameter is a length of service in years
        return years_phrase(value, lang)
    return value


def years_phrase(y: float, lang: str) -> str:
    """"1 year", "2.5 years"; "1 год", "3 года", "5 лет", "2,5 года"; "1 жыл" — numbers with their unit."""
    num = _years_text(y)
    if lang == "en":
        return f"{num} year" if num == "1" else f"{num} years"
    if lang == "ru":
        if "." in num:
            return f"{num.replace('.', ',')} года"
        k = int(num)
        if k % 10 == 1 and k % 100 != 11:
            return f"{k} год"
        if 2 <= k % 10 <= 4 and not 12 <= k % 100 <= 14:
            return f"{k} года"
        return f"{k} лет"
    return f"{num} жыл"


def _years_text(y: float) -> str:
    y = max(y, 0.0)
    r = round(y, 1)
    return str(int(r)) if r == int(r) else f"{r:.1f}"


def reason_texts(key: str, params: dict) -> dict[str, str]:
    return {lang: t(key, lang, **{k: _localise(v, lang) for k, v in params.items()}) for lang in LANGS}


@dataclass
class Verdict:
    """One node of an explained verdict (JSON-ready via :meth:`as_dict`)."""

    criterion: str
    label: str  # machine label: "alternative 2", "rung higher_qualification/first", a post id
    status: int
    reason: dict[str, str]
    act: str | None = None
    lines: tuple[int, int] | None = None
    text: str = ""
    policy: str | None = None
    shortfall: float | None = None
    gap: float = 0.0  # years still missing on the cheapest path (inf: not reachable by years alone)
    children: list[Verdict] = field(default_factory=list)
    title: dict[str, str] = field(default_factory=dict)  # the label for people, per language

    @property
    def status_name(self) -> str:
        return T.STATUS_NAME[self.status]

    def as_dict(self) -> dict:
        d = {"criterion": self.criterion, "label": self.label, "status": self.status_name,
             "reason": self.reason}
        if self.title:
            d["title"] = self.title
        if self.act:
            d["act"] = self.act
        if self.lines:
            d["lines"] = list(self.lines)
        if self.text:
            d["text"] = " ".join(self.text.split())
        if self.policy:
            d["policy"] = self.policy
        if self.shortfall is not None:
            d["missing_years"] = round(self.shortfall, 2)
        if self.children:
            d["children"] = [c.as_dict() for c in self.children]
        return d

    def missing(self) -> list[Verdict]:
        """The not-met leaves on the cheapest path to ``met`` (what the person lacks)."""
        if not self.children:
            return [self] if self.status == T.NOT_MET else []
        if self.criterion == "any":
            best = min(self.children, key=lambda c: (c.gap, -c.status))
            return best.missing()
        return [x for c in self.children for x in c.missing()]


def explain(tree: T.Tree, m: Metrics, policy: Policy = DEFAULT) -> Verdict:
    if isinstance(tree, T.Leaf):
        o = eval_leaf(tree, m, policy)
        gap = 0.0 if o.status != T.NOT_MET else (o.shortfall if o.shortfall is not None else math.inf)
        return Verdict(tree.criterion, tree.criterion, o.status, reason_texts(o.reason, o.params), tree.act_key,
                       tree.lines, tree.text, o.policy, o.shortfall, gap, [],
                       reason_texts(f"rules.label.{_LEAF_TITLE.get(tree.criterion, tree.criterion)}", {}))
    kids = [explain(c, m, policy) for c in tree.children]
    if tree.op == "all":
        st = T.kleene_all(k.status for k in kids)
        gap = sum(k.gap for k in kids)
    else:
        st = T.kleene_any(k.status for k in kids)
        gap = min((k.gap for k in kids), default=math.inf)
    key = f"rules.node.{tree.op}.{T.STATUS_NAME[st]}"
    return Verdict(tree.op, tree.label, st, reason_texts(key, dict(tree.meta)), None, tree.lines, "", None, None,
                   gap, kids, node_title(tree.label))


_LEAF_TITLE = {"reference": "experience"}


def node_title(label: str) -> dict[str, str]:
    """A node's machine label ("alternative 2", "rung middle_qualification/first") for people."""
    if label.startswith("alternative "):
        return reason_texts("rules.label.alternative", {"n": label.split()[-1]})
    if label.startswith("rung "):
        level, _, grade = label.removeprefix("rung ").partition("/")
        return {lang: t("rules.label.rung", lang, level=t(f"rules.qlevel.{level}", lang),
                        grade=t(f"rules.grade.{grade}", lang)) for lang in LANGS}
    if label.startswith("by reference: "):
        return reason_texts("rules.label.reference", {"act": label.removeprefix("by reference: ")})
    if label in ("experience", "grades", "education", "condition"):
        return reason_texts(f"rules.label.{label}", {})
    return reason_texts("rules.label.post", {"id": label})
