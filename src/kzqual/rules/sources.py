"""Where posts come from: the registry (``--db``) or act files parsed on the fly (``--act``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from kzqual.acts.model import ActRef
from kzqual.errors import InputError, NotFoundError
from kzqual.positions.model import Position
from kzqual.rules.compile import References


def positions_from_acts(paths: Sequence[str | Path], acts_out: dict | None = None) -> list[Position]:
    """The posts of the act files; ``acts_out`` (if given) collects each parsed Act by key."""
    from kzqual.positions import extract_file

    out: list[Position] = []
    for p in paths:
        ex = extract_file(p)
        out.extend(ex.positions)
        if acts_out is not None and ex.act is not None:
            acts_out[ex.act.key] = ex.act
    return out


def open_registry(db: str):
    """The registry at ``db``; InputError if a file path does not exist (never create one here)."""
    from kzqual.store import open_store

    return open_store(db, create=False)


class StoreReferences(References):
    """References resolved lazily through the registry: an act counts as loaded if it has posts."""

    def __init__(self, store, extra: Sequence[Position] = ()) -> None:
        super().__init__(extra)
        self.store = store

    def act_for(self, ref: ActRef):
        hit = super().act_for(ref)
        if hit is not None or not ref.registration_number:
            return hit
        key = f"reg-{ref.registration_number}"
        if key not in self.by_act:
            loaded: dict = {}
            for p in self.store.iter_positions(act_key=key):
                loaded.setdefault(p.category, p)
            self.by_act[key] = loaded
        return self.by_act[key] or None


def find_position(position_id: str, positions: Sequence[Position] | None, store) -> Position:
    if positions is not None:
        for p in positions:
            if p.id == position_id:
                return p
        raise NotFoundError(f"unknown position id {position_id!r}", source="--act")
    try:
        return store.get_position(position_id)
    except InputError:
        raise
    except Exception as exc:  # a store without that id may raise its own lookup error
        raise NotFoundError(f"unknown position id {position_id!r} ({type(exc).__name__})", source="registry") from None


def iter_registry(store, in_force_on: str | None) -> Iterator[Position]:
    return store.iter_positions(in_force_on=in_force_on)
