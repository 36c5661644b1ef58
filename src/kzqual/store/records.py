"""What the store hands back: plain dataclasses at the boundary (positions stay pydantic)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: an ingest writes rows and needs no models
    from kzqual.acts.model import Act
    from kzqual.positions.model import Position


@dataclass(slots=True)
class IngestResult:
    path: str
    status: str  # added | new_version | unchanged | failed
    act_key: str | None = None
    version: int | None = None
    positions: int = 0
    warnings: int = 0
    error: str | None = None
    restores: int | None = None  # a new version whose text equals this earlier version's
    language: str | None = None  # the language text stored (versions are per language)


@dataclass(slots=True)
class IngestSummary:
    results: list[IngestResult] = field(default_factory=list)

    @property
    def ok(self) -> list[IngestResult]:
        return [r for r in self.results if r.status != "failed"]

    @property
    def failed(self) -> list[IngestResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def acts(self) -> int:
        return len(self.ok)

    @property
    def positions(self) -> int:
        return sum(r.positions for r in self.ok)

    @property
    def warnings(self) -> int:
        return sum(r.warnings for r in self.ok)


@dataclass(slots=True)
class ActEvent:
    event: str  # in_force | amended | repealed
    date: str | None
    by_act: dict | None
    text: str | None
    lines: tuple[int, int] | None


@dataclass(slots=True)
class ActSummary:
    key: str
    version: int
    versions: int
    title: str
    language: str
    act_type: str
    date: str | None
    number: str | None
    registration_number: str | None
    status: str  # in_force | repealed | not_yet_in_force (on the as-of date, else today's text)
    repealed_on: str | None
    repealed_by: str | None  # the repealing act as the text names it
    effective_from: str | None
    entry_rule: str | None
    positions: int
    source: str | None
    content_hash: str
    ingested_at: str
    same_text_as: int | None = None  # the earliest version with the same text (a restore)
    # the act's language texts in the registry ("kk", "ru"); this summary is one of them
    languages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class StoredAct:
    summary: ActSummary
    act: Act
    events: list[ActEvent]
    warnings: list[dict]
    # every language text of the act (current versions), this one included
    texts: list[ActSummary] = field(default_factory=list)


@dataclass(slots=True)
class SourcedRequirement:
    kind: str
    text: str
    lines: tuple[int, int] | None
    raw: str | None  # the raw lines of the act the requirement was read from
    data: dict | None


@dataclass(slots=True)
class PositionRecord:
    """A post with where each part came from (for ``kzqual show`` and the API)."""

    position: Position
    act: ActSummary
    raw: str  # raw lines of the whole post
    requirements: list[SourcedRequirement]
    # the same post in the act's other language text: {"position_id", "language", "method"}
    aligned: dict | None = None
