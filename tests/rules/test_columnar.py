"""Vectorised profile metrics equal the per-person ones, column for column."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from kzqual.bundled import act_paths
from kzqual.positions import extract_file
from kzqual.rules import columnar, synthetic
from kzqual.rules import taxonomy as tx
from kzqual.rules.compile import Compiler, References
from kzqual.rules.metrics import compute_metrics, union_days
from kzqual.rules.profile import Profile
from kzqual.rules.vector import RuleSet, columns, evaluate

AS_OF = date(2024, 1, 1)


@pytest.fixture(scope="module")
def rules():
    posts = [p for path in act_paths() for p in extract_file(path).positions]
    return RuleSet.build(posts, Compiler(tx.bundled(), References(posts)))


def test_union_days_matches_scalar():
    rng = np.random.default_rng(3)
    n = 200
    person = rng.integers(0, n, 2000).astype(np.int32)
    start = rng.integers(730000, 740000, 2000).astype(np.int32)
    end = start + rng.integers(-5, 900, 2000).astype(np.int32)
    got = columnar.union_days(person, start, end, n)
    want = [union_days((int(s), int(e)) for p, s, e in zip(person, start, end) if p == i) for i in range(n)]
    assert list(got) == want


def test_metric_columns_equal_per_person(rules):
    tax = tx.bundled()
    people = synthetic.profiles(600, tax, seed=7)
    # edge cases: no history, identical and nested periods, future completion, stated answers
    people += [
        Profile(),
        Profile.model_validate({"work": [{"employer": "a", "start": "2020-01-01", "end": "2020-12-31",
                                          "state_service": True, "grade": "С-4"},
                                         {"employer": "b", "start": "2020-01-01", "end": "2020-12-31",
                                          "state_service": True, "grade": "нечитаемо"},
                                         {"employer": "c", "start": "2020-03-01", "end": "2020-04-01",
                                          "field": "Құқық"}],
                                "education": [{"level": "higher", "field": "экономика", "completed": "2030-01-01"}],
                                "academic_degree": {"kind": "PhD", "awarded": "2025-01-01"},
                                "special_training": True, "computer_skills": False}),
    ]
    ms = [compute_metrics(p, AS_OF, tax.resolve) for p in people]
    want = columns(ms, rules.specs)
    got = columnar.metric_columns(columnar.from_profiles(people), AS_OF, rules.specs, tax.resolve)
    for sp in rules.specs:
        assert np.array_equal(np.asarray(got[sp]), np.asarray(want[sp])), sp
    assert np.array_equal(evaluate(rules, got, len(people)), evaluate(rules, want, len(people)))


def test_synthetic_columns_round_trip(rules):
    """The bench's columnar generator and its Profile records describe the same people."""
    tax = tx.bundled()
    pc = synthetic.profile_columns(300, tax, seed=5)
    people = synthetic.to_profiles(pc, range(pc.n))
    ms = [compute_metrics(p, AS_OF, tax.resolve) for p in people]
    got = columnar.metric_columns(pc, AS_OF, rules.specs, tax.resolve)
    want = columns(ms, rules.specs)
    for sp in rules.specs:
        assert np.array_equal(np.asarray(got[sp]), np.asarray(want[sp])), sp
