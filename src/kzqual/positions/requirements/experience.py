"""Experience criterion text -> :class:`Experience` (any-of alternatives, sub-conditions).

Three shapes occur:

* an explicit list, "келесі талаптардың біріне сәйкес болуы тиіс: 1) ...; 2) ..." — each item is
  one alternative (an item that joins two year-requirements with "немесе"/"не" is two);
* a single sentence, "стаж работы по специальности не менее 5 лет", "стаж государственной службы
  не менее 3 лет, в том числе не менее 2 лет на руководящих должностях";
* a reference to the typical requirements ("... үлгілік біліктілік талаптарына сәйкес") — read
  into ``reference``; the years live in an act that is not loaded, so none are guessed.

Qualifiers named together in one item (the Academy under the President on state order *or* a
foreign priority programme *or* an academic degree) are joined by "немесе" in every act seen; each
becomes its own alternative so that the eligibility engine can treat qualifiers as all-of.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Literal

from kzqual.acts.model import Span
from kzqual.positions.model import (
    Condition,
    Experience,
    ExperienceAlternative,
    ExperienceKind,
    ParseWarning,
    Qualifier,
)
from kzqual.positions.requirements._text import _depth_at, normalize
from kzqual.positions.requirements.numbers import YearsMatch, find_years
from kzqual.positions.requirements.refs import find_reference, find_references
from kzqual.positions.warnings import warn

QualifierKind = Literal[
    "foreign_priority_programme", "academy_postgraduate_state_order", "academic_degree", "other"
]

_NO_REQUIREMENT = re.compile(
    r"талап\w{0,40}\s+етілмейді|талаптар\w{0,40}\s+қойылмайды|талап\s+қойылмайды|тәжірибесіз"
    r"|не\s+требуется|без\s+предъявлени\w{1,40}\s+требовани\w{1,40}\s+к\s+стажу|требовани\w{1,40}\s+к\s+стажу\s+не\s+предъявля\w{1,40}"
    r"|без\s+опыта\s+работы",
)
_EXPERIENCE_WORDS = re.compile(r"өтіл|стаж|тәжірибе\w{0,40}\s+(?:кем|жыл)|опыт\w{0,40}\s+работы\s+не")
_LIST_INTRO = re.compile(r"біріне\s+сәйкес|бірі\s+болуы|одному\s+из\s+(?:следующих\s+)?требовани")
# "1) ", "2 ) " at the start or after a separator; "12)" is an item, "(А3-3)" is not.
_ITEM = re.compile(r"(?:^|[\s:;.])(?P<label>\d{1,2})\s?\)\s*")
_GRADED = re.compile(r"(?:высшей|первой|второй|без)\s+категории\s*:|уровня\s+квалификации")
_SUBCONDITION = re.compile(r"оның\s+ішінде|в\s+том\s+числе|из\s+них", re.I)
_ALT_SEP = re.compile(r"(?:[,;]|(?<![\s,;]))\s+(?:немесе|не|или|либо)\s+(?!менее|меньше|более|позднее)", re.I)
_SENTENCE_AFTER = re.compile(r"\.(?:(?<=[^\W\d_]{3}\.)|(?<=[^\W\d_]{3} \.))\s+(?=[А-ЯӘҒҚҢӨҰҮҺІA-Z])")

_QUALIFIERS: list[tuple[QualifierKind, re.Pattern[str]]] = [
    (
        "academy_postgraduate_state_order",
        re.compile(
            r"Президент\w{0,40}\s+жанындағы|Мемлекеттік\s+басқару\s+академия\w{0,40}"
            r"|Академи\w{1,40}\s+государственного\s+управления|при\s+Президенте",
            re.I,
        ),
    ),
    (
        "foreign_priority_programme",
        re.compile(
            r"шетел\w{0,40}\s+жоғары\s+оқу|шетелде\s+жоғары|басым\s+мамандық\w{0,40}|зарубежн\w{1,40}\s+(?:высш|вуз)"
            r"|за\s+рубежом|приоритетн\w{1,40}\s+специальност\w{0,40}|Болаша[қк]",
            re.I,
        ),
    ),
    ("academic_degree", re.compile(r"ғылыми\s+дәреже\w{0,40}|учен\w{1,40}\s+степен\w{0,40}", re.I)),
]

# Kinds of experience, each with the words that name it.  The keyword nearest before the years
# decides ("... оқуды аяқтаған жағдайда мемлекеттік қызмет өтілі бір жылдан" is state service).
_KINDS: list[tuple[ExperienceKind, re.Pattern[str]]] = [
    ("lower_grade", re.compile(r"в\s+должности\s+[^,;]*?(?:высшей|первой|второй|без)\s+категори\w{0,40}", re.I)),
    ("state_service", re.compile(
        r"мемлекеттік\s+қызмет\w{0,40}|государственной\s+служб\w{0,40}|на\s+государственной\s+службе"
        # "мемлекеттік органдарда басшылық немесе өзге лауазымдарда": any post in a state body
        r"|басшы\w{0,40}\s+немесе\s+өзге\s+лауазым\w{0,40}|руководящ\w{1,40}\s+или\s+ины\w{1,40}\s+должност\w{0,40}"
        r"|мемлекеттік\s+органдарда|государственн\w{1,40}\s+орган\w{0,40}",
        re.I,
    )),
    ("leadership_state", re.compile(
        r"(?<!немесе\s)басшылық\s+лауазым\w{0,40}|руководящ\w{1,40}\s+должност\w{0,40}", re.I
    )),
    ("other", re.compile(r"ұйым\w{0,40}\s+басшылары\s+және\s+олардың\s+орынбасарлары\s+лауазым\w{0,40}", re.I)),
    ("field_of_post", re.compile(
        r"функционалдық\s+бағыт\w{0,40}|по\s+специальности|в\s+данной\s+области|в\s+соответствующей\s+области"
        # "в областях, соответствующих функциональным направлениям" (adilet-2014-78721 rus.md)
        r"|в\s+област\w{0,40},?\s+соответствующ\w{0,40}"
        r"|по\s+профилю|лауазымның\s+бейін\w{0,40}",
        re.I,
    )),
    # a named field: "қаржы-экономикалық қызмет саласында", "ақпараттандыру ... облысында"
    ("field_of_post", re.compile(
        r"(?:саласында|саласындағы|облысында|жүйесінде|өнеркәсіпте|органдарда)(?=\s+жұмыс\s+өтіл)"
        r"|(?:саласында|облысында)(?=\s+қызмет\s+өтіл)",
        re.I,
    )),
]
_ANY_WORK = re.compile(r"жұмыс\s+өтіл\w{0,40}|өтіл\w{0,40}|стаж\w{0,40}\s+работы|трудов\w{1,40}\s+стаж\w{0,40}|стаж\w{0,40}", re.I)
_GRADE_WORDS = {"высшей": "highest", "первой": "first", "второй": "second", "без": "none"}
_FIELD_BEFORE = re.compile(
    r"(?P<field>[^;:()]*?)\s+(?:саласында|саласындағы|облысында|жүйесінде|органдарда)\s+(?:жұмыс|қызмет)\s+өтіл", re.I
)


def _kind(context: str) -> tuple[ExperienceKind, str | None, str | None]:
    """(kind, grade, field) for the words before a years phrase."""
    best: tuple[int, ExperienceKind, re.Match[str]] | None = None
    for kind, pattern in _KINDS:
        for m in pattern.finditer(context):
            if best is None or m.end() > best[0]:
                best = (m.end(), kind, m)
    if best is None:
        return ("any_work" if _ANY_WORK.search(context) else "other"), None, None
    _, kind, m = best
    grade = None
    field = None
    if kind == "lower_grade":
        g = re.search(r"(высшей|первой|второй|без)\s+категори", m.group(0), re.I)
        grade = _GRADE_WORDS.get(g.group(1).lower()) if g else None
    if kind == "field_of_post" and not re.search(r"функционал|специальност|област|профил|бейін", m.group(0), re.I):
        f = _FIELD_BEFORE.search(context)
        if f:
            field = f.group("field").strip(" ,;") or None
            # only the words after the last clause break name the field
            field = re.split(r"\b(?:немесе|не|или)\b\s+(?=осы)", field)[-1] if field else None
    return kind, grade, field


def _qualifiers(text: str) -> list[tuple[int, QualifierKind]]:
    found = []
    for kind, pattern in _QUALIFIERS:
        m = pattern.search(text)
        if m:
            found.append((m.start(), kind))
    return sorted(found)


_QUAL_OR = re.compile(r"\s(?:немесе|или)\s", re.I)

# The programme level an item names for its study ("жоғары оқу орындарынан кейінгі оқу
# бағдарламалары бойынша ... немесе шетелдің ... оқуды аяқтаған": postgraduate study, on either
# path).  Most specific first; "орынанан" is the act's own typo (MES order 161, line 1670).
_PROGRAMME_LEVELS: list[tuple[re.Pattern[str], list[str]]] = [
    (re.compile(r"жоғары\s+және\s+жоғары\s+оқу\s+ор\w*\s+кейінгі|высше\w+\s+и\s+послевузовск\w+", re.I),
     ["higher", "postgraduate"]),
    (re.compile(r"жоғары\s+оқу\s+ор\w*\s+кейінгі|послевузовск\w+", re.I), ["postgraduate"]),
    (re.compile(r"жоғары\s+(?:оқу|білім)\s+бағдарлама\w*|программ\w+\s+высше\w+\s+(?:профессионально\w+\s+)?"
                r"образовани\w*", re.I), ["higher"]),
]
_STUDY_KINDS = ("foreign_priority_programme", "academy_postgraduate_state_order")  # qualifiers about a programme
# "… оқуды аяқтаған жағдайда …", "при условии …": a condition the whole item is subject to.
_CONDITION_CLAUSE = re.compile(r"жағдайда|при\s+услови\w+|при\s+наличии", re.I)


def _programme_levels(text: str) -> list[str] | None:
    for pattern, levels in _PROGRAMME_LEVELS:
        if pattern.search(text):
            return list(levels)
    return None


def _qualifier_parts(piece: str, quals: list[tuple[int, QualifierKind]]) -> list[tuple[QualifierKind, str]]:
    """Each qualifier of an item that names several joined by "немесе", with its own words: the
    text from the "немесе" before it (or the item's start) to the "немесе" before the next one
    (or the item's end).  Separators inside parentheses or quotes do not count."""
    positions, depths = _depth_at(piece)
    cuts: list[tuple[int, int]] = []  # (start, end) of the separator between neighbours
    for (a, _), (b, _) in zip(quals, quals[1:]):
        seps = [
            m
            for m in _QUAL_OR.finditer(piece, a, b)
            if (i := bisect_right(positions, m.start()) - 1) < 0 or depths[i] == 0
        ]
        if not seps:
            return [(k, piece) for _, k in quals]  # not one "немесе" list: keep the whole item
        cuts.append((seps[-1].start(), seps[-1].end()))
    bounds = [0] + [e for _, e in cuts]
    ends = [s for s, _ in cuts] + [len(piece)]
    return [(k, piece[s:e].strip(" ,;")) for (_, k), s, e in zip(quals, bounds, ends)]


def _split_alternatives(item: str, lang: str) -> list[str]:
    return [item[s:e].strip(" ,;") for s, e in _split_spans(item, lang)]


def _split_spans(item: str, lang: str) -> list[tuple[int, int]]:
    """Split an item at "немесе"/"не"/"или" where both sides state years."""
    cut = _SUBCONDITION.search(item)
    limit = cut.start() if cut else len(item)
    # Separators inside parentheses, or after "оның ішінде" (the sub-condition runs to the end
    # of the item), do not start a new alternative.
    # The parenthesis balance is counted on from one separator to the next (counting the whole
    # prefix again at each separator was quadratic on a line of thousands of "или").
    seps = []
    opened = closed = done = 0
    for m in _ALT_SEP.finditer(item, 0, limit):
        opened += item.count("(", done, m.start())
        closed += item.count(")", done, m.start())
        done = m.start()
        if opened <= closed:
            seps.append(m)
    pieces: list[tuple[int, int]] = []
    start = 0
    for m in seps:
        pieces.append((start, m.start()))
        start = m.end()
    pieces.append((start, len(item)))
    # Merge pieces that state no years into the next one (or the previous, at the end).
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for s, e in pieces:
        s0 = pending if pending is not None else s
        if find_years(item[s:e], lang):
            merged.append((s0, e))
            pending = None
        else:
            pending = s0
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], len(item))
        else:
            merged.append((pending, len(item)))
    return merged


