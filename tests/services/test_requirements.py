"""Point 8 as a checklist on the case (documents given, state data obtained), refusal grounds 3 and 4
resting on the criminal-record data, and one open application per ИИН — on SQLite and PostgreSQL,
every refused step writing nothing."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime

import pytest
from sqlalchemy import select

import kzqual.text
from kzqual.errors import ConflictError, InputError, NotFoundError
from kzqual.services import tables as T
from kzqual.services.cases import ServiceDesk
from kzqual.services.requirements import load_requirements, verify

from services.svc_helpers import counts


def _state(engine, case_id):
    with engine.connect() as c:
        return dict(c.execute(select(T.cases).where(T.cases.c.id == case_id)).mappings().one())


def _group(desk):
    return desk.add_group(number="5", profile="байланысшы", planned_creation=date(2024, 6, 20),
                          period_start=date(2024, 7, 1), period_end=date(2024, 8, 30))


def test_every_quote_is_on_its_lines_of_the_act(act_path):
    req = load_requirements()
    assert verify(req, kzqual.text.read(act_path("mod_674_kk"))) == []
    # what point 8 lists, read from the act: two documents, four kinds of data from state systems
    assert list(req.documents) == ["application", "medical_card"]
    assert list(req.state_data) == ["identity", "criminal_record", "residence", "military_registration"]
    assert req.documents["medical_card"].where() == "standard, point 8, lines 271-276"
    assert req.grounds_need == {3: ("criminal_record", "court_decision"), 4: ("criminal_record", "court_decision")}
    # against another act the quotes are not there
    assert len(verify(req, kzqual.text.read(act_path("ara_9_kk")))) == 7


def test_admission_without_the_medical_card_is_refused_naming_it(desk, engine, application):
    g = _group(desk)
    v = desk.apply(application(medical_card=False), at=datetime(2024, 6, 10, 10), actor="portal")
    cl = v.checklist
    assert [(d.item.key, d.present, d.how) for d in cl.documents] == [("application", True, "application"),
                                                                   ("medical_card", False, None)]
    assert cl.not_obtained == ["identity", "criminal_record", "residence", "military_registration"]
    before, row = counts(engine), _state(engine, v.case.id)
    with pytest.raises(InputError) as exc:
        desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 6, 11, 10), actor="o")
    assert exc.value.code == "missing_documents"
    assert "medical examination card" in str(exc.value) and "standard, point 8, lines 271-276" in str(exc.value)
    assert counts(engine) == before and _state(engine, v.case.id) == row
    with pytest.raises(InputError) as exc:
        desk.receive_document(v.case.id, document="passport", at=datetime(2024, 6, 11, 10), actor="o")
    assert exc.value.code == "unknown_document" and counts(engine) == before
    v = desk.receive_document(v.case.id, document="medical_card", at=datetime(2024, 6, 11, 9), actor="o",
                              note="порталдан келді")
    assert v.checklist.missing == [] and v.checklist.documents[1].how == "received"
    assert v.events[-1].kind == "document_received" and v.events[-1].details["where"] == "standard, point 8, lines 271-276"
    v = desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 6, 11, 10), actor="o")
    assert v.case.state == "accepted" and "override" not in v.events[-1].details


def test_reasoned_override_admits_and_is_recorded(desk, application):
    g = _group(desk)
    v = desk.apply(application(medical_card=False), at=datetime(2024, 6, 10, 10), actor="portal")
    with pytest.raises(InputError, match="missing"):
        desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 6, 11, 10), actor="o", override_reason="   ")
    v = desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 6, 11, 10), actor="бастық Ахметов",
                    override_reason="карта ДДО-да қағаз түрінде бар, көшірме кейін тіркеледі")
    ev = v.events[-1]
    assert v.case.state == "accepted"
    assert ev.details["missing_documents"] == [{"key": "medical_card", "where": "standard, point 8, lines 271-276"}]
    assert ev.details["override"] == {"reason": "карта ДДО-да қағаз түрінде бар, көшірме кейін тіркеледі",
                                      "by": "бастық Ахметов"}


def test_grounds_3_and_4_need_the_criminal_record_data(desk, engine, application):
    v = desk.apply(application(), at=datetime(2024, 6, 10, 10), actor="portal")
    cid = v.case.id
    before = counts(engine)
    with pytest.raises(InputError) as exc:
        desk.refuse(cid, grounds=[1, 4], reason="үкім", at=datetime(2024, 6, 11, 10), actor="o")
    assert exc.value.code == "ground_without_state_data" and "no record" in str(exc.value)
    assert "standard, point 9 4), lines 329-338" in str(exc.value) and counts(engine) == before
    desk.record_state_data(cid, kind="criminal_record", source="ҚР БП ҚСжАЕК", obtained_on=date(2024, 6, 10),
                           result="none", at=datetime(2024, 6, 10, 15), actor="o")
    with pytest.raises(InputError, match="the latest record says 'none'"):
        desk.refuse(cid, grounds=[3], reason="сот шешімі", at=datetime(2024, 6, 11, 10), actor="o")
    v = desk.record_state_data(cid, kind="criminal_record", source="ҚР БП ҚСжАЕК", obtained_on=date(2024, 6, 11),
                               result="court_decision", at=datetime(2024, 6, 11, 9), actor="o",
                               note="2023 жылғы үкім, арнаулы құқықтан айыру")
    assert [(r.kind, r.result) for r in v.checklist.state_data] == [("criminal_record", "none"),
                                                                    ("criminal_record", "court_decision")]
    assert v.checklist.not_obtained == ["identity", "residence", "military_registration"]
    v = desk.refuse(cid, grounds=[4], reason="арнаулы құқығынан айырылған", at=datetime(2024, 6, 11, 10), actor="o")
    assert v.case.state == "refused"
    # a refused case records no more data
    with pytest.raises(ConflictError):
        desk.record_state_data(cid, kind="identity", source="ЖСН", obtained_on=date(2024, 6, 11), result="matches",
                               at=datetime(2024, 6, 11, 11), actor="o")


@pytest.mark.parametrize(("kw", "code"), [
    ({"kind": "passport"}, "unknown_state_data"),
    ({"result": "maybe"}, "bad_input"),
    ({"source": " "}, "bad_input"),
    ({"obtained_on": date(2024, 6, 9)}, "before_submission"),  # before the application
    ({"obtained_on": date(2024, 6, 12)}, "bad_input"),  # after the moment it is recorded
    ({"at": datetime(2024, 6, 9, 10), "obtained_on": date(2024, 6, 9)}, "before_submission"),
    ({"case_id": 99}, "not_found"),
])
def test_bad_state_data_changes_nothing(desk, engine, application, kw, code):
    v = desk.apply(application(), at=datetime(2024, 6, 10, 10), actor="portal")
    args = {"case_id": v.case.id, "kind": "identity", "source": "ЖТ МДҚ", "obtained_on": date(2024, 6, 10),
            "result": "matches", "at": datetime(2024, 6, 11, 10), "actor": "o", **kw}
    before, row = counts(engine), _state(engine, v.case.id)
    with pytest.raises(InputError) as exc:
        desk.record_state_data(args.pop("case_id"), **args)
    assert exc.value.code == code
    assert counts(engine) == before and _state(engine, v.case.id) == row


def test_one_open_application_per_iin(desk, engine, application):
    v = desk.apply(application(), at=datetime(2024, 6, 10, 10), actor="portal")
    before = counts(engine)
    with pytest.raises(ConflictError) as exc:
        desk.apply(application(surname="Басқа"), at=datetime(2024, 6, 10, 11), actor="portal", office="almaty")
    assert exc.value.code == "duplicate_application" and f"case {v.case.id} (submitted" in str(exc.value)
    assert counts(engine) == before
    desk.apply(application(2), at=datetime(2024, 6, 10, 11), actor="portal")  # another person: fine
    desk.refuse(v.case.id, grounds=[2], reason="r", at=datetime(2024, 6, 11, 10), actor="o")
    again = desk.apply(application(), at=datetime(2024, 6, 12, 10), actor="portal")  # refused: may apply again
    assert again.case.id != v.case.id
    with pytest.raises(ConflictError, match="duplicate|already has an open application"):
        desk.apply(application(), at=datetime(2024, 6, 13, 10), actor="portal")
    with pytest.raises(NotFoundError):
        desk.receive_document(999, document="medical_card", at=datetime(2024, 6, 13, 10), actor="o")


def test_simultaneous_applications_for_one_iin_make_one_case(engine, application):
    """Two operators file the same person at the same moment (threads, each its own desk): one wins."""
    desks = [ServiceDesk(engine), ServiceDesk(engine)]
    for serial in range(1, 6):
        def go(d):
            try:
                return d.apply(application(serial), at=datetime(2024, 6, 10, 10), actor="portal").case.id
            except ConflictError as exc:
                return exc.code
        with ThreadPoolExecutor(2) as pool:
            got = list(pool.map(go, desks))
        assert sorted(map(str, got))[1] == "duplicate_application" and sum(isinstance(x, int) for x in got) == 1, got
    assert counts(engine)[0] == 5
