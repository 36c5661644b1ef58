"""CleanText -> ParsedAct: the act layer's one entry point.

The order of work follows the page: head (title, identity, status), editorial notes, the order's
own text (preamble, points), signature and approval blocks, then the appendices.  Each reader
returns what it found with line spans; nothing here raises on damaged text — problems become
warnings — except :class:`InputError` (``not_an_act``) when the head names no act at all.
"""

from __future__ import annotations

import re
from pathlib import Path

from kzqual.acts.doc import Doc
from kzqual.acts.force import read_entry_into_force
from kzqual.acts.head import Head, read_head
from kzqual.acts.layout import (
    Stamp,
    find_agreed,
    find_nested_stamp,
    find_signature,
    find_stamps,
    leading_agreed_end,
    title_after,
)
from kzqual.acts.model import Act, ActRef, ParsedAct, Span, StructureNode
from kzqual.acts.mdhead import (
    cross_check_stamp,
    identity_from_stamp,
    issuer_for_language,
    linked_ref,
    read_md_head,
)
from kzqual.acts.metafile import META_NAME, ActMeta, language_of_path, load_meta, meta_path_for
from kzqual.acts.notes import find_notes
from kzqual.acts.refs import parse_act_ref
from kzqual.acts.structure import parse_body
from kzqual.acts.vocab import KK_LETTERS
from kzqual.errors import InputError
from kzqual.text import read
from kzqual.text.model import CleanText

_AMENDING_TITLE = re.compile(
    r"(өзгеріс\w{0,40}|толықтыру\w{0,40})(\s+(және|мен)\s+\w{1,40})?\s+енгізу\s+туралы|"
    r"О\s+внесении\s+(изменени|дополнени)",
    re.I,
)
_REG_OF_REF = re.compile(r"(тізілімінде|реестре[^№]{0,60})\s*№\s*(?P<n>\d+)", re.I)
_SAMPLE_LINES = 400


def detect_language(ct: CleanText) -> str:
    """``kk`` when Kazakh-only letters make up a visible share of the text, else ``ru``."""
    sample = " ".join(line.text for line in ct.lines[:_SAMPLE_LINES])
    cyrillic = sum(1 for c in sample if "\u0400" <= c <= "\u04ff")
    kazakh = sum(sample.count(c) for c in KK_LETTERS)
    return "kk" if cyrillic and kazakh / cyrillic > 0.005 else "ru"


def parse_file(path: str | Path) -> ParsedAct:
    """Read, clean and parse one file (raises :class:`InputError` for unusable input).

    A Markdown text of an act folder (``X/kaz.md``, ``X/rus.md`` or a parts folder ``X/kaz/``)
    is read with the folder's ``meta.yaml`` when there is one."""
    return read_act(read(path), meta=find_meta(path))


def find_meta(path: str | Path) -> ActMeta | None:
    """The ``meta.yaml`` beside a Markdown language text, loaded; None when there is none."""
    mp = meta_path_for(path)
    return load_meta(mp) if mp is not None else None


def _warn(warnings: list[dict], code: str, message: str, lines: Span | None = None, **params: str) -> None:
    # params: the values in the English message, so kk/ru catalogue entries can name them too
    w = {"code": code, "message": message, "lines": lines.model_dump() if lines else None}
    if params:
        w["params"] = params
    warnings.append(w)


