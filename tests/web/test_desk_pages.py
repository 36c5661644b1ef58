"""The staff pages of the public service over HTTP, on SQLite and PostgreSQL: a case walked from
an application filed on a citizen's behalf to the certificate with the step times entered; and
every refusal — a bad or future time, a time before submission, a step the state does not allow,
two staff at once, another office's case, an unknown case, a bad application — answered with the
error next to its field in the reader's language, every typed value kept, nothing written."""

from __future__ import annotations

from datetime import date, datetime

import httpx
import pytest

from kzqual.services.iin import make_iin
from pg import pg_server  # noqa: F401  (shared PostgreSQL fixture, tests/pg.py)

from .desk_site import field_error, post_form, serve, text
from staff import csrf_of


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request, tmp_path_factory):
    yield from serve(request, tmp_path_factory, "desk")



def events(site, case_id: int) -> list[tuple[str, datetime, str]]:
    return [(e.kind, e.at, e.actor) for e in site.desk.case(case_id).events]


def test_a_case_from_application_to_certificate(site):
    op = site.client("op-astana")
    form = op.get("/services/apply?lang=ru")
    assert form.status_code == 200 and 'type="datetime-local"' in form.text
    r = post_form(op, "/services/apply?lang=ru", {
        "iin": make_iin(date(2005, 4, 12), "m", 3), "surname": "Жұмабаев", "name": "Нұрлан", "patronymic": "", "address": "Астана қ.",
        "phone": "+7 702 555 03 04", "addressee": "Қорғаныс істері департаментінің",
        "branch": "Әскери-техникалық мектеп", "documents": "медициналық куәландыру картасы\nжеке куәлік көшірмесі",
        "consent": "1", "medical_card": "1", "signed_with": "eds", "applicant_kind": "conscript", "basis": "paid",
        "office": "almaty",  # not an admin: the operator files for their own office whatever is sent
        "at": "2025-03-03T18:30"})
    assert r.status_code == 303, text(r)[:2000]
    case_id = int(r.headers["location"].split("/")[3].split("?")[0])
    view = site.desk.case(case_id)
    assert view.case.office == "astana" and view.case.submitted_at == datetime(2025, 3, 3, 18, 30)
    assert view.case.accepted_day.isoformat() == "2025-03-04"  # after 18:00: counts from the next working day
    assert view.case.application.documents == ("медициналық куәландыру картасы", "жеке куәлік көшірмесі")
    steps = [
        {"action": "payment", "amount": "305000", "at": "2025-03-04T10:15"},
        {"action": "accept", "group_id": str(site.groups["paid"]), "at": "2025-03-05T11:00"},
        {"action": "start_training", "at": "2025-03-10T09:00"},
        {"action": "certify", "certificate": "ӘТМ-2025/017", "at": "2025-05-30T15:00"},
    ]
    for step in steps:
        r = post_form(op, f"/services/cases/{case_id}", step)
        assert r.status_code == 303, (step, text(r)[:1500])
    assert site.state(case_id) == "certified"
    assert events(site, case_id) == [
        ("submitted", datetime(2025, 3, 3, 18, 30), "op-astana"),
        ("payment", datetime(2025, 3, 4, 10, 15), "op-astana"),
        ("accept", datetime(2025, 3, 5, 11, 0), "op-astana"),
        ("start_training", datetime(2025, 3, 10, 9, 0), "op-astana"),
        ("certify", datetime(2025, 5, 30, 15, 0), "op-astana"),
    ]
    ru = text(op.get(f"/services/cases/{case_id}?lang=ru"))
    kk = text(op.get(f"/services/cases/{case_id}?lang=kk"))
    en = text(op.get(f"/services/cases/{case_id}?lang=en"))
    assert "3 марта 2025, 18:30" in ru and "30 мая 2025, 15:00" in ru and "10 марта 2025, 09:00" in ru
    assert "3 наурыз 2025, 18:30" in kk and "30 мамыр 2025, 15:00" in kk
    assert "3 March 2025, 18:30" in en
    assert "ӘТМ-2025/017" in ru and ru.count("op-astana") >= 5
    # certified: a final state, no step of the case left (a complaint may still be filed)
    assert [f for f in ("accept", "refuse", "payment", "start_training", "certify", "withdraw", "complain")
            if f'id="form-{f}"' in ru] == ["complain"]


