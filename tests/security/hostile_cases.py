"""Pathological act files for the hostile-input tests and bench/hostile.py (issue 10, part 3).

Each case is the head of a bundled act (title, dates, the start of the posts table, so every reader
stage has real work) followed by ``size`` bytes of one pathology.  Pure data: no kzqual import.
"""

from __future__ import annotations

from pathlib import Path

HEAD_ACT = "ru-mod-2017-134.txt"
HEAD_LINES = 120
_ACTS = Path(__file__).resolve().parents[2] / "src" / "kzqual" / "data" / "acts"


def head_text() -> str:
    lines = (_ACTS / HEAD_ACT).read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(lines[:HEAD_LINES])


_STEMS = ("трудов", "стаж", "опыт", "закон", "Конституционн", "специальност", "деңгей", "өзгеріс",
          "Министерств", "техническ", "общ")


def _fill(unit: str, size: int, sep: str = "") -> str:
    """``unit`` repeated (joined by ``sep``) to about ``size`` UTF-8 bytes."""
    n = max(1, size // max(1, len((unit + sep).encode("utf-8"))))
    return sep.join([unit] * n)


def pathologies(size: int) -> dict[str, str]:
    """name -> pathological text of about ``size`` bytes (Cyrillic letters are two bytes)."""
    half = size // 2
    return {
        # the case: one 40,000-letter word and a Latin letter on the same line
        "long_word_latin": "      " + "а" * (half // 2) + " a\n",
        "long_word_latin_inside": "      " + "б" * (half // 4) + "x" + "в" * (half // 4) + "\n",
        "long_word": "      " + "д" * half + "\n",
        "latin_cyrillic_alternating": "      " + _fill("aа", size) + "\n",
        "long_spaces": "      Главный" + " " * (size - 40) + "специалист\n",
        "tabs_and_nbsp": "      а" + "\t\u00a0 " * (size // 5) + "б\n",
        "letter_spaced_line": "      " + _fill("Г л а в н ы й", size, " ") + "\n",
        "letter_spaced_lines": _fill("      Т р е б о в а н и я к о п ы т у р а б о т ы", size, "\n") + "\n",
        "guillemets": "      " + "«" * half + "\n",
        "guillemets_lines": _fill("«", size, "\n") + "\n",
        "quotes_mixed": "      " + _fill("«\"»“", size) + "\n",
        "hyphens": "      С" + "-" * (size - 20) + "R\n",
        "category_codes": "      " + _fill("С-R-5", size, " ") + "\n",
        "dots": "      " + "." * (size - 10) + "\n",
        "numbering": "      " + _fill("1.", size) + "\n",
        "numbering_lines": _fill("      1.1.1.1.1.1.1.1.1.1)", size, "\n") + "\n",
        "digits": "      " + "7" * (size - 10) + "\n",
        "parens": "      " + "(" * half + ")" * half + "\n",
        "years_words": "      " + _fill("не менее 1 года 2 лет", size, " ") + "\n",
        "hyphen_breaks": _fill("      долж-", size, "\n") + "\n",
        "headings_caps": _fill("      ГЛАВНЫЙ СПЕЦИАЛИСТ ОТДЕЛА", size, "\n") + "\n",
        "label_repeats": "      " + _fill("Требования: Функциональные обязанности:", size, " ") + "\n",
        "url_like": "      " + _fill("http://a.b/", size) + "\n",
        "number_sign": "      " + _fill("№ 1 ", size) + "\n",
        "short_lines": _fill("а", size, "\n") + "\n",
        # one glued "word" per line of a stem the requirement parsers look for (stem\w* ...)
        "glued_stems": "".join("      " + _fill(stem, size // len(_STEMS)) + "\n" for stem in _STEMS),
        # one glued word of one stem: `опыт\w*\s+работы` retried at each "опыт" (37 s at 80 KB)
        "glued_word_opyt": "      " + _fill("опыт", size) + "\n",
        "glued_word_specialnost": "      " + _fill("специальност", size) + "\n",
        # found by bench/fuzz.py: a part searched for in a repetitive criterion (spans.Locator)
        "requirement_label_run": "      " + _fill("Требования к квалификации:", size) + "\n",
        "digit_runs": "      " + _fill("7" * 500 + " ", size) + "\n",
    }


def pathological_cases(size: int = 80_000) -> dict[str, str]:
    """name -> a whole act file: the bundled act's head, then the pathology."""
    # after a requirements label: the requirement parsers (education, experience, ...) read it too
    head = head_text() + "      5. Требования к квалификации:\n"
    return {name: head + body for name, body in pathologies(size).items()}
