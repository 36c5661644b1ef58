"""paragraphs() and join_text() on seed passages."""

from __future__ import annotations

from kzqual.text import clean, join_text, paragraphs
from kzqual.text.model import CleanLine


def _para(ps, raw):
    return next(p for p in ps if p.raw_start <= raw <= p.raw_end)


def test_paragraphs_cover_raw_lines_in_order(seed):
    for name in ("mod_134_ru", "mes_161_kk", "mod_674_kk", "ara_9_kk", "mebp_75_kk"):
        ct = seed(name)
        ps = paragraphs(ct)
        ends = [0]
        for p in ps:
            assert p.raw_start > ends[-1] and p.raw_end >= p.raw_start
            ends.append(p.raw_end)
        assert sum(1 for l in ct.lines) >= len(ps)
        assert {l.raw_start for l in ct.lines} <= {r for p in ps for r in range(p.raw_start, p.raw_end + 1)}


def test_numbered_points_are_paragraphs(seed):
    # ru-mod-2017-134.txt 14-15 and 16-20: sub-points 1) and 2)
    ps = paragraphs(seed("mod_134_ru"))
    p = _para(ps, 14)
    assert (p.raw_start, p.raw_end) == (14, 15) and p.text.startswith("1) в установленном")
    assert _para(ps, 16).text.startswith("2) в течение")


def test_page_break_inside_sentence_is_joined(seed):
    # kk-mes-2014-161.txt 78-91: the competence list runs across two blank runs
    p = _para(paragraphs(seed("mes_161_kk")), 78)
    assert (p.raw_start, p.raw_end) == (78, 91)
    assert p.text.endswith("стратегиясын білуі.")


def test_labels_stay_apart(seed):
    # kk-mes-2014-161.txt 71 "Білімі" / 72 "Жоғары: ..." ; 98 "Практикалық тәжірибесі"
    ps = paragraphs(seed("mes_161_kk"))
    assert _para(ps, 71).text == "Білімі"
    assert _para(ps, 98).text == "Практикалық тәжірибесі"
    # kk-mebp-2014-75.txt 10042-10043: a label split over two lines is one paragraph
    p = _para(paragraphs(seed("mebp_75_kk")), 10042)
    assert p.text == "Кәсіби құзыреттілігі"


def test_compound_hyphen_kept_across_page_break(seed):
    # kk-mod-2022-674.txt 104-106: "ұйымдарында әскери-" / (blank) / "техникалық және ..."
    p = _para(paragraphs(seed("mod_674_kk")), 104)
    assert "ұйымдарында әскери-техникалық және" in p.text


def test_number_suffix_hyphen(seed):
    # kk-ara-2014-9.txt 13: "... Заңының 13-бабы 5-" then the (displaced) rest
    p = _para(paragraphs(seed("ara_9_kk")), 13)
    assert "13-бабы 5-сәйкес" in p.text


def test_spaced_dash_is_a_word_gap():
    # kk-mebp-2014-75.txt 9-10: "Күші жойылды - " / "Қазақстан Республикасы ..."
    assert join_text(["Күші жойылды -", "Қазақстан Республикасы"]) == "Күші жойылды - Қазақстан Республикасы"


def test_hyphen_dropped_only_when_vocabulary_says_so():
    vocab = {"мемлекеттік"}
    assert join_text(["мемле-", "кеттік қызмет"], vocabulary=vocab) == "мемлекеттік қызмет"
    assert join_text(["мемле-", "кеттік қызмет"]) == "мемле-кеттік қызмет"
    assert join_text(["іс-", "қимыл"], vocabulary={"іс-қимыл", "іс", "қимыл"}) == "іс-қимыл"


def test_mid_word_break_mended_only_with_vocabulary():
    # kk-mod-2022-674.txt 537-538: a table cell "департамен" / "т т і ң" (-> "ттің")
    vocab = {"департаменттің"}
    assert join_text(["жөніндегі департамен", "ттің жоспары"], vocabulary=vocab) == "жөніндегі департаменттің жоспары"
    assert join_text(["жөніндегі департамен", "ттің жоспары"]) == "жөніндегі департамен ттің жоспары"
    # both halves are words: never glued
    assert join_text(["бір", "жыл"], vocabulary={"бір", "жыл", "біржыл"}) == "бір жыл"


def test_join_text_accepts_clean_lines_and_skips_empty():
    lines = [CleanLine("а", 1, 1), CleanLine("", 2, 2), CleanLine("б", 3, 3)]
    assert join_text(lines) == "а б"
    assert join_text([]) == ""


def test_paragraphs_of_made_up_text():
    ct = clean("Білімі\nЖоғары: әскери іс\nнемесе құқық\n\nКәсіби құзыреттілігі\n\nҚазақстан , Конституциясын\n\n, оның депутаттарының.")
    assert [p.text for p in paragraphs(ct)] == [
        "Білімі",
        "Жоғары: әскери іс немесе құқық",
        "Кәсіби құзыреттілігі",
        "Қазақстан , Конституциясын , оның депутаттарының.",
    ]
