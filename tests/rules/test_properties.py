"""Property-based tests: monotonicity in experience and education, and order independence."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzqual.bundled import acts_dir
from kzqual.positions import extract_file
from kzqual.rules import taxonomy as tx
from kzqual.rules import tree as T
from kzqual.rules.compile import Compiler
from kzqual.rules.evaluate import status
from kzqual.rules.metrics import compute_metrics
from kzqual.rules.profile import Profile

AS_OF = date(2024, 1, 1)
FIELDS = ["экономика", "құқықтану", "маркетинг", "ветеринария", None]
GRADES = ["инспектор первой категории", "инспектор второй категории", "без категории", "С-4", "С-3", None]
LEVELS = ["general_secondary", "technical_vocational", "post_secondary", "higher", "postgraduate"]


@lru_cache(maxsize=1)
def trees():
    """One tree per distinct requirement set of three acts (the 000 ladder, 001 alternatives, 004)."""
    tax = tx.bundled()
    comp = Compiler(tax)
    seen, out = set(), []
    for name in ("ru-mod-2017-134.txt", "kk-mes-2014-161.txt", "kk-ara-2014-9.txt"):
        for p in extract_file(acts_dir() / name).positions:
            t = comp.compile(p)
            if T.signature(t) not in seen:
                seen.add(T.signature(t))
                out.append(t)
    return tax, out


work_entry = st.builds(
    lambda start, length, open_, ss, sb, lead, grade, field: {
        "employer": "E", "state_service": ss, "state_body": sb, "leadership": lead, "grade": grade, "field": field,
        "start": (AS_OF - timedelta(days=start)).isoformat(),
        "end": None if open_ else (AS_OF - timedelta(days=start) + timedelta(days=length)).isoformat()},
    st.integers(1, 365 * 12), st.integers(0, 365 * 6), st.booleans(), st.booleans(), st.booleans(), st.booleans(),
    st.sampled_from(GRADES), st.sampled_from(["Хатшылық", None]),
)
edu_entry = st.builds(
    lambda level, field, fp, ac: {"level": level, "field": field, "foreign_priority_programme": fp,
                                  "academy_state_order": ac},
    st.sampled_from(LEVELS), st.sampled_from(FIELDS), st.booleans(), st.booleans(),
)
profiles = st.builds(
    lambda edu, work, deg: Profile.model_validate({"education": edu, "work": work,
                                                   "academic_degree": {"kind": "PhD"} if deg else None}),
    st.lists(edu_entry, max_size=3), st.lists(work_entry, max_size=4), st.booleans(),
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def all_statuses(prof: Profile) -> list[int]:
    tax, ts = trees()
    m = compute_metrics(prof, AS_OF, tax.resolve)
    return [status(t, m) for t in ts]


@SETTINGS
@given(profiles, work_entry)
def test_adding_experience_never_turns_met_into_not_met(prof, extra):
    before = all_statuses(prof)
    after = all_statuses(prof.model_copy(update={"work": [*prof.work, *Profile.model_validate(
        {"work": [extra]}).work]}))
    for b, a in zip(before, after, strict=True):
        assert not (b == T.MET and a == T.NOT_MET)
        assert a >= b  # more experience never lowers a verdict


@SETTINGS
@given(edu_entry, st.lists(work_entry, max_size=4), st.booleans())
def test_removing_the_only_education_never_leaves_met(edu, work, deg):
    prof = Profile.model_validate({"education": [edu], "work": work,
                                   "academic_degree": {"kind": "PhD"} if deg else None})
    without = prof.model_copy(update={"education": []})
    for a in all_statuses(without):
        assert a != T.MET  # every post asks for some education


@SETTINGS
@given(profiles, st.randoms(use_true_random=False))
def test_results_do_not_depend_on_the_order_of_entries(prof, rnd):
    work, edu = list(prof.work), list(prof.education)
    rnd.shuffle(work)
    rnd.shuffle(edu)
    shuffled = prof.model_copy(update={"work": work, "education": edu})
    assert all_statuses(prof) == all_statuses(shuffled)


@lru_cache(maxsize=1)
def ruleset():
    from kzqual.rules.vector import RuleSet

    tax = tx.bundled()
    posts = [p for name in ("ru-mod-2017-134.txt", "kk-mes-2014-161.txt", "kk-ara-2014-9.txt")
             for p in extract_file(acts_dir() / name).positions]
    return tax, RuleSet.build(posts, Compiler(tax))


@SETTINGS
@given(st.lists(profiles, min_size=1, max_size=5))
def test_vectorised_equals_per_pair_for_any_profiles(people):
    import numpy as np

    from kzqual.rules.vector import columns, evaluate

    tax, rules = ruleset()
    ms = [compute_metrics(p, AS_OF, tax.resolve) for p in people]
    vec = evaluate(rules, columns(ms, rules.specs), len(ms))
    assert vec.tolist() == [[status(t, m) for t in rules.trees] for m in ms]
    assert np.all(np.isin(vec, (-1, 0, 1)))
