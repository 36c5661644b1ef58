"""The grade ladder of 000's "Требования к квалификации"."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kzqual.acts.model import Span
from kzqual.positions.requirements import parse_grades


def _rows(grades):
    return [(g.level, g.grade, g.education_level, g.min_years, g.in_grade, g.experience_kind) for g in grades]


def test_mod_134_point_12_ladder(raw):
    # 000 lines 316-338: "1) специалист высшего уровня квалификации: высшей категории: ... не менее 3 лет; ..."
    grades = parse_grades(raw("mod_134_ru", 316, 339), "ru", Span(start=316, end=339))
    assert _rows(grades) == [
        ("higher_qualification", "highest", "higher", 3, "first", "lower_grade"),
        ("higher_qualification", "first", "higher", 2, "second", "lower_grade"),
        # line 322: the act's "образованиеи стаж" (glued) still reads
        ("higher_qualification", "second", "higher", 1, "none", "lower_grade"),
        ("higher_qualification", "none", "higher", None, None, None),  # "без предъявления требований к стажу"
        ("middle_qualification", "highest", "technical_vocational", 3, "first", "lower_grade"),
        ("middle_qualification", "first", "technical_vocational", 2, "second", "lower_grade"),
        # line 335: "в должности инспектора не менее 1 года" names no grade
        ("middle_qualification", "second", "technical_vocational", 1, None, "other"),
        ("middle_qualification", "none", "technical_vocational", None, None, None),
    ]
    assert all(g.lines == Span(start=316, end=339) for g in grades)
    assert "Сноска" not in grades[-1].text  # the editorial note is not a requirement


def test_mod_134_point_3_single_rung(raw):
    # 000 lines 110-112: no ladder: one rung, field years, block code (А3-2-1)
    (g,) = parse_grades(raw("mod_134_ru", 110, 112), "ru")
    assert (g.level, g.grade, g.education_level, g.min_years, g.experience_kind, g.category) == (
        "any",
        "none",
        "higher",
        5,
        "field_of_post",
        "A3-2-1",
    )


def test_mod_134_point_9_sub_posts(raw):
    # 000 lines 234-240: "1) руководитель отдела ... (А3-3); 2) руководитель группы ... (А3-3-1)."
    grades = parse_grades(raw("mod_134_ru", 234, 240), "ru")
    assert [(g.post, g.category, g.min_years) for g in grades] == [
        ("руководитель отдела, службы управления и отдела по делам обороны", "A3-3", 5),
        ("руководитель группы, отделения управления и отдела по делам обороны", "A3-3-1", 5),
    ]


def test_mod_134_point_30_levels_without_grades(raw):
    # 000 lines 809-816: (С2) higher without experience; (С3) secondary vocational OR general + training
    grades = parse_grades(raw("mod_134_ru", 809, 816), "ru")
    assert [(g.level, g.category, g.education_level, g.min_years) for g in grades] == [
        ("higher_qualification", "C2", "higher", None),
        ("middle_qualification", "C3", "technical_vocational", None),
        ("middle_qualification", "C3", "general_secondary", None),
    ]


def test_mod_134_point_33_alternatives_within_a_level(raw):
    # 000 lines 885-892: "высшее профессиональное ... не менее 1 года или среднее профессиональное ...
    # не менее 3 лет" — two rungs of the same level are any-of
    grades = parse_grades(raw("mod_134_ru", 885, 892), "ru")
    c2 = [g for g in grades if g.category == "C2"]
    assert [(g.education_level, g.min_years) for g in c2] == [("higher", 1), ("technical_vocational", 3)]


def test_empty():
    assert parse_grades("", "ru") == []


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["kk", "ru"]))
def test_never_raises(text, lang):
    parse_grades(text, lang)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["1)", "2)", "специалист высшего уровня квалификации", "(С2):", "высшей категории:", "без категории:",
             "высшее", "или", "не менее", "3 лет", ";", "(", ")", "в должности"]
        ),
        max_size=25,
    )
)
def test_never_raises_on_shuffled_vocabulary(words):
    parse_grades(" ".join(words), "ru")
