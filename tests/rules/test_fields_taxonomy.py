"""Education fields through the one taxonomy: kk/ru/en names, group spellings, exclusive groups,
and reasons that say which side is unknown.  Each case cites the act line it rests on."""

from __future__ import annotations

import pytest

try:  # tests/ may or may not be a package
    from .rules_helpers import profile, verdict
except ImportError:
    from rules_helpers import profile, verdict

from kzqual.acts.model import Span
from kzqual.positions.model import Education, Position
from kzqual.rules import taxonomy as tx


def edu_leaf(v):
    stack = [v]
    while stack:
        n = stack.pop()
        if not n.children and n.criterion == "education":
            return n
        stack.extend(n.children)
    raise AssertionError("no education leaf")


# MES 161 (kk-mes-2014-161.txt) l.326-327, post 9344-a1-6: "Жоғары: әскери іс және қауіпсіздік немесе
# техникалық ғылымдар мен технология саласында" — two groups named without a bracketed list.
MILITARY_OR_TECH = [
    ("құқықтану", "not_met"),  # law is its own group, not military science nor technical
    ("юриспруденция", "not_met"),  # the same specialty typed in Russian
    ("law", "not_met"),  # ... and in English
    ("әскери іс және қауіпсіздік", "met"),  # the act's own group name, typed by the person
    ("Военное дело и безопасность", "met"),  # the group in Russian
    ("military science and security", "met"),
    ("ақпараттық жүйелер", "met"),  # a specialty of technical sciences and technologies
    ("Информационные системы", "met"),
    ("техникалық ғылымдар және технологиялар", "met"),  # "… және технологиялар" is "… мен технология"
    ("технические науки и технологии", "met"),
    ("ветеринария", "undetermined"),  # not in the taxonomy: stays undetermined
]


@pytest.mark.parametrize("field,expected", MILITARY_OR_TECH)
def test_mes_161_groups_without_a_list(posts, field, expected):
    v = verdict(posts("mes_161_kk")["9344-a1-6"], profile([("higher", field)]))
    leaf = edu_leaf(v)
    assert leaf.lines == (326, 327)
    assert leaf.status_name == expected


# MES 161 l.72-74, post 9344-a1-1: military, technical, social sciences/economics/business, natural
# sciences, law or humanities.
@pytest.mark.parametrize("field,expected", [
    ("юриспруденция", "met"), ("jurisprudence", "met"), ("право", "met"), ("учёт и аудит", "met"),
    ("international relations", "met"), ("математика", "met"), ("медицина", "not_met"),
])
def test_mes_161_six_groups(posts, field, expected):
    v = verdict(posts("mes_161_kk")["9344-a1-1"], profile([("higher", field)]))
    assert edu_leaf(v).lines == (72, 74) and edu_leaf(v).status_name == expected


# MEBP 75 (kk-mebp-2014-75.txt) l.318-320, post 9219-07-1-1: "… және/немесе құқық (құқықтану) …":
# specialties listed in brackets.
@pytest.mark.parametrize("field,expected", [
    ("Юриспруденция", "met"),  # Russian name of құқықтану
    ("jurisprudence", "met"),
    ("Международное право", "not_met"),  # known, of the law group, not listed at l.320
    ("право", "undetermined"),  # only the group: which specialty is not known
    ("Маркетинг", "met"),  # l.318 "(экономика, маркетинг, …)"
])
def test_mebp_75_listed_specialties_in_three_languages(posts, field, expected):
    v = verdict(posts("mebp_75_kk")["9219-07-1-1"], profile([("higher", field)]))
    assert edu_leaf(v).status_name == expected


def test_reason_names_the_person_side_when_the_persons_specialty_is_unknown(posts):
    # l.326-327 again: the post's groups are known; the person's "ветеринария" is not
    leaf = edu_leaf(verdict(posts("mes_161_kk")["9344-a1-6"], profile([("higher", "ветеринария")])))
    assert leaf.status_name == "undetermined"
    assert "person's specialty" in leaf.reason["en"] and "человека" in leaf.reason["ru"]


def test_reason_names_the_post_side_when_the_requirements_group_is_unknown():
    # a hand-made post naming a group the taxonomy does not know; the person's law degree is known
    pos = Position(id="x-1", act_key="reg-1", title="t", lines=Span(start=1, end=5), education=Education(
        levels=["higher"], fields=["ғарыштық зерттеулер"], text="Жоғары: ғарыштық зерттеулер саласында",
        lines=Span(start=2, end=2)))
    leaf = edu_leaf(verdict(pos, profile([("higher", "құқықтану")])))
    assert leaf.status_name == "undetermined"
    assert "requirement names is not in the taxonomy (ғарыштық зерттеулер)" in leaf.reason["en"]
    assert "specialty is not given" not in leaf.reason["en"]


