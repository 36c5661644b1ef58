"""The head of a Markdown act: its ``#`` title line, its identity from ``meta.yaml``.

A Markdown text of the ministerial layout starts with ``# <title>`` and goes straight on to the
preamble: the identity sentence (type, issuer, date, number, registration, repeal) is not in the
text but in the act folder's ``meta.yaml``.  So the head is read from there, every value with the
meta file as its provenance, and cross-checked against what the text itself says: its title line
and the approval stamp of its first appendix (``… 24 желтоқсан 2015 жылғы № 641 бұйрығымен
бекітілген``).  A disagreement is a ``meta_mismatch`` warning naming both values; the meta value
is kept (it is the structured source), never silently replaced.

Without a meta file the identity is read from the first approval stamp, with a ``no_meta``
warning; a text with neither is not an act (``not_an_act``).
"""

from __future__ import annotations

import re

from kzqual.acts.doc import Doc
from kzqual.acts.head import Head, read_identity
from kzqual.acts.issuer import body_of, issuer_meaning, translate_issuer
from kzqual.acts.metafile import ActMeta
from kzqual.acts.model import ActRef, Span
from kzqual.acts.refs import is_kazakh, parse_act_ref

_HEADING = frozenset({"h1", "h2", "h3"})
_QUOTES = re.compile(r"[«»\"“”„'`]")


def _norm(text: str) -> str:
    """Title text compared without case, quotes, punctuation spacing or Latin look-alikes."""
    t = _QUOTES.sub("", text or "").lower().replace("ё", "е")
    t = t.translate(str.maketrans("iaeopcxy", "іаеорсху"))
    return " ".join(re.sub(r"[\s.,;:–—-]+", " ", t).split())


def read_md_head(doc: Doc, language: str, meta: ActMeta | None, warnings: list[dict]) -> Head:
    head = Head()
    lines = doc.ct.lines
    if lines and lines[0].hint in _HEADING:
        head.title = doc.texts[0]
        head.title_lines = doc.span(0, 0)
        head.end = 1
    if meta is None:
        return head
    src = meta.path or "meta.yaml"
    if meta.requisite:
        # The requisite is a Russian sentence whatever the language of the text.
        read_identity(head, meta.requisite, "ru", None)
        head.identity_text = meta.requisite
    meta_title = meta.for_language(meta.title, language)
    if meta_title:
        if head.title and _norm(head.title) != _norm(meta_title):
            warnings.append(_mismatch("title", meta_title, head.title, src, head.title_lines))
        head.title = meta_title
    if meta.approved_on:
        if head.date and head.date != meta.approved_on:
            # The requisite prints the act's own date (as its stamps do); ``approved_on`` is the
            # source's database field, one day early for acts dated in Almaty summer time
            # (1992-2004, UTC+7: local midnight stored an hour short, adilet-2000-5829,
            # adilet-2004-21895).  The printed date is kept and the disagreement named.
            warnings.append(_mismatch("date", meta.approved_on, head.date, src, None,
                                      text_source="requisite", kept="text"))
        else:
            head.date = meta.approved_on
    if meta.repealed_by is not None or meta.repealed_on:
        head.repealed = True
        ref = linked_ref(meta.repealed_by.requisite if meta.repealed_by else None)
        if ref is not None:
            head.repealed_by = ref
    return head


def linked_ref(requisite: str | None) -> ActRef | None:
    """The repealing act named by its requisite (type, issuer, date, number, registration)."""
    if not requisite:
        return None
    h = Head()
    read_identity(h, requisite, "ru", None)
    if not (h.number or h.date):
        return None
    return ActRef(act_type=h.act_type, issuer=h.issuer, date=h.date, number=h.number,
                  registration_number=h.registration.number, text=requisite)


def identity_from_stamp(head: Head, stamp_text: str | None, span: Span | None) -> None:
    """No meta file: the act's type, date and number as its first approval stamp gives them."""
    if not stamp_text:
        return
    ref = parse_act_ref(stamp_text, lines=span)
    head.act_type = head.act_type or ref.act_type
    head.date = head.date or ref.date
    # a stamp names the approving act, never its registration: a Justice-ministry order's
    # "№ 641" that the reference reader takes for a registration number is the act's number
    head.number = head.number or ref.number or ref.registration_number
    if not head.issuer and ref.issuer:
        head.issuer, head.issuer_body, head.issuer_source = ref.issuer, body_of(ref.issuer, _lang(ref.issuer)), "text"
    head.identity_text = stamp_text


