"""The position record: one post of an act and its qualification requirements.

Everything here is read from the act's words; each part keeps its clean text and raw line span.
Years are numbers parsed from words ("үш жылдан кем емес" -> 3), never typed per post.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from kzqual.acts.model import ActRef, Span

EducationLevel = Literal[
    "general_secondary",
    "technical_vocational",
    "post_secondary",
    "higher",
    "postgraduate",
]

ExperienceKind = Literal[
    "state_service",  # мемлекеттік қызмет өтілі / стаж государственной службы
    "leadership_state",  # басшылық лауазымдарда / на руководящих должностях в госорганах
    "field_of_post",  # лауазымның функционалдық бағыттарына сәйкес салаларда / по специальности
    "lower_grade",  # in a named lower grade / category (grade ladder of characteristics acts)
    "lower_category",  # in a named lower civil-service category (С-4 ...)
    "any_work",  # жұмыс өтілі without further qualification
    "other",
]


class ParseWarning(BaseModel):
    """What the parser could not read, or read with a doubt (same shape as the act layer's).

    ``code`` is the stable key (``positions.warning.<code>`` in the catalogue), ``message`` the
    English sentence, ``params`` the values filled into it.  A plain string (records stored before
    warnings had codes) is read as ``code="unclassified"``."""

    code: str
    message: str
    params: dict[str, str | int] = Field(default_factory=dict)
    lines: Span | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, data: object) -> object:
        if isinstance(data, str):
            return {"code": "unclassified", "message": data}
        return data

    def __str__(self) -> str:
        return self.message


class Qualifier(BaseModel):
    """A condition that replaces or shortens experience (foreign priority programme, degree...)."""

    kind: Literal[
        "foreign_priority_programme",  # шетелдік жоғары оқу орындарында басым мамандықтар бойынша
        "academy_postgraduate_state_order",  # Президент жанындағы Академия, мемлекеттік тапсырыс
        "academic_degree",
        "other",
    ]
    text: str
    # The programme levels the item's words name ("жоғары оқу орындарынан кейінгі оқу бағдарламалары
    # бойынша" -> postgraduate; "жоғары және жоғары оқу орындарынан кейінгі" -> higher and
    # postgraduate); None = the words name none.  Read from the qualifier's own words, else from the
    # whole item, so a level stated once for "A немесе B" binds both.
    levels: list[EducationLevel] | None = None


class Condition(BaseModel):
    """A sub-condition of an alternative: "of which at least 2 years in leadership posts"."""

    kind: ExperienceKind
    min_years: float | None = None
    grade: str | None = None  # for lower_grade / lower_category: the grade or category named
    text: str


class ExperienceAlternative(BaseModel):
    """One way to satisfy the experience requirement (the alternatives are any-of)."""

    kind: ExperienceKind
    min_years: float | None = None
    grade: str | None = None
    field: str | None = None  # the field of work as written, where named
    conditions: list[Condition] = Field(default_factory=list)  # all-of, besides the main years
    qualifiers: list[Qualifier] = Field(default_factory=list)  # all-of, e.g. a degree
    text: str
    lines: Span | None = None
    label: str | None = None  # the act's item label ("3)") the alternative was read from


class Experience(BaseModel):
    text: str = ""
    required: bool = True  # False when the act says no experience is required
    alternatives: list[ExperienceAlternative] = Field(default_factory=list)
    reference: ActRef | None = None  # "by the typical requirements" (order 02-01-02/5)
    lines: Span | None = None
    warnings: list[ParseWarning] = Field(default_factory=list)  # what the parser could not read
    # Every act cited, in order; ``reference`` stays the first for older consumers.
    references: list[ActRef] = Field(default_factory=list)


EducationConditionKind = Literal[
    # years of some experience (the ExperienceKind values): "не менее одного года стажа
    # государственной службы" -> state_service 1; "… в областях, соответствующих функциональным
    # направлениям конкретной должности" -> field_of_post 2
    "state_service",
    "leadership_state",
    "field_of_post",
    "lower_grade",
    "lower_category",
    "any_work",
    "other",
    # the speciality only: "Құқықтану мамандығы болған жағдайда" (the lower level counts in that field)
    "specialty",
    # a condition is stated but its words were not understood: never met, always undetermined
    "not_read",
]


class EducationCondition(BaseModel):
    """One way to meet the condition a lower education is accepted on (issue 11).

    An alternative's conditions are any-of ("при наличии не менее одного года стажа
    государственной службы или не менее двух лет стажа работы в областях …": two conditions).
    ``scope`` is what the words limit the condition to: the field of work of an experience
    condition where they name one, the speciality of a ``specialty`` condition."""

    kind: EducationConditionKind
    min_years: float | None = None
    scope: str | None = None
    text: str  # the condition's own words, as printed (clean)
    lines: Span | None = None


class EducationAlternative(BaseModel):
    """A lower education accepted only on a condition ("Допускается послесреднее образование … при
    наличии не менее одного года стажа государственной службы или …"): the level(s) accepted only
    on it, its fields and the conditions of which any one must hold.  ``Education.levels`` lists
    every level the text accepts, these included; a reader deciding eligibility must require a
    condition for these levels (``rules.compile`` does): a condition met -> the alternative's
    education counts; facts missing -> undetermined; a ``not_read`` condition -> undetermined."""

    level: EducationLevel | None = None
    levels: list[EducationLevel] = Field(default_factory=list)
    fields: list[str] = Field(default_factory=list)
    conditions: list[EducationCondition] = Field(default_factory=list)  # any of these
    conditional: bool = True  # a condition is stated (read into ``conditions`` or not)
    text: str = ""  # the whole clause
    condition_text: str = ""  # the condition's words alone ("при наличии …" / "… болған жағдайда")
    lines: Span | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_experience(cls, data: object) -> object:
        """Records stored before conditions had their own model kept them as ``experience``
        (ExperienceAlternative dicts): read them as conditions, never drop them."""
        if isinstance(data, dict) and "experience" in data and "conditions" not in data:
            data = dict(data)
            data["conditions"] = [
                {"kind": e.get("kind", "other"), "min_years": e.get("min_years"), "scope": e.get("field"),
                 "text": e.get("text", ""), "lines": e.get("lines")}
                for e in data.pop("experience") or [] if isinstance(e, dict)
            ]
        return data

    @property
    def condition_read(self) -> bool:
        """Every stated condition understood (no condition stated counts as read)."""
        if not self.conditional:
            return True
        return bool(self.conditions) and all(c.kind != "not_read" for c in self.conditions)


class Education(BaseModel):
    text: str = ""
    level: EducationLevel | None = None
    levels: list[EducationLevel] = Field(default_factory=list)  # every level the text accepts
    fields: list[str] = Field(default_factory=list)  # groups / specialties as written
    field_groups: list[dict] = Field(default_factory=list)  # {"group": ..., "specialties": [...]}
    any_field: bool = False  # "по соответствующей специальности" -> False; no field named -> True
    lines: Span | None = None
    matching_post_field: bool = False  # "по соответствующей специальности" / "лауазымның бейініне сәйкес"
    warnings: list[ParseWarning] = Field(default_factory=list)
    # lower levels accepted only on a condition (issue 11); ``levels`` lists them too
    alternatives: list[EducationAlternative] = Field(default_factory=list)


class Grade(BaseModel):
    """One rung of a characteristics act's grade ladder."""

    level: Literal["higher_qualification", "middle_qualification", "any"]
    grade: Literal["highest", "first", "second", "none"]
    education: str = ""
    education_level: EducationLevel | None = None
    min_years: float | None = None
    in_grade: str | None = None  # the lower grade the years must be served in ("first", ...)
    experience_kind: ExperienceKind | None = None
    text: str
    lines: Span | None = None
    post: str | None = None  # a sub-post the rung is for ("руководитель отдела"), when the act names one
    category: str | None = None  # canonical block code printed with the rung ("A3-3", "C2")
    warnings: list[ParseWarning] = Field(default_factory=list)


class Competence(BaseModel):
    text: str = ""
    acts: list[str] = Field(default_factory=list)  # laws and strategies named, titles restored
    lines: Span | None = None
    warnings: list[ParseWarning] = Field(default_factory=list)


class Repairs(BaseModel):
    kind: str
    raw: str
    fixed: str
    line: int


class Position(BaseModel):
    """One post.  ``id`` is stable: act registration number + position number or paragraph."""

    id: str
    act_key: str  # Act.key of the act it belongs to
    title: str
    department: str | None = None
    division: str | None = None
    appendix: str | None = None  # appendix number as printed ("1", "2")
    group: str | None = None  # characteristics acts: "heads" / "specialists" (the Глава)
    category: str | None = None  # canonical ASCII: "C-3", "C-O-4", "C-R-5", "A3-2-1"
    category_raw: str | None = None  # exactly as printed
    # every category the act gives the post: [category], or one per qualification level where a
    # characteristics act prints a code on each level heading ("(С2)", "(С3)"; category is None)
    categories: list[str] = Field(default_factory=list)
    units: int | None = None
    numbers: list[str] = Field(default_factory=list)
    education: Education = Field(default_factory=Education)
    experience: Experience = Field(default_factory=Experience)
    grades: list[Grade] = Field(default_factory=list)
    competence: Competence = Field(default_factory=Competence)
    duties: list[str] = Field(default_factory=list)
    knowledge: list[str] = Field(default_factory=list)
    lines: Span
    warnings: list[ParseWarning] = Field(default_factory=list)
    repairs: list[Repairs] = Field(default_factory=list)
