"""References to other acts: ``ҚР Ішкі істер министрінің 16.11.2015 жылғы № 927 бұйрығымен`` ->
:class:`ActRef` (type, issuer, date, number, registration number).

The phrase may be damaged: the export moves hyperlinked words to the end of the line, so the
number can come after the type word (``жылғы  бұйрығымен.№ 927``).  The reader therefore looks for
each part on its own instead of one fixed sentence pattern, and leaves a part None rather than
guessing it.
"""

from __future__ import annotations

import re

from kzqual.acts.dates import find_dates
from kzqual.acts.issuer import nominative
from kzqual.acts.model import ActRef, Span
from kzqual.acts.lexicon import alternation
from kzqual.acts.vocab import ACT_TYPE_RE, KK_LETTERS, act_type_of

# "№ 927", and the older "N 87" (a Latin N before digits, no "№"), issue 11
NUMBER_RE = re.compile(r"(?:№|(?<![\w.])N(?=\s?\d))\s*(?P<n>[0-9A-Za-zА-Яа-яЁёӘәҚқҒғ][\w./-]*\w|[0-9])")
# A number is a registration number when the words before it say so (vocabulary
# ``registration_word``: "тізілімінде", "Әділет министрлігінде", "зарегистрирован в Министерстве
# юстиции").  "приказом Министра юстиции … № 743" is not one: there the number is the Justice
# order's own (issue 11), so "юстиции" alone no longer marks a registration.
_REG_BEFORE_N = re.compile(rf"(?:{alternation('registration_word')})(?:(?!№|\bN\s?\d).){{0,60}}$", re.I)
# "и.о. Министра", "м.а." (vocabulary ``acting_official``): the office is named in the genitive
# after it, which is how it reads ("исполняющий обязанности Министра"), so it is kept as printed
_ACTING = re.compile(alternation("acting_official"), re.I)
_REG_AFTER = re.compile(r"^\s*(болып\s+)?(тіркелді|тіркелген|тіркелгең)", re.I)
_KK_ANCHOR = re.compile(r"(?<!\w)(Қазақстан|Казақстан|Казахстан|ҚР|КР|РК|Республикасы)(?!\w)")
_GLUED_TYPE = re.compile(r"(?P<t2>бұйр(?:ығымен|ығына|ығы))(?!\w)", re.I)
_RU_UNTIL = re.compile(r"\s(от|№|N(?=\s?\d))\s|(?<!\s)\s+$")


_KK_LETTER = re.compile(f"[{KK_LETTERS}]")


def is_kazakh(text: str) -> bool:
    return _KK_LETTER.search(text) is not None  # a regex scan, not a Python loop per character


def _numbers(text: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """(act numbers, registration numbers) in ``text``."""
    main: list[re.Match[str]] = []
    reg: list[re.Match[str]] = []
    for m in NUMBER_RE.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()]
        after = text[m.end() : m.end() + 30]
        (reg if _REG_BEFORE_N.search(before) or _REG_AFTER.match(after) else main).append(m)
    return main, reg


def _kk_issuer(prefix: str) -> str | None:
    anchors = list(_KK_ANCHOR.finditer(prefix))
    if anchors:
        # The issuer starts at the first anchor of the last run of anchors ("Қазақстан Республикасы").
        start = anchors[-1].start()
        for a in reversed(anchors[:-1]):
            if start - a.end() <= 2:
                start = a.start()
        cand = prefix[start:]
    else:
        cand = re.split(r"[-–—:;.,«»\"()]", prefix)[-1]
        words = cand.split()
        cand = " ".join(words[-6:])
    cand = cand.strip(" -–—,;:")
    acting = _ACTING.search(cand)
    if acting and not cand[acting.end():].strip(" .,"):
        # "… Әділет министрінің м.а.": the genitive belongs to the acting mark; kept as printed
        office = cand[: acting.start()].strip()
        return cand if office and re.search(r"(ның|нің)$", office.split()[-1]) else None
    cand = cand.rstrip(".")
    words = cand.split()
    if not words or not re.search(r"(ның|нің)$", words[-1]):
        return None
    return nominative(cand, "kk")


def _ru_issuer(text: str, type_match: re.Match[str] | None) -> str | None:
    if type_match is None:
        return None
    rest = text[type_match.end() :]
    m = _RU_UNTIL.search(rest)
    cand = rest[: m.start()] if m else rest
    cand = cand.strip(" -–—,.;:")
    acting = _ACTING.match(cand)
    if acting:
        # "и.о. Министра юстиции …": reads as printed (the office stays in the genitive)
        office = cand[acting.end():].strip()
        return cand if office[:1].isupper() and len(office.split()) <= 14 else None
    # "Закон Республики Казахстан": the words after the type name the state, not an office.
    if not cand or not cand[:1].isupper() or len(cand.split()) > 14 or cand.startswith("Республик"):
        return None
    return nominative(cand, "ru")


def parse_act_ref(text: str, *, lines: Span | None = None) -> ActRef:
    """Read the parts of an act reference from one phrase; missing parts stay None."""
    flat = " ".join(text.split())
    dates = find_dates(flat)
    numbers, regs = _numbers(flat)
    number = numbers[0] if numbers else None
    types = list(ACT_TYPE_RE.finditer(flat))
    if not types:
        # A type word glued to the word before it by the export ("әкімшілікбұйрығымен").
        types = list(_GLUED_TYPE.finditer(flat))
    type_match = None
    if types:
        anchor = number.start() if number else (dates[0].start if dates else 0)
        type_match = min(types, key=lambda t: abs(t.start() - anchor))
    kazakh = is_kazakh(flat)
    issuer = None
    if kazakh:
        cut = min(
            [x for x in (dates[0].start if dates else None, number.start() if number else None) if x is not None]
            or [type_match.start() if type_match else len(flat)]
        )
        issuer = _kk_issuer(flat[:cut])
    else:
        issuer = _ru_issuer(flat, type_match)
    return ActRef(
        act_type=act_type_of(type_match) if type_match else None,
        issuer=issuer,
        date=dates[0].iso if dates else None,
        number=number.group("n") if number else None,
        registration_number=regs[0].group("n") if regs else None,
        text=flat,
        lines=lines,
    )


def parse_act_refs(text: str, *, lines: Span | None = None) -> list[ActRef]:
    """Every act a phrase names, in order: a note listing several amending orders (``приказами
    Министра юстиции РК от 31.12.2010 № 346; от 08.08.2013 № 268; от 17.03.2015 N 151``) names
    each, not only the first.

    The phrase is cut after each act number (registration numbers stay with their act); a piece
    counts when it has a date of its own, so an appendix's "№ 2" is not taken for an act.  A piece
    without a type word or issuer takes them from the piece before it (the list shares them).
    Without two numbers it is :func:`parse_act_ref` of the whole phrase."""
    flat = " ".join(text.split())
    first = parse_act_ref(flat, lines=lines)
    numbers, _ = _numbers(flat)
    if len(numbers) < 2:
        return [first] if (first.number or first.date) else []
    refs: list[ActRef] = []
    cut = 0
    for m in numbers:
        piece = flat[cut : m.end()]
        cut = m.end()
        if not find_dates(piece):
            continue
        ref = parse_act_ref(piece, lines=lines)
        if refs:
            prev = refs[-1]
            ref = ref.model_copy(update={"act_type": ref.act_type or prev.act_type,
                                         "issuer": ref.issuer or prev.issuer})
        refs.append(ref.model_copy(update={"text": piece.strip(" ;,")}))
    if not refs:
        return [first] if (first.number or first.date) else []
    return refs