def _item_condition(item: str) -> tuple[int, str] | None:
    """(end offset, words) of the condition clause an item opens with ("… аяқтаған жағдайда")."""
    m = _CONDITION_CLAUSE.search(item)
    if m is None:
        return None
    start = max(item.rfind(";", 0, m.start()), item.rfind(".", 0, m.start())) + 1
    return m.end(), item[start : m.end()].strip(" ,;")


def _alternatives_for(item: str, lang: str, label: str | None, span: Span | None,
                      warnings: list[ParseWarning] | None = None) -> list[ExperienceAlternative]:
    """The alternatives of one item.  Every condition of the item stays on each alternative split
    from it: a condition clause ("… жағдайда") before the split binds the pieces after it, and a
    programme level named once binds every qualifier of the item."""
    out: list[ExperienceAlternative] = []
    clause = _item_condition(item)
    for s, e in _split_spans(item, lang):
        piece = item[s:e].strip(" ,;")
        inherited: list[Qualifier] = []
        if clause is not None and s >= clause[0]:
            # the clause sits in an earlier piece: it conditions this one too
            inherited = [Qualifier(kind=k, text=clause[1],
                                   levels=_programme_levels(clause[1]) if k in _STUDY_KINDS else None)
                         for _, k in _qualifiers(clause[1])] or [Qualifier(kind="other", text=clause[1])]
        own_clause = _item_condition(piece)
        if own_clause is not None and not _qualifiers(own_clause[1]):
            # a condition the reader cannot classify: the alternative must stay undetermined
            inherited.append(Qualifier(kind="other", text=own_clause[1]))
            if warnings is not None:
                warnings.append(warn("condition_not_read", lines=span, text=own_clause[1][:120]))
        years = find_years(piece, lang)
        ends = sorted(c.end for c in years)  # the latest end before each match, by bisection
        sub = _SUBCONDITION.search(piece)
        main: YearsMatch | None = None
        conditions: list[Condition] = []
        for y in years:
            if main is None and (sub is None or y.start < sub.start()):
                main = y
                continue
            ctx_start = sub.end() if sub is not None and y.start > sub.start() else 0
            before = bisect_right(ends, y.start)
            prev_end = ends[before - 1] if before else 0
            context = piece[max(ctx_start, prev_end) : y.start]
            if sub is not None and y.start > sub.start():
                # "N жылдан кем емес ... өтілі" puts the kind after the years: look there too
                context = context + " " + piece[y.end : y.end + 60]
            kind, grade, _ = _kind(context)
            conditions.append(Condition(kind=kind, min_years=y.years, grade=grade, text=piece[max(ctx_start, prev_end) : y.end].strip(" ,;")))
        if main is not None:
            context = piece[: main.start]
            kind, grade, field = _kind(context)
            if kind in ("any_work", "other"):
                # "… салаларда үш жылдан кем емес жұмыс өтілінің болуы": the kind follows
                after_kind, after_grade, _ = _kind(piece[main.end : main.end + 40])
                if after_kind not in ("any_work", "other"):
                    kind, grade = after_kind, after_grade
        else:
            kind, grade, field = "other", None, None
        quals = _qualifiers(piece)
        qual_sets: list[list[tuple[QualifierKind, str]]]
        if len(quals) > 1 and _QUAL_OR.search(piece, quals[0][0], quals[-1][0]):
            qual_sets = [[q] for q in _qualifier_parts(piece, quals)]
        else:
            qual_sets = [[(k, piece) for _, k in quals]]
        item_levels = _programme_levels(piece)
        for kinds in qual_sets:
            out.append(
                ExperienceAlternative(
                    kind=kind,
                    min_years=main.years if main else None,
                    grade=grade,
                    field=field,
                    conditions=list(conditions),
                    qualifiers=[Qualifier(kind=k, text=t, levels=(_programme_levels(t) or item_levels)
                                          if k in _STUDY_KINDS else None)
                                for k, t in kinds] + [q.model_copy() for q in inherited],
                    text=piece,
                    lines=span,
                    label=label,
                )
            )
    return out


