"""The public-service standard as data, every value tied to the act's lines.

The standard's values live in ``data/services/standard.json``: for each value, the point of the
act, the raw lines and a quoted phrase.  :func:`derive` re-reads a value from its quoted phrase
(numbers written as "2 (екі)", sums as "305 000 теңге", dates as "1 ақпан", hours as "9.00-ден"),
and :func:`verify` checks every quote against an act read through :mod:`kzqual.text` — so the
data file cannot silently drift from the law.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from kzqual import safe_json
from kzqual.errors import InputError
from kzqual.text import CleanText

_UNITS = {"бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9}
_TENS = {"он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60, "жетпіс": 70,
         "сексен": 80, "тоқсан": 90}
MONTHS_KK = {"қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6, "шілде": 7,
             "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12}
WEEKDAYS_KK = {"дүйсенбі": 0, "сейсенбі": 1, "сәрсенбі": 2, "бейсенбі": 3, "жұма": 4, "сенбі": 5,
               "жексенбі": 6}
# Phrases whose meaning is a fixed machine value (kind "keyword").
KEYWORDS = {
    "толық автоматтандырылған": "electronic_fully_automated",
    "нысаны: электрондық": "electronic",
    "тәулік бойы": "round_the_clock",
    "келесі жұмыс күні": "next_working_day",
    "көктемгі және күзгі әскерге шақыру аяқталғаннан кейін": "after_call_up",
}


def kazakh_number(words: str) -> int | None:
    """"қырық екі" -> 42, "он бес" -> 15; None if a word is not a number word (up to 99)."""
    total = 0
    parts = words.lower().split()
    if not parts:
        return None
    for w in parts:
        if w in _TENS:
            total += _TENS[w]
        elif w in _UNITS:
            total += _UNITS[w]
        else:
            return None
    return total


def _month_day(text: str) -> list[str]:
    out = []
    for m in re.finditer(r"(\d{1,2})\s+([а-яәғқңөұүһі]+)", text.lower()):
        for stem, month in MONTHS_KK.items():
            if m.group(2).startswith(stem):
                out.append(f"{month:02d}-{int(m.group(1)):02d}")
                break
    return out


def derive(kind: str, quote: str) -> Any:
    """The value a quoted phrase states, for the kinds the data file uses."""
    text = re.sub(r"\s+", " ", quote)
    if kind == "working_days":
        m = re.search(r"(\d+) \(([^)]+)\) жұмыс күн", text)
        if not m:
            raise ValueError(f"no 'N (words) жұмыс күн' in {quote!r}")
        digits, words = int(m.group(1)), kazakh_number(m.group(2))
        if words != digits:
            raise ValueError(f"digits {digits} and words {m.group(2)!r} disagree")
        return digits
    if kind == "money":
        m = re.search(r"(\d{1,3}(?: \d{3})*) теңге", text)
        if not m:
            raise ValueError(f"no sum in tenge in {quote!r}")
        return int(m.group(1).replace(" ", ""))
    if kind == "day_month_range":
        days = _month_day(text)
        if len(days) != 2:
            raise ValueError(f"expected two day-month dates in {quote!r}")
        return {"from": days[0], "to": days[1]}
    if kind == "day_month_list":
        return _month_day(text)
    if kind == "time_range":
        m = re.search(r"(\d{1,2})\.(\d{2})-(?:ден|дан|тен|тан|нен|нан) (\d{1,2})\.(\d{2})-(?:ге|ға|ке|қа)", text)
        if not m:
            raise ValueError(f"no 'H.MM-ден H.MM-ге' in {quote!r}")
        h1, m1, h2, m2 = (int(x) for x in m.groups())
        return {"from": f"{h1:02d}:{m1:02d}", "to": f"{h2:02d}:{m2:02d}"}
    if kind == "weekdays":
        found = [d for w, d in WEEKDAYS_KK.items() for m in re.finditer(w, text.lower())]
        m = re.search(r"([а-яәғқңөұүһі]+?)(?:ден|нен|тен) бастап ([а-яәғқңөұүһі]+?)(?:ға|ге|қа|ке) дейін",
                      text.lower())
        if not m or m.group(1) not in WEEKDAYS_KK or m.group(2) not in WEEKDAYS_KK:
            raise ValueError(f"no 'X-ден бастап Y-ға дейін' weekdays in {quote!r} ({found})")
        return {"from": WEEKDAYS_KK[m.group(1)], "to": WEEKDAYS_KK[m.group(2)]}
    if kind == "keyword":
        for phrase, value in KEYWORDS.items():
            if phrase.lower() in text.lower():
                return value
        raise ValueError(f"no known keyword in {quote!r}")
    if kind == "text":
        return text
    raise ValueError(f"unknown kind {kind!r}")


@dataclass(frozen=True, slots=True)
class Citation:
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class StandardValue:
    key: str
    point: str
    kind: str
    value: Any
    cite: tuple[Citation, ...]
    label: dict[str, str]
    extra: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "kk") -> str:
        return self.label.get(lang) or self.label["kk"]

    def where(self) -> str:
        """"standard, point 3 1), lines 138-140" — for explanations."""
        parts = [f"{c.start}-{c.end}" if c.end != c.start else str(c.start) for c in self.cite]
        spans = ", ".join(dict.fromkeys(parts))  # two quotes on the same lines: name them once
        return f"{self.point}, lines {spans}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key, "point": self.point, "kind": self.kind, "value": self.value,
            "label": self.label,
            "cite": [{"lines": [c.start, c.end], "quote": c.quote} for c in self.cite],
            **self.extra,
        }


@dataclass(frozen=True, slots=True)
class Standard:
    act: dict[str, str]
    values: dict[str, StandardValue]
    ru_is_translation: bool

    def __getitem__(self, key: str) -> StandardValue:
        return self.values[key]

    def get(self, key: str) -> Any:
        return self.values[key].value

    def refusal_grounds(self) -> dict[int, StandardValue]:
        return {int(k.rsplit("_", 1)[1]): v for k, v in self.values.items() if k.startswith("refusal_ground_")}

    def citation(self) -> str:
        a = self.act
        return f"order No. {a['number']} of {a['date']} (reg. No. {a['registration_number']})"


def _parse(data: dict[str, Any], source: str) -> Standard:
    try:
        values = {}
        for v in data["values"]:
            known = {"key", "point", "kind", "value", "cite", "label"}
            values[v["key"]] = StandardValue(
                key=v["key"], point=v["point"], kind=v["kind"], value=v["value"],
                cite=tuple(Citation(c["lines"][0], c["lines"][1], c["quote"]) for c in v["cite"]),
                label=dict(v["label"]),
                extra={k: x for k, x in v.items() if k not in known},
            )
        return Standard(act=dict(data["act"]), values=values,
                        ru_is_translation=bool(data.get("ru_is_translation", True)))
    except (KeyError, TypeError, IndexError) as exc:
        raise InputError(f"malformed standard data: missing or bad {exc}", source=source) from None


@lru_cache(maxsize=1)
def load_standard() -> Standard:
    """The bundled standard."""
    path = resources.files("kzqual") / "data" / "services" / "standard.json"
    return _parse(json.loads(path.read_text(encoding="utf-8")), "standard.json")


def load_standard_file(path: Path) -> Standard:
    data = safe_json.load_file(path)
    return _parse(data, str(path))


def span_text(text: CleanText, start: int, end: int) -> str:
    """Clean text of the raw lines ``start..end``, whitespace collapsed."""
    parts = [ln.text for ln in text.lines if ln.raw_end >= start and ln.raw_start <= end]
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


@dataclass(frozen=True, slots=True)
class Problem:
    key: str
    problem: str


def verify(standard: Standard, text: CleanText) -> list[Problem]:
    """Every value whose quote is not on its lines or does not state its value."""
    problems: list[Problem] = []
    for sv in standard.values.values():
        joined = []
        for c in sv.cite:
            span = span_text(text, c.start, c.end)
            if c.quote not in span:
                problems.append(Problem(sv.key, f"quote {c.quote!r} not on lines {c.start}-{c.end}"))
            joined.append(c.quote)
        quote = " ".join(joined)
        try:
            derived = derive(sv.kind, quote)
        except ValueError as exc:
            problems.append(Problem(sv.key, str(exc)))
            continue
        if sv.kind == "text":
            if str(sv.value) not in derived:
                problems.append(Problem(sv.key, f"value {sv.value!r} not in the quote"))
        elif derived != sv.value:
            problems.append(Problem(sv.key, f"quote states {derived!r}, data says {sv.value!r}"))
    return problems


# The citations `where()` writes ("standard, point 3 1), lines 138-140") for a Kazakh or Russian
# reader.  Only the shapes standard.json uses are known; anything else is shown as written.
_CITE = re.compile(r"^(?P<doc>standard|rules|appendix (?P<app>\d+))"
                   r"(?:, (?:point (?P<p>\d+)(?: (?P<sub>\d+\)))?|(?P<title>title)|(?P<header>table header)"
                   r"|filling guide (?P<guide>\d+)))?, lines (?P<lines>[\d, -]+)$")
_CITE_WORDS = {
    "kk": {"standard": "стандарт", "rules": "қағидалар", "appendix": "{n}-қосымша", "point": "{p}-тармақ",
           "sub": "{p}-тармақтың {sub} тармақшасы", "title": "атауы", "header": "кесте тақырыбы",
           "guide": "толтыру түсіндірмесі, {n}-тармақ", "lines": "{lines} жолдар"},
    "ru": {"standard": "стандарт", "rules": "правила", "appendix": "приложение {n}", "point": "пункт {p}",
           "sub": "пункт {p} подпункт {sub}", "title": "название", "header": "заголовок таблицы",
           "guide": "пояснение по заполнению, пункт {n}", "lines": "строки {lines}"},
}


def citation_label(where: str, lang: str) -> str:
    """``where`` ("standard, point 3 1), lines 138-140") in Kazakh or Russian; English as is."""
    words = _CITE_WORDS.get(lang)
    m = _CITE.match(where) if words else None
    if m is None:
        return where
    parts = [words["appendix"].format(n=m["app"]) if m["app"] else words[m["doc"]]]
    if m["sub"]:
        parts.append(words["sub"].format(p=m["p"], sub=m["sub"]))
    elif m["p"]:
        parts.append(words["point"].format(p=m["p"]))
    elif m["title"]:
        parts.append(words["title"])
    elif m["header"]:
        parts.append(words["header"])
    elif m["guide"]:
        parts.append(words["guide"].format(n=m["guide"]))
    parts.append(words["lines"].format(lines=m["lines"]))
    return ", ".join(parts)
