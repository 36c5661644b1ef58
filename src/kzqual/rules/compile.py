"""Compile a post's extracted requirements into a rule tree — from the structure, never per post.

* education: the accepted levels, and the accepted groups/specialties resolved through the taxonomy;
* experience: the alternatives ("one of the following") as any-of, each an all-of of its years, its
  sub-conditions and qualifiers; a requirement by reference is resolved through the loaded acts
  (:class:`References`) or left ``undetermined`` with the citation;
* a characteristics act's grade ladder: any-of over the rungs, each all-of (education, years in
  the lower grade).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from kzqual.acts.model import ActRef, Span
from kzqual.positions.model import Education as EduReq
from kzqual.positions.model import (
    EducationAlternative,
    EducationCondition,
    Experience,
    ExperienceAlternative,
    Grade,
    Position,
)
from kzqual.rules import grades as G
from kzqual.rules import phrases as PH
from kzqual.rules import tree as T
from kzqual.rules.fields import clean_group_name
from kzqual.rules.norm import name_key
from kzqual.rules.profile import LEVEL_RANK
from kzqual.rules.taxonomy import Taxonomy

_POSTGRAD_WORDS = re.compile(r"послевуз|жоғары оқу орнынан кейінгі|жоғары оқу орындарынан кейінгі", re.I)
_POSTSEC_WORDS = re.compile(r"послесредн|орта білімнен кейінгі", re.I)
_NO_EXPERIENCE = re.compile(r"без предъявления требований к стажу|талап қойылмай|өтіліне талап", re.I)

_STATE_BODY = re.compile(r"мемлекеттік орган|государственн\w* орган", re.I)
_STATE_SERVICE = re.compile(r"мемлекеттік қызмет|государственн\w* служб", re.I)


def refine_kind(kind: str, text: str) -> str:
    """The metric the words support, where the extracted kind is broader or narrower than the text.

    "мемлекеттік органдарда басшылық немесе өзге лауазымдарда жұмыс өтілі" is work in state bodies
    (any post there), not necessarily state service; "оның ішінде басшылық лауазымдарда" names
    leadership posts without limiting them to state bodies.  Reading the narrower metric would
    turn a person the text admits into ``not_met``.
    """
    if kind == "state_service" and _STATE_BODY.search(text) and not _STATE_SERVICE.search(text):
        return "state_body"
    if kind == "leadership_state" and not _STATE_BODY.search(text):
        return "leadership"
    if kind == "any_work" and _QUALIFIED_WORK.search(text):
        return "field_of_post"  # "стаж библиотечной работы", "по специальности": not any work
    return kind


_RUNG_FIELD = re.compile(r"соответствующ\w* специальност|тиісті мамандық|\((?!или\b|немесе\b)[^()]+\)\s*образовани", re.I)
_SPECIAL_TRAINING = re.compile(r"специальн\w* подготовк|арнайы даярлық", re.I)
_QUALIFIED_WORK = re.compile(
    r"стаж\w*\s+(?!работы)\w+(?:ой|ей|ого)\s+работы|по специальности|в данной области|саласында|мамандығы бойынша",
    re.I,
)

_IN_POST = re.compile(r"в\s+должности\s+([^\W\d_]+)|([^\W\d_]+)\s+лауазым(?:ында|дарында)", re.I)


def grade_post(text: str) -> str | None:
    """The stem of the post years in a grade must be served in: "стаж работы в должности
    инспектора первой категории" -> "инспектор" (MoD order 134, p.12); None if the words name none."""
    m = _IN_POST.search(text)
    if m is None:
        return None
    word = m.group(1) or m.group(2)
    return G.post_stem(word) if word.lower() not in ("басшылық", "өзге", "осы") else None


_POSTGRAD_RANK = LEVEL_RANK["postgraduate"]


def qualifier_logic(kind: str, levels: list[str] | None) -> T.Qualifier:
    """A qualifier leaf's logic.  A study qualifier binds the programme levels its item names
    (MES order 161, line 6563: "жоғары оқу орындарынан кейінгі оқу бағдарламалары бойынша …
    немесе шетелдің …": a bachelor's abroad does not meet it; line 271: "жоғары және жоғары оқу
    орындарынан кейінгі": the Academy on a bachelor's entry does).  Where no level is named, the
    Academy counts on a postgraduate entry and is undetermined on a higher one; study abroad
    counts at any level."""
    if kind not in ("foreign_priority_programme", "academy_postgraduate_state_order"):
        return T.Qualifier(kind)
    if levels:
        return T.Qualifier(kind, frozenset(LEVEL_RANK[lv] for lv in levels))
    if kind == "academy_postgraduate_state_order":
        return T.Qualifier(kind, frozenset({_POSTGRAD_RANK}), frozenset({LEVEL_RANK["higher"]}))
    return T.Qualifier(kind)


