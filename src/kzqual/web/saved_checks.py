"""Saved eligibility checks: the answers of a check, stored under an opaque random id so the
result has a link that can be shared or bookmarked (``/eligibility/saved/{id}``).

Why an id and not the answers in the URL: a profile holds a person's employers, posts and dates,
and an address travels (history, server logs, a chat); the id is 128 random bits that say nothing
about the person.  Whoever has the link sees the answers (a capability link, like a shared
document); a saved check is kept ``KEEP_DAYS`` days, then it is gone (older ones are deleted when
a new one is saved).  The verdict is computed again each time the link is opened, on today's
registry, so a link never shows a verdict the acts no longer support.

Alembic branch "web" (``store/migrations/versions/web_0001_saved_checks.py``) creates the table.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from typing import Any

from sqlalchemy import JSON, Column, DateTime, MetaData, String, Table, delete, insert, select
from sqlalchemy.engine import Engine

metadata = MetaData()
saved_checks = Table(
    "web_saved_checks", metadata,
    Column("id", String(32), primary_key=True),
    Column("created_at", DateTime, nullable=False),  # UTC, naive
    Column("content", JSON, nullable=False),
)

KEEP_DAYS = 365
MAX_BYTES = 64 * 1024
SAVES_PER_HOUR = 30  # per client address (kzqual.web.page_eligibility): storage an anonymous caller can fill
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{22}$")  # secrets.token_urlsafe(16)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def save(engine: Engine, content: dict[str, Any]) -> str:
    """Store ``content`` (the form's answers or a profile, the post, the day) and return its id.
    One transaction: the expired checks go in the same commit."""
    data = json.dumps(content, ensure_ascii=False)
    if len(data.encode()) > MAX_BYTES:
        from kzqual.errors import InputError

        raise InputError(f"a saved check holds at most {MAX_BYTES // 1024} KiB", source="share")
    key = secrets.token_urlsafe(16)
    with engine.begin() as conn:
        conn.execute(delete(saved_checks).where(saved_checks.c.created_at < _now() - dt.timedelta(days=KEEP_DAYS)))
        conn.execute(insert(saved_checks).values(id=key, created_at=_now(), content=content))
    return key


def load(engine: Engine, key: str) -> dict[str, Any] | None:
    """The saved content, or None (unknown, malformed or expired id)."""
    if not ID_PATTERN.match(key or ""):
        return None
    with engine.connect() as conn:
        row = conn.execute(select(saved_checks.c.content, saved_checks.c.created_at)
                           .where(saved_checks.c.id == key)).first()
    if row is None or row.created_at < _now() - dt.timedelta(days=KEEP_DAYS):
        return None
    return dict(row.content)
