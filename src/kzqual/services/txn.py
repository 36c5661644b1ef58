"""One write transaction of the service desk: a step reads a record and writes what follows from it,
atomically on both back ends.

Every step reads a case or complaint (its state, the sum already paid, the last event's time) and
then writes the move that follows; two operators stepping on one case at once must not both read
the old state.

- SQLite: Python's driver opens a transaction only at the first INSERT/UPDATE, so the reads ran
  outside any transaction, and SQLite has no ``SELECT ... FOR UPDATE`` (SQLAlchemy leaves the clause
  out).  Two simultaneous decisions both read ``submitted`` and both wrote.  ``BEGIN IMMEDIATE``
  takes the database's write lock before the first read: a second writer waits for it (the store's
  ``busy_timeout``) and then reads what the first one committed.  Readers are not blocked (WAL).
- PostgreSQL: the desk locks the rows it changes (``SELECT ... FOR UPDATE``); a second step on the
  same row waits, then reads the committed row.  ``lock_timeout`` bounds that wait.

A wait that runs out, a deadlock or a serialization failure becomes
:class:`~kzqual.errors.ConflictError` (API 409, CLI exit 2) with nothing written — never
"database is locked" or a server error.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from kzqual.errors import ConflictError

# How long a step waits for another step holding the same record (PostgreSQL); SQLite's wait is the
# store's busy_timeout (store/db.py), also 10 s.
LOCK_WAIT_S = 10

_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
# lock_not_available, deadlock_detected, serialization_failure
_PG_RETRYABLE = {"55P03", "40P01", "40001"}


@contextmanager
def write_transaction(engine: Engine, what: str) -> Iterator[Connection]:
    """``with write_transaction(engine, "case 7") as conn:`` — a transaction that holds the right to
    write from its first statement; commits at the end, rolls back on any exception."""
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            elif conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_WAIT_S}s'")
            yield conn
    except OperationalError as exc:
        if not _is_contention(exc.orig):
            raise
        raise ConflictError(f"{what} is being changed by another step right now; nothing was recorded — "
                            "reload it and try again") from None


def _is_contention(orig: BaseException | None) -> bool:
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)  # extended codes keep the primary in the low byte
    return getattr(orig, "sqlstate", None) in _PG_RETRYABLE


__all__ = ["LOCK_WAIT_S", "write_transaction"]
