"""Fixtures of the eligibility engine's tests: real posts of the bundled acts, profiles by hand."""

from __future__ import annotations

import pytest

from kzqual.bundled import acts_dir
from kzqual.positions import extract_file
from kzqual.rules import taxonomy as tx

FILES = {
    "mod_134_ru": "ru-mod-2017-134.txt",
    "mes_161_kk": "kk-mes-2014-161.txt",
    "ara_9_kk": "kk-ara-2014-9.txt",
    "mebp_75_kk": "kk-mebp-2014-75.txt",
}


@pytest.fixture(scope="session")
def posts():
    """``posts("mes_161_kk")`` -> {position id: Position} of a bundled act (extracted once)."""
    cache: dict = {}

    def get(name: str):
        if name not in cache:
            cache[name] = {p.id: p for p in extract_file(acts_dir() / FILES[name]).positions}
        return cache[name]

    return get


@pytest.fixture(scope="session")
def taxonomy():
    return tx.bundled()
