"""The acts bundled with the package (``data/acts``), for the demo, benchmarks and tests."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def acts_dir() -> Path:
    return Path(str(resources.files("kzqual") / "data" / "acts"))


def act_paths() -> list[Path]:
    """Every bundled act file, sorted by name."""
    return sorted(acts_dir().glob("*.txt"))
