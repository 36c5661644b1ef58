"""Reading act files for the registry: file -> (clean text, parsed act, positions).

The two steps come from the layers before the store (``kzqual.acts.parse_file`` and
``kzqual.positions.extract``); :class:`Pipeline` names them so that a caller (or a test) can swap
either.  Positions are consumed lazily by the writer, inside the act's transaction: if extraction
fails midway, what was already written for the act is rolled back with it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kzqual.errors import InputError

if TYPE_CHECKING:  # imported where used: a worker process and the CLI start without them
    from kzqual.acts.model import ParsedAct
    from kzqual.positions.model import Position
    from kzqual.text import CleanText

ParseFn = Callable[[Path, "CleanText"], "ParsedAct"]
ExtractFn = Callable[["CleanText", "ParsedAct"], "Extracted"]  # any object with .positions/.warnings


@dataclass(slots=True)
class Extracted:
    positions: Iterable[Position]
    warnings: list = field(default_factory=list)


def default_parse(path: Path, ct: CleanText) -> ParsedAct:
    from kzqual import acts  # the acts layer; imported late so the store loads without it

    read_act = getattr(acts, "read_act", None)
    if read_act is None:
        raise InputError("the act parser (kzqual.acts.read_act) is not available", source=str(path))
    return read_act(ct, meta=_meta_for(path, ct))  # the clean text is already read: do not read it twice


def _meta_for(path: Path, ct: CleanText):
    """The act folder's meta.yaml for a Markdown language text; an act folder without one is
    refused (a registry keys acts by the identity the meta file gives)."""
    from kzqual.acts.metafile import language_of_path, load_meta, meta_path_for

    mp = meta_path_for(path)
    if mp is not None:
        return load_meta(mp)
    if getattr(ct, "format", "text") == "markdown" and language_of_path(path):
        raise InputError("no meta.yaml in the act folder (the act's identity is there)", source=str(path),
                         code="no_meta")
    return None


def default_extract(ct: CleanText, parsed: ParsedAct) -> Extracted:
    import importlib

    # kzqual.positions.extract is both the public function and, once imported, the submodule
    # that shadows it on the package: take the function from the submodule.
    try:
        extract = importlib.import_module("kzqual.positions.extract").extract
    except (ImportError, AttributeError):
        extract = None
    if extract is None:
        raise InputError("the position extractor (kzqual.positions.extract) is not available",
                         source=ct.source)
    result = extract(ct, parsed.act)
    return Extracted(list(result.positions), list(getattr(result, "warnings", []) or []))


@dataclass(slots=True)
class Pipeline:
    parse: ParseFn = default_parse
    extract: ExtractFn = default_extract


def content_hash(ct: CleanText, path: str | os.PathLike | None = None) -> str:
    """The version key of an act's text: sha256 of its raw lines (encoding-independent), and of
    its folder's meta.yaml for a Markdown text (the act's identity and status live there: a
    repeal added to meta.yaml alone is a new version, not "unchanged")."""
    h = hashlib.sha256()
    for line in ct.raw_lines:
        h.update(line.rstrip("\r").encode("utf-8"))
        h.update(b"\n")
    if path is not None and getattr(ct, "format", "text") == "markdown":
        from kzqual.acts.metafile import meta_path_for

        mp = meta_path_for(path)
        if mp is not None:
            try:
                h.update(b"\0meta.yaml\0" + mp.read_bytes())
            except OSError:
                pass  # unreadable: the parse step reports it
    return h.hexdigest()


def load(path: Path) -> CleanText:
    from kzqual.text import read

    return read(path)


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files as given; folders as their ``*.txt`` files and their act folders (recursively,
    sorted).  An act folder (kazakhstan-law/ministerial layout: ``meta.yaml`` with ``kaz.md`` /
    ``rus.md``, or ``kaz/`` / ``rus/`` folders of parts) gives its two language texts, Kazakh
    first; a language text it lacks is listed anyway, so that the missing file is reported."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            from kzqual.acts.metafile import act_folder_texts, act_folders

            found = [q for q in p.rglob("*.txt") if q.is_file()]
            for folder in act_folders(p):
                found.extend(act_folder_texts(folder))
            out.extend(sorted(found, key=_path_order))
        else:
            out.append(p)  # a missing file is reported by read() as an InputError
    return out


def _path_order(p: Path) -> tuple:
    # an act folder's kaz text before its rus text, act folders in name order
    return (str(p.parent), p.name.replace(".md", ""))


def warning_dicts(items: Iterable) -> list[dict]:
    out = []
    for w in items:
        if isinstance(w, dict):
            out.append(w)
        elif hasattr(w, "model_dump"):
            out.append(w.model_dump(mode="json"))
        elif hasattr(w, "__dataclass_fields__"):
            out.append({k: getattr(w, k) for k in w.__dataclass_fields__})
        else:
            out.append({"message": str(w)})
    return out


def iter_positions(extracted: Extracted) -> Iterator[Position]:
    yield from extracted.positions
