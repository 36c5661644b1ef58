"""``kzqual parse`` / ``kzqual summary``: output shapes and bad input, via subprocess and click's runner."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kzqual.cli import app, main


def _run(*args: str, env_lang: str = "en") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from kzqual.cli import main; main()", *args],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
        # PYTHONPATH passed on: the child imports the checkout under test, not another installed copy
        env={"KZQUAL_LANG": env_lang, "PATH": "/usr/bin:/bin", "PYTHONPATH": os.environ.get("PYTHONPATH", "")},
    )


def test_parse_json_is_one_object(act_path):
    proc = _run("parse", "--json", str(act_path("mes_161_kk")))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"act", "structure", "warnings", "coverage"}
    assert data["coverage"]["posts"] == 152 and data["coverage"]["unplaced"] == []
    act = data["act"]
    assert (act["language"], act["act_type"], act["date"], act["number"]) == ("kk", "order", "2014-04-09", "161")
    assert act["registration"] == {"number": "9344", "date": "2014-04-18"}
    assert act["status"] == "repealed"
    assert (act["repealed_by"]["date"], act["repealed_by"]["number"]) == ("2015-11-16", "927")
    assert act["notes"][0]["kind"] == "repeal"
    assert act["title"].startswith("Қазақстан Республикасы")
    assert act["issuer"] == "Қазақстан Республикасы Төтенше жағдайлар министрі"
    assert act["key"] == "reg-9344"
    assert [n["kind"] for n in data["structure"]].count("appendix") == 2


def test_parse_readable(act_path):
    runner = CliRunner()
    result = runner.invoke(app, ["parse", str(act_path("mod_134_ru"))], env={"KZQUAL_LANG": "ru"})
    assert result.exit_code == 0, result.output
    assert "Министр обороны Республики Казахстан" in result.output
    assert "15125" in result.output
    assert "Действует" in result.output  # status label from the catalogue
    # Machine keys (order, point, amendment, after_publication) are shown to people by their labels.
    assert "Пункт 1, изменение" in result.output and "point 1" not in result.output
    assert "приказ" in result.output and "order (" not in result.output
    assert "Пункт 1" in result.output and "subpoint" not in result.output
    assert "after_publication" not in result.output


@pytest.mark.parametrize("lang, words", [("kk", ("Тармақ 1", "бұйрық", "Қосымша")),
                                         ("en", ("Point 1", "order", "Appendix"))])
def test_parse_readable_labels_follow_lang(act_path, lang, words):
    result = CliRunner().invoke(app, ["parse", str(act_path("mes_161_kk"))], env={"KZQUAL_LANG": lang})
    assert result.exit_code == 0, result.output
    for word in words:
        assert word in result.output, word


def test_parse_out_writes_atomically(act_path, tmp_path):
    out = tmp_path / "act.json"
    runner = CliRunner()
    result = runner.invoke(app, ["parse", str(act_path("ara_9_kk")), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["act"]["number"] == "9"
    assert [p.name for p in tmp_path.iterdir()] == ["act.json"]  # no temp file left behind


def test_parse_out_on_bad_input_leaves_no_file(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    proc = _run("parse", str(bad), "--out", str(out))
    assert proc.returncode == 2
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "out.json"]


def test_parse_out_into_missing_folder(act_path, tmp_path):
    proc = _run("parse", str(act_path("ara_9_kk")), "--out", str(tmp_path / "no" / "such" / "a.json"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_summary_default_lists_the_bundled_acts():
    proc = _run("summary", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert [(r["file"], r["number"], r["registration"], r["status"]) for r in rows] == [
        ("kk-ara-2014-9.txt", "9", "9211", "repealed"),
        ("kk-mebp-2014-75.txt", "75", "9219", "repealed"),
        ("kk-mes-2014-161.txt", "161", "9344", "repealed"),
        ("kk-mod-2022-674.txt", "674", "29277", "in_force"),
        ("ru-mod-2017-134.txt", "134", "15125", "in_force"),
    ]
    table = _run("summary")
    assert table.returncode == 0
    assert "29277" in table.stdout and "15125" in table.stdout


def _bad_inputs(tmp_path, act_path):
    head = act_path("mes_161_kk").read_bytes()[:3000]
    cases = {
        "empty": b"",
        "binary": bytes(range(256)) * 40,
        "not_an_act": "Бұл жай мәтін, акт емес.\nҚазақстан туралы әңгіме.\n".encode(),
        "encoding": "Қазақстан Республикасы".encode("utf-8") + b"\xff\xfe\x00\x81" * 20 + b"\x9d\x8f" * 50,
        "truncated": head[:40],  # cut inside the title: no type, no date, no number
    }
    paths = {}
    for name, data in cases.items():
        p = tmp_path / f"{name}.txt"
        p.write_bytes(data)
        paths[name] = p
    paths["folder"] = tmp_path
    paths["missing"] = tmp_path / "missing.txt"
    return paths


@pytest.mark.parametrize("case", ["empty", "binary", "not_an_act", "encoding", "truncated", "folder", "missing"])
def test_bad_input_subprocess(case, tmp_path, act_path):
    path = _bad_inputs(tmp_path, act_path)[case]
    proc = _run("parse", str(path))
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().split("\n")
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert str(path) in lines[0]


@pytest.mark.parametrize("case", ["empty", "binary", "not_an_act", "encoding", "truncated", "folder", "missing"])
def test_bad_input_click_runner(case, tmp_path, act_path, capsys):
    path = _bad_inputs(tmp_path, act_path)[case]
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(path)])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("kzqual: error: ") and err.count("\n") == 1 and str(path) in err


@pytest.mark.parametrize("command", ["parse", "positions"])
def test_an_act_cut_off_half_way_is_refused(command, tmp_path, act_path):
    # A real act cut in the middle of a Cyrillic letter (as `head -c` would): exit 2, one line
    # naming the file and saying it looks cut off, nothing on stdout.
    data = act_path("mes_161_kk").read_bytes()
    cut = len(data) // 2
    while data[cut] & 0xC0 != 0x80:  # move to a continuation byte: the cut splits a character
        cut += 1
    path = tmp_path / "half.txt"
    path.write_bytes(data[:cut])
    proc = _run(command, "--json", str(path))
    assert proc.returncode == 2 and proc.stdout == ""
    (line,) = proc.stderr.strip().splitlines()
    assert str(path) in line and "cut off" in line


def test_positions_of_a_text_that_is_not_an_act_is_refused(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Бұл жай мәтін, акт емес.\nҚазақстан туралы әңгіме.\n", encoding="utf-8")
    proc = _run("positions", "--json", str(path))
    assert proc.returncode == 2 and proc.stdout == "" and str(path) in proc.stderr


def test_too_large(tmp_path, capsys):
    # A sparse file: larger than any act on disk size, yet it costs no disk space or read time.
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.write("Приказ от 1 января 2020 года № 1\n".encode())
        fh.truncate(200 * 1024 * 1024)
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(big)])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "too large" in err and str(big) in err


def test_summary_bad_path_is_one_line(tmp_path):
    proc = _run("summary", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1


def test_summary_labels_follow_lang():
    result = CliRunner().invoke(app, ["summary"], env={"KZQUAL_LANG": "ru"})
    assert result.exit_code == 0, result.output
    assert "приказ" in result.output and " order " not in result.output



def test_top_level_lang_overrides_the_environment(act_path):
    # `kzqual --lang ru parse …` prints Russian labels even when KZQUAL_LANG says English; a
    # language the catalogue lacks is a usage error (exit 2).
    path = str(act_path("ara_9_kk"))
    ru = _run("--lang", "ru", "parse", path, env_lang="en")
    assert ru.returncode == 0, ru.stderr
    assert "Название" in ru.stdout and "Title" not in ru.stdout
    en = _run("parse", path, env_lang="en")
    assert "Title" in en.stdout
    bad = _run("--lang", "xx", "parse", path)
    assert bad.returncode == 2 and "--lang" in bad.stderr
