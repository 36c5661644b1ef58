"""Competence: the acts a post must know, including text damaged by displaced hyperlinks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kzqual.positions.requirements import collect_titles, is_damaged, parse_competence, parse_duties

MES_TITLES = [
    "Қазақстан Республикасының Конституциясы",
    "«Қазақстан Республикасының Президенті туралы» Конституциялық заңы",
    "«Қазақстан Республикасының Парламенті және оның депутаттарының мәртебесі туралы» Конституциялық заңы",
    "«Қазақстан Республикасының Үкіметі туралы» Конституциялық заңы",
    "«Мемлекеттік қызмет туралы» Заңы",
    "«Сыбайлас жемқорлыққа қарсы күрес туралы» Заңы",
    "«Әкімшілік рәсімдер туралы» Заңы",
    "«Нормативтік құқықтық актілер туралы» Заңы",
    "«Жеке және заңды тұлғалардың өтініштерін қарау тәртібі туралы» Заңы",
    "«Қазақстан – 2050» Стратегиясы",
]


def test_mes_161_intact_block(raw):
    # 001 lines 136-148: the second post's block, printed intact
    c = parse_competence(raw("mes_161_kk", 136, 148), "kk")
    assert c.acts == MES_TITLES  # "і" Latin look-alikes ("Парламентi") repaired
    assert c.warnings == []


def test_mes_161_damaged_block_restored_from_intact(raw):
    # 001 lines 78-91: "Қазақстан Республикасының , Қазақстан Республикасының Конституциясын «Қазақстан ..."
    damaged = raw("mes_161_kk", 78, 91)
    assert is_damaged(damaged) and not is_damaged(raw("mes_161_kk", 136, 148))
    known = collect_titles([raw("mes_161_kk", 136, 148), damaged], "kk")  # the damaged one is skipped
    assert known == MES_TITLES
    c = parse_competence(damaged, "kk", None, known)
    assert c.acts == MES_TITLES
    assert [w.code for w in c.warnings] == ["titles_restored"] and c.warnings[0].params == {"count": 10}


def test_mes_161_damaged_block_without_help(raw):
    # same block, nothing to restore from: kept as printed, with a warning
    c = parse_competence(raw("mes_161_kk", 78, 91), "kk")
    assert [w.code for w in c.warnings] == ["titles_as_printed"]
    assert "Қазақстан Республикасының Конституциясы" in c.acts


def test_restoration_never_adds_a_title_whose_words_are_missing(raw):
    # 001 lines 291-295 + 300-305 (the "Сарапшы" post) name no "Нормативтік құқықтық актілер туралы" law
    text = raw("mes_161_kk", 291, 295) + "\n" + raw("mes_161_kk", 300, 305)
    c = parse_competence(text.replace("«Жеке", ", «Жеке"), "kk", None, MES_TITLES)
    assert "«Нормативтік құқықтық актілер туралы» Заңы" not in c.acts


def test_ara_9_strategy_title(raw):
    # 003 lines 110-111 + 117-125: the cell broken by its label; strategy title with ":" and commas
    text = raw("ara_9_kk", 110, 111) + "\n" + raw("ara_9_kk", 117, 125)
    c = parse_competence(text, "kk")
    assert "«Қазақстан жолы – 2050: бір мақсат, бір мүдде, бір болашақ» Стратегиясы" in c.acts
    assert "«Діни қызмет және діни бірлестіктер туралы» Заңы" in c.acts


def test_mebp_75_straight_quotes(raw):
    # 004 lines 127-137: titles in "straight quotes"
    c = parse_competence(raw("mebp_75_kk", 127, 137), "kk")
    assert "«Мемлекеттік қызмет туралы» Заңы" in c.acts
    assert "«Қазақстан – 2050» Стратегиясы" in c.acts


def test_russian_titles():
    c = parse_competence(
        "Конституцию Республики Казахстан, Закон Республики Казахстан «О государственной службе», "
        "Кодекс Республики Казахстан «О браке (супружестве) и семье»",
        "ru",
    )
    assert c.acts == [
        "Конституция Республики Казахстан",
        "Закон Республики Казахстан «О государственной службе»",
        "Кодекс Республики Казахстан «О браке (супружестве) и семье»",
    ]


def test_duties_mes_161(raw):
    # 001 lines 119-123: duties separated by ";" across lines
    duties = parse_duties(raw("mes_161_kk", 119, 123), "kk")
    assert duties[0] == "Министрлік басшылығы үшін талдау материалдарын жинау және жалпылау"
    assert len(duties) == 2 and duties[1].endswith("асыру.")


def test_duties_ara_9_lines(raw):
    # 003 lines 84-92: one duty per line, ";" at line ends
    duties = parse_duties(raw("ara_9_kk", 84, 92), "kk")
    assert duties[0] == "Халықаралық ынтымақтастыққа қатысты мәселелер жөніндегі жұмысқа қатысу"
    assert len(duties) == 5


def test_duties_mod_134_knowledge(raw):
    # 000 lines 96-110 ("Должен знать"): items end with ";"
    items = parse_duties(raw("mod_134_ru", 96, 109), "ru")
    assert items[0] == "законодательные и иные нормативные правовые акты Республики Казахстан"
    assert len(items) == 8


def test_duties_bullets_and_parentheses():
    text = "- бірінші (а; б) міндет\n- екінші міндет\nжалғасы"
    assert parse_duties(text, "kk") == ["бірінші (а; б) міндет", "екінші міндет жалғасы"]
    assert parse_duties("", "kk") == []


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["kk", "ru"]))
def test_never_raises(text, lang):
    parse_competence(text, lang, None, MES_TITLES)
    parse_duties(text, lang)
