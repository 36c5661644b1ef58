"""Staff pages for every step of the public service (order 674): an application filed on a
citizen's behalf, a case with its history and a form for each step its state allows (accept,
refuse with the standard's grounds, payment, start of training, certificate, withdrawal, a
complaint), and a complaint with its handling (point 65).

Every step's time is entered by the staff member (default: now, Asia/Almaty) and checked by the
service desk — the same :class:`~kzqual.services.cases.ServiceDesk` calls the API makes.  A refused
step re-shows its form with every value typed and the error next to its field (400), a step the
case's state no longer allows (another staff member was first) says so (409); nothing is written.
Who took the step is the signed-in staff member.  Access: kzqual.api.policy (an operator: own
office only; every read and step audited)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from kzqual.api import auth, policy
from kzqual.api.service_desk import get_desk
from kzqual.errors import InputError
from kzqual.services.model import APPLICANT_KINDS, BASES, COMPLAINT_TARGETS, SIGNED_WITH
from kzqual.services.workflow import CASE_MOVES, COMPLAINT_MOVES, LODGED_WITH, OPEN_STATES, PAYMENT_STATES
from kzqual.web import desk_forms as F
from kzqual.web.page_services import _as_of
from kzqual.web.render import page_lang, render

router = APIRouter()

# Steps that record point 8's papers and data without moving the case; open cases only.
RECORD_STEPS = ("document", "state_data")
CASE_STEPS = ("document", "state_data", "accept", "refuse", "payment", "start_training", "certify", "withdraw")
CASE_FIELDS = {"accept": ("group_id", "override_reason"), "refuse": ("reason",), "payment": ("amount",),
               "start_training": (), "certify": ("certificate",), "withdraw": ("reason",),
               "document": ("document", "note"), "state_data": ("kind", "source", "obtained_on", "result", "note")}
COMPLAINT_STEPS = ("satisfy", "forward", "decide", "appeal", "decide_appeal", "court", "court_decide")
COMPLAINT_FIELDS = {"satisfy": ("note",), "forward": ("body",), "decide": ("outcome", "note"), "appeal": (),
                    "decide_appeal": ("outcome",), "court": ("court", "note"), "court_decide": ("outcome", "note")}
APPLICATION_TEXT = ("iin", "surname", "name", "patronymic", "address", "phone", "addressee", "branch")


def _actor(request: Request) -> str:
    return auth.principal_of(request).name


# ------------------------------------------------------------------ apply on a citizen's behalf
@router.get("/services/apply")
def apply_form(request: Request):
    return _apply_page(request, F.FormState(action="apply", values={"at": F.now_value(), "consent": "", "medical_card": "1",
                                                    "office": _default_office(request)}))


@router.post("/services/apply")
async def apply(request: Request):
    form = await request.form()
    lang = page_lang(request)
    state = F.FormState(action="apply", values=F.read_form(
        form, (*APPLICATION_TEXT, "documents", "consent", "medical_card", "signed_with", "applicant_kind",
               "basis", "office", "at")))
    at = F.parse_at(state, lang)
    v = state.values
    application = {k: v[k] for k in APPLICATION_TEXT if v[k]}
    application.update(
        documents=[line.strip() for line in v["documents"].splitlines() if line.strip()],
        consent=v["consent"] == "1", medical_card=v["medical_card"] == "1",
        signed_with=v["signed_with"] or "eds", applicant_kind=v["applicant_kind"] or "conscript",
        basis=v["basis"] or "free")
    office = _office(request, v["office"], state, lang)
    for exc in F.application_errors(application):
        state.absorb(exc, lang)
    if state.failed or at is None:
        return _apply_page(request, state)
    try:
        view = get_desk(request.app).apply(application, at=at, actor=_actor(request), office=office)
    except InputError as exc:
        state.absorb(exc, lang)
        return _apply_page(request, state)
    auth.audit(request, "case.apply", case_id=view.case.id)
    return RedirectResponse(f"/services/cases/{view.case.id}?done=submitted", status_code=303)


def _default_office(request: Request) -> str:
    from kzqual.services.cases import DEFAULT_OFFICE

    return auth.principal_of(request).office or DEFAULT_OFFICE


def _office(request: Request, typed: str, state: F.FormState, lang: str) -> str:
    """An operator files for their own office; an admin names one (default ``main``)."""
    p = auth.principal_of(request)
    if p.role != "admin":
        return _default_office(request)
    office = typed.strip() or _default_office(request)
    if len(office) > 100:
        state.fail("office", "service_web.err.field.office", lang)
    return office


def _apply_page(request: Request, state: F.FormState):
    return render(request, "apply.html", http_status=state.status if state.failed else 200, form=state,
                  choices={"signed_with": SIGNED_WITH, "applicant_kind": APPLICANT_KINDS, "basis": BASES},
                  admin=auth.principal_of(request).role == "admin", own_office=_default_office(request),
                  active="/services")


# ------------------------------------------------------------------ a case and its steps
def case_steps(view: dict[str, Any], role: str) -> list[str]:
    """The steps the case's state allows now, if the role may take steps at all."""
    if not policy.allowed(role, "case.act"):
        return []
    moves = set(CASE_MOVES.get(view["state"], {}))
    if view["state"] in PAYMENT_STATES and view["fee_due"] > view["paid_amount"]:
        moves.add("payment")
    if view["state"] in OPEN_STATES:
        moves.add("state_data")
        if (view.get("checklist") or {}).get("missing"):
            moves.add("document")
    return [s for s in CASE_STEPS if s in moves]


