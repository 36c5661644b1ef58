"""Letter-spacing: real lines from the seeds (act and line cited), and the traps around them."""

from __future__ import annotations

import pytest

from kzqual.text.spacing import unspace_line, unspace_map


@pytest.mark.parametrize(
    ("act", "line", "expected"),
    [
        # a lowercase->uppercase switch inside a single-spaced run is a word break
        ("ara_9_kk", 15, "сәйкес тармағына БҰЙЫРАМЫН:"),
        ("ara_9_kk", 22, "көрсетілген тәртіппен:"),
        ("ara_9_kk", 30, "«КЕЛІСІЛГЕН»"),
        # initials stay apart from the surname; the underline is glued
        ("ara_9_kk", 34, "_____________ А. Байменов"),
        # digits in a spaced line are spaced too; word gaps shrink to one space
        ("ara_9_kk", 39, "2014 жылғы 21 ақпанда"),
        ("ara_9_kk", 43, "№ 9 бұйрығымен"),
        ("mes_161_kk", 57, "2014 жылғы «9» сәуірдегі"),
        ("mes_161_kk", 58, "№ 161 бұйрығына"),
        ("mes_161_kk", 18, ":БҰЙЫРАМЫН"),
        ("mes_161_kk", 19, "1. Қоса беріліп отырған:"),
        ("mes_161_kk", 106, "кем емес;"),
        ("mes_161_kk", 357, "мониторингілеу, талдау және болжау:"),
        # a hyperlink-displaced word glued after the full stop stays glued (a warning flags it)
        ("ara_9_kk", 19, "бекітілсін.талаптары"),
        # a wider gap (displacement) survives as two spaces
        ("mes_161_kk", 983, "саяси бағыты  білуі.стратегиясын"),
        # a spaced run after ordinary words
        ("ara_9_kk", 736, "Функционалдық міндеттері қатысу:"),
        ("ara_9_kk", 290, "ұйымдармен өзара іс-қимыл;"),
        # a three-letter word on its own line (a table cell)
        ("mod_674_kk", 529, "Оқу"),
        ("mod_674_kk", 541, "ттің"),
        # a spaced web address
        ("mod_674_kk", 385, "www.gov4c.kz"),
        ("mod_674_kk", 247, "www.mod.gov.kz"),
        # the table's column-number row is not a word
        ("mod_674_kk", 562, "1 2 3 4 5 6 7 8"),
        # ordinary Russian with one-letter words
        ("mod_134_ru", 92, None),
        # stray commas from a displacement are not a spaced word
        ("mes_161_kk", 83, None),
        # initials without spaces
        ("ara_9_kk", 20, None),
        ("mes_161_kk", 53, None),
    ],
)
def test_seed_lines(raw_line, act, line, expected):
    raw = raw_line(act, line)
    got = unspace_line(raw.rstrip()).strip()
    assert got == (raw.strip() if expected is None else expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Б Ұ Й Ы Р А М Ы Н", "БҰЙЫРАМЫН"),
        ("к е м  е м е с", "кем емес"),
        ("А. Байменов", "А. Байменов"),
        ("Ә.Т. Жуанышпаева", "Ә.Т. Жуанышпаева"),
        ("ы ң", "ың"),  # a fragment: neither letter is a word
        ("и в", "и в"),  # two one-letter words
        ("категории А, Б и В", "категории А, Б и В"),
        ("группы Б и В", "группы Б и В"),
        ("1 2 3", "1 2 3"),
        ("w w w .  g o v 4 c .  k z", "www.gov4c.kz"),
        ("", ""),
        ("   ", "   "),
    ],
)
def test_made_up_lines(raw, expected):
    assert unspace_line(raw) == expected


def test_offsets_point_at_raw_characters():
    raw = "  к е м  е м е с ;"
    text, pos = unspace_map(raw)
    assert text.strip() == "кем емес;"
    assert len(pos) == len(text)
    for ch, p in zip(text, pos):
        assert ch == " " or raw[p] == ch


def test_url_followed_by_a_sentence():
    assert unspace_line("сайты www.egov.kz. Portal") == "сайты www.egov.kz. Portal"
