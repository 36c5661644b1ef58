"""Raw post (segmented text) -> :class:`Position`, filling structured fields via the requirements layer.

The layouts only segment: they find each post, its heading parts and the raw text of each
criterion.  Turning a criterion's text into education levels, experience alternatives etc. is the
job of :mod:`kzqual.positions.requirements` (developed separately); it is looked up at call time
so that this module works — with text-only fields — while that one is absent or incomplete, and a
failure there becomes a warning on the post instead of an exception.
"""

from __future__ import annotations

import importlib
import pickle
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from kzqual.acts.model import Span
from kzqual.positions import codes
from kzqual.positions.model import Competence, Education, Experience, ParseWarning, Position, Repairs
from kzqual.positions.rows import Piece, split_rows
from kzqual.positions.spans import LineIndex
from kzqual.positions.warnings import in_part, warn
from kzqual.text.model import CleanLine, CleanText


@dataclass(slots=True)
class RawPost:
    """What a layout extractor finds for one post, before structuring."""

    key: str  # the id suffix: first position number, "a1-3", "g1-p3-2"
    title: str
    start: int  # raw line span of the whole post
    end: int
    department: str | None = None
    division: str | None = None
    appendix: str | None = None
    group: str | None = None
    category_raw: str | None = None
    categories_raw: list[str] = field(default_factory=list)  # one per qualification level, as printed
    units: int | None = None
    numbers: list[str] = field(default_factory=list)
    criteria: dict[str, Piece] = field(default_factory=dict)
    warnings: list[ParseWarning] = field(default_factory=list)

    def fill_rows(self, body: list[CleanLine]) -> None:
        """Split the post's body lines into its criteria rows (the paragraph and table layouts share
        the row grammar: education, experience, competence, duties last)."""
        rows = split_rows(body, last="duties")
        self.criteria = rows.pieces
        self.warnings.extend(rows.warnings)
        if body:
            self.end = max(self.end, body[-1].raw_end)
        for name in ("education", "experience", "competence", "duties"):
            if name not in rows.pieces:
                self.warnings.append(warn("missing_row", criterion=name))


def _requirements_fn(name: str) -> Callable[..., Any] | None:
    try:
        mod = importlib.import_module("kzqual.positions.requirements")
    except ImportError:
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


def _call(name: str, warnings: list[ParseWarning], *args: Any) -> Any:
    """Call a requirements function; None if absent, a warning if it fails."""
    fn = _requirements_fn(name)
    if fn is None:
        return None
    try:
        return fn(*args)
    except Exception as exc:  # a parser bug must not lose the post: report it on the post
        warnings.append(warn("parser_failed", function=name, error=f"{type(exc).__name__}: {exc}"))
        return None


# Stands for the criterion's span while a memoised result is parsed; replaced by each post's own.
_SENTINEL = {"start": -1, "end": -1}


class ParseMemo:
    """Parsed criteria by text, within one act: a copy per post, re-spanned.

    An act repeats its boilerplate: 718 posts of the five seeds have 68 distinct experience texts
    and 82 distinct competence texts, so parsing each distinct text once is most of extraction's
    speed.  The parsers are pure and put the ``span`` they are given, unchanged, wherever a
    result holds lines; so a result parsed with a sentinel span is dumped once and each post gets
    a fresh model with its own span in the sentinel's place (no post shares an object with
    another, and the warnings a failing parser left are replayed)."""

    def __init__(self) -> None:
        self._memo: dict[tuple, tuple[Any, list[ParseWarning]]] = {}

    def call(self, name: str, warnings: list[ParseWarning], text: str, lang: str, *rest: Any) -> Any:
        spanned = bool(rest) and (rest[0] is None or isinstance(rest[0], Span))
        extra = rest[1:] if spanned else rest
        key = (name, text, lang, spanned, tuple(tuple(x) if isinstance(x, list) else x for x in extra))
        hit = self._memo.get(key)
        if hit is None:
            failed: list[ParseWarning] = []
            args = (Span(**_SENTINEL),) + extra if spanned else extra
            hit = (_freeze(_call(name, failed, text, lang, *args)), failed)
            self._memo[key] = hit
        frozen, failed = hit
        warnings.extend(w.model_copy(deep=True) for w in failed)
        span = rest[0] if spanned else None
        return _thaw(frozen, span.model_dump() if span is not None else None)