def case_page(request: Request, case_id: int, state: F.FormState | None = None, done: str | None = None):
    desk = get_desk(request.app)
    view = desk.case(case_id, as_of=_as_of(request.query_params.get("as_of"))).as_dict()
    role = auth.principal_of(request).role
    lang = page_lang(request)
    grounds = [{"n": n, "text": g.text(lang if lang in g.label else "kk"),
                "lang": lang if lang in g.label else "kk", "where": g.where()}
               for n, g in sorted(desk.standard.refusal_grounds().items())]
    groups = [g.as_dict() for g in desk.groups() if g.basis == view["application"]["basis"]]
    state = state or F.FormState()
    status = state.status if state.failed else 200
    from kzqual.services.paperwork import Paperwork

    docs = [d.as_dict() for d in Paperwork(desk).documents(case_id)]  # the notices and certificate issued
    req = desk.requirements
    state_data = [{"key": k, "text": i.text(lang), "where": i.where(), "results": i.results}
                  for k, i in req.state_data.items()]
    return render(request, "case.html", http_status=status, c=view, steps=case_steps(view, role),
                  can_complain=policy.allowed(role, "complaint.add"), groups=groups, grounds=grounds,
                  targets=COMPLAINT_TARGETS, lodged_with=tuple(LODGED_WITH), state_data=state_data,
                  today=F.now_value()[:10], docs=docs, form=state, now=F.now_value(), done=done, active="/services")


@router.get("/services/cases/{case_id}")
def case(request: Request, case_id: int):
    auth.check_case(request, case_id)
    response = case_page(request, case_id, done=request.query_params.get("done"))
    auth.audit(request, "case.read", case_id=case_id)
    return response


@router.post("/services/cases/{case_id}")
async def case_step(request: Request, case_id: int):
    """One step on a case (the form's ``action``), at the time the staff member entered."""
    form = await request.form()
    auth.check_case(request, case_id)
    action = _step(form, CASE_STEPS)
    state, at, lang = _read(request, action, form, CASE_FIELDS[action], ("grounds",))
    desk = get_desk(request.app)
    actor = _actor(request)
    v = state.values
    if action == "accept":
        gid = F.parse_int(state, "group_id", lang)
        if gid is not None and gid not in {g.id for g in desk.groups()}:
            state.fail("group_id", "service_web.err.field.group_id", lang)
        call = lambda: desk.accept(case_id, group_id=gid, at=at, actor=actor,  # noqa: E731
                                   override_reason=v["override_reason"] or None)
    elif action == "document":
        call = lambda: desk.receive_document(case_id, document=v["document"], at=at, actor=actor,  # noqa: E731
                                             note=v["note"])
    elif action == "state_data":
        obtained = F.parse_date(state, "obtained_on", lang)
        call = lambda: desk.record_state_data(case_id, kind=v["kind"], source=v["source"],  # noqa: E731
                                              obtained_on=obtained, result=v["result"], note=v["note"],
                                              at=at, actor=actor)
    elif action == "refuse":
        grounds = []
        for g in v["grounds"]:
            if not g.isdigit():
                state.fail("grounds", "service_web.err.unknown_ground", lang)
            else:
                grounds.append(int(g))
        call = lambda: desk.refuse(case_id, grounds=grounds, reason=v["reason"], at=at, actor=actor)  # noqa: E731
    elif action == "payment":
        amount = F.parse_int(state, "amount", lang, high=10**9)
        call = lambda: desk.record_payment(case_id, amount=amount, at=at, actor=actor)  # noqa: E731
    elif action == "start_training":
        call = lambda: desk.start_training(case_id, at=at, actor=actor)  # noqa: E731
    elif action == "certify":
        call = lambda: desk.certify(case_id, number=v["certificate"], at=at, actor=actor)  # noqa: E731
    else:
        call = lambda: desk.withdraw(case_id, at=at, actor=actor, reason=v["reason"])  # noqa: E731
    if not _run(state, call, lang, at):
        return case_page(request, case_id, state)
    auth.audit(request, f"case.{action}", case_id=case_id)
    return RedirectResponse(f"/services/cases/{case_id}?done={action}#history", status_code=303)


