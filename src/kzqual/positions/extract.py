"""The extraction pipeline: pick the layout, segment posts, build records, cross-check them."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from kzqual.acts.model import Act, Span
from kzqual.positions import Extraction
from kzqual.positions.build import ParseMemo, RawPost, RepairIndex, build_position, known_titles
from kzqual.positions.layout import detect_layout
from kzqual.positions.meta import read_act_meta
from kzqual.positions.model import Position
from kzqual.positions.spans import LineIndex
from kzqual.positions.warnings import warn
from kzqual.text import read
from kzqual.text.model import CleanText


def _segment(layout: str, ct: CleanText) -> tuple[list[RawPost], list[str]]:
    if layout == "paragraph":
        from kzqual.positions.paragraph import extract_paragraph

        return extract_paragraph(ct)
    if layout == "table":
        from kzqual.positions.table import extract_table

        return extract_table(ct)
    from kzqual.positions.characteristics import extract_characteristics

    return extract_characteristics(ct)


def extract(ct: CleanText, act: Act) -> Extraction:
    """Every post of ``act`` (whose text is ``ct``).  Never raises on damaged text."""
    layout = detect_layout(ct)
    result = Extraction(layout=layout, act=act)
    if layout is None:
        result.warnings.append(warn("no_layout"))
        _measure(result, ct)
        return result
    try:
        raws, warnings = _segment(layout, ct)
    except Exception as exc:  # a segmenter bug must surface as a warning, not a crash
        result.warnings.append(warn("extraction_failed", layout=layout, error=f"{type(exc).__name__}: {exc}"))
        return result
    result.warnings.extend(warnings)
    reg = act.registration.number or act.key
    lang = act.language
    _dedupe_keys(raws)
    index = RepairIndex(ct.repairs)
    titles = known_titles(raws, lang, result.warnings)
    lines = LineIndex(ct.lines)
    memo = ParseMemo()
    for raw in raws:
        try:
            pos = build_position(
                raw, reg=reg, act_key=act.key, lang=lang, ct=ct, repairs=index, titles=titles, lines=lines, memo=memo
            )
            result.positions.append(pos)
            result.criteria[pos.id] = {
                name: (piece.text, Span(start=piece.start, end=piece.end))
                for name, piece in raw.criteria.items()
            }
        except Exception as exc:
            result.warnings.append(
                warn("post_not_built", start=raw.start, end=raw.end, error=f"{type(exc).__name__}: {exc}",
                     lines=Span(start=raw.start, end=raw.end))
            )
    _check_numbers(result.positions)
    _check_title_grades(result.positions)
    if not result.positions:
        result.warnings.append(warn("no_post_found", layout=layout))
    _measure(result, ct)
    return result


def _measure(result: Extraction, ct: CleanText) -> None:
    """The act's coverage, and a warning for each criteria table or heading no post took."""
    from kzqual.positions.coverage import measure

    result.coverage, unplaced = measure(ct.lines, result.positions, result.warnings)
    result.warnings.extend(unplaced)


def extract_file(path: str | Path) -> Extraction:
    """Read one file (a Markdown text with its folder's meta.yaml too) and extract its posts."""
    from kzqual.acts.reader import find_meta

    ct = read(path)
    return extract(ct, read_act_meta(ct, meta=find_meta(path)))


def _dedupe_keys(raws: list[RawPost]) -> None:
    """Ids must be unique; a repeated key (a number printed twice) gets a suffix and a warning."""
    seen: Counter[str] = Counter()
    for raw in raws:
        seen[raw.key] += 1
        if seen[raw.key] > 1:
            raw.warnings.append(warn("duplicate_id_key", key=repr(raw.key)))
            raw.key = f"{raw.key}-dup{seen[raw.key]}"


def _check_numbers(positions: list[Position]) -> None:
    """A position number used by two posts is reported on both (never silently dropped)."""
    where: dict[str, list[Position]] = defaultdict(list)
    for p in positions:
        for n in p.numbers:
            where[n].append(p)
    for n, ps in where.items():
        if len(ps) > 1:
            for p in ps:
                others = ", ".join(q.id for q in ps if q is not p)
                p.warnings.append(warn("duplicate_position_number", number=n, others=others))


_FAMILY = re.compile(r"^(C-O|C-R|C|[A-Z]\d*)")


def _post_noun(title: str) -> str:
    """The last two words of a title, lower-cased: the post itself ("бас сарапшысы")."""
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", title.lower())
    return " ".join(words[-2:])


def _check_title_grades(positions: list[Position]) -> None:
    """A title whose post usually has another category in this act is reported.

    The act itself is the reference: posts named alike ("бас сарапшысы") within one category
    family (C, C-O, C-R) normally share a category; a clear outlier is worth a look (a typo in
    the title or in the category), but it is not corrected."""
    groups: dict[tuple[str, str], list[Position]] = defaultdict(list)
    for p in positions:
        if not p.category:
            continue
        fam = _FAMILY.match(p.category)
        groups[(fam.group(1) if fam else "", _post_noun(p.title))].append(p)
    for (_fam, noun), ps in groups.items():
        counts = Counter(p.category for p in ps)
        top, n = counts.most_common(1)[0]
        if n < 3 or n / len(ps) < 0.75:
            continue
        top_printed = next((p.category_raw for p in ps if p.category == top and p.category_raw), top)
        for p in ps:
            if p.category != top:
                p.warnings.append(
                    warn("category_conflict", title=noun, category=p.category, usual=top, count=n, total=len(ps),
                         category_printed=p.category_raw or p.category, usual_printed=top_printed)
                )
