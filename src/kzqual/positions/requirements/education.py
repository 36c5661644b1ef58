"""Education criterion text -> :class:`Education` (levels, fields, groups of specialties)."""

from __future__ import annotations

import re

from kzqual.acts.model import Span
from kzqual.positions.model import (
    Education,
    EducationAlternative,
    EducationCondition,
    EducationLevel,
    ParseWarning,
)
from kzqual.positions.warnings import warn
from kzqual.positions.requirements._text import normalize, split_top_level
from kzqual.positions.requirements.fieldnames import joined_names

# Lowest first: ``Education.level`` is the lowest level the text accepts.
LEVEL_ORDER: tuple[EducationLevel, ...] = (
    "general_secondary",
    "technical_vocational",
    "post_secondary",
    "higher",
    "postgraduate",
)

# Each pattern is tried on the text with earlier matches blanked out, so "жоғары оқу орнынан
# кейінгі" (postgraduate) is not read again as "жоғары" (higher).
_LEVELS: dict[str, list[tuple[EducationLevel, re.Pattern[str]]]] = {
    "kk": [
        ("postgraduate", re.compile(r"жоғары\s+оқу\s+орн\w{0,40}\s+кейінгі|магистр\w{0,40}|доктор\w{0,40}")),
        ("technical_vocational", re.compile(r"техникалық\s+және\s+кәсіптік|орта\s+кәсіптік")),
        ("post_secondary", re.compile(r"орта\s+білімнен\s+кейінгі")),
        ("general_secondary", re.compile(r"жалпы\s+орта|орта\s+білім")),
        ("higher", re.compile(r"\bжоғар(?:ы|ғы)\b")),  # "жоғарғы" in 004
    ],
    "ru": [
        ("postgraduate", re.compile(r"послевузовск\w{0,40}")),
        (
            "technical_vocational",
            re.compile(r"техническ\w{0,40}\s+и\s+профессиональн\w{0,40}|среднее\s+профессиональн\w{0,40}"),
        ),
        ("post_secondary", re.compile(r"послесредн\w{0,40}")),
        ("general_secondary", re.compile(r"средн\w{0,40}\s+(?:\(полное\)\s+)?общ\w{0,40}|общ\w{0,40}\s+средн\w{0,40}")),
        ("higher", re.compile(r"\bвысш\w{0,40}")),
    ],
}

_MATCHING_POST = re.compile(
    r"соответствующ\w{1,40}\s+специальност\w{0,40}|специальност\w{0,40},?\s+соответствующ\w{1,40}\s+профил\w{0,40}"
    r"|лауазымның\s+бейініне\s+сәйкес|тиісті\s+мамандық\w{0,40}|бейініне\s+сәйкес",
)

# Words around the list of fields that are not fields themselves.
_KK_FRAME = re.compile(
    r"^\s*жоғары\s*(?:білім\w{0,40})?\s*[:;,-]?\s*"  # "Жоғары:" before the list (seed layout 1)
    r"|(?:саласындағы|саласында|салалары\s+бойынша|облысында)\b"
    r"|маманды[қғ]\w{0,40}\s+бойынша"
    r"|жоғары\s+(?:немесе\s+[^.]*?)?білім\w{0,40}(?:\s+білім)?"
    r"|бойынша\s*$",
)
_RU_FRAME = re.compile(
    r"\((?:или|либо)\s+[^)]*\)"  # "(или послевузовское)"
    r"|^\s*(?:высшее|послевузовское|техническое|послесреднее|среднее)[^,]*?образование\s*"
    r"|по\s+специальност\w{0,40}|в\s+област\w{0,40}|направлени\w{0,40}\s+подготовки",
)
_SEPARATORS = re.compile(
    r"(?:,|(?<!\s)\s)\s*(?:және\s*/\s*немесе|и\s*/\s*или|немесе|немеес|или|либо)\s+|,(?<=\),)\s*"
)
_ONLY_CONJ = re.compile(r"(?:\s*(?:немесе|және|или|и|/|,))+\s*")
_EDU_WORD = re.compile(r"\b(?:білім\w{0,40}|образовани\w{0,40})\b(?!\s*\()")  # "Білім (...)" is a group
# ", немесе" is one separator ("(экономика, немесе журналистика)", adilet-2017-112097 kaz/part001.md l.109)
_INNER_SEPARATORS = re.compile(
    r"(?<!\s)\s*(?:[,;](?:\s*(?:және\s*/\s*немесе|немесе|или|либо)(?=\s))?|\s(?:және\s*/\s*немесе|немесе|или|либо)\s)\s*")
