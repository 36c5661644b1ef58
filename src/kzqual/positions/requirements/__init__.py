"""Requirement parsing: one criterion's text -> structured data.

Pure functions that never raise on odd text (what they cannot read becomes a warning on the
returned model).  The segmentation layer (:mod:`kzqual.positions.build`) calls them per criterion::

    words_to_number(text, lang) -> float | None
    find_years(text, lang) -> list[YearsMatch]
    canonical_category(raw) -> str | None
    expand_numbers(raw) -> list[str]            # expand_numbers_with_warnings for the warnings
    parse_education(text, lang, span) -> Education
    parse_experience(text, lang, span) -> Experience
    parse_grades(text, lang, span) -> list[Grade]
    parse_competence(text, lang, span, known_titles=None) -> Competence
    parse_duties(text, lang) -> list[str]
"""

from kzqual.positions.requirements.codes import (
    canonical_category,
    expand_numbers,
    expand_numbers_with_warnings,
)
from kzqual.positions.requirements.competence import collect_titles, is_damaged, parse_competence
from kzqual.positions.requirements.duties import parse_duties
from kzqual.positions.requirements.education import parse_education
from kzqual.positions.requirements.experience import parse_experience
from kzqual.positions.requirements.grades import parse_grades
from kzqual.positions.requirements.numbers import YearsMatch, find_years, words_to_number
from kzqual.positions.requirements.refs import find_reference

__all__ = [
    "YearsMatch",
    "canonical_category",
    "collect_titles",
    "expand_numbers",
    "expand_numbers_with_warnings",
    "find_reference",
    "find_years",
    "is_damaged",
    "parse_competence",
    "parse_duties",
    "parse_education",
    "parse_experience",
    "parse_grades",
    "words_to_number",
]
