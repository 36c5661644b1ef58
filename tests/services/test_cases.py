"""The ServiceDesk on a real SQLite database: states, audit events, deadlines, checks, complaints."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kzqual.errors import InputError, NotFoundError
from kzqual.services.cases import ServiceDesk
from kzqual.services.settings import Settings

from services.svc_helpers import counts


def _group(desk, **over):
    kw = dict(number="3", profile="жүргізуші", planned_creation=date(2024, 4, 1),
              period_start=date(2024, 4, 15), period_end=date(2024, 6, 28))
    kw.update(over)
    return desk.add_group(**kw)


def test_full_path_to_certificate(desk, application):
    g = _group(desk)
    v = desk.apply(application(), at=datetime(2024, 3, 20, 18, 30), actor="portal")
    assert v.case.state == "submitted"
    assert v.case.accepted_day == date(2024, 3, 26)  # after hours before Nauryz
    (d1,) = v.deadlines
    assert d1.due == date(2024, 3, 28) and d1.status == "pending"
    assert "2024-03-21 Nowruz Holiday" not in d1.days_off  # only days after the start are listed
    v = desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 3, 27, 11, 0), actor="officer A")
    assert v.case.state == "accepted" and v.case.classes_start == date(2024, 4, 15)
    assert v.deadlines[0].status == "met"
    d2 = v.deadlines[1]
    assert d2.key == "stage2_deadline" and d2.days == 42
    # 15 April 2024 is day 0; counted by hand: 1, 7, 8 (transferred from Saturday 4 May, which is
    # worked) and 9 May are off -> day 42 is Monday 17 June.
    assert d2.due == date(2024, 6, 17)
    v = desk.start_training(v.case.id, at=datetime(2024, 4, 15, 9, 0), actor="officer A")
    v = desk.certify(v.case.id, number="ӘТМ-0001", at=datetime(2024, 6, 10, 12, 0), actor="head")
    assert v.case.state == "certified" and v.deadlines[1].status == "met"
    kinds = [(e.kind, e.from_state, e.to_state, e.actor) for e in v.events]
    assert kinds == [("submitted", None, "submitted", "portal"), ("accept", "submitted", "accepted", "officer A"),
                     ("start_training", "accepted", "training", "officer A"),
                     ("certify", "training", "certified", "head")]
    assert all(e.recorded_at for e in v.events)
    assert v.events[0].details["after_hours"].startswith("standard, point 7")
    # Each step records the due dates in force right after it.
    assert v.events[0].details["deadlines"] == {"stage1_deadline": "2024-03-28"}
    assert v.events[1].details["deadlines"] == {"stage1_deadline": "2024-03-28", "stage2_deadline": "2024-06-17"}


def test_overdue_decision_is_flagged(desk, application):
    v = desk.apply(application(), at=datetime(2024, 6, 10, 10, 0), actor="portal")
    assert desk.case(v.case.id, as_of=date(2024, 6, 12)).overdue is False
    late = desk.case(v.case.id, as_of=date(2024, 6, 13))
    assert late.overdue and late.deadlines[0].status == "overdue"
    assert [c.case.id for c in desk.cases(overdue_only=True, as_of=date(2024, 6, 13))] == [v.case.id]
    v = desk.refuse(v.case.id, grounds=[2], reason="медициналық талаптарға сәйкес келмейді",
                    at=datetime(2024, 6, 14, 10, 0), actor="officer")
    assert v.deadlines[0].status == "late" and not v.overdue


def test_refusal_needs_grounds_of_the_standard(desk, engine, application):
    v = desk.apply(application(), at=datetime(2024, 6, 10, 10, 0), actor="portal")
    before = counts(engine)
    for grounds in ([], [5], [0, 1]):
        with pytest.raises(InputError):
            desk.refuse(v.case.id, grounds=grounds, reason="x", at=datetime(2024, 6, 11, 10), actor="o")
    with pytest.raises(InputError, match="reasoned"):
        desk.refuse(v.case.id, grounds=[1], reason=" ", at=datetime(2024, 6, 11, 10), actor="o")
    assert counts(engine) == before
    # ground 3 rests on the criminal-record data of point 8: it must be on record (test_requirements.py)
    desk.record_state_data(v.case.id, kind="criminal_record", source="ҚР БП ҚСжАЕК", obtained_on=date(2024, 6, 10),
                           result="court_decision", at=datetime(2024, 6, 10, 16), actor="o")
    v = desk.refuse(v.case.id, grounds=[3, 1, 1], reason="сот шешімі", at=datetime(2024, 6, 11, 10), actor="o")
    assert v.case.refusal_grounds == (1, 3)
    assert v.events[-1].details["grounds"]["3"].startswith("standard, point 9 3)")


def test_bad_moves_change_nothing(desk, engine, application):
    g = _group(desk)
    v = desk.apply(application(), at=datetime(2024, 3, 1, 10, 0), actor="portal")
    before = counts(engine)
    with pytest.raises(InputError, match="cannot certify"):
        desk.certify(v.case.id, number="1", at=datetime(2024, 3, 2, 10), actor="x")
    with pytest.raises(InputError, match="before case"):
        desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 2, 28, 10), actor="x")
    with pytest.raises(NotFoundError):
        desk.accept(999, group_id=g.id, at=datetime(2024, 3, 2, 10), actor="x")
    with pytest.raises(NotFoundError):
        desk.accept(v.case.id, group_id=999, at=datetime(2024, 3, 2, 10), actor="x")
    with pytest.raises(InputError, match="actor"):
        desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 3, 2, 10), actor=" ")
    assert counts(engine) == before
    desk.withdraw(v.case.id, at=datetime(2024, 3, 2, 10), actor="applicant", reason="changed mind")
    with pytest.raises(InputError, match="final state"):
        desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 3, 3, 10), actor="x")


def test_steps_are_recorded_in_order(desk, application):
    g = _group(desk)
    v = desk.apply(application(), at=datetime(2024, 3, 1, 10, 0), actor="portal")
    desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 3, 4, 10), actor="o")
    with pytest.raises(InputError, match="in order"):
        desk.withdraw(v.case.id, at=datetime(2024, 3, 2, 10), actor="o")


def test_paid_basis_fee_and_window(desk, engine, application):
    with pytest.raises(InputError, match="1 ақпан мен 20 желтоқсан"):
        _group(desk, basis="paid", period_start=date(2024, 12, 1), period_end=date(2024, 12, 25))
    g = _group(desk, basis="paid")
    free = _group(desk, number="4")
    v = desk.apply(application(basis="paid"), at=datetime(2024, 3, 1, 10), actor="portal")
    assert v.case.fee_due == 305000
    with pytest.raises(InputError, match="basis"):
        desk.accept(v.case.id, group_id=free.id, at=datetime(2024, 3, 4, 10), actor="o")
    desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 3, 4, 10), actor="o")
    with pytest.raises(InputError, match="fee not paid"):
        desk.start_training(v.case.id, at=datetime(2024, 4, 15, 9), actor="o")
    desk.record_payment(v.case.id, amount=305000, at=datetime(2024, 4, 10, 9), actor="cashier")
    v = desk.start_training(v.case.id, at=datetime(2024, 4, 15, 9), actor="o")
    assert v.case.state == "training" and v.case.paid_amount == 305000
    fv = desk.apply(application(2), at=datetime(2024, 3, 1, 11), actor="portal")
    with pytest.raises(InputError, match="free basis"):
        desk.record_payment(fv.case.id, amount=100, at=datetime(2024, 3, 2, 9), actor="cashier")


def test_payment_requirement_is_a_setting(engine, application):
    desk = ServiceDesk(engine, settings=Settings(require_payment_before_training=False))
    g = _group(desk, basis="paid")
    v = desk.apply(application(basis="paid"), at=datetime(2024, 3, 1, 10), actor="portal")
    desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 3, 4, 10), actor="o")
    assert desk.start_training(v.case.id, at=datetime(2024, 4, 15, 9), actor="o").case.state == "training"


def test_training_cannot_start_before_classes(desk, application):
    g = _group(desk)
    v = desk.apply(application(), at=datetime(2024, 3, 1, 10), actor="portal")
    desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 3, 4, 10), actor="o")
    with pytest.raises(InputError, match="start on 2024-04-15"):
        desk.start_training(v.case.id, at=datetime(2024, 4, 1, 9), actor="o")


@pytest.mark.parametrize(("over", "msg"), [({"iin": "123"}, "12 digits"), ({"consent": False}, "consent"),
                                           ({"surname": ""}, "surname"), ({"basis": "cheap"}, "basis"),
                                           ({"phone": "12"}, "phone"), ({"extra": 1}, "unknown")])
def test_bad_applications(desk, engine, application, over, msg):
    with pytest.raises(InputError, match=msg):
        desk.apply(application(**over), at=datetime(2024, 3, 1, 10), actor="portal")
    assert counts(engine)[0] == 0


def test_complaint_forwarded_decided_and_appealed(desk, application):
    v = desk.apply(application(), at=datetime(2024, 6, 10, 10), actor="portal")
    desk.refuse(v.case.id, grounds=[1], reason="деректер нақты емес", at=datetime(2024, 6, 11, 10), actor="o")
    c = desk.complain(v.case.id, target="decision", text="Шешіммен келіспеймін", at=datetime(2024, 6, 12, 15),
                      actor="applicant")
    assert c.complaint.state == "registered"
    (fwd,) = c.deadlines
    assert fwd.key == "complaint_forward_deadline" and fwd.due == date(2024, 6, 17)  # Wed + 3 wd
    c = desk.forward_complaint(c.complaint.id, at=datetime(2024, 6, 14, 10), actor="o", body="ҚІД")
    last = desk.case(v.case.id, as_of=date(2024, 6, 14)).events[-1]
    assert last.kind == "complaint_forward" and last.details["deadlines"]["complaint_decision_deadline"] == "2024-06-21"
    assert [d.key for d in c.deadlines] == ["complaint_forward_deadline", "complaint_decision_deadline"]
    assert c.deadlines[1].due == date(2024, 6, 21)  # Fri 14 June + 5 working days
    assert desk.complaint(c.complaint.id, as_of=date(2024, 6, 24)).overdue
    c = desk.decide_complaint(c.complaint.id, outcome="rejected", at=datetime(2024, 6, 20, 10), actor="body")
    c = desk.appeal_complaint(c.complaint.id, at=datetime(2024, 6, 24, 10), actor="applicant")
    assert c.deadlines[-1].key == "complaint_quality_body_deadline"
    assert c.deadlines[-1].due == date(2024, 7, 16)  # 15 working days; 6 July (Capital Day) is a Saturday,
    # observed Monday 8 July
    c = desk.decide_appeal(c.complaint.id, outcome="upheld", at=datetime(2024, 7, 10, 10), actor="agency")
    assert c.complaint.state == "appeal_decided"
    view = desk.case(v.case.id, as_of=date(2024, 7, 11))
    # the authorised body upheld the complaint against the refusal: the decision is open again
    assert [e.kind for e in view.events][-6:] == ["complaint_registered", "complaint_forward", "complaint_decide",
                                                 "complaint_appeal", "complaint_decide_appeal", "reopen"]
    assert view.case.state == "reconsideration" and view.case.reopen_basis == "quality_body_upheld"
    with pytest.raises(InputError, match="cannot satisfy"):
        desk.satisfy_complaint(c.complaint.id, at=datetime(2024, 7, 11, 10), actor="o")


def test_complaint_satisfied_by_provider(desk, application):
    v = desk.apply(application(), at=datetime(2024, 6, 10, 10), actor="portal")
    c = desk.complain(v.case.id, target="inaction", text="Жауап жоқ", at=datetime(2024, 6, 13, 10), actor="a")
    c = desk.satisfy_complaint(c.complaint.id, at=datetime(2024, 6, 14, 10), actor="o")
    assert c.complaint.state == "satisfied"
    assert [d.key for d in c.deadlines] == ["complaint_forward_deadline"] and c.deadlines[0].status == "met"
    with pytest.raises(InputError):
        desk.complain(v.case.id, target="mood", text="x", at=datetime(2024, 6, 14, 10), actor="a")
    with pytest.raises(InputError, match="no decision yet"):
        desk.complain(v.case.id, target="decision", text="x", at=datetime(2024, 6, 14, 10), actor="a")


def test_decision_count_from_received_is_a_setting(engine, application):
    desk = ServiceDesk(engine, settings=Settings(complaint_decision_from="received"))
    v = desk.apply(application(), at=datetime(2024, 6, 10, 10), actor="portal")
    c = desk.complain(v.case.id, target="action", text="x", at=datetime(2024, 6, 12, 10), actor="a")
    d = c.deadlines[1]
    assert d.due == date(2024, 6, 19) and d.settings["complaint_decision_from"] == "received"


def test_as_dict_is_json_ready(desk, application):
    import json
    v = desk.apply(application(), at=datetime(2024, 6, 10, 10), actor="portal")
    data = json.loads(json.dumps(desk.case(v.case.id, as_of=date(2024, 6, 10)).as_dict()))
    assert data["state"] == "submitted" and data["deadlines"][0]["due"] == "2024-06-12"


def test_aware_times_are_converted_to_kazakhstan_time(desk, application):
    from datetime import timezone

    # 12:30 UTC on 10 June 2024 is 17:30 in Astana (UTC+5): still within working hours.
    v = desk.apply(application(), at=datetime(2024, 6, 10, 12, 30, tzinfo=timezone.utc), actor="portal")
    assert v.case.submitted_at == datetime(2024, 6, 10, 17, 30) and v.case.accepted_day == date(2024, 6, 10)
    # 13:30 UTC is 18:30 local: after hours -> next working day.
    v = desk.apply(application(2), at=datetime(2024, 6, 10, 13, 30, tzinfo=timezone.utc), actor="portal")
    assert v.case.accepted_day == date(2024, 6, 11)
