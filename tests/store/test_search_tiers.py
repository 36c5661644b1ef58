"""The search tiers past RANK_ALL_CAP: the first matches by key, on both back ends.

PostgreSQL first reads a short key-ordered prefix of its narrow tables and falls back to sorting
every match from the GIN bitmap when the prefix holds too few (a word whose posts sit together
further on).  Both paths, and SQLite, must give the same window.
"""

from __future__ import annotations

import pytest

from kzqual.store import search as S


@pytest.fixture
def clustered(store, make_act, build, monkeypatch):
    """40 posts: all in one department; "сарапшы" in the titles of posts 20-39 only and
    "үйлестіру" in the duties of posts 20-39 only (stored after the others, so after them by key)."""
    monkeypatch.setattr(S, "RANK_ALL_CAP", 10)
    monkeypatch.setattr(S, "CANDIDATES", 4)
    posts = []
    for i in range(40):
        late = i >= 20
        posts.append(build.post("reg-9344", f"{i:02d}", f"Бас {'сарапшы' if late else 'маман'} {i}",
                                dept="Кадр басқармасы",
                                duties=["жұмысты үйлестіру" if late else "құжаттарды тексеру"],
                                start=3 + 6 * i))
    store.ingest_file(make_act("tiers.txt", build.act("9344"), posts), pipeline=make_act.layers.pipeline)
    return store


@pytest.mark.parametrize("factor", [1, 100])  # PostgreSQL: the prefix too short / long enough
@pytest.mark.parametrize("query, first", [
    ("сарапшы", range(20, 24)),  # title matches past the cap: the first four by key
    ("үйлестіру", range(20, 24)),  # body-only matches: the first four by key fill the window
    ("басқарма", range(0, 4)),  # every post (department): the first four by key
])
def test_window_is_the_first_matches_by_key(clustered, monkeypatch, factor, query, first):
    monkeypatch.setattr(S, "KEY_PREFIX_FACTOR", factor)
    hits = clustered.search(query, lang="kk", limit=2)  # window = max(CANDIDATES, 2 * 2) = 4
    assert len(hits) == 2
    assert {h.position_id for h in hits} <= {f"reg-9344:{i:02d}" for i in first}
    assert clustered.search_count(query, lang="kk") == (40 if query == "басқарма" else 20)


def test_language_filter_excludes_other_posts(clustered):
    assert clustered.search("сарапшы", lang="ru") == []
    assert clustered.search_count("сарапшы", lang="ru") == 0


def test_after_bulk_load_runs_and_search_still_finds(clustered):
    with clustered.engine.begin() as conn:
        S.after_bulk_load(conn, clustered.dialect)
    assert clustered.search_count("сарапшы", lang="kk") == 20