_GROUP = re.compile(r"^(?P<group>[^()]*?)(?<!\s)\s*\((?P<inner>[^()]*)\)\s*(?P<rest>.*)$", re.S)
_EXPERIENCE_START = re.compile(r"(?<!\s)\s+(?:и|және)\s+(?:стаж\w{0,40}|жұмыс\s+өтілі)|(?<!\s)\s+без\s+предъявлени")
_SENTENCE_END = re.compile(r"\.(?<=[^\W\d_]{3}\.)\s+(?=[А-ЯӘҒҚҢӨҰҮҺІA-Z])")


# "высшей категории" names a grade, "жоғары оқу орындарында" a place of study: not levels.
_NOT_LEVEL = re.compile(
    r"(?:высшей|первой|второй)\s+категори\w{0,40}|высшего\s+уровня|жоғары\s+санат\w{0,40}"
    r"|(?:шетелдің\s+)?жоғары\s+оқу\s+орындарында",
)


def _blank(text: str, low: str, patterns: list[re.Pattern[str]]) -> str:
    """``text`` with every match of ``patterns`` (searched in ``low``) replaced by spaces.

    The patterns are lower-case and matched on the lower-cased text: case-insensitive matching
    of Cyrillic is several times slower in ``re``.
    """
    if len(low) != len(text):  # a letter whose lower case is longer: fall back to the text itself
        low = text
    spans = [m.span() for pattern in patterns for m in pattern.finditer(low)]
    if not spans:
        return text
    spans.sort()
    out: list[str] = []
    last = 0
    for start, end in spans:
        if end <= last:
            continue
        start = max(start, last)
        out.append(text[last:start])
        out.append(" " * (end - start))
        last = end
    out.append(text[last:])
    return "".join(out)


def _levels(text: str, lang: str) -> list[EducationLevel]:
    found: list[EducationLevel] = []
    low = text.lower()
    work = _blank(low, low, [_NOT_LEVEL])
    for level, pattern in _LEVELS["ru" if lang == "ru" else "kk"]:
        if pattern.search(work):
            found.append(level)
            work = _blank(work, work, [pattern])
    return [lv for lv in LEVEL_ORDER if lv in found]


def _clean_field(text: str) -> str:
    return text.strip(" ,;:.-–«»\"").strip()


# inside an enumeration ("A, B және C"): the commas and the last conjunction
_ENUMERATION = re.compile(r"\s*,\s*|\s+(?:және|и)\s+")
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")


def _enumeration(part: str) -> list[str]:
    """An enumeration of fields split into its fields: ``құқықтану, мемлекеттік басқару және
    педагогикалық`` -> three (adilet-2014-78721 kaz.md line 213); ``экономист, заңгер`` -> two.

    Only a part with a comma outside brackets is an enumeration (``A және B`` alone may be one
    name).  Names written with a comma or a conjunction themselves (taxonomy data:
    ``әлеуметтік ғылымдар, экономика және бизнес``) are kept whole, so a group glued to the field
    before it (``құқықтану, әлеуметтік ғылымдар, экономика және бизнес (…)``,
    adilet-2017-112097 kaz/part001.md line 109) splits at the group."""
    found: list[str] = []

    def hold(m: re.Match[str]) -> str:
        found.append(m.group(0))
        return f"\x00{len(found) - 1}\x00"

    held = joined_names().sub(hold, part)
    if len(split_top_level(held, re.compile(r","))) < 2:
        return [part]
    pieces = split_top_level(held, _ENUMERATION)
    return [_PLACEHOLDER.sub(lambda m: found[int(m.group(1))], x) for x in pieces]


