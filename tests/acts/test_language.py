from __future__ import annotations

import pytest

from kzqual.acts import detect_language
from kzqual.text import clean


@pytest.mark.parametrize(
    "name,lang",
    [("mod_134_ru", "ru"), ("mes_161_kk", "kk"), ("mod_674_kk", "kk"), ("ara_9_kk", "kk"), ("mebp_75_kk", "kk")],
)
def test_seed_languages(parsed, name, lang):
    assert parsed(name).act.language == lang


def test_detect_language_on_short_texts():
    assert detect_language(clean("Приказ Министра обороны Республики Казахстан от 31 марта 2017 года № 134.")) == "ru"
    assert detect_language(clean("Қазақстан Республикасы Қорғаныс министрінің 2022 жылғы 18 тамыздағы № 674 бұйрығы.")) == "kk"
