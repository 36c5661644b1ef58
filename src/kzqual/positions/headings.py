"""Post headings: ``[N. Department] Title, С-3 санаты[, 2 бірлік, №№ 4-3-1, 4-3-2]``.

Pure functions on strings.  A department heading is often glued to the post's title on the same
line (``2. Ішкі бақылау бөлімі Ішкі бақылау бөлімінің басшысы``); it is split off only where the
text itself shows the boundary: a unit noun in the nominative (``бөлімі``, ``департаменті``...)
followed by a capitalised word, confirmed by a heading number, a line break, or the department's
name repeated at the start of the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kzqual.acts.lexicon import alternation, sub_letters
from kzqual.positions.model import ParseWarning
from kzqual.positions.warnings import warn

# a unit of an organisation, nominative (a department heading ends with one)
_UNIT_NOM = (
    r"департаменті|басқармасы|бөлімі|бөілімі|бөлім|қызметі|комитеті|аппараты|хатшылығы|Хатшылық"
    r"|хатшылық|секторы|орталығы|инспекциясы|департамент|управление|отдел|служба|комитет"
    r"|секретариат|аппарат"
)
_BOUNDARY = re.compile(
    rf"(?<!\w)(?:{_UNIT_NOM})(?:\s*\((?:бөлімі|отдел)\))?\s*,?(?=\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])"
)
_DEPT_LINE_END = re.compile(rf"(?<!\w)(?:{_UNIT_NOM})(?:\s*\((?:бөлімі|отдел)\))?\s*,?\s*$")
# a unit of an organisation, genitive (the division path inside a title)
_UNIT_GEN = re.compile(
    r"(?<!\w)(?:басқармасының|бөлімінің|бөлімнің|департаментінің|қызметінің|комитетінің"
    r"|хатшылығының|секторының|орталығының|инспекциясының)(?:\s*\(бөлімінің\))?"
)
_RU_DEPT_START = re.compile(
    r"^(?:\d{1,3}\s*\.\s+)?(?:Департамент|Управление|Отдел|Служба|Комитет|Секретариат|Аппарат)\b"
)
_NUMBERED = re.compile(r"^(\d{1,3})\s*\.\s+(?=\S)")
# A category code as printed; the sub-letter's forms (О, Latin O, a zero for О; R, Р) are
# vocabulary data (``category_sub_letter``), so "С-0-1" reads as С-О-1.
_SUB = "".join(sorted(set(sub_letters("O") + sub_letters("R"))))
_CODE = rf"[СC]\s*[-–—]\s*(?:[{_SUB}]\s*[-–—]\s*)?\d{{1,2}}(?!\s*[-–—]\s*\d)"
# the word naming the category: after the code in Kazakh ("С-3 санаты"), before it in Russian
# ("категория С-3", "Категория С–1"), any case (vocabulary ``category_word``)
_KK_WORD = alternation("category_word", "kk")
_RU_WORD = alternation("category_word", "ru")
# the staff-unit word after the category ("1 бірлік", "(2 единицы)"; vocabulary ``unit_word``)
_UNIT_WORD = alternation("unit_word")
# a code printed without its word but followed by the staff units in brackets: "… Департамента
# стратегического планирования С-5 (2 единицы) №2-1-4, №2-1-5" (adilet-2017-112097 rus/part001.md
# line 222); the units make it a post heading, not a code quoted in running text
_BARE = rf"(?<![\w-])(?P<cat_bare>{_CODE})(?=\s*,?\s*\(\s*\d+\s*-?\s*(?i:{_UNIT_WORD}))"
# "С-3 санаты" (kk) or "категория С-3" / "категории С-3" (ru), or the bare code before its units,
# then units and numbers
_CATEGORY = re.compile(
    rf"(?:(?P<cat>{_CODE})\s*(?i:{_KK_WORD})(?!\w)|(?:^|[,\s])(?i:{_RU_WORD})\s+(?P<cat_ru>{_CODE})(?![\w-])"
    rf"|{_BARE})"
    r"(?P<tail>.*)$",
    re.S,
)
HAS_CATEGORY = re.compile(rf"{_CODE}\s*(?i:{_KK_WORD})|(?i:{_RU_WORD})\s+{_CODE}|{_BARE}")
# a category code anywhere (no word, no units): with a Markdown heading hint, a heading-like line
CODE = re.compile(rf"(?<![\w-]){_CODE}")
# a short line that ends with a bare code ("Бас маман, С-4"): how a heading looks without its word
TRAILING_CODE = re.compile(rf"^[^.;:]{{3,200}}[\s,](?<![\w-]){_CODE}\s*\.?$")
_UNITS = re.compile(rf"(?<!\d)(\d+)\s*-?\s*(?i:{_UNIT_WORD})")
_APPENDIX_TITLE = re.compile(r"^.*?біліктілік\s+талаптар(?:ы)?\b\s*", re.S)


@dataclass(slots=True)
class Heading:
    title: str
    department: str | None = None
    category_raw: str | None = None
    units: int | None = None
    numbers_raw: str | None = None
    warnings: list[ParseWarning] = field(default_factory=list)


def strip_appendix_title(text: str) -> int:
    """Length of an appendix title printed in the same block as the first heading
    ("... лауазымдарына қойылатын біліктілік талаптары 1. Департамент аппараты ..."), else 0."""
    m = _APPENDIX_TITLE.match(text)
    if m and "санаты" in text[m.end() :]:
        return m.end()
    return 0


def _first_word(text: str) -> str:
    words = re.findall(r"[^\W\d_]+", text)
    return words[0].lower()[:6] if words else ""


def join_with_ends(lines: list[str]) -> tuple[str, set[int]]:
    """The lines joined with spaces, and the offsets where each line ended."""
    parts = [t.strip() for t in lines if t.strip()]
    ends: set[int] = set()
    pos = 0
    for t in parts:
        pos += len(t)
        ends.add(pos)
        pos += 1
    return " ".join(parts), ends


def split_department(
    text: str, ends: set[int] | None = None, *, inline_ok: bool = False
) -> tuple[str | None, str, list[ParseWarning]]:
    """(department or None, the rest, warnings) for a heading; ``ends`` are line-end offsets.

    ``inline_ok``: the layout puts the department path first in the title cell (table layout),
    so the first boundary on a line is accepted too."""
    ends = ends or set()
    warnings: list[ParseWarning] = []
    numbered = _NUMBERED.match(text)
    body_start = numbered.end() if numbered else 0
    candidates: list[tuple[int, int, bool]] = []  # (end of department, start of title, at EOL)
    for m in _BOUNDARY.finditer(text, body_start):
        gap = text[m.end() :]
        title_start = m.end() + (len(gap) - len(gap.lstrip()))
        eol = any(m.end() - 1 <= e <= title_start for e in ends)
        candidates.append((m.end(), title_start, eol))
    chosen = None
    dept_first = _first_word(text[body_start:])
    for cand in candidates:
        if _first_word(text[cand[1] :]) == dept_first:
            chosen = cand  # the department's name repeated in the title
            break
    if chosen is None and candidates:
        if numbered or inline_ok:
            chosen = candidates[0]
        else:
            at_eol = [c for c in candidates if c[2]]
            if at_eol:
                chosen = at_eol[0]
    if chosen is None:
        if numbered:
            warnings.append(warn("heading_number_without_department", number=repr(numbered.group(1))))
            return None, text[body_start:].strip(), warnings
        return None, text, warnings
    dept = text[body_start : chosen[0]].strip().rstrip(",").strip()
    return dept or None, text[chosen[1] :].strip(), warnings


def parse_heading(lines: list[str]) -> Heading:
    """Parse a paragraph-layout heading printed over ``lines``."""
    full, ends = join_with_ends(lines)
    cut = strip_appendix_title(full)
    text = full[cut:].lstrip()
    shift = len(full) - len(text)
    ends = {e - shift for e in ends if e > shift}
    m = _CATEGORY.search(text)
    if m is None:
        return Heading(title=text.strip(" ,"), warnings=[warn("heading_without_category")])
    before = text[: m.start()].rstrip().rstrip(",").rstrip()
    department, title, warnings = split_department(before, ends)
    tail = m.group("tail")
    units = None
    um = _UNITS.search(tail)
    if um:
        units = int(um.group(1))
    numbers_raw = None
    if "№" in tail:
        numbers_raw = tail[tail.index("№") :].lstrip("№ ").strip(" ,.")
    return Heading(
        title=title.strip(" ,"),
        department=department,
        category_raw=(m.group("cat") or m.group("cat_ru") or m.group("cat_bare")).strip(),
        units=units,
        numbers_raw=numbers_raw,
        warnings=warnings,
    )


def division_of(title: str) -> str | None:
    """The division path inside a title, as printed (genitive):
    ``Ақпараттық-талдау жұмыстары басқармасының бас сарапшысы`` -> ``Ақпараттық-талдау жұмыстары
    басқармасының``."""
    last = None
    for m in _UNIT_GEN.finditer(title):
        last = m
    if last is None:
        return None
    div = title[: last.end()].strip(" ,")
    return div or None


def is_department_heading(lines: list[str]) -> bool:
    """A standalone department heading between posts: short, ends with a unit noun, or numbered
    ("1. Хатшылық"); no sentence punctuation at its end."""
    text = " ".join(t.strip() for t in lines if t.strip())
    if not text or len(lines) > 3 or len(text) > 250:
        return False
    if text[-1] in ".;:":
        return False
    if "санаты" in text:
        return False
    if _DEPT_LINE_END.search(text):
        return text[0].isupper() or bool(_NUMBERED.match(text))
    if _RU_DEPT_START.match(text) and len(text.split()) <= 10:
        return True  # Russian names the unit first: "Управление кадров"
    m = _NUMBERED.match(text)
    return bool(m) and text[m.end()].isupper() and len(text.split()) <= 8
