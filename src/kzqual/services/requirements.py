"""Point 8 of the standard as a checklist on each case: the documents the applicant gives and the
data the provider obtains from state information systems (``data/services/case_requirements.json``).

Pure functions over a case and its events: what is required, what was given or obtained (the
``document_received`` and ``state_data`` events are the record), what is missing, and whether a
refusal ground that rests on state data has it (grounds 3 and 4 of point 9: a court's decision or
verdict in force — the criminal-record data of point 8).  :func:`verify` checks every quote of the
data file against the act, as ``standard.verify`` does for the standard.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from kzqual.errors import InputError
from kzqual.services.model import Case, Event
from kzqual.services.standard import Problem, span_text
from kzqual.text import CleanText

DOCUMENT_EVENT = "document_received"
STATE_DATA_EVENT = "state_data"


@dataclass(frozen=True, slots=True)
class Item:
    """A required document or a kind of state data, with where the act says so."""

    key: str
    point: str
    lines: tuple[int, int]
    quote: str
    label: dict[str, str]
    present_when: str | None = None  # documents: what on the application shows it was given
    results: tuple[str, ...] = ()  # state data: the results an operator records

    def text(self, lang: str = "en") -> str:
        return self.label.get(lang) or self.label["kk"]

    def where(self) -> str:
        a, b = self.lines
        return f"{self.point}, lines {a}-{b}" if a != b else f"{self.point}, lines {a}"

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"key": self.key, "label": self.label, "where": self.where(), "quote": self.quote}
        if self.results:
            d["results"] = list(self.results)
        return d


@dataclass(frozen=True, slots=True)
class Requirements:
    documents: dict[str, Item]
    state_data: dict[str, Item]
    source: Item  # where the act says the data comes from (the e-government gateway)
    grounds_need: dict[int, tuple[str, str]]  # refusal ground -> (state data kind, result it needs)

    def as_dict(self) -> dict[str, Any]:
        return {"documents": [i.as_dict() for i in self.documents.values()],
                "state_data": [i.as_dict() for i in self.state_data.values()],
                "state_data_source": {"where": self.source.where(), "quote": self.source.quote},
                "refusal_grounds_need": {str(g): {"state_data": k, "result": r}
                                         for g, (k, r) in self.grounds_need.items()}}


def _item(d: dict[str, Any]) -> Item:
    return Item(key=d.get("key", ""), point=d["point"], lines=(int(d["lines"][0]), int(d["lines"][1])),
                quote=d["quote"], label=dict(d.get("label", {"kk": d["quote"]})),
                present_when=d.get("present_when"), results=tuple(d.get("results", ())))


@lru_cache(maxsize=1)
def load_requirements() -> Requirements:
    path = resources.files("kzqual") / "data" / "services" / "case_requirements.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    try:
        return Requirements(
            documents={d["key"]: _item(d) for d in data["documents"]},
            state_data={d["key"]: _item(d) for d in data["state_data"]},
            source=_item(data["state_data_source"]),
            grounds_need={int(g): (v["state_data"], v["result"]) for g, v in data["refusal_grounds_need"].items()})
    except (KeyError, TypeError, IndexError, ValueError) as exc:
        raise InputError(f"malformed case requirements: missing or bad {exc}", source="case_requirements.json") from None


def verify(req: Requirements, text: CleanText) -> list[Problem]:
    """Every item whose quote is not on its lines of the act."""
    items = [*req.documents.values(), *req.state_data.values(), req.source]
    return [Problem(i.key or "state_data_source", f"quote {i.quote!r} not on lines {i.lines[0]}-{i.lines[1]}")
            for i in items if i.quote not in span_text(text, *i.lines)]


# -- the checklist of one case -------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DocumentStatus:
    item: Item
    present: bool
    how: str | None  # "application" (given with it) or "received" (recorded later)
    event_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.item.key, "label": self.item.label, "where": self.item.where(), "present": self.present,
                "how": self.how, "event_id": self.event_id}


@dataclass(frozen=True, slots=True)
class StateDataRecord:
    kind: str
    source: str
    obtained_on: date
    result: str
    note: str
    event_id: int

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "source": self.source, "obtained_on": self.obtained_on.isoformat(),
                "result": self.result, "note": self.note, "event_id": self.event_id}


@dataclass(frozen=True, slots=True)
class Checklist:
    documents: list[DocumentStatus]
    state_data: list[StateDataRecord]  # every record, oldest first
    not_obtained: list[str]  # kinds of state data with no record yet

    @property
    def missing(self) -> list[Item]:
        return [d.item for d in self.documents if not d.present]

    def latest(self, kind: str) -> StateDataRecord | None:
        found = [r for r in self.state_data if r.kind == kind]
        return found[-1] if found else None

    def as_dict(self) -> dict[str, Any]:
        return {"documents": [d.as_dict() for d in self.documents], "missing": [i.key for i in self.missing],
                "state_data": [r.as_dict() for r in self.state_data], "state_data_not_obtained": self.not_obtained}


def checklist(case: Case, events: Iterable[Event], req: Requirements) -> Checklist:
    events = list(events)
    received = {e.details.get("document"): e.id for e in events if e.kind == DOCUMENT_EVENT}
    docs = []
    for item in req.documents.values():
        if item.present_when == "application" or (
                item.present_when == "application.medical_card" and case.application.medical_card):
            docs.append(DocumentStatus(item, True, "application"))
        elif item.key in received:
            docs.append(DocumentStatus(item, True, "received", received[item.key]))
        else:
            docs.append(DocumentStatus(item, False, None))
    records = [StateDataRecord(e.details["kind"], e.details["source"], date.fromisoformat(e.details["obtained_on"]),
                               e.details["result"], e.details.get("note", ""), e.id)
               for e in events if e.kind == STATE_DATA_EVENT]
    have = {r.kind for r in records}
    return Checklist(docs, records, [k for k in req.state_data if k not in have])


def missing_documents_message(case_id: int, missing: list[Item]) -> str:
    names = "; ".join(f"{i.text('en')} ({i.where()})" for i in missing)
    return (f"case {case_id} cannot be accepted: missing {names}; record the document when it arrives "
            "(`kzqual service document`), or accept with a reasoned override")


def check_grounds_have_state_data(case_id: int, grounds: Iterable[int], cl: Checklist, req: Requirements,
                                  ground_where: dict[int, str]) -> None:
    """A refusal on a ground that rests on state data (3, 4) needs that data on record, showing it:
    the latest record of the kind must carry the result the ground needs."""
    for g in sorted(set(grounds)):
        need = req.grounds_need.get(g)
        if need is None:
            continue
        kind, result = need
        item = req.state_data[kind]
        latest = cl.latest(kind)
        if latest is None or latest.result != result:
            seen = f"the latest record says {latest.result!r} ({latest.obtained_on}, {latest.source})" if latest \
                else "no record of it"
            raise InputError(
                f"case {case_id}: refusal ground {g} ({ground_where[g]}) rests on the {item.text('en').lower()} "
                f"obtained from state systems ({item.where()}) showing {result!r}; {seen}. Record the data "
                "first (`kzqual service state-data`)", code="ground_without_state_data")


__all__ = ["Checklist", "DocumentStatus", "Item", "Requirements", "StateDataRecord", "check_grounds_have_state_data",
           "checklist", "load_requirements", "missing_documents_message", "verify"]
