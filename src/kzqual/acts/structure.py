"""The structure tree of an act's text: sections, chapters, paragraphs, points, sub-points.

Points (``1.``) and sub-points (``1)``) count only on indented raw lines and only when their number
follows the previous one: the tables of posts are full of ``1.`` and ``1)`` at line starts that are
cell text, not structure.  Headings (``Глава 1.``, ``1-тарау``, ``Параграф 2.``) are not indented.
"""

from __future__ import annotations

import re

from kzqual.acts.doc import Doc, _join
from kzqual.acts.model import Span, StructureNode
from kzqual.acts.vocab import ENACTING

_HEADINGS: list[tuple[re.Pattern[str], str, int]] = [
    (re.compile(r"^(?:Раздел|РАЗДЕЛ)\s+(?P<n>\d+)\.?\s*(?P<t>.*)$"), "section", 1),
    (re.compile(r"^(?P<n>\d+)-(?:бөлім|БӨЛІМ)\.?\s*(?P<t>.*)$"), "section", 1),
    (re.compile(r"^(?:Глава|ГЛАВА)\s+(?P<n>\d+)\.?\s*(?P<t>.*)$"), "chapter", 2),
    (re.compile(r"^(?P<n>\d+)-(?:тарау|ТАРАУ)\.?\s*(?P<t>.*)$"), "chapter", 2),
    (re.compile(r"^(?:Параграф|ПАРАГРАФ)\s+(?P<n>\d+)\.?\s*(?P<t>.*)$"), "paragraph", 3),
    (re.compile(r"^(?P<n>\d+)-(?:параграф|ПАРАГРАФ)\.?\s*(?P<t>.*)$"), "paragraph", 3),
]
_HEADING_FIRST = frozenset("РГПрг")
_POINT = re.compile(r"^(?P<n>\d+(?:-\d+)?)\s?\.\s*(?P<t>.*)$")
_SUBPOINT = re.compile(r"^(?P<n>\d+(?:-\d+)?)\)\s*(?P<t>.*)$")
_MAX_GAP = 2  # at most this many point numbers missing between two points read as a sequence
_LEVEL = {"section": 1, "chapter": 2, "paragraph": 3, "point": 4, "subpoint": 5}


class _Open:
    """A node being built: its lines and children, closed into a StructureNode at the end."""

    __slots__ = ("kind", "label", "title", "parts", "first", "last", "children", "level")

    def __init__(self, kind: str, label: str | None, title: str | None, first: int, level: int) -> None:
        self.kind, self.label, self.title, self.level = kind, label, title, level
        self.parts: list[int] = []
        self.first = self.last = first
        self.children: list[_Open] = []


def _close(doc: Doc, node: _Open) -> StructureNode:
    children = [_close(doc, c) for c in node.children]
    span = doc.span(node.first, node.last)
    end = max([span.end, *(c.lines.end for c in children)])
    return StructureNode(
        kind=node.kind,
        label=node.label,
        title=node.title,
        text=_join([doc.texts[i] for i in node.parts]),
        lines=Span(start=span.start, end=end),
        children=children,
    )


def _number(label: str) -> tuple[int, bool]:
    head, _, tail = label.partition("-")
    return int(head), bool(tail)


def parse_body(doc: Doc, start: int, end: int, skip: set[int], warnings: list[dict],
               *, preamble: bool = False) -> list[StructureNode]:
    """Nodes of clean lines ``start..end`` (end exclusive); lines in ``skip`` (notes) are left out."""
    roots: list[_Open] = []
    stack: list[_Open] = []
    last_point: int | None = None
    last_sub: int | None = None
    i = start
    if preamble:
        first_point = next((k for k in range(start, end) if doc.indented[k] and _POINT.match(doc.texts[k])), end)
        for k in range(start, first_point):
            if any(w in doc.squeezed(k).upper() for w in ENACTING):
                parts = [x for x in range(start, k + 1) if x not in skip]
                if not parts:
                    break
                node = _Open("preamble", None, None, parts[0], 0)
                node.parts = parts
                node.last = k
                roots.append(node)
                i = k + 1
                break

    def attach(node: _Open) -> None:
        while stack and stack[-1].level >= node.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)

    while i < end:
        if i in skip:
            i += 1
            continue
        text = doc.texts[i]
        heading = None
        # Cheap first-letter test before the heading patterns: most lines are table text.
        if not doc.indented[i] and (text[:1] in _HEADING_FIRST or text[:1].isdigit()):
            for rx, kind, level in _HEADINGS:
                if m := rx.match(text):
                    heading = (m, kind, level)
                    break
        if heading:
            m, kind, level = heading
            title = m.group("t").strip() or None
            node = _Open(kind, m.group("n"), title, i, level)
            # A heading title wrapped onto the next line(s).
            while (i + 1 < end and i + 1 not in skip and not doc.gap[i + 1] and not doc.indented[i + 1]
                   and node.last - node.first < 2 and not _POINT.match(doc.texts[i + 1])):
                i += 1
                node.title = f"{node.title or ''} {doc.texts[i]}".strip()
                node.last = i
            node.parts = list(range(node.first, node.last + 1))
            attach(node)
            last_sub = None
            i += 1
            continue
        if doc.indented[i] and (m := _POINT.match(text)):
            num, inserted = _number(m.group("n"))
            gap = last_point is not None and not inserted and last_point + 1 < num <= last_point + 1 + _MAX_GAP
            if gap:
                # "4." then "6.": a point missing from the text (adilet-2021-155619), not "6." as
                # text of point 4 swallowing every point after it; said with a warning
                warnings.append({"code": "point_gap",
                                 "message": f"points go from {last_point} to {num}: the points between are not "
                                            "in this text",
                                 "lines": doc.span(i, i).model_dump(),
                                 "params": {"before": str(last_point), "after": str(num)}})
            if last_point is None or num == last_point + 1 or inserted or num == last_point or gap:
                if last_point is not None and num == last_point and not inserted:
                    warnings.append({"code": "duplicate_point", "message": f"point {num} appears twice",
                                     "lines": doc.span(i, i).model_dump(), "params": {"point": str(num)}})
                node = _Open("point", m.group("n"), None, i, 4)
                node.parts = [i]
                attach(node)
                last_point, last_sub = num, None
                i += 1
                continue
        if doc.indented[i] and (m := _SUBPOINT.match(text)) and stack and stack[-1].level >= 4:
            num, inserted = _number(m.group("n"))
            if (last_sub is None and num == 1) or (last_sub is not None and (num == last_sub + 1 or inserted)):
                node = _Open("subpoint", m.group("n"), None, i, 5)
                node.parts = [i]
                attach(node)
                last_sub = num
                i += 1
                continue
        if stack:
            stack[-1].parts.append(i)
            for open_node in stack:
                open_node.last = i
        i += 1
    return [_close(doc, r) for r in roots]
