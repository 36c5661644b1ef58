"""Rule trees: all-of / any-of nodes over leaves, and Kleene three-valued logic.

A leaf's *logic* (``Leaf.logic``: what it tests) is separate from its *provenance* (the act's words
and lines), so identical requirements in many posts share one evaluation (:func:`signature`).
Statuses are ints so that scalar and vectorised evaluation agree: 1 met, 0 undetermined, -1 not met;
all-of = min, any-of = max.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MET, UNDETERMINED, NOT_MET = 1, 0, -1
STATUS_NAME = {MET: "met", UNDETERMINED: "undetermined", NOT_MET: "not_met"}


@dataclass(frozen=True, slots=True)
class Education:
    ranks: frozenset[int]  # accepted LEVEL_RANKs
    targets: frozenset[str] | None  # accepted taxonomy keys; None = no field constraint
    relevant: bool = False  # "по соответствующей специальности": a field is required but not named
    # Some accepted group/specialty is unknown to the taxonomy, so a known specialty outside the
    # known targets may still belong to it: undetermined rather than not_met.
    open_targets: bool = False
    # "?group" keys: a person who named only that group (not which specialty) while the requirement
    # lists specialties of it is undetermined, not "not met".
    partial: frozenset[str] = frozenset()
    unknown: tuple[str, ...] = ()  # the requirement's names the taxonomy does not know (for the reason)


@dataclass(frozen=True, slots=True)
class Years:
    metric: str  # work | state_service | state_body | leadership | leadership_state | field | grade
    min_years: float
    key: str | None = None  # field key (metric=field) or grade key (metric=grade)
    # "оның ішінде" / "в том числе": the years count only within the enclosing years' periods,
    # given as that leaf's (metric, key) ("4 years in the field, of which 2 in leadership posts":
    # leadership periods that are also in the field).  None = anywhere.
    within: tuple[str, str | None] | None = None
    # metric=grade: the stem of the post the grade must be held in ("в должности инспектора второй
    # категории" -> "инспектор"); None = any post.
    post: str | None = None


@dataclass(frozen=True, slots=True)
class Qualifier:
    kind: str  # foreign_priority_programme | academy_postgraduate_state_order | academic_degree
    # For the two study qualifiers: the education ranks (LEVEL_RANK) whose entry, flagged, meets
    # it (None = any level); a flagged entry at a rank in ``open_levels`` gives undetermined (the
    # act names no programme level and the kind alone does not settle it).
    levels: frozenset[int] | None = None
    open_levels: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Stated:
    """A requirement only the person can state (special training, computer skills): the profile's
    answer decides; not stated -> undetermined."""

    kind: str  # a Profile field: special_training | computer_skills


@dataclass(frozen=True, slots=True)
class Fixed:
    """A leaf whose status the act's text fixes (no experience required) or leaves open."""

    status: int
    reason: str  # message key


Logic = Education | Years | Qualifier | Stated | Fixed


@dataclass(frozen=True, slots=True)
class Leaf:
    logic: Logic
    criterion: str  # education | experience | grade | qualifier | reference
    text: str = ""  # the act's words it rests on
    act_key: str = ""
    lines: tuple[int, int] | None = None
    params: tuple[tuple[str, str], ...] = ()  # extra message parameters (citation...)


@dataclass(frozen=True, slots=True)
class Node:
    op: str  # "all" | "any"
    children: tuple[Leaf | Node, ...]
    label: str = ""  # what the node is: "experience", "alternative 2", "rung higher_qualification/first"
    lines: tuple[int, int] | None = None
    meta: tuple[tuple[str, str], ...] = field(default=())


Tree = Leaf | Node


def signature(tree: Tree) -> tuple:
    """The hashable logic of a tree, without provenance."""
    if isinstance(tree, Leaf):
        return ("L", tree.logic)
    return (tree.op, tuple(signature(c) for c in tree.children))


def kleene_all(values) -> int:
    out = MET
    for v in values:
        if v < out:
            out = v
            if out == NOT_MET:
                break
    return out


def kleene_any(values) -> int:
    out = NOT_MET
    for v in values:
        if v > out:
            out = v
            if out == MET:
                break
    return out
