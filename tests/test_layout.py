"""The test tree itself: every folder of tests is a package.

pytest's default import mode refuses two top-level test modules with one basename, and the areas
grow their own test_cli.py, test_seeds.py...; packages keep the names apart.
"""

from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_every_test_folder_is_a_package():
    folders = {p.parent for p in TESTS.rglob("test_*.py")} - {TESTS}
    missing = sorted(str(f.relative_to(TESTS)) for f in folders if not (f / "__init__.py").exists())
    assert missing == []
