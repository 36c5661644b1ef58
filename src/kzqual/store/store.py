"""The registry: one interface over SQLite and PostgreSQL.

``open_store()`` gives a :class:`Store`; ``Store.engine`` (a SQLAlchemy Engine) and
``Store.dialect`` ("sqlite" | "postgresql") are public so that later layers (kzqual.services) can
keep their own tables in the same database (their own Alembic chain, branch label "service").
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date as _date
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import JSON, func, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from kzqual.errors import InputError, NotFoundError
from kzqual.store import db, parallel, rows, search as _search
from kzqual.store import tables as T
from kzqual.store.ingest import Pipeline, content_hash, expand_paths, load
from kzqual.store.prepare import (
    PreparedAct,
    PreparedError,
    PreparedFile,
    PreparedPositions,
    failure_message,
    prepare_act,
    prepare_positions,
)
from kzqual.store.records import (
    ActEvent,
    ActSummary,
    IngestResult,
    IngestSummary,
    PositionRecord,
    SourcedRequirement,
    StoredAct,
)
from kzqual.store.search import SearchHit, in_force_sql

if TYPE_CHECKING:
    from kzqual.acts.model import StructureNode
    from kzqual.positions.model import Position

BATCH = 2000


def _db_errors(method):
    """A damaged database file or a dropped server is the user's input problem, not a crash:
    report it as InputError naming the database."""
    import functools

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except DBAPIError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise InputError(f"database error: {reason}", source=self.url) from None

    return wrapper
ProgressFn = Callable[[int, int, Path, IngestResult], None]


def _position_model():
    """The Position model, imported on first use (an ingest never builds one here)."""
    from kzqual.positions.model import Position

    return Position


def check_date(value: str | _date | None, what: str = "date") -> str | None:
    """ISO date string, or InputError."""
    if value is None:
        return None
    if isinstance(value, _date):
        return value.isoformat()
    try:
        return _date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InputError(f"not a date (use YYYY-MM-DD): {value!r}", source=what) from None


def status_on(row, as_of: str | None) -> str:
    """An act's status on a date, from what its text says (or today's status without a date)."""
    if as_of is None:
        return row.status
    return rows.status_on_date(row.status, row.effective_from, row.repealed_on, as_of)


_VOCAB: dict[str, tuple] = {}  # store url -> (registry state, Vocabulary): see Store._vocabulary
_LEARNED: dict[str, tuple] = {}  # store url -> (table state, learned groups): see Store._learned


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect: str = engine.dialect.name
        self.url = db.mask(engine.url.render_as_string(hide_password=True))

    # ------------------------------------------------------------------ ingest
    def ingest_file(self, path: str | os.PathLike, *, pipeline: Pipeline | None = None,
                    allow_shrink: bool = False) -> IngestResult:
        """Read one act into the registry in one transaction.

        Same text as the CURRENT version -> "unchanged".  Any other text under the key becomes a
        new version ("new_version"; the old ones stay), also when it equals an earlier version:
        that makes the earlier text current again and the history shows it (``restores``).  A new version that looks damaged -- its text a prefix of the current one
        (a truncated file) or with fewer than half the current version's posts -- is refused with
        :class:`InputError` unless ``allow_shrink``.  Errors leave the store as it was."""
        pipeline = pipeline or Pipeline()
        path = Path(path)
        ct = load(path)
        digest = content_hash(ct, path)
        # The key is read from the text, so the same text always has the same key: a hash equal
        # to a current version means "unchanged" without parsing again.
        unchanged = self._unchanged(path, digest)
        if unchanged is not None:
            return unchanged
        parsed = pipeline.parse(path, ct)
        return self._store_prepared(path, prepare_act(path, ct, digest, parsed, pipeline), allow_shrink)

    def _ingest_prepared(self, path: Path, pf: PreparedFile, allow_shrink: bool) -> IngestResult:
        """:meth:`ingest_file` for a file a worker process prepared: the same steps, in the same
        order, with the worker's results (a worker's failure is raised where it happened)."""
        if pf.digest is None:  # could not be read
            raise pf.error
        unchanged = self._unchanged(path, pf.digest)
        if unchanged is not None:
            return unchanged
        if pf.error is not None:  # could not be parsed
            raise pf.error
        return self._store_prepared(path, pf.prepared, allow_shrink)

    def _unchanged(self, path: Path, digest: str) -> IngestResult | None:
        with self.engine.connect() as conn:
            known = conn.execute(select(T.acts.c.key, T.acts.c.version, T.acts.c.id, T.acts.c.language)
                                 .where(T.acts.c.content_hash == digest, T.acts.c.is_current == True)  # noqa: E712
                                 ).first()
            if known is None:
                return None
            n = conn.execute(select(func.count()).select_from(T.positions)
                             .where(T.positions.c.act_id == known.id)).scalar_one()
            return IngestResult(str(path), "unchanged", known.key, known.version, n, 0, language=known.language)

    def _store_prepared(self, path: Path, prep: PreparedAct, allow_shrink: bool) -> IngestResult:
        for attempt in (1, 2):
            try:
                outcome = self._store_act(path, prep, allow_shrink)
                break
            except DBAPIError as exc:
                reason = str(exc.orig).strip().splitlines()[0]
                # another process held the SQLite file past busy_timeout: try once more
                if attempt == 1 and self.dialect == "sqlite" and "database is locked" in reason:
                    continue
                raise InputError(f"could not store the act: {reason}", source=str(path)) from None
        if isinstance(outcome, IngestResult):
            return outcome
        version, n_pos, act_warnings, pos_warnings, restored = outcome
        status = "added" if version == 1 else "new_version"
        return IngestResult(str(path), status, prep.key, version, n_pos, len(act_warnings) + len(pos_warnings),
                            restores=restored, language=prep.language)

    def _shrink_reason(self, conn: Connection, current, raw_lines: list[str]) -> str | None:
        """Why a new text looks like a damaged copy of the current version (a truncated file),
        or None.  The comparison is on the raw text, so a cut in the middle of a line counts."""
        old = "\n".join(t for _, t in self._raw(conn, current.id, 1, current.line_count)).rstrip()
        new = "\n".join(line.rstrip("\r") for line in raw_lines).rstrip()
        if len(new) < len(old) and old.startswith(new):
            return (f"its text is the first {len(new)} of {len(old)} characters of the current "
                    f"version {current.version} (a truncated file?)")
        return None

    def _store_act(self, path: Path, prep: PreparedAct, allow_shrink: bool = False):
        """One act version in one transaction: (version, posts, act warnings, post warnings,
        restored?), or an "unchanged" result when another writer stored the same text meanwhile.
        A refused shrink raises InputError inside the transaction, which rolls it back."""
        key, digest = prep.key, prep.digest
        with self.engine.begin() as conn:
            if self.dialect == "postgresql":
                # one writer at a time: position keys are allocated below; readers go on
                conn.execute(text("LOCK TABLE acts, positions IN SHARE ROW EXCLUSIVE MODE"))
            else:
                # take SQLite's write lock before reading (a write statement does, even one that
                # changes no row; busy_timeout waits for it): reading first and writing later
                # lets another process commit in between and this one fail
                conn.execute(text("UPDATE acts SET id = id WHERE 0"))
            lang = prep.language
            # versions are per language text: the kk and the ru text of one act are two texts of
            # it, never versions of each other (nor a shrink of each other)
            same_text = (T.acts.c.key == key) & (T.acts.c.language == lang)
            current = conn.execute(select(T.acts).where(same_text, T.acts.c.is_current == True)  # noqa: E712
                                   ).first()
            if current is not None and current.content_hash == digest:  # another writer stored it meanwhile
                return IngestResult(str(path), "unchanged", key, current.version, 0, 0, language=lang)
            # the same text as an earlier version: stored again as a new version, so the history
            # reads v1 -> v2 -> v3 (= v1) and every version stays queryable as it was
            restored = conn.execute(select(func.min(T.acts.c.version)).where(
                same_text, T.acts.c.content_hash == digest)).scalar()
            if current is not None and not allow_shrink:
                reason = self._shrink_reason(conn, current, prep.raw_lines)
                if reason:
                    raise InputError(f"refused as a new version of {key} ({lang}): {reason}; "
                                     "use --allow-shrink to store it anyway", source=str(path),
                                     code="suspicious_shrink")
            last = conn.execute(select(func.max(T.acts.c.version)).where(same_text)).scalar()
            version = (last or 0) + 1
            conn.execute(update(T.acts).where(same_text).values(is_current=False))
            act_warnings = prep.act_warnings
            act_id = conn.execute(
                T.acts.insert().returning(T.acts.c.id),
                {**prep.act_row, "version": version,
                 "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                 "warnings": act_warnings},
            ).scalar_one()
            self._insert_raw_lines(conn, act_id, prep.raw_lines)
            for table, items in ((T.structure_nodes, prep.structure), (T.notes, prep.notes),
                                 (T.act_events, prep.events)):
                for item in items:
                    item["act_id"] = act_id
                self._insert_many(conn, table, items)
            if prep.extract_error is not None:  # where the serial path used to extract
                raise prep.extract_error
            n_pos, pos_warnings = self._write_positions(conn, act_id, prep.positions)
            if current is not None and not allow_shrink:
                n_old = conn.execute(select(func.count()).select_from(T.positions)
                                     .where(T.positions.c.act_id == current.id)).scalar_one()
                if n_pos * 2 < n_old:  # lost most posts: more likely a damaged file than a reform
                    raise InputError(f"refused as a new version of {key} ({lang}): it has {n_pos} posts, "
                                     f"the current version {current.version} has {n_old}; "
                                     "use --allow-shrink to store it anyway", source=str(path),
                                     code="suspicious_shrink")
            pos_warnings = pos_warnings + self._realign(conn, key, bool(n_pos))
            if pos_warnings:
                conn.execute(update(T.acts).where(T.acts.c.id == act_id)
                             .values(warnings=act_warnings + pos_warnings))
        return version, n_pos, act_warnings, pos_warnings, restored

    def _realign(self, conn: Connection, key: str, has_posts: bool = True) -> list[dict]:
        """Pair the posts of the act's current kk and ru texts again (both must be there);
        the warnings name the posts left without a partner."""
        from kzqual.positions.align import align

        conn.execute(T.position_alignment.delete().where(T.position_alignment.c.act_key == key))
        conn.execute(T.search_equivalents.delete().where(T.search_equivalents.c.act_key == key))
        if not has_posts:  # the text just stored has none: nothing to pair
            return []
        posts: dict[str, list[dict]] = {}
        for lang in ("kk", "ru"):
            q = (select(T.positions.c.data).join(T.acts, T.acts.c.id == T.positions.c.act_id)
                 .where(T.acts.c.key == key, T.acts.c.language == lang, T.acts.c.is_current == True)  # noqa: E712
                 .order_by(T.positions.c.ord))
            posts[lang] = [d if isinstance(d, dict) else json.loads(d) for (d,) in conn.execute(q)]
        if not posts["kk"] or not posts["ru"]:
            return []
        result = align(posts["kk"], posts["ru"])
        rows_ = [{"act_key": key, "kk_position_id": k, "ru_position_id": r, "method": m}
                 for k, r, m in result.pairs]
        rows_ += [{"act_key": key, "kk_position_id": k, "ru_position_id": None, "method": "unaligned"}
                  for k in result.kk_only]
        rows_ += [{"act_key": key, "kk_position_id": None, "ru_position_id": r, "method": "unaligned"}
                  for r in result.ru_only]
        if rows_:
            conn.execute(T.position_alignment.insert(), rows_)
        # title equivalents for search (kzqual.store.equivalents), from this act's pairs
        from kzqual.store.equivalents import count_rows

        titles = {(lang, d["id"]): d["title"] for lang in ("kk", "ru") for d in posts[lang]}
        eq = count_rows(key, [(titles[("kk", k)], titles[("ru", r)]) for k, r, _ in result.pairs
                              if ("kk", k) in titles and ("ru", r) in titles])
        if eq:
            conn.execute(T.search_equivalents.insert(), eq)
        return result.warnings()

    def _insert_raw_lines(self, conn: Connection, act_id: int, lines: list[str]) -> None:
        """The act's raw lines (tens of thousands): straight to the driver, COPY on PostgreSQL."""
        rows_ = zip(itertools.repeat(act_id), itertools.count(1), lines)  # no list of 30,000 tuples
        dbapi = conn.connection.driver_connection
        if self.dialect == "postgresql":
            with dbapi.cursor() as cur, cur.copy("COPY raw_lines (act_id, line_no, text) FROM STDIN") as copy:
                for r in rows_:
                    copy.write_row(r)
        else:
            cur = dbapi.cursor()
            cur.executemany("INSERT INTO raw_lines (act_id, line_no, text) VALUES (?, ?, ?)", rows_)
            cur.close()

    def _insert_many(self, conn: Connection, table, items: list[dict],
                     add: dict[str, int] | None = None) -> None:
        """Prepared rows (:mod:`kzqual.store.prepare`: JSON columns already serialised) straight to
        the driver.  ``add``: a number added to a column on the way (post keys are allocated at
        write time; the prepared rows stay as they are, so a retry starts from them again)."""
        if not items:
            return
        add = add or {}
        cols = list(items[0])
        json_cols = {c.name for c in table.columns if isinstance(c.type, JSON)}
        if self.dialect == "postgresql":
            # COPY: psycopg's executemany sends one statement per row, COPY streams them all
            dbapi = conn.connection.driver_connection
            with dbapi.cursor() as cur, cur.copy(f"COPY {table.name} ({', '.join(cols)}) FROM STDIN") as cp:
                for item in items:
                    cp.write_row([item[c] + add[c] if c in add else item[c] for c in cols])
            return
        # SQLite: the driver's executemany with the dicts themselves (named parameters); the
        # offsets and the JSON type's None -> 'null' are done by SQLite, not per row in Python.
        # SQLAlchemy's insert() compiled and type-processed every dict (~0.3 s of the five seeds).
        def param(c: str) -> str:
            if c in add:
                return f":{c} + {int(add[c])}"
            if c in json_cols:
                return f"coalesce(:{c}, 'null')"
            return f":{c}"

        sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join(map(param, cols))})"
        conn.connection.driver_connection.executemany(sql, items)

    def _write_positions(self, conn: Connection, act_id: int, prep: PreparedPositions) -> tuple[int, list[dict]]:
        """The prepared posts with their primary keys (after the largest so far) and act id."""
        next_pk = (conn.execute(select(func.max(T.positions.c.pk))).scalar() or 0) + 1
        for row in prep.positions:
            row["act_id"] = act_id
            row["pk"] = next_pk + row["ord"]
        numbers, requirements = prep.numbers, prep.requirements  # position_pk: the post's index
        offset = {"position_pk": next_pk}
        count = len(prep.positions)
        for start in range(0, max(count, 1), BATCH):
            # in batches, each table before the next, as the rows were written when positions came
            # from a generator (the same row order on disk)
            chunk = prep.positions[start:start + BATCH]
            lo, hi = start, start + len(chunk)
            if count <= BATCH:  # one batch (every act so far): no need to sort rows into batches
                nums, reqs = numbers, requirements
            else:
                nums = [r for r in numbers if lo <= r["position_pk"] < hi]
                reqs = [r for r in requirements if lo <= r["position_pk"] < hi]
            self._insert_many(conn, T.positions, chunk)
            self._insert_many(conn, T.position_numbers, nums, offset)
            self._insert_many(conn, T.requirements, reqs, offset)
            _search.write_index(conn, self.dialect, [(next_pk + i, r) for i, r in prep.index[start:start + BATCH]])
        if self.dialect == "postgresql" and count:
            conn.execute(text("SELECT setval(pg_get_serial_sequence('positions', 'pk'), :v)"),
                         {"v": next_pk + count - 1})
        return count, prep.warnings

    def ingest_paths(self, paths: Iterable[str | os.PathLike], *, progress: ProgressFn | None = None,
                     pipeline: Pipeline | None = None, allow_shrink: bool = False,
                     prefetch: parallel.Prefetch | None = None) -> IngestSummary:
        """Every file (folders: their ``*.txt``), each in its own transaction; a file that fails
        is recorded as "failed" with its error and the others still land.

        With the default pipeline and several files, the files are read and parsed in worker
        processes (:mod:`kzqual.store.parallel`) while this process writes; the acts are still
        written one by one in the order given.  ``prefetch``: a pool the caller already started
        for exactly these files (the CLI starts it before it opens the store); it is closed here."""
        files = expand_paths(paths)
        if pipeline is not None:  # a custom pipeline runs here, in this process
            if prefetch is not None:
                prefetch.close()
            prefetch = None
        elif prefetch is None:
            prefetch = parallel.start(files)
        summary = IngestSummary()
        try:
            for i, path in enumerate(files, 1):
                try:
                    if prefetch is not None:
                        result = self._ingest_prepared(path, prefetch.get(i - 1), allow_shrink)
                    else:
                        result = self.ingest_file(path, pipeline=pipeline, allow_shrink=allow_shrink)
                except PreparedError as exc:  # failed in a worker: its message as it would be here
                    result = IngestResult(str(path), "failed", error=exc.message)
                except InputError as exc:
                    result = IngestResult(str(path), "failed", error=str(exc))
                except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not stop the rest
                    result = IngestResult(str(path), "failed", error=failure_message(exc, path))
                summary.results.append(result)
                if progress:
                    progress(i, len(files), path, result)
        finally:
            if prefetch is not None:
                prefetch.close()
        self._analyze()
        return summary

    def _analyze(self) -> None:
        """Fresh planner statistics after a load (PostgreSQL), so that searches for common
        words walk the key index and stop early while rare words use the text index."""
        if self.dialect == "postgresql":
            from kzqual.store.search import after_bulk_load

            with self.engine.begin() as conn:
                conn.execute(text("ANALYZE acts, positions, position_search"))
                after_bulk_load(conn, self.dialect)  # the search tables, and their GIN pending lists

    def bulk_positions(self, act_key: str, positions: Iterable[Position]) -> int:
        """Add positions to the current version of an act (benchmarks, synthetic registries)."""
        with self.engine.begin() as conn:
            row = self._act_row(conn, act_key, None)
            n, _ = self._write_positions(conn, row.id, prepare_positions(positions, row.language,
                                                                         row.issuer_body))
        self._analyze()
        return n

    # ------------------------------------------------------------------ acts
    def _act_row(self, conn: Connection, key: str, version: int | None, lang: str | None = None):
        """One language text of an act: ``lang``'s, else the Kazakh text (the state language)
        when the act has one, else the Russian; its version ``version`` (versions are numbered
        per language), else its current version."""
        key = key if key.startswith(("reg-",)) or "-" in key else f"reg-{key}"
        if lang not in (None, "kk", "ru"):
            raise InputError(f"unknown language {lang!r} (kk or ru)", source="lang")
        q = select(T.acts).where(T.acts.c.key == key)
        if lang:
            q = q.where(T.acts.c.language == lang)
        q = q.where(T.acts.c.version == version) if version else q.where(T.acts.c.is_current == True)  # noqa: E712
        row = conn.execute(q.order_by(T.acts.c.language)).first()  # "kk" sorts before "ru"
        if row is None:
            what = " ".join(x for x in (key, f"({lang})" if lang else "", f"version {version}" if version else "") if x)
            raise NotFoundError(f"no act {what} in the registry", source=self.url)
        return row

    def _languages(self, conn: Connection, keys: list[str]) -> dict[str, list[str]]:
        """The languages of each act's current texts."""
        out: dict[str, list[str]] = {}
        if not keys:
            return out
        for k, lang in conn.execute(select(T.acts.c.key, T.acts.c.language)
                                    .where(T.acts.c.key.in_(keys), T.acts.c.is_current == True)  # noqa: E712
                                    .order_by(T.acts.c.language)):
            out.setdefault(k, []).append(lang)
        return out

    def _summaries(self, conn: Connection, act_rows, as_of: str | None) -> list[ActSummary]:
        ids = [r.id for r in act_rows]
        counts = dict(conn.execute(select(T.positions.c.act_id, func.count()).where(
            T.positions.c.act_id.in_(ids)).group_by(T.positions.c.act_id)).all()) if ids else {}
        keys = list({r.key for r in act_rows})
        # versions and restores are per language text
        nver = {(k, lang): n for k, lang, n in conn.execute(
            select(T.acts.c.key, T.acts.c.language, func.count()).where(T.acts.c.key.in_(keys))
            .group_by(T.acts.c.key, T.acts.c.language)).all()} if ids else {}
        # earliest version of each (key, language, text): a later version with the same text restored it
        first = {(k, lang, h): v for k, lang, h, v in conn.execute(
            select(T.acts.c.key, T.acts.c.language, T.acts.c.content_hash, func.min(T.acts.c.version))
            .where(T.acts.c.key.in_(keys))
            .group_by(T.acts.c.key, T.acts.c.language, T.acts.c.content_hash)).all()} if ids else {}
        langs = self._languages(conn, keys)
        out = []
        for r in act_rows:
            rb = (r.data or {}).get("repealed_by") if r.status == "repealed" else None
            earliest = first.get((r.key, r.language, r.content_hash))
            out.append(ActSummary(
                key=r.key, version=r.version, versions=nver.get((r.key, r.language), 1), title=r.title,
                language=r.language, act_type=r.act_type, date=r.date, number=r.number,
                registration_number=r.registration_number, status=status_on(r, as_of),
                repealed_on=r.repealed_on, repealed_by=(rb or {}).get("text") or None,
                effective_from=r.effective_from, entry_rule=r.entry_rule, positions=counts.get(r.id, 0),
                source=r.source, content_hash=r.content_hash, ingested_at=r.ingested_at,
                same_text_as=earliest if earliest != r.version else None,
                languages=langs.get(r.key, [r.language])))
        return out

    @_db_errors
    def list_acts(self, as_of: str | _date | None = None, status: str | None = None,
                  limit: int | None = None, offset: int = 0, lang: str | None = None) -> list[ActSummary]:
        """One row per act: the current version of its ``lang`` text (default: the Kazakh text
        where there is one, else the Russian), with the act's ``languages`` and its status on
        ``as_of`` (else as the text says).  With ``lang``, acts without that text are left out."""
        if lang not in (None, "kk", "ru"):
            raise InputError(f"unknown language {lang!r} (kk or ru)", source="--lang")
        as_of = check_date(as_of, "--as-of")
        if status not in (None, "in_force", "repealed", "not_yet_in_force"):
            raise InputError(f"unknown status {status!r} (in_force, repealed, not_yet_in_force)",
                             source="--status")
        with self.engine.connect() as conn:
            q = select(T.acts).where(T.acts.c.is_current == True)  # noqa: E712
            if lang:
                q = q.where(T.acts.c.language == lang)
            act_rows, seen = [], set()
            for r in conn.execute(q.order_by(T.acts.c.date, T.acts.c.key, T.acts.c.language)).all():
                if r.key not in seen:  # kk sorts first: the act's Kazakh text stands for it
                    seen.add(r.key)
                    act_rows.append(r)
            summaries = self._summaries(conn, act_rows, as_of)
        if status:
            summaries = [s for s in summaries if s.status == status]
        return summaries[offset : offset + limit if limit is not None else None]

    @_db_errors
    def get_act(self, key: str, version: int | None = None, lang: str | None = None) -> StoredAct:
        """An act's ``lang`` text (default: kk where there is one), ``version`` of it (default:
        current), with every language text of the act listed in ``texts``."""
        with self.engine.connect() as conn:
            r = self._act_row(conn, key, version, lang)
            summary = self._summaries(conn, [r], None)[0]
            others = conn.execute(select(T.acts).where(T.acts.c.key == r.key, T.acts.c.is_current == True,  # noqa: E712
                                                       T.acts.c.language != r.language)
                                  .order_by(T.acts.c.language)).all()
            texts = sorted([summary, *self._summaries(conn, others, None)], key=lambda x: x.language)
            events = [ActEvent(e.event, e.event_date, e.by_act, e.text,
                               (e.line_start, e.line_end) if e.line_start else None)
                      for e in conn.execute(select(T.act_events).where(T.act_events.c.act_id == r.id)
                                            .order_by(T.act_events.c.id))]
        from kzqual.acts.model import Act

        return StoredAct(summary, Act.model_validate(r.data), events, list(r.warnings or []), texts)

    @_db_errors
    def act_versions(self, key: str, lang: str | None = None) -> list[ActSummary]:
        """The versions of one language text of the act (default: kk where there is one)."""
        with self.engine.connect() as conn:
            r = self._act_row(conn, key, None, lang)
            act_rows = conn.execute(select(T.acts).where(T.acts.c.key == r.key, T.acts.c.language == r.language)
                                    .order_by(T.acts.c.version)).all()
            return self._summaries(conn, act_rows, None)

    @_db_errors
    def act_structure(self, key: str, version: int | None = None, lang: str | None = None) -> list[StructureNode]:
        with self.engine.connect() as conn:
            r = self._act_row(conn, key, version, lang)
            nodes = conn.execute(select(T.structure_nodes).where(T.structure_nodes.c.act_id == r.id)).mappings().all()
        return rows.build_tree([dict(n) for n in nodes])

    @_db_errors
    def raw_lines(self, act_key: str, start: int, end: int, version: int | None = None,
                  lang: str | None = None) -> list[tuple[int, str]]:
        """Raw lines ``start..end`` (1-based, inclusive) of an act version, as (number, text)."""
        if start < 1 or end < start:
            raise InputError(f"bad line range {start}-{end}", source=act_key)
        with self.engine.connect() as conn:
            r = self._act_row(conn, act_key, version, lang)
            return self._raw(conn, r.id, start, end)

    def _raw(self, conn: Connection, act_id: int, start: int, end: int) -> list[tuple[int, str]]:
        return [(n, t) for n, t in conn.execute(
            select(T.raw_lines.c.line_no, T.raw_lines.c.text)
            .where(T.raw_lines.c.act_id == act_id, T.raw_lines.c.line_no.between(start, end))
            .order_by(T.raw_lines.c.line_no))]

    # ------------------------------------------------------------------ positions
    def _position_row(self, conn: Connection, position_id: str, version: int | None = None,
                      lang: str | None = None):
        """A post by id (stable across versions; the kk and ru texts of an act may share it):
        ``lang``'s post, else the Kazakh one where there is one."""
        q = (select(T.positions, T.acts.c.version).join(T.acts, T.acts.c.id == T.positions.c.act_id)
             .where(T.positions.c.position_id == position_id))
        if lang:
            q = q.where(T.positions.c.language == lang)
        if version:  # that version of the post's act (its id is stable across versions)
            q = q.where(T.acts.c.version == version)
        row = conn.execute(q.order_by(T.acts.c.is_current.desc(), T.positions.c.language,
                                      T.acts.c.version.desc()).limit(1)).first()
        if row is None:
            what = f"{position_id!r} in version {version} of its act" if version else repr(position_id)
            raise NotFoundError(f"no position {what} in the registry", source=self.url)
        return row

    @_db_errors
    def get_position(self, position_id: str, version: int | None = None, lang: str | None = None) -> Position:
        """The post from the newest version of its act that has it (or from act version ``version``)."""
        with self.engine.connect() as conn:
            return _position_model().model_validate(self._position_row(conn, position_id, version, lang).data)

    @_db_errors
    def position_record(self, position_id: str, version: int | None = None,
                        lang: str | None = None) -> PositionRecord:
        """The post, its act, and every requirement with the raw lines it was read from
        (from act version ``version`` when given, else the newest version that has the post),
        and the same post in the act's other language text (``aligned``)."""
        with self.engine.connect() as conn:
            row = self._position_row(conn, position_id, version, lang)
            aligned = self._aligned(conn, row.act_key, position_id, row.language)
            act_row = conn.execute(select(T.acts).where(T.acts.c.id == row.act_id)).one()
            act = self._summaries(conn, [act_row], None)[0]
            raw = "\n".join(t for _, t in self._raw(conn, row.act_id, row.line_start, row.line_end))
            reqs = []
            for r in conn.execute(select(T.requirements).where(T.requirements.c.position_pk == row.pk)
                                  .order_by(T.requirements.c.id)):
                src = None
                if r.line_start:
                    src = "\n".join(t for _, t in self._raw(conn, row.act_id, r.line_start, r.line_end))
                reqs.append(SourcedRequirement(r.kind, r.text,
                                               (r.line_start, r.line_end) if r.line_start else None,
                                               src, r.data))
        return PositionRecord(_position_model().model_validate(row.data), act, raw, reqs, aligned)

    def _aligned(self, conn: Connection, act_key: str, position_id: str, lang: str) -> dict | None:
        """The partner of a post in the act's other language text, if the alignment found one."""
        return self.aligned_many(conn, act_key, [(position_id, lang)]).get((position_id, lang))

    @staticmethod
    def aligned_many(conn: Connection, act_key: str | None, posts: list[tuple[str, str]]) -> dict:
        """(position id, language) -> {"position_id", "language", "method"} of its partner."""
        out: dict = {}
        A = T.position_alignment
        for lang, other in (("kk", "ru"), ("ru", "kk")):
            ids = [pid for pid, pl in posts if pl == lang]
            if not ids:
                continue
            mine, theirs = getattr(A.c, f"{lang}_position_id"), getattr(A.c, f"{other}_position_id")
            q = select(mine, theirs, A.c.method).where(mine.in_(ids), theirs.is_not(None))
            if act_key:
                q = q.where(A.c.act_key == act_key)
            for pid, partner, method in conn.execute(q):
                out[(pid, lang)] = {"position_id": partner, "language": other, "method": method}
        return out

    @_db_errors
    def alignment(self, act_key: str) -> dict:
        """The pairing of an act's kk and ru posts: pairs (with how they were paired) and the
        posts of each language left without a partner."""
        A = T.position_alignment
        with self.engine.connect() as conn:
            r = self._act_row(conn, act_key, None)
            rows_ = conn.execute(select(A).where(A.c.act_key == r.key).order_by(A.c.id)).all()
        return {"pairs": [{"kk": x.kk_position_id, "ru": x.ru_position_id, "method": x.method}
                          for x in rows_ if x.method != "unaligned"],
                "kk_only": [x.kk_position_id for x in rows_ if x.method == "unaligned" and x.kk_position_id],
                "ru_only": [x.ru_position_id for x in rows_ if x.method == "unaligned" and x.ru_position_id]}

    def _position_filter(self, q, *, in_force_on, act_key, category, lang):
        q = q.join(T.acts, T.acts.c.id == T.positions.c.act_id).where(T.acts.c.is_current == True)  # noqa: E712
        if act_key:
            q = q.where(T.acts.c.key == act_key)
        if category:
            cat = _search.canonical_category(category)
            q = q.where((T.positions.c.category == cat) | (T.positions.c.category_raw == category))
        if lang:
            q = q.where(T.positions.c.language == lang)
        else:
            # each post once: an act with a Kazakh and a Russian text lists its Kazakh text's posts
            # (their partners are one alignment away); an act in one language lists its own
            kk = T.acts.alias("kk_text")
            q = q.where((T.acts.c.language == "kk") | ~select(kk.c.id).where(
                kk.c.key == T.acts.c.key, kk.c.language == "kk", kk.c.is_current == True  # noqa: E712
            ).exists())
        if in_force_on:
            q = q.where(text(in_force_sql("d").replace("a.", "acts."))).params(d=check_date(in_force_on))
        return q

    @_db_errors
    def position_tallies(self, act_key: str, lang: str | None = None) -> dict[str, list[tuple[str | None, int]]]:
        """How many posts of an act's current text there are per category (as printed, else canonical)
        and per department: (value, count) pairs, counted in the database (the act page's charts)."""
        columns = {"category": func.coalesce(T.positions.c.category_raw, T.positions.c.category),
                   "department": T.positions.c.department}
        out: dict[str, list[tuple[str | None, int]]] = {}
        with self.engine.connect() as conn:
            for name, col in columns.items():
                q = self._position_filter(select(col, func.count()), in_force_on=None, act_key=act_key,
                                          category=None, lang=lang).group_by(col)
                out[name] = [(value, n) for value, n in conn.execute(q)]
        return out

    def iter_positions(self, in_force_on: str | _date | None = None, *, act_key: str | None = None,
                       category: str | None = None, lang: str | None = None,
                       limit: int | None = None, offset: int = 0,
                       with_language: bool = False) -> Iterator[Position]:
        """Posts of the current act versions, in act, language text and document order
        (``with_language``: ``(Position, language)`` pairs, since a post id may be in both texts)."""
        q = self._position_filter(select(T.positions.c.data, T.positions.c.language), in_force_on=in_force_on,
                                  act_key=act_key, category=category, lang=lang)
        q = q.order_by(T.positions.c.act_key, T.positions.c.language, T.positions.c.ord).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            for data, language in conn.execution_options(yield_per=500).execute(q):
                p = _position_model().model_validate(data)
                yield (p, language) if with_language else p

    @_db_errors
    def count_positions(self, in_force_on: str | _date | None = None, *, act_key: str | None = None,
                        category: str | None = None, lang: str | None = None) -> int:
        q = self._position_filter(select(func.count()).select_from(T.positions), in_force_on=in_force_on,
                                  act_key=act_key, category=category, lang=lang)
        with self.engine.connect() as conn:
            return conn.execute(q).scalar_one()

    # ------------------------------------------------------------------ search
    @_db_errors
    def search(self, query: str, lang: str | None = None, body: str | None = None,
               category: str | None = None, in_force_on: str | _date | None = None,
               limit: int = 20, offset: int = 0, act_keys: list[str] | None = None) -> list[SearchHit]:
        """Ranked posts matching every word of ``query`` (any inflection), best first; then the
        posts found only through synonyms of the query's words (see :meth:`search_plan`).
        ``act_keys``: only these acts' posts (a state body's acts)."""
        if lang not in (None, "kk", "ru"):
            raise InputError(f"unknown language {lang!r} (kk or ru)", source="--lang")
        if limit < 1 or offset < 0:
            raise InputError("limit must be >= 1 and offset >= 0", source="search")
        d_ = check_date(in_force_on, "--in-force-on")
        with self.engine.connect() as conn:
            exact, wide, expansions = _search.expanded_terms(query, lang, self._learned(conn))
            kw = {"lang": lang, "body": body, "category": category, "in_force_on": d_, "act_keys": act_keys}
            need = offset + limit
            if not expansions:
                found, terms = _search.find(conn, self.dialect, query, limit=limit, offset=offset, terms=exact, **kw)
                exact_pks = None
            else:
                # every exact match before any synonym match: the exact list first, then the
                # widened one without them
                first, _ = _search.find(conn, self.dialect, query, limit=need, offset=0, terms=exact, **kw)
                found = first
                if len(first) < need:
                    more, _ = _search.find(conn, self.dialect, query, limit=need + len(first), offset=0,
                                           terms=wide, **kw)
                    seen = {pk for pk, _ in first}
                    found = first + [x for x in more if x[0] not in seen]
                found = found[offset:need]
                exact_pks = {pk for pk, _ in first}
                terms = wide
            if not found:
                return []
            added = {s: w for e in expansions for s, w in e.added.items()}
            pks = [pk for pk, _ in found]
            prow = {r.pk: r for r in conn.execute(
                select(T.positions.c.pk, T.positions.c.data, T.positions.c.language, T.acts.c.title,
                       T.acts.c.status, T.acts.c.repealed_on, T.acts.c.effective_from)
                .join(T.acts, T.acts.c.id == T.positions.c.act_id).where(T.positions.c.pk.in_(pks)))}
            partners = self.aligned_many(conn, None, [(r.data["id"], r.language) for r in prow.values()])
        hits = []
        for pk, score in found:
            r = prow[pk]
            d = r.data  # the stored JSON: building the Position model per hit costs more than the search
            fields = rows.search_fields(d)
            field, snip, marks = _search.snippet(fields, terms, r.language)
            lines = d.get("lines") or {}
            synonym = exact_pks is not None and pk not in exact_pks
            hits.append(SearchHit(
                position_id=d["id"], act_key=d["act_key"], act_title=r.title, act_status=status_on(r, d_),
                title=d["title"], department=d.get("department"), category=d.get("category"),
                category_raw=d.get("category_raw"), units=d.get("units"), numbers=list(d.get("numbers") or []),
                language=r.language, score=score, snippet=snip, snippet_field=field, marks=marks,
                title_marks=_search.marks_in(d["title"], terms, r.language),
                lines=(lines.get("start", 0), lines.get("end", 0)),
                aligned=partners.get((d["id"], r.language)),
                match="synonym" if synonym else "exact",
                synonyms=_search.synonyms_in(list(fields.values()), added, r.language) if synonym else []))
        return hits

    @_db_errors
    def search_plan(self, query: str, lang: str | None = None) -> list[dict]:
        """What each query word was widened with (synonyms and their sources); empty when none."""
        with self.engine.connect() as conn:
            _, _, expansions = _search.expanded_terms(query, lang, self._learned(conn))
        return [e.to_dict() for e in expansions]

    def _learned(self, conn: Connection) -> tuple:
        """Title equivalents learned from the registry's aligned kk/ru posts (cached per table
        state: a count and the newest row id, one cheap query per search)."""
        from kzqual.store.equivalents import groups

        E = T.search_equivalents
        state = (self.url, *conn.execute(select(func.count(), func.max(E.c.id))).one())
        cached = _LEARNED.get(self.url)
        if cached and cached[0] == state:
            return cached[1]
        learned = groups([tuple(r) for r in conn.execute(select(E.c.act_key, E.c.kk_stem, E.c.ru_stem, E.c.n))])
        _LEARNED[self.url] = (state, learned)
        return learned

    def _act_infos(self, conn: Connection, as_of: str) -> list:
        from kzqual.store.facets import ActInfo

        return [ActInfo(r.id, r.key, r.language, r.issuer_body, status_on(r, as_of))
                for r in conn.execute(select(T.acts.c.id, T.acts.c.key, T.acts.c.language, T.acts.c.issuer_body,
                                             T.acts.c.status, T.acts.c.effective_from, T.acts.c.repealed_on)
                                      .where(T.acts.c.is_current == True))]  # noqa: E712

    @_db_errors
    def search_facets(self, query: str, *, reader_lang: str, lang: str | None = None, body: str | None = None,
                      category: str | None = None, issuer: str | None = None, in_force_only: bool = False,
                      as_of: str | _date | None = None) -> dict:
        """Counts of the matching posts per state body (one body whatever the language), category,
        status on ``as_of`` (default today) and language; each under the other facets' filters."""
        from kzqual.store import facets

        day = check_date(as_of, "as_of") or _date.today().isoformat()
        cat = _search.canonical_category(category) if category else None
        with self.engine.connect() as conn:
            _, wide, _ = _search.expanded_terms(query, lang, self._learned(conn))
            found, capped = _search.facet_rows(conn, self.dialect, wide, body)
            acts = self._act_infos(conn, day)
        return facets.build(found, acts, reader_lang=reader_lang, body=issuer, category=cat,
                            status="in_force" if in_force_only else None, language=lang, capped=capped)

    @_db_errors
    def body_acts(self, issuer: str) -> list[str]:
        """The act keys of a state body (its key as :meth:`search_facets` gives it); [] if unknown."""
        from kzqual.store import facets

        with self.engine.connect() as conn:
            groups = facets.bodies(self._act_infos(conn, _date.today().isoformat()))
        return groups[issuer]["acts"] if issuer in groups else []

    @_db_errors
    def suggest(self, query: str) -> str | None:
        """"Did you mean": ``query`` with its unknown words replaced by the nearest known ones."""
        from kzqual.store.suggest import suggest

        return suggest(query, self._vocabulary())

    def _vocabulary(self):
        """The words of the loaded posts (cached per registry state: the newest post key and the
        newest act row -- posts are only ever inserted, never deleted, so a new post key is a new
        state; a COUNT over 100k posts cost ~6 ms of every search, half the search itself)."""
        from kzqual.store.suggest import Vocabulary
        from kzqual.store.synonyms import curated

        with self.engine.connect() as conn:
            state = (self.url, *conn.execute(select(func.max(T.positions.c.pk),
                                                     select(func.max(T.acts.c.id)).scalar_subquery())
                                              .select_from(T.positions)).one())
            cached = _VOCAB.get(self.url)
            if cached and cached[0] == state:
                return cached[1]
            texts = [t for (t,) in conn.execute(select(T.positions.c.title).distinct())]
            texts += [t for (t,) in conn.execute(select(T.positions.c.department).distinct())]
            texts += [t for (t,) in conn.execute(select(T.requirements.c.text).distinct()
                                                 .where(T.requirements.c.kind == "education"))]
        extra = [w for g in curated() for items in g.words.values() for w in items]
        vocab = Vocabulary.of(texts, extra)
        _VOCAB[self.url] = (state, vocab)
        return vocab

    @_db_errors
    def search_count(self, query: str, lang: str | None = None, body: str | None = None,
                     category: str | None = None, in_force_on: str | _date | None = None,
                     cap: int | None = None, act_keys: list[str] | None = None) -> int:
        """How many posts :meth:`search` would page through (counted up to ``cap + 1``)."""
        if lang not in (None, "kk", "ru"):
            raise InputError(f"unknown language {lang!r} (kk or ru)", source="--lang")
        d = check_date(in_force_on, "--in-force-on")
        with self.engine.connect() as conn:
            _, wide, _ = _search.expanded_terms(query, lang, self._learned(conn))
            return _search.count(conn, self.dialect, query, lang=lang, body=body, category=category,
                                 in_force_on=d, cap=cap, terms=wide, act_keys=act_keys)

    # ------------------------------------------------------------------ misc
    @_db_errors
    def counts(self) -> dict[str, int]:
        """Rows per registry table (tests and diagnostics)."""
        names = ["acts", "act_events", "notes", "structure_nodes", "raw_lines", "positions",
                 "position_numbers", "requirements",
                 "position_search" if self.dialect == "postgresql" else "position_fts"]
        with self.engine.connect() as conn:
            return {n: conn.execute(text(f"SELECT count(*) FROM {n}")).scalar_one() for n in names}

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(url_or_path: str | os.PathLike | None = None, *, create: bool = True) -> Store:
    """Open (creating and migrating as needed) the registry at a path or URL; ``None`` reads
    ``KZQUAL_DB`` and falls back to ``./kzqual.db``.

    ``create=False`` is for readers: a SQLite file that does not exist is then an
    :class:`InputError` (a mistyped ``--db``), not a new empty registry that answers "nothing"."""
    url = db.resolve_url(url_or_path)
    if not create and url.startswith("sqlite:///"):
        path = url[len("sqlite:///") :]
        if path != ":memory:" and not Path(path).exists():
            raise InputError(
                "no registry here (check --db or KZQUAL_DB; `kzqual ingest` creates one)",
                source=path,
                code="no_registry",
            )
    engine = db.make_engine(url)
    try:
        db.upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)
