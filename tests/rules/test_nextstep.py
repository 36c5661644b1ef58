"""The next step for a "not met": closest alternative, what is missing, and the day it is met if
the current post continues.  Dates are counted by hand from the act's years (a year is 365 days of
service, the start and the as-of day both count: docs/rules.md)."""

from __future__ import annotations

from datetime import date

try:  # tests/ may or may not be a package
    from .rules_helpers import AS_OF, job, profile
except ImportError:
    from rules_helpers import AS_OF, job, profile

from kzqual.rules import check_next
from kzqual.rules import taxonomy as tx
from kzqual.rules.compile import Compiler
from kzqual.rules.match import match
from kzqual.rules.metrics import compute_metrics, project
from kzqual.rules.vector import RuleSet

ECON = ("higher", "экономика")
SS = {"state_service": True, "state_body": True}


def test_meets_alternative_3_on_the_day_two_years_in_state_bodies_are_complete(posts):
    # MES 161 l.105-106, alternative 3: "мемлекеттік органдарда … жұмыс өтілі екі жылдан кем емес".
    # From 2022-07-01, still in the post: 730 days are complete on 2024-06-29 (2024 is a leap year).
    v, nxt = check_next(profile([ECON], [job("2022-07-01", **SS)]), posts("mes_161_kk")["9344-a1-1"], as_of=AS_OF)
    assert v.status_name == "not_met"
    assert nxt.meets_on == date(2024, 6, 29)
    assert nxt.alternative == "alternative 3"
    assert nxt.summary["en"] == "Meets alternative 3 on 2024-06-29 if the current post continues"
    assert "2024-06-29" in nxt.summary["kk"] and "вариант 3" in nxt.summary["ru"]
    assert [m.lines for m in nxt.missing] == [(105, 106)]
    assert nxt.missing[0].reason["en"] == "Work in state bodies: 1.5 years, at least 2 years required"


def test_one_day_earlier_is_not_yet_met(posts):
    pos = posts("mes_161_kk")["9344-a1-1"]
    prof = profile([ECON], [job("2022-07-01", **SS)])
    assert check_next(prof, pos, as_of=date(2024, 6, 28))[0].status_name == "not_met"
    v, nxt = check_next(prof, pos, as_of=date(2024, 6, 29))
    assert v.status_name == "met" and nxt is None


def test_a_period_that_ended_gives_no_date_but_the_closest_alternative(posts):
    # the same 1.5 years, ended: time alone changes nothing; alternative 3 is half a year away
    v, nxt = check_next(profile([ECON], [job("2022-07-01", "2023-12-31", **SS)]), posts("mes_161_kk")["9344-a1-1"],
                        as_of=AS_OF)
    assert nxt.meets_on is None and nxt.alternative == "alternative 3"
    assert nxt.summary["en"].startswith("Not met by time alone; the closest path is alternative 3: Work in state bodies")


def test_missing_education_is_not_cured_by_time(posts):
    # MES 161 l.72: "Жоғары" — technical and vocational education is below it, years do not help
    v, nxt = check_next(profile([("technical_vocational", "экономика")], [job("2010-01-01", **SS)]),
                        posts("mes_161_kk")["9344-a1-1"], as_of=AS_OF)
    assert v.status_name == "not_met" and nxt.meets_on is None
    assert any(m.criterion == "education" and m.lines == (72, 74) for m in nxt.missing)


def test_projection_extends_only_running_periods():
    tax = tx.bundled()
    prof = profile([ECON], [job("2020-01-01", "2020-12-31", **SS), job("2023-01-01", **SS),
                            job("2023-06-01", "2024-12-31")])
    m = compute_metrics(prof, AS_OF, tax.resolve)
    later = project(m, date(2025, 12, 31))
    # the closed 2020 period stays 366 days; the open one runs to the day; the one ending in 2024 stops there
    assert later.days("state_service") == 366 + (date(2025, 12, 31) - date(2023, 1, 1)).days + 1
    assert later.days("work") == 366 + (date(2025, 12, 31) - date(2023, 1, 1)).days + 1
    assert m.days("state_service") == 366 + (AS_OF - date(2023, 1, 1)).days + 1


