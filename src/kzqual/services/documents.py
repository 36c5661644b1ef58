"""The documents the service produces (standard, point 5): the admission notice and the reasoned
refusal (stage 1), the certificate of completion (stage 2) — composed from a case, then rendered to
one printable HTML page and one PDF from the same blocks (so both say the same).

:func:`compose` is pure (case + standard -> :class:`Document`); :func:`to_html` and :func:`to_pdf`
render it.  Labels come from the catalogue in Kazakh (the act's language) or Russian (kzqual's
translation, said on the document); every statement of the act on a document carries its point.

The PDF embeds DejaVu Serif (``data/fonts``, Bitstream Vera licence, shipped with kzqual so every
machine renders the same glyphs): it has the Kazakh letters ә і ң ғ ү ұ қ ө һ that the PDF core
fonts lack.  fpdf2 embeds the subset of glyphs used, with a ToUnicode map so the text can be
searched and copied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from typing import Any

import jinja2

from kzqual.errors import InputError
from kzqual.i18n import t
from kzqual.services.model import Case, TrainingGroup
from kzqual.services.report import form_date
from kzqual.services.standard import Standard, citation_label

KINDS = ("admission_notice", "refusal", "certificate")
DOC_LANGS = ("kk", "ru")
# Which value of the standard names each document (point 5 1) and 2)).
KIND_BASIS = {"admission_notice": "stage1_result", "refusal": "stage1_result", "certificate": "stage2_result"}


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of a document: ``field`` (label: text), ``para`` (text), ``item`` (a list entry),
    ``note`` (small print)."""

    kind: str
    text: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    kind: str
    lang: str
    title: str
    number: str
    issued_on: str  # as the form prints it ("2024 ж. «04» наурыз")
    blocks: tuple[Block, ...]
    footer: tuple[str, ...] = field(default_factory=tuple)

    def text(self) -> str:
        """All the words of the document, in order (what a reader of the PDF sees)."""
        parts = [self.title, t("services.doc.number", self.lang, number=self.number), self.issued_on]
        for b in self.blocks:
            parts.append(f"{b.label}: {b.text}" if b.label else b.text)
        return "\n".join([*parts, *self.footer])


def check_kind(kind: str, lang: str) -> None:
    if kind not in KINDS:
        raise InputError(f"a document is one of {', '.join(KINDS)}, not {kind!r}")
    if lang not in DOC_LANGS:
        raise InputError(f"a document is in {' or '.join(DOC_LANGS)} (the act's form exists in Kazakh; "
                         f"Russian is kzqual's translation), not {lang!r}")


def _name(case: Case) -> str:
    a = case.application
    return " ".join(p for p in (a.surname, a.name, a.patronymic) if p)


def _cite(standard: Standard, key: str, lang: str) -> str:
    return citation_label(standard[key].where(), lang)


def compose(kind: str, case: Case, group: TrainingGroup | None, standard: Standard, *, number: str,
            issued_at: datetime, lang: str = "kk") -> Document:
    """The document of ``kind`` for ``case`` as it stands (the caller checks the case allows it)."""
    check_kind(kind, lang)
    a = case.application
    fd = lambda d: form_date(d, lang)  # noqa: E731 — the form's way of printing a date
    blocks: list[Block] = [
        Block("field", f"{standard['provider'].text(lang)} ({t('services.doc.office', lang)}: {case.office})",
              t("services.doc.issuer", lang)),
        Block("field", standard["service_name"].text(lang), t("services.doc.service", lang)),
        Block("field", _name(case), t("services.doc.recipient", lang)),
        Block("field", a.iin, t("services.doc.iin", lang)),
        Block("field", a.address, t("services.doc.address", lang)),
        Block("field", t("services.doc.application_value", lang, case=case.id,
                         at=f"{case.submitted_at:%Y-%m-%d %H:%M}", day=fd(case.accepted_day)),
              t("services.doc.application", lang)),
    ]
    basis_key = KIND_BASIS[kind]
    if kind in ("admission_notice", "certificate"):
        if group is None:
            raise InputError(f"case {case.id} has no training group")
        blocks += [Block("field", a.branch, t("services.doc.branch", lang)),
                   Block("field", f"{group.number} – {group.profile}", t("services.doc.group", lang)),
                   Block("field", f"{fd(group.period_start)} – {fd(group.period_end)}", t("services.doc.period", lang)),
                   Block("field", t(f"services.cli.basis.{a.basis}", lang), t("services.doc.basis", lang))]
    if kind == "admission_notice":
        blocks.append(Block("para", t("services.doc.notice.body", lang, start=fd(case.classes_start))))
        if case.fee_due:
            blocks.append(Block("para", f"{standard['fee'].text(lang)} ({_cite(standard, 'fee', lang)})"))
        blocks.append(Block("note", f"{standard['notice_return'].text(lang)} ({_cite(standard, 'notice_return', lang)})"))
    elif kind == "refusal":
        if not case.refusal_grounds:
            raise InputError(f"case {case.id} has no refusal grounds")
        known = standard.refusal_grounds()
        blocks.append(Block("para", t("services.doc.refusal.body", lang)))
        for n in case.refusal_grounds:
            blocks.append(Block("item", f"{n}) {known[n].text(lang)} ({citation_label(known[n].where(), lang)})"))
        blocks.append(Block("field", case.refusal_reason or "", t("services.doc.refusal.reason", lang)))
        blocks.append(Block("note", "; ".join(
            f"{standard[k].text(lang)} ({_cite(standard, k, lang)})"
            for k in ("complaint_forward_deadline", "court_after_pretrial")), t("services.doc.refusal.complaint", lang)))
    else:
        blocks += [Block("para", t("services.doc.certificate.body", lang)),
                   Block("field", case.certificate_no or "", t("services.doc.certificate.number", lang)),
                   Block("field", fd(case.certified_at.date()) if case.certified_at else "",
                         t("services.doc.certificate.date", lang))]
    act = standard.act
    footer = [t("services.doc.basis_line", lang, issuer=act["issuer"], date=act["date"], number=act["number"],
                reg=act["registration_number"], where=_cite(standard, basis_key, lang)),
              f"{t('services.doc.sign', lang)}: ______________________"]
    if lang == "ru":
        footer.append(t("services.ru_translation", lang))
    return Document(kind=kind, lang=lang, title=t(f"services.doc.kind.{kind}", lang), number=number,
                    issued_on=fd(issued_at.date()), blocks=tuple(blocks), footer=tuple(footer))


