"""Hostile input (issue 10, part 3): pathological lines read in bounded time, linear growth; the
screen's work bounds; strict dates and integers; 413 for a chunked body; 405's Allow; CSV cells."""

from __future__ import annotations

import csv
import io
import socket
import sys
import time
from pathlib import Path

import httpx
import pytest

from kzqual.acts import read_act
from kzqual.api import Settings, create_app
from kzqual.api.server import ServerThread
from kzqual.positions import extract
from kzqual.text import read

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile_cases import pathological_cases  # noqa: E402
from input_helpers import TOKEN, running_server  # noqa: E402


def _pipeline_seconds(path: Path) -> float:
    """CPU seconds of this process (the readers are single-threaded): other jobs on the machine
    skew it far less than wall time."""
    t = time.process_time()
    ct = read(path)
    list(extract(ct, read_act(ct).act).positions)
    return time.process_time() - t


def test_issue_case_reads_in_seconds(tmp_path):
    """The issue's file: one 40,000-letter word and a Latin letter on one line took 68 s."""
    path = tmp_path / "word.txt"
    path.write_text(pathological_cases(80_000)["long_word_latin"], encoding="utf-8")
    assert _pipeline_seconds(path) < 30


@pytest.mark.parametrize("name", sorted(pathological_cases(1000)))
def test_pathological_lines_grow_linearly(tmp_path, name):
    """Each pathology at n and 4 n bytes: the whole reading (text, act, positions) stays within a
    generous bound, and 4 n takes far less than the 16x a quadratic reader would."""
    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text(pathological_cases(20_000)[name], encoding="utf-8")
    big.write_text(pathological_cases(80_000)[name], encoding="utf-8")
    _pipeline_seconds(small)  # warm the caches (compiled patterns, vocabularies)
    t_small = min(_pipeline_seconds(small) for _ in range(2))
    t_big = min(_pipeline_seconds(big) for _ in range(2))
    lines = len(big.read_text(encoding="utf-8").splitlines())
    assert t_big < 30, f"{name}: {t_big:.1f} s for {lines} lines"
    # linear growth is ~4x plus the fixed head, quadratic 16x; allow 10x (and ignore times under
    # 2 s, where a busy machine's noise dominates)
    assert t_big < max(10 * t_small, 2.0), f"{name}: {t_small:.2f} s -> {t_big:.2f} s"


# ------------------------------------------------------------------ a live server

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("hostile")) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield client


