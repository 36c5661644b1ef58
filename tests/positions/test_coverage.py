"""Coverage: every act says where its lines went, and a post lost is named (issue 11)."""

from __future__ import annotations

import json
from bisect import bisect_right
from pathlib import Path

import pytest
from click.testing import CliRunner

from kzqual.acts.model import Span
from kzqual.cli import app
from kzqual.positions import extract_file
from kzqual.positions.coverage import measure
from kzqual.positions.warnings import localize, warn

from .conftest import damaged

ACTS = ("mod_134_ru", "mes_161_kk", "mod_674_kk", "ara_9_kk", "mebp_75_kk")
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize("name", ACTS)
def test_every_line_is_counted_exactly_once(extracted, clean_text, name):
    x = extracted(name)
    c = x.coverage
    lines = clean_text(name).lines
    assert c.lines == len(lines)
    assert c.post_lines + c.structure_lines + c.criteria_without_post_lines + c.heading_like_lines == c.lines
    # post lines counted independently: clean lines inside the union of the posts' spans
    spans = sorted((p.lines.start, p.lines.end) for p in x.positions)
    starts = [s for s, _ in spans]
    inside = 0
    for ln in lines:
        k = bisect_right(starts, ln.raw_start) - 1
        inside += any(s <= ln.raw_start <= e for s, e in spans[max(0, k - 3) : k + 1])
    assert c.post_lines == inside - c.heading_like_lines
    assert c.posts == len(x.positions)


def test_bundled_acts_leave_nothing_unplaced(extracted):
    for name in ACTS:
        c = extracted(name).coverage
        assert c.unplaced == [] and c.posts_not_built == [] and c.placed_share == 1.0, name


def test_criteria_read_per_field(extracted):
    c = extracted("mes_161_kk").coverage
    assert c.criteria == {"education": 152, "experience": 152, "competence": 152, "duties": 152}
    # mebp-75: 14 posts name no education level (no_education_level on each)
    c75 = extracted("mebp_75_kk")
    missing = sum(any(w.code == "no_education_level" for w in p.warnings) for p in c75.positions)
    assert c75.coverage.criteria["education"] == 509 - missing


def test_a_post_merged_into_the_one_before_is_named(act_path, tmp_path):
    # line 3178 "Өлшемшарттар Талаптар" blanked: the post headed on line 3176 ("Мемлекеттік тілді дамыту
    # басқармасының басшысы, С-3 санаты") is no longer anchored and runs into the post before it
    x = extract_file(damaged(act_path, tmp_path, 3178))
    assert len(x.positions) == 151
    hits = [w for w in x.warnings if w.code == "heading_not_taken"]
    assert [(w.params["start"], w.lines.start) for w in hits] == [(3176, 3176)]
    assert "Мемлекеттік тілді дамыту басқармасының басшысы" in hits[0].params["text"]
    assert x.coverage.heading_like_lines == 1 and Span(start=3176, end=3176) in x.coverage.unplaced
    assert x.coverage.placed_share < 1.0


def test_a_criteria_table_without_its_post_is_named(act_path, tmp_path):
    # line 67 "Министрдің көмекшісі, С-3 санаты" blanked: the criteria table from line 69 has no post
    x = extract_file(damaged(act_path, tmp_path, 67))
    assert len(x.positions) == 151
    hits = [w for w in x.warnings if w.code == "criteria_without_post"]
    assert hits and hits[0].params["start"] == 69
    assert x.coverage.criteria_without_post_lines >= 1


def test_a_post_not_built_is_listed_with_its_lines(extracted, clean_text):
    x = extracted("ara_9_kk")
    lost = warn("post_not_built", start=10, end=20, error="ValueError: x", lines=Span(start=10, end=20))
    cov, _ = measure(clean_text("ara_9_kk").lines, x.positions, [lost])
    assert cov.posts_not_built == [Span(start=10, end=20)]


def test_new_warnings_read_in_three_languages():
    w = warn("heading_not_taken", start=3, end=4, text="'X, С-3 санаты'")
    assert localize(w, "en") == "heading-like line(s) 3-4 not taken as a post: 'X, С-3 санаты'"
    assert "3–4" in localize(w, "kk") and "3–4" in localize(w, "ru")
    w = warn("criteria_without_post", start=5, end=9)
    assert "5–9" in localize(w, "ru") and localize(w, "kk") != w.message


def test_positions_json_with_warnings_schema(act_path):
    r = CliRunner().invoke(app, ["positions", "--json", "--with-warnings", str(act_path("mod_674_kk"))])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert set(data) == {"act", "positions", "warnings", "coverage"}
    assert data["act"]["registration"] == "29277" and data["positions"] == []
    assert [w["code"] for w in data["warnings"]] == ["no_layout"]
    assert set(data["coverage"]) >= {"lines", "posts", "post_lines", "structure_lines", "criteria_without_post_lines",
                                     "heading_like_lines", "criteria", "list_gaps", "posts_not_built", "unplaced"}
    # the default stays the bare array
    r = CliRunner().invoke(app, ["positions", "--json", str(act_path("ara_9_kk"))])
    assert isinstance(json.loads(r.output), list) and len(json.loads(r.output)) == 43


@pytest.mark.parametrize("lang, words", [
    ("kk", ("Лауазымдар", "Білімі", "Орналасқан жолдар")),
    ("ru", ("Должностей", "Образование", "Размещено строк")),
    ("en", ("Posts", "Education", "Lines placed")),
])
def test_summary_coverage_in_the_readers_language(lang, words):
    r = CliRunner().invoke(app, ["--lang", lang, "summary", "--coverage", str(CORPUS / "adilet-2014-78721")])
    assert r.exit_code == 0, r.output
    for w in words:
        assert w in r.output, (lang, w)
    assert "adilet-2014-78721/kaz.md" in r.output and "adilet-2014-78721/rus.md" in r.output


def test_summary_coverage_json_rows(act_path):
    r = CliRunner().invoke(app, ["summary", "--coverage", "--json", str(act_path("mes_161_kk")),
                                 str(CORPUS / "adilet-2014-78721")])
    rows = json.loads(r.output)
    assert [row["file"] for row in rows] == ["kk-mes-2014-161.txt", "adilet-2014-78721/kaz.md",
                                            "adilet-2014-78721/rus.md"]
    assert rows[0]["posts"] == 152 and rows[0]["placed"] == 1.0 and rows[0]["unplaced"] == 0
    assert rows[1]["posts"] == 41 and rows[1]["language"] == "kk" and rows[2]["language"] == "ru"
