"""Field contents on a sample of posts, checked by reading the act (raw line numbers cited)."""

from __future__ import annotations


def by_id(extraction) -> dict:
    return {p.id: p for p in extraction.positions}


# ---- characteristics (ru-mod-2017-134) ----


def test_char_paragraph_1(extracted):
    p = by_id(extracted("mod_134_ru"))["15125-g1-p1"]
    # raw 48: "Параграф 1. Заместитель руководителя отдела, службы департамента по делам обороны"
    assert p.title == "Заместитель руководителя отдела, службы департамента по делам обороны"
    assert p.group == "heads"
    # raw 50-94 duties, 95-109 knowledge, 110-112 qualification
    assert p.duties[0].startswith("участвует в проведении мероприятий мобилизационной подготовки")
    assert p.knowledge and p.knowledge[-1].startswith("основы организации труда и управления")
    assert p.education.text.startswith("высшее (или послевузовское) образование")
    assert p.education.lines.start == 111 and p.education.lines.end == 112


def test_char_title_over_two_lines(extracted):
    p = by_id(extracted("mod_134_ru"))["15125-g2-p1"]
    # raw 244-245
    assert p.title == (
        "Инспектор по учету мобилизационных ресурсов (по предназначению мобилизационных "
        "ресурсов, по учету и предназначению мобилизационных ресурсов)"
    )
    assert p.group == "specialists"


def test_char_paragraph_3_two_posts(extracted):
    d = by_id(extracted("mod_134_ru"))
    a, b = d["15125-g1-p3-1"], d["15125-g1-p3-2"]
    # raw 235-240: "1) руководитель отдела, службы управления ... (А3-3); 2) руководитель группы, ..."
    assert a.title == "руководитель отдела, службы управления и отдела по делам обороны"
    assert b.title == "руководитель группы, отделения управления и отдела по делам обороны"
    assert a.division == b.division == (
        "Руководитель отдела, службы (группы, отделения) управления и отдела по делам обороны"
    )
    assert a.duties == b.duties and len(a.duties) > 5
    assert "(А3-3)" in a.education.text and "(А3-3 -1)" not in a.education.text


def test_char_note_not_in_requirements(extracted):
    p = by_id(extracted("mod_134_ru"))["15125-g2-p1"]
    # raw 336-338: "Сноска. Пункт 12 - в редакции приказа ... № 668" is an editorial note
    assert "Сноска" not in p.education.text
    assert p.education.text.rstrip().endswith("без предъявления требований к стажу работы.")


def test_char_last_paragraph(extracted):
    p = by_id(extracted("mod_134_ru"))["15125-g2-p10"]
    # raw 947-948 title; raw 1000-1011 qualification with (С2)/(С3)
    assert p.title.startswith("Специалист по развитию государственного языка")
    assert "(С3)" in p.education.text
    assert p.lines.end == 1011


# ---- paragraph layout (kk-mes-2014-161, kk-ara-2014-9) ----


def test_mes_first_post(extracted):
    p = by_id(extracted("mes_161_kk"))["9344-a1-1"]
    # raw 64 "1. Хатшылық", raw 67 "Министрдің көмекшісі, С-3 санаты"
    assert (p.title, p.department, p.appendix) == ("Министрдің көмекшісі", "Хатшылық", "1")
    assert p.category == "C-3"
    # raw 72-74 education, raw 100-115 experience, raw 119-123 duties
    assert p.education.text.startswith("Жоғары: әскери іс және қауіпсіздік")
    assert (p.education.lines.start, p.education.lines.end) == (72, 74)
    assert p.experience.text.startswith("Жұмыс тәжірибесі келесі талаптардың біріне")
    assert p.experience.text.endswith("6) ғылыми дәрежесінің болуы.")
    assert (p.experience.lines.start, p.experience.lines.end) == (100, 115)
    assert p.duties[0] == "Министрлік басшылығы үшін талдау материалдарын жинау және жалпылау"


