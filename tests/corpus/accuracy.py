"""Accuracy of the readers on real acts: expected values (read by a person, ``expected/*.yaml``)
against what the readers give, field by field.

The comparison is mechanical and documented in ``expected/README.md`` and ``docs/corpus.md``: each
check is ``right``, ``wrong`` (a value that differs, or a value where the act has none) or
``missing`` (no value where the act has one).  Nothing here imports the readers' normalisation:
folding (case, quotes, dashes, Latin look-alikes) is this module's own, so a reader bug cannot make
its own output look right.  The readers are reached only through their public entry points
(:func:`kzqual.acts.parse_file`, :func:`kzqual.positions.extract_file`), called on the act folder's
language text (``<folder>/kaz.md``); a reader that cannot read a file gives ``missing`` for every
check of that file (and the error is recorded), never a crash of the report.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

HERE = Path(__file__).parent
EXPECTED = HERE / "expected"

META_FIELDS = (
    "title", "act_type", "issuer", "date", "number", "registration_number", "registration_date",
    "status", "repealed_by_number", "repealed_by_date", "amended_by_numbers", "entry_into_force",
)
POST_FIELDS = (
    "found", "title", "category", "category_raw", "units", "numbers", "education_levels",
    "education_fields", "education_conditions", "experience_reference", "experience_alternatives",
)
LANG_FILE = {"kk": "kaz.md", "ru": "rus.md"}

# Latin letters that the acts print inside Cyrillic words (and the digit 0 inside category codes is
# handled by the category check itself, never folded here).
_LATIN = str.maketrans({
    "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "k": "к", "m": "м",
    "h": "н", "b": "в", "t": "т",
})  # fmt: skip
_QUOTES = re.compile(r"[\"'«»“”„‟‹›`]")
_DASHES = re.compile(r"[‐‑‒–—―−]")


def fold(text: str | None) -> str:
    """Case, quotes, dashes, whitespace and Latin look-alikes folded: for comparing printed text."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", str(text)).casefold()
    text = _QUOTES.sub("", text)
    text = _DASHES.sub("-", text)
    if re.search(r"[а-яәіңғүұқөһё]", text):
        text = text.translate(_LATIN)
    text = re.sub(r"\s+", " ", text).strip(" .,;:")
    return text


def fold_number(text: str | None) -> str:
    """An act or staff number: '№ 13-0-2', 'N 40', '№1-0-7' -> '13-0-2', '40', '1-0-7'."""
    if text is None:
        return ""
    t = fold(text)
    t = re.sub(r"^(№|n)\s*", "", t)
    return t.replace(" ", "")


# ---------------------------------------------------------------------------------------------
# Expected values


@dataclass
class ExpectedLanguage:
    folder: str
    language: str
    file: str
    metadata: dict[str, dict]
    posts: list[dict] | None  # None: the act's posts are not scored (see the file's scope)
    post_count: int | None


@dataclass
class ExpectedAct:
    folder: str
    set: str  # "tuning" | "held_out"
    languages: dict[str, ExpectedLanguage]


def _merge(defaults: dict, item: dict) -> dict:
    out = dict(defaults)
    out.update(item)
    return out


def load_expected(path: Path) -> ExpectedAct:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    common = data.get("common") or {}
    langs: dict[str, ExpectedLanguage] = {}
    for lang, block in data["languages"].items():
        meta = dict(common)
        meta.update(block.get("metadata") or {})
        posts_block = block.get("posts")
        posts = None
        count = None
        if posts_block:
            defaults = posts_block.get("defaults") or {}
            posts = [_merge(defaults, item) for item in posts_block.get("items") or []]
            count = posts_block.get("count")
        langs[lang] = ExpectedLanguage(data["act"], lang, block.get("file") or LANG_FILE[lang], meta, posts, count)
    return ExpectedAct(data["act"], data["set"], langs)


def load_all(expected_dir: Path = EXPECTED) -> list[ExpectedAct]:
    return [load_expected(p) for p in sorted(expected_dir.glob("*.yaml"))]


# ---------------------------------------------------------------------------------------------
# What the readers give, reduced to plain values


@dataclass
class Observed:
    """One language text as read: act metadata (dict of plain values), posts, warnings."""

    metadata: dict[str, Any] | None
    posts: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)  # act-level and post warnings, flattened
    errors: list[str] = field(default_factory=list)


