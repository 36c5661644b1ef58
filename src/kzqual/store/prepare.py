"""One act file made ready for the registry without touching the database: the rows to write.

This is the CPU-heavy part of an ingest (reading the text, parsing, extracting posts, dumping the
models to JSON, stemming for the search index).  It is pure and its result is picklable, so that
:mod:`kzqual.store.parallel` can run it in a worker process while the main process opens the
database and writes the acts already prepared.  The serial path runs the very same functions, so
both paths write the same rows.

Ids the database allocates (the act's id, the posts' primary keys) are not known here: rows carry
placeholders that :class:`kzqual.store.store.Store` fills in when it writes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kzqual.errors import InputError

if TYPE_CHECKING:  # the models are imported by the functions that need them (a fast start)
    from kzqual.acts.model import ParsedAct
    from kzqual.positions.model import Position
    from kzqual.store.ingest import Extracted, Pipeline
    from kzqual.text import CleanText


class PreparedError(Exception):
    """A failure met while preparing a file in a worker process, carried back as the exact
    message the serial path would have reported (exceptions themselves do not all pickle)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def dumped(value) -> str | None:
    """A JSON column's value serialised as the registry's JSON type does (``ensure_ascii=False``).
    Prepared rows carry JSON columns as these strings (plain ``str``: they pickle fast); ``None``
    stays ``None`` and the writer stores it as each back end did before ('null' on SQLite, NULL
    on PostgreSQL)."""
    return None if value is None else json.dumps(value, ensure_ascii=False)


@dataclass(slots=True)
class PreparedPositions:
    """The rows of an act's posts.  ``pk``/``act_id`` are filled in by the writer; numbers and
    requirements name their post by its index in ``positions`` (``position_pk`` = that index).
    JSON columns are already serialised (:func:`dumped`)."""

    positions: list[dict] = field(default_factory=list)
    numbers: list[dict] = field(default_factory=list)
    requirements: list[dict] = field(default_factory=list)
    index: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.positions)


@dataclass(slots=True)
class PreparedAct:
    """Everything the writer needs for one act version, in the order it writes it."""

    path: str
    digest: str
    raw_lines: list[str]
    key: str
    language: str
    issuer_body: str | None
    act_row: dict  # rows.act_row without version, hash, time and warnings
    act_warnings: list[dict]
    structure: list[dict]
    notes: list[dict]
    events: list[dict]
    positions: PreparedPositions | None = None
    # extraction failed: raised by the writer where extraction used to run (inside the act's
    # transaction, after the version checks), so that errors come out in the same order
    extract_error: BaseException | None = None


@dataclass(slots=True)
class PreparedFile:
    """What a worker hands back for one file: the text's hash (the writer's "unchanged" test
    needs nothing else), and either the prepared act or the error that stopped it."""

    path: str
    digest: str | None = None  # None: the file could not be read (``error`` says why)
    error: PreparedError | None = None  # reading or parsing failed
    prepared: PreparedAct | None = None


def failure_message(exc: BaseException, path: Path | str) -> str:
    """The message ``Store.ingest_paths`` reports for a file that failed with ``exc``."""
    if isinstance(exc, InputError):
        return str(exc)
    return f"{path}: {type(exc).__name__}: {exc}"


def prepare_positions(positions: Iterable[Position], language: str, issuer_body: str | None,
                      warnings: Iterable = ()) -> PreparedPositions:
    """The rows of the posts, with an extractor's duplicate ids made unique (and a warning)."""
    from kzqual.store import rows
    from kzqual.store.ingest import warning_dicts

    out = PreparedPositions(warnings=warning_dicts(warnings))
    seen: set[str] = set()
    for count, p in enumerate(positions):
        if p.id in seen:  # an extractor bug must not lose a post: keep it, say so
            out.warnings.append({"code": "duplicate_position_id", "message": p.id})
            p = p.model_copy(update={"id": f"{p.id}~{count}"})
        seen.add(p.id)
        row = rows.position_row(p, None, count, language)
        index = rows.index_row(p, language, issuer_body)
        row["body_words"] = len(index["body"].split())
        data = row["data"]
        row["data"] = dumped(data)
        out.positions.append(row)
        out.numbers += [{"position_pk": count, "ord": i, "number": n} for i, n in enumerate(p.numbers)]
        for r in rows.requirement_rows(p, count, data):
            r["data"] = dumped(r["data"])
            out.requirements.append(r)
        out.index.append((count, index))
    return out


def prepare_act(path: Path, ct: CleanText, digest: str, parsed: ParsedAct,
                pipeline: Pipeline) -> PreparedAct:
    """The act's rows, and its posts' rows from ``pipeline.extract`` (a failure there is kept in
    ``extract_error``, not raised: the writer raises it at the point it used to happen)."""
    from kzqual.store import rows
    from kzqual.store.ingest import warning_dicts

    act = parsed.act
    if not act.source:
        act = act.model_copy(update={"source": path.name})
    act_warnings = warning_dicts(parsed.warnings) + warning_dicts(ct.warnings)
    prepared = PreparedAct(
        path=str(path), digest=digest, raw_lines=ct.raw_lines, key=act.key, language=act.language,
        issuer_body=act.issuer_body,
        act_row=rows.act_row(act, version=0, content_hash=digest, line_count=len(ct.raw_lines),
                             ingested_at="", warnings=[]),
        act_warnings=act_warnings,
        structure=rows.structure_rows(parsed.structure, None),
        notes=[{**n, "amending_act": dumped(n["amending_act"])} for n in rows.note_rows(act, None)],
        events=[{**e, "by_act": dumped(e["by_act"])} for e in rows.event_rows(act, None)],
    )
    try:
        extracted: Extracted = pipeline.extract(ct, parsed)
        prepared.positions = prepare_positions(extracted.positions, act.language, act.issuer_body,
                                               extracted.warnings)
    except Exception as exc:  # noqa: BLE001 - re-raised by the writer, in the act's transaction
        prepared.extract_error = exc
    return prepared


def prepare_file(path: str | Path) -> PreparedFile:
    """A worker's job: one file with the default pipeline, every failure turned into the message
    the serial path would report (a parser bug on one file must not stop the rest)."""
    from kzqual.store.ingest import Pipeline, content_hash, load

    path = Path(path)
    out = PreparedFile(str(path))
    try:
        ct = load(path)
    except Exception as exc:  # noqa: BLE001
        out.error = PreparedError(failure_message(exc, path))
        return out
    out.digest = content_hash(ct, path)
    pipeline = Pipeline()
    try:
        parsed = pipeline.parse(path, ct)
        out.prepared = prepare_act(path, ct, out.digest, parsed, pipeline)
    except Exception as exc:  # noqa: BLE001
        out.error = PreparedError(failure_message(exc, path))
        return out
    if out.prepared.extract_error is not None:
        out.prepared.extract_error = PreparedError(failure_message(out.prepared.extract_error, path))
    return out