def test_mes_department_glued_to_title(extracted):
    d = by_id(extracted("mes_161_kk"))
    # raw 4506: "2. Ішкі бақылау бөлімі Ішкі бақылау бөлімінің басшысы, С-О-4 санаты"
    p = d["9344-a2-3"]
    assert p.department == "Ішкі бақылау бөлімі"
    assert p.title == "Ішкі бақылау бөлімінің басшысы"
    assert p.division == "Ішкі бақылау бөлімінің"
    assert p.category == "C-O-4" and p.appendix == "2"
    # raw 4379-4383: the appendix title shares a block with "1. Департамент аппараты" + title
    q = d["9344-a2-1"]
    assert q.department == "Департамент аппараты"
    assert q.title == "Төтенше жағдайлар департаментінің басшысы"


def test_mes_heading_over_four_lines(extracted):
    p = by_id(extracted("mes_161_kk"))["9344-a1-3"]
    # raw 181-184
    assert p.title.startswith("Басқарма басшысы – Қазақстан Республикасы")
    assert p.title.endswith("орталығындағы өкілетті өкілі")
    assert p.department == "Хатшылық"


def test_mes_russian_label_in_kazakh_act(extracted):
    p = by_id(extracted("mes_161_kk"))["9344-a1-16"]
    # raw 808: "Образование Жоғары: жаратылыстану ..." (Russian label, Kazakh text)
    assert p.education.text.startswith("Жоғары: жаратылыстану")
    assert p.department.startswith("Стратегиялық жоспарлау, ақпараттық-талдау")
    assert p.title == "Департамент директоры"


def test_mes_cell_printed_before_label(extracted):
    p = by_id(extracted("mes_161_kk"))["9344-a2-48"]
    # raw 6538-6542 competence text printed above "Кәсіби құзыреттілігі" (raw 6547)
    assert p.education.text.endswith("саласында.")
    assert p.competence.text.startswith("Қазақстан Республикасының Конституциясын")
    assert "Нормативтік құқықтық актілер туралы" in p.competence.text
    assert any(w.code == "row_text_before_label" and w.params["criterion"] == "competence" for w in p.warnings)


def test_mes_outlier_category_reported(extracted):
    p = by_id(extracted("mes_161_kk"))["9344-a2-69"]
    # raw 7460: "... жетекші маманы, С-R-4 санаты" where the act's other жетекші маманы are С-R-5
    assert p.category == "C-R-4"
    assert any(w.code == "category_conflict" and w.params["usual"] == "C-R-5" for w in p.warnings)


def test_ara_first_post(extracted):
    p = by_id(extracted("ara_9_kk"))["9211-2-2-1"]
    # raw 50 "Төрағаның кеңесшісі, С-3 санаты, 1 бірлік, № 2-2-1", rows Білімі/Тәжірибесі/...
    assert (p.title, p.category, p.units, p.numbers) == ("Төрағаның кеңесшісі", "C-3", 1, ["2-2-1"])
    assert p.education.text.startswith("Гуманитарлық немесе құқықтық мамандықтар")
    assert "№ 5084" in p.experience.text  # by reference to the typical requirements
    assert p.competence.text.startswith("Қазақстан Республикасының")


def test_ara_three_line_heading(extracted):
    p = by_id(extracted("ara_9_kk"))["9211-4-3-1"]
    # raw 882-884
    assert p.title == (
        "Конфессияаралық қатынастар департаментінің исламдық діни бірлестіктермен байланыстар "
        "басқармасының бас сарапшысы"
    )
    assert p.units == 3
    assert p.division.endswith("байланыстар басқармасының")


# ---- table layout (kk-mebp-2014-75) ----


def test_table_first_post(extracted):
    p = by_id(extracted("mebp_75_kk"))["9219-01-1-1"]
    # raw 55 "Министрдің хатшылығы", raw 62 "Кеңесші", raw 66 "1 С-3 01-1-1"
    assert (p.title, p.department, p.category, p.units) == ("Кеңесші", "Министрдің хатшылығы", "C-3", 1)
    # raw 70-71 education on the label's line; raw 73-74 letter-spaced "К ә с і б и / құзыреттілігі"
    assert p.education.text == (
        "Әлеуметтік ғылымдар, экономика және бизнес және/немесе құқық мамандықтары бойынша жоғары білім"
    )
    assert p.competence.lines.start == 76
    assert p.experience.text.startswith("Қазақстан Республикасы Әділет министрлігінің")
    assert p.duties[0] == "Министрдің нұсқауларын орындау"


