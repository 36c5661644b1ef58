"""Shared fixtures.  Area-specific fixtures live in tests/<area>/conftest.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import browser  # noqa: F401  (the one shared Chromium, tests/browser.py)

from kzqual.bundled import acts_dir

# The bundled acts by what they are (see ../shared/README.md and docs/acts.md).
ACTS = {
    "mod_134_ru": "ru-mod-2017-134.txt",  # characteristics, Russian, in force
    "mes_161_kk": "kk-mes-2014-161.txt",  # paragraph layout with departments, 152 posts
    "mod_674_kk": "kk-mod-2022-674.txt",  # public-service standard (amending act)
    "ara_9_kk": "kk-ara-2014-9.txt",  # paragraph layout with units and numbers
    "mebp_75_kk": "kk-mebp-2014-75.txt",  # table layout, 509 blocks
}


@pytest.fixture(scope="session")
def act_path():
    """``act_path("mes_161_kk")`` -> Path of a bundled act."""

    def get(name: str) -> Path:
        return acts_dir() / ACTS[name]

    return get


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    d = Path(__file__).resolve().parent.parent / "artifacts"
    d.mkdir(exist_ok=True)
    return d


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_db_url(request, tmp_path) -> str:
    """The URL of a new, empty (not migrated) database on each back end, dropped after the test.
    The PostgreSQL side needs the area's ``pg_server`` fixture (tests/pg.py)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'fresh.db'}"
    server = request.getfixturevalue("pg_server")
    name = server.create_db()
    request.addfinalizer(lambda: server.drop_db(name))
    return server.url(name)
