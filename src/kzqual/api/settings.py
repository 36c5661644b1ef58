"""Operator settings of the HTTP server, read once from arguments or the environment.

Reads of acts and posts are public; applicants' data and writes need a staff token (``kzqual users
add``) or the bootstrap admin's ``KZQUAL_TOKEN``.  With neither, writes are disabled outright rather
than open to anyone (safe default for a demo).  See docs/security.md.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    db: str = "kzqual.db"  # SQLite path or a postgresql:// URL, passed to kzqual.store.open_store
    token: str | None = None  # bearer token for writes; None -> writes disabled (403)
    max_body_bytes: int = 2 * 1024 * 1024  # request bodies above this get 413
    max_upload_bytes: int = 64 * 1024 * 1024  # ingest uploads (act files) may be larger
    page_max: int = 100  # the largest ``limit`` a list accepts
    page_default: int = 20
    # Bulk screening (POST /eligibility/screen), see kzqual.api.work_limits: a caller with a role
    # (valid bearer token) may send this many profiles against this many posts for this long ...
    screen_max_profiles: int = 10_000
    screen_max_posts: int = 100_000
    screen_max_seconds: float = 600.0
    # ... an anonymous caller much less (100 profiles x every post of the bundled acts is ~2 s).
    anon_screen_max_profiles: int = 100
    anon_screen_max_posts: int = 2_000
    anon_screen_max_seconds: float = 30.0
    # signs web session cookies; unset -> a random key per process (sign-ins end on restart)
    session_secret: str | None = None
    auth_fail_limit: int = 5  # failed sign-ins / wrong tokens per address or user name ...
    auth_fail_window: float = 60.0  # ... within this many seconds -> 429 until the window passes
    # The public service's calendar override file and settings file (docs/services.md): None reads
    # KZQUAL_CALENDAR_OVERRIDES / KZQUAL_SERVICE_SETTINGS, as the CLI does (kzqual.services.config).
    calendar_overrides: str | None = None
    service_settings: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, db: str | None = None, token: str | None = None) -> Settings:
        """Settings from ``KZQUAL_DB`` / ``KZQUAL_TOKEN`` / ``KZQUAL_SESSION_SECRET`` unless given explicitly."""
        env_token = os.environ.get("KZQUAL_TOKEN") or None
        return cls(
            db=db or os.environ.get("KZQUAL_DB") or "kzqual.db",
            token=token if token is not None else env_token,
            session_secret=os.environ.get("KZQUAL_SESSION_SECRET") or None,
        )
