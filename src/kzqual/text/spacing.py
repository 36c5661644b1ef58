"""Undo letter-spacing left by the PDF export: ``Б Ұ Й Ы Р А М Ы Н`` -> ``БҰЙЫРАМЫН``.

In a letter-spaced stretch the letters of one word are separated by one space and words by two
or more (``к е м  е м е с`` -> ``кем емес``).  The line is cut into tokens; a *run* is a
maximal sequence of one-character tokens (a letter, a digit, or a letter with one glued
punctuation mark such as ``:Б`` or ``.т``) separated by single spaces.  A run is glued into a
word when:

* it holds three or more letters (``О қ у``, ``е т у ;``), except a pattern like ``Б и В``
  (capital, lowercase, capital: a list of letters joined by a conjunction);
* it holds two letters and stands beside a glued run (``к е м  е м``), or is the whole line
  and is not a pair of possible one-letter words (``ы ң`` yes, ``и в`` no).

Digit runs (``2 0 1 4``) are glued only in a line that has a glued letter run, so a table's
column-number row ``1 2 3 4 5 6 7 8`` stays as printed.  In such a "spaced" line a gap of
*n* spaces stands for *n - 1* spaces of the original, so the word gaps shrink to one space
and a wider gap (a hyperlink displacement signal) survives as two.  Inside a glued run a
lowercase-to-uppercase switch is a word break (``тармағына Б Ұ Й`` -> ``тармағына БҰЙ``).
Initials (``А. Байменов``, ``Ә.Т. Жуанышпаева``) never form a run of letters and stay as
they are.  Spaced web addresses (``w w w .  g o v 4 c .  k z``) become ``www.gov4c.kz``.

:func:`unspace_map` also returns, for every output character, the offset of the raw character
it came from (eyecite's SpanUpdater idea), so a clean offset can be mapped back to the raw line.
"""

from __future__ import annotations

import re

# Cheap pre-check: two one-character tokens side by side (every run we glue has them), or a
# spaced "www." address.  Most lines fail it.
_CANDIDATE = re.compile(r"(?:^| )\S \S(?= |$)|[Ww]{3}\. ")
_TOKEN = re.compile(r"\S+")
_PUNCT = set(".,:;!?()«»\"'-–_/№")
# One-letter words of Russian and Kazakh: a pair of them (``и в``) is ordinary text.
_ONE_LETTER_WORDS = set("аивкосуяеәАИВКОСУЯЕӘ")
# Lowercase only after "www.": a capitalised word after "kz. " starts a sentence.
_URL = re.compile(r"\b[Ww]{3}\.(?: ?[a-z0-9-]+\.)* ?[a-z]{2,}\b")


def _is_unit(tok: str) -> bool:
    """A one-character token, possibly with one glued punctuation mark (``Н:``, ``.т``)."""
    if len(tok) == 1:
        return True
    if len(tok) == 2:
        a, b = tok
        return (a.isalnum() and b in _PUNCT) or (a in _PUNCT and b.isalnum())
    return False


def _letters(toks: list[str]) -> int:
    return sum(1 for t in toks if any(c.isalpha() for c in t))


def _digits_only(toks: list[str]) -> bool:
    alnum = [c for t in toks for c in t if c.isalnum()]
    return bool(alnum) and all(c.isdigit() for c in alnum)


def unspace_line(line: str) -> str:
    """Return ``line`` with letter-spaced runs joined into words (unchanged if none)."""
    if not _CANDIDATE.search(line):
        return line
    return unspace_map(line)[0]


