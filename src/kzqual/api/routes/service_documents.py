"""A case's documents (standard, point 5): the admission notice, the reasoned refusal, the certificate
of completion — issued, listed and read back as stored (HTML, PDF); and the return of the notice
that closes the service (point 10).

Staff only (kzqual.api.policy): documents carry the applicant's name, ИИН and address.  Who may see
the case may read its documents (an operator: their office's; a reviewer: a case with a complaint);
issuing one and recording the notice's return are an operator's steps.  Every access is audited.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from kzqual.api import auth
from kzqual.api.errors import WRITE_RESPONSES, ErrorResponse
from kzqual.api.printable import printable
from kzqual.api.routes.services import At, Actor, Case, Id
from kzqual.api.service_desk import get_desk, moment
from kzqual.api.strict import TEXT_INT, IsoDateTime
from kzqual.errors import NotFoundError
from kzqual.services.documents import DOC_LANGS, KINDS

router = APIRouter(prefix="/services", tags=["public service"])
staff = {"dependencies": [Depends(auth.bearer)], "responses": WRITE_RESPONSES}
step = {**staff, "responses": {**WRITE_RESPONSES, 409: {
    "model": ErrorResponse, "description": "The case's state does not allow it (no decision of that kind, or "
                                           "the document was already issued for this decision); nothing recorded"}}}
DocId = Annotated[int, Path(ge=1, le=2**31 - 1), TEXT_INT]


class Links(BaseModel):
    html: str
    pdf: str


class DocumentOut(BaseModel):
    id: int
    case_id: int
    kind: Literal[KINDS]  # type: ignore[valid-type]
    number: str = Field(description="per office and year: OFFICE-YEAR-SEQ")
    office: str
    year: int
    seq: int
    lang: Literal[DOC_LANGS]  # type: ignore[valid-type]
    issued_at: str
    actor: str
    sha256: str = Field(description="SHA-256 of the stored PDF")
    pdf_bytes: int
    returned_at: str | None = Field(None, description="admission notice: when it was returned (point 10)")
    links: Links


class DocumentList(BaseModel):
    case_id: int
    items: list[DocumentOut]


class DocumentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal[KINDS] = Field(..., description="admission_notice (accepted case), refusal (refused case), "  # type: ignore[valid-type]
                                                  "certificate (certified case)")
    lang: Literal[DOC_LANGS] = Field("kk", description="kk (the act's language) or ru (kzqual's translation)")  # type: ignore[valid-type]
    actor: str = Actor
    at: IsoDateTime | None = At


class NoticeReturnIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    actor: str = Actor
    at: IsoDateTime | None = At


def _papers(request: Request):
    from kzqual.services.paperwork import Paperwork

    return Paperwork(get_desk(request.app))


def _check_document(request: Request, doc_id: int) -> int:
    """The document's case id, if the principal may see that case (404 otherwise, like a case)."""
    case_id = _papers(request).case_of(doc_id)
    if case_id is None:
        raise NotFoundError(f"no document {doc_id}")
    try:
        auth.check_case(request, case_id)
    except NotFoundError:
        raise NotFoundError(f"no document {doc_id}") from None
    return case_id


@router.get("/cases/{case_id}/documents", response_model=DocumentList, summary="A case's documents (staff)", **staff)
def list_documents(request: Request, case_id: Id):
    auth.check_case(request, case_id)
    docs = [d.as_dict() for d in _papers(request).documents(case_id)]
    auth.audit(request, "document.list", case_id=case_id, details={"documents": [d["id"] for d in docs]})
    return {"case_id": case_id, "items": docs}


@router.post("/cases/{case_id}/documents", response_model=DocumentOut, status_code=201,
             summary="Issue a document of the case (numbered, dated, stored as HTML and PDF)", **step)
def issue_document(request: Request, body: DocumentIn, case_id: Id):
    auth.check_case(request, case_id)
    doc = _papers(request).issue(case_id, body.kind, at=moment(body.at), actor=body.actor, lang=body.lang)
    auth.audit(request, "document.issue", case_id=case_id, details={"document": doc.id, "kind": doc.kind})
    return doc.as_dict()


@router.get("/documents/{document_id}", response_model=DocumentOut, summary="A document's record (staff)", **staff)
def get_document(request: Request, document_id: DocId):
    case_id = _check_document(request, document_id)
    doc = _papers(request).document(document_id)
    auth.audit(request, "document.read", case_id=case_id, details={"document": document_id, "as": "json"})
    return doc.as_dict()


def _content(request: Request, document_id: int, fmt: str) -> Response:
    from kzqual.services.paperwork import FORMATS

    case_id = _check_document(request, document_id)
    papers = _papers(request)
    doc = papers.document(document_id)
    body = papers.content(document_id, fmt)
    auth.audit(request, "document.read", case_id=case_id, details={"document": document_id, "as": fmt})
    headers = {"Content-Disposition": f'inline; filename="{doc.kind}-{doc.number}.{fmt}"',
               "Cache-Control": "no-store"}  # personal data: not for shared caches
    if fmt == "html":
        return printable(body, headers=headers)  # its own style block, allowed by hash
    return Response(body, media_type=FORMATS[fmt], headers=headers)


@router.get("/documents/{document_id}/html", summary="The document as issued: printable HTML (staff)",
            response_class=Response, responses={**WRITE_RESPONSES, 200: {"content": {"text/html": {}}}},
            dependencies=[Depends(auth.bearer)])
def document_html(request: Request, document_id: DocId):
    return _content(request, document_id, "html")


@router.get("/documents/{document_id}/pdf", summary="The document as issued: PDF (staff)",
            response_class=Response, responses={**WRITE_RESPONSES, 200: {"content": {"application/pdf": {}}}},
            dependencies=[Depends(auth.bearer)])
def document_pdf(request: Request, document_id: DocId):
    return _content(request, document_id, "pdf")


@router.post("/cases/{case_id}/notice-return", response_model=Case,
             summary="Record the admission notice's return: closes the service (point 10)", **step)
def notice_return(request: Request, body: NoticeReturnIn, case_id: Id):
    auth.check_case(request, case_id)
    view = _papers(request).return_notice(case_id, at=moment(body.at), actor=body.actor)
    auth.audit(request, "case.return_notice", case_id=case_id)
    return view.as_dict()
