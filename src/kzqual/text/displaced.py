"""Hyperlink-displaced fragments: detect them, and restore them from an intact twin.

The export moved hyperlinked words to the end of their line and left the punctuation that
surrounded them behind::

    подпунктом 17)  Трудового кодекса Республики статьи 16      (real: подпунктом 17) статьи 16
                                                                  Трудового кодекса Республики)
    Қазақстан Республикасының , Қазақстан Республикасының Конституциясын «Қазақстан
    осы бұйрықтың  сәйкес бекітілсін;1-қосымшасына              (word glued after the final ;)

Detection (:func:`has_displacement`) is a per-line heuristic.  Restoration
(:func:`restore_displaced`) never invents a word: a damaged paragraph is replaced only by an
undamaged paragraph of the same text holding exactly the same multiset of words (letters and
digits; punctuation and order may differ) -- the boilerplate competence lists repeat in many
posts, so an intact twin usually exists.  The raw text stays in the :class:`Repair`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from kzqual.text.model import CleanLine, Repair, TextWarning

_LOWER = "а-яёәіңғүұқөһ"
_UPPER = "А-ЯЁӘІҢҒҮҰҚӨҺ"
_SIGNALS: dict[str, re.Pattern[str]] = {
    # ", оның ..." / "» заңдарын": punctuation left at the start of a line
    "leading_punctuation": re.compile(r"^[,;»](?:\s|$)"),
    # "Республикасының , Қазақстан": a comma standing alone
    "stray_comma": re.compile(r",(?<=\s,)(?=\s|$)"),
    # "« »", '" "', "»  «": emptied or back-to-back quotes
    "empty_quotes": re.compile(r"«\s*»|\"\s+\"|»\s+«"),
    # "бекітілсін.талаптары", "бекітілсін;1-қосымшасына": a word glued after final punctuation
    "glued_after_stop": re.compile(
        rf"[.;](?<=[{_LOWER}]{{2}}[.;])(?=[{_LOWER}]{{2}}|\d+-[{_LOWER}])"
    ),
    # "должностейТиповые", "әкімшілікбұйрығымен" cannot be told apart from a real word,
    # but a lowercase-uppercase switch inside a word can
    "glued_words": re.compile(rf"[{_UPPER}](?<=[{_LOWER}]{{3}}[{_UPPER}])(?=[{_LOWER}])"),
    # "17)  Трудового": two or three spaces before a moved fragment (wider runs are layout)
    "double_space": re.compile(r"  (?<=\S  ) ?(?=\S)"),
}
_WORD = re.compile(r"[^\W_]+")
# Its match never spans a line break (the letter classes hold no "\n"), so it can be run once
# over a whole text and each line's result read off.
GLUED_WORDS = _SIGNALS["glued_words"]


def displacement_signals(text: str, *, glued: bool = True) -> list[str]:
    """Names of the displacement signals found in ``text`` (empty if none).

    ``glued=False`` skips the glued-words scan, for a caller that has already run
    :data:`GLUED_WORDS` over a larger text holding this one unchanged and found nothing."""
    return _scan(text, first_only=False, glued=glued)


def has_displacement(line: CleanLine | str) -> bool:
    """Whether a clean line (or paragraph) shows signs of hyperlink displacement."""
    text = line.text if isinstance(line, CleanLine) else line
    return bool(_scan(text, first_only=True))


_S = _SIGNALS


def _scan(text: str, *, first_only: bool, glued: bool = True) -> list[str]:
    # Each regex runs only if a substring every hit needs is present: most lines have none,
    # and a handful of `in` tests is far cheaper than six regex scans (this runs on every line).
    found: list[str] = []
    checks = (
        ("leading_punctuation", text[:1] in (",", ";", "»")),
        ("stray_comma", " ," in text),
        ("empty_quotes", "«" in text or '"' in text),
        ("glued_after_stop", "." in text or ";" in text),
        ("double_space", "  " in text),
        ("glued_words", glued),
    )
    for name, possible in checks:
        if possible and _S[name].search(text):
            found.append(name)
            if first_only:
                break
    return found


def word_key(text: str) -> tuple[str, ...]:
    """The multiset of words of ``text`` as a sorted tuple (order and punctuation ignored)."""
    return tuple(sorted(_WORD.findall(text)))


def _choose_twin(group: list[tuple[CleanLine, tuple[str, ...]]]) -> CleanLine | None:
    """The intact paragraph to copy: the majority word order, then its most common spelling.

    Intact copies of one boilerplate may differ in punctuation (``құқық мамандықтар`` /
    ``құқық, мамандықтар``) -- harmless -- or in word order, when one of them is itself an
    undetected displacement.  If no order has a strict majority the choice is unknowable
    (numbers might have swapped), so there is no twin.
    """
    if len(group) == 1:
        return group[0][0]
    orders = Counter(words for _, words in group)
    order, n = orders.most_common(1)[0]
    if 2 * n <= len(group):
        return None
    texts = Counter(p.text for p, words in group if words == order)
    best = texts.most_common(1)[0][0]
    return next(p for p, _ in group if p.text == best)


def restore_displaced(
    paragraphs: Sequence[CleanLine],
) -> tuple[list[CleanLine], list[Repair], list[TextWarning]]:
    """Restore displaced paragraphs from intact twins with the same words.

    Returns the paragraphs (restored ones replaced, same raw ranges), a
    ``Repair(kind="hyperlink_restored")`` per restoration, and a
    ``TextWarning("hyperlink_displaced")`` per displaced paragraph: its message says whether it
    was restored (and from which raw lines) or left as printed.
    """
    flagged = [has_displacement(p) for p in paragraphs]
    groups: dict[tuple[str, ...], list[tuple[CleanLine, tuple[str, ...]]]] = {}
    for p, bad in zip(paragraphs, flagged):
        if not bad:
            words = tuple(_WORD.findall(p.text))  # found once: findall dominates the cost
            groups.setdefault(tuple(sorted(words)), []).append((p, words))
    intact = {key: _choose_twin(group) for key, group in groups.items()}
    out: list[CleanLine] = []
    repairs: list[Repair] = []
    warnings: list[TextWarning] = []
    for p, bad in zip(paragraphs, flagged):
        if not bad:
            out.append(p)
            continue
        signals = ", ".join(displacement_signals(p.text))
        plan = _restore_plan(p.text, intact)
        if plan is None:
            out.append(p)
            warnings.append(
                TextWarning(
                    "hyperlink_displaced",
                    f"words look moved by the export ({signals}); no intact copy found, "
                    "text left as printed",
                    p.raw_start,
                    p.raw_end,
                )
            )
            continue
        fixed = " ".join(text for text, _ in plan)
        where = ", ".join(f"raw lines {t.raw_start}-{t.raw_end}" for _, t in plan if t is not None)
        out.append(replace(p, text=fixed))
        repairs.append(
            Repair("hyperlink_restored", p.raw_start, p.text, fixed, note=f"order as in {where}")
        )
        warnings.append(
            TextWarning(
                "hyperlink_displaced",
                f"words looked moved by the export ({signals}); restored from {where}",
                p.raw_start,
                p.raw_end,
            )
        )
    return out, repairs, warnings


# Where a paragraph may be cut into sentences: after a word ending in, or glued across, a
# full stop or semicolon ("білуі.", "білуі.стратегиясын"), before a capital, digit or quote.
_CUT = re.compile(r"(?<=[.;!?])\s+(?=[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ\d«\"])|(?<=[.;][^\W\d_]{2})[^\W\d_]*\s+(?=[А-ЯЁӘІҢҒҮҰҚӨҺ])")
_MAX_SEGMENTS = 40


def _segments(text: str) -> list[str]:
    """``text`` cut at sentence boundaries (the cut is exact: segments joined by one space)."""
    parts: list[str] = []
    last = 0
    for m in _CUT.finditer(text):
        cut_at = m.start() + len(m.group(0).rstrip())  # keep a glued word with its sentence
        parts.append(text[last:cut_at].strip())
        last = m.end()
    parts.append(text[last:].strip())
    return [x for x in parts if x]


def _restore_plan(
    text: str, intact: dict[tuple[str, ...], CleanLine | None]
) -> list[tuple[str, CleanLine | None]] | None:
    """Pieces of the restored text, each with the intact twin it came from (None: kept).

    The whole paragraph is tried first; failing that, the fewest consecutive runs of its
    sentences such that every run is either undamaged (kept) or has an intact twin.  None if
    no piece could be restored.
    """
    if len(_WORD.findall(text)) < 3:
        return None
    twin = intact.get(word_key(text))
    if twin is not None:
        return None if twin.text == text else [(twin.text, twin)]
    sents = _segments(text)
    n = len(sents)
    if n < 2 or n > _MAX_SEGMENTS:
        return None
    # best[j] = fewest pieces covering sents[:j], with the piece list
    best: list[list[tuple[str, CleanLine | None]] | None] = [None] * (n + 1)
    best[0] = []
    for j in range(1, n + 1):
        for i in range(j):
            if best[i] is None:
                continue
            piece = " ".join(sents[i:j])
            if not has_displacement(piece):
                cand = (piece, None)
            else:
                t = intact.get(word_key(piece))
                if t is None or len(_WORD.findall(piece)) < 3:
                    continue
                cand = (t.text, t)
            plan = best[i] + [cand]
            if best[j] is None or len(plan) < len(best[j]):
                best[j] = plan
    plan = best[n]
    if plan is None or all(t is None for _, t in plan):
        return None
    return plan


# "02.10.2014  бұйрығымен.№ 74", "осы бұйрықтың  сәйкес бекітілсін;1-қосымшасына": the export
# moved a hyperlinked fragment to the end of its line, glued it after the sentence's final stop,
# and left a double space where it stood.  With exactly one such gap in the line the fragment's
# place is not a guess.  The stop must follow a letter (``сәйкес :";2)`` is something else).
_GAP_FRAGMENT = re.compile(
    r"^(?P<a>.*?\S)  (?P<b>\S.*?[^\W\d_][.;])(?P<f>[^\s.;,:»)\"'][^.;:]{0,40})$"
)
# A fragment of at most three words; an all-capitals word (БҰЙЫРАМЫН) is the next sentence,
# not a moved link.
_MAX_FRAGMENT_WORDS = 3
_CAPS_WORD = re.compile(r"(?<!\w)[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]{4,}(?!\w)")


def refill_gap(text: str) -> tuple[str, list[int]] | None:
    """Put a fragment glued after a line's final stop back into the line's one double-space gap.

    Returns the repaired text and, for each of its characters, the index of the character of
    ``text`` it came from (so callers can keep mapping clean text to raw columns); None when the
    line does not show exactly that damage.  Only words of the line itself are moved.
    """
    if text.count("  ") != 1 or "   " in text:
        return None
    m = _GAP_FRAGMENT.match(text)
    if m is None:
        return None
    frag = m["f"]
    if len(frag.split()) > _MAX_FRAGMENT_WORDS or _CAPS_WORD.search(frag):
        return None
    gap = m.end("a")
    fs, fe = m.span("f")
    bs, be = m.span("b")
    fixed = f"{m['a']} {frag} {m['b']}"
    index = [*range(gap), gap, *range(fs, fe), gap + 1, *range(bs, be)]
    return fixed, index