def parse_fields(text: str, lang: str) -> tuple[list[str], list[dict]]:
    """Top-level fields as written, and groups that list specialties in parentheses."""
    frame = _RU_FRAME if lang == "ru" else _KK_FRAME
    # Frame words and level words are not fields ("жоғары немесе орта білімнен кейінгі білім"
    # names none).
    levels = [p for _, p in _LEVELS["ru" if lang == "ru" else "kk"]]
    body = _blank(text, text.lower(), [frame, *levels, _EDU_WORD])
    body = " ".join(body.split()).strip(" .;:")
    fields: list[str] = []
    groups: list[dict] = []
    parts = [sub for part in split_top_level(body, _SEPARATORS) for sub in _enumeration(part)]
    for part in parts:
        part = _clean_field(part)
        if not part or _ONLY_CONJ.fullmatch(part):
            continue
        m = _GROUP.match(part)
        if m and _clean_field(m.group("group")):
            group = _clean_field(m.group("group"))
            specialties = [_clean_field(s) for s in _INNER_SEPARATORS.split(m.group("inner"))]
            groups.append({"group": group, "specialties": [s for s in specialties if s]})
            fields.append(group)
            rest = _clean_field(m.group("rest"))
            if rest:  # "... (экономика) гуманитарлық ғылымдар": a field with no separator
                fields.append(rest)
        else:
            fields.append(part)
    return fields, groups


# A lower level accepted on a condition, after the main requirement:
#   ru  "…; Допускается послесреднее образование по специальности X, при наличии не менее одного
#        года стажа государственной службы или не менее двух лет стажа работы в областях …"
#   kk  "…; Мемлекеттік қызмет өтілі бір жылдан кем емес немесе … екі жылдан кем емес жұмыс өтілі
#        бар болған жағдайда ортадан кейінгі құқықтану білімі барларға рұқсат етіледі."
# (adilet-2014-78721 kaz.md / rus.md, post 4)
#   and without an experience condition (same act, rus.md line 1198, kaz.md line 1194):
#   ru  "…; Допускается послесреднее образование по специальности юриспруденция"
#   kk  "…; Құқықтану мамандығы болған жағдайда ортадан кейінгі білімі барларға рұқсат етіледі."
_CONDITIONAL = {
    "ru": re.compile(r"[;.]\s*Допуска\w+\s+(?P<alt>.+?)(?:,?\s+при\s+наличии\s+(?P<cond>.+?))?\.?$", re.S),
    "kk": re.compile(r"[;.]\s*(?P<cond>.+?)\s+(?:бар\s+)?болған\s+жағдайда\s+(?P<alt>.+?)\s+"
                     r"(?:барларға\s+|бар\s+адамдарға\s+)?рұқсат\s+етіледі\.?$", re.S),
}
# a condition that only names the specialty ("Құқықтану мамандығы болған жағдайда"): no experience
_SPECIALTY_ONLY = re.compile(r"^(?P<field>[^\d;:]+?)\s+мамандығы(?:\s+бойынша)?$", re.I)
# "ортадан кейінгі" (after secondary) is the post-secondary level in these clauses
_KK_POST_SECONDARY_SHORT = re.compile(r"ортадан\s+кейінгі", re.I)


def _conditions(cond: str, lang: str) -> list[EducationCondition]:
    """The any-of conditions in a condition's words; one ``not_read`` condition when none is read."""
    from kzqual.positions.requirements.experience import parse_experience

    specialty = _SPECIALTY_ONLY.match(cond) if lang != "ru" else None
    if specialty:
        return [EducationCondition(kind="specialty", scope=_clean_field(specialty.group("field")), text=cond)]
    read = [EducationCondition(kind=a.kind if a.min_years is not None else "not_read", min_years=a.min_years,
                               scope=a.field, text=a.text)
            for a in parse_experience(cond, lang).alternatives]
    # words the reader does not understand as a condition (no years): kept, never taken as met
    return read or [EducationCondition(kind="not_read", text=cond)]


