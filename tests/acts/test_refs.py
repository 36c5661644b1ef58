from __future__ import annotations

import pytest

from kzqual.acts.refs import parse_act_ref

CASES = [
    ("КР Ішкі істер министрінің 16.11.2015 жылғы № 927 бұйрығымен",
     dict(act_type="order", issuer="КР Ішкі істер министрі", date="2015-11-16", number="927")),
    ("приказом Министра обороны РК от 30.09.2021 № 668",
     dict(act_type="order", issuer="Министр обороны РК", date="2021-09-30", number="668")),
    ("2008 жылғы 9 қаңтардағы № 02-01-02/5 бұйрығы",
     dict(act_type="order", issuer=None, date="2008-01-09", number="02-01-02/5")),
    # the hyperlinked number displaced to the end of the phrase
    ("Бұйрықтың күші жойылды - КР Ішкі істер министрінің 16.11.2015 жылғы  бұйрығымен.№ 927",
     dict(act_type="order", issuer="КР Ішкі істер министрі", date="2015-11-16", number="927")),
    ("Нормативтiк құқықтық актілердi мемлекеттiк тiркеу тiзiлiмiнде № 5084 болып тіркелген Қазақстан "
     "Республикасы Мемлекеттік қызмет істері агенттігі Төрағасының 2008 жылғы 9 қаңтардағы № 02-01-02/5  "
     "бекітілген Мемлекеттік әкімшілікбұйрығымен",
     dict(act_type="order", issuer="Қазақстан Республикасы Мемлекеттік қызмет істері агенттігі Төрағасы",
          date="2008-01-09", number="02-01-02/5", registration_number="5084")),
    ("Қазақстан Республикасы Президентінің 2013 жылғы 7 наурыздағы № 523 Жарлығына",
     dict(act_type="decree", issuer="Қазақстан Республикасы Президенті", date="2013-03-07", number="523")),
    ("постановлением Правительства Республики Казахстан от 29 декабря 2012 года № 1778",
     dict(act_type="resolution", issuer="Правительство Республики Казахстан", date="2012-12-29", number="1778")),
    ("Қазақстан Республикасы Үкіметінің 2012 жылғы 29 желтоқсандағы № 1778 қаулысымен",
     dict(act_type="resolution", issuer="Қазақстан Республикасы Үкіметі", date="2012-12-29", number="1778")),
    ("Законом Республики Казахстан от 23 ноября 2015 года № 416-V",
     dict(act_type="law", date="2015-11-23", number="416-V")),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_parse_act_ref(text, expected):
    ref = parse_act_ref(text)
    for key, value in expected.items():
        assert getattr(ref, key) == value, key
    assert ref.text == " ".join(text.split())


def test_nothing_to_read_gives_empty_ref():
    ref = parse_act_ref("мемлекеттік қызмет туралы")
    assert (ref.act_type, ref.date, ref.number, ref.issuer) == (None, None, None, None)
