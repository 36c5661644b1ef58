"""Fixtures of the act-layer tests: each bundled act parsed once per session."""

from __future__ import annotations

import pytest

from kzqual.acts import parse_file


@pytest.fixture(scope="session")
def parsed(act_path):
    cache: dict = {}

    def get(name: str):
        if name not in cache:
            cache[name] = parse_file(act_path(name))
        return cache[name]

    return get
