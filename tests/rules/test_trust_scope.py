"""Conditions keep their scope (issue 12): cases read from the bundled acts, each citing its lines.

A false "met" is the worst error: an alternative split from an item keeps every condition of the
item (the programme level its study is named at, a "… жағдайда" condition, "оның ішінде" years
counted within the item's own years), and a fact the profile does not state gives undetermined.
Posts are the real extractions; dates are counted to 2024-01-01.
"""

from __future__ import annotations

import pytest

try:  # tests/ may or may not be a package
    from .rules_helpers import job, profile, verdict
except ImportError:
    from rules_helpers import job, profile, verdict

SS = {"state_service": True, "state_body": True}


def part(v, label: str):
    """The node of an explained verdict with ``label`` (depth-first)."""
    if v.label == label:
        return v
    for c in v.children:
        hit = part(c, label)
        if hit is not None:
            return hit
    return None


def exp_status(pos, prof, **kw) -> str:
    return part(verdict(pos, prof, **kw), "experience").status_name


def edu(level: str, **flags) -> dict:
    return {"level": level, "field": "экономика", **flags}


ABROAD = {"foreign_priority_programme": True}
ACADEMY = {"academy_state_order": True}

# (act lines, post id, education entries, work, expected status of the experience criterion)
MES_STUDY = [
    # l.6563-6566 (С-R-1): "3) жоғары оқу орындарынан кейінгі оқу бағдарламалары бойынша … Президенті
    # жанындағы … мемлекеттік тапсырыс негізінде немесе шетелдің жоғары оқу орындарында … басым
    # мамандықтар бойынша оқуды аяқтаған": postgraduate study on both paths.  A bachelor's abroad
    # with no work is not it (the false "met").
    ((6563, 6566), "9344-a2-48", [edu("higher", **ABROAD)], [], "not_met"),
    ((6563, 6566), "9344-a2-48", [edu("higher"), edu("postgraduate", **ABROAD)], [], "met"),
    ((6563, 6566), "9344-a2-48", [edu("higher", **ACADEMY)], [], "not_met"),
    ((6563, 6566), "9344-a2-48", [edu("higher"), edu("postgraduate", **ACADEMY)], [], "met"),
    # l.271-274 (Бас сарапшы, С-4): "2) жоғары және жоғары оқу орындарынан кейінгі оқу бағдарламалары
    # бойынша … Президенті жанындағы … мемлекеттік тапсырыс негізінде немесе шетелдің …": the Academy
    # on a bachelor's entry counts here.
    ((271, 274), "9344-a1-4", [edu("higher", **ACADEMY)], [], "met"),
    ((271, 274), "9344-a1-4", [edu("higher", **ABROAD)], [], "met"),
    # l.1665-1670: the level stands at the item's end ("… басым мамандықтар бойынша жоғары оқу
    # орынанан кейінгі бағдарламалар бойынша оқуды аяқтауы", the act's typo) and binds both paths.
    ((1665, 1670), "9344-a1-33", [edu("higher", **ABROAD)], [], "not_met"),
    ((1665, 1670), "9344-a1-33", [edu("postgraduate", **ABROAD)], [], "met"),
    # l.101-103 (Министрдің көмекшісі, С-3): "2) жоғары оқу бағдарламалары бойынша шетелдің … басым
    # мамандықтар бойынша оқуды аяқтаған жағдайда мемлекеттік қызмет өтілі бір жылдан кем емес":
    # the condition AND one year of state service.
    ((101, 103), "9344-a1-1", [edu("higher", **ABROAD)], [], "not_met"),
    ((101, 103), "9344-a1-1", [edu("higher", **ABROAD)], [job("2022-06-01", "2023-12-31", **SS)], "met"),
    ((101, 103), "9344-a1-1", [edu("higher")], [job("2022-06-01", "2023-12-31", **SS)], "not_met"),
]


@pytest.mark.parametrize("lines,pid,education,work,expected", MES_STUDY)
def test_study_qualifiers_keep_the_programme_level(posts, lines, pid, education, work, expected):
    pos = posts("mes_161_kk")[pid]
    assert pos.experience.lines.start <= lines[0] <= pos.experience.lines.end
    assert exp_status(pos, profile(education, work)) == expected


def test_higher_programme_abroad_is_not_a_masters(posts):
    """l.101-103, alternative 2 names study "жоғары оқу бағдарламалары бойынша" (higher-education
    programmes): a master's abroad alone is postgraduate study, which this alternative does not
    name (the person meets alternative 5, l.109-113, instead)."""
    pos = posts("mes_161_kk")["9344-a1-1"]
    prof = profile([edu("higher"), edu("postgraduate", **ABROAD)], [job("2022-06-01", "2023-12-31", **SS)])
    v = verdict(pos, prof)
    assert part(v, "alternative 2").status_name == "not_met"
    assert part(v, "alternative 6").status_name == "met"  # item 5) split: Academy (5), abroad (6)


