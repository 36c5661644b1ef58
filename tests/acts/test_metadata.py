"""Every metadata field of every bundled act, against values read by hand from the acts' heads."""

from __future__ import annotations

import pytest

EXPECTED = {
    "mod_134_ru": dict(
        language="ru", act_type="order", act_type_raw="Приказ",
        issuer="Министр обороны Республики Казахстан",
        issuer_body="Министерство обороны Республики Казахстан",
        date="2017-03-31", number="134", reg_number="15125", reg_date="2017-05-17",
        status="in_force", repealed_by=None,
        title_start="Об утверждении Типовых квалификационных характеристик",
        signatory="С. Жасузаков", signatory_office="Министр обороны Республики Казахстан",
        entry=("after_publication", 10, "calendar"), agreed=0,
    ),
    "mes_161_kk": dict(
        language="kk", act_type="order", act_type_raw="бұйрығы",
        issuer="Қазақстан Республикасы Төтенше жағдайлар министрі",
        issuer_body="Қазақстан Республикасы Төтенше жағдайлар министрлігі",
        date="2014-04-09", number="161", reg_number="9344", reg_date="2014-04-18",
        status="repealed", repealed_by=("2015-11-16", "927"),
        title_start="Қазақстан Республикасы Төтенше жағдайлар министрлігінің",
        signatory="В. Божко", signatory_office="Қазақстан Республикасы Төтенше жағдайлар министрі",
        entry=("after_publication", 10, "calendar"), agreed=1,
    ),
    "mod_674_kk": dict(
        language="kk", act_type="order", act_type_raw="бұйрығы",
        issuer="Қазақстан Республикасы Қорғаныс министрі",
        issuer_body="Қазақстан Республикасы Қорғаныс министрлігі",
        date="2022-08-18", number="674", reg_number="29277", reg_date="2022-08-25",
        status="in_force", repealed_by=None,
        title_start='"Қазақстан Республикасы Қорғаныс министрлігінің мамандандырылған',
        signatory="Р. Жаксылыков", signatory_office="Қазақстан Республикасы Қорғаныс министрі",
        entry=("after_publication", 10, "calendar"), agreed=2,
    ),
    "ara_9_kk": dict(
        language="kk", act_type="order", act_type_raw="бұйрығы",
        issuer="Қазақстан Республикасы Дін істері агенттігі төрағасы",
        issuer_body="Қазақстан Республикасы Дін істері агенттігі",
        date="2014-02-21", number="9", reg_number="9211", reg_date="2014-03-13",
        status="repealed", repealed_by=("2015-11-17", "357"),
        title_start="Қазақстан Республикасы Дін істері агенттігінің",
        signatory="М. Әзілханов", signatory_office="Төраға",
        entry=("after_publication", 10, "calendar"), agreed=1,
    ),
    "mebp_75_kk": dict(
        language="kk", act_type="order", act_type_raw="бұйрығы",
        issuer="Қазақстан Республикасы Экономика және бюджеттік жоспарлау министрі",
        issuer_body="Қазақстан Республикасы Экономика және бюджеттік жоспарлау министрлігі",
        date="2014-03-07", number="75", reg_number="9219", reg_date="2014-03-15",
        status="repealed", repealed_by=("2014-10-02", "74"),
        title_start="Қазақстан Республикасы Экономика және бюджеттік жоспарлау министрлігінің",
        signatory="Е. Досаев", signatory_office="Министр",
        entry=("after_publication", 21, None), agreed=1,
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_metadata(parsed, name):
    exp = EXPECTED[name]
    act = parsed(name).act
    assert act.language == exp["language"]
    assert act.act_type == exp["act_type"]
    assert act.act_type_raw == exp["act_type_raw"]
    assert act.issuer == exp["issuer"]
    assert act.issuer_body == exp["issuer_body"]
    assert act.date == exp["date"]
    assert act.number == exp["number"]
    assert act.registration.number == exp["reg_number"]
    assert act.registration.date == exp["reg_date"]
    assert act.status == exp["status"]
    assert act.title.startswith(exp["title_start"])
    assert "\n" not in act.title
    assert act.signatory == exp["signatory"]
    assert act.signatory_office == exp["signatory_office"]
    e = act.entry_into_force
    assert e is not None and (e.kind, e.days, e.day_kind) == exp["entry"]
    assert "енгізіледі" in e.rule or "вводится в действие" in e.rule
    assert len(act.agreed_by) == exp["agreed"]
    assert act.key == f"reg-{exp['reg_number']}"
    if exp["repealed_by"]:
        assert act.repealed_by is not None
        assert (act.repealed_by.date, act.repealed_by.number) == exp["repealed_by"]
        assert act.repealed_by.act_type == "order"
        assert act.repealed_by.issuer and act.repealed_by.issuer.endswith("министрі")
        assert act.repeal_note and act.repeal_note.startswith("Ескерту.")
    else:
        assert act.repealed_by is None and act.repeal_note is None


def test_repealing_issuers(parsed):
    assert parsed("mes_161_kk").act.repealed_by.issuer == "Казақстан Республикасы Ішкі істер министрі"
    assert parsed("ara_9_kk").act.repealed_by.issuer == "Қазақстан Республикасы Мәдениет және спорт министрі"
    assert parsed("mebp_75_kk").act.repealed_by.issuer == "Қазақстан Республикасы Ұлттық экономика министрі"


def test_amendment_notes_of_134(parsed):
    act = parsed("mod_134_ru").act
    # Points 1, 12, 15, 18, 21, 24 were restated by order No. 668 of 30.09.2021.
    assert [n.target for n in act.notes] == [f"point {p}" for p in (1, 12, 15, 18, 21, 24)]
    for note in act.notes:
        assert note.kind == "amendment"
        assert note.text.startswith("Сноска. Пункт")
        assert note.amending_act.number == "668" and note.amending_act.date == "2021-09-30"
        assert note.amending_act.issuer == "Министр обороны РК"
    assert [(r.number, r.date) for r in act.amended_by] == [("668", "2021-09-30")]
    assert act.notes[0].lines.start == 92 and act.notes[0].lines.end == 94


@pytest.mark.parametrize("name,line", [("mes_161_kk", 11), ("ara_9_kk", 11), ("mebp_75_kk", 12)])
def test_repeal_notes(parsed, name, line):
    notes = parsed(name).act.notes
    assert len(notes) == 1
    note = notes[0]
    assert (note.target, note.kind, note.lines.start) == ("act", "repeal", line)
    assert note.amending_act.number == parsed(name).act.repealed_by.number
    # The export moved the hyperlinked "№ N" to the end of the line; the text layer puts it back.
    assert note.text.endswith(f"№ {note.amending_act.number} бұйрығымен.")


def test_amending_act_674_records_the_amended_act(parsed):
    act = parsed("mod_674_kk").act
    assert len(act.amends) == 1
    ref = act.amends[0]
    assert (ref.act_type, ref.date, ref.number, ref.registration_number) == ("order", "2017-07-17", "357", "15517")
    assert ref.issuer == "Қазақстан Республикасы Қорғаныс министрі"
    assert act.notes == [] and act.amended_by == []


def test_agreed_by_blocks(parsed):
    mes = parsed("mes_161_kk").act.agreed_by[0]
    assert mes.name == "А.Байменов" and mes.date is None  # the form's date was never filled in
    assert "Мемлекеттік қызмет істері агенттігінің төрағасы" in mes.office
    ara = parsed("ara_9_kk").act.agreed_by[0]
    assert (ara.name, ara.date) == ("А. Байменов", "2014-02-28")
    mebp = parsed("mebp_75_kk").act.agreed_by[0]
    assert (mebp.name, mebp.date) == ("Ә.М. Бәйменов", "2014-02-28")
    offices = [a.office for a in parsed("mod_674_kk").act.agreed_by]
    assert offices[0].endswith("Ұлттық статистика бюросы")
    assert offices[1].endswith("аэроғарыш өнеркәсібі министрлігі")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_provenance_spans_point_at_the_text(parsed, act_path, name):
    result = parsed(name)
    raw = act_path(name).read_text(encoding="utf-8").split("\n")
    act = result.act
    for note in act.notes:
        assert note.text.split()[0].rstrip(".") in raw[note.lines.start - 1]
    if act.repealed_by:
        span = act.repealed_by.lines
        assert 1 <= span.start <= span.end <= len(raw)
    e = act.entry_into_force
    assert e.rule.split()[0] in raw[e.lines.start - 1]


def test_title_joined_across_an_opening_quote(parsed):
    # The export breaks '"Б" корпусы' after the opening quote.
    assert '"Б" корпусы' in parsed("mebp_75_kk").act.title
