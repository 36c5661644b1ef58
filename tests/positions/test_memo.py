"""Parsing each distinct criterion text once per act must not change any record."""

from __future__ import annotations

from kzqual.acts.model import Span
from kzqual.positions import requirements
from kzqual.positions.build import ParseMemo, _call

EXP = ("Жұмыс тәжірибесі келесі талаптардың біріне сәйкес болуы тиіс: 1) мемлекеттік қызмет өтілі "
       "үш жылдан кем емес; 2) ғылыми дәрежесінің болуы.")  # fmt: skip


def test_memo_gives_each_post_its_own_span_and_objects():
    memo = ParseMemo()
    a = memo.call("parse_experience", [], EXP, "kk", Span(start=10, end=12))
    b = memo.call("parse_experience", [], EXP, "kk", Span(start=40, end=42))
    direct = requirements.parse_experience(EXP, "kk", Span(start=40, end=42))
    assert b == direct
    assert a.lines == Span(start=10, end=12) and b.lines == Span(start=40, end=42)
    assert [x.lines for x in a.alternatives] == [Span(start=10, end=12)] * 2
    assert a.alternatives[0] is not b.alternatives[0]
    a.alternatives[0].lines = Span(start=1, end=1)  # build.py narrows spans in place
    assert b.alternatives[0].lines == Span(start=40, end=42)


def test_memo_matches_direct_calls_for_every_parser():
    memo = ParseMemo()
    span = Span(start=3, end=4)
    for name, text in (
        ("parse_education", "жоғары білім"),
        ("parse_competence", "«Мемлекеттік қызмет туралы» Заңын білу"),
        ("parse_grades", "высшее образование и стаж работы не менее 3 лет"),
    ):
        for _ in range(2):
            assert memo.call(name, [], text, "kk", span) == _call(name, [], text, "kk", span)
    assert memo.call("parse_duties", [], "бір; екі", "kk") == ["бір", "екі"]


def test_memo_replays_a_parser_failure_as_a_warning_each_time(monkeypatch):
    calls = []

    def broken(text, lang):  # fault injection: a parser bug must become a warning per post
        calls.append(text)
        raise ValueError("boom")

    monkeypatch.setattr(requirements, "parse_duties", broken)
    memo = ParseMemo()
    got = []
    for _ in range(3):
        warnings: list[str] = []
        assert memo.call("parse_duties", warnings, "бір; екі", "kk") is None
        got.append(warnings)
    assert calls == ["бір; екі"]  # parsed once
    assert [[(w.code, w.message) for w in ws] for ws in got] == [
        [("parser_failed", "requirements.parse_duties failed: ValueError: boom")]
    ] * 3
    assert got[0][0] is not got[1][0]  # each post gets its own warning object
