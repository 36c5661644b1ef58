"""Pure conversions from the act and position models to registry rows (no database access)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from kzqual.store.stem import index_text

if TYPE_CHECKING:  # rows are built from models the caller has; the writer needs no models
    from kzqual.acts.model import Act, StructureNode
    from kzqual.positions.model import Position


def _span(lines) -> tuple[int | None, int | None]:
    return (lines.start, lines.end) if lines is not None else (None, None)


def effective_from(act: Act) -> str | None:
    """When the act takes effect: the computed entry-into-force date, else a lower bound.

    A registered act has no force before its state registration (and is published only after
    it), so nothing here is ever before the registration date.  "N (calendar or working) days after
    its first official publication": the publication is not dated in the text, but it cannot come
    before the registration (else the act itself), and N working days are at least N calendar
    days -- so the act is not in force before that date + N days, and an as-of query before that
    says "not yet in force" rather than guessing it was (order 9 of 2014-02-21, registered
    2014-03-13, ten days: 2014-03-23).  A fixed date or signing is likewise raised to the
    registration date.  Otherwise the act's own date (no act is in force before it is adopted)."""
    from datetime import date, timedelta

    eif = act.entry_into_force
    registered = act.registration.date if act.registration and act.registration.date else None
    floor = max(d for d in (act.date, registered) if d) if (act.date or registered) else None
    if eif is not None and eif.date:
        return max(eif.date, registered) if registered else eif.date
    if eif is not None and eif.kind == "after_publication" and eif.days and floor:
        try:
            return (date.fromisoformat(floor) + timedelta(days=eif.days)).isoformat()
        except ValueError:
            return floor
    return floor


def status_on_date(status: str, effective_from: str | None, repealed_on: str | None, day: str) -> str:
    """An act's status on ``day`` (ISO) from what its text says: ``not_yet_in_force`` before it
    takes effect, ``repealed`` from its repeal (a repeal with no readable date counts as repealed
    already: the cautious reading), else ``in_force``."""
    if effective_from and effective_from > day:
        return "not_yet_in_force"
    if status == "repealed" and (repealed_on is None or repealed_on <= day):
        return "repealed"
    return "in_force"


def act_row(act: Act, *, version: int, content_hash: str, line_count: int, ingested_at: str,
            warnings: list[dict]) -> dict:
    eif = act.entry_into_force
    return {
        "key": act.key,
        "version": version,
        "content_hash": content_hash,
        "is_current": True,
        "title": act.title,
        "language": act.language,
        "act_type": act.act_type,
        "act_type_raw": act.act_type_raw,
        "issuer": act.issuer,
        "issuer_body": act.issuer_body,
        "date": act.date,
        "number": act.number,
        "registration_number": act.registration.number,
        "registration_date": act.registration.date,
        "status": act.status,
        "repealed_on": act.repealed_by.date if (act.status == "repealed" and act.repealed_by) else None,
        "effective_from": effective_from(act),
        "entry_rule": eif.rule if eif else None,
        "entry_kind": eif.kind if eif else None,
        "entry_days": eif.days if eif else None,
        "entry_day_kind": eif.day_kind if eif else None,
        "entry_date": eif.date if eif else None,
        "source": act.source,
        "line_count": line_count,
        "ingested_at": ingested_at,
        "data": act.model_dump(mode="json"),
        "warnings": warnings,
    }


def event_rows(act: Act, act_id: int) -> list[dict]:
    """The act's status history as the text states it: entry into force, amendments, repeal."""
    rows: list[dict] = []
    eif = act.entry_into_force
    start, end = _span(eif.lines if eif else None)
    rows.append({"act_id": act_id, "event": "in_force", "event_date": effective_from(act),
                 "by_act": None, "text": eif.rule if eif else None,
                 "line_start": start, "line_end": end})
    for ref in act.amended_by:
        s, e = _span(ref.lines)
        rows.append({"act_id": act_id, "event": "amended", "event_date": ref.date,
                     "by_act": ref.model_dump(mode="json"), "text": ref.text, "line_start": s, "line_end": e})
    if act.status == "repealed":
        ref = act.repealed_by
        s, e = _span(ref.lines if ref else None)
        rows.append({"act_id": act_id, "event": "repealed", "event_date": ref.date if ref else None,
                     "by_act": ref.model_dump(mode="json") if ref else None,
                     "text": act.repeal_note or (ref.text if ref else None),
                     "line_start": s, "line_end": e})
    return rows


def note_rows(act: Act, act_id: int) -> list[dict]:
    return [{"act_id": act_id, "ord": i, "target": n.target, "kind": n.kind, "text": n.text,
             "amending_act": n.amending_act.model_dump(mode="json") if n.amending_act else None,
             "line_start": n.lines.start, "line_end": n.lines.end}
            for i, n in enumerate(act.notes)]


