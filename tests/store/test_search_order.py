"""One answer whatever the back end and the ingest order (issue 10, part 5).

Posts of equal score are ordered by a stable key (post id, act, language, place in the act), the
same on SQLite and PostgreSQL, never by the row key that follows the order the acts were
ingested in -- and that also decides which posts are ranked at all.  The five bundled acts are
ingested in two orders into two SQLite files and two PostgreSQL databases, and the full ranked
lists of a set of Kazakh and Russian queries are compared.
"""

from __future__ import annotations

import pytest

from kzqual.bundled import act_paths
from kzqual.store import open_store
from kzqual.store.search import CANDIDATES

QUERIES = [
    ("сарапшы", None), ("сарапшы", "kk"), ("сарапшысы", "kk"), ("маман", None), ("бас маман", "kk"),
    ("жетекші маман", "kk"), ("инспектор", None), ("инспектора", "ru"), ("инспектор", "kk"), ("есеп", "kk"),
    ("бухгалтерлік есеп", "kk"), ("басшы", "kk"), ("басқарма басшысы", "kk"), ("жоғары білім", "kk"),
    ("заң", "kk"), ("Конституциясын", "kk"), ("специалист", "ru"), ("специалист по развитию", "ru"),
    ("учета", "ru"), ("руководитель отдела", "ru"), ("инспектора призыву", "ru"), ("образование", "ru"),
    ("высшее образование", "ru"), ("военной", "ru"), ("отдел", None),
]
ORDERS = {"as listed": lambda ps: ps, "reversed": lambda ps: list(reversed(ps)),
          "shuffled": lambda ps: [ps[i] for i in (3, 0, 4, 2, 1)]}


@pytest.fixture(scope="module")
def registries(request, tmp_path_factory, seed_layers):
    """(back end, order) -> a registry holding the five bundled acts ingested in that order."""
    server = request.getfixturevalue("pg_server")
    template = request.getfixturevalue("migrated_pg")
    stores, pg_names = {}, []
    for order in ("as listed", "reversed"):
        pg_names.append(server.create_db(template=template))
        stores[("sqlite", order)] = open_store(str(tmp_path_factory.mktemp("order") / "registry.db"))
        stores[("postgresql", order)] = open_store(server.url(pg_names[-1]))
    for (_, order), store in stores.items():
        paths = ORDERS[order](act_paths())
        summary = store.ingest_paths(paths, pipeline=seed_layers.pipeline)
        assert not summary.failed, [r.error for r in summary.failed]
    yield stores
    for store in stores.values():
        store.close()
    for name in pg_names:
        server.drop_db(name)


def _ranked(hits) -> list[tuple]:
    return [(h.position_id, h.act_key, h.language, h.score) for h in hits]


@pytest.mark.postgres
def test_the_orders_really_differ_in_row_keys(registries):
    """The premise: the same post has another row key after another ingest order."""
    keys = {}
    for (backend, order), store in registries.items():
        with store.engine.connect() as conn:
            from sqlalchemy import text

            keys[(backend, order)] = dict(conn.execute(text("SELECT position_id || '/' || language, pk FROM positions")).all())
    assert keys[("sqlite", "as listed")] != keys[("sqlite", "reversed")]
    assert keys[("sqlite", "as listed")].keys() == keys[("postgresql", "reversed")].keys()


@pytest.mark.postgres
@pytest.mark.parametrize("query, lang", QUERIES)
def test_full_ranked_lists_are_identical_across_orders_and_back_ends(registries, query, lang):
    lists = {k: _ranked(s.search(query, lang=lang, limit=1000)) for k, s in registries.items()}
    first = lists[("sqlite", "as listed")]
    assert first, query
    for k, got in lists.items():
        assert got == first, (query, lang, k)
    # a page is the same slice of that list (the page's ranking reads fewer bodies)
    for k, store in registries.items():
        paged = []
        for offset in (0, 20, 40):
            paged += _ranked(store.search(query, lang=lang, limit=20, offset=offset))
        assert paged == first[:60], (query, lang, k)


@pytest.mark.postgres
def test_equal_scores_are_in_stable_key_order(registries):
    """Ties are ordered by post id, act, language (Python string order), and there are ties:
    several posts titled "Бас сарапшы" score alike for `сарапшы`."""
    hits = registries[("postgresql", "reversed")].search("сарапшы", lang="kk", limit=1000)
    ties = 0
    for a, b in zip(hits, hits[1:]):
        assert a.score >= b.score
        if a.score == b.score:
            ties += 1
            assert (a.position_id, a.act_key, a.language) < (b.position_id, b.act_key, b.language)
    assert ties > 10
    assert hits[0].title == "Сарапшы"  # the word as the whole title outranks "Бас сарапшы" and longer titles


@pytest.fixture
def tied(store, make_act, build):
    """More posts than the ranked window with one and the same text; their ids run opposite to
    the order they are stored in (post 000 is stored last)."""
    n = CANDIDATES + 30
    posts = [build.post("reg-9344", f"{n - 1 - i:03d}", "Бас сарапшы", dept="Кадр басқармасы",
                        duties=["құжаттарды сараптау"], start=3 + 6 * i) for i in range(n)]
    store.ingest_file(make_act("tied.txt", build.act("9344"), posts), pipeline=make_act.layers.pipeline)
    return store, n


def test_a_tie_larger_than_the_window_is_cut_by_the_stable_key(tied):
    """The database used to cut its best 100 by row key, so the first page of a tie held the posts
    stored first; now every match is ranked and the page is the smallest ids, on both back ends."""
    store, n = tied
    hits = store.search("сарапшы", lang="kk", limit=5)
    assert [h.position_id for h in hits] == [f"reg-9344:{i:03d}" for i in range(5)]
    assert len({h.score for h in hits}) == 1
    page = store.search("сарапшы", lang="kk", limit=10, offset=n - 10)
    assert [h.position_id for h in page] == [f"reg-9344:{i:03d}" for i in range(n - 10, n)]
