"""The public service's operations on a registry database — the one Python API the CLI and the
HTTP API call.

    desk = ServiceDesk(engine)                       # any SQLAlchemy engine (SQLite, PostgreSQL)
    g = desk.add_group(number="3", profile="жүргізуші", planned_creation=..., period_start=..., period_end=...)
    view = desk.apply({...application...}, at=datetime(...), actor="operator")
    desk.accept(view.case.id, group_id=g.id, at=..., actor=...)
    desk.refuse(case_id, grounds=[1], reason="...", at=..., actor=...)
    desk.record_payment / start_training / certify / withdraw
    desk.complain(case_id, target="decision", text="...", at=..., actor=...)
    desk.satisfy_complaint / forward_complaint / decide_complaint / appeal_complaint / decide_appeal
    desk.case(case_id) -> CaseView (record, events, deadlines, complaints, overdue flag)
    desk.cases(state=..., overdue_as_of=...) -> list[CaseView]

Every operation validates everything first and then writes the change and its audit event in one
transaction: a refused operation (unknown id, a move the standard does not allow, a date before
submission) raises :class:`~kzqual.errors.InputError` and changes nothing.  The read and the write
of a step are atomic on both back ends (services/txn.py): of two operators deciding one case at once
one wins, the other gets :class:`~kzqual.errors.ConflictError` (the case's state no longer allows
the step) or the overpayment refusal (the first payment already counts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, insert, select, text, update
from sqlalchemy.engine import Connection, CursorResult, RowMapping

from kzqual.errors import ConflictError, InputError, NotFoundError
from kzqual.services import tables as T
from kzqual.services.calendar import WorkCalendar, kz_local, kz_now
from kzqual.services.checks import (check_fee_paid, check_no_overpayment, check_paid_window,
                                    check_refusal_grounds, fee_due)
from kzqual.services.deadlines import Deadline, case_deadlines, complaint_deadlines, is_overdue
from kzqual.services.model import (COMPLAINT_TARGETS, Application, Case, Complaint, Event, TrainingGroup,
                                   application_from_dict)
from kzqual.services.report import N6Report, Organisation, build_n6
from kzqual.services.requirements import (DOCUMENT_EVENT, STATE_DATA_EVENT, Checklist, Requirements,
                                          check_grounds_have_state_data, checklist, load_requirements,
                                          missing_documents_message)
from kzqual.services.settings import Settings
from kzqual.services.standard import Standard, load_standard
from kzqual.services.txn import write_transaction
from kzqual.services.workflow import (LODGED_WITH, OPEN_STATES, PAYMENT_STATES, REOPEN_FROM, REOPENED,
                                      REOPENING_STEPS, case_next, complaint_next)

# Advisory-lock keys of "an application for this ИИН is being filed" (PostgreSQL): 674·10^12 + the
# 12-digit ИИН, a range no other lock of kzqual uses.
IIN_LOCK_BASE = 674 * 10**12

# The office of cases filed with no office named, and of every case from before offices existed
# (migration security_0001).
DEFAULT_OFFICE = "main"


def ensure_schema(engine: Engine) -> None:
    """Create the service tables if missing (for a bare engine; the store runs the migration)."""
    T.metadata.create_all(engine)


@dataclass(frozen=True, slots=True)
class ComplaintView:
    complaint: Complaint
    deadlines: list[Deadline]

    @property
    def overdue(self) -> bool:
        return is_overdue(self.deadlines)

    def as_dict(self) -> dict[str, Any]:
        c = self.complaint
        return {
            "id": c.id, "case_id": c.case_id, "state": c.state, "target": c.target, "text": c.text,
            "received_at": _iso(c.received_at), "forwarded_at": _iso(c.forwarded_at),
            "reviewing_body": c.reviewing_body, "satisfied_at": _iso(c.satisfied_at),
            "decided_at": _iso(c.decided_at), "outcome": c.outcome, "appealed_at": _iso(c.appealed_at),
            "appeal_decided_at": _iso(c.appeal_decided_at), "appeal_outcome": c.appeal_outcome,
            "lodged_with": c.lodged_with, "court_filed_at": _iso(c.court_filed_at), "court_name": c.court_name,
            "court_decided_at": _iso(c.court_decided_at), "court_outcome": c.court_outcome,
            "deadlines": [d.as_dict() for d in self.deadlines], "overdue": self.overdue,
        }


@dataclass(frozen=True, slots=True)
class CaseView:
    case: Case
    group: TrainingGroup | None
    events: list[Event]
    deadlines: list[Deadline]
    complaints: list[ComplaintView] = field(default_factory=list)
    as_of: date | None = None
    checklist: Checklist | None = None  # point 8: documents given, state data obtained

    @property
    def overdue(self) -> bool:
        return is_overdue(self.deadlines) or any(c.overdue for c in self.complaints)

    def as_dict(self) -> dict[str, Any]:
        c = self.case
        return {
            "id": c.id, "state": c.state, "office": c.office, "application": c.application.as_dict(),
            "submitted_at": _iso(c.submitted_at), "accepted_day": c.accepted_day.isoformat(),
            "group": self.group.as_dict() if self.group else None,
            "classes_start": c.classes_start.isoformat() if c.classes_start else None,
            "decided_at": _iso(c.decided_at), "refusal_grounds": list(c.refusal_grounds),
            "refusal_reason": c.refusal_reason, "training_started_at": _iso(c.training_started_at),
            "certificate_no": c.certificate_no, "certified_at": _iso(c.certified_at),
            "withdrawn_at": _iso(c.withdrawn_at), "fee_due": c.fee_due, "paid_amount": c.paid_amount,
            "paid_at": _iso(c.paid_at),
            "reopened": {"at": _iso(c.reopened_at), "basis": c.reopen_basis, "complaint_id": c.reopen_complaint_id,
                         "redecision_from": c.redecision_from.isoformat() if c.redecision_from else None,
                         "redecided_at": _iso(c.redecided_at)} if c.reopened_at else None,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "deadlines": [d.as_dict() for d in self.deadlines], "overdue": self.overdue,
            "complaints": [cv.as_dict() for cv in self.complaints],
            "checklist": self.checklist.as_dict() if self.checklist else None,
            "events": [e.as_dict() for e in self.events],
        }


def _iso(v: datetime | None) -> str | None:
    return v.isoformat(timespec="minutes") if v else None


def _now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _group(row: RowMapping) -> TrainingGroup:
    return TrainingGroup(id=row["id"], number=row["number"], profile=row["profile"],
                         planned_creation=row["planned_creation"], actual_creation=row["actual_creation"],
                         period_start=row["period_start"], period_end=row["period_end"], basis=row["basis"],
                         note=row["note"] or "")


def _case(row: RowMapping) -> Case:
    app = dict(row["application"])
    app["documents"] = tuple(app.get("documents", ()))
    return Case(id=row["id"], state=row["state"], application=Application(**app),
                submitted_at=row["submitted_at"], accepted_day=row["accepted_day"], group_id=row["group_id"],
                classes_start=row["classes_start"], decided_at=row["decided_at"],
                refusal_grounds=tuple(row["refusal_grounds"] or ()), refusal_reason=row["refusal_reason"],
                training_started_at=row["training_started_at"], certificate_no=row["certificate_no"],
                certified_at=row["certified_at"], withdrawn_at=row["withdrawn_at"], fee_due=row["fee_due"],
                paid_amount=row["paid_amount"], paid_at=row["paid_at"], office=row["office"],
                reopened_at=row["reopened_at"], reopen_basis=row["reopen_basis"],
                reopen_complaint_id=row["reopen_complaint_id"], redecision_from=row["redecision_from"],
                redecided_at=row["redecided_at"])


def _complaint(row: RowMapping) -> Complaint:
    return Complaint(**{k: row[k] for k in Complaint.__dataclass_fields__})


def _event(row: RowMapping) -> Event:
    return Event(**{k: row[k] for k in Event.__dataclass_fields__})


class ServiceDesk:
    """Operations of the public service over one database."""

    def __init__(self, engine: Engine, *, calendar: WorkCalendar | None = None,
                 standard: Standard | None = None, settings: Settings | None = None) -> None:
        self.engine = engine
        self.calendar = calendar or WorkCalendar()
        self.standard = standard or load_standard()
        self.settings = settings or Settings()
        self.requirements: Requirements = load_requirements()

    def _write(self, what: str):
        """The transaction of one step (services/txn.py): on SQLite it holds the write lock from
        its first read, on PostgreSQL the step locks its rows; a lost race is a ConflictError."""
        return write_transaction(self.engine, what)

    # -- training groups -------------------------------------------------------------------------
    def add_group(self, *, number: str, profile: str, planned_creation: date, period_start: date,
                  period_end: date, actual_creation: date | None = None, basis: str = "free",
                  note: str = "") -> TrainingGroup:
        if not str(number).strip() or not profile.strip():
            raise InputError("a training group needs a number and a profile")
        if period_end < period_start:
            raise InputError(f"training period ends ({period_end}) before it starts ({period_start})")
        if basis not in ("free", "paid"):
            raise InputError("group basis must be free or paid")
        if basis == "paid":
            check_paid_window(period_start, period_end, self.standard)
        with self._write("a new training group") as conn:
            gid = conn.execute(insert(T.groups).values(
                number=str(number).strip(), profile=profile.strip(), planned_creation=planned_creation,
                actual_creation=actual_creation, period_start=period_start, period_end=period_end,
                basis=basis, note=note)).inserted_primary_key[0]
        return self.group(int(gid))

    def set_group_created(self, group_id: int, actual_creation: date) -> TrainingGroup:
        with self._write(f"training group {group_id}") as conn:
            self._group_row(conn, group_id, lock=True)
            conn.execute(update(T.groups).where(T.groups.c.id == group_id).values(actual_creation=actual_creation))
        return self.group(group_id)

    def group(self, group_id: int) -> TrainingGroup:
        with self.engine.connect() as conn:
            return _group(self._group_row(conn, group_id))

    def groups(self) -> list[TrainingGroup]:
        with self.engine.connect() as conn:
            return [_group(r) for r in conn.execute(select(T.groups).order_by(T.groups.c.id)).mappings()]

    @staticmethod
    def _group_row(conn: Connection, group_id: int, *, lock: bool = False) -> RowMapping:
        q = select(T.groups).where(T.groups.c.id == group_id)
        row = conn.execute(q.with_for_update() if lock else q).mappings().first()
        if row is None:
            raise NotFoundError(f"no training group {group_id}")
        return row

    # -- cases -------------------------------------------------------------------------------------
    def apply(self, application: Application | dict[str, Any], *, at: datetime, actor: str,
              office: str = DEFAULT_OFFICE) -> CaseView:
        at = kz_local(at)
        app = application if isinstance(application, Application) else application_from_dict(application)
        actor = _actor(actor)
        day = self.calendar.acceptance_day(at)
        with self._write("a new case") as conn:
            self._check_no_open_application(conn, app.iin)
            cid = conn.execute(insert(T.cases).values(
                state="submitted", iin=app.iin, application=app.as_dict(), submitted_at=at, accepted_day=day,
                office=_office(office),
                fee_due=fee_due(app.basis, self.standard))).inserted_primary_key[0]
            detail: dict[str, Any] = {"accepted_day": day.isoformat()}
            if day != at.date():
                detail["after_hours"] = self.standard["after_hours_rule"].where()
            detail["deadlines"] = self._case_dues(conn, int(cid), at)
            detail["settings"] = self.settings.as_dict()  # what shaped the dates, for the record
            self._log(conn, int(cid), None, "submitted", None, "submitted", at, actor, detail)
        return self.case(int(cid), as_of=at.date())

    @staticmethod
    def _check_no_open_application(conn: Connection, iin: str) -> None:
        """One open application per ИИН at a time.  Two operators filing the same person at once:
        SQLite's write lock (BEGIN IMMEDIATE) already orders them; on PostgreSQL a transaction-scoped
        advisory lock keyed by the ИИН does, so the second one sees the first one's case."""
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": IIN_LOCK_BASE + int(iin)})
        row = conn.execute(select(T.cases.c.id, T.cases.c.state, T.cases.c.office)
                           .where(T.cases.c.iin == iin, T.cases.c.state.in_(OPEN_STATES))
                           .order_by(T.cases.c.id).limit(1)).first()
        if row is not None:
            raise ConflictError(f"this ИИН already has an open application: case {row.id} ({row.state}, office "
                                f"{row.office}); one open application per ИИН at a time — it must be decided "
                                "(refused), certified or withdrawn first", code="duplicate_application")

    def accept(self, case_id: int, *, group_id: int, at: datetime, actor: str,
               override_reason: str | None = None) -> CaseView:
        """The admission notice.  Every document point 8 requires must be on the case; without one the
        step is refused naming what is missing, unless ``override_reason`` says why staff admit
        anyway (recorded in the event with who did it)."""
        at = kz_local(at)
        override = (override_reason or "").strip()
        with self._write(f"case {case_id}") as conn:
            case = self._case_for_move(conn, case_id, "accept", at)
            missing = checklist(case, self._events(conn, case_id), self.requirements).missing
            extra: dict[str, Any] = {}
            if missing and not override:
                raise InputError(missing_documents_message(case_id, missing), code="missing_documents")
            if missing:
                extra = {"missing_documents": [{"key": i.key, "where": i.where()} for i in missing],
                         "override": {"reason": override, "by": _actor(actor)}}
            group = _group(self._group_row(conn, group_id))
            if group.period_start < at.date():
                raise InputError(f"group {group.number} started classes on {group.period_start}, before the "
                                 f"decision ({at.date()}); the admission notice must name a future start",
                                 field="group_id")
            if case.application.basis == "paid":
                check_paid_window(group.period_start, group.period_end, self.standard)
            if group.basis != case.application.basis:
                raise InputError(f"case {case_id} is on a {case.application.basis} basis, group {group.number} "
                                 f"on a {group.basis} basis", field="group_id")
            self._move(conn, case, "accept", at, actor, {"group_id": group_id, "classes_start": group.period_start},
                       {"group": group.number, "classes_start": group.period_start.isoformat(), **extra},
                       decided_at=at)
        return self.case(case_id, as_of=at.date())

    def refuse(self, case_id: int, *, grounds: list[int], reason: str, at: datetime, actor: str) -> CaseView:
        at = kz_local(at)
        grounds_t = check_refusal_grounds(grounds, self.standard)
        if not reason or not reason.strip():
            raise InputError("a refusal must be reasoned (standard, point 5: 'дәлелді жауап'): give --reason",
                             field="reason")
        known = self.standard.refusal_grounds()
        with self._write(f"case {case_id}") as conn:
            case = self._case_for_move(conn, case_id, "refuse", at)
            check_grounds_have_state_data(case_id, grounds_t, checklist(case, self._events(conn, case_id),
                                                                        self.requirements),
                                          self.requirements, {g: known[g].where() for g in known})
            self._move(conn, case, "refuse", at, actor,
                       # a refusal taken again leaves no platoon behind (Н6-ӘТМ counts platoons' cases)
                       {"refusal_grounds": list(grounds_t), "refusal_reason": reason.strip(),
                        "group_id": None, "classes_start": None},
                       {"grounds": {str(g): known[g].where() for g in grounds_t}, "reason": reason.strip()},
                       decided_at=at)
        return self.case(case_id, as_of=at.date())

    def receive_document(self, case_id: int, *, document: str, at: datetime, actor: str, note: str = "") -> CaseView:
        """Record that a document point 8 requires was given (e.g. the medical examination card sent
        after the application): it ticks the case's checklist."""
        at = kz_local(at)
        item = self.requirements.documents.get(document)
        if item is None:
            raise InputError(f"unknown document {document!r}; point 8 lists: {', '.join(self.requirements.documents)}",
                             code="unknown_document")
        with self._write(f"case {case_id}") as conn:
            case = self._open_case_step(conn, case_id, at, "a document")
            self._log(conn, case_id, None, DOCUMENT_EVENT, case.state, case.state, at, _actor(actor),
                      {"document": item.key, "where": item.where(), "note": note.strip()})
        return self.case(case_id, as_of=at.date())

    def record_state_data(self, case_id: int, *, kind: str, source: str, obtained_on: date, result: str,
                          at: datetime, actor: str, note: str = "") -> CaseView:
        """Record data the provider obtained from a state information system (point 8: identity,
        criminal record, residence, military registration): which system, on what day, what it
        showed.  Refusal grounds 3 and 4 need the criminal-record record."""
        at = kz_local(at)
        item = self.requirements.state_data.get(kind)
        if item is None:
            raise InputError(f"unknown state data {kind!r}; point 8 lists: {', '.join(self.requirements.state_data)}",
                             code="unknown_state_data")
        if result not in item.results:
            raise InputError(f"state data {kind}: result must be one of {', '.join(item.results)}, not {result!r}",
                             field="result")
        source = (source or "").strip()
        if not source or len(source) > 300:
            raise InputError("name the state information system the data came from (1 to 300 characters)",
                             field="source")
        if obtained_on > at.date():
            raise InputError(f"data obtained on {obtained_on} cannot be recorded at {at:%Y-%m-%d %H:%M}, before it",
                             field="obtained_on")
        with self._write(f"case {case_id}") as conn:
            case = self._open_case_step(conn, case_id, at, "state data")
            if obtained_on < case.submitted_at.date():
                raise InputError(f"data obtained on {obtained_on}, before case {case_id} was submitted "
                                 f"({case.submitted_at:%Y-%m-%d}): it is about another application",
                                 code="before_submission", field="obtained_on")
            self._log(conn, case_id, None, STATE_DATA_EVENT, case.state, case.state, at, _actor(actor),
                      {"kind": kind, "source": source, "obtained_on": obtained_on.isoformat(), "result": result,
                       "note": note.strip(), "where": item.where()})
        return self.case(case_id, as_of=at.date())

    def _open_case_step(self, conn: Connection, case_id: int, at: datetime, what: str) -> Case:
        """The case of a step that records something without moving it: held, in time order, open,
        and still in the state it was read in (a no-op guarded UPDATE, as every step's)."""
        case = self._load_case(conn, case_id, lock=True)
        self._check_time(conn, case, at)
        if case.state not in OPEN_STATES:
            raise ConflictError(f"case {case_id} is {case.state}: {what} can no longer be recorded")
        _changed(conn.execute(update(T.cases).where(T.cases.c.id == case_id, T.cases.c.state == case.state)
                              .values(state=case.state)), f"case {case_id}")
        return case

    def record_payment(self, case_id: int, *, amount: int, at: datetime, actor: str) -> CaseView:
        at = kz_local(at)
        if amount <= 0:
            raise InputError("a payment must be a positive amount of tenge", field="amount")
        with self._write(f"case {case_id}") as conn:
            case = self._load_case(conn, case_id, lock=True)
            self._check_time(conn, case, at)
            if case.state not in PAYMENT_STATES:
                raise ConflictError(f"case {case_id} is {case.state}: no payment can be recorded")
            if case.fee_due == 0:
                raise InputError(f"case {case_id} is on a free basis: no fee is due", field="amount")
            total = case.paid_amount + amount
            # The act names one fee; a payment taking the total past it is an operator error
            # (mistyped amount), so it is refused rather than stored as an overpayment.
            check_no_overpayment(case.fee_due, case.paid_amount, amount, self.standard)
            # compare-and-set on what was read: the sum checked above is the sum the total adds to
            _changed(conn.execute(update(T.cases).where(
                T.cases.c.id == case_id, T.cases.c.state == case.state,
                T.cases.c.paid_amount == case.paid_amount).values(paid_amount=total, paid_at=at)), f"case {case_id}")
            self._log(conn, case_id, None, "payment", case.state, case.state, at, _actor(actor),
                      {"amount": amount, "total": total, "fee_due": case.fee_due,
                       "basis": self.standard["fee"].where()})
        return self.case(case_id, as_of=at.date())

    def start_training(self, case_id: int, *, at: datetime, actor: str) -> CaseView:
        at = kz_local(at)
        with self._write(f"case {case_id}") as conn:
            case = self._case_for_move(conn, case_id, "start_training", at)
            if case.classes_start and at.date() < case.classes_start:
                raise InputError(f"classes of case {case_id} start on {case.classes_start}, not before",
                                 code="before_classes", field="at")
            if self.settings.require_payment_before_training:
                check_fee_paid(case.fee_due, case.paid_amount, self.standard)
            self._move(conn, case, "start_training", at, actor, {"training_started_at": at}, {})
        return self.case(case_id, as_of=at.date())

    def certify(self, case_id: int, *, number: str, at: datetime, actor: str) -> CaseView:
        at = kz_local(at)
        if not number or not number.strip():
            raise InputError("a certificate needs a number", field="certificate")
        with self._write(f"case {case_id}") as conn:
            case = self._case_for_move(conn, case_id, "certify", at)
            self._move(conn, case, "certify", at, actor, {"certificate_no": number.strip(), "certified_at": at},
                       {"certificate_no": number.strip()})
        return self.case(case_id, as_of=at.date())

    def withdraw(self, case_id: int, *, at: datetime, actor: str, reason: str = "") -> CaseView:
        at = kz_local(at)
        with self._write(f"case {case_id}") as conn:
            case = self._case_for_move(conn, case_id, "withdraw", at)
            self._move(conn, case, "withdraw", at, actor, {"withdrawn_at": at}, {"reason": reason})
        return self.case(case_id, as_of=at.date())

    def case(self, case_id: int, *, as_of: date | None = None) -> CaseView:
        with self.engine.connect() as conn:
            case = self._load_case(conn, case_id)
            return self._view(conn, case, as_of or _today())

    def cases(self, *, state: str | None = None, as_of: date | None = None, overdue_only: bool = False,
              group_id: int | None = None, office: str | None = None) -> list[CaseView]:
        as_of = as_of or _today()
        q = select(T.cases).order_by(T.cases.c.id)
        if state:
            q = q.where(T.cases.c.state == state)
        if group_id is not None:
            q = q.where(T.cases.c.group_id == group_id)
        if office is not None:
            q = q.where(T.cases.c.office == office)
        with self.engine.connect() as conn:
            views = [self._view(conn, _case(r), as_of) for r in conn.execute(q).mappings()]
        return [v for v in views if v.overdue] if overdue_only else views

    # -- report Н6-ӘТМ --------------------------------------------------------------------------------
    def report_n6(self, *, year: int, half: int, organisation: Organisation | None = None,
                  office: str | None = None) -> N6Report:
        """The report over every case, or over one office's cases (an operator's own report)."""
        q = select(T.cases).where(T.cases.c.group_id.is_not(None))
        if office is not None:
            q = q.where(T.cases.c.office == office)
        with self.engine.connect() as conn:
            groups = [_group(r) for r in conn.execute(select(T.groups)).mappings()]
            cases = [_case(r) for r in conn.execute(q).mappings()]
        return build_n6(groups, cases, year=year, half=half, standard=self.standard, settings=self.settings,
                        calendar=self.calendar, organisation=organisation, office=office)

    # -- complaints (point 65) -----------------------------------------------------------------------
    def complain(self, case_id: int, *, target: str, text: str, at: datetime, actor: str,
                 lodged_with: str = "provider") -> ComplaintView:
        """Register a complaint (point 65): lodged with the provider (``registered``: 3 working days
        to satisfy or forward it) or straight with the authorised body for quality of public
        services (``appealed``: 15 working days from its registration there, ``at``)."""
        at = kz_local(at)
        if target not in COMPLAINT_TARGETS:
            raise InputError(f"a complaint is against a {', '.join(COMPLAINT_TARGETS)}, not {target!r}",
                             field="target")
        if lodged_with not in LODGED_WITH:
            raise InputError(f"a complaint is lodged with {' or '.join(LODGED_WITH)}, not {lodged_with!r}",
                             field="lodged_with")
        if not text or not text.strip():
            raise InputError("a complaint needs its text", field="text")
        with self._write(f"case {case_id}") as conn:
            case = self._load_case(conn, case_id, lock=True)  # its decision and last step stay as read
            self._check_time(conn, case, at)
            if target == "decision" and case.decided_at is None:
                raise InputError(f"case {case_id} has no decision yet; a complaint about the delay is "
                                 "against inaction", code="no_decision", field="target")
            state = LODGED_WITH[lodged_with]
            direct = {"appealed_at": at} if lodged_with == "quality_body" else {}
            cid = conn.execute(insert(T.complaints).values(
                case_id=case_id, state=state, target=target, text=text.strip(), received_at=at,
                lodged_with=lodged_with, **direct)).inserted_primary_key[0]
            detail: dict[str, Any] = {"target": target, "lodged_with": lodged_with}
            if direct:
                detail["basis"] = self.standard["complaint_quality_body_deadline"].where()
            self._log(conn, case_id, int(cid), "complaint_registered", None, state, at, _actor(actor),
                      {**detail, "deadlines": self._complaint_dues(conn, int(cid), at)})
        return self.complaint(int(cid), as_of=at.date())

    def satisfy_complaint(self, complaint_id: int, *, at: datetime, actor: str, note: str = "") -> ComplaintView:
        at = kz_local(at)
        return self._complaint_move(complaint_id, "satisfy", at, actor, {"satisfied_at": at}, {"note": note})

    def forward_complaint(self, complaint_id: int, *, at: datetime, actor: str, body: str) -> ComplaintView:
        at = kz_local(at)
        if not body or not body.strip():
            raise InputError("name the body that reviews the complaint (--to)", field="body")
        return self._complaint_move(complaint_id, "forward", at, actor,
                                    {"forwarded_at": at, "reviewing_body": body.strip()}, {"to": body.strip()})

    def decide_complaint(self, complaint_id: int, *, outcome: str, at: datetime, actor: str,
                         note: str = "") -> ComplaintView:
        at = kz_local(at)
        if outcome not in ("upheld", "rejected"):
            raise InputError("a complaint decision is upheld or rejected", field="outcome")
        return self._complaint_move(complaint_id, "decide", at, actor, {"decided_at": at, "outcome": outcome},
                                    {"outcome": outcome, "note": note})

    def appeal_complaint(self, complaint_id: int, *, at: datetime, actor: str) -> ComplaintView:
        at = kz_local(at)
        return self._complaint_move(complaint_id, "appeal", at, actor, {"appealed_at": at},
                                    {"to": self.standard["complaint_quality_body_deadline"].text("kk")})

    def decide_appeal(self, complaint_id: int, *, outcome: str, at: datetime, actor: str) -> ComplaintView:
        at = kz_local(at)
        if outcome not in ("upheld", "rejected"):
            raise InputError("an appeal decision is upheld or rejected", field="outcome")
        return self._complaint_move(complaint_id, "decide_appeal", at, actor,
                                    {"appeal_decided_at": at, "appeal_outcome": outcome}, {"outcome": outcome})

    def file_complaint_in_court(self, complaint_id: int, *, at: datetime, actor: str, court: str = "",
                                note: str = "") -> ComplaintView:
        """The applicant went to court after the pre-trial complaint (point 65, last sentence):
        ``at`` is the day the claim was filed."""
        at = kz_local(at)
        court = (court or "").strip()
        return self._complaint_move(complaint_id, "court", at, actor, {"court_filed_at": at, "court_name": court or None},
                                    {"court": court, "note": note,
                                     "basis": self.standard["court_after_pretrial"].where()})

    def record_court_decision(self, complaint_id: int, *, outcome: str, at: datetime, actor: str,
                              note: str = "") -> ComplaintView:
        """The court's decision on the claim: ``upheld`` reopens a decision complained of."""
        at = kz_local(at)
        if outcome not in ("upheld", "rejected"):
            raise InputError("a court decision is upheld or rejected", field="outcome")
        return self._complaint_move(complaint_id, "court_decide", at, actor,
                                    {"court_decided_at": at, "court_outcome": outcome}, {"outcome": outcome, "note": note})

    def complaints(self, *, state: str | None = None, office: str | None = None,
                   as_of: date | None = None) -> list[ComplaintView]:
        """Complaints, oldest first; ``office``: only about that office's cases."""
        q = select(T.complaints).order_by(T.complaints.c.id)
        if state:
            q = q.where(T.complaints.c.state == state)
        if office is not None:
            q = q.where(T.complaints.c.case_id.in_(select(T.cases.c.id).where(T.cases.c.office == office)))
        with self.engine.connect() as conn:
            return [self._complaint_view(_complaint(r), as_of or _today()) for r in conn.execute(q).mappings()]

    def complaint(self, complaint_id: int, *, as_of: date | None = None) -> ComplaintView:
        with self.engine.connect() as conn:
            return self._complaint_view(_complaint(self._complaint_row(conn, complaint_id)), as_of or _today())

    # -- internals ---------------------------------------------------------------------------------
    def _complaint_move(self, complaint_id: int, action: str, at: datetime, actor: str,
                        values: dict[str, Any], details: dict[str, Any]) -> ComplaintView:
        with self._write(f"complaint {complaint_id}") as conn:
            c = _complaint(self._complaint_row(conn, complaint_id, lock=True))
            new = complaint_next(c.state, action, complaint_id)
            last = self._last_event_at(conn, c.case_id, complaint_id) or c.received_at
            if at < last:
                raise InputError(f"{at:%Y-%m-%d %H:%M} is before the complaint's last step ({last:%Y-%m-%d %H:%M})",
                                 code="before_last_step", field="at")
            _changed(conn.execute(update(T.complaints).where(T.complaints.c.id == complaint_id,
                                                             T.complaints.c.state == c.state)
                                  .values(state=new, **values)), f"complaint {complaint_id}")
            details = {**details, "deadlines": self._complaint_dues(conn, complaint_id, at)}
            basis = REOPENING_STEPS.get(action)
            favourable = action == "satisfy" or "upheld" in (values.get("outcome"), values.get("appeal_outcome"),
                                                              values.get("court_outcome"))
            reopen = None
            if basis is not None and favourable:
                reopen = self._reopen_decision(conn, c, basis, at)
                details["case_reopened"] = reopen
            self._log(conn, c.case_id, complaint_id, f"complaint_{action}", c.state, new, at, _actor(actor), details)
            if reopen and reopen.get("reopened"):
                self._log(conn, c.case_id, complaint_id, "reopen", reopen["from_state"], REOPENED, at,
                          _actor(actor), {k: v for k, v in reopen.items() if k not in ("reopened", "from_state")})
        return self.complaint(complaint_id, as_of=at.date())

    # Where point 65 says each favourable outcome comes from (cited in the "reopen" event).
    _REOPEN_CITES = {"provider_satisfied": "complaint_satisfy_window",
                     "reviewing_body_upheld": "complaint_decision_deadline",
                     "quality_body_upheld": "complaint_quality_body_deadline",
                     "court_upheld": "court_after_pretrial"}

    def _reopen_decision(self, conn: Connection, c: Complaint, basis: str, at: datetime) -> dict[str, Any]:
        """A complaint about the decision satisfied by the provider or upheld by a reviewing body:
        the case's decision is open again (state ``reconsideration``), with its own deadline.  Runs
        inside the complaint step's transaction: both are written or neither."""
        case = self._load_case(conn, c.case_id, lock=True)
        why = {"complaint_id": c.id, "basis": basis, "outcome": "satisfied" if basis == "provider_satisfied" else "upheld",
               "cite": self.standard[self._REOPEN_CITES[basis]].where()}
        if c.target != "decision":
            return {"reopened": False, **why,
                    "why_not": f"the complaint is against {c.target}, not the decision: the decision stands"}
        if case.state not in REOPEN_FROM:
            return {"reopened": False, **why, "why_not": f"case {case.id} is {case.state}: only a refusal or an "
                                                         "admission notice before training is decided again"}
        # The provider's own favourable decision counts from the complaint's receipt (its 3 working
        # days); a decision after an upheld complaint from the day the outcome is recorded.
        start = c.received_at.date() if basis == "provider_satisfied" else at.date()
        _changed(conn.execute(update(T.cases).where(T.cases.c.id == case.id, T.cases.c.state == case.state).values(
            state=REOPENED, reopened_at=at, reopen_basis=basis, reopen_complaint_id=c.id, redecision_from=start,
            redecided_at=None)), f"case {case.id}")
        dues = self._case_dues(conn, case.id, at)
        return {"reopened": True, "from_state": case.state, **why, "deadlines": dues,
                "previous_decision": {"state": case.state, "at": _iso(case.decision_at),
                                      "refusal_grounds": list(case.refusal_grounds)}}

    @staticmethod
    def _complaint_row(conn: Connection, complaint_id: int, *, lock: bool = False) -> RowMapping:
        q = select(T.complaints).where(T.complaints.c.id == complaint_id)
        row = conn.execute(q.with_for_update() if lock else q).mappings().first()
        if row is None:
            raise NotFoundError(f"no complaint {complaint_id}")
        return row

    def _complaint_view(self, c: Complaint, as_of: date) -> ComplaintView:
        return ComplaintView(c, complaint_deadlines(c, as_of, cal=self.calendar, standard=self.standard,
                                                    settings=self.settings))

    @staticmethod
    def _load_case(conn: Connection, case_id: int, *, lock: bool = False) -> Case:
        q = select(T.cases).where(T.cases.c.id == case_id)
        if lock:  # two operators moving one case at once: the second waits, then sees the new state
            q = q.with_for_update()
        row = conn.execute(q).mappings().first()
        if row is None:
            raise NotFoundError(f"no case {case_id}")
        return _case(row)

    @staticmethod
    def _last_event_at(conn: Connection, case_id: int, complaint_id: int | None = None) -> datetime | None:
        q = select(T.events.c.at).where(T.events.c.case_id == case_id)
        if complaint_id is not None:
            q = q.where(T.events.c.complaint_id == complaint_id)
        q = q.order_by(T.events.c.at.desc()).limit(1)
        return conn.execute(q).scalar()

    def _check_time(self, conn: Connection, case: Case, at: datetime) -> None:
        if at < case.submitted_at:
            raise InputError(f"{at:%Y-%m-%d %H:%M} is before case {case.id} was submitted "
                             f"({case.submitted_at:%Y-%m-%d %H:%M})", code="before_submission", field="at")
        last = self._last_event_at(conn, case.id)
        if last is not None and at < last:
            raise InputError(f"{at:%Y-%m-%d %H:%M} is before case {case.id}'s last recorded step "
                             f"({last:%Y-%m-%d %H:%M}); steps are recorded in order", code="before_last_step",
                             field="at")

    def _case_for_move(self, conn: Connection, case_id: int, action: str, at: datetime) -> Case:
        case = self._load_case(conn, case_id, lock=True)
        case_next(case.state, action, case_id)
        self._check_time(conn, case, at)
        return case

    def _move(self, conn: Connection, case: Case, action: str, at: datetime, actor: str,
              values: dict[str, Any], details: dict[str, Any], decided_at: datetime | None = None) -> None:
        new = case_next(case.state, action, case.id)
        if decided_at is not None and case.state == REOPENED:
            # the decision taken again (point 65): the first decision stays stage 1's answer
            values = {**values, "redecided_at": decided_at}
            details = {**details, "redecision": {"complaint_id": case.reopen_complaint_id,
                                                 "basis": case.reopen_basis,
                                                 "reopened_at": _iso(case.reopened_at)}}
        elif decided_at is not None:
            values = {**values, "decided_at": decided_at}
        _changed(conn.execute(update(T.cases).where(T.cases.c.id == case.id, T.cases.c.state == case.state)
                              .values(state=new, **values)), f"case {case.id}")
        details = {**details, "deadlines": self._case_dues(conn, case.id, at)}
        self._log(conn, case.id, None, action, case.state, new, at, _actor(actor), details)

    def _case_dues(self, conn: Connection, case_id: int, at: datetime) -> dict[str, str]:
        """The due dates in force right after a step, recorded in its audit event."""
        case = self._load_case(conn, case_id)
        return {d.key: d.due.isoformat() for d in case_deadlines(
            case, at.date(), cal=self.calendar, standard=self.standard, settings=self.settings)
            if d.status != "not_applicable"}

    def _complaint_dues(self, conn: Connection, complaint_id: int, at: datetime) -> dict[str, str]:
        c = _complaint(self._complaint_row(conn, complaint_id))
        return {d.key: d.due.isoformat() for d in complaint_deadlines(
            c, at.date(), cal=self.calendar, standard=self.standard, settings=self.settings)}

    @staticmethod
    def _log(conn: Connection, case_id: int, complaint_id: int | None, kind: str, from_state: str | None,
             to_state: str | None, at: datetime, actor: str, details: dict[str, Any]) -> None:
        conn.execute(insert(T.events).values(case_id=case_id, complaint_id=complaint_id, kind=kind,
                                             from_state=from_state, to_state=to_state, at=at, actor=actor,
                                             recorded_at=_now_utc(), details=details))

    @staticmethod
    def _events(conn: Connection, case_id: int) -> list[Event]:
        return [_event(r) for r in conn.execute(
            select(T.events).where(T.events.c.case_id == case_id).order_by(T.events.c.id)).mappings()]

    def _view(self, conn: Connection, case: Case, as_of: date) -> CaseView:
        group = _group(self._group_row(conn, case.group_id)) if case.group_id else None
        evs = self._events(conn, case.id)
        comps = [self._complaint_view(_complaint(r), as_of) for r in conn.execute(
            select(T.complaints).where(T.complaints.c.case_id == case.id).order_by(T.complaints.c.id)).mappings()]
        dls = case_deadlines(case, as_of, cal=self.calendar, standard=self.standard, settings=self.settings)
        return CaseView(case, group, evs, dls, comps, as_of, checklist(case, evs, self.requirements))


def _changed(result: CursorResult, what: str) -> None:
    """Every UPDATE of a step names the state (and sum) it was decided on: zero rows means the record
    moved under the step.  The transaction rules this out on both back ends; this check keeps a lost
    update impossible even on an engine that does not lock (a bare SQLite engine, another isolation)."""
    if result.rowcount != 1:
        raise ConflictError(f"{what} was changed by another step meanwhile; nothing was recorded — reload it "
                            "and try again")


def _office(office: str) -> str:
    office = (office or "").strip()
    if not office or len(office) > 100:
        raise InputError("a case's office must be 1 to 100 characters")
    return office


def _actor(actor: str) -> str:
    if not actor or not actor.strip():
        raise InputError("every step needs who took it (actor)")
    return actor.strip()


def _today() -> date:
    return kz_now().date()


__all__ = ["CaseView", "ComplaintView", "ServiceDesk", "ensure_schema"]
