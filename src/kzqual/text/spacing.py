"""Undo letter-spacing left by the PDF export: ``Б Ұ Й Ы Р А М Ы Н`` -> ``БҰЙЫРАМЫН``.

In a spaced run the letters of one word are separated by one space and words by two or more.
A group of single characters is treated as spaced only when it has at least three of them (or
two, when a neighbouring group is spaced too), so ordinary one-letter words (``и в``) and
initials (``А. Байменов``, ``Ә.Т. Жуанышпаева``) stay as they are.
"""

from __future__ import annotations

import re

_GROUP_SPLIT = re.compile(r"( {2,}|\t+)")


def _is_spaced(tokens: list[str]) -> bool:
    if len(tokens) < 2:
        return False
    singles = sum(len(t) == 1 for t in tokens)
    # Edge tokens may carry glued punctuation (":Б", "Н:"), so allow up to two non-singles of
    # length 2 at the ends.
    inner = tokens[1:-1]
    edges_ok = all(len(t) <= 2 for t in (tokens[0], tokens[-1]))
    return edges_ok and all(len(t) == 1 for t in inner) and singles >= 2


def unspace_line(line: str) -> str:
    """Return ``line`` with letter-spaced groups joined into words."""
    if "  " not in line and not _maybe_fully_spaced(line):
        return line
    lead = len(line) - len(line.lstrip(" "))
    body = line[lead:]
    parts = _GROUP_SPLIT.split(body)
    groups = parts[0::2]
    seps = parts[1::2]
    token_lists = [g.split(" ") if g else [] for g in groups]
    spaced = [_is_spaced(t) for t in token_lists]
    strong = [s and len(t) >= 3 for s, t in zip(spaced, token_lists)]
    # A two-token group counts only beside a strongly spaced group.
    decided = []
    for i, s in enumerate(spaced):
        if not s:
            decided.append(False)
        elif strong[i]:
            decided.append(True)
        else:
            near = (i > 0 and strong[i - 1]) or (i + 1 < len(strong) and strong[i + 1])
            decided.append(near)
    if not any(decided):
        return line
    out: list[str] = []
    for i, group in enumerate(groups):
        word = "".join(token_lists[i]) if decided[i] else group
        if i > 0:
            # Between two spaced groups the wide gap is just a word break.
            out.append(" " if (decided[i] and decided[i - 1]) else seps[i - 1])
        out.append(word)
    return " " * lead + _tidy_punct("".join(out))


def _maybe_fully_spaced(line: str) -> bool:
    tokens = line.split()
    return len(tokens) >= 4 and all(len(t) == 1 for t in tokens)


def _tidy_punct(text: str) -> str:
    # Joined spaced text leaves "1 ." and "отырған :" apart; glue such punctuation back.
    return re.sub(r"(?<=\w) ([.,:;)])(?=\s|$)", r"\1", text)
