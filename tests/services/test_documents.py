"""The service's documents (standard, point 5; issue 13): the admission notice, the reasoned refusal
and the certificate — composed from the case, numbered per office and year, stored as issued (HTML and
PDF), on SQLite and PostgreSQL; the notice's return closes the service (point 10).  The PDFs are
parsed back with pypdf and their embedded font with fontTools."""

from __future__ import annotations

import hashlib
import io
from datetime import date, datetime

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from kzqual.errors import ConflictError, InputError, NotFoundError
from kzqual.services.documents import compose, to_html
from kzqual.services.paperwork import Paperwork

KAZAKH = "әіңғүұқөһ"


@pytest.fixture()
def papers(desk) -> Paperwork:
    return Paperwork(desk)


@pytest.fixture()
def group(desk):
    return desk.add_group(number="3", profile="жүргізуші", planned_creation=date(2024, 4, 1),
                          period_start=date(2024, 4, 15), period_end=date(2024, 6, 28))


def _person(application, serial=1, **over):
    # һ is rare in Kazakh words; this patronymic has it, so every letter reaches the PDF's text
    return application(serial, surname="Төлеғалиев", name="Жаһангер", patronymic="Қуанышұлы", **over)


def _accepted(desk, application, group, serial=1, office="main"):
    v = desk.apply(_person(application, serial), at=datetime(2024, 3, 1, 10), actor="portal", office=office)
    desk.accept(v.case.id, group_id=group.id, at=datetime(2024, 3, 4, 10), actor="officer")
    return v.case.id


