"""Experience criteria: explicit alternatives (001), references (003, 004), Russian wording (000)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kzqual.acts.model import Span
from kzqual.bundled import acts_dir
from kzqual.positions.requirements import parse_experience
from seedcells import experience_cells


def _summary(e):
    return [
        (a.label, a.kind, a.min_years, [(c.kind, c.min_years) for c in a.conditions], [q.kind for q in a.qualifiers])
        for a in e.alternatives
    ]


def test_mes_161_first_post_alternatives(raw):
    # 001 lines 100-115: the six items of "келесі талаптардың біріне сәйкес болуы тиіс"
    e = parse_experience(raw("mes_161_kk", 100, 115), "kk", Span(start=100, end=115))
    assert e.required and e.reference is None and e.warnings == []
    assert _summary(e) == [
        ("1)", "state_service", 3, [], []),
        ("2)", "state_service", 1, [], ["foreign_priority_programme"]),
        ("3)", "state_service", 2, [], []),  # "мемлекеттік органдарда басшылық немесе өзге лауазымдарда"
        ("4)", "field_of_post", 4, [("leadership_state", 2)], []),  # "оның ішінде басшылық лауазымдарда"
        ("5)", "other", None, [], ["academy_postgraduate_state_order"]),  # Academy ... немесе
        ("5)", "other", None, [], ["foreign_priority_programme"]),  # ... foreign priority programme
        ("6)", "other", None, [], ["academic_degree"]),
    ]
    assert all(a.lines == Span(start=100, end=115) for a in e.alternatives)


def test_mes_161_spaced_and_subconditions(raw):
    # 001 lines 1297-1315: sub-conditions, letter-spaced years, a degree that shortens field years
    e = parse_experience(raw("mes_161_kk", 1297, 1315), "kk")
    s = _summary(e)
    assert s[0] == ("1)", "state_service", 5, [("state_service", 1)], [])  # "басшы немесе өзге"
    assert s[1] == ("2)", "state_service", 4, [("state_service", 1)], ["foreign_priority_programme"])
    assert s[2] == ("3)", "state_service", 3, [], [])  # "ж ы л д а н  к е м  е м е с"
    assert s[3][:3] == ("4)", "field_of_post", 6) and s[3][3] == [("other", 2)]  # heads of organisations
    assert s[-1] == ("6)", "field_of_post", 3, [], ["academic_degree"])


def test_mes_161_two_requirements_in_one_item(raw):
    # 001 lines 1357-1358: "... екі жылдан кем емес не осы санаттағы ... үш жылдан кем емес;"
    e = parse_experience(raw("mes_161_kk", 1356, 1358), "kk")
    assert [(a.label, a.kind, a.min_years) for a in e.alternatives] == [
        ("1)", "state_service", 2),
        ("1)", "field_of_post", 3),
    ] or [(a.kind, a.min_years) for a in e.alternatives] == [("state_service", 2), ("field_of_post", 3)]


def test_mes_161_or_with_comma(raw):
    # 001 lines 5330-5331: "... екі жылдан кем емес, немесе мемлекеттік органдарда басшылық немесе өзге ..."
    e = parse_experience(raw("mes_161_kk", 5328, 5334), "kk")
    assert [(a.kind, a.min_years) for a in e.alternatives[:2]] == [("state_service", 2), ("state_service", 1)]


def test_mes_161_three_qualifiers_or(raw):
    # 001 lines 4410-4414: "... мемлекеттік тапсырыс негізінде немесе шетелдің ... оқуды аяқтаған немесе
    # ғылыми дәрежесі болған жағдайда мемлекеттік қызмет өтілі бір жылдан кем емес;"
    e = parse_experience(raw("mes_161_kk", 4408, 4418), "kk")
    item2 = [a for a in e.alternatives if a.label == "2)"]
    assert [(a.kind, a.min_years) for a in item2] == [("state_service", 1)] * 3
    assert [a.qualifiers[0].kind for a in item2] == [
        "academy_postgraduate_state_order",
        "foreign_priority_programme",
        "academic_degree",
    ]


def test_mes_161_named_field(raw):
    # 001 lines 6026-6027: "қаржы-экономикалық қызмет саласында жұмыс өтілі үш жылдан кем емес, оның
    # ішінде басшылық лауазымдарда б ір  жылдан кем емес;"
    e = parse_experience(raw("mes_161_kk", 6022, 6030), "kk")
    a = [x for x in e.alternatives if x.label == "3)"][0]
    assert (a.kind, a.field, a.min_years) == ("field_of_post", "қаржы-экономикалық қызмет", 3)
    assert [(c.kind, c.min_years) for c in a.conditions] == [("leadership_state", 1)]


def test_mes_161_named_field_in_bodies(raw):
    # 001 line 6326: "2) режимдік-құпия органдарда жұмыс өтілі екі жылдан кем емес;"
    e = parse_experience(raw("mes_161_kk", 6324, 6330), "kk")
    a = [x for x in e.alternatives if x.label == "2)"][0]
    assert (a.kind, a.field, a.min_years) == ("field_of_post", "режимдік-құпия", 2)


def test_mes_161_list_continued_after_page_break(raw):
    # 001 lines 3210-3219: the cell begins at item "3)" (items 1-2 printed before the label)
    e = parse_experience(raw("mes_161_kk", 3210, 3219), "kk")
    assert [(a.label, a.kind, a.min_years) for a in e.alternatives][:2] == [
        ("3)", "state_service", 2),
        ("4)", "field_of_post", 4),
    ]
    assert any(w.code == "list_starts_late" and w.params["item"] == "3)" for w in e.warnings)


def test_mes_161_named_field_with_commas(raw):
    # 001 lines 4534-4535 and 4937: a list of fields before "саласында"/"облысында"
    e = parse_experience("1) мемлекеттік қызмет өтілі бір жылдан кем емес;\n" + raw("mes_161_kk", 4534, 4535), "kk")
    assert e.alternatives[1].field.startswith("құқықтану, экономика, менеджмент")
    assert e.alternatives[1].field.endswith("әлемдік экономика")
    e = parse_experience("1) мемлекеттік қызмет өтілі бір жылдан кем емес;\n" + raw("mes_161_kk", 4937, 4937), "kk")
    assert e.alternatives[1].field == "ақпаратты талдау, жинау және қорыту"


def test_mes_161_no_experience_computer_skills(raw):
    # 001 lines 309-310: the cell only asks for computer skills
    e = parse_experience(raw("mes_161_kk", 309, 310).replace("Практикалық тәжірибесі", ""), "kk")
    assert e.required is False and e.alternatives == []


def test_mes_161_explicitly_not_required(raw):
    # 001 line 7101: "Жоғары білімі болғанда практикалық жұмыс тәжірибесіне талаптар қойылмайды."
    e = parse_experience(raw("mes_161_kk", 7101, 7102).replace("Практикалық тәжірибесі", ""), "kk")
    assert e.required is False


def test_ara_9_reference_to_typical_requirements(raw):
    # 003 lines 59-63: "... тiзiлiмiнде № 5084 болып тіркелген ... 2008 жылғы 9 қаңтардағы № 02-01-02/5 ..."
    e = parse_experience(raw("ara_9_kk", 59, 63), "kk", Span(start=59, end=63))
    assert e.required and e.alternatives == []
    ref = e.reference
    assert (ref.number, ref.date, ref.registration_number, ref.act_type) == ("02-01-02/5", "2008-01-09", "5084", "order")
    assert ref.lines == Span(start=59, end=63)


def test_mebp_75_reference_with_registration_date(raw):
    # 004 lines 142-146: the registration date "2008 жылғы 10 қаңтарда № 5084 тіркелген" comes first
    e = parse_experience(raw("mebp_75_kk", 142, 146), "kk")
    ref = e.reference
    assert (ref.number, ref.date, ref.registration_number) == ("02-01-02/5", "2008-01-09", "5084")
    assert e.alternatives == []  # never guessed from the typical requirements


def test_mod_134_russian_field_years(raw):
    # 000 lines 111-112: "... и стаж работы в данной области не менее 5 лет (А3-2-1)."
    e = parse_experience(raw("mod_134_ru", 111, 112), "ru")
    assert [(a.kind, a.min_years) for a in e.alternatives] == [("field_of_post", 5)]


def test_mod_134_grade_ladder_defers_to_grades(raw):
    # 000 lines 316-338: the ladder; the entry grade ("без категории") needs no experience
    e = parse_experience(raw("mod_134_ru", 316, 338), "ru")
    assert e.required is False and e.alternatives == [] and e.warnings


def test_russian_forms():
    e = parse_experience("стаж работы по специальности не менее 5 лет", "ru")
    assert [(a.kind, a.min_years) for a in e.alternatives] == [("field_of_post", 5)]
    e = parse_experience(
        "стаж государственной службы не менее трех лет, в том числе не менее 2 лет на руководящих должностях",
        "ru",
    )
    assert _summary(e) == [(None, "state_service", 3, [("leadership_state", 2)], [])]
    e = parse_experience("стаж работы в государственных органах не менее 2 лет", "ru")
    assert [(a.kind, a.min_years) for a in e.alternatives] == [("state_service", 2)]
    e = parse_experience("стаж работы на руководящих должностях не менее одного года", "ru")
    assert [(a.kind, a.min_years) for a in e.alternatives] == [("leadership_state", 1)]
    e = parse_experience("мемлекеттік органдарда жұмыс өтілі екі жылдан кем емес", "kk")
    assert [(a.kind, a.field) for a in e.alternatives] == [("state_service", None)]
    assert parse_experience("не требуется", "ru").required is False
    assert parse_experience("", "kk").required is False
    assert parse_experience("талап етілмейді", "kk").required is False


def test_unreadable_years_are_not_guessed():
    e = parse_experience("мемлекеттік қызмет өтілі бірнеше жыл", "kk")
    assert e.required and e.alternatives == [] and e.warnings


def test_survey_mes_161_every_experience_cell():
    """Every experience cell of 001: either no experience or ≥1 alternative with years.

    README: 81 tables list alternatives, 71 require none (152 posts).
    """
    cells = experience_cells(acts_dir() / "kk-mes-2014-161.txt")
    with_alternatives = without = 0
    for line, text in cells:
        e = parse_experience(text, "kk", Span(start=line, end=line))
        if not e.required:
            without += 1
            assert e.alternatives == [], line
        else:
            assert any(a.min_years for a in e.alternatives), line
            with_alternatives += 1
    assert (with_alternatives, without) == (81, 71)


def test_survey_reference_acts():
    """003 and 004 state experience only by reference: every cell reads the same ActRef."""
    for name, label in (("kk-ara-2014-9.txt", "Тәжірибесі"), ("kk-mebp-2014-75.txt", "тәжірибесі")):
        lines = (acts_dir() / name).read_text(encoding="utf-8").split("\n")
        refs = 0
        for i, line in enumerate(lines):
            if line.strip() == label:
                # a crude window: part of a cell may sit before its label or after a page break
                text = "\n".join(lines[i + 1 : i + 8])
                e = parse_experience(text, "kk")
                assert (e.reference is not None) == ("үлгі" in text), i + 1
                if e.reference is None:
                    continue
                refs += 1
                assert e.alternatives == [] and e.required
                if "02-01-02/5" in text:
                    assert (e.reference.number, e.reference.date) == ("02-01-02/5", "2008-01-09"), i + 1
                else:
                    assert e.reference.number is None  # not guessed
                if "№ 5084" in text:
                    assert e.reference.registration_number == "5084", i + 1
        assert refs == {"kk-ara-2014-9.txt": 41, "kk-mebp-2014-75.txt": 511}[name]  # label-found windows


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["kk", "ru"]))
def test_never_raises(text, lang):
    parse_experience(text, lang, None)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["1)", "2)", "немесе", "не", "оның ішінде", "жылдан кем емес", "үш", "өтілі", ";", "(", ")", "«", "»"]
        ),
        max_size=30,
    )
)
def test_never_raises_on_shuffled_vocabulary(words):
    parse_experience(" ".join(words), "kk")


_VOCAB = [
    "1)", "2)", "3)", "мемлекеттік қызмет өтілі", "жұмыс өтілі", "басшылық лауазымдарда", "немесе", "не",
    "оның ішінде", "үш жылдан кем емес", "бір жылдан кем емес", "2 (екі) жыл", "ғылыми дәрежесінің болуы",
    "Президенті жанындағы", "шетелдің жоғары оқу орындарында", ";", ",", ".", "саласында",
]  # fmt: skip


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), max_size=25))
def test_years_are_never_invented(words):
    """Every min_years in the result is a figure written in the text."""
    from kzqual.positions.requirements import find_years
    from kzqual.positions.requirements._text import normalize

    text = " ".join(words)
    written = {y.years for y in find_years(normalize(text), "kk")}
    e = parse_experience(text, "kk")
    for a in e.alternatives:
        assert a.min_years is None or a.min_years in written
        assert all(c.min_years in written for c in a.conditions)
    if e.required and not written and e.reference is None:
        assert all(a.min_years is None for a in e.alternatives)


def test_a_gap_in_the_list_is_a_warning_not_a_swallowed_item():
    # issue 11: "9)" then "11)" — item 11) must not become text of item 9)
    text = ("1) мемлекеттік қызмет өтілі үш жылдан кем емес; 2) ғылыми дәрежесінің болуы; "
            "4) мемлекеттік органдарда басшылық лауазымдарда жұмыс өтілі бір жылдан кем емес.")
    e = parse_experience(text, "kk")
    assert [a.label for a in e.alternatives] == ["1)", "2)", "4)"]
    assert e.alternatives[2].min_years == 1
    (w,) = [w for w in e.warnings if w.code == "list_gap"]
    assert w.params == {"before": "2)", "after": "4)"}


def test_a_number_inside_an_item_is_not_a_gap():
    # a skipped number not after an item's end (";" / ".") is a citation inside item 2), not item 4)
    text = ("1) мемлекеттік қызмет өтілі үш жылдан кем емес; 2) Заңның 9-бабының 4) тармақшасына сәйкес "
            "жұмыс өтілі екі жылдан кем емес.")
    e = parse_experience(text, "kk")
    assert [a.label for a in e.alternatives] == ["1)", "2)"]
    assert not [w for w in e.warnings if w.code == "list_gap"]


def test_a_gap_from_9_to_11_keeps_item_11_its_own():
    # issue 11's own example: "9)" then "11)" — two-digit labels; item 11) is an alternative of its own
    # (its years read), never text of item 9), and the gap is named
    words = ["бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он", "он бір"]
    text = "Жұмыс тәжірибесі келесі талаптардың біріне сәйкес болуы тиіс: " + " ".join(
        f"{i + 1}) мемлекеттік қызмет өтілі {w} жылдан кем емес;" for i, w in enumerate(words) if i != 9)
    e = parse_experience(text, "kk")
    assert [a.label for a in e.alternatives][-2:] == ["9)", "11)"]
    assert [a.min_years for a in e.alternatives][-2:] == [9, 11]
    assert "11)" not in e.alternatives[-2].text
    assert [(w.code, w.params) for w in e.warnings] == [("list_gap", {"before": "9)", "after": "11)"})]


def test_a_gap_in_a_russian_list_is_a_warning_too():
    text = ("Опыт работы должен соответствовать одному из следующих требований: 1) стаж государственной службы "
            "не менее трех лет; 2) стаж работы не менее четырех лет; 4) стаж работы на руководящих должностях "
            "не менее двух лет.")
    e = parse_experience(text, "ru")
    assert [(a.label, a.min_years) for a in e.alternatives] == [("1)", 3), ("2)", 4), ("4)", 2)]
    assert [(w.code, w.params) for w in e.warnings] == [("list_gap", {"before": "2)", "after": "4)"})]
