"""Title equivalents learned from acts printed in both languages.

An act's kk and ru texts list the same posts, paired by :mod:`kzqual.positions.align`.  The
titles of a pair say the same thing in two languages (``Ұйымдастыру-бақылау және кадр жұмысы
бөлімінің бас маманы`` / ``Главный специалист отдела организационно-контрольной и кадровой
работы``), so a kk stem and a ru stem that keep turning up in the same pairs are equivalents.
At ingest (when an act's posts are realigned) each act's counts are stored
(``search_equivalents``: pairs holding both stems, and each stem's own count); at search time
the counts of every loaded act are summed and a pair of stems is an equivalent when it is in at
least :data:`MIN_PAIRS` pairs, its Dice coefficient (2 * both / (kk + ru)) is at least
:data:`MIN_DICE`, and each is the other's one best partner (competitive linking: the words of a
name always printed together tie, and none of them is taken) -- "бас" / "главн", not "бас" /
"специалист" (specialists are also "жетекші", ведущие).  Pure functions; the store reads and writes the rows.
"""

from __future__ import annotations

from collections import Counter

from kzqual.store.stem import index_text
from kzqual.store.synonyms import Group

MIN_PAIRS = 3
MIN_DICE = 0.75


def count_rows(act_key: str, pairs: list[tuple[str, str]]) -> list[dict]:
    """The rows to store for one act from its aligned (kk title, ru title) pairs: ``kk_stem`` and
    ``ru_stem`` both set -- pairs holding both; one empty -- pairs holding the other."""
    both: Counter[tuple[str, str]] = Counter()
    kk_n: Counter[str] = Counter()
    ru_n: Counter[str] = Counter()
    for kk_title, ru_title in pairs:
        ks = {s for s in index_text(kk_title, "kk").split() if len(s) > 2 and not s.isdigit()}
        rs = {s for s in index_text(ru_title, "ru").split() if len(s) > 2 and not s.isdigit()}
        kk_n.update(ks)
        ru_n.update(rs)
        both.update((k, r) for k in ks for r in rs if k != r)
    rows = [{"act_key": act_key, "kk_stem": k, "ru_stem": r, "n": n} for (k, r), n in both.items()]
    rows += [{"act_key": act_key, "kk_stem": k, "ru_stem": "", "n": n} for k, n in kk_n.items()]
    rows += [{"act_key": act_key, "kk_stem": "", "ru_stem": r, "n": n} for r, n in ru_n.items()]
    return rows


def groups(rows: list[tuple[str, str, str, int]]) -> tuple[Group, ...]:
    """Equivalents from stored rows (act key, kk stem, ru stem, n) summed over the acts."""
    both: Counter[tuple[str, str]] = Counter()
    kk_n: Counter[str] = Counter()
    ru_n: Counter[str] = Counter()
    acts: dict[tuple[str, str], set[str]] = {}
    for act, k, r, n in rows:
        if k and r:
            both[(k, r)] += n
            acts.setdefault((k, r), set()).add(act)
        elif k:
            kk_n[k] += n
        elif r:
            ru_n[r] += n
    dice = {kr: 2 * n / (kk_n[kr[0]] + ru_n[kr[1]]) for kr, n in both.items() if kk_n[kr[0]] + ru_n[kr[1]]}
    best_kk: dict[str, list] = {}
    best_ru: dict[str, list] = {}
    for (k, r), d in dice.items():
        for best, key in ((best_kk, k), (best_ru, r)):
            cur = best.get(key)
            if cur is None or d > cur[0]:
                best[key] = [d, (k, r), 1]
            elif d == cur[0]:
                cur[2] += 1  # a tie: the words of a phrase always together, none is "the" equivalent
    out = []
    for (k, r), n in sorted(both.items()):
        d = dice.get((k, r), 0.0)
        mutual = all(b[key][1] == (k, r) and b[key][2] == 1 for b, key in ((best_kk, k), (best_ru, r)))
        if n >= MIN_PAIRS and d >= MIN_DICE and mutual:
            out.append(Group(f"aligned:{k}={r}", {"kk": (k,), "ru": (r,), "en": ()},
                             ({"kind": "aligned", "acts": sorted(acts[(k, r)]), "pairs": n, "dice": round(d, 2)},),
                             frozenset({k, r})))
    return tuple(out)
