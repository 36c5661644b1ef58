"""check / match / screen as real processes (exit codes, stderr, output files)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

try:
    from .rules_helpers import run
except ImportError:
    from rules_helpers import run

from kzqual.bundled import acts_dir

ACT = str(acts_dir() / "kk-mes-2014-161.txt")
ACT_SMALL = str(acts_dir() / "kk-ara-2014-9.txt")  # fastest to extract
GOOD = {"id": "a", "education": [{"level": "higher", "field": "экономика"}],
        "work": [{"employer": "M", "state_service": True, "state_body": True, "start": "2019-01-01"}]}


@pytest.fixture
def prof(tmp_path: Path) -> Path:
    p = tmp_path / "p.json"
    p.write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    return p


def test_check_json_and_text(prof):
    r = run("check", str(prof), "9344-a1-1", "--act", ACT, "--as-of", "2024-01-01", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["status"] == "met" and out["policy"]["higher_grade_counts"] == "undetermined"
    assert out["verdict"]["children"][0]["lines"] == [72, 74]
    r = run("check", str(prof), "9344-a1-1", "--act", ACT, "--as-of", "2024-01-01", "--lang", "ru")
    assert r.returncode == 0 and "Итог: соответствует" in r.stdout


@pytest.mark.parametrize("content,args,needle", [
    ("{oops", ("9344-a1-1",), "malformed JSON"),
    ('{"education": [{"level": "phd"}]}', ("9344-a1-1",), "invalid profile"),
    (json.dumps(GOOD), ("9344-a1-1",), "unknown position id"),  # not in the act given
    (json.dumps(GOOD), ("9344-a1-1", "--as-of", "yesterday"), "not a date"),
    (json.dumps(GOOD), ("9344-a1-1", "--policy", "lenient=yes"), "unknown policy"),
])
def test_check_bad_input_exits_2(tmp_path, content, args, needle):
    p = tmp_path / "p.json"
    p.write_text(content, encoding="utf-8")
    r = run("check", str(p), *args, "--act", ACT_SMALL)
    assert r.returncode == 2 and needle in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_check_without_registry_is_input_error(prof, tmp_path):
    r = run("check", str(prof), "9344-a1-1", "--db", str(tmp_path / "none.db"))
    assert r.returncode == 2 and "kzqual ingest" in r.stderr


def test_match_lists_near_misses_with_what_is_missing(tmp_path):
    p = tmp_path / "p.json"
    p.write_text(json.dumps({**GOOD, "work": [{"employer": "M", "state_service": True, "state_body": True,
                                              "start": "2022-01-01"}]}), encoding="utf-8")
    # MES order 161 was repealed in 2015 (l.4-5): on 2024-01-01 only --include-repealed lists its posts
    r = run("match", str(p), "--act", ACT, "--as-of", "2024-01-01", "--json", "--limit", "5")
    assert r.returncode == 0, r.stderr
    assert sum(json.loads(r.stdout)["counts"].values()) == 0
    r = run("match", str(p), "--act", ACT, "--as-of", "2024-01-01", "--json", "--limit", "5", "--include-repealed")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["counts"]["met"] > 0 and out["near_misses"]
    # every verdict under the repealed act carries its banner, naming the repealing act (order No. 927)
    for item in out["qualified"] + out["near_misses"]:
        assert item["act_in_force"] is False and "927" in item["act_status"]["reason"]["en"]
    near = out["near_misses"][0]
    assert near["missing"] and near["missing"][0]["missing_years"] <= 2
    r = run("match", str(p), "--act", ACT, "--as-of", "2024-01-01", "--lang", "en", "--include-repealed")
    assert "Near misses" in r.stdout and "at least" in r.stdout and "!! Act reg-9344 was repealed" in r.stdout


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_screen_skips_bad_lines_and_writes(tmp_path, suffix):
    src = tmp_path / "people.jsonl"
    src.write_text("\n".join([json.dumps(GOOD), "{not json", '{"education": 5}', "",
                              json.dumps({**GOOD, "id": "b", "work": []})]) + "\n", encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    r = run("--lang", "en", "screen", str(src), "--act", ACT, "--out", str(out), "--as-of", "2024-01-01",
            "--positions", "category=C-3", "--all", "--include-repealed")
    assert r.returncode == 0, r.stderr
    assert ":2: skipped" in r.stderr and ":3: skipped" in r.stderr
    df = pl.read_csv(out) if suffix == ".csv" else pl.read_parquet(out)
    assert set(df["line"].to_list()) == {1, 5}
    assert set(df["status"].to_list()) <= {"met", "not_met", "undetermined"}
    assert set(df["act_status"].to_list()) == {"repealed"} and df["repealed_by"][0]  # the banner, per row
    assert df.filter(pl.col("profile_id") == "a").height == df.filter(pl.col("profile_id") == "b").height > 0
    # the vectorised verdicts are the ones `check` gives, post by post
    from datetime import date

    from kzqual.positions import extract_file
    from kzqual.rules import check
    from kzqual.rules.profile import parse_profile

    posts = {p.id: p for p in extract_file(ACT).positions}
    person = parse_profile(json.dumps(GOOD))
    rows = df.filter(pl.col("profile_id") == "a").iter_rows(named=True)
    for row in rows:
        assert check(person, posts[row["position_id"]], as_of=date(2024, 1, 1)).status_name == row["status"]


def test_screen_bad_out_suffix(tmp_path):
    src = tmp_path / "p.jsonl"
    src.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    r = run("screen", str(src), "--act", ACT, "--out", str(tmp_path / "x.xlsx"))
    assert r.returncode == 2 and ".csv or .parquet" in r.stderr


@pytest.mark.parametrize("cmd", ["check", "match", "screen"])
def test_help_teaches_with_examples_and_defaults(cmd):
    r = run(cmd, "--help")
    assert r.returncode == 0
    assert "Examples:" in r.stdout and f"kzqual {cmd} " in r.stdout
    assert "[default: kzqual.db]" in r.stdout  # defaults are shown
    for opt in ("--as-of", "--policy", "--act"):
        line = next(x for x in r.stdout.splitlines() if x.strip().startswith(opt))
        assert len(line.split(None, 2)) == 3, f"{cmd} {opt} has no help text"


def test_screen_reports_bad_date_line_and_bad_as_of(tmp_path):
    src = tmp_path / "people.jsonl"
    bad_date = {**GOOD, "id": "z", "work": [{"employer": "M", "start": "2020-13-01"}]}
    src.write_text("\n".join([json.dumps(GOOD), json.dumps(bad_date), json.dumps({**GOOD, "id": "c"})]) + "\n",
                   encoding="utf-8")
    out = tmp_path / "o.csv"
    r = run("--lang", "en", "screen", str(src), "--act", ACT_SMALL, "--out", str(out), "--as-of", "2024-01-01",
            "--include-repealed")
    assert r.returncode == 0, r.stderr
    bad = [x for x in r.stderr.splitlines() if "skipped" in x]
    assert len(bad) == 1 and ":2: skipped" in bad[0] and "work.0.start" in bad[0]
    assert set(pl.read_csv(out)["line"].to_list()) <= {1, 3}
    r = run("screen", str(src), "--act", ACT_SMALL, "--out", str(out), "--as-of", "01.01.2024")
    assert r.returncode == 2 and "not a date" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_taxonomy_command_lists_and_searches_in_the_readers_language():
    r = run("taxonomy", "юрисп", "--lang", "ru")
    assert r.returncode == 0 and "юриспруденция" in r.stdout and "право" in r.stdout and "5В030100" in r.stdout
    r = run("taxonomy", "военное дело", "--lang", "en", "--json")
    data = json.loads(r.stdout)
    assert [e["key"] for e in data["entries"]] == ["g-askeri-is-zhane-qauipsizdik"]
    assert data["entries"][0]["name"] == "military science and security"
    r = run("taxonomy", "--lang", "xx")
    assert r.returncode == 2 and "Error" in r.stderr


def test_check_prints_the_next_step_in_the_readers_language(tmp_path):
    # MES 161 l.105-106: two years in state bodies, from 2022-07-01 complete on 2024-06-29
    prof = tmp_path / "p.json"
    prof.write_text(json.dumps({"education": [{"level": "higher", "field": "экономика"}],
                                "work": [{"employer": "X", "state_service": True, "state_body": True,
                                          "start": "2022-07-01"}]}), encoding="utf-8")
    act = str(acts_dir() / "kk-mes-2014-161.txt")
    r = run("check", str(prof), "9344-a1-1", "--act", act, "--as-of", "2024-01-01", "--lang", "ru")
    assert r.returncode == 0, r.stderr
    assert "Следующий шаг: Если текущая работа продолжится, вариант 3 будет выполнен с 2024-06-29" in r.stdout
    r = run("check", str(prof), "9344-a1-1", "--act", act, "--as-of", "2024-01-01", "--json")
    nxt = json.loads(r.stdout)["next_step"]
    assert nxt["meets_on"] == "2024-06-29" and nxt["required"][0]["years"] == 2.0
