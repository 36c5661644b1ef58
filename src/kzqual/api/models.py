"""Response models of the API (the contract in docs/openapi.json).

Act and position payloads reuse the layer models (:mod:`kzqual.acts.model`,
:mod:`kzqual.positions.model`) so the API says exactly what the parser extracted, provenance included.
"""

from __future__ import annotations

from pydantic import BaseModel

from kzqual.acts.model import Act, StructureNode
from kzqual.api.pagination import Page
from kzqual.positions.model import Position


class ActSummary(BaseModel):
    key: str
    version: int
    versions: int
    title: str
    language: str
    act_type: str
    date: str | None = None
    number: str | None = None
    registration_number: str | None = None
    status: str  # in_force | repealed | not_yet_in_force (on the as-of date, else as the text says)
    repealed_on: str | None = None
    repealed_by: str | None = None  # the repealing act as the text names it
    effective_from: str | None = None
    entry_rule: str | None = None
    positions: int
    url: str  # API URL of the act (of this language text)
    languages: list[str] = []  # the act's language texts in the registry: "kk", "ru"


class ActEvent(BaseModel):
    event: str  # in_force | amended | repealed
    date: str | None = None
    by_act: dict | None = None
    text: str | None = None
    lines: list[int] | None = None  # [start, end], raw lines


class ActDetail(BaseModel):
    summary: ActSummary
    act: Act
    events: list[ActEvent]
    structure: list[StructureNode]
    warnings: list[dict]
    text_url: str
    # every language text of the act (its current version), this one included, each with its URL
    texts: list[ActSummary] = []
    # the pairing of the posts of the act's kk and ru texts (empty with one language text)
    alignment: dict = {}


class SourceLine(BaseModel):
    n: int  # 1-based raw line number
    text: str


class CleanSourceLine(BaseModel):
    text: str
    raw_start: int
    raw_end: int


class ActText(BaseModel):
    """Raw lines ``start..end`` of an act, and the clean lines made from them."""

    act_key: str
    version: int | None = None  # the act version the lines are from
    start: int
    end: int
    total_lines: int
    lines: list[SourceLine]
    clean: list[CleanSourceLine]


class PositionHit(BaseModel):
    id: str
    act_key: str
    act_title: str
    act_status: str
    title: str
    department: str | None = None
    category: str | None = None
    category_raw: str | None = None
    units: int | None = None
    numbers: list[str] = []
    language: str
    score: float | None = None
    snippet: str | None = None
    snippet_field: str | None = None
    marks: list[list[int]] = []  # [start, end) offsets of matched words in snippet
    lines: list[int]  # [start, end] raw lines of the post
    url: str
    # the same post in the act's other language text: {position_id, language, method, url}
    aligned: dict | None = None
    # "exact" (the query's own words) or "synonym" (found through synonyms of them, ranked after
    # every exact match); the post's words that matched as synonyms
    match: str = "exact"
    synonyms: list[str] = []


class SourcedRequirement(BaseModel):
    kind: str  # education | experience | competence | duty | knowledge | grade
    text: str
    lines: list[int] | None = None
    raw: str | None = None  # the act's raw lines this was read from
    source_url: str | None = None


class PositionDetail(BaseModel):
    position: Position
    act: ActSummary
    raw: str  # raw lines of the whole post
    requirements: list[SourcedRequirement]
    source_url: str  # the act's text at the post's lines
    # the same post in the act's other language text: {position_id, language, method, url}
    aligned: dict | None = None


ActPage = Page[ActSummary]
class PositionPage(Page[PositionHit]):
    # per query word, the synonyms it was widened with and their sources (act line, taxonomy,
    # dictionary); empty when no word has any
    expansions: list[dict] = []
    # the query with unknown words replaced by the nearest indexed ones, or null
    did_you_mean: str | None = None
    # with facets=true: counts per state body, category, act status and text language
    facets: dict | None = None