def _ref_numbers(refs) -> list[str]:
    return [fold_number(r.number) for r in refs if r is not None and getattr(r, "number", None)]


def observe_act(act) -> dict[str, Any]:
    """The metadata fields of a :class:`kzqual.acts.model.Act`, as plain values."""
    eif = act.entry_into_force
    return {
        "title": act.title,
        "act_type": act.act_type,
        # the office and the body it heads, once each (an issuer that is itself a body is its body)
        "issuer": " ".join(dict.fromkeys(x for x in (act.issuer, act.issuer_body) if x)),
        "date": act.date,
        "number": act.number,
        "registration_number": act.registration.number,
        "registration_date": act.registration.date,
        "status": act.status,
        "repealed_by_number": act.repealed_by.number if act.repealed_by else None,
        "repealed_by_date": act.repealed_by.date if act.repealed_by else None,
        "amended_by_numbers": sorted(set(_ref_numbers(act.amended_by))),
        "entry_into_force": {"kind": eif.kind, "days": eif.days, "date": eif.date} if eif else None,
    }


def _read_conditions(alt) -> list[tuple]:
    """(kind, min years, scope) of each condition of a conditional education alternative (readers
    before ``EducationCondition`` kept them as experience alternatives: read those the same way)."""
    conds = getattr(alt, "conditions", None)
    if conds is not None:
        return [(c.kind, c.min_years, c.scope) for c in conds]
    return [(a.kind, a.min_years, a.field) for a in getattr(alt, "experience", None) or []]


def observe_position(p) -> dict[str, Any]:
    edu, exp = p.education, p.experience
    refs = list(exp.references or []) + ([exp.reference] if exp.reference else [])
    fields = list(edu.fields or [])
    for g in edu.field_groups or []:
        fields.append(str(g.get("group") or ""))
        fields.extend(str(s) for s in g.get("specialties") or [])
    return {
        "id": p.id,
        "title": p.title,
        "department": p.department,
        "division": p.division,
        "category": p.category,
        "category_raw": p.category_raw,
        "units": p.units,
        "numbers": list(p.numbers or []),
        "education_levels": sorted(set((edu.levels or []) + ([edu.level] if edu.level else []))),
        "education_fields": [f for f in fields if f],
        # per level accepted only on a condition: the conditions, any of which must hold
        "education_conditions": [
            {"level": lv, "any_of": _read_conditions(alt)}
            for alt in getattr(edu, "alternatives", None) or [] if getattr(alt, "conditional", True)
            for lv in alt.levels
        ],
        "experience_reference": sorted(set(_ref_numbers(refs))),
        "experience_alternatives": [(a.kind, a.min_years) for a in exp.alternatives or []],
        "lines": (p.lines.start, p.lines.end),
        "warnings": [w.model_dump() for w in p.warnings],
    }


def read_language_text(path: Path) -> Observed:
    """Run the readers' public entry points on one language text."""
    obs = Observed(metadata=None)
    try:
        from kzqual.acts import parse_file

        parsed = parse_file(path)
        obs.metadata = observe_act(parsed.act)
        obs.warnings.extend(dict(w) for w in parsed.warnings)
    except Exception as exc:  # a reader that cannot read the file: every check is 'missing'
        obs.errors.append(f"acts: {type(exc).__name__}: {exc}")
    try:
        from kzqual.positions import extract_file

        ex = extract_file(path)
        obs.posts = [observe_position(p) for p in ex.positions]
        obs.warnings.extend(w.model_dump() for w in ex.warnings)
        for p in obs.posts:
            obs.warnings.extend(p["warnings"])
    except Exception as exc:
        obs.errors.append(f"positions: {type(exc).__name__}: {exc}")
    return obs


# ---------------------------------------------------------------------------------------------
# Comparison

RIGHT, WRONG, MISSING = "right", "wrong", "missing"


@dataclass
class Check:
    folder: str
    set: str
    language: str
    scope: str  # "metadata" | "post"
    field: str
    outcome: str
    expected: Any = None
    got: Any = None
    post: str | None = None  # the expected post's label (its number, or its order)


def _empty(v) -> bool:
    return v is None or v == "" or v == [] or v == {}


def _outcome(ok: bool, got) -> str:
    if ok:
        return RIGHT
    return MISSING if _empty(got) else WRONG


