"""Pairing the posts of an act's Kazakh and Russian texts.

The two language texts of one act list the same posts; a post is shown in both languages side by
side and found by a search in either.  Pairs are made, in this order:

1. by position number (``02-1-1``): a kk post and a ru post that share a number are one post
   (numbers compared without spaces, dashes unified, ``№`` dropped);
2. by order and category, for the posts left: the two sequences of categories are matched
   (longest common runs, :class:`difflib.SequenceMatcher`), and posts in equal runs are paired
   in order.

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
    by_number: dict[str, int] = {}
    for j, p in enumerate(ru):
        for n in p.get("numbers") or ():
            by_number.setdefault(_number_key(n), j)
    used_ru: set[int] = set()
    left_kk: list[int] = []
    for i, p in enumerate(kk):
        j = next((by_number[k] for k in map(_number_key, p.get("numbers") or ())
                  if k in by_number and by_number[k] not in used_ru), None)
        if j is None:
            left_kk.append(i)
            continue
        used_ru.add(j)
        result.pairs.append((p["id"], ru[j]["id"], "number"))
    left_ru = [j for j in range(len(ru)) if j not in used_ru]
    a = [kk[i].get("category") or "" for i in left_kk]
    b = [ru[j].get("category") or "" for j in left_ru]
    matched_kk: set[int] = set()
    matched_ru: set[int] = set()
    for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            i, j = left_kk[block.a + k], left_ru[block.b + k]
            matched_kk.add(i)
            matched_ru.add(j)
            result.pairs.append((kk[i]["id"], ru[j]["id"], "order"))
    result.kk_only = [kk[i]["id"] for i in left_kk if i not in matched_kk]
    result.ru_only = [ru[j]["id"] for j in left_ru if j not in matched_ru]
    return result