def test_each_split_qualifier_carries_the_items_level(posts):
    """l.6563-6566: the item is split into two alternatives (Academy / abroad); both carry the
    postgraduate level named once at the item's head."""
    pos = posts("mes_161_kk")["9344-a2-48"]
    study = [q for a in pos.experience.alternatives for q in a.qualifiers
             if q.kind in ("foreign_priority_programme", "academy_postgraduate_state_order")]
    assert {q.kind for q in study} == {"foreign_priority_programme", "academy_postgraduate_state_order"}
    assert all(q.levels == ["postgraduate"] for q in study)


def test_academy_with_no_level_named_is_undetermined_on_a_bachelors_entry(posts):
    """l.1309-1313: "… оның ішінде Қазақстан Республикасының Президенті жанындағы білім беру
    ұйымдарында мемлекеттік тапсырыс негізінде немесе шетелдің … жоғары оқу орнын аяқтағаннан кейін
    …" names no programme level: the Academy on a bachelor's entry is neither met nor refused."""
    from kzqual.positions.requirements import parse_experience
    from kzqual.rules.compile import qualifier_logic
    from kzqual.rules.evaluate import qualifier_status
    from kzqual.rules import tree as T

    text = ("мемлекеттік қызмет өтілі үш жылдан кем емес, оның ішінде Қазақстан Республикасының Президенті "
            "жанындағы білім беру ұйымдарында мемлекеттік тапсырыс негізінде немесе шетелдің жоғары оқу орындарында "
            "Шетелде кадрлар даярлау жөніндегі республикалық комиссия бекітетін басым мамандықтар бойынша жоғары оқу "
            "орнын аяқтағаннан кейін мемлекеттік органдарда басшылық немесе өзге лауазымдарда бір жылдан кем емес")
    exp = parse_experience(text, "kk")
    acad = [q for a in exp.alternatives for q in a.qualifiers if q.kind == "academy_postgraduate_state_order"]
    assert acad and acad[0].levels is None
    logic = qualifier_logic(acad[0].kind, acad[0].levels)
    assert qualifier_status(logic, 1 << 3) == T.UNDETERMINED  # higher
    assert qualifier_status(logic, 1 << 4) == T.MET  # postgraduate
    assert qualifier_status(logic, 0) == T.NOT_MET


def test_a_condition_clause_binds_the_pieces_split_after_it():
    """An item "X аяқтаған жағдайда A … немесе B …" split at "немесе" keeps the condition on B too;
    a condition the reader cannot classify keeps the alternative undetermined, with a warning
    naming the words and lines."""
    from datetime import date

    from kzqual.acts.model import Span
    from kzqual.positions.model import Position
    from kzqual.positions.requirements import parse_experience
    from kzqual.rules import taxonomy as tx
    from kzqual.rules import tree as T
    from kzqual.rules.compile import Compiler
    from kzqual.rules.evaluate import status
    from kzqual.rules.metrics import compute_metrics

    exp = parse_experience("шетелдің жоғары оқу орындарында басым мамандықтар бойынша оқуды аяқтаған жағдайда "
                           "мемлекеттік қызмет өтілі бір жылдан кем емес немесе жұмыс өтілі екі жылдан кем емес", "kk")
    assert len(exp.alternatives) == 2
    assert all(any(q.kind == "foreign_priority_programme" for q in a.qualifiers) for a in exp.alternatives)
    odd = parse_experience("1) мемлекеттік қызмет өтілі үш жылдан кем емес; 2) әскери қызметтен өткен жағдайда "
                           "мемлекеттік қызмет өтілі бір жылдан кем емес", "kk", Span(start=40, end=41))
    second = odd.alternatives[1]
    assert [q.kind for q in second.qualifiers] == ["other"]
    assert any(w.code == "condition_not_read" and "әскери қызметтен" in w.message and w.lines.start == 40
               for w in odd.warnings)
    # the alternative it guards is never met, whatever the profile holds
    tax = tx.bundled()
    pos = Position.model_construct(department=None, title="x")
    alt = Compiler(tax)._alternative(2, second, pos, "act")
    rich = profile([edu("postgraduate", **ABROAD, **ACADEMY)], [job("2000-01-01", None, **SS)], degree="PhD")
    assert status(alt, compute_metrics(rich, date(2024, 1, 1), tax.resolve)) == T.UNDETERMINED


# ------------------------------------------------------------------ "оның ішінде": years within years
def _field_job(start, end, **flags):
    return job(start, end, field="Хатшылық", **flags)  # 9344-a1-1 is in the department "Хатшылық"


