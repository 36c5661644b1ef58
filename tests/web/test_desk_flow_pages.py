"""The staff pages of the service flow's operations (svc-flow), over HTTP on SQLite and PostgreSQL:
a decision taken again after a satisfied complaint (point 65), point 8's document checklist with a
reasoned override, data from state systems that grounds 3 and 4 need, one open application per ИИН,
a complaint lodged straight with the quality body and the court stage — each step's time entered,
each refusal on its field with nothing written."""

from __future__ import annotations

from datetime import datetime

import pytest

from pg import pg_server  # noqa: F401  (shared PostgreSQL fixture, tests/pg.py)

from .desk_site import application, field_error, post_form, serve, text


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request, tmp_path_factory):
    yield from serve(request, tmp_path_factory, "deskflow")



def kinds(site, case_id: int) -> list[str]:
    return [e.kind for e in site.desk.case(case_id).events]


def complaint_id(r) -> int:
    assert r.status_code == 303, text(r)[:1500]
    return int(r.headers["location"].split("/")[3].split("?")[0])


def test_a_satisfied_complaint_lets_the_decision_be_taken_again(site):
    op = site.client()
    case_id = site.new_case()
    assert post_form(op, f"/services/cases/{case_id}", {"action": "refuse", "grounds": "1", "reason": "нақты емес",
                                                        "at": "2025-03-04T10:00"}).status_code == 303
    kid = complaint_id(post_form(op, f"/services/cases/{case_id}/complaints",
                                 {"target": "decision", "text": "Медкарта жарамды", "at": "2025-03-05T09:30"},
                                 page=f"/services/cases/{case_id}"))
    assert post_form(op, f"/services/complaints/{kid}", {"action": "satisfy", "note": "қайта қаралады",
                                                         "at": "2025-03-06T11:00"}).status_code == 303
    assert site.state(case_id) == "reconsideration"
    page = text(op.get(f"/services/cases/{case_id}?lang=en"))
    assert 'id="redecide"' in page and 'id="form-accept"' in page and 'id="form-refuse"' in page
    assert 'id="reopened"' in page and "6 March 2025, 11:00" in page
    # the re-decision is a step like any other: its time entered, checked against the last step
    r = post_form(op, f"/services/cases/{case_id}?lang=en",
                  {"action": "accept", "group_id": str(site.groups["free"]), "at": "2025-03-06T10:00"})
    assert r.status_code == 400 and field_error(text(r), "accept", "at").startswith("The time is before the last")
    assert site.state(case_id) == "reconsideration"
    assert post_form(op, f"/services/cases/{case_id}", {"action": "accept", "group_id": str(site.groups["free"]),
                                                        "at": "2025-03-07T10:00"}).status_code == 303
    assert site.state(case_id) == "accepted"
    assert kinds(site, case_id) == ["submitted", "refuse", "complaint_registered", "complaint_satisfy", "reopen",
                                    "accept"]
    history = text(op.get(f"/services/cases/{case_id}?lang=ru"))
    assert "7 марта 2025, 10:00" in history and "услугодатель удовлетворил жалобу" in history


def test_admission_without_point_8_documents_needs_a_reasoned_override(site):
    op = site.client()
    case_id = site.desk.apply(application(medical_card=False), at=datetime(2025, 3, 3, 10), actor="portal",
                              office="astana").case.id
    page = text(op.get(f"/services/cases/{case_id}?lang=en"))
    assert 'data-document="medical_card" data-present="false"' in page and 'id="accept-override_reason"' in page
    r = post_form(op, f"/services/cases/{case_id}?lang=en",
                  {"action": "accept", "group_id": str(site.groups["free"]), "at": "2025-03-04T10:00"})
    assert r.status_code == 400
    assert field_error(text(r), "accept", "override_reason").startswith("Documents point 8 requires are missing")
    assert site.state(case_id) == "submitted"
    r = post_form(op, f"/services/cases/{case_id}", {
        "action": "accept", "group_id": str(site.groups["free"]), "at": "2025-03-04T10:00",
        "override_reason": "медкарта емханадан 10 наурызға дейін келеді"})
    assert r.status_code == 303 and site.state(case_id) == "accepted"
    accept = site.desk.case(case_id).events[-1]
    assert accept.details["override"] == {"reason": "медкарта емханадан 10 наурызға дейін келеді", "by": "op-astana"}
    assert "медкарта емханадан" in text(op.get(f"/services/cases/{case_id}"))


def test_a_document_received_later_ticks_the_checklist(site):
    op = site.client()
    case_id = site.desk.apply(application(medical_card=False), at=datetime(2025, 3, 3, 10), actor="portal",
                              office="astana").case.id
    r = post_form(op, f"/services/cases/{case_id}", {"action": "document", "document": "passport", "at": "2025-03-04T09:00"})
    assert r.status_code == 400 and field_error(text(r), "document", "document") is not None
    assert post_form(op, f"/services/cases/{case_id}", {"action": "document", "document": "medical_card",
                                                        "note": "емханадан", "at": "2025-03-04T09:00"}).status_code == 303
    page = text(op.get(f"/services/cases/{case_id}"))
    assert 'data-document="medical_card" data-present="true"' in page and 'id="form-document"' not in page
    assert post_form(op, f"/services/cases/{case_id}", {"action": "accept", "group_id": str(site.groups["free"]),
                                                        "at": "2025-03-04T10:00"}).status_code == 303