def _meta_ok(name: str, exp: dict, got: Any) -> bool:
    value = exp.get("value")
    if name == "title":
        accepted = [value] + list(exp.get("accept") or [])
        return fold(got) in {fold(a) for a in accepted}
    if name == "issuer":
        if value is None:
            return _empty(got)
        words = exp.get("match") or [value]
        g = fold(got)
        return bool(g) and all(fold(w) in g for w in words)
    if name in ("number", "registration_number", "repealed_by_number"):
        return fold_number(value) == fold_number(got) if value is not None else _empty(got)
    if name == "amended_by_numbers":
        return sorted({fold_number(v) for v in value or []}) == sorted(got or [])
    if name == "entry_into_force":
        if value is None:
            return _empty(got)
        if not got or got.get("kind") != value:
            return False
        if exp.get("days") is not None and got.get("days") != exp["days"]:
            return False
        if exp.get("date") is not None and got.get("date") != exp["date"]:
            return False
        return True
    if value is None:
        return _empty(got)
    return fold(str(value)) == fold(str(got)) if got is not None else False


def compare_metadata(act: ExpectedAct, lang: ExpectedLanguage, obs: Observed) -> list[Check]:
    out = []
    for name in META_FIELDS:
        key = "entry_into_force_kind" if name == "entry_into_force" else name
        exp = lang.metadata.get(key)
        if exp is None:
            continue
        if obs.metadata is None:  # the text was not read at all: nothing is right, not even a null
            out.append(Check(act.folder, act.set, lang.language, "metadata", name, MISSING, exp.get("value"), None))
            continue
        got = obs.metadata.get(name)
        ok = _meta_ok(name, exp, got)
        outcome = _outcome(ok, got)
        if not ok and exp.get("value") in (None, []) and not _empty(got):
            outcome = WRONG  # a value where the act has none
        out.append(Check(act.folder, act.set, lang.language, "metadata", name, outcome, exp.get("value"), got))
    return out


def _numbers(values) -> set[str]:
    return {fold_number(v) for v in values or [] if fold_number(v)}


def _title_ok(exp_title: str, got: dict) -> bool:
    """The post's name as printed, against the reader's title (with its department/division).

    Kazakh puts the unit in the genitive before the post ('… департаментінің директоры'), so a
    reader that splits the unit off ('… департаменті' + 'директоры') is right when its title ends the
    printed name and every word of its unit begins (4 letters) a word of the printed name."""
    e = fold(exp_title)
    title = fold(got.get("title"))
    units = [fold(got.get(k)) for k in ("department", "division") if got.get(k)]
    candidates = {title, " ".join(units + [title]).strip()}
    if e in candidates:
        return True
    if title and e.endswith(title) and units:
        words = e.split()
        for unit in units:
            for w in unit.split():
                if not any(x.startswith(w[:4]) for x in words):
                    return False
        return True
    return False


def _fields_ok(exp: dict, got: list[str]) -> bool:
    """Every field the act names is read, and each field read is (part of) a field the act names:
    condition text ('… at least one year of civil service') read as a field is wrong."""
    leaves = [fold(x) for x in (exp.get("leaves") or exp.get("fields") or [])]
    got_f = [fold(x) for x in got]
    if not leaves:
        return not got_f
    joined = " | ".join(got_f)
    if not all(leaf in joined for leaf in leaves):
        return False
    named = [fold(x) for x in (exp.get("fields") or [])] + leaves
    return all(any(g in n for n in named) for g in got_f)


def _years(y) -> float | None:
    return float(y) if y is not None else None


def _condition_ok(e: dict, g: dict) -> bool:
    """One expected condition (``{level, any_of: [{kind, min_years}]}``, or ``{level, requires: "the
    speciality X …"}``) against one read (``{level, any_of: [(kind, min_years, scope)]}``)."""
    if e.get("level") != g.get("level"):
        return False
    got = g.get("any_of") or []
    if e.get("requires") is not None:
        # the condition is the speciality only: one condition of that kind, naming the speciality
        # the expected words name (compared folded), and no years
        return (len(got) == 1 and got[0][0] == "specialty" and got[0][1] is None and bool(got[0][2])
                and fold(got[0][2]) in fold(e["requires"]))
    want = Counter((a.get("kind"), _years(a.get("min_years"))) for a in e.get("any_of") or [])
    have = Counter((k, _years(y)) for k, y, _scope in got)
    return bool(want) and want == have


