"""A suffix-stripping stemmer for Kazakh, written from the published rules of Kazakh morphology.

Kazakh is agglutinative: a noun is ``stem + plural + possessive + case`` (``сарапшы-лар-ы-ның``).
We strip from the right, one morpheme slot at a time in that order (case, then possessive, then
plural), each time taking the longest suffix that fits, and stop when the remainder would be too
short.  Guards that keep the stripping honest:

* vowel harmony: a suffix with a back vowel (а, ы) follows a stem whose last vowel is back, a
  front one (е, і) a front stem; и, у, ю are neutral (loanwords, ій/ый);
* the ``н``-forms of the cases (``-на``, ``-нда``, ``-нан``, ``-н``) only follow a third-person
  possessive (``басқарма-сы-на``), so they need ``ы``/``і`` before them;
* ``-сы``/``-сі`` only follow a vowel, ``-ы``/``-і`` a consonant;
* the derivational ``-шы``/``-ші`` (``сарапшы`` "expert") is part of the stem: its ``ы`` is
  never read as a possessive;
* a vowel-initial suffix voices a final п/к/қ (``талап`` -> ``талабы``); we undo that.

``-сы``/``-ны`` after a vowel are ambiguous (``басқарма-сы`` vs ``жұмыс-ы``, ``мама-ны`` vs
``маман-ы``); :func:`stems` returns both readings so an index can hold both, :func:`stem` the
first (the vowel-stem reading).  The instrumental ``-мен/-бен/-пен`` ignores vowel harmony.
"""

from __future__ import annotations

from functools import lru_cache

BACK = frozenset("аоұыя")
FRONT = frozenset("әөүіеэ")
NEUTRAL = frozenset("иуюё")
VOWELS = BACK | FRONT | NEUTRAL
VOICELESS = frozenset("кқпстфхцчшщ")

MIN_STEM = 3  # letters; "іс" (affair) and the like are left alone rather than over-stripped

# Suffixes per slot, longest first when matching, each with the sound that must come before it
# (the published allomorphy rules):
#   "n3"  a 3rd-person possessive (ы/і) -- the н-forms: басқарма-сы-на, -нда, -нан, -н
#   "n3m" as n3, or м/н/ң (бөлім-нен)
#   "vm"  a vowel or м/н/ң (genitive -ның)
#   "v"   a vowel;  "c" a consonant
#   "vd"  a vowel or a voiced consonant (д-/ғ-/г- forms);  "vl" a voiceless consonant (т-/қ-/к-)
CASE = [
    # adjectival locative (-дағы "which is in")
    ("ндағы", "n3"), ("ндегі", "n3"), ("дағы", "vd"), ("дегі", "vd"), ("тағы", "vl"), ("тегі", "vl"),
    # genitive
    ("ның", "vm"), ("нің", "vm"), ("дың", "vd"), ("дің", "vd"), ("тың", "vl"), ("тің", "vl"),
    # ablative
    ("нан", "n3m"), ("нен", "n3m"), ("дан", "vd"), ("ден", "vd"), ("тан", "vl"), ("тен", "vl"),
    # instrumental
    ("менен", ""), ("мен", ""), ("бен", ""), ("пен", ""),
    # locative
    ("нда", "n3"), ("нде", "n3"), ("да", "vd"), ("де", "vd"), ("та", "vl"), ("те", "vl"),
    # dative
    ("ға", "vd"), ("ге", "vd"), ("қа", "vl"), ("ке", "vl"), ("на", "n3"), ("не", "n3"),
    # accusative
    ("ны", "v"), ("ні", "v"), ("ды", "vd"), ("ді", "vd"), ("ты", "vl"), ("ті", "vl"), ("н", "n3"),
]
POSSESSIVE = [
    ("ымыз", "c"), ("іміз", "c"), ("ыңыз", "c"), ("іңіз", "c"), ("мыз", "v"), ("міз", "v"),
    ("ңыз", "v"), ("ңіз", "v"), ("ың", "c"), ("ің", "c"), ("сы", "v"), ("сі", "v"),
    ("ы", "c"), ("і", "c"),
]
PLURAL = [("лар", ""), ("лер", ""), ("дар", "vd"), ("дер", "vd"), ("тар", "vl"), ("тер", "vl")]

SLOTS = (
    sorted(CASE, key=lambda s: -len(s[0])),
    sorted(POSSESSIVE, key=lambda s: -len(s[0])),
    sorted(PLURAL, key=lambda s: -len(s[0])),
)

DEVOICE = {"б": "п", "г": "к", "ғ": "қ"}


def _last_vowel(s: str) -> str | None:
    for ch in reversed(s):
        if ch in VOWELS:
            return ch
    return None


# The instrumental is the one case ending that ignores vowel harmony (ұйымдар-мен).
NO_HARMONY = frozenset({"менен", "мен", "бен", "пен"})
# Endings whose first consonant may belong to the stem instead: маман-ы / мама-ны,
# жұмыс-ы / жұмы-сы.  The alternative reading skips them.
AMBIGUOUS = frozenset({"сы", "сі", "ны", "ні"})


def _harmonises(stem: str, suffix: str) -> bool:
    if suffix in NO_HARMONY:
        return True
    sv = _last_vowel(suffix)
    if sv is None:
        return True
    last = _last_vowel(stem)
    if last is None or last in NEUTRAL:
        return True
    return (sv in BACK) == (last in BACK)


def _fits(stem: str, suffix: str, cond: str) -> bool:
    if len(stem) < MIN_STEM or _last_vowel(stem) is None:
        return False
    if not _harmonises(stem, suffix):
        return False
    last = stem[-1]
    ok = {
        "": True,
        "n3": last in "ыі",
        "n3m": last in "ыімнң",
        "vm": last in VOWELS or last in "мнң",
        "v": last in VOWELS,
        "c": last not in VOWELS,
        "vd": last not in VOICELESS,
        "vl": last in VOICELESS,
    }[cond]
    if not ok:
        return False
    if suffix in ("ы", "і") and stem.endswith("ш"):
        return False  # -шы/-ші is derivational: сарапшы stays whole
    return True


def _strip(word: str, alt: bool) -> str:
    """Strip slot by slot; with ``alt`` read "-сы"/"-ны" as stem-final с/н + "-ы"."""
    current = word
    for slot in SLOTS:
        for suffix, cond in slot:
            if not current.endswith(suffix):
                continue
            stem = current[: -len(suffix)]
            if alt and suffix in AMBIGUOUS:
                continue  # try the consonant reading (-ы after с/н) instead
            if not _fits(stem, suffix, cond):
                continue
            if suffix[0] in VOWELS and stem[-1] in DEVOICE:
                stem = stem[:-1] + DEVOICE[stem[-1]]
            current = stem
            break
    return current


@lru_cache(maxsize=1)
def _whole_words() -> frozenset[str]:
    import json
    from importlib import resources

    data = json.loads((resources.files("kzqual") / "data" / "vocab" / "stem_kk.json").read_text(encoding="utf-8"))
    return frozenset(normalise(e["word"]) for e in data["words"])


def normalise(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def stems(word: str) -> tuple[str, ...]:
    """Every reading of ``word``: the main stem first, then the alternative if it differs."""
    w = normalise(word)
    if w in _whole_words():
        return (w,)  # a dictionary word that only looks inflected (data/vocab/stem_kk.json)
    first = _strip(w, alt=False)
    second = _strip(w, alt=True)
    return (first,) if first == second else (first, second)


def stem(word: str) -> str:
    """The main stem of ``word`` (lower-cased)."""
    return stems(word)[0]
