"""Metamorphic tests over every post of the bundled acts and generated profiles (issue 12).

* adding a period of service, an academic degree or an education entry at a higher level never
  turns ``met`` into ``not_met``; removing one never turns ``not_met`` into ``met``;
* a profile with a fact unknown (a period's grade, post or field, an education entry's specialty, a
  stated answer) is never more certain than the same profile with the fact known: wherever the
  unknown profile is met or not met, the known one has the same verdict;
* the vectorised evaluation gives exactly the per-pair verdicts on the same profiles (the new
  conditions included: programme levels, "оның ішінде" scope, posts of grade ladders).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzqual.bundled import acts_dir
from kzqual.positions import extract_file
from kzqual.rules import taxonomy as tx
from kzqual.rules import tree as T
from kzqual.rules.compile import Compiler, References
from kzqual.rules.evaluate import status
from kzqual.rules.metrics import compute_metrics
from kzqual.rules.policy import Policy
from kzqual.rules.profile import Profile

AS_OF = date(2024, 1, 1)
ACTS = ("ru-mod-2017-134.txt", "kk-mes-2014-161.txt", "kk-ara-2014-9.txt", "kk-mebp-2014-75.txt")
LEVELS = ["general_secondary", "technical_vocational", "post_secondary", "higher", "postgraduate"]
# bare grade words and posts apart, so that blanking one leaves it genuinely unknown
GRADES = ["высшей категории", "первой категории", "второй категории", "без категории", "С-4", "С-3", "C-R-1"]
POSTS = ["инспектор", "бухгалтер", "старший инспектор", "бас маман"]
WORK_FIELDS = ["Хатшылық", "Экономика және қаржы департаменті", "құқықтану"]
SPECIALTIES = ["экономика", "құқықтану", "Юриспруденция", "ветеринария"]
POLICIES = (Policy(), Policy(higher_grade_counts="yes", field_tags_count="yes", education_above_counts="no"))


@lru_cache(maxsize=1)
def world():
    """(taxonomy, one tree per distinct requirement set of every bundled act, the rule sets)."""
    from kzqual.rules.vector import RuleSet

    tax = tx.bundled()
    posts = [p for name in ACTS for p in extract_file(acts_dir() / name).positions]
    comp = Compiler(tax, References(posts))
    seen, trees = set(), []
    for p in posts:
        t = comp.compile(p)
        if T.signature(t) not in seen:
            seen.add(T.signature(t))
            trees.append(t)
    rulesets = {pol: RuleSet.build(posts, Compiler(tax, References(posts)), pol) for pol in POLICIES}
    return tax, trees, rulesets


def statuses(prof: Profile, policy: Policy = POLICIES[0]) -> list[int]:
    tax, trees, _ = world()
    m = compute_metrics(prof, AS_OF, tax.resolve)
    return [status(t, m, policy) for t in trees]


work_entry = st.builds(
    lambda start, length, open_, ss, sb, lead, grade, post, field: {
        "employer": "E", "state_service": ss, "state_body": sb, "leadership": lead, "grade": grade, "post": post,
        "field": field, "start": (AS_OF - timedelta(days=start)).isoformat(),
        "end": None if open_ else (AS_OF - timedelta(days=start) + timedelta(days=length)).isoformat()},
    st.integers(1, 365 * 12), st.integers(0, 365 * 6), st.booleans(), st.booleans(), st.booleans(),
    st.booleans(), st.sampled_from(GRADES), st.sampled_from(POSTS), st.sampled_from(WORK_FIELDS),
)
edu_entry = st.builds(
    lambda level, field, fp, ac: {"level": level, "field": field, "foreign_priority_programme": fp,
                                  "academy_state_order": ac},
    st.sampled_from(LEVELS), st.sampled_from(SPECIALTIES), st.booleans(), st.booleans(),
)
raw_profiles = st.fixed_dictionaries({
    "education": st.lists(edu_entry, max_size=3), "work": st.lists(work_entry, max_size=4),
    "academic_degree": st.one_of(st.none(), st.just({"kind": "PhD"})),
    "special_training": st.booleans(), "computer_skills": st.booleans(),
})
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _monotone(before: list[int], after: list[int]) -> None:
    """``after`` has one more fact than ``before``: met never becomes not_met — which, read from
    ``after`` to ``before`` (removing the fact), is that not_met never becomes met."""
    for i, (b, a) in enumerate(zip(before, after, strict=True)):
        assert not (b == T.MET and a == T.NOT_MET), i


@SETTINGS
@given(raw_profiles, work_entry)
def test_adding_a_period_of_service(raw, extra):
    before = Profile.model_validate(raw)
    after = Profile.model_validate({**raw, "work": [*raw["work"], extra]})
    for pol in POLICIES:
        _monotone(statuses(before, pol), statuses(after, pol))


@SETTINGS
@given(raw_profiles)
def test_adding_an_academic_degree(raw):
    before = Profile.model_validate({**raw, "academic_degree": None})
    after = Profile.model_validate({**raw, "academic_degree": {"kind": "PhD"}})
    _monotone(statuses(before), statuses(after))


@SETTINGS
@given(raw_profiles, edu_entry)
def test_adding_an_education_entry_at_a_higher_level(raw, extra):
    top = max((LEVELS.index(e["level"]) for e in raw["education"]), default=-1)
    extra = {**extra, "level": LEVELS[min(top + 1, len(LEVELS) - 1)]}
    before = Profile.model_validate(raw)
    after = Profile.model_validate({**raw, "education": [*raw["education"], extra]})
    for pol in POLICIES:
        _monotone(statuses(before, pol), statuses(after, pol))


def _blank(raw: dict, what: str, i: int) -> dict | None:
    """``raw`` with one fact made unknown (None if the profile has no such fact)."""
    if what in ("grade", "post", "field"):
        if not raw["work"]:
            return None
        work = [dict(w) for w in raw["work"]]
        work[i % len(work)][what] = "" if what == "post" else None
        return {**raw, "work": work}
    if what == "specialty":
        if not raw["education"]:
            return None
        edu = [dict(e) for e in raw["education"]]
        edu[i % len(edu)]["field"] = None
        return {**raw, "education": edu}
    return {**raw, what: None}  # special_training / computer_skills: not stated


@SETTINGS
@given(raw_profiles, st.sampled_from(["grade", "post", "field", "specialty", "special_training",
                                      "computer_skills"]), st.integers(0, 3))
def test_an_unknown_fact_is_never_more_certain_than_the_known_one(raw, what, i):
    blanked = _blank(raw, what, i)
    if blanked is None:
        return
    known, unknown = Profile.model_validate(raw), Profile.model_validate(blanked)
    # work fields decide only when the profile's field tags are counted (policy field_tags_count=yes:
    # an untagged period is then, by that policy, not in the field); under the default they never decide
    policies = POLICIES[:1] if what == "field" else POLICIES
    for pol in policies:
        k, u = statuses(known, pol), statuses(unknown, pol)
        for j, (x, y) in enumerate(zip(k, u, strict=True)):
            assert y == T.UNDETERMINED or x == y, (what, pol, j, x, y)


@SETTINGS
@given(st.lists(raw_profiles, min_size=1, max_size=4))
def test_vectorised_equals_per_pair_on_every_post(raws):
    from kzqual.rules.columnar import from_profiles, metric_columns
    from kzqual.rules.vector import columns, evaluate

    tax, _, rulesets = world()
    people = [Profile.model_validate(r) for r in raws]
    ms = [compute_metrics(p, AS_OF, tax.resolve) for p in people]
    for pol, rules in rulesets.items():
        ref = np.array([[status(t, m, pol) for t in rules.trees] for m in ms], np.int8)
        assert np.array_equal(evaluate(rules, columns(ms, rules.specs), len(ms)), ref)
        cols = metric_columns(from_profiles(people), AS_OF, rules.specs, tax.resolve)
        assert np.array_equal(evaluate(rules, cols, len(ms)), ref)
