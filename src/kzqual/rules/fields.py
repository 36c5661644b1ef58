"""Read the field-of-study groups named in an education requirement's text.

The "Б" corps acts name classifier groups and, in parentheses, the specialties accepted within
them: "Әлеуметтік ғылымдар, экономика және бизнес (экономика, маркетинг, …) және/немесе құқық
(құқықтану) мамандықтары бойынша жоғары білім".  Group names contain commas and "және" themselves,
so only the explicit alternatives ("және/немесе", "немесе", ";", "), ") separate groups, and a
specialty list is split on commas only.
"""

from __future__ import annotations

import re

_SEP = re.compile(r"\s*(?:және\s*/\s*немесе|и\s*/\s*или|\bнемесе\b|\bили\b|;|(?<=\)),)\s*", re.I)
_LEAD = re.compile(r"^(?:жоғары|высшее)\s*(?:білім|образование)?\s*[:\-–]?\s*|^(?:және|и)\s+", re.I)
_TAIL = re.compile(
    r"\s*(?:мамандықтар\w*|мамандығ\w*|саласында|бойынша|жоғары|білім\w*|по|специальност\w*|"
    r"образовани\w*|высшее)(?:\s.*)?$",
    re.I,
)


def _clean_name(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.;:")
    text = _LEAD.sub("", text).strip(" ,.;:")
    return text


def paren_groups(text: str) -> list[tuple[str, list[str]]]:
    """``[(group as written, [specialties as written]), ...]`` for every "group (a, b)" in ``text``."""
    flat = " ".join(text.split())
    out: list[tuple[str, list[str]]] = []
    for seg in _SEP.split(flat):
        m = re.match(r"^(.*?)\(([^()]*)\)", seg)
        if not m:
            continue
        group = _clean_name(m.group(1))
        specs = [_clean_name(s) for s in m.group(2).split(",")]
        specs = [s for s in specs if s]
        if group and specs and len(group.split()) <= 8:
            out.append((group, specs))
    return out


def named_fields(text: str) -> list[str]:
    """Every group or specialty named as an alternative, without parentheses' contents."""
    flat = " ".join(text.split())
    names = []
    for seg in _SEP.split(flat):
        seg = re.sub(r"\([^()]*\)?", " ", seg)
        name = _TAIL.sub("", _clean_name(seg)).strip(" ,.;:")
        if name and len(name.split()) <= 8:
            names.append(name)
    return names



_GROUP_TAIL = re.compile(r"(?:\s+(?:мамандықтары|мамандығы|мамандықтар|бойынша|саласында|немесе|или))+$", re.I)
# "және/немесе және/немесе ауылшаруашылық ғылымдары" (a repeated connective left on the name)
_GROUP_HEAD = re.compile(r"^(?:(?:және\s*/\s*немесе|немесе|и\s*/\s*или|или)\s+)+", re.I)


def clean_group_name(name: str) -> str:
    """A group name without the words the acts glue to it ("құқық бойынша" -> "құқық",
    "және/немесе жаратылыстану ғылымдары" -> "жаратылыстану ғылымдары")."""
    name = _GROUP_HEAD.sub("", " ".join(name.split()))
    return _GROUP_TAIL.sub("", name).strip(" ,.;:")