def _conditions_ok(exp: list, got: list) -> bool:
    """The same conditional levels with the same conditions; no condition read where the act
    states none, none missing where it states one, none read as ``not_read``."""
    if len(exp) != len(got):
        return False
    used: set[int] = set()
    for e in exp:
        hit = next((i for i, g in enumerate(got) if i not in used and _condition_ok(e, g)), None)
        if hit is None:
            return False
        used.add(hit)
    return True


def _alternatives_ok(exp: list, got: list) -> bool:
    want = Counter((a.get("kind"), float(a["min_years"]) if a.get("min_years") is not None else None) for a in exp)
    have = Counter((k, float(y) if y is not None else None) for k, y in got)
    return want == have


def _post_checks(act: ExpectedAct, lang: ExpectedLanguage, e: dict, got: dict | None, label: str) -> list[Check]:
    mk: Callable[..., Check] = lambda f, o, ex=None, g=None: Check(  # noqa: E731
        act.folder, act.set, lang.language, "post", f, o, ex, g, label)
    if got is None:
        return [mk("found", MISSING, label, None)] + [mk(f, MISSING) for f in POST_FIELDS[1:]]
    out = [mk("found", RIGHT, label, got.get("id"))]
    out.append(mk("title", _outcome(_title_ok(e["title"], got), got.get("title")), e["title"], got.get("title")))
    out.append(mk("category", _outcome(got.get("category") == e.get("category"), got.get("category")),
                  e.get("category"), got.get("category")))
    raw_ok = (got.get("category_raw") or "").strip() == (e.get("category_raw") or "")
    out.append(mk("category_raw", _outcome(raw_ok, got.get("category_raw")), e.get("category_raw"), got.get("category_raw")))
    out.append(mk("units", _outcome(got.get("units") == e.get("units"), got.get("units")), e.get("units"), got.get("units")))
    nums_ok = _numbers(got.get("numbers")) == _numbers(e.get("numbers"))
    nums_outcome = _outcome(nums_ok, got.get("numbers"))
    if not nums_ok and not e.get("numbers"):
        nums_outcome = WRONG
    out.append(mk("numbers", nums_outcome, e.get("numbers"), got.get("numbers")))
    edu = e.get("education") or {}
    lv_ok = sorted(set(edu.get("levels") or [])) == sorted(got.get("education_levels") or [])
    out.append(mk("education_levels", _outcome(lv_ok, got.get("education_levels")), edu.get("levels"),
                  got.get("education_levels")))
    f_ok = _fields_ok(edu, got.get("education_fields") or [])
    out.append(mk("education_fields", _outcome(f_ok, got.get("education_fields")), edu.get("fields"),
                  got.get("education_fields")))
    if "conditions" in edu:  # scored where the expected file writes them down ([] = none stated)
        want_c = edu.get("conditions") or []
        got_c = got.get("education_conditions") or []
        c_ok = _conditions_ok(want_c, got_c)
        c_outcome = RIGHT if c_ok else (MISSING if want_c and not got_c else WRONG)
        out.append(mk("education_conditions", c_outcome, want_c, got_c))
    expx = e.get("experience") or {}
    ref = (expx.get("reference") or {}).get("number")
    if ref is not None:
        ok = fold_number(ref) in (got.get("experience_reference") or [])
        out.append(mk("experience_reference", _outcome(ok, got.get("experience_reference")), ref,
                      got.get("experience_reference")))
    alts = expx.get("alternatives") or []
    a_ok = _alternatives_ok(alts, got.get("experience_alternatives") or [])
    a_outcome = RIGHT if a_ok else (MISSING if alts and not got.get("experience_alternatives") else WRONG)
    out.append(mk("experience_alternatives", a_outcome, alts, got.get("experience_alternatives")))
    return out