def _conditional(clean: str, lang: str) -> tuple[str, EducationAlternative | None]:
    """(the main requirement, the conditional alternative) of an education text."""
    m = _CONDITIONAL["ru" if lang == "ru" else "kk"].search(clean)
    if m is None:
        return clean, None
    alt_text = m.group("alt").strip()
    probe = _KK_POST_SECONDARY_SHORT.sub("орта білімнен кейінгі", alt_text) if lang != "ru" else alt_text
    levels = _levels(probe, lang)
    if not levels:
        return clean, None
    fields, _ = parse_fields(probe, lang) if lang != "ru" or re.search(r"специальност", probe, re.I) else ([], [])
    if lang == "ru":
        fields = [f for f in fields if not _levels(f, lang)]
    cond = (m.group("cond") or "").strip().rstrip(".")
    conditions = _conditions(cond, lang) if cond else []
    if conditions and conditions[0].kind == "specialty" and not fields:
        fields = [conditions[0].scope or ""]  # "Құқықтану мамандығы болған жағдайда ортадан кейінгі білімі"
    alt = EducationAlternative(level=levels[0], levels=levels, fields=[f for f in fields if f],
                               conditions=conditions, conditional=bool(cond), condition_text=cond,
                               text=clean[m.start():].strip(" ;."))
    return clean[: m.start()].strip(), alt


def parse_education(text: str, lang: str, span: Span | None = None) -> Education:
    """Read levels and fields from an education criterion's text.  Never raises."""
    clean = normalize(text)
    warnings: list[ParseWarning] = []
    if not clean:
        return Education(text="", any_field=True, lines=span, warnings=[warn("education_empty")])
    main, alternative = _conditional(clean, lang)
    if alternative is not None and not alternative.condition_read:
        warnings.append(warn("education_condition_not_read", text=repr(alternative.condition_text[:80])))
    levels = _levels(main, lang)
    if alternative is not None and not alternative.conditional:
        # "Допускается послесреднее образование по специальности X": also accepted, no condition
        levels = [lv for lv in LEVEL_ORDER if lv in levels or lv in alternative.levels]
        alternative = None
    if alternative is not None:
        # ``levels`` is every level the text accepts; the alternative keeps the ones accepted only
        # on its condition (the rules engine requires the condition for those)
        only = [lv for lv in alternative.levels if lv not in levels]
        alternative = alternative.model_copy(update={"levels": only, "level": only[0] if only else None})
        levels = [lv for lv in LEVEL_ORDER if lv in levels or lv in only]
    if not levels:
        warnings.append(warn("no_education_level"))
    matching = bool(_MATCHING_POST.search(clean.lower()))
    # Only the part before the experience clause ("... и стаж работы ...") names fields, and
    # only the first sentence: the export sometimes glues the next cell on after a full stop.
    head = _EXPERIENCE_START.split(main, maxsplit=1)[0]
    sentences = _SENTENCE_END.split(head, maxsplit=1)
    if len(sentences) > 1:
        warnings.append(warn("education_text_not_read", text=repr(sentences[1][:80])))
    head = _blank(sentences[0], sentences[0].lower(), [_MATCHING_POST])
    fields: list[str] = []
    groups: list[dict] = []
    if lang != "ru" or re.search(r"специальност|област|направлени|образование\s*:", head, re.I):
        fields, groups = parse_fields(head, lang)
        # A "field" that is only a level word ("высшее образование") is not a field.
        if lang == "ru":
            fields = [f for f in fields if not _levels(f, lang) or len(f.split()) > 3]
    return Education(
        text=clean,
        level=levels[0] if levels else None,
        levels=levels,
        fields=fields,
        field_groups=groups,
        any_field=not fields and not matching,
        matching_post_field=matching,
        lines=span,
        warnings=warnings,
        alternatives=[alternative] if alternative is not None else [],
    )
