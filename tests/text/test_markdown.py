"""The Markdown reader (kazakhstan-law/ministerial layout): markup stripped, structure kept as
hints, every clean line pointing at its raw line.  Expected values are read off the raw files
in tests/corpus/ (copied from ../shared/corpus, listed in tests/corpus/manifest.json)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzqual.errors import InputError
from kzqual.text import read
from kzqual.text.markdown import clean_markdown

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _at(ct, raw: int):
    return next(line for line in ct.lines if line.raw_start == raw)


def test_headings_keep_their_level_and_line():
    ct = read(CORPUS / "adilet-2015-96763" / "kaz.md")
    assert ct.format == "markdown"
    first = ct.lines[0]
    # raw line 1: "# Қазақстан Республикасы Әділет министрлігінің … бекіту туралы"
    assert (first.hint, first.raw_start) == ("h1", 1)
    assert first.text.startswith("Қазақстан Республикасы Әділет министрлігінің азаматтық")
    assert not first.text.startswith("#")
    assert (_at(ct, 36).hint, _at(ct, 36).text) == ("h1", "ТІЗІЛІМ")  # "# ТІЗІЛІМ"
    assert _at(ct, 38).hint == "h2"


def test_stamp_lines_lose_blockquote_and_italics():
    ct = read(CORPUS / "adilet-2015-96763" / "kaz.md")
    # raw 31-34: "> *Қазақстан Республикасы*  " … "> *№ 641 бұйрығымен бекітілген*"
    stamp = [_at(ct, n) for n in range(31, 35)]
    assert [s.text for s in stamp] == ["Қазақстан Республикасы", "Әділет министрлігінің",
                                       "24 желтоқсан 2015 жылғы", "№ 641 бұйрығымен бекітілген"]
    assert {s.hint for s in stamp} == {"quote"}
    assert stamp[0].after_gap and not stamp[1].after_gap


def test_table_rows_with_rowspan_and_colspan():
    ct = read(CORPUS / "adilet-2015-96763" / "kaz.md")
    header = _at(ct, 42)  # <td>Буын</td> <td>Саты</td> <td>Лауазым атаулары</td> on raw 42-44
    assert header.hint == "row" and header.cells == ("Буын", "Саты", "Лауазым атаулары")
    assert (header.raw_start, header.raw_end) == (42, 44)
    block = _at(ct, 47)  # <td colspan="3">А БЛОК – басқару ПЕРСОНАЛЫ</td>
    assert block.cells == ("А БЛОК – басқару ПЕРСОНАЛЫ",)
    a1 = _at(ct, 50)  # <td rowspan="2">А1</td> <td>1</td> <td>… басшысы</td>
    assert a1.cells[:2] == ("А1", "1")
    second = _at(ct, 55)  # the next row has only "1-1" and its title: А1 is carried down
    assert second.text.startswith("1-1 Мемлекеттік мекеме")
    assert second.cells[:2] == ("А1", "1-1")


def test_cell_with_newlines_gives_row_then_cell_lines():
    ct = read(CORPUS / "adilet-2008-43794" / "rus.md")
    # raw 550: <th colspan="4">1. Своевременность</th>; raw 553-558: a cell of four lines
    assert _at(ct, 550).text == "1. Своевременность"
    row = _at(ct, 554)
    assert row.hint == "row" and row.text.startswith("1.1. % (доля) случаев 95 % 80 %")
    assert [_at(ct, n).text for n in (555, 556, 557)] == ["предоставления услуги в", "установленный срок с момента",
                                                          "сдачи документа"]
    assert {_at(ct, n).hint for n in (555, 556, 557)} == {"cell"}
    assert row.cells[0] == "1.1. % (доля) случаев предоставления услуги в установленный срок с момента сдачи документа"


def test_html_entities_unescaped_in_cells():
    ct = read(CORPUS / "adilet-2008-43794" / "kaz.md")
    # raw 199-202: <td>2</td> <td>… N 2 Халыққа қызмет көрсету орталығы</td>
    #              <td>Астана қ., 70 &quot;а&quot; көш.</td> <td>40-65-62</td>
    row = _at(ct, 199)
    assert row.cells[2] == 'Астана қ., 70 "а" көш.' and '"а"' in row.text and "&quot;" not in row.text


def test_anchors_and_escaped_point_numbers():
    ct = read(CORPUS / "adilet-1998-1923" / "kaz.md")
    assert ct.anchors["p1"] == 3 and ct.anchors["p11-1"] == 70  # <a id="p1"></a> on raw 3
    p1 = _at(ct, 5)  # "1\. Жекеше нотариустарды …"
    assert p1.text.startswith("1. Жекеше нотариустарды") and "\\" not in p1.text
    assert all("<a" not in line.text for line in ct.lines)


def test_notes_are_quote_lines_without_markup():
    ct = read(CORPUS / "adilet-2013-74437" / "rus.md")
    note = _at(ct, 28)  # "> *Сноска. Перечень с изменением, внесенным приказом …*"
    assert note.hint == "quote" and note.text.startswith("Сноска. Перечень с изменением")
    assert not note.text.endswith("*")


def test_code_block_form_lines():
    ct = read(CORPUS / "adilet-1998-1923" / "rus.md")
    code = [line for line in ct.lines if line.hint == "code"]
    texts = [line.text for line in code]
    assert "Приложение N 1" in texts
    assert "Прошу произвести учетную регистрацию в качестве частного нотариуса." in texts
    # rule-only lines ("_____", "--") are layout, not text; underscores inside text stay
    assert not any(set(t) <= set("_-! ") for t in texts)
    raw = ct.raw_lines
    for line in code:
        assert line.text in " ".join(raw[line.raw_start - 1].split())


def test_latin_i_inside_kazakh_words_repaired():
    ct = read(CORPUS / "adilet-1998-1923" / "kaz.md")
    line = next(x for x in ct.lines if x.text.startswith("11-1."))
    assert "кейiн" not in line.text and "кейін" in line.text  # raw has Latin i: "кейiн"
    assert any(r.kind == "latin_lookalike" and r.raw == "кейiн" for r in ct.repairs)


def test_every_clean_line_points_at_raw_lines_holding_its_words():
    for name in ("adilet-2015-96763/rus.md", "adilet-2014-78709/kaz.md", "adilet-2008-43794/rus.md"):
        ct = read(CORPUS / name)
        for line in ct.lines:
            raw = " ".join(ct.raw_text(line.raw_start, line.raw_end).split())
            word = line.text.split()[0].strip("«»\"*")
            if ct.repairs and any(r.line == line.raw_start for r in ct.repairs):
                continue
            assert word[:3] in raw.replace("&quot;", '"'), (name, line)


def test_parts_folder_is_read_in_order(tmp_path):
    act = tmp_path / "adilet-2014-99999"
    (act / "kaz").mkdir(parents=True)
    (act / "kaz.md").write_text("# Атауы\n\nМәтін.\n\n## Части документа\n\n| [`part001`](kaz/part001.md) | x |\n",
                                encoding="utf-8")
    (act / "kaz" / "part002.md").write_text("↑ [Редакцияның толық мәтіні](../kaz.md)\n\n## Екінші\n",
                                            encoding="utf-8")
    (act / "kaz" / "part001.md").write_text("↑ [Редакцияның толық мәтіні](../kaz.md)\n\n## Бірінші\n",
                                            encoding="utf-8")
    for path in (act / "kaz.md", act / "kaz"):
        ct = read(path)
        assert [line.text for line in ct.lines] == ["Атауы", "Мәтін.", "Бірінші", "Екінші"]
        assert [name for name, _ in ct.parts] == ["", "part001.md", "part002.md"]
        second = ct.lines[3]
        assert ct.raw_lines[second.raw_start - 1] == "## Екінші"


def test_a_folder_without_parts_is_refused(tmp_path):
    with pytest.raises(InputError):
        read(tmp_path)


def test_unclosed_html_and_stray_markup_do_not_raise():
    ct = clean_markdown("# T\n\n<table>\n<tr><td>a\n<td rowspan='x'>b</td>\n\n**жартылай *\n")
    assert [line.text for line in ct.lines][:2] == ["T", "a b"]
