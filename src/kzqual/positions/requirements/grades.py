"""A characteristics act's "Требования к квалификации" -> the grade ladder (:class:`Grade`).

    1) специалист высшего уровня квалификации:
       высшей категории: высшее (или послевузовское) образование и стаж работы в должности
       инспектора первой категории не менее 3 лет; ... без категории: ... без предъявления
       требований к стажу работы;
    2) специалист среднего уровня квалификации: ...

One :class:`Grade` per rung; rungs of the same level and grade are alternatives (any-of), as in
"... не менее 1 года или среднее профессиональное ... не менее 3 лет".  A text with no ladder
gives one rung with ``level="any"`` and ``grade="none"``.
"""

from __future__ import annotations

import re
from typing import Literal

from kzqual.acts.model import Span
from kzqual.positions.model import ExperienceKind, Grade, ParseWarning
from kzqual.positions.requirements._text import normalize, split_top_level
from kzqual.positions.requirements.codes import canonical_category
from kzqual.positions.requirements.education import _levels
from kzqual.positions.requirements.experience import _kind
from kzqual.positions.requirements.numbers import find_years
from kzqual.positions.warnings import warn

Level = Literal["higher_qualification", "middle_qualification", "any"]
GradeName = Literal["highest", "first", "second", "none"]

_LEVEL = re.compile(
    r"(?:(?<=\s)|^)(?:\d{1,2}\)\s*)?специалист\w*\s+(?P<lvl>высшего|среднего)\s+уровня\s+квалификации"
    r"(?:\s*\((?P<code>[^()]{1,12})\))?\s*:?",
    re.I,
)
_LEVEL_KK = re.compile(
    r"(?:(?<=\s)|^)(?:\d{1,2}\)\s*)?(?P<lvl>жоғары|орта)\s+біліктілік\s+деңгейдегі\s+маман\w*"
    r"(?:\s*\((?P<code>[^()]{1,12})\))?\s*:?",
    re.I,
)
_RUNG = re.compile(r"(?P<g>высшей|первой|второй|без)\s+категории\s*:", re.I)
_RUNG_KK = re.compile(r"(?P<g>жоғары|бірінші|екінші)\s+санат\w*\s*:|санатсыз\s*:", re.I)
_GRADE = {"высшей": "highest", "первой": "first", "второй": "second", "без": "none",
          "жоғары": "highest", "бірінші": "first", "екінші": "second"}  # fmt: skip
_IN_GRADE = re.compile(r"(высшей|первой|второй|без)\s+категори\w*", re.I)
_ITEM = re.compile(r"(?:^|[\s;:.])(?P<label>\d{1,2})\)\s*")
_OR = re.compile(r"\s+(?:или|немесе)\s+(?=\S)", re.I)
_CODE_AT_END = re.compile(r"\(\s*(?P<code>[А-ЯA-Z]\d[\d\s-]*)\s*\)\s*[.;]?\s*$")
_NO_EXPERIENCE = re.compile(r"без\s+предъявлени\w+\s+требовани\w+\s+к\s+стажу|талап\w*\s+қойылмайды", re.I)
_EDU_END = re.compile(r"\s+(?:и|және)\s+(?:стаж|жұмыс\s+өтіл)|\s+без\s+предъявлени|\s+стаж", re.I)
_LEVEL_WORD = re.compile(r"высш\w*|послевузовск\w*|техническ\w*|послесредн\w*|средн\w*|жоғары|орта", re.I)


