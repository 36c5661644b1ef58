"""Words people use: synonyms across kk / ru / en, exact matches first, whole-stem highlights,
facets with one state body, "did you mean" -- on the bundled acts, both back ends."""

from __future__ import annotations

import json
import time

import pytest

from kzqual.store.search import mark
from kzqual.store.stem import stems_of


@pytest.mark.parametrize("query", ["заңгер", "юрист", "lawyer"])
def test_a_lawyer_in_any_language_finds_the_legal_support_posts(seeded, query):
    # kk-ara-2014-9:2370 "Құқықтық қамтамасыз ету басқармасының басшысы" asks for "Құқықтану"
    hits = seeded.search(query, limit=10)
    assert any("құқықтық қамтамасыз ету" in h.title.lower() for h in hits), [h.title for h in hits]
    assert all(h.match == "synonym" and h.synonyms for h in hits)  # no post prints the word itself


def test_russian_titles_find_kazakh_posts_and_say_which_synonym_matched(seeded):
    hits = seeded.search("главный специалист", limit=5)
    # kk-mes-2014-161:4704 "Баспасөз қызметінің бас маманы"
    assert hits and all("бас маман" in h.title.lower() for h in hits)
    assert {"бас", "маман"} <= {w.lower() for w in hits[0].synonyms}
    plan = seeded.search_plan("главный специалист")
    assert [p["word"] for p in plan] == ["главный", "специалист"]
    assert all(p["sources"] for p in plan)  # every synonym says where it comes from


def test_exact_matches_rank_above_synonym_matches(seeded):
    # "руководитель" is printed in ru-mod-2017-134 (line 177); its kk synonym "басшысы" in many kk titles
    total = seeded.search_count("руководитель")
    hits = seeded.search("руководитель", limit=100)
    kinds = [h.match for h in hits]
    assert "exact" in kinds and "synonym" in kinds and total >= len(hits)
    first_synonym = kinds.index("synonym")
    assert all(k == "synonym" for k in kinds[first_synonym:])  # never an exact one after a synonym one
    # paging keeps the order: the page at the seam continues the same list
    page2 = seeded.search("руководитель", limit=5, offset=first_synonym - 2)
    assert [h.position_id for h in page2] == [h.position_id for h in hits[first_synonym - 2:first_synonym + 3]]


def test_bas_does_not_mark_or_find_basqa():
    assert "бас" not in stems_of("басқа", "kk")  # "басқа" (other) is a word of its own
    assert stems_of("басқаның", "kk") == ("басқа",)
    assert mark("бас маман басқа да", [(0, 3)]) == "[бас] маман басқа да"


def test_snippet_marks_whole_words_only(seeded):
    for h in seeded.search("бас", limit=20):
        marked = [h.snippet[a:b].lower() for a, b in h.marks] + [h.title[a:b].lower() for a, b in h.title_marks]
        assert marked and all(not w.startswith("басқа") for w in marked), marked


def test_did_you_mean_for_a_misspelling_in_bounded_time(seeded):
    assert seeded.search_count("юриспруденцыя") == 0
    t = time.perf_counter()
    assert seeded.suggest("юриспруденцыя") == "юриспруденция"
    assert seeded.suggest("библиотекрь") == "библиотекарь"
    assert seeded.suggest("lawer") == "lawyer"
    assert seeded.suggest("бас маман") is None  # every word known
    assert time.perf_counter() - t < 30  # generous: the vocabulary is built once


def test_facets_count_one_body_per_state_body(seeded):
    # reg-15125 (ru) and reg-29277 (kk) are both the Ministry of Defence (synonyms.json "bodies")
    f = seeded.search_facets("специалист", reader_lang="kk")
    keys = [b["key"] for b in f["body"]]
    assert len(keys) == len(set(keys))
    assert not any(b["key"] == "reg-29277" for b in f["body"])  # folded into the MoD's body
    assert {s["key"] for s in f["status"]} <= {"in_force", "repealed", "not_yet_in_force"}
    assert sum(s["count"] for s in f["status"]) == seeded.search_count("специалист")
    mod = seeded.body_acts("reg-15125")
    assert mod == ["reg-15125", "reg-29277"]
    only = seeded.search_count("специалист", act_keys=mod)
    assert only == next(b["count"] for b in f["body"] if b["key"] == "reg-15125")


def test_synonym_data_cites_every_group():
    from kzqual.store.synonyms import curated

    for g in curated():
        assert g.sources and all(s["kind"] in {"act", "taxonomy", "dictionary"} for s in g.sources), g.key
        assert sum(1 for words in g.words.values() if words) >= 2, g.key  # crosses languages
    data = json.loads(open(__import__("kzqual").__path__[0] + "/data/vocab/synonyms.json", encoding="utf-8").read())
    for g in data["groups"]:
        for s in g["sources"]:
            if s["kind"] == "act":
                assert s.get("line") and s.get("text"), g["key"]


def test_body_lengths_survive_a_downgrade_and_upgrade(fresh_db_url):
    """registry_0008 counts body_words from the stored stems for an existing registry: the
    numbers equal the ones ingest writes."""
    from alembic import command
    from sqlalchemy import text

    from kzqual.bundled import act_paths
    from kzqual.store import db, open_store

    with open_store(fresh_db_url) as store:
        store.ingest_paths([p for p in act_paths() if "ara" in p.name])
        with store.engine.connect() as conn:
            before = dict(conn.execute(text("SELECT pk, body_words FROM positions")).all())
    assert before and all(n > 0 for n in before.values())
    engine = db.make_engine(db.resolve_url(fresh_db_url))
    with engine.begin() as conn:
        cfg = db.alembic_config(conn)
        command.downgrade(cfg, "registry_0007")
        command.upgrade(cfg, "heads")
    with engine.connect() as conn:
        after = dict(conn.execute(text("SELECT pk, body_words FROM positions")).all())
    engine.dispose()
    assert after == before


def test_equivalents_learned_from_aligned_posts(store, tmp_path):
    """Two real acts printed in kk and ru (tests/corpus): their aligned post titles teach that
    "бас" is "главный" and "бөлім" is "отдел"; a Russian query then finds the Kazakh post."""
    import shutil
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    for name in ("adilet-2014-78721", "adilet-2014-78709", "adilet-2017-112097"):
        shutil.copytree(corpus / name, tmp_path / "acts" / name)
    store.ingest_paths([tmp_path / "acts"])
    with store.engine.connect() as conn:
        learned = {g.key: g for g in store._learned(conn)}
    assert "aligned:бас=главн" in learned and "aligned:бөлім=отдел" in learned
    assert "aligned:бас=специалист" not in learned  # specialists are also "жетекші" / "ведущий"
    src = learned["aligned:бөлім=отдел"].sources[0]
    assert src["kind"] == "aligned" and src["pairs"] >= 3 and src["acts"]
    plan = store.search_plan("отдел")
    assert any(g.startswith("aligned:") for p in plan for g in p["groups"])
