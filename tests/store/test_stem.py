"""The Kazakh suffix stripper and the Russian Snowball stemmer, on words from the seeds."""

from __future__ import annotations

import pytest

from kzqual.store.stem import guess_lang, index_text, stems_of, tokens
from kzqual.store.stem import kk, ru

# (inflected form as it occurs in the bundled Kazakh acts, the stem it must yield)
KK_SEED_WORDS = [
    ("сарапшысы", "сарапшы"),
    ("басқармасының", "басқарма"),
    ("басқармасы", "басқарма"),
    ("департаментінің", "департамент"),
    ("департаменті", "департамент"),
    ("бөлімінің", "бөлім"),
    ("бөлімі", "бөлім"),
    ("қызметтің", "қызмет"),
    ("қызметі", "қызмет"),
    ("қызметтер", "қызмет"),
    ("білімі", "білім"),
    ("жылдан", "жыл"),
    ("талаптарын", "талап"),
    ("лауазымдар", "лауазым"),
    ("министрлігінің", "министрлік"),
    ("министрлікке", "министрлік"),
    ("тәжірибесі", "тәжірибе"),
    ("заңнамасын", "заңнама"),
    ("Конституциясын", "конституция"),
    ("бағдарламаларын", "бағдарлама"),
    ("құжаттарды", "құжат"),
    ("құжаттар", "құжат"),
    ("жұмыстарды", "жұмыс"),
    ("мемлекеттің", "мемлекет"),
    ("облыстардың", "облыс"),
    ("міндеттері", "міндет"),
    ("саласында", "сала"),
    ("ұйымдармен", "ұйым"),
    ("Республикасының", "республика"),
    ("салаларда", "сала"),
    ("басшысының", "басшы"),
    ("басшылары", "басшы"),
    ("комитетінің", "комитет"),
    ("орынбасары", "орынбасар"),
    ("мамандығы", "мамандық"),
    ("мамандықтар", "мамандық"),
    ("шешімдерін", "шешім"),
]


@pytest.mark.parametrize(("word", "expected"), KK_SEED_WORDS)
def test_kazakh_seed_words(word, expected):
    assert expected in kk.stems(word)


@pytest.mark.parametrize("word", ["сарапшысы", "сарапшылар", "сарапшыға", "сарапшыларының", "сарапшы"])
def test_all_forms_of_sarapshy_meet(word):
    # -шы is derivational: it stays; the brief's three forms and the bare word share a stem
    assert "сарапшы" in kk.stems(word)


@pytest.mark.parametrize(("word", "expected"), [
    ("жұмысы", "жұмыс"),  # consonant reading of -сы
    ("маманы", "маман"),  # consonant reading of -ны
    ("талабы", "талап"),  # voiced п -> б undone
    ("мамандығы", "мамандық"),  # ғ -> қ undone
])
def test_ambiguous_and_voiced_endings(word, expected):
    assert expected in kk.stems(word)


def test_minimum_stem_and_harmony_guards():
    assert kk.stem("орта") == "орта"  # "ор" + "-та" would leave too short a stem
    assert kk.stem("іс") == "іс"
    # a back-vowel ending does not come off a front-vowel stem
    assert kk.stem("мектепта") == "мектепта"
    assert kk.stem("мектепте") == "мектеп"


def test_words_that_are_not_inflected_stay():
    for word in ("бойынша", "мемлекеттік", "сарапшы", "басшы"):
        assert kk.stem(word) == word


@pytest.mark.parametrize(("word", "expected"), [
    ("инспектора", "инспектор"), ("инспектору", "инспектор"), ("инспекторов", "инспектор"),
    ("специалиста", "специалист"), ("образования", "образован"), ("Отдела", "отдел"),
])
def test_russian_snowball(word, expected):
    assert ru.stem(word) == expected


def test_tokens_keep_offsets_and_readings():
    text = "Бас сарапшы, сарапшыға."
    toks = tokens(text, "kk")
    assert [text[t.start : t.end] for t in toks] == ["Бас", "сарапшы", "сарапшыға"]
    assert toks[2].stems == ("сарапшы",)
    assert index_text(text, "kk") == "бас сарапшы сарапшы"


def test_unknown_language_uses_both_stemmers_and_lookalikes_are_fixed():
    assert set(stems_of("инспектора", None)) >= {"инспектор"}
    assert stems_of("бiлiмi", "kk") == stems_of("білімі", "kk")  # Latin i inside a Kazakh word
    assert guess_lang("бас сарапшы қызметі") == "kk"
    assert guess_lang("инспектор") is None


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

KK_ALPHABET = "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=KK_ALPHABET, min_size=1, max_size=20))
def test_stemming_any_word_is_safe(word):
    readings = kk.stems(word)
    assert readings and all(readings)
    word = kk.normalise(word)  # lower case, ё -> е
    for r in readings:
        assert len(r) <= len(word)
        # what is left is the word's beginning, but for a voiced final consonant put back
        assert word.startswith(r[:-1])
        assert len(r) >= min(len(word), kk.MIN_STEM)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=KK_ALPHABET + "ABC123", min_size=1, max_size=10), min_size=1, max_size=8),
       st.sampled_from([" ", ", ", "\n", " — "]))
def test_tokens_point_at_the_original_words(words, sep):
    text = sep.join(words)
    for tok in tokens(text, "kk"):
        assert text[tok.start : tok.end] == tok.text