def read_act(ct: CleanText, meta: ActMeta | None = None) -> ParsedAct:
    """The act in ``ct``; ``meta`` is its folder's ``meta.yaml`` (Markdown layout), whose values
    take precedence over the text's and are cross-checked against it."""
    source = ct.source
    if not ct.lines:
        raise InputError("the file has no text", source=source, code="not_an_act")
    doc = Doc.of(ct)
    language = language_of_path(source) if source and language_of_path(source) else detect_language(ct)
    warnings: list[dict] = []
    markdown = ct.format == "markdown" or meta is not None
    head = read_md_head(doc, language, meta, warnings) if markdown else read_head(doc, language)

    # Appendices start at stamps after the head; the order's own text ends at the first of them.
    stamps = find_stamps(doc, head.end)
    if markdown:
        first = (stamps[0].text, doc.span(stamps[0].start, max(stamps[0].start, stamps[0].body - 1))) if stamps else None
        if meta is None:
            _warn(warnings, "no_meta", "a Markdown text without its meta.yaml: the identity is read from "
                  "its first approval stamp")
            identity_from_stamp(head, *(first or (None, None)))
        else:
            stamp_ref = cross_check_stamp(head, first[0], first[1], meta.path, warnings) if first else None
            issuer_for_language(head, language, stamp_ref, first[1] if first else None, meta.path or META_NAME,
                                warnings)
    _check_head(head, source, warnings)
    order_end = stamps[0].start if stamps else len(doc)
    # An agreement block above the preamble (adilet-2004-21895) is part of the head, not the end
    # of the order's text: the order's text starts after it.
    body_start = leading_agreed_end(doc, head.end, order_end) or head.end
    leading, _ = find_agreed(doc, head.end, body_start) if body_start > head.end else ([], None)
    agreed, first_marker = find_agreed(doc, body_start, order_end)
    agreed = leading + agreed
    sign_limit = first_marker if first_marker is not None else order_end
    signature = find_signature(doc, body_start, sign_limit)
    text_end = signature.first if signature else sign_limit

    notes = find_notes(doc, 0, len(doc))
    note_lines = {i for b in notes for i in range(b.first, b.last + 1)}

    structure: list[StructureNode] = parse_body(doc, body_start, text_end, note_lines, warnings, preamble=True)
    entry = read_entry_into_force([n for n in structure if n.kind == "point"])
    for k, stamp in enumerate(stamps):
        end = stamps[k + 1].start if k + 1 < len(stamps) else len(doc)
        structure.append(_appendix(doc, stamp, end, note_lines, warnings, nested=True))

    act_notes = [b.note for b in notes]
    repeal_notes = [n for n in act_notes if n.kind == "repeal"]
    repealed_by = head.repealed_by
    if repeal_notes:
        note_ref = repeal_notes[0].amending_act
        if repealed_by is None:
            repealed_by = note_ref
        elif note_ref and (note_ref.number, note_ref.date) != (repealed_by.number, repealed_by.date):
            _warn(warnings, "repeal_mismatch",
                  f"the head and the note name different repealing acts "
                  f"(№ {repealed_by.number} of {repealed_by.date} vs № {note_ref.number} of {note_ref.date})",
                  repeal_notes[0].lines, head_number=str(repealed_by.number), head_date=str(repealed_by.date),
                  note_number=str(note_ref.number), note_date=str(note_ref.date))
    status = "repealed" if head.repealed or repeal_notes else "in_force"
    if status == "repealed" and repealed_by is None:
        _warn(warnings, "repealing_act_unknown", "the act is marked repealed but the repealing act is not named")

    amended_by = _unique_refs([r for n in act_notes if n.kind == "amendment" for r in n.amending_acts])
    amends = _amends(head, doc, structure)

    act = Act(
        title=head.title or "",
        language=language,
        act_type=head.act_type or "other",
        act_type_raw=head.act_type_raw or "",
        issuer=head.issuer,
        issuer_body=head.issuer_body,
        date=head.date,
        number=head.number,
        registration=head.registration,
        status=status,
        repealed_by=repealed_by,
        repeal_note=repeal_notes[0].text if repeal_notes else None,
        amended_by=amended_by,
        amends=amends,
        notes=act_notes,
        entry_into_force=entry,
        signatory=signature.name if signature else None,
        signatory_office=signature.office if signature else None,
        agreed_by=agreed,
        source=Path(source).name if source else "",
        lines=Span(start=1, end=max(1, len(ct.raw_lines))),
    )
    if meta is not None:
        act = _with_meta(act, meta, language, head, warnings)
    # Text-layer damage inside the order's own text bears on the metadata read from it; damage in
    # the appendices (hundreds of table lines) is the positions layer's to report.
    own_end = doc.ct.lines[order_end - 1].raw_end if 0 < order_end <= len(doc) else 0
    for w in ct.warnings:
        if w.line_start <= own_end:
            _warn(warnings, f"text.{w.code}", w.message, Span(start=w.line_start, end=w.line_end))
    if entry is None:
        _warn(warnings, "no_entry_into_force", "no point states when the act takes effect")
    if signature is None:
        _warn(warnings, "no_signature", "no signature found after the order's text")
    return ParsedAct(act=act, structure=structure, warnings=warnings)


def _appendix(doc: Doc, stamp: Stamp, end: int, note_lines: set[int], warnings: list[dict],
              *, nested: bool) -> StructureNode:
    """An appendix node from its stamp to ``end``; an appendix of the appendix becomes a child."""
    title, body = title_after(doc, stamp.body, end)
    inner = find_nested_stamp(doc, body, end) if nested else None
    children = parse_body(doc, body, inner.start if inner else end, note_lines, warnings)
    if inner:
        children.append(_appendix(doc, inner, end, note_lines, warnings, nested=False))
    return StructureNode(kind="appendix", label=stamp.label, title=title, text=stamp.text,
                         lines=doc.span(stamp.start, max(end - 1, stamp.start)), children=children)


