"""Point 65: a complaint about the decision that the provider satisfies or a reviewing body upholds
reopens the decision — the case is decided again, with its own deadline, and its history says why.
Run on SQLite and PostgreSQL (the ``engine`` fixture)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kzqual.errors import ConflictError
from kzqual.services.cases import ServiceDesk
from kzqual.services.settings import Settings

from services.svc_helpers import counts


def _group(desk, **over):
    kw = dict(number="5", profile="байланысшы", planned_creation=date(2024, 6, 20),
              period_start=date(2024, 7, 1), period_end=date(2024, 8, 30))
    kw.update(over)
    return desk.add_group(**kw)


def _refused(desk, application, serial=1):
    """Applied Monday 10 June 2024, refused Tuesday 11 June, complaint Wednesday 12 June."""
    v = desk.apply(application(serial), at=datetime(2024, 6, 10, 10), actor="portal")
    desk.refuse(v.case.id, grounds=[2], reason="талаптарға сәйкес келмейді", at=datetime(2024, 6, 11, 10), actor="o")
    c = desk.complain(v.case.id, target="decision", text="Бас тартумен келіспеймін", at=datetime(2024, 6, 12, 15),
                      actor="applicant")
    return v.case.id, c.complaint.id


def test_refused_case_is_decided_again_after_the_provider_satisfies(desk, application):
    g = _group(desk)
    case_id, k = _refused(desk, application)
    # Before the complaint is settled the refusal is final, and the error says how it reopens.
    with pytest.raises(ConflictError, match="point 65"):
        desk.accept(case_id, group_id=g.id, at=datetime(2024, 6, 13, 9), actor="o")
    desk.satisfy_complaint(k, at=datetime(2024, 6, 13, 10), actor="head", note="шешім қайта қаралады")
    v = desk.case(case_id, as_of=date(2024, 6, 13))
    assert v.case.state == "reconsideration"
    assert (v.case.reopen_basis, v.case.reopen_complaint_id) == ("provider_satisfied", k)
    redo = v.deadlines[-1]
    # Point 65: the provider's own favourable decision within 3 working days of the complaint's
    # receipt — Wednesday 12 June + 3 working days = Monday 17 June (lines 41-44 of the act).
    assert (redo.key, redo.start, redo.days, redo.due, redo.status) == (
        "redecision_deadline", date(2024, 6, 12), 3, date(2024, 6, 17), "pending")
    assert redo.basis == "rules, point 65, lines 41-44"
    reopen = v.events[-1]
    assert (reopen.kind, reopen.from_state, reopen.to_state, reopen.complaint_id) == (
        "reopen", "refused", "reconsideration", k)
    assert reopen.details["complaint_id"] == k and reopen.details["outcome"] == "satisfied"
    assert reopen.details["cite"] == "rules, point 65, lines 41-44"
    assert reopen.details["previous_decision"]["refusal_grounds"] == [2]
    assert reopen.details["deadlines"]["redecision_deadline"] == "2024-06-17"
    satisfied = v.events[-2]
    assert satisfied.kind == "complaint_satisfy" and satisfied.details["case_reopened"]["reopened"] is True

    v = desk.accept(case_id, group_id=g.id, at=datetime(2024, 6, 14, 11), actor="o")
    assert v.case.state == "accepted" and v.case.classes_start == date(2024, 7, 1)
    assert v.case.decided_at == datetime(2024, 6, 11, 10)  # stage 1 was answered by the refusal
    assert v.case.redecided_at == datetime(2024, 6, 14, 11)
    by_key = {d.key: d for d in v.deadlines}
    assert by_key["stage1_deadline"].status == "met" and by_key["redecision_deadline"].status == "met"
    accept = v.events[-1]
    assert (accept.kind, accept.from_state) == ("accept", "reconsideration")
    assert accept.details["redecision"] == {"complaint_id": k, "basis": "provider_satisfied",
                                            "reopened_at": "2024-06-13T10:00"}
    # The Н6-ӘТМ row counts the admission from the day it was decided again.
    rep = desk.report_n6(year=2024, half=2)
    assert [r.selected for r in rep.rows] == [1]


def test_upheld_by_the_reviewing_body_reopens_with_the_stage1_term(desk, application):
    case_id, k = _refused(desk, application)
    desk.forward_complaint(k, at=datetime(2024, 6, 14, 10), actor="o", body="ҚІД")
    desk.decide_complaint(k, outcome="upheld", at=datetime(2024, 6, 20, 10), actor="body")
    v = desk.case(case_id, as_of=date(2024, 6, 25))
    assert v.case.state == "reconsideration" and v.case.reopen_basis == "reviewing_body_upheld"
    redo = v.deadlines[-1]
    # The act names no term here: the setting redecision_after_upheld=stage1 applies point 3 1)'s
    # 2 working days from the day the outcome was recorded (Thursday 20 June -> Monday 24 June).
    assert (redo.start, redo.days, redo.due) == (date(2024, 6, 20), 2, date(2024, 6, 24))
    assert redo.settings["redecision_after_upheld"] == "stage1" and redo.basis.startswith("standard, point 3 1)")
    assert redo.status == "overdue" and v.overdue
    assert v.events[-1].details["cite"] == "rules, point 65, lines 45-47"
    v = desk.refuse(case_id, grounds=[1], reason="деректер нақты емес", at=datetime(2024, 6, 25, 9), actor="o")
    assert v.case.state == "refused" and v.deadlines[-1].status == "late"


def test_no_redecision_deadline_when_the_setting_says_none(engine, application):
    desk = ServiceDesk(engine, settings=Settings(redecision_after_upheld="none"))
    case_id, k = _refused(desk, application)
    desk.forward_complaint(k, at=datetime(2024, 6, 14, 10), actor="o", body="ҚІД")
    desk.decide_complaint(k, outcome="upheld", at=datetime(2024, 6, 20, 10), actor="body")
    v = desk.case(case_id, as_of=date(2024, 7, 25))
    assert v.case.state == "reconsideration"
    assert "redecision_deadline" not in [d.key for d in v.deadlines] and not v.overdue


def test_rejected_complaint_leaves_the_refusal_final(desk, engine, application):
    g = _group(desk)
    case_id, k = _refused(desk, application)
    desk.forward_complaint(k, at=datetime(2024, 6, 14, 10), actor="o", body="ҚІД")
    desk.decide_complaint(k, outcome="rejected", at=datetime(2024, 6, 20, 10), actor="body")
    before = counts(engine)
    with pytest.raises(ConflictError, match="refused: cannot accept"):
        desk.accept(case_id, group_id=g.id, at=datetime(2024, 6, 21, 10), actor="o")
    assert counts(engine) == before and desk.case(case_id).case.state == "refused"


def test_complaint_about_inaction_does_not_reopen_a_decision(desk, application):
    v = desk.apply(application(), at=datetime(2024, 6, 10, 10), actor="portal")
    desk.refuse(v.case.id, grounds=[2], reason="r", at=datetime(2024, 6, 11, 10), actor="o")
    c = desk.complain(v.case.id, target="action", text="дөрекі", at=datetime(2024, 6, 12, 10), actor="a")
    desk.satisfy_complaint(c.complaint.id, at=datetime(2024, 6, 13, 10), actor="o")
    view = desk.case(v.case.id)
    assert view.case.state == "refused" and view.case.reopened_at is None
    last = view.events[-1]
    assert last.kind == "complaint_satisfy" and last.details["case_reopened"]["reopened"] is False
    assert "not the decision" in last.details["case_reopened"]["why_not"]


def test_admission_reopened_and_refused_leaves_the_platoon(desk, application):
    g = _group(desk)
    v = desk.apply(application(), at=datetime(2024, 6, 10, 10), actor="portal")
    desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 6, 11, 10), actor="o")
    c = desk.complain(v.case.id, target="decision", text="басқа взвод", at=datetime(2024, 6, 12, 10), actor="a")
    desk.satisfy_complaint(c.complaint.id, at=datetime(2024, 6, 13, 10), actor="o")
    assert desk.case(v.case.id).case.state == "reconsideration"
    v = desk.refuse(v.case.id, grounds=[2], reason="r", at=datetime(2024, 6, 14, 10), actor="o")
    assert v.case.group_id is None and v.case.classes_start is None
    assert [r.selected for r in desk.report_n6(year=2024, half=2).rows] == [0]


def test_a_second_complaint_reopens_again(desk, application):
    g = _group(desk)
    case_id, k = _refused(desk, application)
    desk.satisfy_complaint(k, at=datetime(2024, 6, 13, 10), actor="o")
    desk.refuse(case_id, grounds=[1], reason="қайта тексерілді", at=datetime(2024, 6, 14, 10), actor="o")
    k2 = desk.complain(case_id, target="decision", text="тағы", at=datetime(2024, 6, 17, 10), actor="a").complaint.id
    desk.satisfy_complaint(k2, at=datetime(2024, 6, 18, 10), actor="o")
    v = desk.case(case_id, as_of=date(2024, 6, 18))
    assert v.case.reopen_complaint_id == k2 and v.case.redecided_at is None
    assert v.deadlines[-1].due == date(2024, 6, 20) and v.deadlines[-1].status == "pending"
    assert [e.kind for e in v.events].count("reopen") == 2
    v = desk.accept(case_id, group_id=g.id, at=datetime(2024, 6, 19, 10), actor="o")
    assert v.case.state == "accepted"


def test_reopening_races_a_step_on_the_case_consistently(engine, application):
    """An operator starts training while another satisfies a complaint about the admission: either
    the case reopens and training is refused, or training starts and the complaint leaves the
    decision standing — never both, on either back end."""
    import threading

    for serial in range(1, 5):
        desk_a, desk_b = ServiceDesk(engine), ServiceDesk(engine)
        g = _group(desk_a, period_start=date(2024, 6, 13))
        v = desk_a.apply(application(serial), at=datetime(2024, 6, 10, 10), actor="portal")
        desk_a.accept(v.case.id, group_id=g.id, at=datetime(2024, 6, 11, 10), actor="o")
        k = desk_a.complain(v.case.id, target="decision", text="x", at=datetime(2024, 6, 12, 10), actor="a").complaint.id
        barrier, out = threading.Barrier(2), {}

        def run(name, call):
            barrier.wait(timeout=60)
            try:
                call()
                out[name] = "ok"
            except ConflictError as exc:
                out[name] = exc.code

        calls = {"train": lambda: desk_a.start_training(v.case.id, at=datetime(2024, 6, 13, 9), actor="o"),
                 "satisfy": lambda: desk_b.satisfy_complaint(k, at=datetime(2024, 6, 13, 9), actor="head")}
        threads = [threading.Thread(target=run, args=item) for item in calls.items()]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        view = desk_a.case(v.case.id)
        assert out["satisfy"] == "ok"
        reopened = view.case.state == "reconsideration"
        assert out["train"] == ("conflict" if reopened else "ok"), (out, view.case.state)
        assert [e.kind for e in view.events].count("reopen") == (1 if reopened else 0)
        assert view.case.state in ("reconsideration", "training")
