"""Point 65 beyond the provider: a complaint lodged straight with the authorised body for quality of
public services (15 working days from its registration there), and the court stage after the
pre-trial complaint — an upheld outcome reopens the decision.  SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kzqual.errors import ConflictError, InputError


def _refused(desk, application):
    v = desk.apply(application(), at=datetime(2024, 6, 10, 10), actor="portal")
    desk.refuse(v.case.id, grounds=[2], reason="сәйкес емес", at=datetime(2024, 6, 11, 10), actor="o")
    return v.case.id


def test_complaint_lodged_straight_with_the_quality_body(desk, application):
    case_id = _refused(desk, application)
    cv = desk.complain(case_id, target="decision", text="келіспеймін", at=datetime(2024, 6, 12, 11), actor="agency",
                       lodged_with="quality_body")
    c = cv.complaint
    assert (c.state, c.lodged_with, c.appealed_at) == ("appealed", "quality_body", datetime(2024, 6, 12, 11))
    # Only the authorised body's term: 15 working days from Wednesday 12 June 2024 (no holiday on
    # the way: 6 July is later) = Wednesday 3 July; no provider's 3 days, no reviewing body's 5.
    assert [(d.key, d.due) for d in cv.deadlines] == [("complaint_quality_body_deadline", date(2024, 7, 3))]
    assert cv.deadlines[0].basis == "rules, point 65, lines 48-50"
    with pytest.raises(ConflictError, match="appealed: cannot satisfy"):
        desk.satisfy_complaint(c.id, at=datetime(2024, 6, 13, 10), actor="o")
    with pytest.raises(InputError, match="lodged with provider or quality_body"):
        desk.complain(case_id, target="decision", text="x", at=datetime(2024, 6, 13, 10), actor="a",
                      lodged_with="ombudsman")
    desk.decide_appeal(c.id, outcome="upheld", at=datetime(2024, 6, 28, 10), actor="agency")
    v = desk.case(case_id, as_of=date(2024, 6, 28))
    assert v.case.state == "reconsideration" and v.case.reopen_basis == "quality_body_upheld"
    assert v.events[-1].details["cite"] == "rules, point 65, lines 48-50"
    registered = [e for e in v.events if e.kind == "complaint_registered"][0]
    assert registered.to_state == "appealed" and registered.details["lodged_with"] == "quality_body"


def test_court_after_the_pretrial_complaint_reopens_when_upheld(desk, application):
    case_id = _refused(desk, application)
    k = desk.complain(case_id, target="decision", text="келіспеймін", at=datetime(2024, 6, 12, 11),
                      actor="a").complaint.id
    desk.forward_complaint(k, at=datetime(2024, 6, 13, 10), actor="o", body="ҚІД")
    desk.decide_complaint(k, outcome="rejected", at=datetime(2024, 6, 19, 10), actor="body")
    assert desk.case(case_id).case.state == "refused"
    court = "Астана қаласының мамандандырылған ауданаралық әкімшілік соты"
    cv = desk.file_complaint_in_court(k, at=datetime(2024, 7, 1, 9), actor="o", court=court)
    assert cv.complaint.state == "in_court" and cv.complaint.court_filed_at == datetime(2024, 7, 1, 9)
    with pytest.raises(InputError, match="upheld or rejected"):
        desk.record_court_decision(k, outcome="partly", at=datetime(2024, 8, 15, 10), actor="o")
    cv = desk.record_court_decision(k, outcome="upheld", at=datetime(2024, 8, 15, 10), actor="o")
    d = cv.as_dict()
    assert (d["state"], d["court_name"], d["court_outcome"], d["court_filed_at"]) == (
        "court_decided", court, "upheld", "2024-07-01T09:00")
    v = desk.case(case_id, as_of=date(2024, 8, 15))
    assert v.case.state == "reconsideration" and v.case.reopen_basis == "court_upheld"
    kinds = [e.kind for e in v.events]
    assert kinds[-3:] == ["complaint_court", "complaint_court_decide", "reopen"]
    filed = v.events[-3]
    assert filed.details["court"] == court and filed.details["basis"] == "rules, point 65, lines 51-52"
    assert v.events[-1].details["cite"] == "rules, point 65, lines 51-52"
    with pytest.raises(ConflictError, match="court_decided: cannot court"):
        desk.file_complaint_in_court(k, at=datetime(2024, 8, 16, 10), actor="o")


def test_court_rejection_keeps_the_refusal_and_pretrial_terms_are_no_longer_awaited(desk, application):
    case_id = _refused(desk, application)
    k = desk.complain(case_id, target="decision", text="x", at=datetime(2024, 6, 12, 11), actor="a").complaint.id
    # Nobody forwarded it within 3 working days (due Monday 17 June); the applicant sued on 20 June.
    assert desk.complaint(k, as_of=date(2024, 6, 19)).overdue
    cv = desk.file_complaint_in_court(k, at=datetime(2024, 6, 20, 9), actor="o")
    assert [(d.key, d.status) for d in cv.deadlines] == [("complaint_forward_deadline", "missed")]
    assert not desk.case(case_id, as_of=date(2024, 7, 1)).overdue
    desk.record_court_decision(k, outcome="rejected", at=datetime(2024, 7, 30, 10), actor="o")
    v = desk.case(case_id)
    assert v.case.state == "refused" and v.case.reopened_at is None
    assert "case_reopened" not in v.events[-1].details