def to_html(doc: Document) -> str:
    """One self-contained printable page (A4 portrait; no scripts, no external resources)."""
    template = (resources.files("kzqual") / "data" / "services" / "document.html.j2").read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    return env.from_string(template).render(d=doc, number=t("services.doc.number", doc.lang, number=doc.number),
                                            issued=t("services.doc.issued_on", doc.lang))


FONT = "DejaVuSerif"


def _font_path(style: str = "") -> Any:
    name = "DejaVuSerif-Bold.ttf" if style == "B" else "DejaVuSerif.ttf"
    return resources.files("kzqual") / "data" / "fonts" / name


def to_pdf(doc: Document, *, created: datetime | None = None) -> bytes:
    """The same blocks as a PDF (A4 portrait) with DejaVu Serif embedded.  ``created`` fixes the
    PDF's creation date (the document's issue time), so one document always gives the same bytes."""
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=18)
    with resources.as_file(_font_path()) as regular, resources.as_file(_font_path("B")) as bold:
        pdf.add_font(FONT, "", str(regular))
        pdf.add_font(FONT, "B", str(bold))
    pdf.set_title(f"{doc.title} {doc.number}")
    pdf.set_lang(doc.lang)
    pdf.set_creator("kzqual")
    if created is not None:
        from kzqual.services.calendar import KZ_TZ

        pdf.set_creation_date(created.replace(tzinfo=KZ_TZ) if created.tzinfo is None else created)
    pdf.add_page()
    width = pdf.epw
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(width, 7, doc.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FONT, "", 11)
    pdf.cell(width / 2, 6, t("services.doc.number", doc.lang, number=doc.number))
    pdf.cell(width / 2, 6, f"{t('services.doc.issued_on', doc.lang)}: {doc.issued_on}", align="R",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for b in doc.blocks:
        if b.kind == "field":
            pdf.set_font(FONT, "B", 11)
            pdf.multi_cell(width, 6, f"{b.label}:", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(FONT, "", 11)
            pdf.multi_cell(width, 6, b.text or "—", align="L", new_x="LMARGIN", new_y="NEXT")
        elif b.kind == "item":
            pdf.set_font(FONT, "", 11)
            pdf.set_x(pdf.l_margin + 6)
            pdf.multi_cell(width - 6, 6, b.text, align="L", new_x="LMARGIN", new_y="NEXT")
        elif b.kind == "note":
            pdf.ln(2)
            pdf.set_font(FONT, "", 9)
            text = f"{b.label}: {b.text}" if b.label else b.text
            pdf.multi_cell(width, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(1)
            pdf.set_font(FONT, "", 11)
            pdf.multi_cell(width, 6, b.text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    pdf.ln(4)
    pdf.set_font(FONT, "", 9)
    for line in doc.footer:
        pdf.multi_cell(width, 5, line, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    return bytes(pdf.output())


__all__ = ["DOC_LANGS", "KINDS", "Block", "Document", "check_kind", "compose", "to_html", "to_pdf"]
