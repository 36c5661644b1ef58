"""Numbers in words and "N years" phrases, on wording taken from the seeds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzqual.positions.requirements import find_years, words_to_number

# Number writers used only by the tests: 1..20 in words, in two case forms each.
KK_UNITS = ["", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]
RU_WORDS = {
    1: ("один", "одного"), 2: ("два", "двух"), 3: ("три", "трех"), 4: ("четыре", "четырех"),
    5: ("пять", "пяти"), 6: ("шесть", "шести"), 7: ("семь", "семи"), 8: ("восемь", "восьми"),
    9: ("девять", "девяти"), 10: ("десять", "десяти"), 11: ("одиннадцать", "одиннадцати"),
    12: ("двенадцать", "двенадцати"), 13: ("тринадцать", "тринадцати"),
    14: ("четырнадцать", "четырнадцати"), 15: ("пятнадцать", "пятнадцати"),
    16: ("шестнадцать", "шестнадцати"), 17: ("семнадцать", "семнадцати"),
    18: ("восемнадцать", "восемнадцати"), 19: ("девятнадцать", "девятнадцати"),
    20: ("двадцать", "двадцати"),
}  # fmt: skip
_KK_ABLATIVE = {"бір": "ден", "екі": "ден", "үш": "тен", "төрт": "тен", "бес": "тен", "алты": "дан",
                "жеті": "ден", "сегіз": "ден", "тоғыз": "дан", "он": "нан", "жиырма": "дан"}  # fmt: skip


def kk_words(n: int, ablative: bool = False) -> str:
    tens = {0: [], 1: ["он"], 2: ["жиырма"]}[n // 10]
    words = tens + ([KK_UNITS[n % 10]] if n % 10 else [])
    if ablative:
        words[-1] += _KK_ABLATIVE[words[-1]]
    return " ".join(words)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("үш жылдан кем емес", "kk", 3),  # 001 line 101
        ("бір жылдан кем емес", "kk", 1),  # 001 line 104
        ("екі жыл", "kk", 2),
        ("он", "kk", 10),
        ("жарты жыл", "kk", 0.5),
        ("не менее 5 лет", "ru", 5),  # 000 line 112
        ("не менее одного года", "ru", 1),
        ("не менее 1 года", "ru", 1),  # 000 line 323
        ("не менее трех лет", "ru", 3),
        ("2 (екі) жыл", "kk", 2),
        ("он екі", "kk", 12),
        ("двадцать пять", "ru", 25),
        ("жиырмадан", "kk", 20),
        ("бір жарым жыл", "kk", 1.5),
        ("полтора года", "ru", 1.5),
        ("нет числа", "ru", None),
        ("", "kk", None),
    ],
)
def test_words_to_number(text, lang, value):
    assert words_to_number(text, lang) == value


@pytest.mark.parametrize(
    ("act", "start", "end", "lang", "expected"),
    [
        ("mes_161_kk", 101, 101, "kk", [3]),  # "мемлекеттік қызмет өтілі үш жылдан кем емес;"
        ("mes_161_kk", 105, 106, "kk", [2]),  # "екі жылдан\nк е м  е м е с ;" letter-spaced
        ("mes_161_kk", 107, 109, "kk", [4, 2]),  # "төрт жылдан кем емес, оның ішінде ... екі жылдан"
        ("mes_161_kk", 1306, 1308, "kk", [6, 2]),  # "алты жылдан" + spaced "е к і  ж ы л д а н"
        ("mes_161_kk", 6026, 6027, "kk", [3, 1]),  # "б ір  жылдан" (a letter split off)
        ("mod_134_ru", 111, 112, "ru", [5]),  # "не менее 5 лет (А3-2-1)"
        ("mod_134_ru", 322, 323, "ru", [1]),  # "не менее 1 года"
        ("ara_9_kk", 60, 63, "kk", []),  # "2008 жылғы 9 қаңтардағы" is a date, not years
    ],
)
def test_find_years_on_seed_lines(raw, act, start, end, lang, expected):
    from kzqual.positions.requirements._text import normalize

    found = find_years(normalize(raw(act, start, end)), lang)
    assert [y.years for y in found] == expected
    assert all(y.minimum for y in found)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=20), st.booleans())
def test_kazakh_numbers_round_trip(n, ablative):
    assert words_to_number(kk_words(n, ablative), "kk") == n
    assert [y.years for y in find_years(f"{kk_words(n, True)} жылдан кем емес", "kk")] == [n]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=20), st.sampled_from([0, 1]))
def test_russian_numbers_round_trip(n, form):
    word = RU_WORDS[n][form]
    assert words_to_number(word, "ru") == n
    unit = "года" if n == 1 else "лет"
    assert [y.years for y in find_years(f"не менее {word} {unit}", "ru")] == [n]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["kk", "ru", "en"]))
def test_never_raises(text, lang):
    words_to_number(text, lang)
    find_years(text, lang)
