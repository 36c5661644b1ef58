"""`kzqual demo` and `kzqual serve` as real processes."""

from __future__ import annotations

import os
import re
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
    first = _run("demo", "--db", db, "--no-serve", env={"KZQUAL_LANG": "en"})
    assert first.returncode == 0, first.stderr
    assert "reg-9344" in first.stdout and "added" in first.stdout
    assert "5 added this run" in first.stdout
    assert "4 fictitious sample cases" in first.stdout  # the staff pages have something to show
    second = _run("demo", "--db", db, "--no-serve", env={"KZQUAL_LANG": "en"})
    assert second.returncode == 0, second.stderr
    assert "0 added this run, 5 re-used" in second.stdout and "unchanged" in second.stdout
    assert "sample cases" not in second.stdout  # only into a registry without cases
    # The table speaks the reader's language (headers, status, the closing line).
    ru = _run("demo", "--db", db, "--no-serve", env={"KZQUAL_LANG": "ru"})
    assert "Действует" in ru.stdout and "Должности" in ru.stdout and "добавлено 0" in ru.stdout
    assert "in_force" not in ru.stdout
    assert "без изменений" in ru.stdout and "unchanged" not in ru.stdout


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


def _leaf_commands(cmd, path=()):
    import click

    if isinstance(cmd, click.Group):
        for name, sub in cmd.commands.items():
            yield from _leaf_commands(sub, (*path, name))
    else:
        yield path, cmd


def test_help_teaches():
    """Every command of the act, service and serving areas shows an example in its --help, and
    every option says what it means (a bare `--group INTEGER` teaches nothing)."""
    from kzqual.commands.demo import demo
    from kzqual.commands.parse import parse, summary
    from kzqual.commands.serve import serve
    from kzqual.commands.service import service

    commands = [(("parse",), parse), (("summary",), summary), (("serve",), serve), (("demo",), demo),
                *(((("service", *p)), c) for p, c in _leaf_commands(service))]
    assert len(commands) > 15
    for path, cmd in commands:
        assert "kzqual " + " ".join(path) in (cmd.epilog or ""), f"{path}: no example"
        for p in cmd.params:
            if p.param_type_name == "option" and p.name != "help":
                assert p.help, f"{path}: {p.opts} has no help"
    # The examples are shown (not rewrapped into one paragraph).
    out = _run("service", "apply", "--help").stdout
    assert "Examples:" in out and re.search(r"\n +kzqual service apply application.json", out)
