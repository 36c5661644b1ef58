"""Opening a registry database: URL or path -> SQLAlchemy engine, migrated to the latest heads.

``None`` reads ``KZQUAL_DB`` and falls back to ``./kzqual.db``.  ``postgresql://…`` (or
``postgres://``) is PostgreSQL through psycopg 3; ``sqlite:///path`` or a plain path is a SQLite
file.  Anything else, a corrupt SQLite file or an unreachable server is an :class:`InputError`.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from kzqual.errors import InputError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_DB = "kzqual.db"
SQLITE_MAGIC = b"SQLite format 3\x00"


def resolve_url(url_or_path: str | os.PathLike | None) -> str:
    """A SQLAlchemy URL for what the user gave (``--db``, ``KZQUAL_DB`` or the default)."""
    raw = os.fspath(url_or_path) if url_or_path is not None else os.environ.get("KZQUAL_DB") or DEFAULT_DB
    raw = raw.strip()
    if not raw:
        raise InputError("empty database path or URL", source="--db")
    if re.match(r"^postgres(ql)?(\+psycopg)?://", raw):
        rest = raw.split("://", 1)[1]
        return "postgresql+psycopg://" + rest
    if raw.startswith("sqlite://"):
        return raw
    if "://" in raw:
        scheme = raw.split("://", 1)[0]
        raise InputError(f"unsupported database URL scheme {scheme!r} (use a file path, "
                         "sqlite:///PATH or postgresql://...)", source=mask(raw))
    path = Path(raw)
    if path.is_dir():
        raise InputError("is a directory, not a database file", source=raw)
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                raise InputError("not a SQLite database (corrupt or another kind of file)", source=raw)
    if not path.parent.exists():
        raise InputError("folder does not exist", source=raw)
    return f"sqlite:///{path}"


def mask(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _json(value) -> str:
    # Kazakh and Russian text as it is: \u escapes would make every JSON column ~5x larger
    return json.dumps(value, ensure_ascii=False)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # readers (web) do not block the ingest
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")  # wait for another writer up to 10 s
    cur.close()


def make_engine(url: str) -> Engine:
    try:
        sa_url = make_url(url)
    except ArgumentError as exc:
        raise InputError(f"bad database URL: {exc}", source=mask(url)) from None
    try:
        if sa_url.get_backend_name() == "sqlite":
            engine = create_engine(sa_url, json_serializer=_json)
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(sa_url, pool_pre_ping=True, json_serializer=_json,
                                   connect_args={"connect_timeout": 10})
        with engine.connect() as conn:
            # reading the schema page catches a damaged file here, not in the middle of a query
            conn.execute(text("SELECT count(*) FROM sqlite_master" if sa_url.get_backend_name() == "sqlite" else "SELECT 1"))
    except (DBAPIError, SQLAlchemyError) as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"cannot open database: {reason}", source=mask(url)) from None
    except ImportError as exc:  # a driver that is not installed
        raise InputError(f"cannot open database: {exc}", source=mask(url)) from None
    return engine


def alembic_config(engine_conn=None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("version_locations", str(MIGRATIONS / "versions"))
    if engine_conn is not None:
        cfg.attributes["connection"] = engine_conn
    return cfg


_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*[\"']([^\"']+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.M)


@lru_cache(maxsize=1)
def script_heads() -> frozenset[str]:
    """The heads of the migration scripts, read from their ``revision`` / ``down_revision``
    lines without importing Alembic (~0.15 s of imports every command would pay on an
    up-to-date database).  A test checks it against Alembic's own ``get_heads()``."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev = _REVISION.search(source)
        if rev is None:
            continue
        revisions.add(rev.group(1))
        down = _DOWN.search(source)
        if down is not None:
            downs.update(re.findall(r"[\"']([^\"']+)[\"']", down.group(1)))
    return frozenset(revisions - downs)  # the scripts ship with the package: read once per process


def _at_heads(engine: Engine, heads: frozenset[str]) -> bool:
    """Whether the database's ``alembic_version`` rows are exactly ``heads`` (False when the
    table is missing: a new database)."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except DBAPIError:
        return False
    return set(rows) == heads


def upgrade(engine: Engine) -> None:
    """``alembic upgrade heads`` (every chain: "registry", "service", ...) if not there yet."""
    if _at_heads(engine, script_heads()):
        return  # the common case: nothing to migrate, and Alembic need not even be imported
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    heads = set(script.get_heads())

    def current() -> set[str]:
        with engine.connect() as conn:
            return set(MigrationContext.configure(conn).get_current_heads())

    for attempt in (1, 2):
        try:
            if current() == heads:
                return
            with engine.begin() as conn:
                if engine.dialect.name == "sqlite":
                    # the driver would not open a transaction for CREATE TABLE: each would
                    # commit alone and a second process could see half a schema.  One
                    # write-locked transaction for the whole upgrade; look again under the lock.
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                    if set(MigrationContext.configure(conn).get_current_heads()) == heads:
                        return
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
            return
        except DBAPIError as exc:
            # Two processes opening a new SQLite file at once both migrate it; the second one
            # waits for the first (busy_timeout), then fails on "table ... already exists" or
            # "database is locked".  Its transaction rolled back: look again, once.
            if attempt == 1 and engine.dialect.name == "sqlite":
                continue
            reason = str(exc.orig).strip().splitlines()[0]
            raise InputError(f"cannot migrate database: {reason}", source=mask(str(engine.url))) from None
