"""Records of the public service: applications (appendix 2-2), training groups, cases, events,
complaints.  Plain dataclasses; :func:`application_from_dict` validates input from the boundary."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from kzqual.errors import InputError
from kzqual.services.iin import validate_iin

APPLICANT_KINDS = ("conscript", "reservist")  # әскерге шақырылушы / әскери міндетті
BASES = ("paid", "free")  # өтеулі / өтеусіз
SIGNED_WITH = ("eds", "otp")  # ЭЦҚ / бір реттік пароль (standard, point 8)
COMPLAINT_TARGETS = ("decision", "action", "inaction")  # шешім / әрекет / әрекетсіздік


@dataclass(frozen=True, slots=True)
class Application:
    """The fields of the application form (appendix 2-2) plus identifiers the service needs."""

    iin: str
    surname: str
    name: str
    patronymic: str | None
    address: str  # "мекенжайы бойынша тұратын"
    phone: str  # "телефоны"
    addressee: str  # "___ бастығына": the head the application is addressed to
    branch: str  # the branch of the military-technical school applied to
    documents: tuple[str, ...]  # "Мынадай құжаттарды қоса беремін"
    consent: bool  # consent to use information protected by law held in information systems
    signed_with: str  # eds / otp
    applicant_kind: str = "conscript"
    basis: str = "free"
    medical_card: bool = True  # electronic copy of the medical examination card attached

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["documents"] = list(self.documents)
        return d


def _str(data: dict[str, Any], key: str, *, required: bool = True) -> str | None:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InputError(f"application: {key!r} is required", field=key)
        return None
    if not isinstance(value, str):
        raise InputError(f"application: {key!r} must be text", field=key)
    return value.strip()


def application_from_dict(data: dict[str, Any]) -> Application:
    if not isinstance(data, dict):
        raise InputError("application must be a JSON object")
    known = set(Application.__dataclass_fields__)
    unknown = set(data) - known
    if unknown:
        raise InputError(f"application: unknown fields {sorted(unknown)}")
    docs = data.get("documents", [])
    if isinstance(docs, str):
        docs = [d.strip() for d in docs.split(";") if d.strip()]
    if not isinstance(docs, list) or not all(isinstance(d, str) for d in docs):
        raise InputError("application: 'documents' must be a list of text", field="documents")
    if data.get("consent") is not True:
        # The form's own sentence: "Ақпараттық жүйелердегі заңмен қорғалатын құпиядан тұратын
        # мәліметтерді пайдалануға келісемін" — without it the provider cannot fetch the data.
        raise InputError("application: 'consent' must be true (the form requires consent to use the data)",
                         field="consent")
    choices = {"signed_with": SIGNED_WITH, "applicant_kind": APPLICANT_KINDS, "basis": BASES}
    for key, allowed in choices.items():
        if key in data and data[key] not in allowed:
            raise InputError(f"application: {key!r} must be one of {', '.join(allowed)}", field=key)
    phone = _str(data, "phone")
    assert phone is not None
    if sum(c.isdigit() for c in phone) < 10:
        raise InputError(f"application: phone {phone!r} has fewer than 10 digits", field="phone")
    return Application(
        iin=_iin(data),
        surname=_str(data, "surname") or "",
        name=_str(data, "name") or "",
        patronymic=_str(data, "patronymic", required=False),
        address=_str(data, "address") or "",
        phone=phone,
        addressee=_str(data, "addressee") or "",
        branch=_str(data, "branch") or "",
        documents=tuple(docs),
        consent=True,
        signed_with=data.get("signed_with", "eds"),
        applicant_kind=data.get("applicant_kind", "conscript"),
        basis=data.get("basis", "free"),
        medical_card=bool(data.get("medical_card", True)),
    )


def _iin(data: dict[str, Any]) -> str:
    try:
        return validate_iin(str(data.get("iin", "")))
    except InputError as exc:
        exc.field = "iin"
        raise


@dataclass(frozen=True, slots=True)
class TrainingGroup:
    """A training platoon (оқу взводы): a row of Н6-ӘТМ."""

    id: int
    number: str  # e.g. "3"; shown in column 2 with the profile
    profile: str  # даярлық бейіні, e.g. "жүргізуші"
    planned_creation: date  # column 3: by the plan of the department for defence affairs
    actual_creation: date | None  # column 4
    period_start: date  # column 5 (and the classes start named in the admission notice)
    period_end: date
    basis: str = "free"
    note: str = ""  # column 8

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("planned_creation", "actual_creation", "period_start", "period_end"):
            d[k] = d[k].isoformat() if d[k] else None
        return d


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    case_id: int
    complaint_id: int | None
    kind: str
    from_state: str | None
    to_state: str | None
    at: datetime  # when it took effect (Kazakhstan time)
    actor: str
    recorded_at: datetime  # when it was written (UTC)
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["at"] = self.at.isoformat(timespec="minutes")
        d["recorded_at"] = self.recorded_at.isoformat(timespec="seconds")
        return d


@dataclass(frozen=True, slots=True)
class Case:
    id: int
    state: str
    application: Application
    submitted_at: datetime
    accepted_day: date  # the day the application counts as received (after-hours rule)
    group_id: int | None = None
    classes_start: date | None = None
    decided_at: datetime | None = None
    refusal_grounds: tuple[int, ...] = ()
    refusal_reason: str | None = None
    training_started_at: datetime | None = None
    certificate_no: str | None = None
    certified_at: datetime | None = None
    withdrawn_at: datetime | None = None
    fee_due: int = 0
    paid_amount: int = 0
    paid_at: datetime | None = None
    office: str = "main"  # the provider's office that handles it (staff see their own office's cases)
    # The last reopening of the decision by a complaint (point 65): see workflow.REOPEN_FROM.
    reopened_at: datetime | None = None
    reopen_basis: str | None = None  # provider_satisfied / reviewing_body_upheld / quality_body_upheld / court_upheld
    reopen_complaint_id: int | None = None
    redecision_from: date | None = None  # the day the re-decision's deadline counts from
    redecided_at: datetime | None = None  # the decision taken again after the last reopening

    @property
    def decision_at(self) -> datetime | None:
        """When the decision now in force was taken (the re-decision, if the case was reopened)."""
        return self.redecided_at or self.decided_at


@dataclass(frozen=True, slots=True)
class Complaint:
    id: int
    case_id: int
    state: str
    target: str
    text: str
    received_at: datetime
    forwarded_at: datetime | None = None
    reviewing_body: str | None = None
    satisfied_at: datetime | None = None
    decided_at: datetime | None = None
    outcome: str | None = None  # upheld / rejected
    appealed_at: datetime | None = None
    appeal_decided_at: datetime | None = None
    appeal_outcome: str | None = None
    lodged_with: str = "provider"  # provider / quality_body (workflow.LODGED_WITH)
    court_filed_at: datetime | None = None
    court_name: str | None = None
    court_decided_at: datetime | None = None
    court_outcome: str | None = None  # upheld / rejected
