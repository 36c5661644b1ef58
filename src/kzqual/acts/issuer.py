"""Issuing offices: from the case form a sentence uses to the form a reader expects.

The acts name their issuer in the genitive ("Төтенше жағдайлар министрінің", "Министра обороны"),
while a registry shows the office in the nominative and, where derivable, the body it heads
("…министрлігі", "Министерство …").  The changes are small suffix rules, applied only to the
words that carry the case, so the rest of the name stays as printed.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Kazakh genitive on the last word: министрінің -> министрі, төрағасының -> төрағасы,
# Үкіметінің -> Үкіметі, Президентінің -> Президенті.
_KK_GEN = re.compile(r"(?<=[ыі])(ның|нің)$")
# Russian genitive of the head word -> nominative.
_RU_HEAD = {
    "Министра": "Министр",
    "Председателя": "Председатель",
    "Руководителя": "Руководитель",
    "Заместителя": "Заместитель",
    "Президента": "Президент",
    "Правительства": "Правительство",
    "Агентства": "Агентство",
    "Министерства": "Министерство",
    "Комитета": "Комитет",
    "Акима": "Аким",
    "Генерального": "Генеральный",
    "Первого": "Первый",
    "Начальника": "Начальник",  # adm-prez-2016-108164 meta.yaml: "Приказ Начальника Канцелярии …"
    "Управляющего": "Управляющий",
}
_RU_BODY = {"Министр": "Министерство"}


def kk_nominative(issuer: str) -> str:
    """``… министрінің`` -> ``… министрі`` (only the last word changes)."""
    words = issuer.split()
    if words:
        words[-1] = _KK_GEN.sub("", words[-1])
    return " ".join(words)


def ru_nominative(issuer: str) -> str:
    """``Министра обороны …`` -> ``Министр обороны …`` (only the head word changes)."""
    words = issuer.split()
    if words:
        head = words[0][:1].upper() + words[0][1:]
        words[0] = _RU_HEAD.get(head, words[0])
    return " ".join(words)


def nominative(issuer: str, language: str) -> str:
    return kk_nominative(issuer) if language == "kk" else ru_nominative(issuer)


def body_of(office: str | None, language: str) -> str | None:
    """The body an office heads, where the name makes it plain; else None.

    ``Қазақстан Республикасы Төтенше жағдайлар министрі`` -> ``… министрлігі``;
    ``… агенттігі төрағасы`` -> ``… агенттігі``; ``Министр обороны РК`` -> ``Министерство обороны РК``.
    """
    if not office:
        return None
    acting, core = _acting_split(office, language)
    if acting and core:
        # "и.о. Министра юстиции …" / "… министрінің міндетін атқарушы": the body of the office
        return body_of(nominative(core, language), language)
    words = office.split()
    if language == "kk":
        last = words[-1].lower()
        if last in {"үкіметі", "министрлігі", "агенттігі", "комитеті", "әкімдігі", "мәслихаты"}:
            return office  # the issuer is itself a body
        if last == "министрі":
            return " ".join([*words[:-1], words[-1][:-1] + "лігі"])
        if last in {"төрағасы", "басшысы", "төрағасының"} and len(words) > 1:
            return " ".join(words[:-1])
        return None
    head = words[0]
    if head in {"Правительство", "Министерство", "Агентство", "Комитет", "Акимат", "Маслихат"}:
        return office  # the issuer is itself a body
    if head in _RU_BODY:
        return " ".join([_RU_BODY[head], *words[1:]])
    if head in {"Председатель", "Руководитель"} and len(words) > 1:
        rest = ru_nominative(" ".join(words[1:]))
        return rest if rest.split()[0] in _RU_HEAD.values() else None
    return None


# --- one office, two languages -------------------------------------------------------------------
# ``meta.yaml`` names the issuer in Russian whatever the language of the text; a Kazakh record must
# name it in Kazakh.  The offices are vocabulary data (``data/vocab/*.json``, kind ``issuer``): one
# entry per language and office, with the act it was seen in, matched in any case form; an office
# is translated through the entries' shared ``meaning`` to the other language's ``form``.

_KK_ACTING_TAIL = "міндетін атқарушы"


@lru_cache(maxsize=1024)
def _acting_split(name: str, language: str) -> tuple[bool, str]:
    """(acting?, the office without its acting mark): ``и.о. Министра …`` -> (True, ``Министра …``),
    ``… министрінің міндетін атқарушы`` / ``… м.а.`` -> (True, ``… министрінің``)."""
    from kzqual.acts.lexicon import entries

    text = " ".join(name.split())
    for e in entries("acting_official", language):
        m = e.search(text)
        if m is None:
            continue
        rest = (text[: m.start()] + " " + text[m.end():]).strip(" .,")
        return True, " ".join(rest.split())
    return False, text


@lru_cache(maxsize=1024)
def issuer_meaning(name: str | None, language: str) -> str | None:
    """The vocabulary's key of an office named in any case form, acting mark aside; else None.
    (Pure and asked for the same few offices over and over: cached.)"""
    from kzqual.acts.lexicon import entries, unify

    if not name:
        return None
    _, core = _acting_split(name, language)
    core = unify(core).strip(" .,")
    for e in entries("issuer", language):
        if e.regex().fullmatch(core):
            return e.meaning
    return None


def _kk_genitive(word: str) -> str | None:
    # министрі -> министрінің, бастығы -> бастығының, Басқарушысы -> Басқарушысының
    if word.endswith("і"):
        return word + "нің"
    if word.endswith("ы"):
        return word + "ның"
    return None


@lru_cache(maxsize=1024)
def translate_issuer(name: str | None, source: str, target: str) -> str | None:
    """``name`` (an office in ``source`` language) in the ``target`` language, or None when the
    vocabulary has no entry for it (the caller warns; a guess would be invented law)."""
    from kzqual.acts.lexicon import entries

    if not name:
        return None
    if source == target:
        return name
    meaning = issuer_meaning(name, source)
    if meaning is None:
        return None
    form = next((e.form for e in entries("issuer", target) if e.meaning == meaning and e.form), None)
    if form is None:
        return None
    acting, _ = _acting_split(name, source)
    if not acting:
        return form
    if target == "kk":
        words = form.split()
        gen = _kk_genitive(words[-1])
        return " ".join([*words[:-1], gen, _KK_ACTING_TAIL]) if gen else None
    # Russian: "и.о." before the office in the genitive; only the head word's case changes
    words = form.split()
    gen = {v: k for k, v in _RU_HEAD.items()}.get(words[0])
    return " ".join(["и.о.", gen, *words[1:]]) if gen else None