_MAX_GAP = 2  # at most this many numbers missing between two items read as one list


def _after_item_end(text: str, m: re.Match[str]) -> bool:
    """The mark follows the end of an item (";" or "."), as a real next item does."""
    return text[: m.start("label")].rstrip()[-1:] in (";", ".")


def list_gaps(labels: list[str | None]) -> list[tuple[int, int]]:
    """(last item before the gap, first item after it) for each skipped number in ``labels``."""
    nums = [int(x.rstrip(")")) for x in labels if x]
    return [(a, b) for a, b in zip(nums, nums[1:]) if b > a + 1]


def _items(text: str) -> list[tuple[str | None, str]]:
    marks = list(_ITEM.finditer(text))
    # Items must count up by one from 1 — or from the first label when the text starts with it
    # (a page break left the first items elsewhere): "2)" inside a sentence is not a list.
    good: list[re.Match[str]] = []
    first = 1
    if marks and marks[0].start("label") == 0:
        first = int(marks[0].group("label"))
    for m in marks:
        label = int(m.group("label"))
        expected = int(good[-1].group("label")) + 1 if good else first
        if label == expected or (good and expected < label <= expected + _MAX_GAP and _after_item_end(text, m)):
            # a skipped number ("9)" then "11)") is a gap in the list, not text of the item before
            # it: the item stays its own alternative and the gap is reported (list_gap)
            good.append(m)
    if len(good) < 2:
        return [(None, text)]
    out = []
    for i, m in enumerate(good):
        end = good[i + 1].start("label") if i + 1 < len(good) else len(text)
        out.append((m.group("label") + ")", text[m.end() : end].strip(" ;")))
    return out


