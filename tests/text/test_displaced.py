"""Hyperlink displacement: detection on seed lines, restoration from intact twins."""

from __future__ import annotations

import pytest

from kzqual.text import clean, has_displacement, paragraphs, restore_displaced
from kzqual.text.displaced import word_key
from kzqual.text.model import CleanLine


@pytest.mark.parametrize(
    "line",
    [
        "В соответствии с подпунктом 17)  Трудового кодекса Республики статьи 16",  # ru-mod 8
        "Қазақстан Республикасының , Қазақстан Республикасының Конституциясын «Қазақстан",  # mes 78
        "біліктілік талаптары осы бұйрықтың  сәйкес бекітілсін;1-қосымшасына",  # mes 22
        "санаттарына біліктілік  бекітілсін.талаптары",  # mebp 18
        ", оның депутаттарының мәртебесі туралы» «Қазақстан Республикасының Үкіметі туралы",  # mes 81
        "Республикасының « », «Мемлекеттік қызмет туралы Сыбайлас жемқорлыққа қарсы",  # ara 73
        "1. Утвердить прилагаемые  должностейТиповые квалификационные характеристики",  # ru-mod 10
    ],
)
def test_detects_displacement(line):
    assert has_displacement(line)
    assert has_displacement(CleanLine(line, 1, 1))


@pytest.mark.parametrize(
    "line",
    [
        "Қазақстан Республикасының Конституциясын, Қазақстан Республикасының «Қазақстан",  # mes 136
        "1) мемлекеттік қызмет өтілі үш жылдан кем емес;",
        "Төраға                                     М. Әзілханов",  # ara 29: signature layout
        "www.mod.gov.kz т.б. ҚР-ның 30.09.2021 № 668",
        "А.Байменов",
    ],
)
def test_intact_lines_not_flagged(line):
    assert not has_displacement(line)


def test_restores_competence_list_from_twin(seed):
    # kk-mes-2014-161.txt 78-91 is displaced; 136-146 holds the same words intact.
    ct = seed("mes_161_kk")
    ps = paragraphs(ct)
    out, repairs, warnings = restore_displaced(ps)
    i = next(k for k, p in enumerate(ps) if p.raw_start == 78)
    r = next(r for r in repairs if r.line == 78)
    assert r.kind == "hyperlink_restored" and r.raw == ps[i].text
    assert out[i].text.startswith("Қазақстан Республикасының Конституциясын, Қазақстан Республикасының «Қазақстан")
    assert (out[i].raw_start, out[i].raw_end) == (78, 91)
    assert word_key(out[i].text) == word_key(ps[i].text)  # only reordered, no word invented
    w = next(w for w in warnings if w.line_start == 78)
    assert w.code == "hyperlink_displaced" and "restored" in w.message


def test_every_restoration_only_reorders(seed):
    total = 0
    for name in ("mes_161_kk", "ara_9_kk", "mebp_75_kk"):
        ps = paragraphs(seed(name))
        out, repairs, _ = restore_displaced(ps)
        assert len(out) == len(ps)
        for a, b in zip(ps, out):
            assert (a.raw_start, a.raw_end) == (b.raw_start, b.raw_end)
            assert word_key(a.text) == word_key(b.text)
        total += len(repairs)
    assert total >= 100


def test_unrestorable_is_warned_and_kept(seed):
    # ru-mod-2017-134.txt 8-9: no intact copy of this sentence exists in the act
    ps = paragraphs(seed("mod_134_ru"))
    out, repairs, warnings = restore_displaced(ps)
    assert not repairs
    w = next(w for w in warnings if w.line_start == 8)
    assert "left as printed" in w.message
    assert out == ps


def test_ambiguous_twins_are_not_used():
    # Two intact orders of the same words: which one the damaged copy had is unknowable.
    text = "Бір жыл және Үш жыл.\n\nҮш жыл және Бір жыл.\n\nБір жыл , Үш жыл және."
    ps = paragraphs(clean(text))
    out, repairs, warnings = restore_displaced(ps)
    assert not repairs and out[2].text == "Бір жыл , Үш жыл және."
    assert len(warnings) == 1