def test_anonymous_screen_is_bounded_before_work(server):
    body = '{"id": "p"}\n' * 101
    r = server.post("/api/v1/eligibility/screen", content=body)
    assert r.status_code == 413
    err = r.json()["error"]
    assert err["code"] == "too_much_work" and "at most 100" in err["message"] and "Bearer" in err["message"]
    r = server.post("/api/v1/eligibility/screen?include_all=true", content=body,
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200
    assert {row["line"] for row in map(__import__("json").loads, r.text.splitlines())} == set(range(1, 102))
    # a wrong token is anonymous here
    r = server.post("/api/v1/eligibility/screen", content=body, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 413


def test_screen_time_bound_ends_the_stream(tmp_path):
    with running_server(tmp_path, anon_screen_max_seconds=0.0) as url:
        r = httpx.post(f"{url}/api/v1/eligibility/screen?include_all=true", content='{"id": "p"}\n' * 3,
                       timeout=60)
    import json

    rows = [json.loads(line) for line in r.text.splitlines()]
    assert r.status_code == 200 and len(rows) == 1
    assert rows[-1]["error"]["code"] == "too_much_work" and "time bound" in rows[-1]["error"]["message"]


@pytest.mark.parametrize("path,params", [
    ("/api/v1/acts", {"in_force_on": "0"}),
    ("/api/v1/acts", {"in_force_on": "2024-1-1"}),
    ("/api/v1/positions", {"in_force_on": "1700000000"}),
    ("/api/v1/acts", {"offset": "false"}),
    ("/api/v1/acts", {"offset": "1.0"}),
    ("/api/v1/acts", {"limit": " 5"}),
    ("/api/v1/acts", {"limit": "1_0"}),
    ("/api/v1/eligibility/screen", {"as_of": "0"}),
])
def test_strict_query_parameters(server, path, params):
    method = server.post if path.endswith("screen") else server.get
    kwargs = {"content": '{"id": "p"}\n'} if path.endswith("screen") else {}
    r = method(path, params=params, **kwargs)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "validation_error"


@pytest.mark.parametrize("body", [
    {"profile": {}, "as_of": 0},
    {"profile": {}, "in_force_on": "0"},
    {"profile": {}, "offset": False},
    {"profile": {}, "limit": 5.0},
    {"profile": {}, "limit": "5"},
    {"profile": {}, "near_years": True},
])
def test_strict_json_bodies(server, body):
    r = server.post("/api/v1/eligibility/match", json=body)
    assert r.status_code == 422, r.text


def test_strict_values_still_accepted(server):
    assert server.get("/api/v1/acts", params={"in_force_on": "2024-01-01", "limit": "5", "offset": "0"}).status_code == 200
    r = server.post("/api/v1/eligibility/match", json={"profile": {}, "as_of": "2024-01-01", "limit": 5, "near_years": 1})
    assert r.status_code == 200, r.text


def test_chunked_body_over_the_limit_gets_413(tmp_path):
    srv = ServerThread(create_app(Settings(db=str(tmp_path / "e.db"), token=TOKEN, max_body_bytes=1000)))
    url = srv.start()
    host, port = url.split("//")[1].split(":")
    try:
        for path, ctype in [("/api/v1/eligibility/match", "application/json"),
                            ("/api/v1/eligibility/check", "application/json"),
                            ("/api/v1/eligibility/screen", "application/x-ndjson")]:
            with socket.create_connection((host, int(port)), timeout=30) as sock:
                head = (f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {ctype}\r\n"
                        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                sock.sendall(head.encode())
                chunk = b'{"profile": {"x": "' + b"a" * 600
                for _ in range(3):  # 3 x ~620 bytes: over the 1000-byte limit, no Content-Length
                    sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                try:
                    sock.sendall(b"0\r\n\r\n")
                except OSError:
                    pass  # the server may answer and close before the last chunk
                answer = b""
                while data := sock.recv(65536):
                    answer += data
            status = answer.split(b"\r\n", 1)[0]
            assert b" 413 " in status, (path, answer[:300])
            assert b"payload_too_large" in answer
    finally:
        srv.stop()


@pytest.mark.parametrize("method,path,allowed", [
    ("DELETE", "/api/v1/acts", "GET"),
    ("PUT", "/api/v1/eligibility/check", "POST"),
    ("DELETE", "/api/v1/services/cases", "GET, POST"),
    ("PUT", "/eligibility", "GET, POST"),
    ("POST", "/static/style.css", "GET, HEAD"),
    ("POST", "/api/v1/docs", "GET"),
])
def test_405_lists_every_allowed_method(server, method, path, allowed):
    r = server.request(method, path)
    assert r.status_code == 405
    assert r.headers["allow"] == allowed


def test_n6_csv_neutralises_formulas(server):
    """A group's number, profile and note typed as formulas reach the Н6 CSV as text."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    group = {"number": "=1+1", "profile": "@SUM(A1:A9)", "planned_creation": "2024-02-01",
             "period_start": "2024-03-01", "period_end": "2024-05-31", "note": '=HYPERLINK("http://x","y")'}
    r = server.post("/api/v1/services/groups", json=group, headers=auth)
    assert r.status_code in (200, 201), r.text
    r = server.get("/api/v1/services/reports/n6", params={"year": 2024, "half": 1, "format": "csv"}, headers=auth)
    assert r.status_code == 200, r.text
    rows = list(csv.reader(io.StringIO(r.text)))
    cells = [c for row in rows[1:] for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not c[1:].isdigit())], cells
    assert "'=HYPERLINK(\"http://x\",\"y\")" in cells
    from kzqual.csv_cells import safe_cell

    for bad in ("=1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert safe_cell(bad) == "'" + bad
    assert safe_cell(5) == 5 and safe_cell("С-4") == "С-4" and safe_cell("2024-01-01") == "2024-01-01"


def test_screen_csv_neutralises_formula_profile_ids(tmp_path):
    import os
    import subprocess

    src = Path(__file__).resolve().parents[2] / "src"
    people = tmp_path / "people.jsonl"
    people.write_text('{"id": "=HYPERLINK(\\"http://x\\")"}\n{"id": "plain"}\n', encoding="utf-8")
    out = tmp_path / "v.csv"
    res = subprocess.run([sys.executable, "-m", "kzqual.cli", "screen", str(people), "--act",
                          str(src / "kzqual" / "data" / "acts" / "ru-mod-2017-134.txt"), "--all", "--out", str(out)],
                         capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(src)})
    assert res.returncode == 0, res.stderr
    ids = {row["profile_id"] for row in csv.DictReader(out.open(encoding="utf-8"))}
    assert ids == {"'=HYPERLINK(\"http://x\")", "plain"}