def unspace_map(line: str) -> tuple[str, list[int]]:
    """Like :func:`unspace_line`, plus the raw offset of every output character."""
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(line)]
    if not toks:
        return line, list(range(len(line)))
    # Runs of unit tokens separated by exactly one space.
    runs: list[list[int]] = []
    for i, (tok, start, _end) in enumerate(toks):
        if (
            i
            and _is_unit(tok)
            and _is_unit(toks[i - 1][0])
            and start - toks[i - 1][2] == 1
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
    texts = [[toks[i][0] for i in run] for run in runs]
    glue = [_strong(t) for t in texts]
    for k, t in enumerate(texts):
        if glue[k] or not all(_is_unit(x) for x in t) or _letters(t) != 2 or len(t) > 3:
            continue
        whole = len(runs) == 1
        near = (k > 0 and glue[k - 1]) or (k + 1 < len(glue) and glue[k + 1])
        pair_of_words = all(c in _ONE_LETTER_WORDS for x in t for c in x if c.isalpha())
        if near or (whole and not pair_of_words):
            glue[k] = True
    spaced_line = any(glue)
    if not spaced_line:
        return _fix_urls(line, list(range(len(line))))
    for k, t in enumerate(texts):
        # In a spaced line, digit runs (``2 0 1 4``) and short punctuated runs (``« 9 »``,
        # ``4 )``, ``А .``) are letter-spaced too.
        if not glue[k] and len(t) > 1 and all(_is_unit(x) for x in t) and (
            any(c.isalnum() for x in t for c in x) or all(x == "_" for x in t)
        ):
            glue[k] = True
    out: list[str] = []
    pos: list[int] = []
    lead = toks[0][1]
    out.extend(line[:lead])
    pos.extend(range(lead))
    prev_end = None
    for k, run in enumerate(runs):
        if prev_end is not None:
            gap = toks[run[0]][1] - prev_end
            width = max(1, gap - 1) if gap >= 2 else gap
            out.append(" " * width)
            pos.extend(range(prev_end, prev_end + width))
        if glue[k]:
            prev_lower = False
            for n, i in enumerate(run):
                tok, start, _ = toks[i]
                first = tok[0]
                if n and prev_lower and first.isupper():
                    out.append(" ")  # a case switch inside a run is a word break
                    pos.append(start - 1)
                out.append(tok)
                pos.extend(range(start, start + len(tok)))
                last_alpha = [c for c in tok if c.isalpha()]
                prev_lower = bool(last_alpha) and last_alpha[-1].islower()
        else:
            first_i, last_i = run[0], run[-1]
            s, e = toks[first_i][1], toks[last_i][2]
            out.append(line[s:e])
            pos.extend(range(s, e))
        prev_end = toks[run[-1]][2]
    trail = line[prev_end:] if prev_end is not None else ""
    out.append(trail)
    pos.extend(range(prev_end or 0, (prev_end or 0) + len(trail)))
    text, pos = _tidy_punct("".join(out), pos)
    return _fix_urls(text, pos)


def _strong(toks: list[str]) -> bool:
    if not all(_is_unit(t) for t in toks) or _letters(toks) < 3:
        return False
    if any(t.endswith(",") for t in toks[:-1]):
        return False  # "А, Б, В": a list of letters, not a spaced word
    letters = [t for t in toks if any(c.isalpha() for c in t)]
    if len(letters) == 3 and len(toks) == 3:
        a, b, c = letters
        if a.isupper() and c.isupper() and b.islower():
            return False  # "Б и В": letters listed with a conjunction
    return True


_TIDY = re.compile(r"(?<=\w) ([.,:;)»])(?=\s|$)|(?<=[«(]) (?=\w)")


def _tidy_punct(text: str, pos: list[int]) -> tuple[str, list[int]]:
    """Glue back punctuation that a spaced run left apart (``отырған :`` -> ``отырған:``)."""
    drop = set()
    for m in _TIDY.finditer(text):
        drop.add(m.start())
    if not drop:
        return text, pos
    keep = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in keep), [pos[i] for i in keep]


def _fix_urls(text: str, pos: list[int]) -> tuple[str, list[int]]:
    """``www. mod. gov. kz`` -> ``www.mod.gov.kz``: drop spaces inside a web address."""
    if "www" not in text.lower():
        return text, pos
    drop: set[int] = set()
    for m in _URL.finditer(text):
        drop.update(i for i in range(m.start(), m.end()) if text[i] == " ")
    if not drop:
        return text, pos
    keep = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in keep), [pos[i] for i in keep]