def pdf_text(data: bytes) -> str:
    """The PDF's text with line breaks and spacing collapsed (wrapping is the layout's business)."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def embedded_fonts(data: bytes) -> list[TTFont]:
    """The TrueType fonts embedded in the PDF (FontFile2 of each Type0 font's descendant)."""
    out = []
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            for d in font.get("/DescendantFonts", []):
                desc = d.get_object()["/FontDescriptor"].get_object()
                out.append(TTFont(io.BytesIO(desc["/FontFile2"].get_data())))
    return out


def test_notice_is_numbered_dated_stored_and_its_pdf_has_the_kazakh_letters(desk, papers, application, group):
    cid = _accepted(desk, application, group)
    doc = papers.issue(cid, "admission_notice", at=datetime(2024, 3, 4, 11), actor="officer")
    assert (doc.number, doc.office, doc.year, doc.seq, doc.kind) == ("main-2024-0001", "main", 2024, 1,
                                                                        "admission_notice")
    pdf = papers.content(doc.id, "pdf")
    assert pdf.startswith(b"%PDF-") and hashlib.sha256(pdf).hexdigest() == doc.sha256 and len(pdf) == doc.pdf_bytes
    text = pdf_text(pdf)
    for piece in ("Даярлауға қабылдау туралы хабарлама", "№ main-2024-0001", "2024 ж. «04» наурыз",
                  "Төлеғалиев Жаһангер Қуанышұлы", "3 – жүргізуші", "Сабақтар 2024 ж. «15» сәуір",
                  "10-тармақ", "№ 674"):
        assert piece in text, (piece, text)
    for letter in KAZAKH:
        assert letter in text, letter
    fonts = embedded_fonts(pdf)
    assert fonts and all("DejaVuSerif" in f["name"].getDebugName(6) for f in fonts)
    regular = next(f for f in fonts if "Bold" not in f["name"].getDebugName(6))
    cmap = regular.getBestCmap()
    for letter in KAZAKH:  # the glyph is in the embedded font, with an outline (not an empty box)
        glyph = regular["glyf"][cmap[ord(letter)]]
        assert glyph.numberOfContours != 0, letter
    html = papers.content(doc.id, "html").decode("utf-8")
    assert "<script" not in html and "Төлеғалиев Жаһангер Қуанышұлы" in html and "main-2024-0001" in html


def test_refusal_cites_each_ground_with_its_point_and_escapes_the_reason(desk, papers, application):
    v = desk.apply(_person(application), at=datetime(2024, 3, 1, 10), actor="portal")
    desk.refuse(v.case.id, grounds=[1, 2], reason="Медициналық карта <script>alert(1)</script> жоқ",
                at=datetime(2024, 3, 4, 10), actor="officer")
    doc = papers.issue(v.case.id, "refusal", at=datetime(2024, 3, 4, 12), actor="officer", lang="ru")
    text = pdf_text(papers.content(doc.id, "pdf"))
    assert "Мотивированный ответ об отказе" in text
    assert "пункт 9 подпункт 1)" in text and "пункт 9 подпункт 2)" in text  # each ground with its point
    assert "пункт 9 подпункт 3)" not in text
    assert "перевод kzqual" in text  # the Russian text says it is a translation
    html = papers.content(doc.id, "html").decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_kazakh_refusal_names_the_grounds_points(desk, papers, application):
    v = desk.apply(_person(application), at=datetime(2024, 3, 1, 10), actor="portal")
    # ground 4 rests on the criminal record obtained from state systems (point 8)
    desk.record_state_data(v.case.id, kind="criminal_record", source="ҚР БП ҚСжАЕК", obtained_on=date(2024, 3, 4),
                           result="court_decision", at=datetime(2024, 3, 4, 9), actor="officer")
    desk.refuse(v.case.id, grounds=[4], reason="сот үкімі", at=datetime(2024, 3, 4, 10), actor="officer")
    doc = papers.issue(v.case.id, "refusal", at=datetime(2024, 3, 4, 12), actor="officer")
    text = pdf_text(papers.content(doc.id, "pdf"))
    assert "9-тармақтың 4) тармақшасы" in text and "65-тармақ" in text


def test_only_the_decision_a_document_records(desk, papers, application, group):
    v = desk.apply(_person(application), at=datetime(2024, 3, 1, 10), actor="portal")
    with pytest.raises(ConflictError):  # no decision yet
        papers.issue(v.case.id, "admission_notice", at=datetime(2024, 3, 2, 10), actor="o")
    desk.accept(v.case.id, group_id=group.id, at=datetime(2024, 3, 4, 10), actor="officer")
    for kind in ("refusal", "certificate"):
        with pytest.raises(ConflictError):
            papers.issue(v.case.id, kind, at=datetime(2024, 3, 4, 11), actor="o")
    with pytest.raises(InputError) as e:  # dated before the decision
        papers.issue(v.case.id, "admission_notice", at=datetime(2024, 3, 4, 9), actor="o")
    assert e.value.code == "before_decision"
    first = papers.issue(v.case.id, "admission_notice", at=datetime(2024, 3, 4, 11), actor="o")
    with pytest.raises(ConflictError) as e:  # one notice for one decision
        papers.issue(v.case.id, "admission_notice", at=datetime(2024, 3, 5, 11), actor="o")
    assert first.number in str(e.value)
    with pytest.raises(InputError):
        papers.issue(v.case.id, "diploma", at=datetime(2024, 3, 5, 11), actor="o")
    with pytest.raises(InputError):
        papers.issue(v.case.id, "admission_notice", at=datetime(2024, 3, 5, 11), actor="o", lang="en")
    with pytest.raises(NotFoundError):
        papers.issue(999, "admission_notice", at=datetime(2024, 3, 5, 11), actor="o")
    assert [d.id for d in papers.documents(v.case.id)] == [first.id]  # nothing else was stored
    issued = [e for e in desk.case(v.case.id).events if e.kind == "document_issued"]
    assert len(issued) == 1 and issued[0].details["number"] == first.number


def test_numbers_run_per_office_and_year(desk, papers, application, group):
    a = _accepted(desk, application, group, 1)
    b = _accepted(desk, application, group, 2, office="astana")
    c = _accepted(desk, application, group, 3)
    assert papers.issue(a, "admission_notice", at=datetime(2024, 3, 4, 11), actor="o").number == "main-2024-0001"
    assert papers.issue(b, "admission_notice", at=datetime(2024, 3, 4, 11), actor="o").number == "astana-2024-0001"
    assert papers.issue(c, "admission_notice", at=datetime(2024, 3, 4, 12), actor="o").number == "main-2024-0002"
    g2 = desk.add_group(number="5", profile="байланысшы", planned_creation=date(2025, 1, 10),
                        period_start=date(2025, 2, 3), period_end=date(2025, 4, 30))
    v = desk.apply(_person(application, 4), at=datetime(2025, 1, 6, 10), actor="portal")
    desk.accept(v.case.id, group_id=g2.id, at=datetime(2025, 1, 8, 10), actor="o")
    assert papers.issue(v.case.id, "admission_notice", at=datetime(2025, 1, 8, 11), actor="o").number == "main-2025-0001"


def test_certificate_then_the_notice_returned_closes_the_service(desk, papers, application, group):
    cid = _accepted(desk, application, group)
    with pytest.raises(ConflictError):  # point 10: only after the certificate
        papers.return_notice(cid, at=datetime(2024, 3, 5, 10), actor="o")
    desk.start_training(cid, at=datetime(2024, 4, 15, 9), actor="o")
    desk.certify(cid, number="ӘТМ-77", at=datetime(2024, 6, 28, 15), actor="o")
    with pytest.raises(InputError) as e:  # no notice was issued: nothing to return
        papers.return_notice(cid, at=datetime(2024, 7, 1, 10), actor="o")
    assert e.value.code == "no_notice" and desk.case(cid).case.state == "certified"
    notice = papers.issue(cid, "admission_notice", at=datetime(2024, 6, 28, 16), actor="o")
    cert = papers.issue(cid, "certificate", at=datetime(2024, 6, 28, 16, 30), actor="o")
    text = pdf_text(papers.content(cert.id, "pdf"))
    assert "ӘТМ-77" in text and "2024 ж. «28» маусым" in text and "5-тармақтың 2) тармақшасы" in text
    stage2 = [(d.due, d.done_on, d.status) for d in desk.case(cid, as_of=date(2024, 7, 1)).deadlines
              if d.key == "stage2_deadline"]
    view = papers.return_notice(cid, at=datetime(2024, 7, 1, 10), actor="clerk")
    assert view.case.state == "closed"
    assert papers.document(notice.id).returned_at == datetime(2024, 7, 1, 10)
    assert papers.document(cert.id).returned_at is None
    last = view.events[-1]
    assert (last.kind, last.from_state, last.to_state, last.details["number"]) == (
        "return_notice", "certified", "closed", notice.number)
    with pytest.raises(ConflictError):
        papers.return_notice(cid, at=datetime(2024, 7, 2, 10), actor="o")
    # closing keeps the stage-2 deadline as the certificate left it (42 working days from 15 April)
    assert [(d.due, d.done_on, d.status) for d in view.deadlines if d.key == "stage2_deadline"] == stage2
    assert stage2[0][1] == date(2024, 6, 28)


def test_stored_document_does_not_change_with_the_case(desk, papers, application, group):
    cid = _accepted(desk, application, group)
    doc = papers.issue(cid, "admission_notice", at=datetime(2024, 3, 4, 11), actor="o")
    before = papers.content(doc.id, "pdf")
    desk.withdraw(cid, at=datetime(2024, 3, 6, 10), actor="o", reason="applicant left")
    assert papers.content(doc.id, "pdf") == before


def test_compose_is_pure_and_html_matches_pdf_blocks(desk, application, group):
    cid = _accepted(desk, application, group)
    view = desk.case(cid)
    doc = compose("admission_notice", view.case, view.group, desk.standard, number="x-1",
                  issued_at=datetime(2024, 3, 4, 11), lang="kk")
    html = to_html(doc)
    for b in doc.blocks:
        assert b.text.replace("&", "&amp;") in html.replace("&#39;", "'")