def _freeze(value: Any) -> Any:
    if isinstance(value, BaseModel):
        dumped = value.model_dump()
        # pickled: unpickling is a deep copy in C, so each post gets its own lists and dicts
        return ("model", type(value), pickle.dumps(dumped, pickle.HIGHEST_PROTOCOL), _paths(dumped))
    if isinstance(value, list):
        return ("list", [_freeze(v) for v in value])
    return ("value", value)  # None, str, numbers: immutable


def _paths(value: Any, at: tuple = ()) -> list[tuple]:
    """Where the sentinel span sits in a dumped model (keys and list indices)."""
    if isinstance(value, dict):
        if value == _SENTINEL:
            return [at]
        return [p for k, v in value.items() for p in _paths(v, at + (k,))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _paths(v, at + (i,))]
    return []


def _thaw(frozen: Any, span: dict | None) -> Any:
    kind = frozen[0]
    if kind == "model":
        _, cls, blob, paths = frozen
        data = pickle.loads(blob)
        for path in paths:
            holder = data
            for k in path[:-1]:
                holder = holder[k]
            holder[path[-1]] = span
        return cls.model_validate(data)
    if kind == "list":
        return [_thaw(v, span) for v in frozen[1]]
    return frozen[1]


def canonical_category(raw: str, warnings: list[ParseWarning]) -> str | None:
    fn = _requirements_fn("canonical_category")
    if fn is not None:
        try:
            value = fn(raw)
            if value is not None:
                return value
        except Exception as exc:
            warnings.append(warn("parser_failed", function="canonical_category", error=str(exc)))
    return codes.canonical_category(raw)


def expand_numbers(raw: str, warnings: list[ParseWarning]) -> list[str]:
    fn = _requirements_fn("expand_numbers_with_warnings")
    if fn is not None:
        try:
            value, problems = fn(raw)
            warnings.extend(problems)
            if value:
                return list(value)
        except Exception as exc:
            warnings.append(warn("parser_failed", function="expand_numbers_with_warnings", error=str(exc)))
    fn = _requirements_fn("expand_numbers")
    if fn is not None:
        try:
            value = fn(raw)
            if value:
                return list(value)
        except Exception as exc:
            warnings.append(warn("parser_failed", function="expand_numbers", error=str(exc)))
    return codes.expand_numbers(raw)


def known_titles(raws: list[RawPost], lang: str, warnings: list[ParseWarning]) -> list[str] | None:
    """Titles of laws named intact somewhere in the act's competence rows: the boilerplate that
    hyperlink damage scrambles in one block is often whole in another (requirements layer)."""
    texts = [r.criteria["competence"].text for r in raws if "competence" in r.criteria]
    value = _call("collect_titles", warnings, texts, lang)
    return list(value) if value is not None else None


def _span(p: Piece) -> Span:
    return Span(start=p.start, end=p.end)


