"""Deeply nested JSON ([ x 1000) is bad input on every interface that reads user JSON (issue 10,
part 3): the CLI prints one line and exits 2, the API and the web form answer 400; before, each
raised RecursionError (tracebacks, a 500, an aborted stream)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

import kzqual
from kzqual import safe_json
from kzqual.errors import InputError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from input_helpers import TOKEN, running_server  # noqa: E402

DEEP = "[" * 1000 + "]" * 1000
DEEP_IN_PROFILE = '{"education": ' + "[" * 200 + "]" * 200 + "}"
SRC = Path(kzqual.__file__).resolve().parents[1]


def kzqual_cli(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC), "KZQUAL_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "kzqual.cli", *args], input=stdin, capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=120)


def assert_one_line_exit_2(res: subprocess.CompletedProcess, *words: str) -> None:
    assert res.returncode == 2, (res.returncode, res.stderr[-800:])
    assert "Traceback" not in res.stderr and "RecursionError" not in res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    for w in words:
        assert w in lines[0], lines[0]


# ------------------------------------------------------------------ the loader itself

def test_loader_refuses_deep_and_counts_only_structure():
    with pytest.raises(InputError) as exc:
        safe_json.loads(DEEP)
    assert exc.value.code == "too_deep"
    # brackets inside strings (and escaped quotes) do not count
    text = json.dumps({"a": "[" * 5000 + '\\"' + "{" * 5000})
    assert safe_json.loads(text)["a"].startswith("[[[")
    assert safe_json.loads("[" * 64 + "]" * 64) is not None  # the limit itself is fine
    with pytest.raises(InputError):
        safe_json.loads("[" * 65 + "]" * 65)
    with pytest.raises(InputError) as exc:
        safe_json.loads("[1]" + " " * 100, max_bytes=50)
    assert exc.value.code == "too_large"
    with pytest.raises(InputError) as exc:
        safe_json.loads("{")
    assert "malformed JSON" in str(exc.value)


def test_depth_scan_is_linear_in_time():
    import time

    big = ("[" * 60 + "]" * 60 + ",") * 30_000  # 3.6 MB of allowed nesting, many brackets
    t = time.perf_counter()
    assert safe_json.nesting_depth(("[" + big + "0]").encode()) == 61
    assert time.perf_counter() - t < 20  # ~1 s here; a generous bound, not a benchmark


# ------------------------------------------------------------------ CLI

@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("deep")
    (d / "deep.json").write_text(DEEP, encoding="utf-8")
    (d / "deep.jsonl").write_text(DEEP + "\n", encoding="utf-8")
    (d / "deep_inner.json").write_text(DEEP_IN_PROFILE, encoding="utf-8")
    return d


def test_cli_check_and_match(files):
    assert_one_line_exit_2(kzqual_cli("check", str(files / "deep.json"), "x"), "nested deeper than 64")
    assert_one_line_exit_2(kzqual_cli("match", str(files / "deep.json")), "nested deeper than 64")
    assert_one_line_exit_2(kzqual_cli("match", str(files / "deep_inner.json")), "nested deeper than 64")


def test_cli_screen_reports_the_line(files, tmp_path):
    act = SRC / "kzqual" / "data" / "acts" / "ru-mod-2017-134.txt"
    res = kzqual_cli("screen", str(files / "deep.jsonl"), "--act", str(act), "--out", str(tmp_path / "v.csv"))
    assert "Traceback" not in res.stderr and "RecursionError" not in res.stderr
    assert res.returncode in (0, 2), res.stderr
    assert "deep.jsonl:1:" in res.stderr and "nested deeper than 64" in res.stderr


def test_cli_service_apply_and_option_files(files, tmp_path):
    db = str(tmp_path / "svc.db")
    assert_one_line_exit_2(kzqual_cli("service", "apply", "--db", db, str(files / "deep.json")),
                           "nested deeper than 64")
    assert_one_line_exit_2(kzqual_cli("service", "apply", "--db", db, "-", stdin=DEEP), "stdin")
    ok_app = tmp_path / "app.json"
    ok_app.write_text("{}", encoding="utf-8")
    for option in ("--settings", "--calendar-overrides"):
        res = kzqual_cli("service", "apply", "--db", db, option, str(files / "deep.json"), str(ok_app))
        assert_one_line_exit_2(res, "deep.json", "nested deeper than 64")
    res = kzqual_cli("match", "--taxonomy", str(files / "deep.json"), str(files / "deep_inner.json"))
    assert_one_line_exit_2(res, "nested deeper than 64")


# ------------------------------------------------------------------ API and web form (live server)

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("deepsrv")) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield client


@pytest.mark.parametrize("path,body", [
    ("/api/v1/eligibility/check", '{"profile": %s, "position_id": "x"}' % DEEP),
    ("/api/v1/eligibility/match", '{"profile": %s}' % DEEP_IN_PROFILE),
    ("/api/v1/services/cases", '{"application": %s, "actor": "a"}' % DEEP),
])
def test_api_json_bodies(server, path, body):
    r = server.post(path, content=body, headers={"content-type": "application/json",
                                                 "Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 400, r.text
    assert r.json()["error"]["code"] == "too_deep"


def test_api_screen_stream_answers_the_line(server):
    body = DEEP + "\n" + '{"id": "ok"}\n'
    r = server.post("/api/v1/eligibility/screen?include_all=true", content=body,
                    headers={"content-type": "application/x-ndjson"})
    assert r.status_code == 200
    rows = [json.loads(line) for line in r.text.splitlines()]
    assert rows[0] == {"line": 1, "error": "JSON nested deeper than 64 levels"}
    assert any(row.get("profile_id") == "ok" for row in rows[1:])  # the next line was still read


def test_web_form_upload_and_paste(server):
    from staff import csrf_of

    token = csrf_of(server.get("/eligibility").text)  # the form's CSRF token (its cookie stays in the client)
    r = server.post("/eligibility", data={"profile_json": DEEP, "csrf_token": token}, headers={"Accept": "text/html"})
    assert r.status_code == 400 and "nested deeper than 64" in r.text
    r = server.post("/eligibility", files={"profile_file": ("p.json", DEEP.encode(), "application/json")},
                    data={"csrf_token": token}, headers={"Accept": "text/html"})
    assert r.status_code == 400 and "nested deeper than 64" in r.text
