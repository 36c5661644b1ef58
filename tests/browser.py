"""The one headless Chromium of a test worker, shared by every browser test.

Playwright's sync API allows a single running instance per process: two fixtures each starting
their own (one session-scoped, one module-scoped) collide when pytest-xdist puts both modules on
the same worker. So every browser test takes ``browser`` from here.

The fixture is registered once, in tests/conftest.py: importing it into several conftests would
register several session fixtures, and pytest would start one per registration.

If Chromium cannot start, the browser tests skip locally and FAIL when the environment variable
CI is set, so a CI machine without Chromium cannot pass silently. Debian's Chromium is used, never
a browser download.
"""

from __future__ import annotations

from contextlib import contextmanager

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else (shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests need Chromium in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} not installed (scripts/system-deps.sh installs it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - playwright is a test dependency
        _unavailable(f"playwright not importable: {exc}")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as exc:
        pw.stop()
        _unavailable(f"Chromium did not start: {exc}")
    yield b
    b.close()
    pw.stop()


@contextmanager
def new_page(browser, **options):
    """A page in a fresh browser context (its own cookies), closed afterwards."""
    context = browser.new_context(**options)
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    try:
        yield pg
    finally:
        context.close()