def build_position(
    raw: RawPost,
    *,
    reg: str,
    act_key: str,
    lang: str,
    ct: CleanText,
    repairs: RepairIndex | None = None,
    titles: list[str] | None = None,
    lines: LineIndex | None = None,
    memo: ParseMemo | None = None,
) -> Position:
    warnings = list(raw.warnings)
    _parse = memo.call if memo is not None else _call
    category = canonical_category(raw.category_raw, warnings) if raw.category_raw else None
    if raw.category_raw and category is None:
        warnings.append(warn("category_not_recognised", category=repr(raw.category_raw)))
    pos = Position(
        id=f"{reg}-{raw.key}",
        act_key=act_key,
        title=raw.title,
        department=raw.department,
        division=raw.division,
        appendix=raw.appendix,
        group=raw.group,
        category=category,
        category_raw=raw.category_raw,
        units=raw.units,
        numbers=list(raw.numbers),
        lines=Span(start=raw.start, end=raw.end),
    )
    if raw.categories_raw:
        by_level = [canonical_category(c, warnings) for c in raw.categories_raw]
        pos.categories = list(dict.fromkeys(c for c in by_level if c))
    elif category:
        pos.categories = [category]
    c = raw.criteria
    edu = c.get("education")
    exp = c.get("experience")
    comp = c.get("competence")
    duties = c.get("duties")
    knowledge = c.get("knowledge")
    qual = c.get("qualification")
    if qual is not None:
        # characteristics acts state education and experience together (and a grade ladder)
        edu = edu or qual
        exp = exp or qual
        grades = _parse("parse_grades", warnings, qual.text, lang, _span(qual))
        if grades:
            pos.grades = list(grades)
    if edu is not None:
        parsed = _parse("parse_education", warnings, edu.text, lang, _span(edu))
        pos.education = parsed if isinstance(parsed, Education) else Education(text=edu.text, lines=_span(edu))
    if exp is not None:
        parsed = _parse("parse_experience", warnings, exp.text, lang, _span(exp))
        pos.experience = (
            parsed if isinstance(parsed, Experience) else Experience(text=exp.text, lines=_span(exp))
        )
    if comp is not None:
        args = (comp.text, lang, _span(comp)) + ((titles,) if titles is not None else ())
        parsed = _parse("parse_competence", warnings, *args)
        pos.competence = (
            parsed if isinstance(parsed, Competence) else Competence(text=comp.text, lines=_span(comp))
        )
    if duties is not None:
        parsed = _parse("parse_duties", warnings, duties.text, lang)
        pos.duties = list(parsed) if parsed else split_items(duties.text)
    if knowledge is not None:
        parsed = _parse("parse_duties", warnings, knowledge.text, lang)
        pos.knowledge = list(parsed) if parsed else split_items(knowledge.text)
    index = lines or LineIndex(ct.lines)
    if exp is not None and pos.experience.alternatives:
        _narrow_spans(pos.experience.alternatives, index, exp, "alternative_span_not_found", warnings)
    if qual is not None and pos.grades:
        _narrow_spans(pos.grades, index, qual, "rung_span_not_found", warnings)
    if edu is not None and pos.education.alternatives:
        # the conditional clause and each of its conditions get their own lines (provenance of
        # what an eligibility answer rests on)
        _narrow_spans(pos.education.alternatives, index, edu, "condition_span_not_found", warnings)
        for alt in pos.education.alternatives:
            _narrow_spans(alt.conditions, index, edu, "condition_span_not_found", warnings)
    pos.repairs = [
        Repairs(kind=r.kind, raw=r.raw, fixed=r.fixed, line=r.line)
        for r in (repairs or RepairIndex(ct.repairs)).between(raw.start, raw.end)
    ]
    pos.warnings = warnings + sub_model_warnings(pos)
    return pos


def sub_model_warnings(pos: Position) -> list[ParseWarning]:
    """The parsers' warnings, prefixed with their criterion, for ``Position.warnings``.

    A reader of the post sees every warning in one place; the sub-models keep their own lists
    too (the rules layer reads them per criterion).  A grade's warnings name its rung, since a
    ladder has several."""
    out: list[ParseWarning] = []
    for name, model in (("education", pos.education), ("experience", pos.experience)):
        out.extend(in_part(w, name, name) for w in model.warnings)
    for g in pos.grades:
        rung = f"grades ({g.level}, {g.grade}{', ' + g.post if g.post else ''})"
        extra = {"rung_level": g.level, "rung_grade": g.grade} | ({"rung_post": g.post} if g.post else {})
        out.extend(in_part(w, "grades", rung, **extra) for w in g.warnings)
    out.extend(in_part(w, "competence", "competence") for w in pos.competence.warnings)
    # identical rungs can repeat one warning; a reader needs it once
    seen: set[str] = set()
    return [w for w in out if not (w.message in seen or seen.add(w.message))]


def _narrow_spans(parts: list, index: LineIndex, piece: Piece, code: str, warnings: list[ParseWarning]) -> None:
    """Give each part (alternative, rung) the raw lines of its own text, not the criterion's.

    A part that cannot be found again (text the parser rebuilt) keeps the criterion's span, and
    the post says so: the span is then wider than the part, never wrong."""
    loc = index.locator(piece.start, piece.end)
    after = 0
    previous: tuple[str, Span] | None = None
    for part in parts:
        if previous is not None and previous[0] == part.text:
            part.lines = previous[1]  # one item read as two alternatives (two qualifiers)
            continue
        found = loc.find(part.text, after)
        if found is None:
            label = getattr(part, "label", None) or getattr(part, "grade", "")
            warnings.append(warn(code, label=str(label), start=piece.start, end=piece.end))
            continue
        part.lines, after = found
        previous = (part.text, part.lines)


class RepairIndex:
    """The text layer's repairs by raw line, for quick per-post lookup."""

    def __init__(self, repairs: list) -> None:
        self._repairs = sorted(repairs, key=lambda r: r.line)
        self._lines = [r.line for r in self._repairs]

    def between(self, start: int, end: int) -> list:
        return self._repairs[bisect_left(self._lines, start) : bisect_right(self._lines, end)]


def split_items(text: str) -> list[str]:
    """Fallback list split on ';' (the acts separate duties with semicolons)."""
    return [t.strip(" .;") for t in text.split(";") if t.strip(" .;")]