def _rungs(
    body: str, lang: str, level: Level, grade: GradeName, span: Span | None, post: str | None, code: str | None
) -> list[Grade]:
    out: list[Grade] = []
    pieces = [p.strip(" ;.") for p in split_top_level(body, _OR)]
    # "или" inside an education phrase ("высшее или послевузовское") is not a new rung: a rung
    # needs its own education level.
    merged: list[str] = []
    for p in pieces:
        if merged and not _levels(p, lang):
            merged[-1] = merged[-1] + " или " + p
        else:
            merged.append(p)
    for piece in merged:
        if not piece:
            continue
        piece_code = code
        m = _CODE_AT_END.search(piece)
        if m:
            piece_code = canonical_category(m.group("code").replace(" ", "")) or piece_code
        warnings: list[ParseWarning] = []
        edu = _EDU_END.split(piece, maxsplit=1)[0]
        levels = _levels(edu, lang)
        years = find_years(piece, lang)
        min_years = years[0].years if years else None
        if len(years) > 1:
            warnings.append(warn("several_years_in_rung"))
        in_grade: str | None = None
        kind: ExperienceKind | None = None
        if years:
            context = piece[: years[0].start]
            kind, _, _ = _kind(context)
            g = _IN_GRADE.search(context)
            if g:
                in_grade = _GRADE[g.group(1).lower()]
                kind = "lower_grade"
            elif re.search(r"в\s+должности", context, re.I):
                kind = "other"  # in a named post without a grade
        elif not _NO_EXPERIENCE.search(piece):
            warnings.append(warn("rung_without_years"))
        if not levels:
            warnings.append(warn("no_education_level"))
        out.append(
            Grade(
                level=level,
                grade=grade,
                education=edu.strip(" ,;"),
                education_level=levels[0] if levels else None,
                min_years=min_years,
                in_grade=in_grade,
                experience_kind=kind,
                text=piece,
                lines=span,
                post=post,
                category=piece_code,
                warnings=warnings,
            )
        )
    return out


def _section(body: str, lang: str, level: Level, span: Span | None, code: str | None) -> list[Grade]:
    rung_re = _RUNG if lang == "ru" else _RUNG_KK
    marks = list(rung_re.finditer(body))
    if not marks:
        return _items(body, lang, level, span, code)
    out: list[Grade] = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        word = (m.group("g") or "без").lower() if m.groupdict().get("g") else "без"
        out.extend(_rungs(body[m.end() : end], lang, level, _GRADE.get(word, "none"), span, None, code))  # type: ignore[arg-type]
    return out


def _items(body: str, lang: str, level: Level, span: Span | None, code: str | None) -> list[Grade]:
    """Numbered sub-posts ("1) руководитель отдела ... высшее образование ...") or one rung."""
    marks = [m for m in _ITEM.finditer(body)]
    good = []
    for m in marks:
        if int(m.group("label")) == len(good) + 1:
            good.append(m)
    if len(good) < 2:
        return _rungs(body, lang, level, "none", span, None, code)
    out: list[Grade] = []
    for i, m in enumerate(good):
        end = good[i + 1].start("label") if i + 1 < len(good) else len(body)
        item = body[m.end() : end].strip(" ;")
        lw = _LEVEL_WORD.search(item)
        post = item[: lw.start()].strip(" ,:") if lw and lw.start() > 0 else None
        rest = item[lw.start() :] if lw and post else item
        out.extend(_rungs(rest, lang, level, "none", span, post or None, code))
    return out


def parse_grades(text: str, lang: str, span: Span | None = None) -> list[Grade]:
    """The rungs of a qualification-requirements text.  Never raises; [] for empty text."""
    clean = normalize(text)
    if not clean:
        return []
    # Editorial notes ("Сноска. Пункт 12 - в редакции ...") are not requirements.
    clean = re.split(r"\s(?:Сноска|Ескерту|Примечание)\s*\.", clean, maxsplit=1)[0]
    clean = re.sub(r"^\s*(?:\d{1,3}\.\s*)?Требования\s+к\s+квалификации\s*:?\s*", "", clean, flags=re.I)
    level_re = _LEVEL if lang == "ru" else _LEVEL_KK
    marks = list(level_re.finditer(clean))
    if not marks:
        return _section(clean, lang, "any", span, None)
    out: list[Grade] = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(clean)
        lvl = m.group("lvl").lower()
        level: Level = "higher_qualification" if lvl in ("высшего", "жоғары") else "middle_qualification"
        code = canonical_category(m.group("code")) if m.group("code") else None
        out.extend(_section(clean[m.end() : end].strip(" ;"), lang, level, span, code))
    return out
