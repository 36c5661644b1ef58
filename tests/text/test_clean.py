"""clean()/read(): furniture, look-alikes, provenance, warnings, offsets -- on seed lines."""

from __future__ import annotations

from kzqual.text import clean, clean_offsets
from kzqual.text.model import CleanText


def _line_at(ct: CleanText, raw: int):
    return next(l for l in ct.lines if l.raw_start == raw)


def test_two_line_footer_dropped(seed):
    # kk-mod-2022-674.txt 624-625: "© 2012. ... Заңнама және" / "құқықтық ақпарат институты» ШЖҚ РМК"
    ct = seed("mod_674_kk")
    assert all(l.raw_start not in (624, 625) for l in ct.lines)
    assert not any("©" in l.text or "институты» ШЖҚ" in l.text for l in ct.lines)


def test_orphan_footer_tail_dropped(seed):
    # kk-mebp-2014-75.txt 32390: the footer's second line alone
    ct = seed("mebp_75_kk")
    assert all(l.raw_start != 32390 for l in ct.lines)
    assert ct.lines[-1].text.endswith("мұрағатпен жұмыс істеу")


def test_footer_made_up_and_page_number():
    text = "бірінші жол\n© 2012. Әділет министрлігінің «Заңнама және\nқұқықтық ақпарат институты» ШЖҚ РМК\n\n12\n\nекінші жол"
    ct = clean(text)
    assert [l.text for l in ct.lines] == ["бірінші жол", "екінші жол"]
    assert ct.lines[1].after_gap and ct.lines[1].raw_start == 7


def test_footer_without_tail_keeps_next_line():
    ct = clean("© 2012. Институт законодательства\nПриказ Министра")
    assert [l.text for l in ct.lines] == ["Приказ Министра"]


def test_table_row_number_is_not_a_page_number(seed):
    # kk-mod-2022-674.txt 134: "3" heads row 3 of the standard's table (text follows directly)
    ct = seed("mod_674_kk")
    assert _line_at(ct, 134).text == "3"


def test_latin_lookalike_repaired_and_reported(seed):
    # kk-mes-2014-161.txt 79: "Парламентi" with a Latin i
    ct = seed("mes_161_kk")
    assert "Парламенті" in _line_at(ct, 79).text
    assert any(r.kind == "latin_lookalike" and r.line == 79 and r.raw == "Парламентi" for r in ct.repairs)


def test_category_codes_kept_as_printed(seed):
    # kk-mes-2014-161.txt 6530: "С-R-1 санаты" (Latin R stands alone between hyphens)
    ct = seed("mes_161_kk")
    assert _line_at(ct, 6530).text == "С-R-1 санаты"
    assert clean("C-О-4 санаты").lines[0].text == "C-О-4 санаты"


def test_letter_spacing_repair_keeps_raw(seed):
    # kk-ara-2014-9.txt 15
    ct = seed("ara_9_kk")
    r = next(r for r in ct.repairs if r.line == 15)
    assert r.kind == "letter_spacing"
    assert r.raw == "с ә й к е с  т а р м а ғ ы н а Б Ұ Й Ы Р А М Ы Н :"
    assert r.fixed == "сәйкес тармағына БҰЙЫРАМЫН:"


def test_displacement_warnings_per_line(seed):
    # ru-mod-2017-134.txt 8 and 10: "подпунктом 17)  Трудового ...", "прилагаемые  должностейТиповые"
    ct = seed("mod_134_ru")
    flagged = {w.line_start for w in ct.warnings if w.code == "hyperlink_displaced"}
    assert {8, 10} <= flagged
    # kk-mes-2014-161.txt 22: "бекітілсін;1-қосымшасына"
    assert 22 in {w.line_start for w in seed("mes_161_kk").warnings if w.code == "hyperlink_displaced"}


def test_clean_offsets_map_back_to_raw(raw_line):
    raw = raw_line("ara_9_kk", 15)
    text = clean(raw).lines[0].text
    offs = clean_offsets(raw)
    assert len(offs) == len(text)
    assert all(c == " " or raw[o] == c for c, o in zip(text, offs))


def test_seed_counts(seed):
    # Regression figures for the bundled acts (lines kept, repairs by kind).
    ct = seed("mes_161_kk")
    kinds = {k: sum(r.kind == k for r in ct.repairs) for k in ("letter_spacing", "latin_lookalike")}
    assert kinds["letter_spacing"] == 194
    assert kinds["latin_lookalike"] > 500
    assert len(seed("mebp_75_kk").lines) == 24688


def test_every_repair_kind_and_warning_code_has_a_message(seed):
    from kzqual.i18n import LANGS, catalogue

    cat = catalogue()
    kinds = {"text.repair." + r.kind for name in ("mes_161_kk", "mod_674_kk") for r in seed(name).repairs}
    kinds |= {"text.repair.hyperlink_restored", "text.warning.hyperlink_displaced", "text.warning.truncated",
              "text.warning.invalid_bytes", "text.warning.mixed_script"}
    for key in kinds:
        assert set(cat[key]) == set(LANGS), key
