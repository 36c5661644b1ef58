"""Registry behaviour, the same tests on SQLite and PostgreSQL (the ``store`` fixture)."""

from __future__ import annotations

import pytest

from kzqual.errors import InputError, NotFoundError
from kzqual.store import open_store
from kzqual.store.ingest import Extracted, Pipeline


def test_ingest_keeps_everything_with_provenance(store, make_act, build):
    path = make_act("mes.txt", build.act("9344", repealed_on="2015-11-16"), build.kk_posts("reg-9344"))
    res = store.ingest_file(path, pipeline=make_act.layers.pipeline)
    assert (res.status, res.act_key, res.version, res.positions) == ("added", "reg-9344", 1, 4)
    assert res.warnings == 1
    counts = store.counts()
    assert counts["acts"] == 1 and counts["positions"] == 4
    assert counts["raw_lines"] == len(path.read_text().splitlines())
    assert counts["structure_nodes"] == 2
    p = store.get_position("reg-9344:2")
    assert p.title == "Бас сарапшы" and p.numbers == ["01-1-2"] and p.category == "C-4"
    rec = store.position_record("reg-9344:1")
    assert rec.raw == "\n".join(path.read_text().splitlines()[2:7])  # lines 3-7 of the raw text
    edu = next(r for r in rec.requirements if r.kind == "education")
    assert edu.lines == (4, 4) and edu.raw == path.read_text().splitlines()[3]
    assert [r.kind for r in rec.requirements].count("duty") == 1
    assert store.raw_lines("reg-9344", 1, 2) == [(1, "Бұйрық"), (2, "БҰЙРЫҚ")]
    tree = store.act_structure("9344")
    assert tree[0].kind == "appendix" and tree[0].children[0].text == "Бекітілсін"
    stored = store.get_act("reg-9344")
    assert stored.act.registration.number == "9344"
    assert [e.event for e in stored.events] == ["in_force", "repealed"]
    assert stored.events[1].date == "2015-11-16"
    assert stored.summary.entry_rule.startswith("алғашқы ресми")


def test_same_text_twice_changes_nothing(store, make_act, build):
    path = make_act("mes.txt", build.act("9344"), build.kk_posts("reg-9344"))
    store.ingest_file(path, pipeline=make_act.layers.pipeline)
    before = store.counts()
    again = store.ingest_file(path, pipeline=make_act.layers.pipeline)
    assert again.status == "unchanged" and again.version == 1 and again.positions == 4
    assert store.counts() == before


def test_changed_text_is_a_new_version_and_the_old_one_stays(store, make_act, build):
    p1 = make_act("v1.txt", build.act("9344"), build.kk_posts("reg-9344"))
    store.ingest_file(p1, pipeline=make_act.layers.pipeline)
    changed = build.kk_posts("reg-9344")[:3] + [build.post("reg-9344", "9", "Жетекші сарапшы", category="C-4")]
    p2 = make_act("v2.txt", build.act("9344"), changed, text=p1.read_text() + "\nӨзгеріс")
    res = store.ingest_file(p2, pipeline=make_act.layers.pipeline)
    assert (res.status, res.version) == ("new_version", 2)
    assert [a.version for a in store.act_versions("reg-9344")] == [1, 2]
    assert store.list_acts()[0].version == 2 and store.list_acts()[0].versions == 2
    assert store.get_act("reg-9344", version=1).summary.version == 1
    assert store.raw_lines("reg-9344", 1, 1, version=1) == [(1, "Бұйрық")]
    # search and listings see the current version only; a post dropped from it is still found
    assert store.count_positions() == 4
    assert [h.position_id for h in store.search("жетекші")] == ["reg-9344:9"]
    assert store.get_position("reg-9344:4").title == "Инспектор"  # from version 1
    # re-ingesting the current text changes nothing
    assert store.ingest_file(p2, pipeline=make_act.layers.pipeline).status == "unchanged"


def test_as_of_dates(store, make_act, build):
    layers = make_act.layers
    store.ingest_file(make_act("a.txt", build.act("9344", date="2014-04-09", repealed_on="2015-11-16"),
                               build.kk_posts("reg-9344")), pipeline=layers.pipeline)
    store.ingest_file(make_act("b.txt", build.act("15125", lang="ru", date="2017-03-31"),
                               build.ru_posts("reg-15125")), pipeline=layers.pipeline)
    status = {a.key: a.status for a in store.list_acts(as_of="2015-01-01")}
    assert status == {"reg-9344": "in_force", "reg-15125": "not_yet_in_force"}
    status = {a.key: a.status for a in store.list_acts(as_of="2020-01-01")}
    assert status == {"reg-9344": "repealed", "reg-15125": "in_force"}
    assert [a.key for a in store.list_acts(as_of="2015-11-16", status="repealed")] == ["reg-9344"]
    assert {a.key: a.status for a in store.list_acts()} == {"reg-9344": "repealed", "reg-15125": "in_force"}
    assert store.count_positions(in_force_on="2015-01-01") == 4
    assert store.count_positions(in_force_on="2018-01-01") == 3
    assert store.count_positions() == 7
    assert store.count_positions(lang="ru", category="A3-2-1") == 1
    assert [p.id for p in store.iter_positions("2018-01-01")][0] == "reg-15125:1"
    assert store.search("сарапшы", in_force_on="2016-01-01") == []
    assert len(store.search("сарапшы", in_force_on="2015-01-01")) == 2
    with pytest.raises(InputError):
        store.list_acts(as_of="31.12.2015")