def parse_experience(text: str, lang: str, span: Span | None = None) -> Experience:
    """Read the experience requirement.  Never raises; what it cannot read becomes a warning."""
    clean = normalize(text)
    warnings: list[ParseWarning] = []
    if not clean:
        return Experience(text="", required=False, lines=span)
    ref = find_reference(clean, lang, span)
    if ref is not None:
        if find_years(clean, lang):
            warnings.append(warn("years_beside_reference"))
        refs = find_references(clean, lang, span)
        return Experience(
            text=clean, required=True, reference=ref, references=refs, lines=span, warnings=warnings
        )
    low = clean.lower()  # the plain-literal patterns match lower case (faster than re.I)
    if _GRADED.search(low):
        # A characteristics act's grade ladder: the years depend on the grade (see Position.grades).
        required = not _NO_REQUIREMENT.search(low)
        warnings.append(warn("experience_by_grade"))
        return Experience(text=clean, required=required, lines=span, warnings=warnings)
    items = _items(clean)
    if items[0][0] not in (None, "1)"):
        warnings.append(warn("list_starts_late", item=items[0][0]))
    for before, after in list_gaps([label for label, _ in items]):
        warnings.append(warn("list_gap", before=f"{before})", after=f"{after})"))
    alternatives: list[ExperienceAlternative] = []
    for label, item in items:
        body = item
        tail = _SENTENCE_AFTER.split(item, maxsplit=1)
        if label is not None and len(tail) > 1 and label == items[-1][0]:
            body = tail[0]  # text glued after the list (computer skills, the next cell)
            warnings.append(warn("text_after_list", text=repr(tail[1][:80])))
        if label is None and _LIST_INTRO.search(body):
            body = body[_LIST_INTRO.search(body).end() :].lstrip(" :")
        alternatives.extend(_alternatives_for(body, lang, label, span, warnings))
    # Alternatives without years or qualifiers carry nothing to check.
    alternatives = [a for a in alternatives if a.min_years is not None or a.qualifiers]
    if not alternatives:
        if _NO_REQUIREMENT.search(low) or not _EXPERIENCE_WORDS.search(low):
            return Experience(text=clean, required=False, lines=span, warnings=warnings)
        warnings.append(warn("no_years"))
        return Experience(text=clean, required=True, lines=span, warnings=warnings)
    return Experience(text=clean, required=True, alternatives=alternatives, lines=span, warnings=warnings)
