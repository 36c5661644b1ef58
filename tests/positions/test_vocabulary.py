"""The readers' vocabulary as data (issue 11): every entry cites where it was seen, and the classes
of variation the real acts showed read through it.

Corpus acts used here are TUNING acts of tests/corpus/expected/SPLIT.md (adilet-2014-78721,
adilet-2014-78827); expected values were read in the files at the lines cited.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kzqual.acts.lexicon import Entry, entries, fold, unify, vocabulary
from kzqual.bundled import acts_dir
from kzqual.positions import extract_file
from kzqual.positions.headings import parse_heading
from kzqual.positions.labels import match_label
from kzqual.positions.requirements import canonical_category

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _source(e: Entry) -> Path:
    if e.seen_in.file:
        return CORPUS / e.seen_in.act / e.seen_in.file
    return acts_dir() / f"{e.seen_in.act}.txt"


@pytest.mark.parametrize("entry", [e for e in vocabulary() if e.seen_in], ids=lambda e: f"{e.kind}:{e.meaning}")
def test_every_citation_points_at_the_wording(entry):
    lines = _source(entry).read_text(encoding="utf-8").splitlines()
    assert entry.search(lines[entry.seen_in.line - 1]), (entry, lines[entry.seen_in.line - 1][:120])


def test_entries_without_a_source_say_why():
    for e in vocabulary():
        assert e.seen_in is not None or e.note, e


def test_one_file_per_language_and_each_kind_is_used():
    langs = {e.language for e in vocabulary()}
    assert langs == {"kk", "ru"}
    kinds = {e.kind for e in vocabulary()}
    assert {"criterion_label", "section_label", "category_word", "category_sub_letter", "act_type",
            "registration_word", "acting_official", "row_opener"} <= kinds


def test_fold_ignores_case_spacing_lookalikes_and_dashes():
    assert fold("Б i л i м i") == fold("Білімі")  # Latin i for Kazakh і
    assert fold("ПРАКТИКАЛЫҚ ТӘЖІРИБЕСІ") == fold("Практикалық тәжірибесі")
    assert fold("С–1") == fold("С-1") == fold("C—1")
    assert unify("Cанаты") == "Санаты" and len(unify("С–1")) == 3


@pytest.mark.parametrize("printed, criterion", [
    ("Бiлiмi", "education"),  # Latin i inside the Cyrillic word
    ("БІЛІМІ", "education"),  # capitals
    ("Жұмыс тәжірибесі", "experience"),  # adilet-2014-78721 kaz.md line 37: the label's own cell
    ("К ә с і б и  құзыреттілігі", "competence"),
])
def test_label_variants(printed, criterion):
    hit = match_label(printed)
    assert hit is not None and hit.name == criterion


def test_an_alone_label_is_not_taken_inside_running_text():
    # mes-161 line 100: the experience text opens with the same words as the 78721 label
    assert match_label("Жұмыс тәжірибесі келесі талаптардың біріне сәйкес болуы тиіс:") is None
    hit = match_label("Жұмыс тәжірибесі Қазақстан Республикасы …", first_cell="Жұмыс тәжірибесі")
    assert hit is not None and hit.name == "experience"


@pytest.mark.parametrize("heading, title, category, units, numbers", [
    # adilet-2014-78827 rus/part001.md line 66: capitalised word, en dash
    ("3. Директор Департамента стратегического планирования и организационно-аналитической работы "
     "Категория С–1 (1 единица), № 13-0-1",
     "Директор Департамента стратегического планирования и организационно-аналитической работы", "C-1", 1, "13-0-1"),
    # adilet-2014-78721 kaz.md line 21: a zero for the letter О
    ("1. Әділет департаментінің басшысы С-0-1 санаты (1 бірлік)", "Әділет департаментінің басшысы", "C-O-1", 1, None),
    # adilet-2014-78721 kaz.md line 53: a stray dot after "санаты"
    ("2. Әділет департаменті басшысының орынбасары С-0-2 санаты. (3 бірлік)",
     "Әділет департаменті басшысының орынбасары", "C-O-2", 3, None),
])
def test_heading_forms(heading, title, category, units, numbers):
    h = parse_heading([heading])
    assert h.title == title
    assert canonical_category(h.category_raw) == category
    assert h.units == units and h.numbers_raw == numbers


@pytest.mark.parametrize("raw, canonical", [("С-0-1", "C-O-1"), ("С–1", "C-1"), ("C-R-5", "C-R-5"), ("С-О-4", "C-O-4")])
def test_category_code_forms(raw, canonical):
    assert canonical_category(raw) == canonical


def test_category_code_does_not_swallow_a_position_number():
    assert canonical_category("С-3-1") is None


def test_78721_kazakh_reads_every_post_with_its_experience_reference():
    # kaz.md: 41 post headings "### 1." … "### 41." (lines 21-1214); each table has a
    # "Жұмыс тәжірибесі" row citing the typical requirements (order № 02-01-02/5, reg. № 5084)
    x = extract_file(CORPUS / "adilet-2014-78721" / "kaz.md")
    assert len(x.positions) == 41
    assert [p.category for p in x.positions[:2]] == ["C-O-1", "C-O-2"]
    for p in x.positions:
        assert not [w for w in p.warnings if w.code == "missing_row"], p.id
        ref = p.experience.reference
        assert ref is not None and ref.number == "02-01-02/5" and ref.registration_number == "5084", p.id


def test_78827_russian_reads_headings_with_a_capitalised_category():
    # rus/part001.md lines 5-204: posts 1-7, then the appendix posts of part136
    x = extract_file(CORPUS / "adilet-2014-78827" / "rus.md")
    cats = {p.numbers[0]: p.category for p in x.positions if p.numbers}
    assert cats["13-0-1"] == "C-1" and cats["13-0-2"] == "C-2" and cats["13-1-3"] == "C-5"
    # line 26: "Согласно Типовым квалификационным требованиям …, утвержденным приказом … от 9 января 2008
    # года № 02-01-02/5, зарегистрированным в Реестре государственной регистрации нормативных правовых
    # актов за № 5084": a reference with its citation, in Russian as in Kazakh
    for p in x.positions:
        ref = p.experience.reference
        assert ref is not None and (ref.number, ref.registration_number, ref.date) == ("02-01-02/5", "5084",
                                                                                       "2008-01-09"), p.id


def test_vocabulary_kinds_read_by_the_act_layer():
    assert [e.meaning for e in entries("acting_official", "ru")] == ["acting", "acting"]
