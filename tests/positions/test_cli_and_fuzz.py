"""The ``kzqual positions`` command (real process) and extract() on mutated text (hypothesis)."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzqual.acts.model import Act
from kzqual.positions import extract
from kzqual.text import clean

KZQUAL = [sys.executable, "-m", "kzqual.cli"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*KZQUAL, *args], capture_output=True, text=True, timeout=120)


def test_cli_json(act_path, tmp_path):
    out = tmp_path / "p.json"
    r = run("positions", str(act_path("ara_9_kk")), "--out", str(out))
    assert r.returncode == 0, r.stderr
    records = json.loads(out.read_text(encoding="utf-8"))
    assert len(records) == 43
    assert records[0]["id"] == "9211-2-2-1" and records[0]["category"] == "C-3"
    r = run("positions", str(act_path("mod_134_ru")), "--json")
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 14


def test_cli_table(act_path):
    r = run("positions", str(act_path("mod_134_ru")))
    assert r.returncode == 0
    assert "15125-g1-p3-2" in r.stdout


def test_cli_bad_input(tmp_path):
    r = run("positions", str(tmp_path / "missing.txt"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    r = run("positions", str(binary))
    assert r.returncode == 2 and "Traceback" not in r.stderr


def _excerpt(path, start: int, n: int) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[start : start + n]


ACT = Act(title="t", language="kk", act_type="order", act_type_raw="бұйрық")


@st.composite
def mutated(draw, lines: list[str]):
    lines = list(lines)
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["drop", "dup", "blank", "glue", "split", "garble"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "blank":
            lines.insert(i, "")
        elif op == "glue" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + lines[i + 1]]
        elif op == "split" and len(lines[i]) > 2:
            k = draw(st.integers(1, len(lines[i]) - 1))
            lines[i : i + 1] = [lines[i][:k], lines[i][k:]]
        elif op == "garble":
            lines[i] = draw(st.text(max_size=40))
    return lines


def _check(text: str) -> None:
    ct = clean(text)
    x = extract(ct, ACT)
    # extract() turns a crash into a warning so users never lose an act; here a crash is a bug
    crash_codes = ("extraction_failed", "post_not_built", "parser_failed")
    crashes = [w for w in x.warnings if w.code in crash_codes]
    crashes += [w for p in x.positions for w in p.warnings if w.code in crash_codes]
    assert not crashes, crashes
    n = len(ct.raw_lines)
    for p in x.positions:
        assert 1 <= p.lines.start <= p.lines.end <= n
        for part in (p.education, p.experience, p.competence):
            if part.lines:
                assert 1 <= part.lines.start <= part.lines.end <= n
        # each alternative / rung is located inside its criterion, whatever the damage
        for a in p.experience.alternatives:
            assert p.experience.lines.start <= a.lines.start <= a.lines.end <= p.experience.lines.end
        for g in p.grades:
            assert p.lines.start <= g.lines.start <= g.lines.end <= p.lines.end
        sub = [w for part in (p.education, p.experience, p.competence) for w in part.warnings]
        assert all(any(w.code == pw.code and w.message in pw.message for pw in p.warnings) for w in sub)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_table_excerpt(act_path, data):
    base = _excerpt(act_path("mebp_75_kk"), 50, 260)
    _check("\n".join(data.draw(mutated(base))))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_paragraph_excerpt(act_path, data):
    base = _excerpt(act_path("mes_161_kk"), 55, 200)
    _check("\n".join(data.draw(mutated(base))))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_characteristics_excerpt(act_path, data):
    base = _excerpt(act_path("mod_134_ru"), 40, 300)
    _check("\n".join(data.draw(mutated(base))))