def _step(form: Any, steps: tuple[str, ...]) -> str:
    action = str(form.get("action", ""))[:40]
    if action not in steps:
        raise InputError(f"unknown step {action!r}: one of {', '.join(steps)}", field="action")
    return action


def _read(request: Request, action: str, form: Any, names: tuple[str, ...], lists: tuple[str, ...] = ()):
    """The step's form as typed, and the time entered (None, with its error, if unusable)."""
    lang = page_lang(request)
    state = F.FormState(action=action, values=F.read_form(form, ("at", *names), lists))
    return state, F.parse_at(state, lang), lang


def _run(state: F.FormState, call, lang: str, at) -> bool:
    """Take the step unless the form already failed; a refusal by the desk lands on the form."""
    if state.failed or at is None:
        return False
    try:
        call()
    except InputError as exc:
        state.absorb(exc, lang)
        return False
    return True


@router.post("/services/cases/{case_id}/complaints")
async def complain(request: Request, case_id: int):
    """File a complaint about a case (point 65), at the time it was received."""
    form = await request.form()
    auth.check_case(request, case_id)
    state, at, lang = _read(request, "complain", form, ("target", "text", "lodged_with"))
    desk = get_desk(request.app)
    v = state.values
    created: list[int] = []

    def call() -> None:
        created.append(desk.complain(case_id, target=v["target"], text=v["text"], at=at, actor=_actor(request),
                                     lodged_with=v["lodged_with"] or "provider").complaint.id)

    if not _run(state, call, lang, at):
        return case_page(request, case_id, state)
    auth.audit(request, "complaint.add", case_id=case_id, complaint_id=created[0])
    return RedirectResponse(f"/services/complaints/{created[0]}?done=registered", status_code=303)


# ------------------------------------------------------------------ a complaint and its handling
def complaint_steps(view: dict[str, Any], role: str) -> list[str]:
    moves = set(COMPLAINT_MOVES.get(view["state"], {}))
    return [s for s in COMPLAINT_STEPS if s in moves and (role == "admin" or role in policy.COMPLAINT_STEPS[s])]


def complaint_page(request: Request, complaint_id: int, state: F.FormState | None = None,
                   done: str | None = None):
    desk = get_desk(request.app)
    view = desk.complaint(complaint_id).as_dict()
    case_events = [e for e in desk.case(view["case_id"]).as_dict()["events"] if e["complaint_id"] == complaint_id]
    state = state or F.FormState()
    state.values.setdefault("at", F.now_value())
    return render(request, "complaint.html", http_status=state.status if state.failed else 200, k=view,
                  events=case_events, steps=complaint_steps(view, auth.principal_of(request).role), form=state,
                  now=F.now_value(), done=done, active="/services")


@router.get("/services/complaints/{complaint_id}")
def complaint(request: Request, complaint_id: int):
    case_id = auth.check_complaint(request, complaint_id)
    response = complaint_page(request, complaint_id, done=request.query_params.get("done"))
    auth.audit(request, "complaint.read", case_id=case_id, complaint_id=complaint_id)
    return response


@router.post("/services/complaints/{complaint_id}")
async def complaint_step(request: Request, complaint_id: int):
    """Handle a complaint (the form's ``action``) at the time entered; the role decides which steps."""
    form = await request.form()
    case_id = auth.check_complaint(request, complaint_id, str(form.get("action", ""))[:40])
    action = _step(form, COMPLAINT_STEPS)
    state, at, lang = _read(request, action, form, COMPLAINT_FIELDS[action])
    desk = get_desk(request.app)
    actor, v = _actor(request), state.values
    calls = {
        "satisfy": lambda: desk.satisfy_complaint(complaint_id, at=at, actor=actor, note=v.get("note", "")),
        "forward": lambda: desk.forward_complaint(complaint_id, at=at, actor=actor, body=v["body"]),
        "decide": lambda: desk.decide_complaint(complaint_id, outcome=v["outcome"], at=at, actor=actor,
                                                note=v.get("note", "")),
        "appeal": lambda: desk.appeal_complaint(complaint_id, at=at, actor=actor),
        "decide_appeal": lambda: desk.decide_appeal(complaint_id, outcome=v["outcome"], at=at, actor=actor),
        "court": lambda: desk.file_complaint_in_court(complaint_id, at=at, actor=actor, court=v["court"],
                                                      note=v["note"]),
        "court_decide": lambda: desk.record_court_decision(complaint_id, outcome=v["outcome"], at=at, actor=actor,
                                                           note=v["note"]),
    }
    if not _run(state, calls[action], lang, at):
        return complaint_page(request, complaint_id, state)
    auth.audit(request, f"complaint.{action}", case_id=case_id, complaint_id=complaint_id)
    return RedirectResponse(f"/services/complaints/{complaint_id}?done={action}", status_code=303)
