"""The characteristics layout: ``Глава N`` (group) -> ``Параграф N. Title`` (post) -> numbered
points ``Должностные обязанности`` / ``Должен знать`` / ``Требования к квалификации``.

When the qualification point lists several posts (``1) руководитель отдела ... (А3-3); 2)
руководитель группы ... (А3-3-1)``) each gets its own record; sub-points that are levels of one
post (``1) специалист высшего уровня квалификации:``) are not posts.  Block codes such as
``(А3-2-1)`` are the category where printed; editorial notes (``Сноска.``) are not requirements.
"""

from __future__ import annotations

import re

from kzqual.positions.build import RawPost
from kzqual.positions.codes import BLOCK_CODE_RE
from kzqual.positions.labels import match_label
from kzqual.positions.model import ParseWarning
from kzqual.positions.warnings import warn
from kzqual.positions.rows import Piece, join_lines, split_rows
from kzqual.text.model import CleanLine, CleanText

_CHAPTER = re.compile(r"^(?:Глава|ГЛАВА|(\d+)\s*-\s*тарау)\s*(\d+)?\s*\.?\s*(.*)$")
_PARAGRAPH = re.compile(r"^(?:Параграф|параграф|(\d+)\s*-\s*параграф)\s*(\d+)?\s*\.?\s*(.*)$")
_NOTE = re.compile(r"^(Сноска|Примечание|Ескерту|Ескертпе)\b")
_SUBPOINT = re.compile(r"(?:(?<=^)|(?<=[;.:]\s))(\d{1,2})\)\s+")
_LEVEL = re.compile(r"уровня\s+квалификации|біліктілік\s+деңгейі|категори|санаты", re.IGNORECASE)
_EDUCATION_START = re.compile(
    r"\b(высшее|послевузовское|техническое|среднее|жоғары|техникалық|орта)\b", re.IGNORECASE
)
_HEADS = re.compile(r"руководител|басшы", re.IGNORECASE)
_SPECIALISTS = re.compile(r"специалист|маман", re.IGNORECASE)


def _group_of(title: str, number: str) -> str:
    if _HEADS.search(title):
        return "heads"
    if _SPECIALISTS.search(title):
        return "specialists"
    return f"chapter-{number}"


def extract_characteristics(ct: CleanText) -> tuple[list[RawPost], list[ParseWarning]]:
    lines = ct.lines
    warnings: list[ParseWarning] = []
    chapter_num, group = None, None
    heads: list[tuple[int, str | None, str | None]] = []  # (line index, chapter, group)
    chapters: dict[int, tuple[str, str]] = {}
    for i, ln in enumerate(lines):
        m = _CHAPTER.match(ln.text)
        if m:
            chapter_num = m.group(1) or m.group(2) or str(len(chapters) + 1)
            group = _group_of(m.group(3), chapter_num)
            chapters[i] = (chapter_num, group)
            continue
        if _PARAGRAPH.match(ln.text):
            heads.append((i, chapter_num, group))
    posts: list[RawPost] = []
    for n, (i, chap, grp) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        # a chapter heading between two paragraphs ends the earlier one
        for k in chapters:
            if i < k < end:
                end = k
        posts.extend(_paragraph_posts(lines, i, end, chap, grp, warnings))
    return posts, warnings


