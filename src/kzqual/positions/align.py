"""Pairing the posts of an act's Kazakh and Russian texts.

The two language texts of one act list the same posts; a post is shown in both languages side by
side and found by a search in either.  Pairs are made, in this order:

1. by position number (``02-1-1``): a kk post and a ru post that share a number are one post
   (numbers compared without spaces, dashes unified, ``№`` dropped); where a post shares numbers
   with several, the pair sharing the most numbers wins;
2. by order and category, for the posts left that the numbers cannot decide (one of the two
   has no number): between the same two number-paired neighbours, the two sequences of
   categories are matched (longest common runs, :class:`difflib.SequenceMatcher`) and posts in
   equal runs are paired in order.  Two posts whose printed numbers differ are never paired.

Whatever is left is unaligned: listed, with a ``post_unaligned`` warning each, never paired by
guess.  The function works on plain dicts (the stored post JSON or ``Position.model_dump()``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

_DASHES = re.compile(r"[‐‑‒–—―-]")


@dataclass(slots=True)
class Alignment:
    pairs: list[tuple[str, str, str]] = field(default_factory=list)  # (kk id, ru id, method)
    kk_only: list[str] = field(default_factory=list)
    ru_only: list[str] = field(default_factory=list)

    def warnings(self) -> list[dict]:
        out = []
        for lang, other, ids in (("kk", "ru", self.kk_only), ("ru", "kk", self.ru_only)):
            for pid in ids:
                out.append({"code": "post_unaligned",
                            "message": f"post {pid} ({lang}) has no aligned post in the {other} text",
                            "lines": None, "params": {"position_id": pid, "language": lang, "other": other}})
        return out


def _number_key(n: str) -> str:
    return _DASHES.sub("-", n.replace("№", "").replace(" ", "")).strip(".,;").lower()


def align(kk: list[dict], ru: list[dict]) -> Alignment:
    """Pairs of post ids (kk, ru, method) and the ids left unpaired; both lists in document order."""
    result = Alignment()
    where: dict[str, list[int]] = {}
    for j, p in enumerate(ru):
        for n in {_number_key(n) for n in p.get("numbers") or ()}:
            where.setdefault(n, []).append(j)
    # every (kk, ru) pair sharing numbers, most shared numbers first: a kk post numbered
    # 1-0-1..1-0-5 is the ru post numbered 1-0-2..1-0-5, not the one numbered 1-0-1
    shared: dict[tuple[int, int], int] = {}
    for i, p in enumerate(kk):
        for n in {_number_key(n) for n in p.get("numbers") or ()}:
            for j in where.get(n, ()):
                shared[(i, j)] = shared.get((i, j), 0) + 1
    used_kk: set[int] = set()
    used_ru: set[int] = set()
    for (i, j), _count in sorted(shared.items(), key=lambda x: (-x[1], x[0])):
        if i in used_kk or j in used_ru:
            continue
        used_kk.add(i)
        used_ru.add(j)
        result.pairs.append((kk[i]["id"], ru[j]["id"], "number"))
    # Order and category, only for posts the numbers cannot decide (a post printed without a
    # number, facing any post): two posts whose printed numbers differ are different posts.  And
    # only between the same two number-paired neighbours, so a pair never crosses one.
    def segment(index: int, used: set[int]) -> int:
        return sum(1 for u in used if u < index)

    left_kk = [i for i in range(len(kk)) if i not in used_kk]
    left_ru = [j for j in range(len(ru)) if j not in used_ru]
    segments: dict[int, tuple[list[int], list[int]]] = {}
    for i in left_kk:
        segments.setdefault(segment(i, used_kk), ([], []))[0].append(i)
    for j in left_ru:
        segments.setdefault(segment(j, used_ru), ([], []))[1].append(j)
    matched_kk: set[int] = set()
    matched_ru: set[int] = set()
    for seg_kk, seg_ru in segments.values():
        a = [kk[i].get("category") or "" for i in seg_kk]
        b = [ru[j].get("category") or "" for j in seg_ru]
        for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
            for k in range(block.size):
                i, j = seg_kk[block.a + k], seg_ru[block.b + k]
                if kk[i].get("numbers") and ru[j].get("numbers"):
                    continue  # both numbered, differently: not the same post
                matched_kk.add(i)
                matched_ru.add(j)
                result.pairs.append((kk[i]["id"], ru[j]["id"], "order"))
    order = {p["id"]: i for i, p in enumerate(kk)}
    result.pairs.sort(key=lambda pair: order.get(pair[0], 0))
    result.kk_only = [kk[i]["id"] for i in left_kk if i not in matched_kk]
    result.ru_only = [ru[j]["id"] for j in left_ru if j not in matched_ru]
    return result