def test_failed_ingest_leaves_the_store_as_it_was(store, make_act, build):
    good = make_act("good.txt", build.act("9344"), build.kk_posts("reg-9344"))
    store.ingest_file(good, pipeline=make_act.layers.pipeline)
    before = store.counts()
    broken = make_act("broken.txt", build.act("9211"), build.kk_posts("reg-9211"))

    def extract_then_fail(ct, parsed):
        def gen():
            yield from build.kk_posts(parsed.act.key)[:3]
            raise ValueError("extractor broke on post 4")
        return Extracted(gen())

    pipe = Pipeline(parse=make_act.layers.parse, extract=extract_then_fail)
    with pytest.raises(ValueError):
        store.ingest_file(broken, pipeline=pipe)
    assert store.counts() == before  # act row, raw lines and 3 positions were rolled back
    summary = store.ingest_paths([broken, good], pipeline=pipe)
    assert [r.status for r in summary.results] == ["failed", "unchanged"]
    assert "extractor broke" in summary.failed[0].error
    assert store.counts() == before


def test_unreadable_file_is_skipped_others_land(store, make_act, tmp_path, build):
    good = make_act("good.txt", build.act("9344"), build.kk_posts("reg-9344"))
    empty = tmp_path / "acts" / "empty.txt"
    empty.write_bytes(b"")
    summary = store.ingest_paths([tmp_path / "acts"], pipeline=make_act.layers.pipeline)
    assert {r.path.split("/")[-1]: r.status for r in summary.results} == {"empty.txt": "failed",
                                                                          "good.txt": "added"}
    assert summary.acts == 1 and summary.positions == 4
    assert store.count_positions() == 4


def test_unknown_ids_raise_not_found(store):
    with pytest.raises(NotFoundError):
        store.get_position("reg-1:nope")
    with pytest.raises(NotFoundError):
        store.get_act("reg-1")
    with pytest.raises(NotFoundError):
        store.raw_lines("reg-1", 1, 2)


def test_reopen_keeps_data_and_migrations_are_idempotent(store_url, make_act, build):
    with open_store(store_url) as s:
        s.ingest_file(make_act("a.txt", build.act("9344"), build.kk_posts("reg-9344")), pipeline=make_act.layers.pipeline)
    with open_store(store_url) as s:
        assert s.count_positions() == 4
        with s.engine.connect() as conn:
            from sqlalchemy import text
            heads = {r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))}
        from alembic.script import ScriptDirectory

        from kzqual.store.db import alembic_config
        assert heads == set(ScriptDirectory.from_config(alembic_config()).get_heads())
        from kzqual.store.db import script_heads

        assert script_heads() == heads  # the import-free reading of the scripts agrees with Alembic
        # the later migrations ran on top of 0001 (0005 or any migration added since)
        assert any(h.startswith("registry_") and h >= "registry_0005" for h in heads), heads


# -------------------------------------------------------------------- search
@pytest.fixture
def loaded(store, make_act, build):
    layers = make_act.layers
    store.ingest_file(make_act("kk.txt", build.act("9344"), build.kk_posts("reg-9344")), pipeline=layers.pipeline)
    store.ingest_file(make_act("ru.txt", build.act("15125", lang="ru", date="2017-03-31", title="Приказ"),
                               build.ru_posts("reg-15125")), pipeline=layers.pipeline)
    return store


@pytest.mark.parametrize("query", ["сарапшы", "сарапшысы", "сарапшылар", "сарапшыға"])
def test_kazakh_inflections_find_the_same_posts(loaded, query):
    ids = {h.position_id for h in loaded.search(query, lang="kk")}
    assert ids == {"reg-9344:2", "reg-9344:3"}


def test_title_match_ranks_first_and_snippet_marks_original_words(loaded):
    hits = loaded.search("сарапшыға")
    assert [h.position_id for h in hits] == ["reg-9344:3", "reg-9344:2"]  # title and a duty first
    first, second = hits
    assert first.title_marked() == "[Сарапшы]"
    assert first.snippet_field == "duties"
    assert first.snippet_marked() == "[сарапшыға] жүктелген міндеттерді орындау"
    assert second.title_marked() == "Бас [сарапшы]"
    assert second.snippet_marked() == "[сарапшылар] жұмысын үйлестіру құжаттарды сараптау"
    assert second.category_raw == "С-4" and second.numbers == ["01-1-2"]
    # a word only in the title: the title is the snippet
    only_title = loaded.search("бас", lang="kk")
    assert [h.position_id for h in only_title] == ["reg-9344:2"]
    assert only_title[0].snippet_field == "title"


