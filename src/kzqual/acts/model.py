"""Act metadata and structure: the pydantic models at the act layer's boundary.

Every extracted value that comes from the text carries a :class:`Span` (raw line range) so that a
reader can see where it came from.  Dates are ISO strings (``2014-04-09``) or None.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Span(BaseModel):
    """A raw line range, 1-based and inclusive."""

    start: int
    end: int


class ActRef(BaseModel):
    """A reference to another act, as the text names it (possibly partially)."""

    act_type: str | None = None  # canonical: "order", "decree", "resolution", "law", ...
    issuer: str | None = None  # as printed, e.g. "ҚР Ішкі істер министрі"
    date: str | None = None  # ISO
    number: str | None = None  # "927", "02-01-02/5"
    registration_number: str | None = None
    text: str = ""  # the phrase it was read from
    lines: Span | None = None


class Registration(BaseModel):
    """Registration with the Ministry of Justice."""

    number: str | None = None
    date: str | None = None


class Note(BaseModel):
    """An editorial note (Ескерту / Сноска / Примечание ИЗПИ)."""

    target: str  # "act" or a point label such as "point 3", "appendix 2"
    kind: Literal["repeal", "amendment", "other"] = "other"
    amending_act: ActRef | None = None  # the first act the note names (= amending_acts[0])
    amending_acts: list[ActRef] = Field(default_factory=list)  # every act it names, in order
    text: str
    lines: Span


class AgreedBy(BaseModel):
    """A КЕЛІСІЛДІ / СОГЛАСОВАНО block."""

    office: str = ""
    name: str | None = None
    date: str | None = None
    lines: Span


class EntryIntoForce(BaseModel):
    """When the act takes effect: the rule as stated, and the date where it can be computed."""

    rule: str  # the sentence as printed (clean)
    kind: Literal["after_publication", "on_signing", "on_date", "other"] = "other"
    days: int | None = None
    day_kind: Literal["calendar", "working"] | None = None
    date: str | None = None  # filled only when the text gives or implies an exact date
    lines: Span | None = None


class StructureNode(BaseModel):
    """A node of the act's structure tree."""

    kind: Literal["preamble", "chapter", "section", "point", "subpoint", "appendix", "paragraph", "table"]
    label: str | None = None  # "1", "2-1", "17)"
    title: str | None = None
    text: str = ""  # the node's own clean text (not its children's)
    lines: Span
    children: list[StructureNode] = Field(default_factory=list)


class Act(BaseModel):
    """Metadata of one normative legal act."""

    title: str
    language: Literal["kk", "ru"]
    act_type: str  # canonical ASCII: "order", "decree", "resolution", "law", "joint_order", ...
    act_type_raw: str  # as printed: "бұйрық", "приказ"
    issuer: str | None = None  # the office as printed: "Министр обороны Республики Казахстан"
    issuer_body: str | None = None  # the body: "Министерство обороны Республики Казахстан"
    date: str | None = None
    number: str | None = None
    registration: Registration = Field(default_factory=Registration)
    status: Literal["in_force", "repealed"] = "in_force"
    repealed_by: ActRef | None = None
    repeal_note: str | None = None
    amended_by: list[ActRef] = Field(default_factory=list)
    amends: list[ActRef] = Field(default_factory=list)  # acts this (amending) act changes
    notes: list[Note] = Field(default_factory=list)
    entry_into_force: EntryIntoForce | None = None
    signatory: str | None = None  # "С. Жасузаков"
    signatory_office: str | None = None
    agreed_by: list[AgreedBy] = Field(default_factory=list)
    source: str = ""  # file name it was read from
    lines: Span | None = None
    # From a meta.yaml (kazakhstan-law/ministerial layout); None for plain-text acts.
    version_date: str | None = None  # the date of the edition this text is
    source_url: str | None = None  # where the text was published (zan.gov.kz)
    act_code: str | None = None  # the source system's id of the act
    # Where each metadata value came from, field -> "meta.yaml" path or "text"; empty for
    # plain-text acts, whose every value comes from the text (with its line span).
    provenance: dict[str, str] = Field(default_factory=dict)

    @property
    def key(self) -> str:
        """Stable ASCII id: the MoJ registration number, else type-date-number."""
        if self.registration.number:
            return f"reg-{self.registration.number}"
        return f"{self.act_type}-{self.date or 'nodate'}-{(self.number or 'nonum')}".replace("/", "_")


class ParsedAct(BaseModel):
    """What ``kzqual parse --json`` prints."""

    act: Act
    structure: list[StructureNode]
    warnings: list[dict] = Field(default_factory=list)
