"""Every warning of a post is visible on the post: the parsers' own lists are surfaced."""

from __future__ import annotations

import pytest

from kzqual.acts.model import Span
from kzqual.positions.build import RawPost, build_position
from kzqual.positions.rows import Piece
from kzqual.text import clean

ACTS = ("mod_134_ru", "mes_161_kk", "ara_9_kk", "mebp_75_kk")


@pytest.mark.parametrize("name", ACTS)
def test_sub_model_warnings_reach_the_post(extracted, name):
    seen = 0
    for p in extracted(name).positions:
        for part in ("education", "experience", "competence"):
            for w in getattr(p, part).warnings:
                assert f"{part}: {w.message}" in [x.message for x in p.warnings], (p.id, w)
                assert any(x.code == w.code and x.params.get("part") == part for x in p.warnings)
                seen += 1
        for g in p.grades:
            for w in g.warnings:
                assert any(x.message.startswith("grades (") and x.message.endswith(": " + w.message)
                           and x.params["part"] == "grades" for x in p.warnings)
                seen += 1
    assert seen > 0  # each of these acts has parser warnings (counted when surveyed)


def test_built_post_lists_experience_and_grade_warnings():
    text = "стаж работы есть"  # mentions experience, states no years
    ct = clean(text, source="t")
    raw = RawPost(
        key="1",
        title="Инспектор",
        start=1,
        end=1,
        criteria={"experience": Piece(text, 1, 1), "qualification": Piece("высшее образование, стаж", 1, 1)},
    )
    pos = build_position(raw, reg="1", act_key="a", lang="ru", ct=ct)
    assert [(w.code, w.message) for w in pos.experience.warnings] == [
        ("no_years", "experience is mentioned but no years could be read")
    ]
    assert "experience: experience is mentioned but no years could be read" in [w.message for w in pos.warnings]
    assert pos.grades and pos.grades[0].warnings
    assert all(any(w.message in x.message for x in pos.warnings) for g in pos.grades for w in g.warnings)
    assert pos.lines == Span(start=1, end=1)
