"""Explicit policy settings for questions the acts leave open.

Every default is the cautious one (``undetermined``); a verdict decided by a policy names it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal

from kzqual.errors import InputError

Tri = Literal["undetermined", "yes", "no"]


@dataclass(frozen=True, slots=True)
class Policy:
    # Does time served in a higher grade/category count toward a rung that names a lower one?
    higher_grade_counts: Tri = "undetermined"
    # Is "work in the field of the post" shown by the profile's own tagging of its work entries
    # (WorkEntry.field equal to the post's field, department or title)?  "no" = never decided by
    # tags: the criterion is undetermined unless total work is already too short.
    field_tags_count: Tri = "undetermined"
    # Does an education above the accepted levels (higher for a post asking technical and
    # vocational) satisfy the requirement?  ("postgraduate" always implies "higher": that is not
    # a policy question, a master's or doctorate is entered from a higher education.)
    education_above_counts: Tri = "undetermined"

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


DEFAULT = Policy()


def parse_policy(items: list[str] | tuple[str, ...]) -> Policy:
    """``["higher_grade_counts=yes", ...]`` -> Policy; InputError on a bad name or value."""
    values: dict[str, str] = {}
    names = {f.name for f in fields(Policy)}
    for item in items:
        name, _, value = item.partition("=")
        if name not in names:
            raise InputError(f"unknown policy {name!r} (known: {', '.join(sorted(names))})", source="--policy")
        if value not in ("undetermined", "yes", "no"):
            raise InputError(f"policy {name} must be undetermined, yes or no, not {value!r}", source="--policy")
        values[name] = value
    return Policy(**values)
