"""`kzqual demo` and `kzqual serve` as real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from kzqual.api.server import free_port

KZQUAL = [sys.executable, "-m", "kzqual.cli"]


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KZQUAL, *args], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "COLUMNS": "160", **(env or {})})


def test_demo_is_idempotent(tmp_path: Path):
    db = str(tmp_path / "demo.db")
    first = _run("demo", "--db", db, "--no-serve")
    assert first.returncode == 0, first.stderr
    assert "reg-9344" in first.stdout and "added" in first.stdout
    assert "5 added this run" in first.stdout
    second = _run("demo", "--db", db, "--no-serve")
    assert second.returncode == 0, second.stderr
    assert "0 added this run, 5 re-used" in second.stdout and "unchanged" in second.stdout


def test_demo_bad_db_is_one_line_exit_2(tmp_path: Path):
    r = _run("demo", "--db", str(tmp_path / "no" / "such" / "x.db"), "--no-serve")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_serve_bad_db_is_one_line_exit_2(tmp_path: Path):
    not_sqlite = tmp_path / "x.db"
    not_sqlite.write_text("this is not a database")
    r = _run("serve", "--db", str(not_sqlite), "--port", str(free_port()))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "not a SQLite database" in r.stderr and "Traceback" not in r.stderr


def _wait(url: str, proc: subprocess.Popen, timeout: float = 120) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("server did not answer")


def test_serve_runs_uvicorn_and_stops(tmp_path: Path):
    port = free_port()
    env = {**os.environ, "KZQUAL_TOKEN": ""}
    proc = subprocess.Popen([*KZQUAL, "serve", "--db", str(tmp_path / "s.db"), "--port", str(port),
                             "--log-level", "warning"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    try:
        r = _wait(f"http://127.0.0.1:{port}/api/v1/health", proc)
        assert r.json() == {"status": "ok", "version": r.json()["version"], "writes_enabled": False}
        page = httpx.get(f"http://127.0.0.1:{port}/?lang=en", timeout=10)
        assert page.status_code == 200 and "Search posts" in page.text
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
