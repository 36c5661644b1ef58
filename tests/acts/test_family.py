"""Acts of the same family that are not among the seeds: a repealed Russian order with numbered
"Приложение N к приказу" stamps and a СОГЛАСОВАН block, and a Kazakh Government resolution with
тарау chapters, a point amendment note and entry into force on signing."""

from __future__ import annotations

import pytest

from kzqual.acts import read_act
from kzqual.text import clean

RU_REPEALED = '\nОб утверждении квалификационных требований к административным государственным должностям \nкорпуса "Б"\n\nУтративший силу\nПриказ Председателя Агентства Республики Казахстан по делам религий от 21 февраля 2014 года № 9. \nЗарегистрирован в Министерстве юстиции Республики Казахстан 13 марта 2014 года № 9211. Утратил \nсилу приказом Министра культуры и спорта Республики Казахстан от 17 ноября 2015 года № 357\n      Сноска. Утратил силу приказом Министра культуры и спорта РК от 17.11.2015 № 357.\n      В соответствии с пунктом 5 статьи 13 Закона Республики Казахстан "О государственной службе" \nПРИКАЗЫВАЮ:\n      1. Утвердить прилагаемые квалификационные требования.\n      2. Настоящий приказ вводится в действие с 1 января 2015 года.\n      Председатель                               М. Азильханов\n      СОГЛАСОВАН\n      Председатель Агентства Республики Казахстан\n      по делам государственной службы\n      ______________ А. Байменов\n      28 февраля 2014 года\nПриложение 1\nк приказу Председателя Агентства\nРеспублики Казахстан по делам религий\nот 21 февраля 2014 года № 9\n\nКвалификационные требования центрального аппарата\n\nГлава 1. Общие положения\n      1. Настоящие требования определяют:\n      1) образование;\n      2) опыт работы.\n      2. Примечание.\nПриложение 2\nк приказу Председателя Агентства\nРеспублики Казахстан по делам религий\nот 21 февраля 2014 года № 9\n\nКвалификационные требования территориальных органов\n\n      1. Первый пункт.\n'

KK_RESOLUTION = '\nМемлекеттік қызметшілердің лауазымдары туралы\n\nҚазақстан Республикасы Үкіметінің 2015 жылғы 29 желтоқсандағы № 1100 қаулысы.\n      Ескерту. 2-тармақ жаңа редакцияда - ҚР Үкіметінің 30.09.2021 № 668 қаулысымен.\n      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n      1. Қоса беріліп отырған тізбе бекітілсін.\n      2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.\n      Қазақстан Республикасының\n      Премьер-Министрі                           К. Мәсімов\nҚазақстан Республикасы\nҮкіметінің\n2015 жылғы 29 желтоқсандағы\n№ 1100 қаулысымен\nбекітілген\n\nТізбе\n\n1-тарау. Жалпы ережелер\n      1. Бірінші.\n      2. Екінші.\n2-тарау. Қорытынды\n      3. Үшінші.\n'


@pytest.fixture(scope="module")
def ru():
    return read_act(clean(RU_REPEALED, source="ru.txt"))


@pytest.fixture(scope="module")
def kk():
    return read_act(clean(KK_RESOLUTION, source="kk.txt"))


def test_russian_repealed_order(ru):
    act = ru.act
    assert (act.language, act.act_type, act.date, act.number) == ("ru", "order", "2014-02-21", "9")
    assert act.issuer == "Председатель Агентства Республики Казахстан по делам религий"
    assert act.issuer_body == "Агентство Республики Казахстан по делам религий"
    assert (act.registration.number, act.registration.date) == ("9211", "2014-03-13")
    assert act.status == "repealed"
    assert (act.repealed_by.issuer, act.repealed_by.date, act.repealed_by.number) == (
        "Министр культуры и спорта Республики Казахстан", "2015-11-17", "357")
    assert [(n.target, n.kind) for n in act.notes] == [("act", "repeal")]
    assert act.entry_into_force.kind == "on_date" and act.entry_into_force.date == "2015-01-01"
    assert (act.signatory, act.signatory_office) == ("М. Азильханов", "Председатель")
    (agreed,) = act.agreed_by
    assert (agreed.name, agreed.date) == ("А. Байменов", "2014-02-28")
    assert agreed.office == "Председатель Агентства Республики Казахстан по делам государственной службы"
    assert not any(w["code"] == "repeal_mismatch" for w in ru.warnings)


def test_head_and_note_naming_different_repealing_acts_is_a_warning_with_both():
    text = RU_REPEALED.replace("от 17.11.2015 № 357.", "от 18.11.2015 № 358.")
    act = read_act(clean(text, source="ru.txt"))
    (w,) = [w for w in act.warnings if w["code"] == "repeal_mismatch"]
    assert w["params"] == {"head_number": "357", "head_date": "2015-11-17",
                           "note_number": "358", "note_date": "2015-11-18"}
    from kzqual.positions.warnings import localize

    assert "№ 357 от 2015-11-17 и № 358 от 2015-11-18" in localize(w, "ru")
    assert "№ 357, 2015-11-17 және № 358, 2015-11-18" in localize(w, "kk")


