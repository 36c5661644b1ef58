"""The JSON outputs carry the act-level warnings and the coverage (issue 11: nothing lost silently).

``parse --json`` (the act) now also carries the positions reader's act-level warnings and its
coverage; ``positions --json --with-warnings`` carries them with the posts; ``summary --coverage``
walks a folder tree of act folders.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kzqual.cli import app

from .conftest import damaged

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_parse_json_names_a_post_the_positions_reader_did_not_take(act_path, tmp_path):
    # mes-161 line 3178 "Өлшемшарттар Талаптар" blanked: the post headed on line 3176 ("Мемлекеттік
    # тілді дамыту басқармасының басшысы, С-3 санаты") is not anchored; parse --json must say so
    r = CliRunner().invoke(app, ["parse", "--json", str(damaged(act_path, tmp_path, 3178))])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert set(data) == {"act", "structure", "warnings", "coverage"}
    taken = [w for w in data["warnings"] if w.get("reader") == "positions" and w["code"] == "heading_not_taken"]
    assert [(w["lines"]["start"], w["lines"]["end"]) for w in taken] == [(3176, 3176)]
    assert data["coverage"]["posts"] == 151 and data["coverage"]["heading_like_lines"] == 1
    assert {"start": 3176, "end": 3176} in data["coverage"]["unplaced"]


def test_parse_json_of_a_clean_act_has_no_positions_warning(act_path):
    r = CliRunner().invoke(app, ["parse", "--json", str(act_path("ara_9_kk"))])
    data = json.loads(r.output)
    assert not [w for w in data["warnings"] if w.get("reader") == "positions"]
    assert data["coverage"]["posts"] == 43 and data["coverage"]["unplaced"] == []


def test_positions_json_with_warnings_of_112097_ru_has_every_post():
    # adilet-2017-112097 rus: 23 post texts (the heading of rus/part001.md line 222 without "категория")
    r = CliRunner().invoke(app, ["positions", "--json", "--with-warnings",
                                 str(CORPUS / "adilet-2017-112097" / "rus.md")])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert len(data["positions"]) == 23 and data["coverage"]["posts"] == 23
    assert not [w for w in data["warnings"] if w["code"] in ("heading_not_taken", "criteria_without_post",
                                                             "criteria_header_without_heading")]
    assert data["coverage"]["heading_like_lines"] == 0


def test_summary_coverage_walks_a_tree_of_act_folders():
    r = CliRunner().invoke(app, ["summary", "--coverage", "--json", str(CORPUS)])
    assert r.exit_code == 0, r.output
    rows = {row["file"]: row for row in json.loads(r.output)}
    # both language texts of every act folder with expected values
    for folder in ("adilet-2014-78721", "adilet-2017-112097", "adm-prez-2019-135478"):
        assert f"corpus/{folder}/kaz.md" in rows and f"corpus/{folder}/rus.md" in rows
    assert rows["corpus/adilet-2017-112097/rus.md"]["posts"] == 23
    assert rows["corpus/adilet-2014-78721/kaz.md"]["criteria"]["education"] == 41
    assert all(row["posts_not_built"] == 0 for row in rows.values())
