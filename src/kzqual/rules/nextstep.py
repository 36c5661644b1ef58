"""The next step after a "not met": what is missing, the closest alternative, and the date the
person meets it if their current post continues ("meets alternative 3 on 2027-04-01").

Pure functions over a compiled tree and a person's metrics.  Time only adds service: whether a tree
is met on a later date (:func:`kzqual.rules.metrics.project`) can only go from not met to met, so
the first such date is found by bisection over days, each probe one reference evaluation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from kzqual.i18n import LANGS, t
from kzqual.rules import tree as T
from kzqual.rules.evaluate import Verdict, _localise, explain, status
from kzqual.rules.metrics import Metrics, project, required_days
from kzqual.rules.policy import DEFAULT, Policy


@dataclass
class NextStep:
    meets_on: date | None  # first day the post is met if the current post continues; None: not by time
    alternative: str | None  # machine label of the closest alternative ("alternative 3"), if any
    title: dict[str, str]  # that alternative for people, per language
    missing: list[Verdict] = field(default_factory=list)  # not-met leaves of that alternative, today
    summary: dict[str, str] = field(default_factory=dict)  # one sentence per language
    # the service the alternative asks for: {"metric", "years", "label": {lang: text}} (for the timeline)
    required: list[dict] = field(default_factory=list)
    # every alternative of the same choice, for the timeline: {"title": {lang}, "status", "chosen",
    # "required": [...]}; empty when the post offers no choice of service
    alternatives: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        d: dict = {"meets_on": self.meets_on.isoformat() if self.meets_on else None,
                   "alternative": self.alternative, "summary": self.summary,
                   "missing": [{"reason": v.reason, "act": v.act, "lines": list(v.lines) if v.lines else None,
                                **({"missing_years": round(v.shortfall, 2)} if v.shortfall is not None else {})}
                               for v in self.missing]}
        if self.title:
            d["title"] = self.title
        if self.required:
            d["required"] = self.required
        if self.alternatives:
            d["alternatives"] = self.alternatives
        return d


def max_years(tree: T.Tree) -> float:
    if isinstance(tree, T.Leaf):
        return tree.logic.min_years if isinstance(tree.logic, T.Years) else 0.0
    return max((max_years(c) for c in tree.children), default=0.0)


def meets_on(tree: T.Tree, m: Metrics, policy: Policy = DEFAULT,
             evaluate: Callable[[Metrics], int] | None = None) -> date | None:
    """The first day after ``m.as_of`` the tree is met if running periods continue; None if not
    within the longest service it asks for, or if nothing is running."""
    if not any(p.continues_to for p in m.periods):
        return None
    ev = evaluate or (lambda mm: status(tree, mm, policy))
    # After the longest service the tree asks for, every length a running period feeds is long
    # enough: not met by then, time alone never meets it (education, a qualifier, a closed period).
    horizon = required_days(max_years(tree)) + 1
    if ev(project(m, m.as_of + timedelta(days=horizon))) != T.MET:
        return None
    lo, hi = 0, horizon  # not met at lo (today), met at hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if ev(project(m, m.as_of + timedelta(days=mid))) == T.MET:
            hi = mid
        else:
            lo = mid
    return m.as_of + timedelta(days=hi)


def _alternatives(tree: T.Tree, v: Verdict) -> list[tuple[T.Node, Verdict]]:
    """The any-of nodes (experience alternatives, grade rungs) with their verdicts, outermost first
    (:func:`explain` builds verdicts in the tree's shape)."""
    out = []
    queue: list[tuple[T.Tree, Verdict]] = [(tree, v)]
    while queue:
        n, nv = queue.pop(0)
        if isinstance(n, T.Node):
            if n.op == "any" and n.children:
                out.append((n, nv))
            queue.extend(zip(n.children, nv.children))
    return out


def _leaves(v: Verdict) -> list[Verdict]:
    return [v] if not v.children else [x for c in v.children for x in _leaves(c)]


def _leaves_not_met(v: Verdict) -> list[Verdict]:
    if not v.children:
        return [v] if v.status == T.NOT_MET else []
    return [x for c in v.children for x in _leaves_not_met(c)]


_UNSET = object()


def next_step(tree: T.Tree, m: Metrics, policy: Policy = DEFAULT, now: Verdict | None = None,
              day: date | None | object = _UNSET) -> NextStep | None:
    """The next step for a "not met" verdict (None for met or undetermined ones); ``day`` is
    :func:`meets_on` when the caller has it already."""
    now = now or explain(tree, m, policy)
    if now.status != T.NOT_MET:
        return None
    if day is _UNSET:
        day = meets_on(tree, m, policy)
    chosen: tuple[T.Tree, Verdict] | None = None
    within: Verdict | None = None  # the any-of node the chosen alternative belongs to
    alternatives = [(n, nv) for n, nv in _alternatives(tree, now) if nv.status != T.MET]
    if day is not None:
        then = project(m, day)
        # the alternative that turns met: the first met child of an any-of node not met today
        for n, nv in alternatives:
            hit = next((i for i, c in enumerate(n.children) if status(c, then, policy) == T.MET), None)
            if hit is not None:
                chosen, within = (n.children[hit], nv.children[hit]), nv
                break
    elif alternatives:
        # not by time alone: the cheapest alternative (fewest years missing) of the first open choice
        n, nv = alternatives[0]
        i = min(range(len(nv.children)), key=lambda k: (nv.children[k].gap, -nv.children[k].status))
        chosen, within = (n.children[i], nv.children[i]), nv
    missing = now.missing()
    if chosen is not None and within is not None:
        # the chosen alternative's gaps instead of the cheapest path's within that choice; what is
        # missing outside it (a level of education) stays listed
        inside = {id(x) for x in _leaves(within)}
        missing = [x for x in missing if id(x) not in inside] + _leaves_not_met(chosen[1])
    title = chosen[1].title if chosen is not None else {}
    return NextStep(day, chosen[1].label if chosen is not None else None, title, missing,
                    _summary(day, title, missing), _required(chosen[0] if chosen is not None else tree),
                    _each_alternative(tree, now, chosen[0] if chosen is not None else None))


def _each_alternative(tree: T.Tree, now: Verdict, chosen: T.Tree | None) -> list[dict]:
    """The service each alternative of the choice that holds ``chosen`` asks for (the first choice
    asking for any service when nothing is chosen), so a picture can set the person's periods
    against every alternative, not only the closest one."""
    choices = _alternatives(tree, now)
    holder = next(((n, nv) for n, nv in choices if chosen is not None and any(c is chosen for c in n.children)),
                  None)
    if holder is None:
        holder = next(((n, nv) for n, nv in choices if any(_required(c) for c in n.children)), None)
    if holder is None:
        return []
    n, nv = holder
    return [{"title": cv.title or {lang: cv.label for lang in LANGS}, "status": cv.status_name,
             "chosen": c is chosen, "required": _required(c)}
            for c, cv in zip(n.children, nv.children) if _required(c)]


def _required(tree: T.Tree) -> list[dict]:
    out: list[dict] = []
    if isinstance(tree, T.Leaf):
        lg = tree.logic
        if isinstance(lg, T.Years):
            what = ("grade", lg.key) if lg.metric == "grade" else ("kind", lg.metric)
            out.append({"metric": lg.metric, "key": lg.key, "years": lg.min_years,
                        "label": {lang: _localise(what, lang) for lang in LANGS}})
        return out
    for c in tree.children:
        out += [r for r in _required(c) if r not in out]
    return out


def _summary(day: date | None, title: dict[str, str], missing: list[Verdict]) -> dict[str, str]:
    out = {}
    for lang in LANGS:
        alt = _lower_first(title.get(lang, ""), lang)
        if day is not None:
            key = "nextstep.meets_alternative_on" if alt else "nextstep.meets_on"
            out[lang] = t(key, lang, alternative=alt, date=day.isoformat())
        else:
            what = "; ".join(v.reason.get(lang, "") for v in missing) or "—"
            key = "nextstep.not_by_time_alternative" if alt else "nextstep.not_by_time"
            out[lang] = t(key, lang, alternative=alt, missing=what)
    return out


def _lower_first(text: str, lang: str) -> str:
    # "Alternative 3" inside a sentence: "meets alternative 3"; Kazakh "3-нұсқа" has no capital
    return text[:1].lower() + text[1:] if text and lang in ("en", "ru") else text