def test_table_glued_marker(extracted):
    p = by_id(extracted("mebp_75_kk"))["9219-01-1-4"]
    # raw 206: "Лауазымғақойылатынбіліктілікталаптары Көмекші"
    assert p.title == "Көмекші"


def test_table_title_started_above_marker(extracted):
    p = by_id(extracted("mebp_75_kk"))["9219-15-3-2"]
    # raw 5357 "Макроэкономикалық талдау және болжамдау", raw 5361-5364 left cell, raw 5366
    # "департаменті", 5367-5369 the rest of the title cell
    assert p.department == "Макроэкономикалық талдау және болжамдау департаменті"
    assert p.title == "Макроэкономикалық талдау және мониторинг басқармасының Бас сарапшысы"
    assert p.lines.start == 5357


def test_table_text_before_first_label(extracted):
    p = by_id(extracted("mebp_75_kk"))["9219-12-2"]
    # raw 1188-1189 printed before "Білімі" on raw 1193
    assert p.education.text.startswith("Әлеуметтік ғылымдар, экономика және бизнес")
    assert p.education.lines.start == 1188


def test_table_department_in_title_cell(extracted):
    p = by_id(extracted("mebp_75_kk"))["9219-13-2-3"]
    # raw 1978-1983: glued marker, then "Стратегиялық жоспарлау және талдау / департаменті /
    # Стратегиялық даму басқармасының / Бас сарапшысы"
    assert p.department == "Стратегиялық жоспарлау және талдау департаменті"
    assert p.title == "Стратегиялық даму басқармасының Бас сарапшысы"
    assert p.division == "Стратегиялық даму басқармасының"


def test_table_number_printed_twice(extracted):
    d = by_id(extracted("mebp_75_kk"))
    # raw 18764 "1 С-1 26-0-1" (director) and raw 18826 "1 С-2 26-0-1" (deputy): same number
    a, b = d["9219-26-0-1"], d["9219-26-0-1-dup2"]
    assert (a.category, b.category) == ("C-1", "C-2")
    assert any(w.code == "duplicate_position_number" and w.params == {"number": "26-0-1", "others": b.id}
               for w in a.warnings)
    assert any(w.code == "duplicate_id_key" for w in b.warnings)


def test_table_title_category_contradiction(extracted):
    p = by_id(extracted("mebp_75_kk"))["9219-14-1-6"]
    # raw 3684-3700: a "Бас сарапшысы" printed with С-5 (the act's other chief experts are С-4)
    assert p.category == "C-5"
    assert any(w.code == "category_conflict" and w.params["usual"] == "C-4" for w in p.warnings)


def test_raw_criteria_kept_with_spans(extracted):
    x = extracted("mod_134_ru")
    crit = x.criteria["15125-g1-p1"]
    assert set(crit) == {"duties", "knowledge", "qualification"}
    text, span = crit["duties"]
    # raw 51-91: the duties point's items (label on raw 50); raw 92-94 is a "Сноска." note
    assert text.startswith("участвует в проведении") and (span.start, span.end) == (51, 91)
    assert "Сноска" not in text
    assert crit["knowledge"][1].start == 96


def test_duties_printed_without_label(extracted):
    p = by_id(extracted("mes_161_kk"))["9344-a1-55"]
    # raw 2859-2867 experience list ending "3) ғылыми дәрежесінің болуы."; after a page gap raw
    # 2871-2880 the duties, whose "Функционалдық міндеттері" label the act omits
    assert p.experience.text.endswith("3) ғылыми дәрежесінің болуы.")
    assert p.experience.lines.end == 2867
    assert p.duties[0].startswith("Министрлік аумақтық органдарының барлық санаттағы")
    assert any(w.code == "row_without_label" and w.params["criterion"] == "duties" for w in p.warnings)
