"""A post heading that prints its category without the word (issue 11, class found on a held-out act).

adilet-2017-112097 rus/part001.md line 222 (and again rus/part009.md line 33, the source's part
files overlap):

    ## Эксперт Управления координации и аналитической работы Департамента стратегического
       планирования С-5 (2 единицы) №2-1-4, №2-1-5

Every other heading of the act says ``категория С-5``; this one prints the bare code, followed by
the staff units.  The code before ``(N единиц)`` / ``(N бірлік)`` (vocabulary ``unit_word``) makes
it a heading; a Markdown heading that prints a code in any other way is at least reported.
"""

from __future__ import annotations

from pathlib import Path

from kzqual.positions import extract_file
from kzqual.positions.coverage import heading_like, measure
from kzqual.positions.headings import HAS_CATEGORY, parse_heading
from kzqual.text.model import CleanLine

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
LINE_222 = ("Эксперт Управления координации и аналитической работы Департамента стратегического "
            "планирования С-5 (2 единицы) №2-1-4, №2-1-5")


def test_the_bare_code_before_its_units_is_the_category():
    h = parse_heading([LINE_222])
    assert h.category_raw == "С-5"
    assert h.units == 2
    assert h.numbers_raw == "2-1-4, №2-1-5"
    assert h.title.endswith("Департамента стратегического планирования")


def test_a_code_in_running_text_is_not_a_heading():
    # a code without its word and without staff units after it stays text (e.g. a reference to the
    # category in a duty): "… должностей категории" needs the code after it, units need brackets
    assert not HAS_CATEGORY.search("согласование проектов с С-5 отделом и подготовка 2 единиц техники")
    assert not HAS_CATEGORY.search("перевод на должность С-4, 3 года стажа")


def test_112097_ru_reads_both_printings_of_the_post():
    x = extract_file(CORPUS / "adilet-2017-112097" / "rus.md")
    hits = [p for p in x.positions if set(p.numbers) == {"2-1-4", "2-1-5"}]
    assert len(hits) == 2  # part001 line 222 and part009 line 33 print it twice
    for p in hits:
        assert (p.category, p.category_raw, p.units) == ("C-5", "С-5", 2)
        assert p.education.levels == ["higher"]
    # and the post before it keeps its own numbers only (the rows are not merged into it)
    before = [p for p in x.positions if "2-1-2" in p.numbers]
    assert before and all(set(p.numbers) == {"2-1-2", "2-1-3"} for p in before)


def _line(text: str, n: int, hint: str = "") -> CleanLine:
    return CleanLine(text=text, raw_start=n, raw_end=n, hint=hint)


def test_a_markdown_heading_with_a_code_not_taken_is_a_warning_with_its_lines():
    # a heading printing the code in a form no rule reads ("С-5, 2 шт.") is never silent
    lines = [_line("Главный эксперт отдела С-5, 2 шт.", 10, hint="h2"),
             _line("Какой-то текст", 11, hint="p")]
    assert heading_like(lines[0]) and not heading_like(lines[1])
    cov, warnings = measure(lines, [], [])
    assert [(w.code, w.lines.start, w.lines.end) for w in warnings] == [("heading_not_taken", 10, 10)]
    assert cov.heading_like_lines == 1
    # the same words in a paragraph are text, not a heading
    cov, warnings = measure([_line("Главный эксперт отдела С-5, 2 шт.", 10, hint="p")], [], [])
    assert warnings == [] and cov.structure_lines == 1


def test_a_plain_line_ending_with_a_bare_code_is_heading_like():
    # the form of a heading with neither its word nor its units ("Бас маман, С-4"): named if not taken
    assert heading_like(_line("Ақпараттық-талдау басқармасының бас маманы, С-4", 5))
    assert heading_like(_line("Главный эксперт отдела кадров С-4", 5, hint="p"))
    # sentences and table cells are not headings, nor is a code in the middle of a line
    assert not heading_like(_line("Лауазымға тағайындау тәртібі бекітіледі.", 5))
    assert not heading_like(_line("Главный эксперт отдела кадров С-4", 5, hint="cell"))
    assert not heading_like(_line("назначение на должности С-4 и выше производится приказом", 5))
    cov, warnings = measure([_line("Ақпараттық-талдау басқармасының бас маманы, С-4", 7)], [], [])
    assert [(w.code, w.lines.start) for w in warnings] == [("heading_not_taken", 7)]
