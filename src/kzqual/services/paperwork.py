"""Issuing, storing and returning a case's documents (``service_documents``).

    papers = Paperwork(desk)
    doc = papers.issue(case_id, "admission_notice", at=..., actor=..., lang="kk")  # -> StoredDocument
    papers.documents(case_id); papers.document(doc_id); papers.content(doc_id, "pdf")
    papers.return_notice(case_id, at=..., actor=...)      # point 10: closes the service

A document is composed from the case as it stands, rendered once to HTML and PDF and stored as
issued: reading it later gives the same bytes (its SHA-256 is stored), whatever the case or the
templates became.  Numbers run per office and calendar year ("main-2024-0003"), one register for
every kind, in the order documents are issued.

Which case may have which document: the admission notice once the case was accepted (and stays
valid through training and the certificate), the reasoned refusal while it is refused, the
certificate once certified.  A second document of a kind for the same decision is refused
(``ConflictError``); a new decision (after a complaint, say) may have its own.

Each issue and the return of the notice are steps of the case: they are written with their event
(``service_events``) in the same write transaction as a state change (services/txn.py), holding
the case, so two operators cannot issue the same notice twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError

from kzqual.errors import ConflictError, InputError, NotFoundError
from kzqual.services import tables as T
from kzqual.services.calendar import kz_local
from kzqual.services.documents import check_kind, compose, to_html, to_pdf

# The states in which a case may have each kind of document, and the moment its decision was taken.
VALID_IN = {
    "admission_notice": ("accepted", "training", "certified", "closed"),
    "refusal": ("refused",),
    "certificate": ("certified", "closed"),
}
FORMATS = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}
_NUMBER_RETRIES = 5  # PostgreSQL: two offices' clerks may take one number at once; the loser retries


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: int
    case_id: int
    kind: str
    number: str
    office: str
    year: int
    seq: int
    lang: str
    issued_at: datetime
    actor: str
    sha256: str
    pdf_bytes: int
    returned_at: datetime | None

    def as_dict(self) -> dict[str, Any]:
        base = f"/api/v1/services/documents/{self.id}"
        return {"id": self.id, "case_id": self.case_id, "kind": self.kind, "number": self.number,
                "office": self.office, "year": self.year, "seq": self.seq, "lang": self.lang,
                "issued_at": self.issued_at.isoformat(timespec="minutes"), "actor": self.actor,
                "sha256": self.sha256, "pdf_bytes": self.pdf_bytes,
                "returned_at": self.returned_at.isoformat(timespec="minutes") if self.returned_at else None,
                "links": {"html": f"{base}/html", "pdf": f"{base}/pdf"}}


_META = (T.documents.c.id, T.documents.c.case_id, T.documents.c.kind, T.documents.c.number, T.documents.c.office,
         T.documents.c.year, T.documents.c.seq, T.documents.c.lang, T.documents.c.issued_at, T.documents.c.actor,
         T.documents.c.sha256, func.length(T.documents.c.pdf).label("pdf_bytes"), T.documents.c.returned_at)


def _stored(row: Any) -> StoredDocument:
    return StoredDocument(**{k: row[k] for k in StoredDocument.__dataclass_fields__})


def _decision_time(case: Any, kind: str) -> datetime | None:
    return case.certified_at if kind == "certificate" else case.decided_at


class Paperwork:
    """The documents of one :class:`~kzqual.services.cases.ServiceDesk`'s database."""

    def __init__(self, desk: Any) -> None:
        self.desk = desk
        self.engine = desk.engine

    # -- issue ----------------------------------------------------------------------------------
    def issue(self, case_id: int, kind: str, *, at: datetime, actor: str, lang: str = "kk") -> StoredDocument:
        check_kind(kind, lang)
        at = kz_local(at)
        if not actor or not actor.strip():
            raise InputError("every step needs who took it (actor)")
        for attempt in range(_NUMBER_RETRIES):
            try:
                return self._issue_once(case_id, kind, at, actor.strip(), lang)
            except IntegrityError:  # the number was taken meanwhile (PostgreSQL): take the next one
                if attempt == _NUMBER_RETRIES - 1:
                    raise ConflictError("the document register is busy; nothing was recorded — try again") from None
        raise AssertionError("unreachable")

    def _issue_once(self, case_id: int, kind: str, at: datetime, actor: str, lang: str) -> StoredDocument:
        desk = self.desk
        with desk._write(f"case {case_id}") as conn:
            # the desk's own helpers: the case row held for this transaction, the step in order
            case = desk._load_case(conn, case_id, lock=True)
            if case.state not in VALID_IN[kind]:
                raise ConflictError(f"case {case_id} is {case.state}: no {kind} (it needs a case that is "
                                    f"{' or '.join(VALID_IN[kind])})")
            decided = _decision_time(case, kind)
            if decided is None or at < decided:
                raise InputError(f"{at:%Y-%m-%d %H:%M} is before the decision the {kind} records"
                                 f"{f' ({decided:%Y-%m-%d %H:%M})' if decided else ''}", code="before_decision")
            desk._check_time(conn, case, at)
            earlier = conn.execute(select(T.documents.c.number, T.documents.c.issued_at).where(
                T.documents.c.case_id == case_id, T.documents.c.kind == kind,
                T.documents.c.issued_at >= decided)).first()
            if earlier is not None:
                raise ConflictError(f"case {case_id} already has its {kind} for this decision: "
                                    f"№ {earlier.number} of {earlier.issued_at:%Y-%m-%d}")
            group = desk._group_row(conn, case.group_id) if case.group_id else None
            from kzqual.services.cases import _group

            year = at.year
            seq = (conn.execute(select(func.max(T.documents.c.seq)).where(
                T.documents.c.office == case.office, T.documents.c.year == year)).scalar() or 0) + 1
            number = f"{case.office}-{year}-{seq:04d}"
            doc = compose(kind, case, _group(group) if group else None, desk.standard, number=number,
                          issued_at=at, lang=lang)
            html, pdf = to_html(doc), to_pdf(doc, created=at)
            sha = hashlib.sha256(pdf).hexdigest()
            doc_id = conn.execute(insert(T.documents).values(
                case_id=case_id, kind=kind, office=case.office, year=year, seq=seq, number=number, lang=lang,
                issued_at=at, actor=actor, recorded_at=datetime.now(UTC).replace(tzinfo=None), html=html,
                pdf=pdf, sha256=sha)).inserted_primary_key[0]
            desk._log(conn, case_id, None, "document_issued", None, None, at, actor,
                      {"document_id": int(doc_id), "kind": kind, "number": number, "sha256": sha})
        return self.document(int(doc_id))

    # -- read -----------------------------------------------------------------------------------
    def documents(self, case_id: int) -> list[StoredDocument]:
        with self.engine.connect() as conn:
            if conn.execute(select(T.cases.c.id).where(T.cases.c.id == case_id)).first() is None:
                raise NotFoundError(f"no case {case_id}")
            q = select(*_META).where(T.documents.c.case_id == case_id).order_by(T.documents.c.id)
            return [_stored(r) for r in conn.execute(q).mappings()]

    def document(self, doc_id: int) -> StoredDocument:
        with self.engine.connect() as conn:
            row = conn.execute(select(*_META).where(T.documents.c.id == doc_id)).mappings().first()
        if row is None:
            raise NotFoundError(f"no document {doc_id}")
        return _stored(row)

    def content(self, doc_id: int, fmt: str) -> bytes:
        """The stored HTML (UTF-8) or PDF bytes, exactly as issued."""
        if fmt not in FORMATS:
            raise InputError(f"a document is read as {' or '.join(FORMATS)}, not {fmt!r}")
        col = T.documents.c.pdf if fmt == "pdf" else T.documents.c.html
        with self.engine.connect() as conn:
            value = conn.execute(select(col).where(T.documents.c.id == doc_id)).scalar()
        if value is None:
            raise NotFoundError(f"no document {doc_id}")
        return bytes(value) if fmt == "pdf" else value.encode("utf-8")

    def case_of(self, doc_id: int) -> int | None:
        with self.engine.connect() as conn:
            return conn.execute(select(T.documents.c.case_id).where(T.documents.c.id == doc_id)).scalar()

    # -- point 10 -------------------------------------------------------------------------------
    def return_notice(self, case_id: int, *, at: datetime, actor: str) -> Any:
        """The admission notice returned to the provider after the certificate: the service is
        closed (state ``closed``).  Needs a certified case with an issued notice."""
        at = kz_local(at)
        desk = self.desk
        with desk._write(f"case {case_id}") as conn:
            case = desk._case_for_move(conn, case_id, "return_notice", at)
            notice = conn.execute(select(T.documents.c.id, T.documents.c.number).where(
                T.documents.c.case_id == case_id, T.documents.c.kind == "admission_notice",
                T.documents.c.returned_at.is_(None)).order_by(T.documents.c.id.desc())).first()
            if notice is None:
                raise InputError(f"case {case_id} has no admission notice to return; issue it first",
                                 code="no_notice")
            conn.execute(update(T.documents).where(T.documents.c.id == notice.id).values(returned_at=at))
            desk._move(conn, case, "return_notice", at, actor, {},
                       {"document_id": notice.id, "number": notice.number})
        return desk.case(case_id, as_of=at.date())


__all__ = ["FORMATS", "Paperwork", "StoredDocument", "VALID_IN"]
