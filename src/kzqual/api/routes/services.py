"""The public service "training citizens in military-technical specialties" (order 674):
training groups, cases with deadlines, complaints (point 65) and the Н6-ӘТМ report.

Training groups are public (a platoon, no person).  Cases, complaints and the report are staff
only (kzqual.api.policy): an operator sees their own office's cases, a reviewer the complaints and
their cases, an admin everything; every read and change of a case or complaint is audited.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field

from kzqual.api import auth
from kzqual.api.auth import bearer
from kzqual.api.errors import WRITE_RESPONSES, ApiError, ErrorResponse
from kzqual.api.pagination import Page, PageParams, make_page, page_params
from kzqual.api.service_desk import get_desk, moment
from kzqual.api.strict import TEXT_INT, IsoDate, IsoDateTime, JsonInt
from kzqual.errors import InputError
from kzqual.services.workflow import CASE_STATES, COMPLAINT_STATES

router = APIRouter(prefix="/services", tags=["public service"])
# Access is checked app-wide (kzqual.api.auth.enforce); the bearer dependency documents it in the schema.
write = {"dependencies": [Depends(bearer)], "responses": WRITE_RESPONSES}
staff = write
# A step on a case or complaint: the record's state may refuse it (another operator was first).
step = {**write, "responses": {**write["responses"], 409: {
    "model": ErrorResponse, "description": "The case's or complaint's current state does not allow the step "
                                           "(e.g. another operator decided it first); nothing was recorded"}}}

Id = Annotated[int, Path(ge=1, le=2**31 - 1), TEXT_INT]
Actor = Field(..., min_length=1, max_length=200, description="who takes the step (operator's name or id)")
At = Field(None, description="when the step was taken (Kazakhstan time if no offset); default now")


class Loose(BaseModel):
    # The service layer's documents carry many fields; the schema names the main ones.
    model_config = ConfigDict(extra="allow")


class Deadline(Loose):
    key: str | None = None
    due: str | None = None
    overdue: bool | None = None


class Group(Loose):
    id: int
    number: str
    profile: str
    basis: str


class Complaint(Loose):
    id: int
    case_id: int
    state: str
    target: str
    deadlines: list[dict] = []
    overdue: bool


class Case(Loose):
    id: int
    state: str
    application: dict
    deadlines: list[dict] = []
    overdue: bool
    events: list[dict] = []
    complaints: list[dict] = []


class GroupIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    number: str = Field(..., min_length=1, max_length=40)
    profile: str = Field(..., min_length=1, max_length=300)
    planned_creation: IsoDate
    period_start: IsoDate
    period_end: IsoDate
    actual_creation: IsoDate | None = None
    basis: Literal["free", "paid"] = "free"
    note: str = Field("", max_length=1000)


class ApplicationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    application: dict[str, Any] = Field(..., description="the form of appendix 2-2 (see docs/services.md)")
    actor: str = Actor
    at: IsoDateTime | None = At
    office: str | None = Field(None, min_length=1, max_length=100,
                               description="the office that handles the case: an operator's own (the default); "
                                           "an admin may name any (default `main`)")


class CaseAction(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal["accept", "refuse", "payment", "start_training", "certify", "withdraw"]
    actor: str = Actor
    at: IsoDateTime | None = At
    group_id: JsonInt | None = Field(None, ge=1, le=2**31 - 1, description="accept: the training group")
    grounds: list[JsonInt] = Field(default_factory=list, max_length=20, description="refuse: grounds (standard point 9)")
    reason: str = Field("", max_length=2000, description="refuse / withdraw: the reason")
    amount: JsonInt | None = Field(None, ge=1, le=10**9, description="payment: tenge")
    certificate: str | None = Field(None, max_length=80, description="certify: certificate number")
    override_reason: str | None = Field(
        None, max_length=2000, description="accept: why the case is admitted although a document of point 8 is "
                                           "missing (recorded in the history with the actor); without it such an "
                                           "admission is refused (`missing_documents`)")


class DocumentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    document: str = Field(..., min_length=1, max_length=40,
                          description="a document of point 8 (GET /services/requirements), e.g. `medical_card`")
    actor: str = Actor
    at: IsoDateTime | None = At
    note: str = Field("", max_length=2000)


class StateDataIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str = Field(..., min_length=1, max_length=40, description="identity, criminal_record, residence or "
                                                                     "military_registration (point 8)")
    source: str = Field(..., min_length=1, max_length=300, description="the state information system it came from")
    obtained_on: IsoDate = Field(..., description="the day the data was obtained")
    result: str = Field(..., min_length=1, max_length=40, description="what it showed (GET /services/requirements "
                                                                       "lists the results of each kind)")
    actor: str = Actor
    at: IsoDateTime | None = At
    note: str = Field("", max_length=2000)


class ComplaintIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    target: Literal["decision", "action", "inaction"]
    lodged_with: Literal["provider", "quality_body"] = Field(
        "provider", description="provider: the provider has 3 working days to satisfy or forward it; quality_body: "
                                "lodged straight with the authorised body for quality of public services (15 working "
                                "days from its registration there, `at`)")
    text: str = Field(..., min_length=1, max_length=10_000)
    actor: str = Actor
    at: IsoDateTime | None = At


class ComplaintAction(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal["satisfy", "forward", "decide", "appeal", "decide_appeal", "court", "court_decide"]
    actor: str = Actor
    at: IsoDateTime | None = At
    body: str | None = Field(None, max_length=300, description="forward: the reviewing body")
    court: str = Field("", max_length=300, description="court: the court the claim was filed with")
    outcome: Literal["upheld", "rejected"] | None = Field(None, description="decide / decide_appeal / court_decide")
    note: str = Field("", max_length=2000)


def _need(value: Any, what: str) -> Any:
    if value in (None, ""):
        raise InputError(f"this action needs {what}")
    return value


# ---------------------------------------------------------------- groups
@router.get("/groups", response_model=Page[Group], summary="Training groups")
def list_groups(request: Request, page: PageParams = Depends(page_params)):
    groups = [g.as_dict() for g in get_desk(request.app).groups()]
    return make_page(request, page, groups[page.offset : page.offset + page.limit], len(groups))


@router.post("/groups", response_model=Group, status_code=201, summary="Add a training group", **write)
def add_group(request: Request, body: GroupIn):
    return get_desk(request.app).add_group(**body.model_dump()).as_dict()


# ---------------------------------------------------------------- cases
@router.get("/cases", response_model=Page[Case], summary="Cases with deadlines and overdue flags (staff)", **staff)
def list_cases(
    request: Request,
    state: Literal[CASE_STATES] | None = Query(  # type: ignore[valid-type]
        None, description="only cases in this state"),
    overdue: bool = Query(False, description="only overdue cases"),
    as_of: IsoDate | None = Query(None, description="deadlines as on this day (default today)"),
    group_id: Annotated[int | None, Query(ge=1, le=2**31 - 1), TEXT_INT] = None,
    page: PageParams = Depends(page_params),
):
    office = auth.office_filter(auth.principal_of(request))
    views = get_desk(request.app).cases(state=state, as_of=as_of, overdue_only=overdue, group_id=group_id,
                                        office=office)
    items = [v.as_dict() for v in views[page.offset : page.offset + page.limit]]
    auth.audit(request, "case.list", details={"cases": [i["id"] for i in items]})
    return make_page(request, page, items, len(views))


@router.post("/cases", response_model=Case, status_code=201, summary="Submit an application (opens a case)", **write)
def apply(request: Request, body: ApplicationIn):
    from kzqual.services.cases import DEFAULT_OFFICE

    principal = auth.principal_of(request)
    office = body.office or principal.office or DEFAULT_OFFICE
    if principal.role != "admin" and office != principal.office:
        raise ApiError(403, "forbidden", f"an operator files cases for their own office ({principal.office})")
    view = get_desk(request.app).apply(body.application, at=moment(body.at), actor=body.actor, office=office)
    auth.audit(request, "case.apply", case_id=view.case.id)
    return view.as_dict()


@router.get("/cases/{case_id}", response_model=Case, summary="One case with its events and complaints (staff)",
            **staff)
def get_case(request: Request, case_id: Id, as_of: IsoDate | None = Query(None)):
    auth.check_case(request, case_id)
    view = get_desk(request.app).case(case_id, as_of=as_of).as_dict()
    auth.audit(request, "case.read", case_id=case_id)
    return view


@router.post("/cases/{case_id}/actions", response_model=Case, summary="Take a step on a case", **step)
def case_action(request: Request, body: CaseAction, case_id: Id):
    auth.check_case(request, case_id)
    desk = get_desk(request.app)
    at, actor = moment(body.at), body.actor
    if body.action == "accept":
        view = desk.accept(case_id, group_id=_need(body.group_id, "group_id"), at=at, actor=actor,
                           override_reason=body.override_reason)
    elif body.action == "refuse":
        view = desk.refuse(case_id, grounds=body.grounds, reason=body.reason, at=at, actor=actor)
    elif body.action == "payment":
        view = desk.record_payment(case_id, amount=_need(body.amount, "amount"), at=at, actor=actor)
    elif body.action == "start_training":
        view = desk.start_training(case_id, at=at, actor=actor)
    elif body.action == "certify":
        view = desk.certify(case_id, number=_need(body.certificate, "certificate"), at=at, actor=actor)
    else:
        view = desk.withdraw(case_id, at=at, actor=actor, reason=body.reason)
    auth.audit(request, f"case.{body.action}", case_id=case_id)
    return view.as_dict()


@router.post("/cases/{case_id}/checklist/documents", response_model=Case,
             summary="Record a document of point 8 given for a case (ticks its checklist)", **step)
def receive_document(request: Request, body: DocumentIn, case_id: Id):
    auth.check_case(request, case_id)
    view = get_desk(request.app).receive_document(case_id, document=body.document, at=moment(body.at),
                                                  actor=body.actor, note=body.note)
    auth.audit(request, "case.document", case_id=case_id, details={"document": body.document})
    return view.as_dict()


@router.post("/cases/{case_id}/state-data", response_model=Case,
             summary="Record data obtained from a state information system for a case (point 8)", **step)
def record_state_data(request: Request, body: StateDataIn, case_id: Id):
    auth.check_case(request, case_id)
    view = get_desk(request.app).record_state_data(case_id, kind=body.kind, source=body.source,
                                                   obtained_on=body.obtained_on, result=body.result,
                                                   at=moment(body.at), actor=body.actor, note=body.note)
    auth.audit(request, "case.state_data", case_id=case_id, details={"kind": body.kind})
    return view.as_dict()


@router.get("/requirements", summary="What point 8 requires on each case: documents, state data (public: the act)")
def requirements():
    from kzqual.services.requirements import load_requirements

    return load_requirements().as_dict()


# ---------------------------------------------------------------- complaints
@router.post("/cases/{case_id}/complaints", response_model=Complaint, status_code=201,
             summary="Register a complaint about a case (point 65)", **step)
def complain(request: Request, body: ComplaintIn, case_id: Id):
    auth.check_case(request, case_id)
    view = get_desk(request.app).complain(case_id, target=body.target, text=body.text, at=moment(body.at),
                                          actor=body.actor, lodged_with=body.lodged_with)
    auth.audit(request, "complaint.add", case_id=case_id, complaint_id=view.complaint.id)
    return view.as_dict()


@router.get("/complaints", response_model=Page[Complaint],
            summary="Complaints with their deadlines (staff: a reviewer's work list; an operator's office)", **staff)
def list_complaints(
    request: Request,
    state: Literal[COMPLAINT_STATES] | None = Query(None, description="only complaints in this state"),  # type: ignore[valid-type]
    as_of: IsoDate | None = Query(None, description="deadlines as on this day (default today)"),
    page: PageParams = Depends(page_params),
):
    office = auth.office_filter(auth.principal_of(request))
    views = get_desk(request.app).complaints(state=state, office=office, as_of=as_of)
    items = [v.as_dict() for v in views[page.offset : page.offset + page.limit]]
    auth.audit(request, "complaint.list", details={"complaints": [i["id"] for i in items]})
    return make_page(request, page, items, len(views))


@router.get("/complaints/{complaint_id}", response_model=Complaint, summary="One complaint with its deadlines (staff)",
            **staff)
def get_complaint(request: Request, complaint_id: Id, as_of: IsoDate | None = Query(None)):
    case_id = auth.check_complaint(request, complaint_id)
    view = get_desk(request.app).complaint(complaint_id, as_of=as_of).as_dict()
    auth.audit(request, "complaint.read", case_id=case_id, complaint_id=complaint_id)
    return view


@router.post("/complaints/{complaint_id}/actions", response_model=Complaint, summary="Handle a complaint", **step)
def complaint_action(request: Request, body: ComplaintAction, complaint_id: Id):
    case_id = auth.check_complaint(request, complaint_id, body.action)
    desk = get_desk(request.app)
    at, actor = moment(body.at), body.actor
    if body.action == "satisfy":
        view = desk.satisfy_complaint(complaint_id, at=at, actor=actor, note=body.note)
    elif body.action == "forward":
        view = desk.forward_complaint(complaint_id, at=at, actor=actor, body=_need(body.body, "body"))
    elif body.action == "decide":
        view = desk.decide_complaint(complaint_id, outcome=_need(body.outcome, "outcome"), at=at, actor=actor,
                                     note=body.note)
    elif body.action == "appeal":
        view = desk.appeal_complaint(complaint_id, at=at, actor=actor)
    elif body.action == "decide_appeal":
        view = desk.decide_appeal(complaint_id, outcome=_need(body.outcome, "outcome"), at=at, actor=actor)
    elif body.action == "court":
        view = desk.file_complaint_in_court(complaint_id, at=at, actor=actor, court=body.court, note=body.note)
    else:
        view = desk.record_court_decision(complaint_id, outcome=_need(body.outcome, "outcome"), at=at, actor=actor,
                                          note=body.note)
    auth.audit(request, f"complaint.{body.action}", case_id=case_id, complaint_id=complaint_id)
    return view.as_dict()


# ---------------------------------------------------------------- report
def _text(description: str, max_length: int = 300):
    return Query("", max_length=max_length, description=description)


class N6Form:
    """What the submitter writes on the Н6-ӘТМ form besides the table (all optional: a blank line
    on the printable form when not given)."""

    def __init__(self,
                 training_org: str = _text("the Ministry of Defence's training organisation the heading names"),
                 shortcomings: str = _text("the shortcomings the heading announces", 4000),
                 measures: str = _text("the measures taken to remove them", 4000),
                 org_name: str = _text("signature block: the submitting body"),
                 org_address: str = _text("signature block: its address"),
                 org_phone: str = _text("signature block: its phone", 100),
                 org_email: str = _text("signature block: its e-mail", 200),
                 executor: str = _text("signature block: who prepared it"),
                 executor_phone: str = _text("signature block: the executor's phone", 100),
                 head: str = _text("signature block: the head or person authorised to sign")) -> None:
        self.values = dict(training_organisation=training_org, shortcomings=shortcomings, measures=measures,
                           name=org_name, address=org_address, phone=org_phone, email=org_email,
                           executor=executor, executor_phone=executor_phone, head=head)

    def organisation(self):
        from kzqual.services.report import Organisation

        return Organisation(**{k: v.strip() for k, v in self.values.items()})


@router.get(
    "/reports/n6",
    summary="Report Н6-ӘТМ for a half-year (JSON, CSV or the printable form; staff: an operator's own office)",
    dependencies=[Depends(bearer)],
    responses={**WRITE_RESPONSES, 200: {"content": {"application/json": {}, "text/csv": {}, "text/html": {}}}},
)
def report_n6(
    request: Request,
    year: Annotated[int, Query(ge=2000, le=2100), TEXT_INT],
    half: Annotated[int, Query(ge=1, le=2), TEXT_INT],
    format: Literal["json", "csv", "html"] = Query("json"),
    lang: Literal["kk", "ru"] = Query("kk", description="language of the CSV / HTML form (the form exists in kk "
                                                        "and ru only)"),
    form: N6Form = Depends(),
):
    from kzqual.api.printable import printable
    from kzqual.services.report import to_csv, to_html

    report = get_desk(request.app).report_n6(year=year, half=half, organisation=form.organisation(),
                                             office=auth.office_filter(auth.principal_of(request)))
    if format == "csv":
        return PlainTextResponse(to_csv(report, lang), media_type="text/csv; charset=utf-8")
    if format == "html":
        return printable(to_html(report, lang))  # the form's own style block (kzqual.api.printable)
    return report.as_dict()
