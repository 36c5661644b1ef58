"""How much of an act the positions reader placed: nothing lost silently (issue 11).

Every clean line of the act falls in exactly one category:

* ``posts``: inside the line span of a post;
* ``criteria_without_post``: a criteria table (its header row or a row label) that no post owns
  — a post the segmenter did not see;
* ``heading_like``: a line that reads like a post heading (a category code with its word,
  ``С-3 санаты`` / ``категория С-3``, or before its staff units, ``С-5 (2 единицы)``; a
  Markdown heading carrying a category code; a short line ending with a bare code) outside every
  post — a post not taken;
* ``structure``: the rest (the act's head, points, notes, appendix titles, department headings).

The last three outside-post kinds besides ``structure`` also become act-level warnings
(``criteria_without_post``, ``heading_not_taken``) with their lines, so a reader of the JSON
sees where a post may have been lost.  ``criteria`` counts the posts whose criterion was read
into data (not only kept as text).
"""

from __future__ import annotations

from bisect import bisect_right

from pydantic import BaseModel, Field

from kzqual.acts.model import Span
from kzqual.positions.headings import CODE, HAS_CATEGORY, TRAILING_CODE
from kzqual.positions.labels import is_criteria_header, is_unit_header, match_label, may_be_label
from kzqual.positions.model import ParseWarning, Position
from kzqual.positions.warnings import warn
from kzqual.text.model import CleanLine

CRITERIA = ("education", "experience", "competence", "duties")


class Coverage(BaseModel):
    """Where the act's clean lines went, and how many posts' criteria were read into data."""

    lines: int = 0  # clean (non-blank, non-furniture) lines of the act
    posts: int = 0  # posts read
    post_lines: int = 0
    structure_lines: int = 0
    criteria_without_post_lines: int = 0
    heading_like_lines: int = 0
    # criterion -> posts whose criterion was read into data (education levels, experience
    # alternatives / reference / "not required", competence text, duties items)
    criteria: dict[str, int] = Field(default_factory=dict)
    list_gaps: int = 0  # list_gap warnings on the posts
    posts_not_built: list[Span] = Field(default_factory=list)  # post_not_built: lines of each lost post
    unplaced: list[Span] = Field(default_factory=list)  # criteria tables and headings no post took

    @property
    def placed_share(self) -> float:
        """Share of lines placed in posts or structure (1.0 when nothing is left unplaced)."""
        if not self.lines:
            return 1.0
        return (self.post_lines + self.structure_lines) / self.lines


def read_criteria(p: Position) -> dict[str, bool]:
    """criterion -> read into data (not only kept as text) for one post."""
    exp = p.experience
    return {
        "education": bool(p.education.levels),
        "experience": bool(exp.alternatives or exp.reference is not None or (exp.text and not exp.required)
                           or p.grades),
        "competence": bool(p.competence.text),
        "duties": bool(p.duties),
    }


def spans_of(p: Position) -> list[Span]:
    """The line spans of a post's criteria (where its body starts)."""
    parts = (p.education.lines, p.experience.lines, p.competence.lines)
    return [s for s in parts if s is not None]


def _is_criteria_line(lines: list[CleanLine], i: int) -> bool:
    text = lines[i].text
    if is_criteria_header(text) or is_unit_header(text):
        return True
    if not may_be_label(text):
        return False
    nxt = lines[i + 1].text if i + 1 < len(lines) else None
    hit = match_label(text, nxt)
    # a label alone, or a label with its cell's text: a row of a criteria table
    return hit is not None


def heading_like(ln: CleanLine) -> bool:
    """A line that reads like a post heading: a category code with its word or its staff units, a
    Markdown heading (``## …``) that prints a category code at all, or a short line of text that
    ends with a bare code (``Бас маман, С-4``)."""
    if HAS_CATEGORY.search(ln.text):
        return True
    if ln.hint.startswith("h"):
        return bool(CODE.search(ln.text))
    return ln.hint in ("", "p") and bool(TRAILING_CODE.search(ln.text))


def measure(lines: list[CleanLine], positions: list[Position],
            warnings: list[ParseWarning]) -> tuple[Coverage, list[ParseWarning]]:
    """The act's coverage and the act-level warnings for what no post took."""
    spans = sorted({(p.lines.start, p.lines.end) for p in positions})
    starts = [s for s, _ in spans]
    ends_max: list[int] = []  # running max of ends, for overlap-free membership by bisect
    for _, e in spans:
        ends_max.append(max(e, ends_max[-1]) if ends_max else e)

    def in_post(line: int) -> bool:
        k = bisect_right(starts, line) - 1
        return k >= 0 and ends_max[k] >= line

    # a heading-like line inside a post's criteria (after its first criterion) is a post merged
    # into the one before it: counted and reported as not taken, not as the post's lines
    bodies = sorted((min(s.start for s in spans_of(p)), p.lines.end) for p in positions if spans_of(p))
    body_starts = [b for b, _ in bodies]

    def in_body(line: int) -> bool:
        k = bisect_right(body_starts, line - 1) - 1
        return k >= 0 and bodies[k][0] < line <= bodies[k][1]

    cov = Coverage(lines=len(lines), posts=len(positions))
    out: list[ParseWarning] = []
    run: tuple[str, int, int] | None = None  # (kind, first line, last line) of unplaced lines

    def flush() -> None:
        nonlocal run
        if run is None:
            return
        kind, start, end = run
        span = Span(start=start, end=end)
        cov.unplaced.append(span)
        if kind == "criteria":
            out.append(warn("criteria_without_post", start=start, end=end, lines=span))
        else:
            text = " ".join(ln.text for ln in lines if start <= ln.raw_start <= end)
            out.append(warn("heading_not_taken", start=start, end=end, text=repr(text[:80]), lines=span))
        run = None

    for i, ln in enumerate(lines):
        merged = in_body(ln.raw_start) and heading_like(ln) and not is_criteria_header(ln.text)
        if in_post(ln.raw_start) and not merged:
            cov.post_lines += 1
            flush()
            continue
        kind = None
        if merged:
            kind = "heading"
        elif _is_criteria_line(lines, i):
            kind = "criteria"
        elif heading_like(ln):
            kind = "heading"
        if kind is None:
            cov.structure_lines += 1
            flush()
            continue
        if kind == "criteria":
            cov.criteria_without_post_lines += 1
        else:
            cov.heading_like_lines += 1
        if run is not None and run[0] == kind:
            run = (kind, run[1], ln.raw_end)
        else:
            flush()
            run = (kind, ln.raw_start, ln.raw_end)
    flush()
    for name in CRITERIA:
        cov.criteria[name] = 0
    for p in positions:
        for name, ok in read_criteria(p).items():
            cov.criteria[name] += ok
        cov.list_gaps += sum(w.code == "list_gap" for w in p.warnings)
    cov.posts_not_built = [w.lines for w in warnings if w.code == "post_not_built" and w.lines is not None]
    return cov, out
