"""Editorial notes (Ескерту / Сноска / Примечание): what they target, what they say, which act.

The official system inserts them under the heading of the act or under the point they concern:
``Сноска. Пункт 1 - в редакции приказа Министра обороны РК от 30.09.2021 № 668 (…)``,
``Ескерту. Бұйрықтың күші жойылды - ҚР … министрінің 02.10.2014 бұйрығымен.№ 74``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzqual.acts.doc import Doc
from kzqual.acts.model import Note
from kzqual.acts.refs import parse_act_refs

NOTE_START = re.compile(r"^(Ескерту|Сноска|Примечание)(?![\w])")
_REPEAL = re.compile(r"күші\s+жойыл|күшін\s+жой|утратил\w{0,40}\s+силу", re.I)
_AMEND = re.compile(
    r"редакци|өзгеріс|изменени|дополн|толықтыр|исключ|алып\s+тасталды|енгізілді|внесен", re.I
)
_RU_TARGET = re.compile(
    r"^(?P<w>Пункт|Подпункт|Глава|Параграф|Приложение|Раздел|Заголовок|Преамбула|Приказ)\w{0,40}"
    r"(?:\s+(?P<n>\d+(?:-\d+)*\)?))?",
    re.I,
)
_KK_TARGET = re.compile(
    r"^(?P<n>\d+(?:-\d+)*)-(?P<w>тармақша|тармақ|тарау|қосымша|параграф|бөлім)", re.I
)
_KK_WORD_TARGET = re.compile(r"^(?P<w>Бұйрық|Тақырып|Кіріспе|Қаулы)\w{0,40}", re.I)
_TARGET_NAMES = {
    "пункт": "point",
    "подпункт": "subpoint",
    "глава": "chapter",
    "параграф": "paragraph",
    "приложение": "appendix",
    "раздел": "section",
    "заголовок": "title",
    "преамбула": "preamble",
    "приказ": "act",
    "тармақ": "point",
    "тармақша": "subpoint",
    "тарау": "chapter",
    "қосымша": "appendix",
    "бөлім": "section",
    "бұйрық": "act",
    "қаулы": "act",
    "тақырып": "title",
    "кіріспе": "preamble",
}


@dataclass(frozen=True, slots=True)
class NoteBlock:
    first: int  # clean line index
    last: int
    note: Note


def _target(body: str) -> str:
    m = _RU_TARGET.match(body) or _KK_TARGET.match(body) or _KK_WORD_TARGET.match(body)
    if not m:
        return "act"
    name = _TARGET_NAMES.get(m.group("w").lower(), "act")
    number = m.groupdict().get("n")
    return f"{name} {number.rstrip(')')}" if number and name != "act" else name


def find_notes(doc: Doc, start: int = 0, end: int | None = None) -> list[NoteBlock]:
    """Every editorial note in clean lines ``start..end`` (end exclusive)."""
    end = len(doc) if end is None else end
    blocks: list[NoteBlock] = []
    i = start
    while i < end:
        if not NOTE_START.match(doc.texts[i]):
            i += 1
            continue
        last = i
        # A note runs on over unindented lines; the next indented line starts new text.
        while last + 1 < end and last - i < 15:
            nxt = last + 1
            if doc.indented[nxt] or doc.gap[nxt] or NOTE_START.match(doc.texts[nxt]):
                break
            last = nxt
        text = doc.join(i, last)
        body = re.sub(r"^\S+(\s+(РЦПИ|ИЗПИ|ЗҚАИ|РҚАО)!?)?\s*[.:!]?\s*", "", text)
        target = _target(body)
        if _REPEAL.search(body) and target == "act":
            kind = "repeal"
        elif _AMEND.search(body) or _REPEAL.search(body):
            kind = "amendment"
        else:
            kind = "other"
        refs = parse_act_refs(body, lines=doc.span(i, last)) if kind != "other" else []
        if kind == "repeal":
            refs = refs[:1]  # an act is repealed once; later numbers are the note's other details
        blocks.append(
            NoteBlock(i, last, Note(target=target, kind=kind, amending_act=refs[0] if refs else None,
                                    amending_acts=refs, text=text, lines=doc.span(i, last)))
        )
        i = last + 1
    return blocks
