"""Education criteria read from the seeds' own wording."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kzqual.acts.model import Span
from kzqual.positions.requirements import parse_education


def test_mes_161_fields_of_study(raw):
    # 001 lines 72-74: "Жоғары: әскери іс және қауіпсіздік немесе ... гуманитарлық ғылымдар саласында"
    e = parse_education(raw("mes_161_kk", 72, 74), "kk", Span(start=72, end=74))
    assert e.level == "higher" and e.levels == ["higher"]
    assert e.fields == [
        "әскери іс және қауіпсіздік",  # "және" inside a group name is not a separator
        "техникалық ғылымдар мен технология",
        "әлеуметтік ғылымдар, экономика және бизнес",
        "жаратылыстану ғылымдары",
        "құқық",
        "гуманитарлық ғылымдар",
    ]
    assert not e.any_field and e.lines == Span(start=72, end=74)


def test_mes_161_typo_separator(raw):
    # 001 lines 288-289: "... экономика және бизнес немеес құқық саласында" (typo "немеес")
    e = parse_education(raw("mes_161_kk", 288, 289).replace("Білімі ", ""), "kk")
    assert e.fields[-1] == "құқық"
    assert "әлеуметтік ғылымдар, экономика және бизнес" in e.fields


def test_ara_9_specialties(raw):
    # 003 lines 54-56: "Гуманитарлық немесе құқықтық мамандықтар бойынша немесе саясаттану ... жоғары білім."
    e = parse_education(raw("ara_9_kk", 54, 56), "kk")
    assert e.level == "higher"
    assert e.fields == [
        "Гуманитарлық",
        "құқықтық",
        "саясаттану",
        "әлеуметтану",
        "мемлекеттік және жергілікті басқару",
        "аймақтану",
    ]


def test_mebp_75_groups_with_specialties(raw):
    # 004 lines 8228-8231: groups with specialties in parentheses, "және\n/немесе" across lines
    e = parse_education(raw("mebp_75_kk", 8228, 8231), "kk")
    assert e.fields == ["Әлеуметтік ғылымдар, экономика және бизнес", "құқық", "гуманитарлық ғылымдар"]
    assert e.field_groups[0]["group"] == "Әлеуметтік ғылымдар, экономика және бизнес"
    assert e.field_groups[0]["specialties"][:4] == ["экономика", "менеджмент", "есеп және аудит", "қаржы"]
    assert e.field_groups[1] == {"group": "құқық", "specialties": ["құқықтану", "халықаралық құқық"]}
    assert e.field_groups[2] == {"group": "гуманитарлық ғылымдар", "specialties": ["халықаралық қатынастар"]}


def test_mebp_75_group_named_education(raw):
    # 004 lines 3342-3344: "Білім (құқық және экономика негіздері), әлеуметтік ғылымдар, ..."
    e = parse_education(raw("mebp_75_kk", 3342, 3344), "kk")
    assert e.field_groups[0] == {"group": "Білім", "specialties": ["құқық және экономика негіздері"]}
    assert e.fields == ["Білім", "әлеуметтік ғылымдар, экономика және бизнес", "құқық"]
    assert e.field_groups[2]["specialties"] == ["құқтану"]  # the act's typo kept


def test_mebp_75_without_parentheses(raw):
    # 004 lines 70-71: "Әлеуметтік ғылымдар, экономика және бизнес және/немесе құқық мамандықтары ..."
    e = parse_education(raw("mebp_75_kk", 70, 71).replace("Білімі ", ""), "kk")
    assert e.fields == ["Әлеуметтік ғылымдар, экономика және бизнес", "құқық"]
    assert e.field_groups == []


def test_mebp_75_variant_spelling_of_higher(raw):
    # 004 lines 4452-4454: "... мамандықтары бойынша жоғарғы" ("жоғарғы" for "жоғары")
    e = parse_education(raw("mebp_75_kk", 4452, 4454), "kk")
    assert e.level == "higher" and "жоғарғы" not in e.fields and e.warnings == []


def test_ara_9_glued_next_cell_is_reported():
    # 003: the export glued the experience cell after "жоғары білім." (seen at line 1957)
    text = (
        "Экономика немесе есеп және аудит немесе қаржы саласындағы мамандықтары бойынша жоғары "
        "білім. Нормативтiк құқықтық актілердi мемлекеттiк тiркеу тiзiлiмiнде № 5084 болып"
    )
    e = parse_education(text, "kk")
    assert e.fields == ["Экономика", "есеп және аудит", "қаржы"]
    assert e.warnings


def test_mod_134_matching_post_field(raw):
    # 000 lines 111-112: "высшее (или послевузовское) образование по соответствующей специальности и стаж ..."
    e = parse_education(raw("mod_134_ru", 111, 112), "ru")
    assert e.levels == ["higher", "postgraduate"] and e.level == "higher"
    assert e.matching_post_field and not e.any_field and e.fields == []


def test_mod_134_any_field(raw):
    # 000 lines 174-175: "высшее (или послевузовское) образование и стаж работы в данной области ..."
    e = parse_education(raw("mod_134_ru", 174, 175), "ru")
    assert e.level == "higher" and e.any_field and not e.matching_post_field


def test_mod_134_middle_levels(raw):
    # 000 lines 327-328: "техническое и профессиональное, послесреднее образование и стаж ..."
    e = parse_education(raw("mod_134_ru", 327, 328), "ru")
    assert e.levels == ["technical_vocational", "post_secondary"]
    assert e.level == "technical_vocational"


def test_alternative_levels_kk():
    e = parse_education("жоғары немесе орта білімнен кейінгі білім", "kk")
    assert e.levels == ["post_secondary", "higher"] and e.level == "post_secondary"
    assert e.any_field and e.fields == []
    e = parse_education("жоғары оқу орнынан кейінгі білім", "kk")
    assert e.levels == ["postgraduate"]
    e = parse_education("Жоғары білім, лауазымның бейініне сәйкес", "kk")
    assert e.matching_post_field and not e.any_field


def test_empty_and_unknown():
    assert parse_education("", "kk").warnings
    e = parse_education("бірдеңе", "kk")
    assert e.level is None and e.warnings


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["kk", "ru"]))
def test_never_raises(text, lang):
    parse_education(text, lang, None)