def test_match_ranks_near_misses_by_the_day_they_are_met(posts):
    tax = tx.bundled()
    prof = profile([ECON], [job("2022-07-01", **SS)], computer_skills=True)
    pos = list(posts("mes_161_kk").values())
    res = match(RuleSet.build(pos, Compiler(tax)), compute_metrics(prof, AS_OF, tax.resolve), limit=None)
    days = [i.meets_on for i in res.near]
    assert res.near and days[0] is not None
    known = [d for d in days if d is not None]
    assert known == sorted(known) and days[:len(known)] == known  # dated first, in order; never-met last
    first = {i.position.id: i for i in res.near}["9344-a1-1"]
    assert first.meets_on == date(2024, 6, 29)
    d = first.as_dict()
    assert d["meets_on"] == "2024-06-29" and d["next_step"]["alternative"] == "alternative 3"


def test_match_dates_agree_with_the_reference_bisection(posts):
    """match() probes only the leaves time changes; its dates are the reference evaluator's."""
    from kzqual.rules.nextstep import meets_on

    tax = tx.bundled()
    pos = list(posts("mes_161_kk").values()) + list(posts("mod_134_ru").values())
    rules = RuleSet.build(pos, Compiler(tax))
    seen = dated = 0
    for prof in (profile([ECON], [job("2021-03-01", **SS)]),
                 profile([("higher", "құқықтану")], [job("2019-01-01", "2021-12-31", **SS), job("2023-02-01", leadership=True)]),
                 profile([("technical_vocational", "экономика")], [job("2022-01-01", grade="инспектор второй категории")])):
        m = compute_metrics(prof, AS_OF, tax.resolve)
        res = match(rules, m, near_years=5, limit=None, explain_items=False)
        for item in res.near:
            i = rules.positions.index(item.position)
            assert item.meets_on == meets_on(rules.trees[i], m), item.position.id
            seen += 1
            dated += item.meets_on is not None
    assert seen >= 15 and dated >= 5  # both kinds compared (19 and 9 when written)


def test_missing_lists_education_and_the_closest_alternative_together(posts):
    # MES 161 l.72 ("Жоғары") and l.105-106 (two years in state bodies): technical and vocational
    # education and 1.5 years that ended: both gaps are named, the years on alternative 3
    v, nxt = check_next(profile([("technical_vocational", "экономика")], [job("2022-07-01", "2023-12-31", **SS)]),
                        posts("mes_161_kk")["9344-a1-1"], as_of=AS_OF)
    assert nxt.meets_on is None and nxt.alternative == "alternative 3"
    assert [(m.criterion, m.lines) for m in nxt.missing] == [("education", (72, 74)), ("experience", (105, 106))]


def test_every_alternative_of_the_choice_with_the_service_it_asks_for(posts):
    # MES 161 l.100-108: 1) three years of state service; 2) one year, after studies abroad in a
    # priority specialty; 3) two years in state bodies; 4) four years in the post's field, two of
    # them in leadership posts.  The timeline sets the person's periods against each of them.
    _, nxt = check_next(profile([ECON], [job("2022-07-01", **SS)]), posts("mes_161_kk")["9344-a1-1"], as_of=AS_OF)
    alts = nxt.as_dict()["alternatives"]
    assert [a["title"]["en"] for a in alts] == ["Alternative 1", "Alternative 2", "Alternative 3", "Alternative 4"]
    assert [[(r["metric"], r["years"]) for r in a["required"]] for a in alts] == [
        [("state_service", 3.0)], [("state_service", 1.0)], [("state_body", 2.0)],
        [("field", 4.0), ("leadership", 2.0)]]
    assert [a["chosen"] for a in alts] == [False, False, True, False]
    # 1.5 years of state service meet alternative 2's years, but not its studies abroad
    assert [a["status"] for a in alts] == ["not_met"] * 4
