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

    def as_dict(self) -> dict:
        d = super().as_dict()
        d["specialties"] = [s.as_dict() for s in sorted(self.specialties, key=lambda s: s.key)]
        return d


@dataclass
class Taxonomy:
    groups: list[Group] = field(default_factory=list)
    source: str = ""
    _index: dict[str, frozenset[str]] | None = field(default=None, repr=False)

    # ---------------------------------------------------------------- lookup
    def _build(self) -> dict[str, frozenset[str]]:
        index: dict[str, set[str]] = {}
        for g in self.groups:
            for names in g.names.values():
                for n in names:
                    index.setdefault(name_key(n), set()).add(g.key)
            if g.code:
                index.setdefault("code:" + g.code.upper(), set()).add(g.key)
            for s in g.specialties:
                for names in s.names.values():
                    for n in names:
                        index.setdefault(name_key(n), set()).update((s.key, g.key))
                if s.code:
                    index.setdefault("code:" + s.code.upper(), set()).update((s.key, g.key))
        return {k: frozenset(v) for k, v in index.items()}

    def resolve(self, name: str | None, code: str | None = None) -> frozenset[str] | None:
        """Taxonomy keys (specialty and its groups) of a specialty named or coded; None if unknown."""
        if self._index is None:
            self._index = self._build()
        if code:
            hit = self._index.get("code:" + code.strip().upper())
            if hit:
                return hit
        if name:
            return self._index.get(name_key(name))
        return None

    def requirement_key(self, name: str, *, group: bool) -> str:
        """The key a requirement's group/specialty name stands for (known or not)."""
        hit = self.resolve(name)
        if hit:
            want = "g-" if group else "s-"
            keys = sorted(k for k in hit if k.startswith(want))
            if len(keys) == 1:
                return keys[0]
            exact = group_key(name) if group else specialty_key(name)
            if exact in hit:
                return exact
        return group_key(name) if group else specialty_key(name)

    # ---------------------------------------------------------------- edit
    def merge(self, other: Taxonomy) -> Taxonomy:
        """A new taxonomy: this one extended by ``other`` (names, codes, specialties, sources added)."""
        merged = Taxonomy.from_dict(self.as_dict())
        by_key = {g.key: g for g in merged.groups}
        for og in other.groups:
            g = by_key.get(og.key)
            if g is None:
                g = Group(og.key, {}, og.code, [])
                merged.groups.append(g)
                by_key[og.key] = g
            _merge_entry(g, og)
            skeys = {s.key: s for s in g.specialties}
            for os_ in og.specialties:
                s = skeys.get(os_.key)
                if s is None:
                    s = Entry(os_.key, {}, os_.code, [])
                    g.specialties.append(s)
                    skeys[s.key] = s
                _merge_entry(s, os_)
        merged.source = "; ".join(x for x in (self.source, other.source) if x)
        return merged

    # ---------------------------------------------------------------- (de)serialise
    def as_dict(self) -> dict:
        return {"format": FORMAT, "source": self.source,
                "groups": [g.as_dict() for g in sorted(self.groups, key=lambda g: g.key)]}

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
                                    list(g.get("sources", [])), specs))
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise InputError(f"invalid taxonomy entry: {exc!r}", source=source) from None
        return cls(groups=groups, source=str(data.get("source", "")))


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
    return Path(str(resources.files("kzqual") / "data" / "taxonomy" / "specialties.json"))


def bundled() -> Taxonomy:
    """The committed taxonomy derived from the bundled acts (empty if not generated yet)."""
    p = bundled_path()
    if not p.exists():
        return Taxonomy()
    return load(p)


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
