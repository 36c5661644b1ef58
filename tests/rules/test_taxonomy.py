from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzqual.bundled import act_paths
from kzqual.errors import InputError
from kzqual.rules import taxonomy as tx
from kzqual.rules.profile import json_schema

ROOT = Path(__file__).resolve().parents[2]


def test_regenerating_the_taxonomy_from_the_bundled_acts_gives_the_committed_file():
    fresh = tx.derive_from_acts(act_paths()).dumps()
    assert fresh == tx.bundled_path().read_text(encoding="utf-8"), "stale: run python -m kzqual.rules.taxonomy"


def test_every_entry_cites_an_act_and_lines_or_a_catalogued_classifier():
    tax = tx.bundled()
    assert len(tax.groups) >= 10
    for g in tax.groups:
        for e in [g, *g.specialties]:
            assert e.key.isascii() and e.sources
            for s in e.sources:
                if "classifier" in s:
                    assert s["classifier"] in tax.catalogue and tax.catalogue[s["classifier"]]["title"]
                else:
                    assert s["act"].startswith("reg-") and s["lines"][0] <= s["lines"][1]


def test_resolve_by_name_code_and_unknown():
    tax = tx.bundled()
    keys = tx.bundled().resolve("Құқықтану")
    assert keys and "s-quqyqtanu" in keys and "g-quqyq" in keys
    assert tax.resolve("ветеринария") is None
    extra = tx.Taxonomy.from_dict({"groups": [{"key": "g-quqyq", "names": {"ru": ["право"]}, "specialties": [
        {"names": {"ru": ["Юриспруденция"]}, "code": "5B030100"}]}]})
    merged = tax.merge(extra)
    assert "g-quqyq" in merged.resolve(None, "5b030100")
    assert merged.resolve("юриспруденция") == merged.resolve(None, "5B030100")


def test_derive_reads_specialties_in_parentheses_from_text_only_posts():
    from kzqual.acts.model import Span
    from kzqual.positions.model import Education, Position

    pos = Position(id="x-1", act_key="reg-1", title="t", lines=Span(start=1, end=9), education=Education(
        text="Әлеуметтік ғылымдар, экономика және бизнес (экономика, маркетинг) және/немесе құқық (құқықтану) "
             "мамандықтары бойынша жоғары білім", lines=Span(start=3, end=4)))
    tax = tx.derive([pos])
    assert {g.names["kk"][0] for g in tax.groups} == {"әлеуметтік ғылымдар, экономика және бизнес", "құқық"}
    assert tax.resolve("маркетинг") and tax.groups[0].sources == [{"act": "reg-1", "lines": [3, 4]}]


@pytest.mark.parametrize("text", ["{", '{"groups": 3}', '{"groups": [{"names": {}}]}'])
def test_bad_taxonomy_files(tmp_path, text):
    p = tmp_path / "t.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        tx.load(p)


def test_profile_schema_doc_is_current():
    doc = json.loads((ROOT / "docs" / "profile.schema.json").read_text(encoding="utf-8"))
    assert doc == json.loads(json.dumps(json_schema()))