def test_grounds_3_and_4_need_the_criminal_record_data(site):
    op = site.client()
    case_id = site.new_case()
    refuse = {"action": "refuse", "grounds": "3", "reason": "соттың үкімі бар", "at": "2025-03-05T10:00"}
    r = post_form(op, f"/services/cases/{case_id}?lang=en", refuse)
    assert r.status_code == 400
    assert field_error(text(r), "refuse", "grounds").startswith("Grounds 3 and 4 rest on the criminal-record data")
    data = {"action": "state_data", "kind": "criminal_record", "result": "court_decision", "source": "",
            "obtained_on": "2025-03-04", "at": "2025-03-04T16:00"}
    r = post_form(op, f"/services/cases/{case_id}?lang=en", data)
    assert r.status_code == 400 and field_error(text(r), "state_data", "source").startswith("Name the information")
    assert 'value="2025-03-04"' in r.text  # the day typed is kept
    r = post_form(op, f"/services/cases/{case_id}?lang=en", {**data, "source": "ҚАЖ АЖ", "obtained_on": "2025-03-01"})
    assert r.status_code == 400 and field_error(text(r), "state_data", "obtained_on") is not None  # before the application
    assert post_form(op, f"/services/cases/{case_id}", {**data, "source": "ҚАЖ АЖ"}).status_code == 303
    assert post_form(op, f"/services/cases/{case_id}", refuse).status_code == 303
    assert site.state(case_id) == "refused"
    page = text(op.get(f"/services/cases/{case_id}?lang=ru"))
    assert "есть вступившее в силу решение (приговор) суда" in page and "ҚАЖ АЖ" in page


def test_one_open_application_per_iin(site):
    op = site.client()
    app = application()
    site.desk.apply(app, at=datetime(2025, 3, 3, 10), actor="portal", office="astana")
    before = len(site.desk.cases())
    form = {"iin": app["iin"], "surname": "Сейітов", "name": "Ерлан", "address": "Астана қ.",
            "phone": "+7 701 555 01 02", "addressee": "ҚІД", "branch": "филиал", "documents": "", "consent": "1",
            "medical_card": "1", "signed_with": "eds", "applicant_kind": "conscript", "basis": "free",
            "at": "2025-03-04T10:00"}
    r = post_form(op, "/services/apply?lang=ru", form)
    assert r.status_code == 409
    assert field_error(text(r), "apply", "iin").startswith("По этому ИИН уже есть открытое заявление")
    assert len(site.desk.cases()) == before


def test_quality_body_and_court(site):
    op = site.client()
    case_id = site.new_case()
    site.desk.refuse(case_id, grounds=[2], reason="сәйкес келмейді", at=datetime(2025, 3, 4, 10), actor="t")
    kid = complaint_id(post_form(op, f"/services/cases/{case_id}/complaints",
                                 {"target": "decision", "text": "Келіспеймін", "lodged_with": "quality_body",
                                  "at": "2025-03-05T10:00"}, page=f"/services/cases/{case_id}"))
    k = site.desk.complaint(kid).complaint
    assert (k.state, k.lodged_with) == ("appealed", "quality_body")
    rev = site.client("reviewer")
    assert post_form(rev, f"/services/complaints/{kid}", {"action": "decide_appeal", "outcome": "rejected",
                                                          "at": "2025-03-20T10:00"}).status_code == 303
    r = post_form(op, f"/services/complaints/{kid}", {"action": "court", "court": "Астана қаласының МАӘС",
                                                      "at": "2025-03-19T10:00"})
    assert r.status_code == 400 and field_error(text(r), "court", "at") is not None  # before the last step
    assert post_form(op, f"/services/complaints/{kid}", {"action": "court", "court": "Астана қаласының МАӘС",
                                                         "at": "2025-03-25T10:00"}).status_code == 303
    r = post_form(op, f"/services/complaints/{kid}?lang=en", {"action": "court_decide", "outcome": "",
                                                              "at": "2025-04-15T10:00"})
    assert r.status_code == 400 and field_error(text(r), "court_decide", "outcome").startswith("Choose the outcome")
    assert post_form(op, f"/services/complaints/{kid}", {"action": "court_decide", "outcome": "upheld",
                                                         "at": "2025-04-15T10:00"}).status_code == 303
    assert site.desk.complaint(kid).complaint.state == "court_decided"
    assert site.state(case_id) == "reconsideration"  # an upheld claim reopens the refusal
    page = text(op.get(f"/services/complaints/{kid}?lang=ru"))
    assert "Астана қаласының МАӘС" in page and "15 апреля 2025, 10:00" in page