SIMPLE_KINDS = {
    "state_body": "state_body",
    "leadership": "leadership",
    "state_service": "state_service",
    "leadership_state": "leadership_state",
    "any_work": "work",
}


def _lines(span: Span | None) -> tuple[int, int] | None:
    return (span.start, span.end) if span else None


def citation(ref: ActRef) -> str:
    """How a referenced act is cited in a verdict: as the text names it, plus its parsed parts."""
    parts = []
    if ref.number:
        parts.append(f"№ {ref.number}")
    if ref.date:
        parts.append(ref.date)
    if ref.registration_number:
        parts.append(f"reg. № {ref.registration_number}")
    head = ", ".join(parts)
    words = " ".join(ref.text.split())
    return f"{head}: «{words}»" if head and words else head or words


class References:
    """The loaded acts' posts, by act key and category, for requirements stated by reference."""

    def __init__(self, positions: Iterable[Position] = ()) -> None:
        self.by_act: dict[str, dict[str | None, Position]] = {}
        for p in positions:
            self.by_act.setdefault(p.act_key, {}).setdefault(p.category, p)

    def act_for(self, ref: ActRef) -> dict[str | None, Position] | None:
        # An act looked up before and found not loaded is cached as {}: still "not loaded".
        if ref.registration_number:
            return self.by_act.get(f"reg-{ref.registration_number}") or None
        return None


