"""Each experience alternative and grade rung carries the raw lines of its own text."""

from __future__ import annotations

import pytest

from kzqual.acts.model import Span
from kzqual.positions.spans import Locator, key
from kzqual.text.model import CleanLine


def by_id(extraction) -> dict:
    return {p.id: p for p in extraction.positions}


def _lines(*texts: str) -> list[CleanLine]:
    return [CleanLine(t, 10 + i, 10 + i) for i, t in enumerate(texts)]


def test_key_ignores_spacing_case_lookalikes_and_quotes():
    assert key("Мемлекеттiк  «қызмет»\nөтілі") == key("мемлекеттік \"қызмет\" өтілі")


def test_locator_finds_parts_in_order_and_across_lines():
    loc = Locator(_lines("1) екі жылдан кем емес; 2) үш", "жылдан кем емес;", "3) екі жылдан кем емес"))
    first = loc.find("екі жылдан кем емес")
    assert first is not None and first[0] == Span(start=10, end=10)
    second = loc.find("үш жылдан кем емес", first[1])
    assert second is not None and second[0] == Span(start=10, end=11)
    third = loc.find("екі жылдан кем емес", second[1])  # the same words again: the later ones
    assert third is not None and third[0] == Span(start=12, end=12)
    assert loc.find("бес жылдан кем емес") is None


def test_locator_steps_over_a_reprinted_label_inside_a_part():
    loc = Locator(_lines("1) басқару академиясында мемлекеттік тапсырыс", "Практикалық тәжірибесі",
                         "негізінде оқуды аяқтауы;", "2) ғылыми дәрежесі"))  # fmt: skip
    found = loc.find("басқару академиясында мемлекеттік тапсырыс негізінде оқуды аяқтауы")
    assert found is not None and found[0] == Span(start=10, end=12)
    # a word missing from the lines is not skipped over
    assert loc.find("басқару академиясында мемлекеттік тапсырыс бойынша оқуды аяқтауы") is None


def test_alternatives_have_their_own_lines(extracted):
    p = by_id(extracted("mes_161_kk"))["9344-a1-1"]
    # raw 100 "Жұмыс тәжірибесі келесі талаптардың біріне ...", 101 "1) ... үш жылдан кем емес;",
    # 102-104 item 2), 105-106 item 3), 107-109 item 4), 110-114 item 5), 115 item 6)
    assert p.experience.lines == Span(start=100, end=115)
    got = [(a.label, a.lines.start, a.lines.end) for a in p.experience.alternatives]
    assert got == [("1)", 101, 101), ("2)", 102, 104), ("3)", 105, 106), ("4)", 107, 109),
                   ("5)", 110, 114), ("5)", 110, 114), ("6)", 115, 115)]  # fmt: skip


def test_alternative_interrupted_by_a_page_break_label(extracted):
    p = by_id(extracted("mes_161_kk"))["9344-a1-45"]
    # raw 2274-2277 item 2), then a page break and the next table's label "Практикалық тәжірибе"
    # (2281), and the item's last words "кем емес;" on 2283
    alt = [a for a in p.experience.alternatives if a.label == "2)"]
    assert [a.lines for a in alt] == [Span(start=2274, end=2283)]
    assert not any(w.code.endswith("_span_not_found") for w in p.warnings)


def test_item_split_on_or_gives_two_spans(extracted):
    p = by_id(extracted("mes_161_kk"))["9344-a1-20"]
    # raw 1044: "1) мемлекеттік қызмет өтілі екі жылдан кем емес немесе осы санаттағы ... лауазымның"
    # raw 1045: "функционалдық бағытына сәйкес облыстарда үш жылдан кем емес жұмыс өтілінің болуы;"
    first = [a for a in p.experience.alternatives if a.label == "1)"]
    assert [(a.min_years, a.lines) for a in first] == [
        (2.0, Span(start=1044, end=1044)), (3.0, Span(start=1044, end=1045))]  # fmt: skip


def test_qualifiers_joined_by_or_keep_their_own_words(extracted):
    p = by_id(extracted("mes_161_kk"))["9344-a1-1"]
    # raw 110-114: "5) ... Президенті жанындағы білім беру ұйымдарында мемлекеттік тапсырыс негізінде
    # немесе шетелдің жоғары оқу орындарында ... оқуды аяқтауы;"
    fifth = [a for a in p.experience.alternatives if a.label == "5)"]
    quals = [q for a in fifth for q in a.qualifiers]
    assert [q.kind for q in quals] == ["academy_postgraduate_state_order", "foreign_priority_programme"]
    assert quals[0].text.endswith("мемлекеттік тапсырыс негізінде")
    assert quals[1].text.startswith("шетелдің жоғары оқу орындарында")
    assert "немесе" not in quals[0].text and "тапсырыс" not in quals[1].text
    assert all(a.text == fifth[0].text for a in fifth)  # the alternative is still the whole item


def test_grade_rungs_have_their_own_lines(extracted):
    p = by_id(extracted("mod_134_ru"))["15125-g2-p1"]
    # raw 318-319 "высшей категории: ...", 320-321 first, 322-323 second, 324-325 "без категории";
    # the middle level's "высшей категории" on 327-328, then a page break, "первой" on 332-333
    got = [(g.level[:6], g.grade, g.lines.start, g.lines.end) for g in p.grades]
    assert got[:4] == [("higher", "highest", 318, 319), ("higher", "first", 320, 321),
                       ("higher", "second", 322, 323), ("higher", "none", 324, 325)]  # fmt: skip
    assert got[4:6] == [("middle", "highest", 327, 328), ("middle", "first", 332, 333)]


@pytest.mark.parametrize("name", ["mod_134_ru", "mes_161_kk", "ara_9_kk", "mebp_75_kk"])
def test_every_part_lies_inside_its_criterion(extracted, name):
    for p in extracted(name).positions:
        for a in p.experience.alternatives:
            assert p.experience.lines.start <= a.lines.start <= a.lines.end <= p.experience.lines.end
        for g in p.grades:
            assert p.lines.start <= g.lines.start <= g.lines.end <= p.lines.end
        assert not any(w.code.endswith("_span_not_found") for w in p.warnings), p.id
