"""Fixtures for the requirement parsers: raw line ranges of the bundled acts."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

from kzqual.bundled import acts_dir

sys.path.insert(0, str(Path(__file__).parent))  # seedcells helper

FILES = {
    "mod_134_ru": "ru-mod-2017-134.txt",
    "mes_161_kk": "kk-mes-2014-161.txt",
    "ara_9_kk": "kk-ara-2014-9.txt",
    "mebp_75_kk": "kk-mebp-2014-75.txt",
}


@cache
def _lines(act: str) -> list[str]:
    return (acts_dir() / FILES[act]).read_text(encoding="utf-8").split("\n")


def raw_lines(act: str, start: int, end: int) -> str:
    """Raw lines ``start..end`` (1-based, inclusive) of a bundled act, as exported."""
    return "\n".join(_lines(act)[start - 1 : end])


@pytest.fixture(scope="session")
def raw():
    return raw_lines