def test_leadership_years_count_only_within_the_field_years(posts):
    """l.107-108 (9344-a1-1, alternative 4): "осы санаттағы нақты лауазымның функционалдық
    бағыттарына сәйкес облыстарда жұмыс өтілі төрт жылдан кем емес, оның ішінде басшылық
    лауазымдарда екі жылдан кем емес": the two leadership years are part of the four field years.
    With the profile's field tags counted (policy), leadership elsewhere does not count."""
    from kzqual.rules.policy import Policy

    pos = posts("mes_161_kk")["9344-a1-1"]
    tags = Policy(field_tags_count="yes")
    elsewhere = profile([edu("higher")], [_field_job("2019-01-01", "2023-12-31"),
                                          job("2010-01-01", "2013-12-31", leadership=True)])
    v = verdict(pos, elsewhere, policy=tags)
    assert part(v, "alternative 4").status_name == "not_met"  # was met: leadership anywhere counted
    inside = profile([edu("higher")], [_field_job("2019-01-01", "2020-12-31"),
                                       _field_job("2021-01-01", "2023-12-31", leadership=True)])
    assert part(verdict(pos, inside, policy=tags), "alternative 4").status_name == "met"
    # field tags not counted (default policy): the field part is unknown, so leadership within it is
    # undetermined when the leadership years could be there, not met when there are not enough at all
    assert part(verdict(pos, inside), "alternative 4").status_name == "undetermined"
    short = profile([edu("higher")], [_field_job("2016-01-01", "2023-12-31"),
                                      job("2023-01-01", "2023-12-31", leadership=True)])
    assert part(verdict(pos, short), "alternative 4").status_name == "not_met"


def test_subcondition_is_scoped_in_the_tree(posts, taxonomy):
    """The compiled leaf of "оның ішінде басшылық лауазымдарда" names the field years it lies within."""
    from kzqual.rules import tree as T
    from kzqual.rules.compile import Compiler

    tree = Compiler(taxonomy).compile(posts("mes_161_kk")["9344-a1-1"])
    exp = next(k for k in tree.children if isinstance(k, T.Node) and k.label == "experience")
    alt4 = next(a for a in exp.children if a.label == "alternative 4")
    main, sub = alt4.children[0].logic, alt4.children[1].logic
    assert main.metric == "field" and sub.metric == "leadership" and sub.within == ("field", main.key)


# ------------------------------------------------------------------ grade ladders: the post named
LADDER_POST = "15125-g2-p1"  # MoD order 134, Инспектор по учету мобилизационных ресурсов, p.12 l.316-335
HIGHER_EDU = [{"level": "higher", "field": "экономика"}]
MIDDLE_EDU = [{"level": "technical_vocational", "field": "экономика"}]


def _rung(pos, prof, label):
    return part(verdict(pos, prof), f"rung {label}").status_name


@pytest.mark.parametrize("post,grade,expected", [
    # l.320-321 "первой категории: высшее (или послевузовское) образование и стаж работы в должности
    # инспектора второй категории не менее 2 лет": 2.5 years as an accountant of the second
    # category are not years as an inspector (the false "met")
    ("", "бухгалтер второй категории", "not_met"),
    ("бухгалтер", "второй категории", "not_met"),
    ("инспектор", "второй категории", "met"),
    ("", "инспектор второй категории", "met"),
    ("Инспектор по учету", "второй категории", "met"),
    # an inspector period with no grade stated: the years may be in the second category — unknown,
    # never "not met"
    ("инспектор", None, "undetermined"),
    # neither post nor grade stated: unknown too
    ("", None, "undetermined"),
    # a known other post with no grade: those years cannot be in the inspector post
    ("бухгалтер", None, "not_met"),
    # "старший инспектор": whether a senior inspector's post is "должность инспектора" the words
    # do not settle
    ("старший инспектор", "второй категории", "undetermined"),
])
def test_grade_years_count_only_in_the_post_named(posts, post, grade, expected):
    pos = posts("mod_134_ru")[LADDER_POST]
    assert pos.grades[0].lines.start <= 320 and pos.lines.end >= 335
    prof = profile(HIGHER_EDU, [job("2021-07-01", "2023-12-31", post=post, grade=grade)])  # 2.5 years
    assert _rung(pos, prof, "higher_qualification/first") == expected


@pytest.mark.parametrize("post,grade,expected", [
    # l.334-335 "второй категории: техническое и профессиональное, послесреднее образование и стаж
    # работы в должности инспектора не менее 1 года": the inspector post, whatever its grade
    ("инспектор", None, "met"),
    ("инспектор", "первой категории", "met"),
    ("бухгалтер", "второй категории", "not_met"),
    ("", None, "undetermined"),
])
def test_years_in_the_post_without_a_grade(posts, post, grade, expected):
    pos = posts("mod_134_ru")[LADDER_POST]
    prof = profile(MIDDLE_EDU, [job("2022-07-01", "2023-12-31", post=post, grade=grade)])  # 1.5 years
    assert _rung(pos, prof, "middle_qualification/second") == expected