def test_the_step_forms_follow_the_state(site):
    op = site.client("op-astana")
    free = site.new_case()
    page = op.get(f"/services/cases/{free}?lang=en").text
    for step in ("accept", "refuse", "withdraw"):
        assert f'id="form-{step}"' in page
    for step in ("payment", "start_training", "certify"):  # a free case: no fee; not yet accepted
        assert f'id="form-{step}"' not in page
    # the refusal grounds: point 9's four, each cited
    for n in (1, 2, 3, 4):
        assert f'id="ground-{n}"' in page
    assert page.count("point 9") >= 4 or page.count("9-т") >= 4
    paid = site.new_case("paid")
    assert 'id="form-payment"' in op.get(f"/services/cases/{paid}").text
    # a reviewer sees a case with a complaint, and no step form of the provider
    site.desk.refuse(free, grounds=[2], reason="талаптарға сәйкес келмейді", at=datetime(2025, 3, 4, 10),
                     actor="t")
    site.desk.complain(free, target="decision", text="Келіспеймін", at=datetime(2025, 3, 5, 10), actor="t")
    rev = site.client("reviewer").get(f"/services/cases/{free}")
    assert rev.status_code == 200 and 'id="steps"' not in rev.text


@pytest.mark.parametrize("lang, words", [
    ("kk", "Уақыт өтініш берілгенге дейін"), ("ru", "Время раньше подачи заявления"),
    ("en", "The time is before the application was submitted")])
def test_a_time_before_submission_is_refused_in_the_readers_language(site, lang, words):
    op = site.client()
    case_id = site.new_case()
    before = events(site, case_id)
    r = post_form(op, f"/services/cases/{case_id}?lang={lang}",
                  {"action": "refuse", "grounds": ["1", "3"], "reason": "деректер нақты емес", "at": "2025-03-02T09:00"})
    assert r.status_code == 400
    page = text(r)
    assert field_error(page, "refuse", "at").startswith(words)
    # every typed value kept: grounds ticked, reason, the time
    assert 'id="ground-1" checked' in page and 'id="ground-3" checked' in page and 'id="ground-2" checked' not in page
    assert "деректер нақты емес</textarea>" in page and 'value="2025-03-02T09:00"' in page
    assert site.state(case_id) == "submitted" and events(site, case_id) == before


@pytest.mark.parametrize("at, key", [
    ("", "Enter the time of the step."),
    ("2025-13-40T10:00", "Enter the time as a date and hour"),
    ("2999-01-01T10:00", "The time is in the future"),
])
def test_a_missing_unreadable_or_future_time_is_refused(site, at, key):
    op = site.client()
    case_id = site.new_case()
    r = post_form(op, f"/services/cases/{case_id}?lang=en",
                  {"action": "accept", "group_id": str(site.groups["free"]), "at": at})
    assert r.status_code == 400
    assert field_error(text(r), "accept", "at").startswith(key)
    assert f'<option value="{site.groups["free"]}" selected>' in r.text  # the chosen platoon stays chosen
    assert site.state(case_id) == "submitted" and len(events(site, case_id)) == 1


def test_refusal_needs_a_ground_and_a_reason(site):
    op = site.client()
    case_id = site.new_case()
    r = post_form(op, f"/services/cases/{case_id}?lang=ru", {"action": "refuse", "reason": "x", "at": "2025-03-04T10:00"})
    assert r.status_code == 400
    assert field_error(text(r), "refuse", "grounds") == "Отметьте хотя бы одно основание из пункта 9 стандарта."
    r = post_form(op, f"/services/cases/{case_id}?lang=ru",
                  {"action": "refuse", "grounds": "4", "reason": "  ", "at": "2025-03-04T10:00"})
    assert r.status_code == 400
    assert field_error(text(r), "refuse", "reason") == "Укажите причину: отказ должен быть мотивированным."
    assert site.state(case_id) == "submitted"


