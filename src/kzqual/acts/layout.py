"""Where the parts of an act are: signature, approval (КЕЛІСІЛДІ) blocks and appendix stamps.

An appendix starts with a stamp in the right margin, which the export prints as short lines::

    Қазақстан Республикасы                    Утверждены
    Төтенше жағдайлар министрінің             приказом Министра обороны
    2014 жылғы «9» сәуірдегі                  Республики Казахстан
    № 161 бұйрығына                           от 31 марта 2017 года № 134
    1-қосымша

followed by the title of what the appendix approves.  The stamp is found by its anchor line
(``№ N бұйрығына`` / ``Приложение N`` / ``Утверждены``), then grown backwards to its first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzqual.acts.dates import find_dates, parse_date
from kzqual.acts.doc import Doc
from kzqual.acts.model import AgreedBy
from kzqual.acts.vocab import AGREED, CYR_LOWER, CYR_UPPER

# The number sign: "№", or the older acts' Latin "N" before digits ("N 316", adilet-2004-21895)
_NO = r"(?:№|(?<![\w.])N(?=\s?\d))"
_HAS_NO = re.compile(_NO)
_KK_ANCHOR = re.compile(
    _NO + r"\s*[\w./-]+\s+(бірлескен\s+)?(бұйрығына|бұйрыққа|бұйрығымен|қаулысына|қаулысымен|"
    r"шешіміне|шешімімен)(\s+(бекітілген|бекітілді|бектілді))?(\s+(?P<label>\d+(?:-\d+)*)-қосымша)?\s*$",
    re.I,
)
_KK_LABEL = re.compile(r"^(?P<n>\d+(?:-\d+)*)\s*-\s*қосымша\s*$", re.I)
_KK_NESTED_LABEL = re.compile(r"(?<!\d)\d+(?:-\d+)*-қосымша\s*$", re.I)
_RU_APPENDIX = re.compile(
    r"^Приложение(?:\s*№)?\s*(?P<n>\d+(?:-\d+)*)?\s*(?:к\s+(?:совместному\s+)?(?:приказу|постановлению|"
    r"решению|указу)\b.*)?$",
    re.I,
)
_RU_APPROVED = re.compile(r"^Утвержден[аоы]?\b", re.I)
_STAMP_TOP = re.compile(r"^(Қазақстан\s+Республикасы|ҚР\b|Республики\s+Казахстан)", re.I)
_NAME = re.compile(
    rf"(?P<name>(?:[{CYR_UPPER}]\.\s?){{1,2}}\s?[{CYR_UPPER}][{CYR_LOWER}]+(?:-[{CYR_UPPER}]?[{CYR_LOWER}]+)?)\s*$"
)
_RANK = re.compile(r"^(генерал|полковник|адмирал|генерал-\S+|подполковник|майор)\b", re.I)
_SENTENCE_END = re.compile(r"[.;:!?»\"]\s*$")
_POINT = re.compile(r"^\d+(?:-\d+)?[.)]\s")


@dataclass(frozen=True, slots=True)
class Stamp:
    start: int  # first clean line of the stamp
    anchor: int  # the anchor line
    body: int  # first line after the stamp (the title starts here)
    label: str | None
    text: str


def find_stamps(doc: Doc, start: int) -> list[Stamp]:
    stamps: list[Stamp] = []
    n = len(doc)
    i = start
    while i < n:
        text = doc.texts[i]
        if len(text) > 120 or (text[:1] not in "ПпУу" and not _HAS_NO.search(text)):
            i += 1  # every stamp anchor holds "№" or starts with Приложение / Утверждены
            continue
        label = None
        split = _split_anchor(doc, i)
        if split is not None:
            # "… № 117" / "бұйрығымен бекітілді": the anchor broken before its type word (adilet-2014-78827
            # kaz.md lines 28-29, issue 11's "… № 137" / "бұйрығымен бекітілді")
            label = split.group("label")
            j = i + 2
            if j < n and (m := _KK_LABEL.match(doc.texts[j])):
                label = m.group("n")
                j += 1
            first = _stamp_top(doc, i, start)
            j = _skip_nested(doc, j)
        elif (a := _KK_ANCHOR.search(text)) and not _POINT.match(text) and _is_stamp_anchor(doc, i, a):
            label = a.group("label")
            j = i + 1
            if j < n and re.fullmatch(r"(бекітілген|бекітілді|бектілді)\.?", doc.texts[j].strip(), re.I):
                j += 1
            if j < n and (m := _KK_LABEL.match(doc.texts[j])):
                label = m.group("n")
                j += 1
            first = _stamp_top(doc, i, start)
            j = _skip_nested(doc, j)
        elif (m := _RU_APPENDIX.match(text)) and (
            not doc.indented[i] or _ru_stamp_end(doc, i) > i + 1
        ):
            # An indented "Приложение …" counts only when a dated "№" line closes it as a stamp.
            label = m.group("n")
            first = i
            j = _ru_stamp_end(doc, i)
        elif _RU_APPROVED.match(text) and len(text) < 60:
            first = i
            j = _ru_stamp_end(doc, i)
            if j == i + 1 and not find_dates(text):
                i += 1
                continue
        else:
            i += 1
            continue
        stamps.append(Stamp(first, i, j, label, doc.join(first, j - 1)))
        i = max(j, i + 1)
    return stamps


_NUMBER_ONLY = re.compile(r"(?:^|\s)" + _NO + r"\s*[\w./-]+\s*$")


def _split_anchor(doc: Doc, i: int) -> re.Match[str] | None:
    """A stamp anchor printed over two short lines: ``№ N`` then the type word (and ``бекітілді``)."""
    text = doc.texts[i]
    if i + 1 >= len(doc) or len(text) > 45 or not _NUMBER_ONLY.search(text) or _POINT.match(text):
        return None
    nxt = doc.texts[i + 1].strip()
    if len(nxt) > 45:
        return None
    m = _KK_ANCHOR.search(f"{text.strip()} {nxt}")
    # the joined line must be the anchor from its number on, the type word on the second line
    return m if m and m.start() <= len(text.strip()) else None


def _is_stamp_anchor(doc: Doc, i: int, match: re.Match[str]) -> bool:
    """Stamps are narrow: a short anchor line, or one followed by its label / "бекітілген"."""
    if len(doc.texts[i]) <= 45 or match.group("label"):
        return True
    nxt = doc.texts[i + 1].strip() if i + 1 < len(doc) else ""
    return bool(_KK_LABEL.match(nxt) or re.fullmatch(r"(бекітілген|бекітілді|бектілді)\.?", nxt, re.I))


def _stamp_top(doc: Doc, anchor: int, floor: int) -> int:
    """First line of a stamp: the issuer line above the date line, at most five lines up."""
    date_line = anchor
    if not find_dates(doc.texts[anchor]) and anchor - 1 >= floor and find_dates(doc.texts[anchor - 1]):
        date_line = anchor - 1
    for k in range(date_line, max(floor, date_line - 5) - 1, -1):
        if _STAMP_TOP.match(doc.texts[k]):
            return k
        if k < date_line and (_SENTENCE_END.search(doc.texts[k]) or "_" in doc.texts[k]):
            return k + 1
    return date_line


def _skip_nested(doc: Doc, j: int) -> int:
    """Skip a second stamp that says which appendix of the amended act this one replaces."""
    for k in range(j, min(len(doc), j + 16)):
        if len(doc.texts[k]) > 60:
            return j
        if _KK_NESTED_LABEL.search(doc.texts[k]):
            return k + 1
    return j


def _ru_stamp_end(doc: Doc, i: int) -> int:
    """Russian stamps end with the line holding the date and number of the approving act."""
    for k in range(i, min(len(doc), i + 6)):
        if _HAS_NO.search(doc.texts[k]) and find_dates(doc.join(i, k)):
            return k + 1
    return i + 1


_NESTED_LABEL = re.compile(r"^(?:(?P<n>\d+(?:-\d+)*)-)?қосымша$|^Приложение(?:\s+(?P<r>\d+(?:-\d+)*))?$", re.I)
_DATIVE_END = re.compile(r"(ға|ге|қа|ке|на|не|а|е)\s*$|^к\s", re.I)


def find_nested_stamp(doc: Doc, start: int, end: int) -> Stamp | None:
    """An appendix to an appendix ("… нысанға / қосымша"): a narrow block ending in a dative word,
    then a bare "қосымша" / "Приложение" line.  Returns the first one in ``start..end``."""
    for i in range(start + 1, end):
        text = doc.texts[i]
        if "қосымша" not in text and "Приложение" not in text:
            continue
        m = _NESTED_LABEL.match(text.strip())
        if not m or not _DATIVE_END.search(doc.texts[i - 1]) or len(doc.texts[i - 1]) > 45:
            continue
        first = i - 1
        while first - 1 > start and i - first < 15 and len(doc.texts[first - 1]) <= 45 \
                and not _SENTENCE_END.search(doc.texts[first - 1].rstrip('"»')):
            first -= 1
        if i - first < 2:
            continue
        return Stamp(first, i, i + 1, m.group("n") or m.group("r"), doc.join(first, i))
    return None


def title_after(doc: Doc, j: int, end: int) -> tuple[str | None, int]:
    """The title following a stamp: lines up to the next gap; returns (title, first body line)."""
    if j >= end:
        return None, j
    k = j
    while k < end and k - j < 6:
        if k > j and (doc.gap[k] or doc.indented[k]):
            break
        k += 1
    title = doc.join(j, k - 1)
    # A heading glued to the title ("… талаптары 1. Департамент аппараты") is not title.
    m = re.match(r"^(.*?\S)\s+\d{1,2}\.\s+[" + CYR_UPPER + r"].*$", title)
    if m and len(m.group(1)) > 20:
        title = m.group(1)
    return title, k


def is_agreed_marker(doc: Doc, i: int) -> bool:
    if len(doc.texts[i]) > 40:  # markers are one short word, maybe letter-spaced and quoted
        return False
    sq = re.sub(r"[«»\"“”'.:]", "", doc.squeezed(i)).upper()
    return sq in AGREED


_AGREED_DATE = re.compile(r"\d{4}\s*(ж\.|жыл|г\.|год)|\d{1,2}\.\d{1,2}\.\d{4}")


def leading_agreed_end(doc: Doc, start: int, end: int, *, max_lines: int = 15) -> int | None:
    """The line after an agreement block printed *above* the order's text, else None.

    Older orders put ``Согласован: / Председателем Агентства … / 28 октября 2004 года`` (and the
    Kazakh ``Келісілді: … 2004 жылғы 29 қазан``) between the title and the preamble
    (adilet-2004-21895); such a block is not where the order's text ends.  It closes with its date.
    """
    if start >= end or not is_agreed_marker(doc, start):
        return None
    for k in range(start + 1, min(end, start + max_lines)):
        if _AGREED_DATE.search(re.sub(r"_+", " ", doc.texts[k])):
            return k + 1
    return None


def find_agreed(doc: Doc, start: int, end: int) -> tuple[list[AgreedBy], int | None]:
    """КЕЛІСІЛДІ / СОГЛАСОВАНО blocks in lines ``start..end``; and the first marker's index."""
    markers = [i for i in range(start, end) if is_agreed_marker(doc, i)]
    blocks: list[AgreedBy] = []
    for n, m in enumerate(markers):
        stop = markers[n + 1] if n + 1 < len(markers) else end
        office: list[str] = []
        name = date = None
        last = m
        for k in range(m + 1, stop):
            t = doc.texts[k].strip()
            plain = re.sub(r"_+", " ", t).strip()
            if not plain:
                last = k
                continue
            if _AGREED_DATE.search(plain):
                date = parse_date(plain)
                last = k
                break  # the date closes the block
            if (mm := _NAME.search(plain)) and len(plain) < 60:
                name = mm.group("name")
                rest = plain[: mm.start()].strip()
                if rest:
                    office.append(rest)
            else:
                office.append(plain)
            last = k
        blocks.append(AgreedBy(office=" ".join(" ".join(office).split()), name=name, date=date,
                               lines=doc.span(m, last)))
    return blocks, (markers[0] if markers else None)


@dataclass(frozen=True, slots=True)
class Signature:
    first: int
    last: int
    name: str
    office: str | None


def find_signature(doc: Doc, start: int, end: int) -> Signature | None:
    """The signature closing the order text: a name (``С. Жасузаков``) in the last lines before ``end``."""
    for k in range(end - 1, max(start, end - 8) - 1, -1):
        t = re.sub(r"_+", " ", doc.texts[k]).strip()
        m = _NAME.search(t)
        if not m or len(t) > 90 or _POINT.match(t):
            continue
        first = k
        while first - 1 >= start and k - first < 5:
            prev = doc.texts[first - 1]
            if _SENTENCE_END.search(prev) or _POINT.match(prev) or len(prev) > 90:
                break
            first -= 1
        parts = [doc.texts[x] for x in range(first, k)] + [t[: m.start()]]
        parts = [p.strip() for p in parts if p.strip() and not _RANK.match(p.strip())]
        office = " ".join(" ".join(parts).split()) or None
        return Signature(first, k, m.group("name"), office)
    return None
