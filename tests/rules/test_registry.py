"""check / match read posts from a real SQLite registry, and resolve references through it."""

from __future__ import annotations

import json

import pytest

try:
    from .rules_helpers import run
except ImportError:
    from rules_helpers import run

from kzqual.bundled import acts_dir
from kzqual.store import open_store

PERSON = {"education": [{"level": "higher", "field": "құқықтану"}],
          "work": [{"employer": "M", "state_service": True, "state_body": True, "start": "2010-01-01"}]}


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    db = tmp_path_factory.mktemp("reg") / "kzqual.db"
    with open_store(str(db)) as store:
        store.ingest_file(acts_dir() / "kk-ara-2014-9.txt")
    return db


def test_check_from_registry(registry, tmp_path):
    p = tmp_path / "p.json"
    p.write_text(json.dumps(PERSON, ensure_ascii=False), encoding="utf-8")
    r = run("check", str(p), "9211-2-2-1", "--db", str(registry), "--json", "--as-of", "2024-01-01")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    # l.60-63: by reference to reg. 5084, not in the registry -> undetermined with the citation
    assert out["status"] == "undetermined"
    ref = [c for c in out["verdict"]["children"] if c["criterion"] == "reference"][0]
    assert ref["lines"] == [60, 63] and "5084" in ref["reason"]["en"]
    r = run("check", str(p), "nope-1", "--db", str(registry))
    assert r.returncode == 2 and "nope-1" in r.stderr


def test_match_from_registry(registry, tmp_path):
    p = tmp_path / "p.json"
    p.write_text(json.dumps(PERSON, ensure_ascii=False), encoding="utf-8")
    r = run("match", str(p), "--db", str(registry), "--json", "--limit", "3", "--include-repealed")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert sum(out["counts"].values()) == 43 and out["counts"]["met"] == 0  # every post refers to reg. 5084


def test_screen_from_registry_with_search_words(registry, tmp_path):
    import polars as pl

    src = tmp_path / "people.jsonl"
    src.write_text(json.dumps(PERSON, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    r = run("screen", str(src), "--db", str(registry), "--positions", "кеңесшісі", "--out", str(out), "--all",
            "--include-repealed")
    assert r.returncode == 0, r.stderr
    ids = set(pl.read_csv(out)["position_id"].to_list())
    assert "9211-2-2-1" in ids and len(ids) < 43  # "Төрағаның кеңесшісі" and a few more, not every post


def test_an_act_not_loaded_stays_not_loaded_for_every_post(registry):
    # Every post of kk-ara-2014-9 refers to reg. 5084. The registry caches the lookup: the second
    # and later posts must still read "not loaded", not "states no requirement for category …".
    from kzqual.rules import Compiler
    from kzqual.rules import taxonomy as tx
    from kzqual.rules.sources import StoreReferences

    with open_store(str(registry)) as store:
        refs = StoreReferences(store)
        compiler = Compiler(tx.bundled(), refs)
        posts = list(store.iter_positions(act_key="reg-9211"))
        assert len(posts) == 43
        keys = set()
        for p in posts:
            ref = p.experience.reference
            assert ref is not None and ref.registration_number == "5084"
            assert refs.act_for(ref) is None
            tree = compiler.experience(p)
            keys.add(tree.logic.reason)
    assert keys == {"rules.ref.not_loaded"}
