"""`kzqual ingest FOLDER` on act folders (kazakhstan-law/ministerial layout), `acts` and `show`
with two language texts.  Act: tests/corpus/adilet-2014-78721 (registration № 9313 in its
meta.yaml; both texts print a post "№ 01-01")."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kzqual.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(autouse=True)
def english_labels(monkeypatch):
    monkeypatch.setenv("KZQUAL_LANG", "en")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        main(list(argv))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_folder_reports_each_text_and_skips_a_bad_folder(capsys, tmp_path):
    acts = tmp_path / "acts"
    shutil.copytree(CORPUS / "adilet-2014-78721", acts / "adilet-2014-78721")
    bad = acts / "adilet-2099-1"
    bad.mkdir()
    (bad / "kaz.md").write_text("# Атауы\n\nМәтін.\n", encoding="utf-8")  # no meta.yaml, no rus.md
    db = str(tmp_path / "r.db")
    code, out, err = run(capsys, "ingest", "-q", "--db", db, str(acts))
    assert code == 2
    lines = out.splitlines()
    assert any(line.split()[:4] == ["added", "reg-9313", "v1", "kk"] for line in lines)
    assert any(line.split()[:4] == ["added", "reg-9313", "v1", "ru"] for line in lines)
    assert err.count("kzqual: error:") == 2 and "meta.yaml" in err and "rus.md" in err
    code, out, _ = run(capsys, "acts", "--db", db, "--json")
    listed = json.loads(out)
    assert [(a["key"], a["languages"]) for a in listed] == [("reg-9313", ["kk", "ru"])]
    code, out, _ = run(capsys, "acts", "--db", db)
    assert "kk, ru" in out
    code, out, _ = run(capsys, "show", "9313-01-01", "--lang", "ru", "--db", db, "--json")
    rec = json.loads(out)
    assert rec["act"]["language"] == "ru" and rec["aligned"] == {"position_id": "9313-01-01", "language": "kk",
                                                                 "method": "number"}
    code, out, _ = run(capsys, "show", "9313-01-01", "--db", db)
    assert code == 0 and "9313-01-01 (ru;" in out  # the readable view names the partner
    code, out, _ = run(capsys, "acts", "--db", db, "--history", "reg-9313", "--lang", "ru", "--json")
    assert [(v["version"], v["language"], v["current"]) for v in json.loads(out)] == [(1, "ru", True)]


def test_parse_and_positions_read_markdown_with_meta(capsys):
    code, out, _ = run(capsys, "parse", str(CORPUS / "adilet-2014-78721" / "rus.md"), "--json")
    data = json.loads(out)
    assert code == 0 and data["act"]["registration"]["number"] == "9313" and data["act"]["language"] == "ru"
    assert data["act"]["provenance"]["registration"].endswith("meta.yaml")
    code, out, _ = run(capsys, "positions", str(CORPUS / "adilet-2014-78721" / "kaz.md"), "--json")
    ids = [p["id"] for p in json.loads(out)]
    assert code == 0 and "9313-01-01" in ids and "9313-05-01" in ids


def test_summary_of_a_folder_reads_its_act_folders(capsys, tmp_path):
    for name in ("adilet-2014-78721", "adilet-2015-96763"):
        shutil.copytree(CORPUS / name, tmp_path / name)
    code, out, _ = run(capsys, "summary", str(tmp_path), "--json")
    rows = json.loads(out)
    assert code == 0
    assert [(r["file"], r["language"], r["registration"]) for r in rows] == [
        ("adilet-2014-78721/kaz.md", "kk", "9313"), ("adilet-2014-78721/rus.md", "ru", "9313"),
        ("adilet-2015-96763/kaz.md", "kk", "12574"), ("adilet-2015-96763/rus.md", "ru", "12574")]
