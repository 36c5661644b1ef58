"""The act a text belongs to: ``kzqual.acts.read_act`` when available, else a minimal reading.

The fallback reads only what extraction needs (language, registration number) so that positions
can be extracted while the acts layer is absent; it never guesses a value it cannot see.
"""

from __future__ import annotations

import re

from kzqual.acts.model import Act, Registration
from kzqual.errors import InputError
from kzqual.text.model import CleanText

_KK_LETTERS = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
_CYR = re.compile(r"[а-яё]", re.IGNORECASE)
# "Зарегистрирован в Министерстве юстиции ... 17 мая 2017 года № 15125" /
# "Әділет министрлігінде 2014 жылы 18 сәуірде № 9344 тіркелді"
_REG_RU = re.compile(r"Зарегистрирован\w{0,40}\s+в\s+Министерстве\s+юстиции.{0,120}?№\s*(\d+)", re.S)
_REG_KK = re.compile(r"Әділет\s+министрлігінде.{0,80}?№\s*(\d+)\s+(?:болып\s+)?тіркел", re.S)


def guess_language(ct: CleanText) -> str:
    sample = " ".join(ln.text for ln in ct.lines[:400])
    kk = len(_KK_LETTERS.findall(sample))
    cyr = len(_CYR.findall(sample)) or 1
    return "kk" if kk / cyr > 0.01 else "ru"


def fallback_act(ct: CleanText) -> Act:
    lang = guess_language(ct)
    head = "\n".join(ln.text for ln in ct.lines[:60])
    m = _REG_RU.search(head) or _REG_KK.search(head)
    title = " ".join(ln.text for ln in ct.lines[:3])[:300] or ct.source
    return Act(
        title=title,
        language=lang,  # type: ignore[arg-type]
        act_type="order" if re.search(r"бұйрығы|Приказ", head) else "unknown",
        act_type_raw="",
        registration=Registration(number=m.group(1) if m else None),
        source=ct.source,
    )


def read_act_meta(ct: CleanText, meta=None) -> Act:
    """The act's metadata from the acts layer if it is installed and succeeds, else the fallback.

    ``meta``: the act folder's ``meta.yaml`` (:class:`kzqual.acts.metafile.ActMeta`) for a
    Markdown text."""
    try:
        from kzqual.acts import read_act  # type: ignore[attr-defined]
    except ImportError:
        return fallback_act(ct)
    try:
        return read_act(ct, meta=meta).act
    except InputError:
        raise  # not an act at all (or unusable): the same one-line error as `kzqual parse`
    except Exception:  # a bug in the acts layer must not stop position extraction
        return fallback_act(ct)
