"""Education criterion text -> :class:`Education` (levels, fields, groups of specialties)."""

from __future__ import annotations

import re

from kzqual.acts.model import Span
from kzqual.positions.model import Education, EducationLevel
from kzqual.positions.requirements._text import normalize, split_top_level

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
        ("postgraduate", re.compile(r"жоғары\s+оқу\s+орн\w*\s+кейінгі|магистр\w*|доктор\w*", re.I)),
        ("technical_vocational", re.compile(r"техникалық\s+және\s+кәсіптік|орта\s+кәсіптік", re.I)),
        ("post_secondary", re.compile(r"орта\s+білімнен\s+кейінгі", re.I)),
        ("general_secondary", re.compile(r"жалпы\s+орта|орта\s+білім", re.I)),
        ("higher", re.compile(r"(?<![^\W\d_])жоғары(?![^\W\d_])", re.I)),
    ],
    "ru": [
        ("postgraduate", re.compile(r"послевузовск\w*", re.I)),
        (
            "technical_vocational",
            re.compile(r"техническ\w*\s+и\s+профессиональн\w*|среднее\s+профессиональн\w*", re.I),
        ),
        ("post_secondary", re.compile(r"послесредн\w*", re.I)),
        ("general_secondary", re.compile(r"средн\w*\s+(?:\(полное\)\s+)?общ\w*|общ\w*\s+средн\w*", re.I)),
        ("higher", re.compile(r"(?<![^\W\d_])высш\w*(?![^\W\d_])", re.I)),
    ],
}

_MATCHING_POST = re.compile(
    r"соответствующ\w+\s+специальност\w*|специальност\w*,?\s+соответствующ\w+\s+профил\w*"
    r"|лауазымның\s+бейініне\s+сәйкес|тиісті\s+мамандық\w*|бейініне\s+сәйкес",
    re.I,
)

# Words around the list of fields that are not fields themselves.
_KK_FRAME = re.compile(
    r"^\s*жоғары\s*(?:білім\w*)?\s*[:;,-]?\s*"  # "Жоғары:" before the list (seed layout 1)
    r"|\s*(?:саласындағы|саласында|салалары\s+бойынша|облысында)\s*(?=\b|$)"
    r"|\s*маманды[қғ]\w*\s+бойынша"
    r"|\s*жоғары\s+(?:немесе\s+[^.]*?)?білім\w*(?:\s+білім)?"
    r"|\s*бойынша\s*$",
    re.I,
)
_RU_FRAME = re.compile(
    r"\((?:или|либо)\s+[^)]*\)"  # "(или послевузовское)"
    r"|^\s*(?:высшее|послевузовское|техническое|послесреднее|среднее)[^,]*?образование\s*"
    r"|по\s+специальност\w*|в\s+област\w*|направлени\w*\s+подготовки",
    re.I,
)
_SEPARATORS = re.compile(
    r"\s*(?:,?\s*(?:және\s*/\s*немесе|и\s*/\s*или)\s+|,?\s+(?:немесе|немеес|или|либо)\s+)|(?<=\)),\s*",
    re.I,
)
_ONLY_CONJ = re.compile(r"(?:\s*(?:немесе|және|или|и|/|,))+\s*", re.I)
_EDU_WORD = re.compile(r"(?<![^\W\d_])(?:білім\w*|образовани\w*)(?![^\W\d_])(?!\s*\()", re.I)  # "Білім (...)" is a group
_INNER_SEPARATORS = re.compile(r"\s*(?:,|;|\s(?:және\s*/\s*немесе|немесе|или)\s)\s*", re.I)
_GROUP = re.compile(r"^(?P<group>[^()]*?)\s*\((?P<inner>[^()]*)\)\s*(?P<rest>.*)$", re.S)
_EXPERIENCE_START = re.compile(r"\s+(?:и|және)\s+(?:стаж\w*|жұмыс\s+өтілі)|\s+без\s+предъявлени", re.I)
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=[А-ЯӘҒҚҢӨҰҮҺІA-Z])")


# "высшей категории" names a grade, "жоғары оқу орындарында" a place of study: not levels.
_NOT_LEVEL = re.compile(
    r"(?:высшей|первой|второй)\s+категори\w*|высшего\s+уровня|жоғары\s+санат\w*"
    r"|(?:шетелдің\s+)?жоғары\s+оқу\s+орындарында",
    re.I,
)


def _levels(text: str, lang: str) -> list[EducationLevel]:
    found: list[EducationLevel] = []
    work = _NOT_LEVEL.sub(" ", text)
    for level, pattern in _LEVELS["ru" if lang == "ru" else "kk"]:
        if pattern.search(work):
            found.append(level)
            work = pattern.sub(lambda m: " " * len(m.group(0)), work)
    return [lv for lv in LEVEL_ORDER if lv in found]


def _clean_field(text: str) -> str:
    return text.strip(" ,;:.-–«»\"").strip()


def parse_fields(text: str, lang: str) -> tuple[list[str], list[dict]]:
    """Top-level fields as written, and groups that list specialties in parentheses."""
    frame = _RU_FRAME if lang == "ru" else _KK_FRAME
    body = frame.sub(" ", text)
    # Level words are not fields ("жоғары немесе орта білімнен кейінгі білім" names none).
    for _, pattern in _LEVELS["ru" if lang == "ru" else "kk"]:
        body = pattern.sub(" ", body)
    body = _EDU_WORD.sub(" ", body)
    body = re.sub(r"\s+", " ", body).strip(" .;:")
    fields: list[str] = []
    groups: list[dict] = []
    for part in split_top_level(body, _SEPARATORS):
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


def parse_education(text: str, lang: str, span: Span | None = None) -> Education:
    """Read levels and fields from an education criterion's text.  Never raises."""
    clean = normalize(text)
    warnings: list[str] = []
    if not clean:
        return Education(text="", any_field=True, lines=span, warnings=["education text is empty"])
    levels = _levels(clean, lang)
    if not levels:
        warnings.append("no education level recognised")
    matching = bool(_MATCHING_POST.search(clean))
    # Only the part before the experience clause ("... и стаж работы ...") names fields, and
    # only the first sentence: the export sometimes glues the next cell on after a full stop.
    head = _EXPERIENCE_START.split(clean, maxsplit=1)[0]
    sentences = _SENTENCE_END.split(head, maxsplit=1)
    if len(sentences) > 1:
        warnings.append(f"text after the first sentence not read as fields: {sentences[1][:80]!r}")
    head = _MATCHING_POST.sub(" ", sentences[0])
    fields: list[str] = []
    groups: list[dict] = []
    if lang != "ru" or re.search(r"специальност|област|направлени", head, re.I):
        fields, groups = parse_fields(head, lang)
        # A "field" that is only a level word ("высшее образование") is not a field.
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
    )
