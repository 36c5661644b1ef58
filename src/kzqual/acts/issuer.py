"""Issuing offices: from the case form a sentence uses to the form a reader expects.

The acts name their issuer in the genitive ("Төтенше жағдайлар министрінің", "Министра обороны"),
while a registry shows the office in the nominative and, where derivable, the body it heads
("…министрлігі", "Министерство …").  The changes are small suffix rules, applied only to the
words that carry the case, so the rest of the name stays as printed.
"""

from __future__ import annotations

import re

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