def test_russian_inflection(loaded):
    ids = [h.position_id for h in loaded.search("инспектора", lang="ru")]
    assert set(ids) == {"reg-15125:1", "reg-15125:2", "reg-15125:3"}
    assert ids[0] == "reg-15125:3"  # title "Инспектор" and a duty mention beat the others
    assert ids[1] == "reg-15125:2"


def test_filters(loaded):
    assert {h.position_id for h in loaded.search("инспектор")} >= {"reg-9344:4", "reg-15125:3"}
    assert [h.position_id for h in loaded.search("инспектор", lang="kk")] == ["reg-9344:4"]
    assert [h.position_id for h in loaded.search("сарапшы", category="С-5")] == ["reg-9344:3"]
    assert [h.position_id for h in loaded.search("сарапшы", body="қаржы")] == ["reg-9344:3"]
    assert {h.position_id for h in loaded.search("білім", body="министрлігі")} == {
        "reg-9344:1", "reg-9344:2", "reg-9344:3", "reg-9344:4"}  # the issuing body counts too
    assert loaded.search("сарапшы", limit=1, offset=1)[0].position_id == loaded.search("сарапшы")[1].position_id
    assert loaded.search("жоқсөз") == []
    assert loaded.search("...") == []
    with pytest.raises(InputError):
        loaded.search("x", lang="en")


def test_search_count_agrees_with_paging(loaded):
    for query, kw in [("сарапшы", {}), ("инспектор", {}), ("білім", {"body": "министрлігі"}),
                      ("инспектор", {"lang": "ru"}), ("жоқсөз", {})]:
        every = loaded.search(query, limit=1000, **kw)
        assert loaded.search_count(query, **kw) == len(every)
    assert loaded.search_count("білім", cap=2) == 3  # "more than 2"


def test_best_match_is_found_beyond_the_window_in_key_order(store, make_act, build):
    """More matches than the re-ranked window, the best one stored last: the database ranks all
    matches, so it comes first (reading candidates in key order would have missed it)."""
    filler = "құжаттарды тіркеу есепке алу мұрағатқа тапсыру хат алмасу " * 8
    posts = [build.post("reg-9344", str(i), f"Бөлімнің {i}-ші аға сарапшысы іс жүргізу жөніндегі",
                        dept="Кадр басқармасы", duties=[filler], start=3 + 6 * i) for i in range(130)]
    posts.append(build.post("reg-9344", "best", "Сарапшы", dept="Кадр басқармасы",
                            duties=["сарапшы құжаттарды сараптайды"], start=3 + 6 * 130))
    store.ingest_file(make_act("many.txt", build.act("9344"), posts), pipeline=make_act.layers.pipeline)
    assert store.search_count("сарапшы", lang="kk") == 131
    hits = store.search("сарапшылар", lang="kk", limit=5)
    assert hits[0].position_id == "reg-9344:best"
    assert store.search("сарапшы", lang="kk", limit=5, offset=0)[0].position_id == "reg-9344:best"


def test_beyond_the_rank_cap_title_matches_still_come_first(store, make_act, build, monkeypatch):
    """Past RANK_ALL_CAP matches only title/department matches are ranked by the database; a
    post with the word in its title still beats body-only posts stored before it."""
    from kzqual.store import search as S

    monkeypatch.setattr(S, "RANK_ALL_CAP", 20)
    posts = [build.post("reg-9344", str(i), f"Бөлім {i} жетекшісі", dept="Кадр басқармасы",
                        duties=["сарапшылар жұмысын үйлестіру"], start=3 + 6 * i) for i in range(40)]
    posts.append(build.post("reg-9344", "t", "Бас сарапшы", dept="Кадр басқармасы", start=3 + 6 * 40))
    store.ingest_file(make_act("cap.txt", build.act("9344"), posts), pipeline=make_act.layers.pipeline)
    hits = store.search("сарапшы", lang="kk", limit=5)
    assert hits[0].position_id == "reg-9344:t"
    assert len(store.search("сарапшы", lang="kk", limit=100)) == 41


def test_an_up_to_date_registry_opens_without_importing_alembic(tmp_path):
    # Every command opens the registry; on an up-to-date one the version check is one SELECT
    # and Alembic (with mako and pygments, ~0.15 s) is not imported at all.
    import subprocess
    import sys

    db = tmp_path / "r.db"
    probe = ("import sys; from kzqual.store import open_store; s = open_store(sys.argv[1]); s.close(); "
             "print('alembic' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", probe, str(db)], capture_output=True, text=True, timeout=120)
    assert first.returncode == 0 and first.stdout.strip() == "True", first.stderr  # a new file: migrated
    again = subprocess.run([sys.executable, "-c", probe, str(db)], capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and again.stdout.strip() == "False", again.stderr
