"""The head of an act: title, status line and the identity sentence.

The official export starts every act the same way::

    <title, one paragraph>
    [Күшін жойған | Утратил силу]
    <issuer> <date> № <number> бұйрығы. … Әділет министрлігінде <date> № <reg> тіркелді.
    [Күші жойылды - <repealing act>]
          Ескерту. …                     <- indented: the head is over

so the head is read as: title up to the first blank-line gap, then the unindented lines up to the
first indented one.  Each part is then looked for on its own, since the export may break it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kzqual.acts.dates import find_dates
from kzqual.acts.doc import Doc
from kzqual.acts.issuer import body_of
from kzqual.acts.model import ActRef, Registration, Span
from kzqual.acts.notes import NOTE_START
from kzqual.acts.refs import NUMBER_RE, _kk_issuer, _ru_issuer, parse_act_ref
from kzqual.acts.vocab import ACT_TYPE_RE, ENACTING, act_type_of

_STATUS_LINE = re.compile(r"^(Күшін\s+жойған|Утрати\w{0,40}\s+силу|Күші\s+жойылды)\s*\.?$", re.I)
_REPEAL_PHRASE = re.compile(r"Күші\s+жойылды|Күшін\s+жойған|Утрати\w{0,40}\s+силу", re.I)
# The registration phrase: the ministry as the *place* of registration ("Әділет министрлігінде",
# "в Министерстве юстиции").  Not "Приказ Министерства юстиции …": there the ministry issued the
# act, and the number after it is the act's own (issue 11: adilet-1999-2408, 2000-5829).
_REG_PHRASE = re.compile(r"Әділет\s+министрлігінде|(?<!\w)Министерстве\s+юстиции|Зарегистрирован", re.I)
_IDENTITY_START = re.compile(
    r"^((Совместный\s+)?(Приказ|Постановление|Указ|Закон|Решение)\s+\S"
    r"|(Қазақстан\s+Республикасы|ҚР)\s.*\d{4}\s*жыл)"
)
_MAX_TITLE = 8
_MAX_IDENTITY = 10


@dataclass(slots=True)
class Head:
    title: str = ""
    title_lines: Span | None = None
    act_type: str | None = None
    act_type_raw: str | None = None
    issuer: str | None = None
    issuer_body: str | None = None
    date: str | None = None
    number: str | None = None
    registration: Registration = field(default_factory=Registration)
    repealed: bool = False
    repealed_by: ActRef | None = None
    end: int = 0  # index of the first clean line after the head
    identity_text: str = ""
    issuer_source: str = ""  # "text" when the issuer was read in the text itself (a stamp)
    warnings: list[dict] = field(default_factory=list)


def _is_body_start(doc: Doc, i: int) -> bool:
    return doc.indented[i] or bool(NOTE_START.match(doc.texts[i])) or any(
        w in doc.squeezed(i).upper() for w in ENACTING
    )


def _looks_like_identity(text: str) -> bool:
    return bool(find_dates(text)) and bool(NUMBER_RE.search(text))


def read_head(doc: Doc, language: str) -> Head:
    head = Head()
    n = len(doc)
    # Title: the first paragraph, unless the identity sentence or a status line comes first.
    i = 0
    while i < n and i < _MAX_TITLE:
        if i > 0 and doc.gap[i]:
            break
        if _STATUS_LINE.match(doc.texts[i]) or (i > 0 and _is_body_start(doc, i)):
            break
        i += 1
    if not (i < n and doc.gap[i]):
        # No blank line after the title (an export without gaps): end it where the identity begins.
        i = next((k for k in range(1, i) if _IDENTITY_START.match(doc.texts[k])), i)
    if i > 0:
        head.title = doc.join(0, i - 1)
        head.title_lines = doc.span(0, i - 1)
    # Status line.
    if i < n and _STATUS_LINE.match(doc.texts[i]):
        head.repealed = True
        i += 1
    # Identity: unindented lines up to the body.
    first = i
    while i < n and i - first < _MAX_IDENTITY and not _is_body_start(doc, i):
        i += 1
    head.end = i
    ident = doc.join(first, i - 1) if i > first else ""
    if not _looks_like_identity(ident) and _looks_like_identity(head.title):
        # No gap between title and identity, or a damaged head: read what the title holds.
        ident = head.title
    head.identity_text = ident
    read_identity(head, ident, language, doc.span(first, max(first, i - 1)) if i > first else None)
    return head


def read_identity(head: Head, ident: str, language: str, span: Span | None) -> None:
    repeal = _REPEAL_PHRASE.search(ident)
    reg = _REG_PHRASE.search(ident)
    if reg and reg.group(0).lower().startswith("министерств") and (first_no := NUMBER_RE.search(ident)) \
            and reg.start() < first_no.start():
        # "Приказ Министерства юстиции … № 16. Зарегистрирован …": the ministry issued the act;
        # the registration clause comes after the act's own number
        reg = _REG_PHRASE.search(ident, first_no.end())
    own_end = min(x.start() for x in (repeal, reg) if x) if (repeal or reg) else len(ident)
    own = ident[:own_end]
    # A Russian head names the type first ("Приказ Министра …"), so an early type word counts.
    dates = find_dates(own)
    num = NUMBER_RE.search(own)
    types = list(ACT_TYPE_RE.finditer(own))
    if types:
        anchor = num.end() if num and language == "kk" else 0
        t = min(types, key=lambda m: abs(m.start() - anchor))
        head.act_type = act_type_of(t)
        head.act_type_raw = t.group(0)
    if dates:
        head.date = dates[0].iso
    if num:
        head.number = num.group("n")
    if language == "kk":
        cut = min([x for x in (dates[0].start if dates else None, num.start() if num else None)
                   if x is not None] or [len(own)])
        head.issuer = _kk_issuer(own[:cut])
    else:
        head.issuer = _ru_issuer(own, types[0] if types else None)
    head.issuer_body = body_of(head.issuer, language)
    if reg:
        reg_text = ident[reg.start() : repeal.start() if repeal and repeal.start() > reg.start() else len(ident)]
        rdates = find_dates(reg_text)
        rnum = NUMBER_RE.search(reg_text)
        head.registration = Registration(
            number=rnum.group("n") if rnum else None, date=rdates[0].iso if rdates else None
        )
    if repeal:
        head.repealed = True
        tail = ident[repeal.end() :].strip(" -–—:")
        ref = parse_act_ref(tail, lines=span)
        if ref.number or ref.date:
            head.repealed_by = ref