def _lang(text: str) -> str:
    return "kk" if is_kazakh(text) else "ru"


def issuer_for_language(head: Head, language: str, stamp_ref: ActRef | None, span: Span | None, src: str,
                        warnings: list[dict]) -> None:
    """The issuer of this language text (issue 11: an issuer is per language text).

    meta.yaml's requisite names the issuer in Russian.  A Kazakh text takes the office as its own
    first approval stamp prints it (``Қазақстан Республикасы Әділет министрінің … № 316
    бұйрығымен бекітілген``, when the stamp's number is the act's), else the Kazakh name of the
    requisite's office from the issuer vocabulary, else none with an ``issuer_untranslated``
    warning naming the Russian one (never a Russian name on a Kazakh record).  A Russian text keeps
    the requisite's office; its stamp is the cross-check (a ``meta_mismatch`` when they name
    different offices).  Minister and ministry stay as printed: they are different entries.
    """
    stamp_issuer = None
    if stamp_ref is not None:  # the first stamp as cross_check_stamp read it
        ref = stamp_ref
        num = ref.number or ref.registration_number
        if ref.issuer and num and head.number and _num(num) == _num(head.number) and _lang(ref.issuer) == language:
            stamp_issuer = ref.issuer
    meta_issuer = head.issuer
    if language == "kk":
        translated = translate_issuer(meta_issuer, "ru", "kk") if meta_issuer and not is_kazakh(meta_issuer) \
            else meta_issuer
        a, b = issuer_meaning(meta_issuer, "ru"), issuer_meaning(stamp_issuer, "kk")
        if stamp_issuer and translated and a and b and a != b:
            # one act, one issuer: the stamp names another office than the requisite (adilet-2015-96763
            # kaz.md 31-34 "Әділет министрлігінің … № 641 бұйрығымен", an order of the Minister)
            warnings.append(_mismatch("issuer", translated, stamp_issuer, src, span))
            stamp_issuer = None
        if stamp_issuer:
            issuer, head.issuer_source = stamp_issuer, "text"
        else:
            issuer = translated
            if issuer is None and meta_issuer:
                warnings.append({"code": "issuer_untranslated", "lines": None,
                                 "message": f"the text does not name its issuer and the vocabulary has no "
                                            f"Kazakh name for {meta_issuer!r} (meta.yaml)",
                                 "params": {"issuer": meta_issuer, "meta_file": src}})
        head.issuer, head.issuer_body = issuer, body_of(issuer, "kk")
        return
    if stamp_issuer and not meta_issuer:  # a requisite without an office: the stamp names it
        head.issuer, head.issuer_body, head.issuer_source = stamp_issuer, body_of(stamp_issuer, "ru"), "text"
    elif stamp_issuer:
        a, b = issuer_meaning(meta_issuer, "ru"), issuer_meaning(stamp_issuer, "ru")
        if a and b and a != b:
            warnings.append(_mismatch("issuer", meta_issuer, stamp_issuer, src, span))


def cross_check_stamp(head: Head, stamp_text: str, span: Span, src: str, warnings: list[dict]) -> ActRef:
    """The first appendix's stamp names the approving act: its date and number must be the meta's.
    Returns the stamp's reference (:func:`issuer_for_language` reads its office)."""
    ref = parse_act_ref(stamp_text, lines=span)
    ref.number = ref.number or ref.registration_number  # a stamp has no registration (see above)
    if ref.number and head.number and _num(ref.number) != _num(head.number):
        warnings.append(_mismatch("number", head.number, ref.number, src, span))
    if ref.date and head.date and ref.date != head.date and ref.number and _num(ref.number) == _num(head.number or ""):
        warnings.append(_mismatch("date", head.date, ref.date, src, span))
    return ref


def _num(n: str) -> str:
    return n.strip().lstrip("№N ").lower()


def _mismatch(field: str, meta_value: str, text_value: str, src: str, lines: Span | None,
              *, text_source: str = "text", kept: str = "meta") -> dict:
    meta_kept, text_kept = (", kept", "") if kept == "meta" else ("", ", kept")
    message = (f"meta.yaml and the {text_source} disagree on the {field}: "
               f"{meta_value!r} (meta.yaml{meta_kept}) vs {text_value!r} ({text_source}{text_kept})")
    code = "meta_mismatch" if kept == "meta" else "meta_mismatch_text_kept"
    return {"code": code, "message": message, "lines": lines.model_dump() if lines else None,
            "params": {"field": field, "meta": meta_value, "text": text_value, "meta_file": src,
                       "text_source": text_source}}
