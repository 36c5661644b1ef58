"""Entry into force: the rule as the act states it, read into kind / days / day kind.

``Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа
енгізіледі`` -> after_publication, 10, calendar.  The rule's sentence is always kept, so a reader can
check what was read.
"""

from __future__ import annotations

import re

from kzqual.acts.dates import parse_date
from kzqual.acts.lexicon import alternation
from kzqual.acts.model import EntryIntoForce, Span, StructureNode
from kzqual.acts.vocab import KK_NUMBERS, RU_NUMBERS

RULE = re.compile(
    r"қолданысқа\s+енгізіл|күшіне\s+енеді|вводится\s+в\s+действие|вступает\s+в\s+силу|"
    r"вводятся\s+в\s+действие",
    re.I,
)
_DAY_WORD = re.compile(r"(?<!\w)(күн|дней|дня|день|суток)(?!\w)", re.I)
_PUBLICATION = re.compile(r"жариял|опубликован", re.I)
_SIGNING = re.compile(r"қол\s+қойылған|подписани", re.I)
_DUTY_WORDS = alternation("publication_duty")
_DUTY = re.compile(_DUTY_WORDS, re.I) if _DUTY_WORDS else None


def _days(text: str) -> tuple[int | None, str | None]:
    for m in _DAY_WORD.finditer(text):
        words = re.findall(r"[\wәғқңөұүһі]+", text[max(0, m.start() - 60) : m.start()].lower())[-4:]
        total = 0
        kind = None
        for w in words:
            if w.isdigit():
                total += int(w)
            elif w in KK_NUMBERS:
                total += KK_NUMBERS[w]
            elif w in RU_NUMBERS:
                total += RU_NUMBERS[w]
            elif w.startswith(("күнтізбелік", "календарн")):
                kind = "calendar"
            elif w.startswith(("жұмыс", "рабоч")):
                kind = "working"
            else:
                total = 0 if not kind else total  # a word between number parts breaks the number
        if total:
            return total, kind
    return None, None


def read_entry_into_force(points: list[StructureNode]) -> EntryIntoForce | None:
    """The rule from the order's own points (the last point that states one)."""
    found: StructureNode | None = None
    for p in points:
        if p.kind == "point" and RULE.search(p.text):
            found = p
    if found is None:
        return None
    rule = re.sub(r"^\d+(?:-\d+)?\s?\.\s*", "", found.text)
    # "… с 1 января 2016 года и подлежит официальному опубликованию": the duty to publish is not
    # when the act takes effect (vocabulary ``publication_duty``, adilet-2015-96763)
    when = _DUTY.sub(" ", rule) if _DUTY is not None else rule
    days, day_kind = _days(when)
    date = parse_date(when)
    if _PUBLICATION.search(when):
        kind = "after_publication"
    elif _SIGNING.search(when):
        kind = "on_signing"
    elif date:
        kind = "on_date"
    else:
        kind = "other"  # e.g. "со дня его государственной регистрации" (adilet-2004-21895)
    return EntryIntoForce(
        rule=rule, kind=kind, days=days if kind == "after_publication" else None,
        day_kind=day_kind if kind == "after_publication" else None,
        date=date if kind == "on_date" else None,
        lines=Span(start=found.lines.start, end=found.lines.end),
    )