def test_russian_appendices(ru):
    apps = [n for n in ru.structure if n.kind == "appendix"]
    assert [(a.label, a.title) for a in apps] == [
        ("1", "Квалификационные требования центрального аппарата"),
        ("2", "Квалификационные требования территориальных органов"),
    ]
    chapter = apps[0].children[0]
    assert (chapter.kind, chapter.label, chapter.title) == ("chapter", "1", "Общие положения")
    assert [p.label for p in chapter.children] == ["1", "2"]
    assert [s.label for s in chapter.children[0].children] == ["1", "2"]
    assert [p.label for p in apps[1].children] == ["1"]


def test_kazakh_resolution(kk):
    act = kk.act
    assert (act.language, act.act_type, act.act_type_raw) == ("kk", "resolution", "қаулысы")
    assert (act.issuer, act.date, act.number) == ("Қазақстан Республикасы Үкіметі", "2015-12-29", "1100")
    assert act.status == "in_force" and act.registration.number is None
    assert "no_registration" in {w["code"] for w in kk.warnings}
    (note,) = act.notes
    assert (note.target, note.kind) == ("point 2", "amendment")
    assert (note.amending_act.act_type, note.amending_act.number) == ("resolution", "668")
    assert act.entry_into_force.kind == "on_signing" and act.entry_into_force.days is None
    assert act.signatory == "К. Мәсімов"
    assert kk.structure[0].kind == "preamble" and "ҚАУЛЫ ЕТЕДІ" in kk.structure[0].text
    (app,) = [n for n in kk.structure if n.kind == "appendix"]
    assert app.title == "Тізбе"
    assert [(c.kind, c.label, c.title) for c in app.children] == [
        ("chapter", "1", "Жалпы ережелер"), ("chapter", "2", "Қорытынды")]
    assert [p.label for c in app.children for p in c.children] == ["1", "2", "3"]


@pytest.mark.parametrize(
    "head,expected",
    [
        ("Об утверждении Правил\n\nПостановление Правительства Республики Казахстан от 29 декабря 2012 года "
         "№ 1778.\n      1. Утвердить.\n      2. Настоящее постановление вводится в действие со дня его "
         "первого официального опубликования.",
         ("ru", "resolution", "Правительство Республики Казахстан", "Правительство Республики Казахстан",
          "2012-12-29", "1778", None, ["point", "point"])),
        ("О государственной службе\n\nЗакон Республики Казахстан от 23 ноября 2015 года № 416-V ЗРК.\n"
         "      Статья 1.",
         ("ru", "law", None, None, "2015-11-23", "416-V", None, [])),
        ("Об утверждении\n\nСовместный приказ Министра внутренних дел Республики Казахстан от 1 февраля "
         "2016 года № 100 и Министра здравоохранения Республики Казахстан от 2 февраля 2016 года № 200. "
         "Зарегистрирован в Министерстве юстиции Республики Казахстан 1 марта 2016 года № 13000.\n"
         "      ПРИКАЗЫВАЕМ:\n      1. Утвердить.",
         ("ru", "joint_order", "Министр внутренних дел Республики Казахстан",
          "Министерство внутренних дел Республики Казахстан", "2016-02-01", "100", "13000",
          ["preamble", "point"])),
        ("Туралы\n\nҚазақстан Республикасы Ішкі істер министрінің 2016 жылғы 1 ақпандағы № 100 және "
         "Қазақстан Республикасы Денсаулық сақтау министрінің 2016 жылғы 2 ақпандағы № 200 бірлескен "
         "бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2016 жылы 1 наурызда № 13000 болып "
         "тіркелді.\n      БҰЙЫРАМЫЗ:\n      1. Бекітілсін.",
         ("kk", "joint_order", "Қазақстан Республикасы Ішкі істер министрі",
          "Қазақстан Республикасы Ішкі істер министрлігі", "2016-02-01", "100", "13000",
          ["preamble", "point"])),
        ("Туралы\n\nҚазақстан Республикасы Президентінің 2013 жылғы 7 наурыздағы № 523 Жарлығы.\n"
         "      ҚАУЛЫ ЕТЕМІН:\n      1. Бекітілсін.",
         ("kk", "decree", "Қазақстан Республикасы Президенті", None, "2013-03-07", "523", None,
          ["preamble", "point"])),
    ],
)
def test_other_act_types(head, expected):
    parsed = read_act(clean(head))
    a = parsed.act
    got = (a.language, a.act_type, a.issuer, a.issuer_body, a.date, a.number, a.registration.number,
           [n.kind for n in parsed.structure])
    assert got == expected