def test_a_step_the_state_does_not_allow_is_a_409_and_changes_nothing(site):
    op = site.client()
    case_id = site.new_case()
    r = post_form(op, f"/services/cases/{case_id}?lang=en",
                  {"action": "certify", "certificate": "X-1", "at": "2025-03-04T10:00"}, page=f"/services/cases/{case_id}")
    assert r.status_code == 409
    page = text(r)
    assert "Nothing was recorded: the current state does not allow this step" in page
    assert 'data-state="submitted"' in page  # the page shows the case as it is now
    assert site.state(case_id) == "submitted" and len(events(site, case_id)) == 1


def test_two_staff_at_once_the_second_gets_a_clear_409(site):
    a, b = site.client(), site.client()
    case_id = site.new_case()
    token_a = csrf_of(a.get(f"/services/cases/{case_id}").text)
    token_b = csrf_of(b.get(f"/services/cases/{case_id}").text)  # both see the case undecided
    r = a.post(f"/services/cases/{case_id}", data={"csrf_token": token_a, "action": "accept",
                                                  "group_id": str(site.groups["free"]), "at": "2025-03-04T10:00"})
    assert r.status_code == 303
    r = b.post(f"/services/cases/{case_id}?lang=kk", data={
        "csrf_token": token_b, "action": "refuse", "grounds": "2", "reason": "сәйкес келмейді", "at": "2025-03-04T10:05"})
    assert r.status_code == 409
    page = text(r)
    assert "Ештеңе жазылған жоқ: істің қазіргі күйі бұл қадамға жол бермейді" in page
    assert 'data-state="accepted"' in page
    assert [k for k, *_ in events(site, case_id)] == ["submitted", "accept"]


def test_payment_past_the_fee_is_refused_on_the_amount(site):
    op = site.client()
    case_id = site.new_case("paid")
    r = post_form(op, f"/services/cases/{case_id}?lang=en", {"action": "payment", "amount": "400000", "at": "2025-03-04T10:00"})
    assert r.status_code == 400
    assert field_error(text(r), "payment", "amount") == "The amount exceeds the fee: enter only what remains due."
    assert 'value="400000"' in r.text
    assert site.desk.case(case_id).case.paid_amount == 0


def test_unknown_case_and_another_offices_case_do_not_exist(site):
    op = site.client()
    token = csrf_of(op.get("/services").text)
    for path in ("/services/cases/999999", "/services/cases/999999/complaints"):
        r = op.post(path, data={"csrf_token": token, "action": "withdraw", "at": "2025-03-04T10:00",
                                "target": "action", "text": "x"})
        assert r.status_code == 404, path
    assert op.get("/services/cases/999999").status_code == 404
    theirs = site.new_case(office="almaty")
    assert op.get(f"/services/cases/{theirs}").status_code == 404
    r = op.post(f"/services/cases/{theirs}", data={"csrf_token": token, "action": "withdraw", "at": "2025-03-04T10:00"})
    assert r.status_code == 404 and site.state(theirs) == "submitted"
    assert site.client("op-almaty").get(f"/services/cases/{theirs}").status_code == 200


def test_no_staff_page_for_the_public_and_no_step_without_the_form_token(site):
    public = httpx.Client(base_url=site.url, timeout=60)
    try:
        for path in ("/services/apply", "/services/cases/1"):
            r = public.get(path + "?lang=en")
            assert r.status_code == 401 and 'href="/signin?next=' in r.text
        token = csrf_of(public.get("/signin").text)
        r = public.post("/services/apply", data={"csrf_token": token, "surname": "X"})
        assert r.status_code == 401
    finally:
        public.close()
    op = site.client()
    case_id = site.new_case()
    r = op.post(f"/services/cases/{case_id}", data={"action": "withdraw", "at": "2025-03-04T10:00"})
    assert r.status_code == 403 and site.state(case_id) == "submitted"