def match_posts(expected: list[dict], observed: list[dict]) -> list[dict | None]:
    """For each expected post, the read post it corresponds to (or None: lost).

    By staff numbers first (the largest overlap), then by title, then -- for posts without numbers
    -- by category and units in order.  A read post is used once."""
    used: set[int] = set()
    result: list[dict | None] = [None] * len(expected)
    for i, e in enumerate(expected):
        want = _numbers(e.get("numbers"))
        if not want:
            continue
        best, best_n = None, 0
        for j, p in enumerate(observed):
            if j in used:
                continue
            n = len(want & _numbers(p.get("numbers")))
            if n > best_n:
                best, best_n = j, n
        if best is not None:
            used.add(best)
            result[i] = observed[best]
    for i, e in enumerate(expected):
        if result[i] is not None or _numbers(e.get("numbers")):
            continue
        for j, p in enumerate(observed):
            if j not in used and _title_ok(e["title"], p):
                used.add(j)
                result[i] = p
                break
    for i, e in enumerate(expected):
        if result[i] is not None or _numbers(e.get("numbers")):
            continue
        for j, p in enumerate(observed):
            if j not in used and not _numbers(p.get("numbers")) and p.get("category") == e.get("category") \
                    and p.get("units") == e.get("units"):
                used.add(j)
                result[i] = p
                break
    return result


def _where_lines(where: str | None) -> tuple[str, int, int] | None:
    m = re.match(r"^([\w./-]+):(\d+)-(\d+)$", (where or "").strip())
    return (m.group(1), int(m.group(2)), int(m.group(3))) if m else None


def lost_warned(e: dict, lang: ExpectedLanguage, obs: Observed) -> bool:
    """Whether some warning points at a post the reader lost: its lines overlap the post's lines (a
    post of the main file), or it names one of the post's staff numbers or its heading."""
    loc = _where_lines(e.get("where"))
    nums = _numbers(e.get("numbers"))
    title = fold(e.get("title"))
    for w in obs.warnings:
        lines = w.get("lines") or {}
        if loc and loc[0] == lang.file and lines:
            if lines.get("start", 0) <= loc[2] and lines.get("end", 0) >= loc[1]:
                return True
        blob = fold(" ".join([str(w.get("message", ""))] + [str(v) for v in (w.get("params") or {}).values()]))
        if any(n and n in blob.replace(" ", "") for n in nums):
            return True
        if title and title in blob:
            return True
    return False


@dataclass
class LanguageResult:
    folder: str
    set: str
    language: str
    checks: list[Check]
    expected_posts: int | None
    read_posts: int
    lost: list[str]
    lost_unwarned: list[str]
    extra_posts: int
    errors: list[str]


def evaluate_language(act: ExpectedAct, lang: ExpectedLanguage, obs: Observed) -> LanguageResult:
    checks = compare_metadata(act, lang, obs)
    lost, unwarned = [], []
    extra = 0
    if lang.posts is not None:
        matched = match_posts(lang.posts, obs.posts)
        for e, got in zip(lang.posts, matched):
            label = str(e.get("n"))
            checks.extend(_post_checks(act, lang, e, got, label))
            if got is None:
                lost.append(label)
                if not lost_warned(e, lang, obs):
                    unwarned.append(label)
        ids = {id(g) for g in matched if g is not None}
        extra = sum(1 for p in obs.posts if id(p) not in ids)
    return LanguageResult(act.folder, act.set, lang.language, checks, lang.post_count, len(obs.posts), lost,
                          unwarned, extra, obs.errors)


def evaluate(corpus: Path = HERE, acts: list[ExpectedAct] | None = None,
             reader: Callable[[Path], Observed] = read_language_text) -> list[LanguageResult]:
    results = []
    for act in acts if acts is not None else load_all(corpus / "expected"):
        for lang in act.languages.values():
            obs = reader(corpus / act.folder / lang.file)
            results.append(evaluate_language(act, lang, obs))
    return results


# ---------------------------------------------------------------------------------------------
# Figures


def tally(checks: list[Check]) -> dict[str, int]:
    c = Counter(ch.outcome for ch in checks)
    return {"checks": len(checks), RIGHT: c[RIGHT], WRONG: c[WRONG], MISSING: c[MISSING]}


def by_field(results: list[LanguageResult], scope: str, set_name: str | None = None) -> dict[str, dict[str, int]]:
    groups: dict[str, list[Check]] = defaultdict(list)
    for r in results:
        if set_name and r.set != set_name:
            continue
        for ch in r.checks:
            if ch.scope == scope:
                groups[ch.field].append(ch)
    order = META_FIELDS if scope == "metadata" else POST_FIELDS
    return {f: tally(groups[f]) for f in order if f in groups}


def accuracy(t: dict[str, int]) -> float:
    return t[RIGHT] / t["checks"] if t["checks"] else 1.0
