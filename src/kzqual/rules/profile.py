"""The candidate profile: a person's education and work history, as a documented JSON format.

The pydantic models here are the format; ``docs/profile.schema.json`` is generated from them
(:func:`json_schema`).  Loading goes through :func:`parse_profile` so that malformed JSON and a
profile that fails validation both become :class:`kzqual.errors.InputError`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from kzqual import safe_json
from kzqual.errors import InputError

EducationLevel = Literal[
    "general_secondary",
    "technical_vocational",
    "post_secondary",
    "higher",
    "postgraduate",
]
# Order of the levels; a higher rank is a further stage of education.
LEVEL_RANK: dict[str, int] = {
    "general_secondary": 0,
    "technical_vocational": 1,
    "post_secondary": 2,
    "higher": 3,
    "postgraduate": 4,
}


class EducationEntry(BaseModel):
    """One completed (or ongoing) programme of education."""

    model_config = ConfigDict(extra="forbid")

    level: EducationLevel
    postgraduate_kind: Literal["master", "doctorate"] | None = Field(
        None, description="for level=postgraduate: master's (магистратура) or doctorate (PhD)"
    )
    field: str | None = Field(None, description="field / specialty as written on the diploma")
    code: str | None = Field(None, description="classifier code of the specialty, if known (5B050600)")
    institution: str | None = None
    country: str | None = Field(None, description="ISO 3166 alpha-2 country of the institution (KZ)")
    completed: date | None = Field(
        None, description="completion date; null = completed, date unknown; a date after the as-of date = not yet completed"
    )
    foreign_priority_programme: bool = Field(
        False,
        description="completed abroad in a priority specialty approved by the republican commission "
        "for training personnel abroad (Шетелде кадрлар даярлау жөніндегі республикалық комиссия); set it on "
        "the entry of the level studied (a bachelor's abroad does not meet an item naming postgraduate study)",
    )
    academy_state_order: bool = Field(
        False,
        description="study at the Academy of Public Administration under the President "
        "(Президент жанындағы білім беру ұйымы) on a state order; set it on the entry of the level studied "
        "(an act's item names the programme level it accepts: postgraduate, or higher and postgraduate)",
    )


class WorkEntry(BaseModel):
    """One period of work.  ``end`` null = still working there."""

    model_config = ConfigDict(extra="forbid")

    employer: str
    state_body: bool = Field(False, description="the employer is a state body (мемлекеттік орган)")
    state_service: bool = Field(False, description="the post counts as state (civil) service")
    post: str = Field("", description="post title as written")
    leadership: bool = Field(False, description="a leadership (басшылық / руководящая) post")
    field: str | None = Field(None, description="the field or functional area of the work, as tagged")
    grade: str | None = Field(
        None, description='category or grade held: "C-4", "С-О-3", "инспектор второй категории"'
    )
    start: date
    end: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> WorkEntry:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"work entry ends ({self.end}) before it starts ({self.start})")
        return self


class AcademicDegree(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str = Field(description="e.g. candidate of sciences, doctor of sciences, PhD")
    field: str | None = None
    awarded: date | None = None


class Profile(BaseModel):
    """A person as the eligibility engine sees them."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, description="the operator's id for the person (never sent anywhere)")
    education: list[EducationEntry] = Field(default_factory=list)
    academic_degree: AcademicDegree | None = None
    work: list[WorkEntry] = Field(default_factory=list)
    # Requirements only the person can state.  null (the default) = not stated: a post asking for it
    # is then undetermined, never met by silence.
    special_training: bool | None = Field(
        None, description="completed special training under an established programme (специальная подготовка "
        "по установленной программе / белгіленген бағдарлама бойынша арнайы даярлық); null = not stated")
    computer_skills: bool | None = Field(
        None, description="can work with a computer and office software (Word, Excel, e-mail...) as the acts ask "
        "(Компьютерде жұмыс істей білу / умение работать на компьютере); null = not stated")


def json_schema() -> dict:
    """The JSON Schema of the profile format (what docs/profile.schema.json holds)."""
    schema = Profile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://kzqual.example/profile.schema.json"
    return schema


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "profile"
    return f"invalid profile at {where}: {err['msg']}"


def parse_profile(data: str | bytes | dict, *, source: str = "profile") -> Profile:
    """A validated profile from JSON text or a decoded object; InputError if unusable."""
    if isinstance(data, (str, bytes)):
        data = safe_json.loads(data, source=source)
    if not isinstance(data, dict):
        raise InputError("a profile must be a JSON object", source=source)
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise InputError(_first_error(exc), source=source) from None


def load_profile(path: str | Path) -> Profile:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", source=str(p)) from None
    if not raw.strip():
        raise InputError("empty file", source=str(p))
    return parse_profile(raw, source=str(p))
