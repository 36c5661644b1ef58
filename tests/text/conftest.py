"""Fixtures for the text layer: the bundled acts, read once per session."""

from __future__ import annotations

import pytest

from kzqual.text import read


@pytest.fixture(scope="session")
def seed(act_path):
    """``seed("mes_161_kk")`` -> CleanText of a bundled act (cached)."""
    cache = {}

    def get(name: str):
        if name not in cache:
            cache[name] = read(act_path(name))
        return cache[name]

    return get


@pytest.fixture(scope="session")
def raw_line(act_path):
    """``raw_line("ara_9_kk", 15)`` -> the raw text of line 15 (1-based) of a bundled act."""
    cache = {}

    def get(name: str, lineno: int) -> str:
        if name not in cache:
            cache[name] = act_path(name).read_text(encoding="utf-8").split("\n")
        return cache[name][lineno - 1]

    return get
