"""``kzqual ingest | search | show | acts`` as a user runs them (in-process ``kzqual.cli.main``)."""

from __future__ import annotations

import json
import shutil

import pytest

from kzqual.bundled import acts_dir
from kzqual.cli import main
from kzqual.i18n import t


@pytest.fixture(autouse=True)
def english_labels(monkeypatch):
    # These tests read the English labels; the CLI's own default language is Kazakh.
    monkeypatch.setenv("KZQUAL_LANG", "en")


def test_labels_follow_the_one_language_rule(capsys, monkeypatch, small_db):
    monkeypatch.delenv("KZQUAL_LANG")
    code, out, _ = run(capsys, "acts", "--db", str(small_db))
    assert code == 0
    assert t("store.status.in_force", "kk") in out and t("store.status.in_force", "en") not in out
    assert t("store.field.key", "kk") in out and t("acts.language", "kk") in out  # headers too


def test_ingest_lines_speak_the_reader_language(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("KZQUAL_LANG", "ru")
    path = str(acts_dir() / "kk-ara-2014-9.txt")
    code, out, _ = run(capsys, "ingest", "-q", "--db", str(tmp_path / "k.db"), path)
    assert code == 0 and out.startswith(t("store.result.added", "ru") + " ")
    code, out, _ = run(capsys, "ingest", "-q", "--db", str(tmp_path / "k.db"), path)
    assert code == 0 and out.startswith(t("store.result.unchanged", "ru") + " ")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        main(list(argv))
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    """A SQLite registry with two real seeds (the small ones), built by the CLI itself."""
    db = tmp_path_factory.mktemp("cli") / "kzqual.db"
    main_args = ["ingest", "-q", "--db", str(db), str(acts_dir() / "kk-ara-2014-9.txt"),
                 str(acts_dir() / "ru-mod-2017-134.txt")]
    try:
        main(main_args)
    except SystemExit as exc:
        assert not exc.code
    return db


def test_ingest_summary_and_idempotence(small_db, capsys, tmp_path):
    db = tmp_path / "k.db"
    shutil.copy(small_db, db)
    code, out, err = run(capsys, "ingest", "--db", str(db), str(acts_dir() / "kk-ara-2014-9.txt"))
    assert code == 0
    assert "unchanged" in out and "reg-9211" in out
    assert "1 act(s) (0 added, 0 new version(s), 1 unchanged), 43 position(s)" in out
    assert "Ingesting" in err  # the progress bar goes to stderr


def test_ingest_reports_a_bad_file_and_keeps_the_rest(capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(acts_dir() / "kk-ara-2014-9.txt", folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary\xff" * 100)
    db = tmp_path / "k.db"
    code, out, err = run(capsys, "ingest", "-q", "--db", str(db), str(folder))
    assert code == 2
    assert "b.txt" in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("kzqual: error:")]) == 1
    assert "added        reg-9211" in out
    code, out, _ = run(capsys, "acts", "--db", str(db), "--json")
    assert [a["key"] for a in json.loads(out)] == ["reg-9211"]


def test_acts_listing_and_as_of(small_db, capsys):
    code, out, _ = run(capsys, "acts", "--db", str(small_db), "--json")
    acts = {a["key"]: a for a in json.loads(out)}
    assert code == 0 and set(acts) == {"reg-9211", "reg-15125"}
    assert acts["reg-9211"]["status"] == "repealed" and acts["reg-9211"]["repealed_on"] == "2015-11-17"
    code, out, _ = run(capsys, "acts", "--db", str(small_db), "--as-of", "2015-06-01", "--status", "in_force",
                       "--json")
    assert [a["key"] for a in json.loads(out)] == ["reg-9211"]
    code, out, _ = run(capsys, "acts", "--db", str(small_db))
    assert "reg-15125" in out and "in force" in out and "repealed 2015-11-17" in out
    code, _, err = run(capsys, "acts", "--db", str(small_db), "--as-of", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in err


def test_search_table_and_json(small_db, capsys):
    code, out, _ = run(capsys, "search", "инспектора", "--lang", "ru", "--db", str(small_db), "--limit", "3")
    assert code == 0
    first = out.splitlines()[1]
    assert first.startswith("1. [Инспектор]")  # piped output marks matched words with [ ]
    code, out, _ = run(capsys, "search", "кеңесшісі", "--db", str(small_db), "--json")
    hits = json.loads(out)
    assert hits and all(h["act_key"] == "reg-9211" for h in hits)
    assert {"position_id", "title", "category", "numbers", "snippet", "marks", "score"} <= set(hits[0])
    code, out, _ = run(capsys, "search", "жоқсөзбен", "--db", str(small_db))
    assert code == 0 and out.strip() == "Nothing found"


def test_show_prints_requirements_with_source_lines(small_db, capsys):
    code, out, _ = run(capsys, "search", "кеңесшісі", "--db", str(small_db), "--json", "--limit", "1")
    pid = json.loads(out)[0]["position_id"]
    code, out, _ = run(capsys, "show", pid, "--db", str(small_db))
    assert code == 0
    assert f"Position: {pid}" in out and "reg-9211" in out and "Education (lines" in out
    assert "│" in out  # raw lines of the act under each requirement
    code, out, _ = run(capsys, "show", pid, "--db", str(small_db), "--json")
    data = json.loads(out)
    assert data["position"]["id"] == pid and data["raw"]
    lines = (acts_dir() / "kk-ara-2014-9.txt").read_text(encoding="utf-8").split("\n")
    start, end = data["position"]["lines"]["start"], data["position"]["lines"]["end"]
    assert data["raw"] == "\n".join(lines[start - 1 : end])


def test_bad_input_is_one_line_and_exit_2(small_db, capsys, tmp_path):
    code, _, err = run(capsys, "show", "no-such-post", "--db", str(small_db))
    assert code == 2 and err.count("\n") == 1 and "no position 'no-such-post'" in err
    code, _, err = run(capsys, "acts", "--db", "mysql://u:secret@h/db")
    assert code == 2 and "unsupported database URL" in err and "secret" not in err
    code, _, err = run(capsys, "acts", "--db", "postgresql://u:secret@/nodb?host=/nonexistent")
    assert code == 2 and "cannot open database" in err and "secret" not in err
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 50)
    code, _, err = run(capsys, "acts", "--db", str(junk))
    assert code == 2 and "not a SQLite database" in err and "Traceback" not in err
    # a real SQLite file cut in half: the header is fine, the pages are not
    cut = tmp_path / "cut.db"
    data = small_db.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    code, _, err = run(capsys, "search", "инспектор", "--db", str(cut))
    assert code == 2 and err.startswith("kzqual: error:") and "Traceback" not in err
    code, _, err = run(capsys, "search", "x", "--db", str(small_db), "--in-force-on", "2015-13-45")
    assert code == 2 and "YYYY-MM-DD" in err


def test_kzqual_db_environment_and_postgresql(capsys, monkeypatch, pg_url):
    monkeypatch.setenv("KZQUAL_DB", pg_url)
    code, out, _ = run(capsys, "ingest", "-q", str(acts_dir() / "kk-ara-2014-9.txt"))
    assert code == 0 and "added        reg-9211" in out
    code, out, _ = run(capsys, "search", "кеңесшісі", "--json")
    assert json.loads(out)[0]["act_key"] == "reg-9211"


def test_issue_4_truncated_upload_is_refused_and_the_full_text_comes_back(capsys, tmp_path):
    """The acceptance scenario of issue 4 on the real seed 001 (kk MES 2014-161)."""
    db, full, cut = str(tmp_path / "r.db"), tmp_path / "full.txt", tmp_path / "t.txt"
    shutil.copy(acts_dir() / "kk-mes-2014-161.txt", full)
    cut.write_bytes(full.read_bytes()[:20000].decode("utf-8", "ignore").encode("utf-8"))
    assert run(capsys, "ingest", "-q", "--db", db, str(full))[0] == 0
    code, out, err = run(capsys, "ingest", "-q", "--db", db, str(cut))
    assert code == 2 and "t.txt" in err and "truncated" in err and "--allow-shrink" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    acts = json.loads(run(capsys, "acts", "--db", db, "--json")[1])
    assert [(a["version"], a["positions"]) for a in acts] == [(1, 152)]
    code, out, _ = run(capsys, "ingest", "-q", "--allow-shrink", "--db", db, str(cut))
    assert code == 0 and "new_version" in out
    code, out, _ = run(capsys, "ingest", "-q", "--db", db, str(full))
    assert code == 0 and "v3" in out and "(= v1)" in out
    acts = json.loads(run(capsys, "acts", "--db", db, "--json")[1])
    assert [(a["version"], a["positions"]) for a in acts] == [(3, 152)]
    hist = json.loads(run(capsys, "acts", "--db", db, "--history", acts[0]["key"], "--json")[1])
    assert [(h["version"], h["same_text_as"], h["current"]) for h in hist] == [
        (1, None, False), (2, None, False), (3, 1, True)]
    assert "unchanged" in run(capsys, "ingest", "-q", "--db", db, str(full))[1]


@pytest.mark.parametrize("command", [["acts"], ["search", "инспектор"], ["show", "x"]])
def test_readers_refuse_a_missing_registry_and_create_nothing(capsys, tmp_path, command):
    missing = tmp_path / "typo.db"
    code, _, err = run(capsys, *command, "--db", str(missing))
    assert code == 2 and "no registry here" in err and str(missing) in err
    assert not missing.exists()


def test_show_version_prints_the_post_as_an_earlier_text_had_it(capsys, tmp_path):
    """Issue 4: a changed ARA text (a post renamed) becomes v2; ``show --version 1`` reads v1."""
    db, v1, v2 = str(tmp_path / "r.db"), acts_dir() / "kk-ara-2014-9.txt", tmp_path / "ara_v2.txt"
    text = v1.read_text(encoding="utf-8")
    v2.write_text(text.replace("Төрағаның кеңесшісі, С-3", "Төрағаның бас кеңесшісі, С-3"), encoding="utf-8")
    assert run(capsys, "ingest", "-q", "--db", db, str(v1), str(v2))[0] == 0
    old = json.loads(run(capsys, "show", "9211-2-2-1", "--version", "1", "--db", db, "--json")[1])
    new = json.loads(run(capsys, "show", "9211-2-2-1", "--db", db, "--json")[1])
    assert (old["position"]["title"], old["act"]["version"]) == ("Төрағаның кеңесшісі", 1)
    assert (new["position"]["title"], new["act"]["version"]) == ("Төрағаның бас кеңесшісі", 2)
    assert "Төрағаның кеңесшісі" in old["raw"] and "бас" not in old["raw"].split("\n")[0]
    code, out, _ = run(capsys, "show", "9211-2-2-1", "--version", "1", "--db", db)
    assert code == 0 and out.startswith("Төрағаның кеңесшісі\n") and "reg-9211 v1" in out
    code, _, err = run(capsys, "show", "9211-2-2-1", "--version", "3", "--db", db)
    assert code == 2 and "version 3" in err and err.count("\n") == 1
