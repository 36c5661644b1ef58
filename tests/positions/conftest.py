"""Fixtures of the positions tests: each bundled act extracted once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzqual.positions import extract_file
from kzqual.text import read


@pytest.fixture(scope="session")
def extracted(act_path):
    cache: dict = {}

    def get(name: str):
        if name not in cache:
            cache[name] = extract_file(act_path(name))
        return cache[name]

    return get


@pytest.fixture(scope="session")
def clean_text(act_path):
    cache: dict = {}

    def get(name: str):
        if name not in cache:
            cache[name] = read(act_path(name))
        return cache[name]

    return get


def by_id(extraction) -> dict:
    return {p.id: p for p in extraction.positions}


def damaged(act_path, tmp_path: Path, line: int) -> Path:
    """mes-161 with one raw line blanked (line numbers unchanged)."""
    raw = act_path("mes_161_kk").read_text(encoding="utf-8").split("\n")
    raw[line - 1] = ""
    out = tmp_path / "mes-161-damaged.txt"
    out.write_text("\n".join(raw), encoding="utf-8")
    return out
