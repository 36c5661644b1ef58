"""Education accepted at a lower level on a condition (issue 11): adilet-2014-78721 (TUNING), post 4
"Главный специалист отдела организационно-контрольной и кадровой работы" (rus.md lines 116-127,
kaz.md lines 112-125): "Высшее образование: юриспруденция; Допускается послесреднее образование по
специальности юриспуденция, при наличии не менее одного года стажа государственной службы или не
менее двух лет стажа работы в областях, соответствующих функциональным направлениям …".
"""

from __future__ import annotations

from pathlib import Path

import pytest

try:  # tests/ may or may not be a package
    from .rules_helpers import job, profile, verdict
except ImportError:
    from rules_helpers import job, profile, verdict

from kzqual.positions import extract_file

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def posts():
    out = {}
    for lang in ("kaz", "rus"):
        x = extract_file(CORPUS / "adilet-2014-78721" / f"{lang}.md")
        out[lang] = {p.id: p for p in x.positions}
    return out


@pytest.mark.parametrize("lang, field, alt_field", [("rus", "юриспруденция", "юриспуденция"),
                                                    ("kaz", "құқықтану", "құқықтану")])
def test_the_alternative_keeps_its_level_field_and_conditions(posts, lang, field, alt_field):
    e = posts[lang]["9313-01-02"].education
    assert e.levels == ["post_secondary", "higher"] and e.fields == [field]  # every level the text accepts
    (alt,) = e.alternatives
    assert alt.levels == ["post_secondary"] and alt.fields == [alt_field]  # only on the condition; act's spelling
    assert [(a.kind, a.min_years) for a in alt.experience] == [("state_service", 1.0), ("field_of_post", 2.0)]


def test_posts_without_the_clause_have_no_alternative(posts):
    # post 1 (rus.md line 24): "Высшее образование: юриспруденция" — the field, as the Kazakh form gives it
    e = posts["rus"]["9313-n1"].education
    assert e.alternatives == [] and e.fields == ["юриспруденция"]


def _edu_status(post, prof) -> str:
    v = verdict(post, prof)

    def find(node):
        if node.label == "education" or getattr(node, "criterion", None) == "education" and not node.children:
            return node
        for c in node.children or ():
            hit = find(c)
            if hit is not None:
                return hit
        return None

    return find(v).status_name


# rus: the alternative names the specialty misspelt ("юриспуденция"), which no taxonomy entry
# matches: with the condition held the answer is undetermined, never met by a guess
@pytest.mark.parametrize("lang, with_condition", [("rus", "undetermined"), ("kaz", "met")])
def test_post_secondary_counts_only_with_its_condition(posts, lang, with_condition):
    post = posts[lang]["9313-01-02"]
    law = "юриспруденция" if lang == "rus" else "құқықтану"
    with_service = profile([("post_secondary", law)], [job("2021-01-01", "2023-12-31", state_service=True,
                                                           state_body=True)])
    without = profile([("post_secondary", law)], [])
    higher = profile([("higher", law)], [])
    assert _edu_status(post, higher) == "met"
    assert _edu_status(post, with_service) == with_condition
    assert _edu_status(post, without) == "not_met"


def test_accepted_without_a_condition_is_a_level_not_an_alternative():
    # rus.md line 1197-1198: "Высшее образование: юриспруденция; / Допускается послесреднее образование
    # по специальности юриспруденция" — no "при наличии"; kaz.md line 1193-1194: "… Құқықтану мамандығы
    # болған жағдайда ортадан кейінгі білімі барларға рұқсат етіледі." — the condition is the specialty
    from kzqual.positions.requirements import parse_education

    ru = parse_education("Высшее образование: юриспруденция; Допускается послесреднее образование по "
                         "специальности юриспруденция", "ru")
    kk = parse_education("Жоғары білім: құқықтану; Құқықтану мамандығы болған жағдайда ортадан кейінгі білімі "
                         "барларға рұқсат етіледі.", "kk")
    for e, field in ((ru, "юриспруденция"), (kk, "құқықтану")):
        assert e.levels == ["post_secondary", "higher"] and e.alternatives == [] and e.fields == [field]
        assert not e.warnings
