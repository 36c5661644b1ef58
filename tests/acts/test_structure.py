from __future__ import annotations

import pytest


def _walk(nodes):
    for n in nodes:
        yield n
        yield from _walk(n.children)


def _top(parsed, name, kind):
    return [n for n in parsed(name).structure if n.kind == kind]


@pytest.mark.parametrize(
    "name,labels,preamble_line",
    [
        ("mod_134_ru", ["1", "2", "3", "4"], 8),
        # the act itself numbers two points "3."
        ("mes_161_kk", ["1", "2", "3", "3", "4"], 13),
        ("mod_674_kk", ["1", "2", "3", "4", "5"], 12),
        ("ara_9_kk", ["1", "2", "3", "4"], 13),
        ("mebp_75_kk", ["1", "2", "3", "4"], 14),
    ],
)
def test_points_of_the_order_text(parsed, name, labels, preamble_line):
    assert [p.label for p in _top(parsed, name, "point")] == labels
    pre = _top(parsed, name, "preamble")
    assert len(pre) == 1 and pre[0].lines.start == preamble_line
    assert parsed(name).structure[0].kind == "preamble"


def test_subpoints(parsed):
    point2 = _top(parsed, "mod_134_ru", "point")[1]
    assert [c.label for c in point2.children] == ["1", "2", "3", "4"]
    assert all(c.kind == "subpoint" for c in point2.children)
    assert point2.lines.start == 12 and point2.lines.end == 26


def test_duplicate_point_is_a_warning(parsed):
    w = next(w for w in parsed("mes_161_kk").warnings if w["code"] == "duplicate_point")
    # the point's number travels as a param, so the kk/ru sentence can name it as the English does
    assert w["params"] == {"point": "3"} and w["lines"] == {"start": 44, "end": 44}
    from kzqual.positions.warnings import localize

    assert localize(w, "ru") == "Номер пункта 3 встречается дважды"
    assert localize(w, "kk") == "Тармақ нөмірі 3 екі рет кездеседі"


def test_characteristics_of_134(parsed):
    (appendix,) = _top(parsed, "mod_134_ru", "appendix")
    assert appendix.title.startswith("Типовые квалификационные характеристики")
    assert appendix.lines.start == 37
    chapters = appendix.children
    assert [(c.kind, c.label) for c in chapters] == [("chapter", "1"), ("chapter", "2")]
    assert chapters[0].title == "Квалификационные характеристики должностей руководителей"
    assert [len(c.children) for c in chapters] == [3, 10]
    assert all(p.kind == "paragraph" for c in chapters for p in c.children)
    assert chapters[1].children[9].title.startswith("Специалист по развитию государственного языка")
    points = [n for n in _walk([appendix]) if n.kind == "point"]
    assert [p.label for p in points] == [str(i) for i in range(1, 40)]
    # every post has its three points
    for c in chapters:
        for par in c.children:
            assert [p.text.split(" ", 1)[1].split(":")[0] for p in par.children] == [
                "Должностные обязанности", "Должен знать", "Требования к квалификации"]
    # the notes are not part of the points' text
    assert not any("Сноска" in p.text for p in points)


def test_appendices(parsed):
    mes = _top(parsed, "mes_161_kk", "appendix")
    assert [a.label for a in mes] == ["1", "2"]
    assert mes[0].lines.start == 55 and mes[1].lines.start == 4373
    assert mes[0].title.endswith("біліктілік талаптары")
    assert mes[1].title.startswith("Қазақстан Республикасы Төтенше жағдайлар министрлігі облыстар")
    mod = _top(parsed, "mod_674_kk", "appendix")
    assert [a.label for a in mod] == ["1", "2", "3"]
    assert "мемлекеттік көрсетілетін қызмет стандарты" in mod[0].title
    for name in ("ara_9_kk", "mebp_75_kk"):
        (one,) = _top(parsed, name, "appendix")
        assert one.label is None and "біліктілік" in one.title


@pytest.mark.parametrize("name", ["mod_134_ru", "mes_161_kk", "mod_674_kk", "ara_9_kk", "mebp_75_kk"])
def test_spans_nest_and_stay_in_the_text(parsed, name):
    result = parsed(name)
    total = result.act.lines.end
    previous_end = 0
    for top in result.structure:
        assert top.lines.start > previous_end  # top-level nodes do not overlap
        previous_end = top.lines.end
    for node in _walk(result.structure):
        assert 1 <= node.lines.start <= node.lines.end <= total
        for child in node.children:
            assert node.lines.start <= child.lines.start <= child.lines.end <= node.lines.end


def test_appendix_of_an_appendix(parsed):
    form = _top(parsed, "mod_674_kk", "appendix")[2]
    nested = [c for c in form.children if c.kind == "appendix"]
    assert len(nested) == 1
    (explanation,) = nested
    assert explanation.label is None
    assert explanation.title == "Әкімшілік деректер нысанын толтыру бойынша түсіндірме"
    assert explanation.lines.start == 576 and explanation.lines.end == form.lines.end
    assert [p.label for p in explanation.children] == [str(i) for i in range(1, 11)]
    # no other act has an appendix inside an appendix
    for name in ("mod_134_ru", "mes_161_kk", "ara_9_kk", "mebp_75_kk"):
        for app in _top(parsed, name, "appendix"):
            assert not any(n.kind == "appendix" for n in _walk(app.children))
