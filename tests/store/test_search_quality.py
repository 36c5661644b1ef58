"""Search quality on both back ends: people's queries (tests/store/search_quality.yaml, written by
reading the bundled acts) must find their posts in the top 10 at least as often as the floor says."""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "bench"))

from search_quality import load_cases, measure  # noqa: E402


def test_the_query_set_is_big_and_varied():
    cases = load_cases()
    assert len(cases) >= 60
    assert {c["lang"] for c in cases} == {"kk", "ru", "en"}
    assert {"synonym", "misspelling", "hint"} <= {c["kind"] for c in cases}
    for c in cases:
        assert c["why"] and (c.get("expect") or c.get("expect_title") or c.get("expect_snippet")), c["q"]


def test_hit_rate_in_the_top_10_meets_the_floor(seeded):
    floor = json.loads((HERE / "search_quality_floor.json").read_text(encoding="utf-8"))
    m = measure(seeded, load_cases())
    assert m["rate"] >= floor["rate"], (m["rate"], m["misses"])