def test_group_only_reason(posts):
    leaf = edu_leaf(verdict(posts("mebp_75_kk")["9219-07-1-1"], profile([("higher", "право")])))
    assert leaf.reason["en"].startswith("Only the group of specialties is given")


@pytest.mark.parametrize("a,b", [
    ("техникалық ғылымдар мен технология", "Техникалық ғылымдар және технологиялар"),
    ("әлеуметтік ғылым, экономика және бизнес", "Әлеуметтік ғылымдар, экономика және бизнес"),
    ("Социальные науки, экономика и бизнес", "әлеуметтік ғылымдар, экономика және бизнес"),
    ("ауылшаруашылық ғылымдары", "ауыл шаруашылығы ғылымдары"),
    ("Учёт и аудит", "есеп пен аудит"),
])
def test_spelling_variants_are_one_key(a, b):
    tax = tx.bundled()
    assert tax.resolve(a) and tax.resolve(a) == tax.resolve(b)


@pytest.mark.parametrize("name", ["юриспруденция", "құқықтану", "law", "jurisprudence", "Правоведение"])
def test_law_in_three_languages_is_one_specialty(name):
    assert tx.bundled().resolve(name) == frozenset({"s-quqyqtanu", "g-quqyq"})


def test_code_in_cyrillic_or_latin_letters():
    tax = tx.bundled()
    assert tax.resolve(None, "5B030100") == tax.resolve(None, "5в030100") == tax.resolve("law")


def test_groups_are_exclusive():
    """A specialty belongs to one classifier group: its home group, never a second one because an
    act lists it elsewhere (l.9236 lists информатика under техникалық ғылымдар)."""
    tax = tx.bundled()
    for g in tax.groups:
        for s in g.specialties:
            homes = [h.key for h in tax.groups if any(x.key == s.key for x in h.specialties)]
            assert homes == [g.key], (s.key, homes)
    assert {k for k in tax.resolve("информатика") if k.startswith("g-")} == {"g-zharatylystanu-gylymdary"}
    law = tax.resolve("law")
    assert "g-askeri-is-zhane-qauipsizdik" not in law


def test_search_in_the_readers_language():
    tax = tx.bundled()
    hits = tax.search("юрисп", "ru")
    assert hits and hits[0]["key"] == "s-quqyqtanu" and hits[0]["name"] == "юриспруденция"
    assert hits[0]["group_name"] == "право"
    assert tax.search("юрисп", "en")[0]["name"] == "jurisprudence"
    assert {h["key"] for h in tax.search("", "kk") if h["kind"] == "group"} >= {"g-quqyq", "g-askeri-is-zhane-qauipsizdik"}


def test_bulk_screen_gives_the_per_pair_field_verdicts(posts):
    """Group-only names (``?group``), names in three languages and unknown names: the vectorised
    and columnar screens give exactly the per-pair verdicts on the posts that name fields."""
    import numpy as np

    from kzqual.rules.columnar import Builder, metric_columns
    from kzqual.rules.compile import Compiler
    from kzqual.rules.evaluate import status
    from kzqual.rules.metrics import compute_metrics
    from kzqual.rules.policy import DEFAULT
    from kzqual.rules.vector import RuleSet, columns, evaluate

    try:
        from .rules_helpers import AS_OF, job
    except ImportError:
        from rules_helpers import AS_OF, job

    tax = tx.bundled()
    pos = [posts("mes_161_kk")[k] for k in ("9344-a1-1", "9344-a1-6")] + \
        [posts("mebp_75_kk")[k] for k in ("9219-07-1-1", "9219-01-1-1")] + list(posts("ara_9_kk").values())[:5]
    rules = RuleSet.build(pos, Compiler(tax), DEFAULT)
    names = ["право", "әскери іс және қауіпсіздік", "юриспруденция", "law", "ветеринария", "information systems",
             "Маркетинг", "әлеуметтік ғылымдар, экономика және бизнес", None]
    people = [profile([("higher", n)], [job("2015-01-01", state_service=True, state_body=True)], computer_skills=True)
              for n in names]
    ms = [compute_metrics(p, AS_OF, tax.resolve) for p in people]
    ref = np.array([[status(t, m) for t in rules.trees] for m in ms], np.int8)
    assert np.array_equal(evaluate(rules, columns(ms, rules.specs), len(ms)), ref)
    b = Builder()
    for p in people:
        b.add(p)
    cols = metric_columns(b.build(), AS_OF, rules.specs, tax.resolve)
    assert np.array_equal(evaluate(rules, cols, len(ms)), ref)
    # MES 161 l.326-327 (9344-a1-6, military or technical): право, юриспруденция no; the group's own
    # name and information systems yes; ветеринария unknown
    assert [ref[i, 1] for i in range(6)] == [-1, 1, -1, -1, 0, 1]