def _with_meta(act: Act, meta: ActMeta, language: str, head: Head, warnings: list[dict]) -> Act:
    """The meta file's own fields on the act, and which values it supplied (provenance)."""
    src = meta.path or "meta.yaml"
    provenance = {f: src for f, v in (("title", meta.title), ("act_type", meta.requisite),
                                      ("issuer", meta.requisite), ("date", meta.approved_on or meta.requisite),
                                      ("number", meta.requisite), ("registration", meta.requisite),
                                      ("version_date", meta.version_date), ("source_url", meta.source))
                  if v}
    if head.issuer_source == "text":
        provenance["issuer"] = "text"  # a Kazakh text's own stamp (see mdhead.issuer_for_language)
    elif "issuer" in provenance and not head.issuer:
        del provenance["issuer"]
    if meta.repealed_by is not None or meta.repealed_on:
        provenance["status"] = provenance["repealed_by"] = src
    text_repealed = any(n.kind == "repeal" for n in act.notes)
    status = act.status
    if head.repealed and not text_repealed and act.notes is not None:
        status = "repealed"
    if text_repealed and not head.repealed:
        _warn(warnings, "meta_mismatch", "meta.yaml and the text disagree on the status: 'in_force' "
              "(meta.yaml, kept) vs 'repealed' (text)", None, field="status", meta="in_force", text="repealed",
              meta_file=src, text_source="text")
        status = "in_force"
    amended_by = act.amended_by
    caused = _amending_cause(meta)
    if caused is not None and not any(_same_ref(caused, r) for r in amended_by):
        amended_by = [*amended_by, caused]
        provenance["amended_by"] = src
    return act.model_copy(update={
        "amended_by": amended_by,
        "status": status,
        "version_date": meta.for_language(meta.version_date, language),
        "source_url": meta.for_language(meta.source, language),
        "act_code": meta.act_code,
        "provenance": provenance,
    })


def _amending_cause(meta: ActMeta) -> ActRef | None:
    """meta.yaml's ``caused_by`` (the act that produced the stored edition) when it amends this act:
    its title is an amending title ("О внесении изменения и дополнений в приказ …", adilet-2010-55474
    meta.yaml), and it is not the repealing act.  Another cause (a repeal, an act approving a new
    programme) is not an amendment."""
    cb = meta.caused_by
    if cb is None or not cb.requisite:
        return None
    if meta.repealed_by is not None and cb.code and cb.code == meta.repealed_by.code:
        return None
    if not any(_AMENDING_TITLE.search(t or "") for t in cb.title.values()):
        return None
    return linked_ref(cb.requisite)


def _same_ref(a: ActRef, b: ActRef) -> bool:
    def num(x: str | None) -> str:
        return (x or "").strip().lstrip("№N ").lower()
    return bool(a.number) and num(a.number) == num(b.number) and (not a.date or not b.date or a.date == b.date)


def _check_head(head: Head, source: str, warnings: list[dict]) -> None:
    if head.act_type is None or (head.date is None and head.number is None):
        missing = "act type" if head.act_type is None else "date or number"
        raise InputError(f"not a normative legal act (no {missing} in its head)", source=source,
                         code="not_an_act")
    for field, value in (("date", head.date), ("number", head.number), ("issuer", head.issuer),
                         ("title", head.title)):
        if not value:
            _warn(warnings, f"no_{field}", f"the act's {field} was not found in its head", head.title_lines)
    if not head.registration.number:
        _warn(warnings, "no_registration", "no Ministry of Justice registration in the head", head.title_lines)


def _unique_refs(refs: list[ActRef]) -> list[ActRef]:
    seen: set[tuple] = set()
    out: list[ActRef] = []
    for r in refs:
        key = (r.act_type, r.date, r.number)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _amends(head: Head, doc: Doc, structure: list[StructureNode]) -> list[ActRef]:
    """The act an amending act changes, read from its title ("… № 357 бұйрығына өзгерістер енгізу туралы")."""
    m = _AMENDING_TITLE.search(head.title)
    if not m:
        return []
    if head.title[: m.start()].strip():
        part = head.title[: m.start()]
        # The amended act's own title is quoted; its reference follows the closing quote.
        q = max(part.rfind(c) for c in "\"»”")
        phrase = part[q + 1 :] if q >= 0 else part
    else:
        phrase = head.title[m.end() :]
    ref = parse_act_ref(phrase, lines=head.title_lines)
    if not (ref.number or ref.date):
        return []
    if ref.number and not ref.registration_number:
        # The first point usually repeats the reference with its registration number.
        for node in structure:
            pos = node.text.find(f"№ {ref.number}")
            if pos >= 0 and (r := _REG_OF_REF.search(node.text[pos : pos + 250])):
                ref = ref.model_copy(update={"registration_number": r.group("n")})
                break
    return [ref]