def test_a_bad_application_keeps_what_was_typed_and_opens_no_case(site):
    op = site.client()
    before = len(site.desk.cases())
    data = {"iin": "123456789012", "surname": "Жұмабаев", "name": "Нұрлан", "address": "Астана қ.",
            "phone": "+7 702 555 03 04", "addressee": "ҚІД", "branch": "филиал", "documents": "медкарта",
            "signed_with": "eds", "applicant_kind": "reservist", "basis": "free", "at": "2025-03-03T10:00"}
    r = post_form(op, "/services/apply?lang=kk", {**data, "phone": "12-34"})
    assert r.status_code == 400
    page = text(r)  # every wrong field at once: ИИН, phone, consent
    assert field_error(page, "apply", "iin") == ("ЖСН 12 цифрдан тұрады, туған күні мен бақылау цифры дұрыс "
                                                 "болуы керек.")
    assert field_error(page, "apply", "phone") == "Телефон нөмірін енгізіңіз (кемінде 10 цифр)."
    assert field_error(page, "apply", "consent").startswith("Өтініш нысаны келісімді талап етеді")
    assert field_error(page, "apply", "surname") is None
    assert 'value="Жұмабаев"' in page and 'value="123456789012"' in page
    assert '<option value="reservist" selected>' in page
    r = post_form(op, "/services/apply?lang=en", {**data, "iin": make_iin(date(2004, 1, 2), "m", 7)})
    assert r.status_code == 400  # no consent ticked
    assert field_error(text(r), "apply", "consent").startswith("The form requires consent")
    assert len(site.desk.cases()) == before


def test_complaint_filed_and_handled_with_entered_times(site):
    op = site.client()
    case_id = site.new_case()
    site.desk.refuse(case_id, grounds=[1], reason="деректер нақты емес", at=datetime(2025, 3, 4, 10), actor="t")
    r = post_form(op, f"/services/cases/{case_id}/complaints",
                  {"target": "decision", "text": "Шешіммен келіспеймін", "at": "2025-03-05T16:00"},
                  page=f"/services/cases/{case_id}")
    assert r.status_code == 303
    kid = int(r.headers["location"].split("/")[3].split("?")[0])
    # the reviewer's step is not the operator's: the forward is
    r = post_form(op, f"/services/complaints/{kid}?lang=en", {"action": "forward", "body": "", "at": "2025-03-06T10:00"})
    assert r.status_code == 400 and field_error(text(r), "forward", "body") == "Name the body that reviews the complaint."
    r = post_form(op, f"/services/complaints/{kid}", {"action": "forward", "body": "ҚІД", "at": "2025-03-05T15:00"})
    assert r.status_code == 400 and field_error(text(r), "forward", "at") is not None  # before it was received
    assert post_form(op, f"/services/complaints/{kid}", {"action": "forward", "body": "ҚІД",
                                                         "at": "2025-03-06T10:00"}).status_code == 303
    rev = site.client("reviewer")
    r = post_form(rev, f"/services/complaints/{kid}?lang=ru", {"action": "decide", "outcome": "", "at": "2025-03-10T10:00"})
    assert r.status_code == 400 and field_error(text(r), "decide", "outcome").startswith("Выберите решение")
    assert post_form(rev, f"/services/complaints/{kid}", {"action": "decide", "outcome": "upheld",
                                                          "at": "2025-03-10T10:00"}).status_code == 303
    k = site.desk.complaint(kid).complaint
    assert (k.state, k.forwarded_at, k.decided_at) == ("decided", datetime(2025, 3, 6, 10), datetime(2025, 3, 10, 10))
    page = text(rev.get(f"/services/complaints/{kid}?lang=ru"))
    assert "6 марта 2025, 10:00" in page and "10 марта 2025, 10:00" in page and "reviewer" in page
