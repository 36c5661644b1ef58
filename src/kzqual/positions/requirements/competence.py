"""Competence criterion -> :class:`Competence`: the text and the acts it names.

Titles are read as "«title» kind": ``«Мемлекеттік қызмет туралы» Заңы``,
``«Қазақстан – 2050» Стратегиясы``, ``Қазақстан Республикасының Конституциясы``; in Russian
``Закон Республики Казахстан «О государственной службе»``.  Several quoted titles before one kind
word ("«…», «…» Заңдарын") each get that kind, in the nominative singular.

The PDF export moves hyperlinked words to the end of the line (``Қазақстан Республикасының ,
Қазақстан Республикасының Конституциясын «Қазақстан``).  Such text is detected; when the caller
passes titles read from intact blocks of the same act (``known_titles``, see :func:`collect_titles`),
the titles whose words are all present are restored — only word order changes, no word is
invented.  Otherwise the titles are kept as printed, with a warning.  Detection reuses the text
layer's heuristic; its paragraph-level restoration (:func:`kzqual.text.restore_displaced`) needs
a twin with exactly the same words, which a list that differs by one law does not have — hence
this title-level restoration.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from kzqual.acts.model import Span
from kzqual.positions.model import Competence, ParseWarning
from kzqual.positions.warnings import warn
from kzqual.positions.requirements._text import normalize
from kzqual.text import has_displacement

_STRAIGHT_OPEN = re.compile(r'(?:(?<=^)|(?<=[\s(,;:]))"(?=\S)')
_STRAIGHT_CLOSE = re.compile(r'"')

# kk: the kind follows the quoted titles; the key is the nominative singular printed in the title.
_KK_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Конституциялық\s+заң\w{0,40}", re.I), "Конституциялық заңы"),
    (re.compile(r"Заң\w{0,40}", re.I), "Заңы"),
    (re.compile(r"Кодекс\w{0,40}", re.I), "Кодексі"),
    (re.compile(r"Стратегия\w{0,40}", re.I), "Стратегиясы"),
    (re.compile(r"Жолдау\w{0,40}", re.I), "Жолдауы"),
    (re.compile(r"Бағдарлама\w{0,40}", re.I), "Бағдарламасы"),
    (re.compile(r"Тұжырымдама\w{0,40}", re.I), "Тұжырымдамасы"),
    (re.compile(r"Жарлы\w{0,40}", re.I), "Жарлығы"),
]
_RU_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Конституционн\w{1,40}\s+закон\w{0,40}", re.I), "Конституционный закон"),
    (re.compile(r"закон\w{0,40}", re.I), "Закон"),
    (re.compile(r"кодекс\w{0,40}", re.I), "Кодекс"),
    (re.compile(r"стратеги\w{0,40}", re.I), "Стратегия"),
    (re.compile(r"послани\w{0,40}", re.I), "Послание"),
    (re.compile(r"программ\w{0,40}", re.I), "Программа"),
    (re.compile(r"концепци\w{0,40}", re.I), "Концепция"),
]
_QUOTED_RUN = re.compile(r"(?P<run>(?:«[^«»]{2,200}»\s*,?\s*(?:және\s+|и\s+)?)+)")
_QUOTED = re.compile(r"«([^«»]{2,200})»")
_KK_KIND_AFTER = re.compile(
    r"\s*(?P<kind>Конституциялық\s+заң\w{0,40}|Заң\w{0,40}|Кодекс\w{0,40}|Стратегия\w{0,40}|Жолдау\w{0,40}|Бағдарлама\w{0,40}"
    r"|Тұжырымдама\w{0,40}|Жарлы\w{0,40})",
    re.I,
)
_RU_KIND_BEFORE = re.compile(
    r"(?P<kind>Конституционн\w{1,40}\s+закон\w{0,40}|закон\w{0,40}|кодекс\w{0,40}|стратеги\w{0,40}|послани\w{0,40}|программ\w{0,40}|концепци\w{0,40})"
    r"(?:\s+Республики\s+Казахстан)?\s*(?:[:,]\s*)?$",
    re.I,
)
_KK_CONSTITUTION = re.compile(r"(?:Қазақстан\s+Республикасының\s+)?Конституция\w{0,40}", re.I)
_RU_CONSTITUTION = re.compile(r"Конституци\w{1,40}(?:\s+Республики\s+Казахстан)?", re.I)
_DAMAGE = re.compile(r"(?:^|\s),(?=\s)|«»|»\s*«|,\s*,")
_OPEN_SPACE = re.compile(r"«\s+")
_CLOSE_SPACE = re.compile(r"(?<!\s)\s+»")
_WORD = re.compile(r"[^\W_]+")


def _quotes(text: str) -> str:
    """Straight quotes -> «», and no space inside quotes (a line break left it there)."""
    n = text.count('"')
    if n and n % 2 == 0:
        # balanced: they pair up in order (a line break may sit right after an opening one)
        parts = text.split('"')
        text = "".join(p + ("«" if i % 2 == 0 else "»") if i < len(parts) - 1 else p for i, p in enumerate(parts))
    elif n:
        text = _STRAIGHT_CLOSE.sub("»", _STRAIGHT_OPEN.sub("«", text))
    return _CLOSE_SPACE.sub("»", _OPEN_SPACE.sub("«", text))


def _nominative(kind: str, lang: str) -> str:
    for pattern, nom in _RU_KINDS if lang == "ru" else _KK_KINDS:
        if pattern.fullmatch(kind.strip()):
            return nom
    return kind.strip()


def _titles(text: str, lang: str) -> list[str]:
    titles: list[str] = []
    if lang == "ru":
        c = _RU_CONSTITUTION.search(text)
        if c:
            titles.append("Конституция Республики Казахстан")
    else:
        c = _KK_CONSTITUTION.search(text)
        if c:
            titles.append(
                "Қазақстан Республикасының Конституциясы"
                if c.group(0).lower().startswith("қазақстан")
                else "Конституциясы"
            )
    for run in _QUOTED_RUN.finditer(text):
        quoted = [q.strip() for q in _QUOTED.findall(run.group("run"))]
        kind: str | None = None
        if lang == "ru":
            before = _RU_KIND_BEFORE.search(text[max(0, run.start() - 60) : run.start()])
            if before:
                k = _nominative(before.group("kind"), lang)
                kind = k + " Республики Казахстан" if "Республики Казахстан" in before.group(0) else k
                titles.extend(f"{kind} «{q}»" for q in quoted)
            continue
        after = _KK_KIND_AFTER.match(text, run.end())
        if after:
            kind = _nominative(after.group("kind"), lang)
            titles.extend(f"«{q}» {kind}" for q in quoted)
    seen: set[str] = set()
    return [t for t in titles if not (t in seen or seen.add(t))]


def _words(text: str) -> Counter[str]:
    # Compared by their first 8 letters: a title's nominative ("Конституциясы") must match the
    # accusative printed in the list ("Конституциясын").
    return Counter(w.lower()[:8] for w in _WORD.findall(text))


def _restore(text: str, known_titles: Iterable[str]) -> list[str]:
    """Known titles all of whose quoted words (and the kind's stem) occur in ``text``."""
    pool = _words(text)
    restored: list[str] = []
    for title in known_titles:
        q = _QUOTED.search(title)
        core = q.group(1) if q else title
        need = _words(core)
        kind_word = title[q.end() :].split() if q else []
        stem = kind_word[-1][:3].lower() if kind_word else ""
        if all(pool[w] >= n for w, n in need.items()) and (not stem or any(w.startswith(stem) for w in pool)):
            pool.subtract(need)
            restored.append(title)
    return restored


def is_damaged(text: str) -> bool:
    """True if the text shows displaced-hyperlink damage.

    The text layer's heuristic (:func:`kzqual.text.has_displacement`: stray commas, emptied or
    back-to-back quotes, glued words) plus what only shows once quotes are paired: «» left empty,
    or unbalanced.
    """
    t = _quotes(normalize(text))
    return has_displacement(t) or bool(_DAMAGE.search(t)) or t.count("«") != t.count("»")


def collect_titles(texts: Iterable[str], lang: str) -> list[str]:
    """Titles named in the undamaged texts among ``texts`` (for :func:`parse_competence`)."""
    out: dict[str, None] = {}  # ordered set: first-seen order
    # an act repeats its boilerplate hundreds of times; a repeated text adds no title
    for text in dict.fromkeys(t for t in texts if isinstance(t, str)):
        if is_damaged(text):
            continue
        out.update(dict.fromkeys(_titles(_quotes(normalize(text)), lang)))
    return list(out)


def parse_competence(
    text: str, lang: str, span: Span | None = None, known_titles: Iterable[str] | None = None
) -> Competence:
    """Text and the acts named in a competence criterion.  Never raises."""
    clean = normalize(text)
    if not clean:
        return Competence(text="", lines=span)
    quoted = _quotes(clean)
    warnings: list[ParseWarning] = []
    if not is_damaged(clean):
        return Competence(text=clean, acts=_titles(quoted, lang), lines=span)
    known = list(known_titles or [])
    acts: list[str] = []
    if known:
        acts = _restore(quoted, known)
        if acts:
            warnings.append(warn("titles_restored", count=len(acts)))
    if not acts:
        acts = _titles(quoted, lang)
        warnings.append(warn("titles_as_printed"))
    return Competence(text=clean, acts=acts, lines=span, warnings=warnings)
