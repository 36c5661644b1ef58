"""The specialty taxonomy: classifier groups and the specialties in them, in Kazakh and Russian.

Kept as data (``data/taxonomy/specialties.json``) with its source: :func:`derive` builds a first
taxonomy from the acts themselves, which list accepted specialties in parentheses after their group
("құқық (құқықтану, халықаралық құқық)"); every group and specialty cites the act and lines it was
read from.  An operator extends it with a file of the same format (:func:`load` + :meth:`merge`),
e.g. to add Russian names or classifier codes.

A specialty the taxonomy does not know resolves to None, which the engine turns into
``undetermined`` (never ``not_met``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kzqual import safe_json
from kzqual.errors import InputError
from kzqual.positions.model import Position
from kzqual.rules.fields import clean_group_name, paren_groups
from kzqual.rules.norm import ascii_slug, name_key

FORMAT = "kzqual-taxonomy/1"


def group_key(name: str) -> str:
    return "g-" + ascii_slug(name)


def specialty_key(name: str) -> str:
    return "s-" + ascii_slug(name)


@dataclass
class Entry:
    key: str
    names: dict[str, list[str]]  # lang -> names as written
    code: str | None = None
    sources: list[dict] = field(default_factory=list)  # {"act": act_key, "lines": [start, end]}

    def as_dict(self) -> dict:
        d = {"key": self.key, "names": {k: v for k, v in sorted(self.names.items()) if v}, "code": self.code,
             "sources": self.sources}
        return d


@dataclass
class Group(Entry):
    specialties: list[Entry] = field(default_factory=list)
    # Specialties an act lists under this group whose home (the classifier's group) is another:
    # accepted where that act lists them, but a person holding one is not in this group.
    lists_also: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        d = super().as_dict()
        d["specialties"] = [s.as_dict() for s in sorted(self.specialties, key=lambda s: s.key)]
        if self.lists_also:
            d["lists_also"] = sorted(self.lists_also)
        return d


@dataclass(frozen=True)
class Targets:
    keys: frozenset[str] | None  # accepted keys; None = no field named
    partial: frozenset[str]  # "?group" keys whose holder is undetermined (group named, specialty not)
    unknown: tuple[str, ...]  # names of the requirement the taxonomy does not know


@dataclass
class Taxonomy:
    groups: list[Group] = field(default_factory=list)
    source: str = ""
    # word -> the word it is a spelling variant of ("мен" -> "және"), applied after case folding
    folds: dict[str, str] = field(default_factory=dict)
    catalogue: dict[str, dict] = field(default_factory=dict)  # source id -> {"title", "note"}
    _index: dict | None = field(default=None, repr=False)

    # ---------------------------------------------------------------- lookup
    def fold(self, name: str) -> str:
        """The matching form of a name: case, ё/е, і/i, punctuation and the data's word variants folded."""
        return fold_name(name, self.folds)

    def _build(self) -> dict:
        groups: dict[str, set[str]] = {}
        specs: dict[str, set[str]] = {}
        codes: dict[str, set[str]] = {}
        member: dict[str, set[str]] = {}  # specialty key -> its group keys
        for g in self.groups:
            for names in g.names.values():
                for n in names:
                    groups.setdefault(self.fold(n), set()).add(g.key)
            if g.code:
                codes.setdefault(_code(g.code), set()).update((g.key, "?" + g.key))
            for s in g.specialties:
                member.setdefault(s.key, set()).add(g.key)
                for names in s.names.values():
                    for n in names:
                        specs.setdefault(self.fold(n), set()).add(s.key)
                if s.code:
                    codes.setdefault(_code(s.code), set()).add(s.key)
        entries: dict[str, Entry] = {}
        for g in self.groups:
            entries.setdefault(g.key, g)
            for s in g.specialties:
                entries.setdefault(s.key, s)
        return {"groups": groups, "specs": specs, "codes": codes, "member": member, "entries": entries}

    @property
    def index(self) -> dict:
        if self._index is None:
            self._index = self._build()
        return self._index

    def _with_groups(self, skeys: Iterable[str]) -> set[str]:
        out = set(skeys)
        for k in skeys:
            out |= self.index["member"].get(k, set())
        return out

    def resolve(self, name: str | None, code: str | None = None) -> frozenset[str] | None:
        """Taxonomy keys of a person's specialty named or coded; None if unknown.

        A specialty gives its key and its groups' keys.  A group's name ("право", "әскери іс және
        қауіпсіздік") gives the group key and ``?group``: some specialty of that group, not known
        which, so a post listing specific specialties of it stays undetermined.
        """
        idx = self.index
        if code:
            hit = idx["codes"].get(_code(code))
            if hit:
                return frozenset(self._with_groups(hit))
        if not name:
            return None
        key = self.fold(name)
        specs = idx["specs"].get(key, set())
        groups = idx["groups"].get(key, set())
        if not specs and not groups:
            return None
        out = self._with_groups(specs) | groups | {"?" + g for g in groups}
        return frozenset(out)

    def group_keys(self, name: str) -> set[str]:
        return set(self.index["groups"].get(self.fold(name), set()))

    def specialty_keys(self, name: str) -> set[str]:
        return set(self.index["specs"].get(self.fold(name), set()))

    def groups_of(self, skey: str) -> set[str]:
        return set(self.index["member"].get(skey, set()))

    def requirement_key(self, name: str, *, group: bool) -> str:
        """The key a requirement's group/specialty name stands for (known or not)."""
        hit = self.group_keys(name) if group else self.specialty_keys(name)
        if len(hit) == 1:
            return next(iter(hit))
        exact = group_key(name) if group else specialty_key(name)
        return exact if (exact in hit or not hit) else sorted(hit)[0]

    def targets(self, named: Iterable[tuple[str, list[str]]]) -> Targets:
        """What an education requirement accepts: ``named`` is ``[(group, [specialty, ...]), ...]``
        as the act writes it (an empty list: the whole group).

        A listed specialty is accepted by its key; a person who named only the group it is listed
        under (``?group``) stays undetermined.  A name the taxonomy does not know keeps a key of its
        own and is reported in ``unknown`` (the post's side is what is missing).
        """
        keys: set[str] = set()
        partial: set[str] = set()
        unknown: list[str] = []
        for gname, specs in named:
            gkeys = self.group_keys(gname) if gname else set()
            if not specs:
                bare = set() if gkeys else self.specialty_keys(gname)
                if gkeys:
                    keys |= gkeys
                elif bare:  # a specialty named on its own ("… немесе саясаттану немесе …")
                    keys |= bare
                    for k in bare:
                        partial |= {"?" + g for g in self.groups_of(k)}
                elif gname:
                    keys.add(group_key(gname))
                    unknown.append(gname)
                continue
            for sname in specs:
                skeys = self.specialty_keys(sname)
                if skeys:
                    keys |= skeys
                    for k in skeys:
                        partial |= {"?" + g for g in (gkeys or self.groups_of(k))}
                else:
                    keys.add(specialty_key(sname))
                    unknown.append(sname)
                    partial |= {"?" + g for g in gkeys}
        return Targets(frozenset(keys) if keys else None, frozenset(partial), tuple(dict.fromkeys(unknown)))

    def by_key(self, key: str) -> Entry | None:
        return self.index["entries"].get(key)

    def label(self, key: str, lang: str) -> str:
        """An entry's first name in ``lang`` (else in any language), for reasons and lists."""
        e = self.by_key(key.lstrip("?"))
        if e is None:
            return key
        for lg in (lang, "kk", "ru", "en"):
            if e.names.get(lg):
                return e.names[lg][0]
        return key

    # ---------------------------------------------------------------- edit
    def merge(self, other: Taxonomy) -> Taxonomy:
        """A new taxonomy: this one extended by ``other`` (names, codes, specialties, sources added).

        A group or specialty of ``other`` joins the entry with the same key or, failing that, with a
        name of the same matching form ("техникалық ғылымдар мен технология" joins "… және
        технологиялар"): spelling variants of one group are one key.
        """
        merged = Taxonomy.from_dict(self.as_dict())
        merged.folds = {**self.folds, **other.folds}
        merged.catalogue = {**self.catalogue, **other.catalogue}
        by_key = {g.key: g for g in merged.groups}
        by_name = {merged.fold(n): g for g in merged.groups for ns in g.names.values() for n in ns}
        spec_key: dict[str, Entry] = {}
        spec_name: dict[str, Entry] = {}
        for g0 in merged.groups:
            for s0 in g0.specialties:
                _note_specialty(merged, s0, spec_key, spec_name)
        for og in other.groups:
            g = by_key.get(og.key) or next((by_name[merged.fold(n)] for ns in og.names.values() for n in ns
                                            if merged.fold(n) in by_name), None)
            if g is None:
                g = Group(og.key, {}, og.code, [])
                merged.groups.append(g)
                by_key[og.key] = g
            _merge_entry(g, og)
            g.lists_also += [k for k in og.lists_also if k not in g.lists_also]
            for ns in g.names.values():
                for n in ns:
                    by_name.setdefault(merged.fold(n), g)
            # a specialty joins one of the same key or name anywhere (a specialty is one key even
            # where acts list it under two groups), and is listed under this group as well
            for os_ in og.specialties:
                s = spec_key.get(os_.key) or next(
                    (spec_name[f] for f in (merged.fold(n) for ns in os_.names.values() for n in ns) if f in spec_name),
                    None)
                if s is None:
                    s = Entry(os_.key, {}, os_.code, [])
                    g.specialties.append(s)
                elif all(x is not s for x in g.specialties) and s.key not in g.lists_also:
                    g.lists_also.append(s.key)
                _merge_entry(s, os_)
                _note_specialty(merged, s, spec_key, spec_name)
        merged.source = "; ".join(x for x in (self.source, other.source) if x)
        merged._index = None
        return merged

    # ---------------------------------------------------------------- list
    def search(self, query: str = "", lang: str = "kk") -> list[dict]:
        """Groups and specialties whose names (any language) or code contain ``query`` (folded),
        each with its name in ``lang``, its group and its sources."""
        q = self.fold(query) if query.strip() else ""
        out = []
        for g in sorted(self.groups, key=lambda g: self.label(g.key, lang)):
            for e, kind, parent in [(g, "group", None)] + [(s, "specialty", g) for s in g.specialties]:
                hay = [self.fold(n) for ns in e.names.values() for n in ns] + [(e.code or "").lower()]
                if q and not any(q in h for h in hay):
                    continue
                d = {"key": e.key, "kind": kind, "name": self.label(e.key, lang), "names": e.names,
                     "code": e.code, "sources": e.sources}
                if parent is not None:
                    d["group"] = parent.key
                    d["group_name"] = self.label(parent.key, lang)
                out.append(d)
        return out

    # ---------------------------------------------------------------- (de)serialise
    def as_dict(self) -> dict:
        d = {"format": FORMAT, "source": self.source}
        if self.catalogue:
            d["sources"] = self.catalogue
        if self.folds:
            d["folds"] = self.folds
        d["groups"] = [g.as_dict() for g in sorted(self.groups, key=lambda g: g.key)]
        return d

    def dumps(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_dict(cls, data: dict, *, source: str = "taxonomy") -> Taxonomy:
        if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
            raise InputError("a taxonomy is a JSON object with a 'groups' list", source=source)
        groups = []
        try:
            for g in data["groups"]:
                specs = [Entry(s.get("key") or specialty_key(_first(s["names"])), _names(s["names"]), s.get("code"),
                               list(s.get("sources", []))) for s in g.get("specialties", [])]
                groups.append(Group(g.get("key") or group_key(_first(g["names"])), _names(g["names"]), g.get("code"),
                                    list(g.get("sources", [])), specs, [str(k) for k in g.get("lists_also", [])]))
            folds = {str(k): str(v) for k, v in (data.get("folds") or {}).items() if not str(k).startswith("_")}
            catalogue = dict(data.get("sources") or {})
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise InputError(f"invalid taxonomy entry: {exc!r}", source=source) from None
        return cls(groups=groups, source=str(data.get("source", "")), folds=folds, catalogue=catalogue)


_CODE_LATIN = str.maketrans({"В": "B", "М": "M", "Д": "D", "Р": "R"})


def _code(code: str) -> str:
    """A classifier code's matching form: "5в030100" and "5B030100" (Latin B) are one code."""
    return code.strip().upper().translate(_CODE_LATIN)


def fold_name(name: str, folds: dict[str, str]) -> str:
    key = name_key(name)
    if not folds:
        return key
    return " ".join(folds.get(w, w) for w in key.split())


def _note_specialty(tax: Taxonomy, s: Entry, by_key: dict, by_name: dict) -> None:
    by_key.setdefault(s.key, s)
    for ns in s.names.values():
        for n in ns:
            by_name.setdefault(tax.fold(n), s)


def _first(names: dict) -> str:
    for v in names.values():
        if v:
            return v[0]
    raise ValueError("an entry needs at least one name")


def _names(names: dict) -> dict[str, list[str]]:
    if not isinstance(names, dict):
        raise TypeError("names must be an object {lang: [name, ...]}")
    return {str(k): [str(x) for x in v] for k, v in names.items()}


def _merge_entry(into: Entry, other: Entry) -> None:
    for lang, names in other.names.items():
        have = into.names.setdefault(lang, [])
        for n in names:
            if n not in have:
                have.append(n)
    into.code = into.code or other.code
    for s in other.sources:
        if s not in into.sources:
            into.sources.append(s)


def derive(positions: Iterable[Position], lang_of: dict[str, str] | None = None) -> Taxonomy:
    """A taxonomy from the "group (specialty, …)" lists in the posts' education requirements.

    Each group and specialty cites the first post (act, lines) it was read from in each act.
    ``lang_of`` maps act keys to their language (default: Kazakh).
    """
    groups: dict[str, Group] = {}
    for pos in positions:
        edu = pos.education
        pairs: list[tuple[str, list[str]]] = []
        if edu.field_groups:
            for fg in edu.field_groups:
                specs = [s for s in (fg.get("specialties") or []) if isinstance(s, str)]
                if isinstance(fg.get("group"), str) and specs:
                    pairs.append((fg["group"], specs))
        if not pairs and edu.text and not (edu.levels or edu.level):
            pairs = paren_groups(edu.text)  # text-only post (no structured requirements): read it here
        if not pairs:
            continue
        lang = (lang_of or {}).get(pos.act_key, "kk")
        lines = edu.lines or pos.lines
        src = {"act": pos.act_key, "lines": [lines.start, lines.end]}
        for gname, specs in pairs:
            gname = clean_group_name(gname)
            if not gname:
                continue
            gk = group_key(gname)
            g = groups.setdefault(gk, Group(gk, {}, None, []))
            _add(g, lang, gname, src)
            skeys = {s.key: s for s in g.specialties}
            for sname in specs:
                sname = " ".join(sname.split())
                sk = specialty_key(sname)
                s = skeys.get(sk)
                if s is None:
                    s = Entry(sk, {}, None, [])
                    g.specialties.append(s)
                    skeys[sk] = s
                _add(s, lang, sname, src)
    return Taxonomy(groups=list(groups.values()),
                    source="derived by kzqual.rules.taxonomy.derive from the specialty lists of the acts' "
                           "education requirements")


def _add(entry: Entry, lang: str, name: str, src: dict) -> None:
    have = entry.names.setdefault(lang, [])
    # One spelling per name key: the first one met (acts vary in case and spacing).
    if all(name_key(h) != name_key(name) for h in have):
        have.append(name.lower() if name[:1].isupper() and name[1:2].islower() else name)
    if all(s["act"] != src["act"] for s in entry.sources):
        entry.sources.append(src)


def load(path: str | Path) -> Taxonomy:
    p = Path(path)
    data = safe_json.load_file(p)
    return Taxonomy.from_dict(data, source=str(p))


def bundled_path() -> Path:
    """The taxonomy derived from the bundled acts (regenerated by ``python -m kzqual.rules.taxonomy``)."""
    return Path(str(resources.files("kzqual") / "data" / "taxonomy" / "specialties.json"))


def classifier_path() -> Path:
    """The curated classifier groups and specialties in kk/ru/en, each citing its source."""
    return Path(str(resources.files("kzqual") / "data" / "taxonomy" / "classifier.json"))


_BUNDLED: list[Taxonomy] = []


def bundled() -> Taxonomy:
    """The classifier taxonomy extended by the one derived from the bundled acts (loaded once).

    The acts' own spellings of a group join the classifier's group (one key), and their specialty
    lists add the specialties they accept, citing the act and lines.
    """
    if not _BUNDLED:
        base = load(classifier_path()) if classifier_path().exists() else Taxonomy()
        derived = load(bundled_path()) if bundled_path().exists() else Taxonomy()
        _BUNDLED.append(base.merge(derived))
    return _BUNDLED[0]


def derive_from_acts(paths: Iterable[str | Path]) -> Taxonomy:
    """:func:`derive` over the posts of act files (the bundled data file is this over the bundled acts)."""
    from kzqual.positions import extract_file

    positions: list[Position] = []
    lang_of: dict[str, str] = {}
    for p in paths:
        ex = extract_file(p)
        positions.extend(ex.positions)
        if ex.act is not None:
            for pos in ex.positions:
                lang_of[pos.act_key] = ex.act.language
    return derive(positions, lang_of)


def main(argv: list[str] | None = None) -> None:
    """``python -m kzqual.rules.taxonomy [OUT]``: regenerate the bundled taxonomy from the bundled acts."""
    import sys

    from kzqual.bundled import act_paths

    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else bundled_path()
    out.write_text(derive_from_acts(act_paths()).dumps(), encoding="utf-8")
    print(out)


if __name__ == "__main__":  # pragma: no cover
    main()