def test_majority_twin_used():
    text = "Бір жыл және Үш жыл.\n\nБір жыл және Үш жыл.\n\nҮш жыл және Бір жыл.\n\nБір жыл , Үш жыл және."
    out, repairs, _ = restore_displaced(paragraphs(clean(text)))
    assert out[3].text == "Бір жыл және Үш жыл." and len(repairs) == 1


def test_restores_a_sentence_inside_a_longer_paragraph(seed):
    # The competence list of kk-mes-2014-161.txt (intact at raw lines 195-205) with the export's
    # damage ("Республикасының , Қазақстан"), running on into a sentence that has no twin: only
    # the first sentence is replaced, the second is kept as printed.
    ps = paragraphs(seed("mes_161_kk"))
    twin = next(p for p in ps if p.raw_start == 195)
    assert twin.text.startswith("Қазақстан Республикасының Конституциясын, Қазақстан")
    damaged = twin.text.replace("Республикасының Конституциясын, Қазақстан Республикасының",
                                "Республикасының , Қазақстан Республикасының Конституциясын", 1)
    tail = "Осы санаттағы лауазымдар бойынша басқа да міндетті білімдер."
    victim = CleanLine(damaged + " " + tail, 9000, 9003)
    assert has_displacement(victim) and word_key(damaged) == word_key(twin.text)
    out, repairs, _ = restore_displaced([*ps, victim])
    r = next(r for r in repairs if r.line == 9000)
    assert r.fixed == twin.text + " " + tail
    assert word_key(r.fixed) == word_key(r.raw)


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        # kk-ara-2014-9.txt 12, kk-mes-2014-161.txt 22 and 401, kk-mod-2022-674.txt 606
        ("17.11.2015  бұйрығымен.№ 357", "17.11.2015 № 357 бұйрығымен."),
        ("біліктілік талаптары осы бұйрықтың  сәйкес бекітілсін;1-қосымшасына",
         "біліктілік талаптары осы бұйрықтың 1-қосымшасына сәйкес бекітілсін;"),
        ("жаңа саяси бағыты  білуі.стратегиясын", "жаңа саяси бағыты стратегиясын білуі."),
        ("бабы 3-тармағының  сәйкес әзірленген.2) тармақшасына",
         "бабы 3-тармағының 2) тармақшасына сәйкес әзірленген."),
    ],
)
def test_refill_gap_puts_the_fragment_back(line, fixed):
    from kzqual.text.displaced import refill_gap

    out = refill_gap(line)
    assert out is not None and out[0] == fixed
    assert "".join(line[k] for k in out[1]) == fixed  # every character comes from the line
    ct = clean(line)
    assert ct.lines[0].text == fixed
    assert [r.kind for r in ct.repairs] == ["hyperlink_refilled"] and ct.repairs[0].raw == line
    assert [w.code for w in ct.warnings] == ["hyperlink_displaced"]


@pytest.mark.parametrize(
    "line",
    [
        'тармағының  сәйкес :";2) тармақшасына БҰЙЫРАМЫН',  # the stop follows a quote, not a word
        "бірінші  екінші. үшінші",  # nothing glued after the stop
        "бір  екі  үш.төрт",  # two gaps: the place is a guess
        "бірінші  екінші.бір екі үш төрт",  # more than three words is not a moved link
        "Төраға                                     М. Әзілханов",  # layout, not a gap
    ],
)
def test_refill_gap_leaves_other_lines(line):
    from kzqual.text.displaced import refill_gap

    assert refill_gap(line) is None


def test_segments_cut_after_glued_word():
    from kzqual.text.displaced import _segments

    assert _segments("бағыты  білуі.стратегиясын Осы білімдер. Екінші; үшінші") == [
        "бағыты  білуі.стратегиясын",
        "Осы білімдер.",
        "Екінші; үшінші",
    ]
