"""Warnings in the registry: new records keep their codes, old plain-string records still load,
and ``kzqual show`` prints them in the chosen language."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from kzqual.cli import app
from kzqual.store import open_store
from kzqual.store.tables import positions as positions_table

POST = "9211-2-2-2"  # ara-9: competence text printed above its label (raw 110-111, label raw 115)


@pytest.fixture(scope="module")
def registry(tmp_path_factory, act_path):
    db = str(tmp_path_factory.mktemp("warnings") / "kzqual.db")
    with open_store(db) as store:
        store.ingest_file(act_path("ara_9_kk"))
    return db


def test_stored_post_keeps_codes_and_params(registry):
    with open_store(registry) as store:
        p = store.get_position(POST)
    (w,) = [w for w in p.warnings if w.code == "row_text_before_label"]
    assert w.params == {"criterion": "competence", "start": 110, "end": 111, "label_line": 115}
    assert (w.lines.start, w.lines.end) == (110, 111)


def test_record_stored_before_codes_still_loads(tmp_path, registry):
    db = tmp_path / "old.db"
    db.write_bytes(open(registry, "rb").read())
    with open_store(str(db)) as store:
        with store.engine.begin() as conn:
            row = conn.execute(select(positions_table.c.pk, positions_table.c.data)
                               .where(positions_table.c.position_id == POST)).one()
            data = row.data if isinstance(row.data, dict) else json.loads(row.data)
            # as an older kzqual wrote it: warnings were plain English sentences
            data["warnings"] = [w["message"] for w in data["warnings"]]
            data["competence"]["warnings"] = [w["message"] for w in data["competence"]["warnings"]]
            conn.execute(update(positions_table).where(positions_table.c.pk == row.pk).values(data=data))
        p = store.get_position(POST)
    assert p.warnings and {w.code for w in p.warnings} == {"unclassified"}
    assert any(w.message.startswith("text of 'competence' printed before its label") for w in p.warnings)
    out = CliRunner().invoke(app, ["--lang", "kk", "show", POST, "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "text of 'competence' printed before its label" in out.output  # shown as written


@pytest.mark.parametrize("lang, words", [
    ("kk", "«Кәсіби құзыреттілігі» мәтіні өз атауынан бұрын басылған (110–111 жолдар"),
    ("ru", "Текст критерия «профессиональная компетентность» напечатан перед его названием"),
    ("en", "text of 'competence' printed before its label (lines 110-111, label on line 115)"),
])
def test_show_prints_warnings_in_the_chosen_language(registry, lang, words):
    out = CliRunner().invoke(app, ["--lang", lang, "show", POST, "--db", registry], env={"COLUMNS": "400"})
    assert out.exit_code == 0, out.output
    assert words in " ".join(out.output.split())