def _paragraph_posts(
    lines: list[CleanLine], i: int, end: int, chap: str | None, grp: str | None, warnings: list[str]
) -> list[RawPost]:
    m = _PARAGRAPH.match(lines[i].text)
    assert m is not None
    number = m.group(1) or m.group(2) or "?"
    # the title runs until the first numbered point
    k = i + 1
    title_parts = [m.group(3)]
    while k < end and match_label(lines[k].text, table="sections") is None and not re.match(
        r"^\d+\s*\.", lines[k].text
    ):
        title_parts.append(lines[k].text)
        k += 1
    title = join_lines(title_parts)
    # editorial notes are not requirements: cut them out of the body
    kept: list[CleanLine] = []
    in_note = False
    for ln in lines[k:end]:
        if _NOTE.match(ln.text):
            in_note = True
            continue
        if in_note and (match_label(ln.text, table="sections") or ln.after_gap):
            in_note = False
        if not in_note:
            kept.append(ln)
    rows = split_rows(kept, table="sections")
    key_base = f"g{chap}-p{number}" if chap else f"p{number}"
    post_warnings = list(rows.warnings)
    for name in ("duties", "knowledge", "qualification"):
        if name not in rows.pieces:
            post_warnings.append(warn("missing_point", criterion=name))
    start, last = lines[i].raw_start, lines[end - 1].raw_end
    qual = rows.pieces.get("qualification")
    split = _split_posts(qual) if qual is not None else []
    base = dict(group=grp, start=start, end=last)
    if len(split) >= 2:
        out = []
        for n, (who, piece) in enumerate(split, start=1):
            criteria = dict(rows.pieces)
            criteria["qualification"] = piece
            codes = _codes(piece.text)
            out.append(
                RawPost(
                    key=f"{key_base}-{n}",
                    title=who,
                    division=title,
                    category_raw=codes[0] if len(codes) == 1 else None,
                    criteria=criteria,
                    warnings=post_warnings
                    + [warn("one_of_several_posts", count=len(split), paragraph=number)]
                    + _code_warnings(codes),
                    **base,
                )
            )
        return out
    codes = _codes(qual.text) if qual is not None else []
    return [
        RawPost(
            key=key_base,
            title=title,
            category_raw=codes[0] if len(set(codes)) == 1 else None,
            categories_raw=_level_codes(qual.text, codes) if qual is not None else [],
            criteria=rows.pieces,
            warnings=post_warnings + _code_warnings(codes),
            **base,
        )
    ]


def _codes(text: str) -> list[str]:
    return [re.sub(r"\s+", "", m.group(1)) for m in BLOCK_CODE_RE.finditer(text)]


def _code_warnings(codes: list[str]) -> list[ParseWarning]:
    if len(set(codes)) > 1:
        return [warn("several_block_codes", codes=", ".join(codes))]
    return []


# "специалист высшего уровня квалификации (С2):" / "жоғары біліктілік деңгейдегі маман (С2):"
_LEVEL_CODE = re.compile(
    r"(?:уровня\s+квалификации|деңгей\w{0,40}\s+маман\w{0,40})\s*\(\s*([АA-ЯA-Z]\s*\d+(?:\s*-\s*\d+)*)\s*\)",
    re.IGNORECASE,
)


def _level_codes(text: str, codes: list[str]) -> list[str]:
    """The codes of a post the act grades by qualification level, one per level heading.

    Only when there are several codes and *every* one is printed on a level heading: the post
    then genuinely has a category per level (the record lists them; ``category`` stays empty).
    A code anywhere else means the text is something else, and nothing is listed."""
    if len(set(codes)) < 2:
        return []
    at_level = [re.sub(r"\s+", "", m.group(1)) for m in _LEVEL_CODE.finditer(text)]
    return list(dict.fromkeys(at_level)) if at_level == codes else []


def _split_posts(qual: Piece) -> list[tuple[str, Piece]]:
    """Sub-points of the qualification text that each name a post: ``N) <post> <education>...``."""
    text = qual.text
    marks = list(_SUBPOINT.finditer(text))
    if len(marks) < 2:
        return []
    out = []
    for n, m in enumerate(marks):
        seg_end = marks[n + 1].start() if n + 1 < len(marks) else len(text)
        seg = text[m.end() : seg_end].strip(" ;.")
        edu = _EDUCATION_START.search(seg)
        who = seg[: edu.start()].strip(" ,:") if edu else ""
        if not who or _LEVEL.search(who) or who.endswith(":"):
            return []  # levels or grades of one post, not separate posts
        # the requirement proper starts at the education; the words before it name the post
        out.append((who, Piece(seg[edu.start() :], qual.start, qual.end)))
    return out