def structure_rows(nodes: list[StructureNode], act_id: int) -> list[dict]:
    """The tree flattened in pre-order; each row names its parent by pre-order number."""
    rows: list[dict] = []

    def walk(node: StructureNode, parent: int | None, depth: int) -> None:
        ord_ = len(rows)
        rows.append({"act_id": act_id, "ord": ord_, "parent_ord": parent, "depth": depth,
                     "kind": node.kind, "label": node.label, "title": node.title, "text": node.text,
                     "line_start": node.lines.start, "line_end": node.lines.end})
        for child in node.children:
            walk(child, ord_, depth + 1)

    for node in nodes:
        walk(node, None, 0)
    return rows


def build_tree(rows: list[dict]) -> list[StructureNode]:
    from kzqual.acts.model import StructureNode

    nodes: dict[int, StructureNode] = {}
    roots: list[StructureNode] = []
    for r in sorted(rows, key=lambda r: r["ord"]):
        node = StructureNode(kind=r["kind"], label=r["label"], title=r["title"], text=r["text"],
                             lines={"start": r["line_start"], "end": r["line_end"]})
        nodes[r["ord"]] = node
        if r["parent_ord"] is None:
            roots.append(node)
        else:
            nodes[r["parent_ord"]].children.append(node)
    return roots


def min_years(p: Position) -> float | None:
    years = [a.min_years for a in p.experience.alternatives if a.min_years is not None]
    years += [g.min_years for g in p.grades if g.min_years is not None]
    return min(years) if years else None


def position_row(p: Position, act_id: int, ord_: int, language: str) -> dict:
    return {
        "act_id": act_id,
        "position_id": p.id,
        "act_key": p.act_key,
        "ord": ord_,
        "language": language,
        "title": p.title,
        "department": p.department,
        "division": p.division,
        "appendix": p.appendix,
        "grp": p.group,
        "category": p.category,
        "category_raw": p.category_raw,
        "units": p.units,
        "education_level": p.education.level,
        "experience_required": p.experience.required,
        "min_years": min_years(p),
        "line_start": p.lines.start,
        "line_end": p.lines.end,
        "data": p.model_dump(mode="json"),
    }


def requirement_rows(p: Position, pk: int, dumped: dict | None = None) -> Iterator[dict]:
    """One row per requirement, with the columns a query filters on, and its source lines.
    ``dumped`` is ``p.model_dump(mode="json")`` when the caller has it (dumping is the costly part)."""
    d = dumped if dumped is not None else p.model_dump(mode="json")

    def row(kind: str, ord_: int, text: str, lines, *, level=None, years=None, data=None) -> dict:
        s, e = _span(lines)
        return {"position_pk": pk, "kind": kind, "ord": ord_, "text": text, "education_level": level,
                "min_years": years, "data": data, "line_start": s, "line_end": e}

    if p.education.text or p.education.levels:
        yield row("education", 0, p.education.text, p.education.lines, level=p.education.level,
                  data=d["education"])
    if p.experience.text or p.experience.alternatives or not p.experience.required:
        yield row("experience", 0, p.experience.text, p.experience.lines, years=min_years(p),
                  data=d["experience"])
    if p.competence.text:
        yield row("competence", 0, p.competence.text, p.competence.lines,
                  data=d["competence"])
    for i, g in enumerate(p.grades):
        yield row("grade", i, g.text, g.lines, level=g.education_level, years=g.min_years,
                  data=d["grades"][i])
    for i, duty in enumerate(p.duties):
        yield row("duty", i, duty, None)
    for i, k in enumerate(p.knowledge):
        yield row("knowledge", i, k, None)


def search_fields(p: Position | dict) -> dict[str, str]:
    """The original text of each searchable field (titles, departments, duties, education,
    competence); the index holds their stems, snippets are cut from these.  Takes the model or
    its stored JSON (search reads the JSON: no need to build the model for a snippet)."""
    d = p if isinstance(p, dict) else p.model_dump()
    dept = " ".join(x for x in (d.get("department"), d.get("division")) if x)
    competence = (d.get("competence") or {}).get("text") or ""
    return {
        "title": d["title"],
        "department": dept,
        "duties": "\n".join(d.get("duties") or []),
        "education": (d.get("education") or {}).get("text") or "",
        "competence": "\n".join(x for x in (competence, *(d.get("knowledge") or [])) if x),
    }


@lru_cache(maxsize=100_000)
def _stems(text: str, language: str) -> str:
    # posts of one act repeat the same duty lines, education and competence texts word for
    # word: each distinct text is stemmed once
    return index_text(text, language)


def _stems_of_parts(parts, language: str) -> str:
    """index_text of the parts joined by newlines (words never cross a part), part by part."""
    return " ".join(x for x in (_stems(t, language) for t in parts if t) if x)


def index_row(p: Position, language: str, issuer_body: str | None = None) -> dict[str, str]:
    dept = [x for x in (p.department, p.division) if x]
    if issuer_body:
        dept.append(issuer_body)
    body = [*p.duties, p.education.text, p.competence.text, *p.knowledge]
    return {"title": _stems(p.title, language),
            "department": _stems_of_parts(dept, language),
            "body": _stems_of_parts(body, language)}
