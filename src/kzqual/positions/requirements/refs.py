"""References to other acts inside a criterion: "по типовым квалификационным требованиям,
утверждённым приказом ... от 9 января 2008 года № 02-01-02/5 (рег. № 5084)".

Only what the words say is read: the order's number and date, the registration number; the
issuer is kept in ``text``.  The rule engine reports such criteria as "undetermined" while the
cited act is not loaded.
"""

from __future__ import annotations

import re

from kzqual.acts.model import ActRef, Span

_TYPICAL = re.compile(
    r"үлгі(?:лік)?\s+біліктілік(?:\s+талаптар\w*)?|типов\w+\s+квалификационн\w+\s+требовани\w*", re.I
)
_KK_MONTHS = {
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6, "шілде": 7,
    "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}  # fmt: skip
_RU_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_NUM = r"№\s*(?P<num>\d+(?:[-/.]\d+)*)"
_KK_DATED = re.compile(
    r"(?P<y>\d{4})\s+жылғы\s+(?P<d>\d{1,2})\s+(?P<m>[^\W\d_]+)\s+" + _NUM, re.I
)
_RU_DATED = re.compile(
    r"(?:от\s+)?(?P<d>\d{1,2})\s+(?P<m>[^\W\d_]+)\s+(?P<y>\d{4})\s+года\s+" + _NUM, re.I
)
_NUM_DATED = re.compile(r"(?:от\s+)?(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\s*(?:года\s+|ж\.\s+)?" + _NUM)
_REGISTERED_AFTER = re.compile(r"^\s*(?:болып\s+)?тіркел|^\s*\)?\s*зарегистрир", re.I)
_REGISTRATION = re.compile(
    r"тізілімінде\s+№\s*(?P<a>\d+)|№\s*(?P<b>\d+)\s+(?:болып\s+)?тіркелген"
    # "зарегистрированным в Реестре государственной регистрации нормативных правовых актов за № 5084"
    # (adilet-2014-78827 rus): the register's name may stand between the word and the number
    r"|(?:регистрации|зарегистрирован\w*)[^№;]{0,80}?(?:под\s+|за\s+)?№\s*(?P<c>\d+)|рег\.\s*№\s*(?P<d>\d+)",
    re.I,
)
_ORDER_WORD = re.compile(r"бұйрығ\w*|приказ\w*", re.I)


_KK_STEMS = sorted(_KK_MONTHS.items(), key=lambda kv: -len(kv[0]))  # longest stem first
_RU_STEMS = sorted(_RU_MONTHS.items(), key=lambda kv: -len(kv[0]))


def _month(word: str, lang: str) -> int | None:
    w = word.lower()
    for stem, n in _RU_STEMS if lang == "ru" else _KK_STEMS:
        if w.startswith(stem):
            return n
    return None


def find_reference(text: str, lang: str, span: Span | None = None) -> ActRef | None:
    """The act behind "according to the typical requirements", or None if the text cites none."""
    if not text or not _TYPICAL.search(text):
        return None
    number = date = registration = None
    for pattern in (_RU_DATED, _NUM_DATED) if lang == "ru" else (_KK_DATED, _NUM_DATED):
        for m in pattern.finditer(text):
            mon = m.group("m")
            month = int(mon) if mon.isdigit() else _month(mon, lang)
            if month is None:
                continue
            iso = f"{int(m.group('y')):04d}-{month:02d}-{int(m.group('d')):02d}"
            if _REGISTERED_AFTER.match(text[m.end() :]):
                registration = registration or m.group("num")
                continue  # the registration date, not the order's
            if number is None:
                number, date = m.group("num").rstrip("."), iso
    r = _REGISTRATION.search(text)
    if r:
        registration = next(g for g in r.groups() if g)
    return ActRef(
        act_type="order" if _ORDER_WORD.search(text) else None,
        date=date,
        number=number,
        registration_number=registration,
        text=text,
        lines=span,
    )


def find_references(text: str, lang: str, span: Span | None = None) -> list[ActRef]:
    """Every act cited "by the typical requirements", in order.

    A criterion may cite two acts ("... № 5084 ... талаптарына және ... № 5493 ... талаптарына"):
    each citation ends with its own "typical requirements" phrase, so the text is cut after each
    one and every piece that names an order or a registration becomes one reference.
    """
    first = find_reference(text, lang, span)
    if first is None:
        return []
    refs: list[ActRef] = []
    start = 0
    for m in _TYPICAL.finditer(text):
        piece = text[start : m.end()]
        start = m.end()
        ref = find_reference(piece.strip(" ,;"), lang, span)
        if ref is not None and (ref.number or ref.registration_number):
            refs.append(ref)
    # One citation (or pieces that name nothing): the whole text is the one reference.
    return refs if len(refs) > 1 else [first]
