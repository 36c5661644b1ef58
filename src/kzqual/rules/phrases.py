"""Requirement phrase types the engine recognises in an act's words, and what it does with each.

"Never invent law" cuts both ways: the engine must not add requirements, and it must not drop one
either.  Every phrase type below is found by its words in a post's requirement text (education,
experience, grade-ladder rungs) and has a *disposition*:

* ``checked``   — the compiled rule tree has a leaf that tests it against the profile;
* ``stated``    — the profile can state it (``Profile.special_training``, ``Profile.computer_skills``);
  not stated -> ``undetermined``, naming the requirement and its lines;
* ``not_criterion`` — words that remove or do not add an eligibility condition (documented why).

:func:`covered` lists the phrase types a compiled tree handles; the compiler adds an
``undetermined`` leaf for any recognised phrase the tree would otherwise ignore (an extraction
miss), so a post's verdict can never be ``met`` while part of its text went unchecked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzqual.rules import tree as T


@dataclass(frozen=True)
class PhraseType:
    key: str
    pattern: re.Pattern[str]
    disposition: str  # checked | stated | not_criterion
    alternative: bool = False  # appears as one of the "one of the following" alternatives
    # the requirement parts whose words it is looked for in ("саласында" in an education text names
    # the field of study, not work experience)
    parts: tuple[str, ...] = ("experience", "grade")


def _rx(s: str) -> re.Pattern[str]:
    return re.compile(s, re.I)


PHRASES: tuple[PhraseType, ...] = (
    PhraseType("no_experience_required",
               _rx(r"без предъявления требований к стажу|талаптар қойылмайды|талап қойылмай"), "not_criterion"),
    PhraseType("state_service", _rx(r"мемлекеттік қызмет өтіл|стаж\w* государственн\w* служб"), "checked", True),
    # "басшылық немесе өзге лауазымдарда" is any post in state bodies, not leadership
    PhraseType("state_body_work", _rx(r"мемлекеттік органдарда басшы(?:лық)? немесе өзге лауазым"), "checked", True),
    PhraseType("leadership", _rx(r"басшы(?:лық)? лауазым|руководящ\w* должност"), "checked", True),
    PhraseType("field_work", _rx(
        r"салаларында|салаларда|саласында\b|облыстарда|облысында|в данной области|в соответствующей области"
        r"|стаж\w* работы по специальности|библиотечной работы"), "checked", True),
    PhraseType("grade_years", _rx(r"в должности инспектора"), "checked"),
    PhraseType("foreign_priority_programme", _rx(r"басым мамандықтар"), "checked", True),
    PhraseType("academy_postgraduate_state_order", _rx(r"Президенті жанындағы білім беру"), "checked", True),
    PhraseType("academic_degree", _rx(r"ғылыми дәреже|учен\w* степен"), "checked", True),
    PhraseType("typical_requirements", _rx(r"үлгі(?:лік)? біліктілік|типов\w* квалификационн"), "checked"),
    PhraseType("matching_specialty",
               _rx(r"по соответствующей специальности|тиісті мамандық|\((?:библиотечное)\)\s*образовани"), "checked",
               parts=("education", "grade")),
    PhraseType("special_training", _rx(r"специальн\w* подготовк\w* по установленн|арнайы даярлық"), "stated",
               parts=("experience", "education", "grade")),
    PhraseType("computer_skills",
               _rx(r"компьютерде\b|на компьютере|\bWord\b|ұйымдастыру техника|оргтехник"), "stated",
               parts=("experience", "education", "grade")),
)
BY_KEY = {p.key: p for p in PHRASES}
STATED_KINDS = tuple(p.key for p in PHRASES if p.disposition == "stated")

# A registration number of a referenced act: "№ 5084 тіркелген", "№ 5493 болып тіркелген".
# The compiler takes the cited acts from ``Experience.references``; this independent reading of
# the text lets the audit check that none of them was dropped.
REGISTRATION = _rx(r"№\s*(\d{3,6})\s+(?:болып\s+)?(?:тіркелген|зарегистрирован)")


def find(text: str, part: str) -> set[str]:
    """The phrase types whose words occur in ``text``, a requirement ``part`` (experience,
    education, grade)."""
    return {p.key for p in PHRASES if part in p.parts and p.pattern.search(text)}


def registrations(text: str) -> set[str]:
    return set(REGISTRATION.findall(text))


_YEARS_COVER = {
    # state service is service in state bodies: it answers "басшылық немесе өзге лауазымдарда" too
    "state_service": {"state_service", "state_body_work"}, "state_body": {"state_body_work"},
    "leadership": {"leadership"}, "leadership_state": {"leadership"}, "field": {"field_work"},
    "grade": {"grade_years"},
}


def covered(tree: T.Tree) -> set[str]:
    """The phrase types the compiled ``tree`` handles (tests or leaves undetermined)."""
    out: set[str] = set()
    if isinstance(tree, T.Node):
        if tree.label.startswith("by reference"):
            out.add("typical_requirements")
        for key, value in tree.meta:
            if key == "citation":
                out |= {f"reg:{r}" for r in re.findall(r"reg\. № (\d+)", value)}
        for c in tree.children:
            out |= covered(c)
        return out
    lg = tree.logic
    params = dict(tree.params)
    if "phrase" in params:
        out.add(params["phrase"])
    if isinstance(lg, T.Years):
        out |= _YEARS_COVER.get(lg.metric, set())
    elif isinstance(lg, T.Qualifier):
        out.add(lg.kind)
    elif isinstance(lg, T.Stated):
        out.add(lg.kind)
    elif isinstance(lg, T.Education) and lg.relevant:
        out.add("matching_specialty")
    elif tree.criterion == "reference":
        out.add("typical_requirements")
    if "citation" in params:
        out |= {f"reg:{r}" for r in re.findall(r"reg\. № (\d+)", params["citation"])}
    return out - {""}