class Compiler:
    def __init__(self, taxonomy: Taxonomy, references: References | None = None) -> None:
        self.taxonomy = taxonomy
        self.references = references or References()
        self._memo: dict[tuple, tuple[T.Tree, ...]] = {}

    # ------------------------------------------------------------ education
    def _targets(self, edu: EduReq):
        """The taxonomy's reading of the groups/specialties the requirement names."""
        named: list[tuple[str, list[str]]] = []
        if edu.field_groups:
            for fg in edu.field_groups:
                specs = [x for x in (fg.get("specialties") or []) if isinstance(x, str) and x.strip()]
                group = clean_group_name(str(fg.get("group") or ""))
                if specs or group:
                    named.append((group, specs))
        else:
            named = [(clean_group_name(n), []) for n in edu.fields if clean_group_name(n)]
        return self.taxonomy.targets(named)

    def _edu_leaf(self, edu: EduReq, levels: list[str], text: str, lines, act_key: str,
                  relevant_words: bool = False) -> T.Leaf:
        if not levels:
            return T.Leaf(T.Fixed(T.UNDETERMINED, "rules.open.education"), "education", text, act_key, lines)
        tg = self._targets(edu)
        # "по соответствующей специальности": a field is required but not named
        relevant = tg.keys is None and (relevant_words or bool(getattr(edu, "matching_post_field", False)))
        logic = T.Education(frozenset(LEVEL_RANK[lv] for lv in levels), tg.keys, relevant, bool(tg.unknown),
                            tg.partial, tg.unknown)
        return T.Leaf(logic, "education", text, act_key, lines)

    def education(self, pos: Position) -> T.Tree | None:
        edu = pos.education
        levels = list(dict.fromkeys(edu.levels or ([edu.level] if edu.level else [])))
        if not levels and not edu.text.strip():
            return None
        alternatives = getattr(edu, "alternatives", None) or []
        conditional = {lv for alt in alternatives for lv in alt.levels}
        if conditional:
            levels = [lv for lv in levels if lv not in conditional]  # those count only with their condition
        main = self._edu_leaf(edu, levels, edu.text, _lines(edu.lines), pos.act_key)
        if not alternatives:
            return main
        # "…; Допускается послесреднее образование …, при наличии не менее одного года стажа …":
        # the lower level counts only together with any one of its conditions (issue 11,
        # adilet-2014-78721): a condition met -> the alternative met; facts missing -> undetermined;
        # a condition the reader could not read stays undetermined (never met)
        kids: list[T.Tree] = [main]
        for i, alt in enumerate(alternatives, start=2):
            lines = _lines(alt.lines or edu.lines)
            req = EduReq(text=alt.text, level=alt.level, levels=alt.levels, fields=alt.fields, lines=edu.lines)
            leaf = self._edu_leaf(req, list(alt.levels), alt.text, lines, pos.act_key)
            conds = [self._condition(j, c, alt, pos, lines) for j, c in enumerate(alt.conditions, start=1)]
            if not conds:
                conds = [T.Leaf(T.Fixed(T.UNDETERMINED, "rules.open.condition"), "condition",
                                alt.condition_text or alt.text, pos.act_key, lines)]
            cond: T.Tree = conds[0] if len(conds) == 1 else T.Node("any", tuple(conds), "condition", lines)
            kids.append(T.Node("all", (leaf, cond), f"alternative {i}", lines))
        return T.Node("any", tuple(kids), "education", _lines(edu.lines))

    def _condition(self, n: int, c: EducationCondition, alt: EducationAlternative, pos: Position,
                   lines) -> T.Tree:
        """One condition of a conditional education, as a rule: years of experience, or the
        speciality the lower level must be in."""
        where = _lines(c.lines) or lines
        if c.kind == "not_read" or (c.kind != "specialty" and c.min_years is None):
            return T.Leaf(T.Fixed(T.UNDETERMINED, "rules.open.condition"), "condition", c.text, pos.act_key, where)
        if c.kind == "specialty":
            # "Құқықтану мамандығы болған жағдайда ортадан кейінгі білімі барларға рұқсат етіледі"
            req = EduReq(text=c.text, levels=alt.levels, fields=[c.scope] if c.scope else [])
            return self._edu_leaf(req, list(alt.levels), c.text, where, pos.act_key)
        exp = ExperienceAlternative(kind=c.kind, min_years=c.min_years, field=c.scope, text=c.text, lines=c.lines)
        return self._alternative(n, exp, pos, pos.act_key)

    # ------------------------------------------------------------ experience
    def _years_leaf(self, kind: str, min_years: float | None, grade: str | None, field: str | None,
                    pos: Position, text: str, lines, act_key: str, criterion: str = "experience") -> T.Leaf:
        open_ = T.Leaf(T.Fixed(T.UNDETERMINED, "rules.open.experience"), criterion, text, act_key, lines)
        if min_years is None:
            return open_
        kind = refine_kind(kind, text)
        if kind in SIMPLE_KINDS:
            return T.Leaf(T.Years(SIMPLE_KINDS[kind], float(min_years)), criterion, text, act_key, lines)
        if kind == "field_of_post":
            key = name_key(field or pos.department or pos.title)
            return T.Leaf(T.Years("field", float(min_years), key), criterion, text, act_key, lines)
        if kind in ("lower_grade", "lower_category"):
            g = G.canonical_grade(grade) if grade else None
            if g is None:
                return open_
            return T.Leaf(T.Years("grade", float(min_years), g, post=grade_post(text)), "grade", text, act_key,
                          lines)
        return open_

    def _alternative(self, i: int, alt: ExperienceAlternative, pos: Position, act_key: str) -> T.Node:
        lines = _lines(alt.lines)
        kids: list[T.Tree] = []
        if alt.min_years is not None or not alt.qualifiers:
            kids.append(self._years_leaf(alt.kind, alt.min_years, alt.grade, alt.field, pos, alt.text, lines, act_key))
        main = kids[0].logic if kids and isinstance(kids[0].logic, T.Years) else None
        for c in alt.conditions:
            leaf = self._years_leaf(c.kind, c.min_years, c.grade, None, pos, c.text, lines, act_key)
            if main is not None and isinstance(leaf.logic, T.Years) and main.metric != "grade" \
                    and leaf.logic.metric != "grade":
                # "… өтілі бес жылдан кем емес, оның ішінде …": the sub-condition's years are part of
                # the main years, not years anywhere (MES order 161, l.107-108)
                leaf = dataclasses.replace(leaf, logic=dataclasses.replace(leaf.logic,
                                                                           within=(main.metric, main.key)))
            kids.append(leaf)
        for q in alt.qualifiers:
            if q.kind == "other":
                kids.append(T.Leaf(T.Fixed(T.UNDETERMINED, "rules.open.qualifier"), "qualifier", q.text, act_key, lines))
            else:
                kids.append(T.Leaf(qualifier_logic(q.kind, q.levels), "qualifier", q.text or alt.text, act_key,
                                   lines))
        return T.Node("all", tuple(kids), f"alternative {i}", lines)

    def experience(self, pos: Position, exp: Experience | None = None, act_key: str | None = None,
                   _depth: int = 0) -> T.Tree | None:
        exp = exp or pos.experience
        act_key = act_key or pos.act_key
        lines = _lines(exp.lines)
        if not exp.required:
            return T.Leaf(T.Fixed(T.MET, "rules.exp.none_required"), "experience", exp.text, act_key, lines)
        if exp.alternatives:
            alts = tuple(self._alternative(i + 1, a, pos, act_key) for i, a in enumerate(exp.alternatives))
            return T.Node("any", alts, "experience", lines)
        if exp.reference is not None:
            return self._reference(pos, exp.reference, exp, _depth)
        if exp.text.strip():
            return T.Leaf(T.Fixed(T.UNDETERMINED, "rules.open.experience"), "experience", exp.text, act_key, lines)
        return None

    def _reference(self, pos: Position, ref: ActRef, exp: Experience, depth: int) -> T.Tree:
        cite = citation(ref)
        lines = _lines(ref.lines or exp.lines)
        act = self.references.act_for(ref)
        if act is None:
            return T.Leaf(T.Fixed(T.UNDETERMINED, "rules.ref.not_loaded"), "reference", exp.text, pos.act_key,
                          lines, (("citation", cite),))
        target = act.get(pos.category)
        if target is None or depth > 2:
            return T.Leaf(T.Fixed(T.UNDETERMINED, "rules.ref.no_category"), "reference", exp.text, pos.act_key,
                          lines, (("citation", cite), ("category", pos.category_raw or pos.category or "?")))
        sub = self.experience(pos, target.experience, target.act_key, depth + 1)
        if sub is None:
            return T.Leaf(T.Fixed(T.UNDETERMINED, "rules.ref.no_category"), "reference", exp.text, pos.act_key,
                          lines, (("citation", cite), ("category", pos.category_raw or pos.category or "?")))
        return T.Node("all", (sub,), f"by reference: {target.act_key} {target.id}", lines, (("citation", cite),))

    # ------------------------------------------------------------ grade ladder
    def _rung(self, pos: Position, g: Grade) -> T.Node:
        lines = _lines(g.lines)
        levels: list[str] = []
        if g.education_level:
            levels.append(g.education_level)
            if g.education_level == "higher" and _POSTGRAD_WORDS.search(g.education or g.text):
                levels.append("postgraduate")
            if g.education_level == "technical_vocational" and _POSTSEC_WORDS.search(g.education or g.text):
                levels.append("post_secondary")
        words = g.education or g.text
        # A rung naming its own specialty ("(библиотечное) образование", "по соответствующей
        # специальности") asks for a field the profile's level alone cannot show.
        kids: list[T.Tree] = [self._edu_leaf(pos.education, levels, words, lines, pos.act_key,
                                             bool(_RUNG_FIELD.search(words)))]
        if _SPECIAL_TRAINING.search(g.text):
            # a requirement of its own, not part of the education level: the profile must state it
            kids.append(T.Leaf(T.Stated("special_training"), "qualifier", g.text, pos.act_key, lines))
        if g.min_years:
            if g.in_grade:
                kids.append(self._years_leaf("lower_grade", g.min_years, g.in_grade, None, pos, g.text, lines,
                                             pos.act_key))
            elif g.experience_kind and g.experience_kind not in ("lower_grade", "lower_category", "other"):
                kids.append(self._years_leaf(g.experience_kind, g.min_years, None, None, pos, g.text, lines,
                                             pos.act_key))
            else:  # "стаж работы в должности инспектора": that post, any rung of the ladder
                kids.append(T.Leaf(T.Years("grade", float(g.min_years), "any_ladder", post=grade_post(g.text)),
                                   "grade", g.text, pos.act_key, lines))
        elif g.min_years is None and not _NO_EXPERIENCE.search(g.text):
            kids.append(T.Leaf(T.Fixed(T.UNDETERMINED, "rules.open.experience"), "grade", g.text, pos.act_key, lines))
        return T.Node("all", tuple(kids), f"rung {g.level}/{g.grade}", lines, (("rung", f"{g.level}/{g.grade}"),))

    # ------------------------------------------------------------ post
    def compile(self, pos: Position) -> T.Node:
        # Posts repeated across versions/acts share requirements word for word: compile them once.
        key = (pos.act_key, pos.category, pos.category_raw, pos.department, pos.title,
               pos.education.model_dump_json(), pos.experience.model_dump_json(),
               tuple(g.model_dump_json() for g in pos.grades), _missing_rows(pos))
        kids = self._memo.get(key)
        if kids is None:
            kids = self._memo[key] = self._children(pos)
        return T.Node("all", kids, pos.id, _lines(pos.lines))

    def _children(self, pos: Position) -> tuple[T.Tree, ...]:
        kids: list[T.Tree] = []
        if pos.grades:
            kids.append(T.Node("any", tuple(self._rung(pos, g) for g in pos.grades), "grades"))
        else:
            missing = _missing_rows(pos)
            for name, build in (("education", self.education), ("experience", self.experience)):
                if name in missing:
                    # The positions layer found no such row in the act's table: the act's requirement
                    # is unknown here, never "nothing required" (a silent ``met``).
                    kids.append(T.Leaf(T.Fixed(T.UNDETERMINED, "rules.open.missing_row"), name, "", pos.act_key,
                                       _lines(pos.lines), (("criterion", ("label", name)),)))
                    continue
                part = build(pos)
                if part is not None:
                    kids.append(part)
        kids += self._stated(pos)
        kids += self._extra_references(pos)
        if not kids:
            kids.append(T.Leaf(T.Fixed(T.UNDETERMINED, "rules.open.none"), "education", "", pos.act_key,
                               _lines(pos.lines)))
        return self._unchecked(pos, kids)

    # ------------------------------------------------------------ nothing dropped
    def _stated(self, pos: Position) -> list[T.Tree]:
        """Post-level requirements only the person can state ("Компьютерде жұмыс істей білу")."""
        out: list[T.Tree] = []
        for part in (pos.experience, pos.education):
            m = PH.BY_KEY["computer_skills"].pattern.search(part.text)
            if m:
                out.append(T.Leaf(T.Stated("computer_skills"), "qualifier", _sentence(part.text, m.start()),
                                  pos.act_key, _lines(part.lines)))
                break
        return out

    def _extra_references(self, pos: Position) -> list[T.Tree]:
        """The other acts the requirements refer to ("... және № 5493 болып тіркелген ...
        талаптарына сәйкес"): ``experience()`` follows ``reference`` (the first of
        ``references``); the others must not vanish."""
        exp = pos.experience
        first = exp.reference
        return [self._reference(pos, ref, exp, 0) for ref in exp.references
                if ref != first and not (first is not None and ref.registration_number
                                         and ref.registration_number == first.registration_number)]

    def _unchecked(self, pos: Position, kids: list[T.Tree]) -> tuple[T.Tree, ...]:
        """Recognised requirement words the tree does not handle (an extraction miss) -> an
        undetermined leaf naming them: as one more alternative where the post lists alternatives
        (so a person is never turned away by it), else as one more condition (never met by silence)."""
        texts = [("experience", pos.experience.text, pos.experience.lines),
                 ("education", pos.education.text, pos.education.lines)]
        texts += [("grade", g.text, g.lines) for g in pos.grades]
        have = set()
        for k in kids:
            have |= PH.covered(k)
        missing: dict[str, tuple[str, Span | None]] = {}
        for part, text, span in texts:
            for key in sorted(PH.find(text, part)):
                if PH.BY_KEY[key].disposition != "not_criterion" and key not in have and key not in missing:
                    m = PH.BY_KEY[key].pattern.search(text)
                    missing[key] = (_sentence(text, m.start()), span)
        out = list(kids)
        for key, (words, span) in missing.items():
            leaf = T.Leaf(T.Fixed(T.UNDETERMINED, "rules.open.phrase"), "qualifier", words, pos.act_key,
                          _lines(span), (("phrase", key),))
            i = next((j for j, k in enumerate(out) if isinstance(k, T.Node) and k.label == "experience"), None)
            if PH.BY_KEY[key].alternative and i is not None:
                node = out[i]
                out[i] = T.Node(node.op, node.children + (leaf,), node.label, node.lines, node.meta)
            else:
                out.append(leaf)
        return tuple(out)


def _missing_rows(pos: Position) -> frozenset[str]:
    """The criteria (education, experience) whose row the positions layer reports missing
    (warning ``missing_row``) and for which no text was read either."""
    texts = {"education": pos.education.text, "experience": pos.experience.text}
    out = set()
    for w in pos.warnings:
        crit = (w.params or {}).get("criterion") if w.code == "missing_row" else None
        if crit in texts and not texts[crit].strip():
            out.add(crit)
    return frozenset(out)


def _sentence(text: str, at: int) -> str:
    """The clause of ``text`` around offset ``at`` (what a reason quotes)."""
    start = max(text.rfind(".", 0, at), text.rfind(";", 0, at)) + 1
    ends = [i for i in (text.find(".", at), text.find(";", at)) if i != -1]
    end = min(ends) + 1 if ends else len(text)
    return " ".join(text[start:end].split())
