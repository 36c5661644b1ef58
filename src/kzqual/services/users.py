"""Staff accounts: who may see applicants' personal data, and with which role.

A user has a name, a role (operator, reviewer, admin), an office (operators see only their office's
cases) and one token.  The token is printed once when the user is added; the registry keeps only
its Argon2id hash (argon2-cffi) and a short random, non-secret prefix that finds the row, so a
check costs one hash, never a scan of every user.

    token = users.add("aigerim", role="operator", office="astana")   # "kzq_1a2b3c4d_...": shown once
    users.authenticate(token) -> User | None                         # None: unknown, wrong or disabled
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from kzqual.errors import InputError, NotFoundError
from kzqual.services import tables as T

ROLES = ("operator", "reviewer", "admin")
TOKEN_PREFIX = "kzq"
# The principal the operator's KZQUAL_TOKEN signs in as: a name no user may take.
BOOTSTRAP_ADMIN = "bootstrap-admin"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$")


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()  # argon2id with the library's current recommended parameters


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: str
    office: str | None
    active: bool
    created_at: datetime
    disabled_at: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "role": self.role, "office": self.office,
                "active": self.active, "created_at": self.created_at.isoformat(timespec="seconds"),
                "disabled_at": self.disabled_at.isoformat(timespec="seconds") if self.disabled_at else None}


def _user(row: Any) -> User:
    return User(id=row["id"], name=row["name"], role=row["role"], office=row["office"], active=bool(row["active"]),
                created_at=row["created_at"], disabled_at=row["disabled_at"])


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def split_token(token: str) -> tuple[str, str] | None:
    """``kzq_<prefix>_<secret>`` -> (prefix, secret); None when it is not shaped like a user token."""
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or not re.fullmatch(r"[0-9a-f]{8}", parts[1]) or not parts[2]:
        return None
    return parts[1], parts[2]


class Users:
    """The staff table of one registry database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, name: str, *, role: str, office: str | None = None) -> str:
        """Add a user and return their token (the only time it exists in clear)."""
        name = (name or "").strip()
        if not _NAME.match(name):
            raise InputError(f"user name {name[:40]!r} must be 1-100 letters, digits or _ . @ - (ASCII)")
        if name == BOOTSTRAP_ADMIN:
            raise InputError(f"{BOOTSTRAP_ADMIN!r} is reserved for the KZQUAL_TOKEN administrator")
        if role not in ROLES:
            raise InputError(f"role must be one of {', '.join(ROLES)}")
        office = (office or "").strip() or None
        if role == "operator" and office is None:
            raise InputError("an operator needs --office (the office whose cases they handle)")
        if office is not None and len(office) > 100:
            raise InputError("office must be at most 100 characters")
        prefix = secrets.token_hex(4)
        token = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(T.users).values(name=name, role=role, office=office, token_prefix=prefix,
                                                    token_hash=_hasher().hash(token), active=True,
                                                    created_at=_now()))
        except IntegrityError:
            raise InputError(f"user {name!r} already exists", code="user_exists") from None
        return token

    def list(self) -> list[User]:
        with self.engine.connect() as conn:
            return [_user(r) for r in conn.execute(select(T.users).order_by(T.users.c.name)).mappings()]

    def get(self, name: str) -> User:
        with self.engine.connect() as conn:
            row = conn.execute(select(T.users).where(T.users.c.name == name)).mappings().first()
        if row is None:
            raise NotFoundError(f"no user {name!r}")
        return _user(row)

    def by_id(self, user_id: int) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(T.users).where(T.users.c.id == user_id)).mappings().first()
        return _user(row) if row is not None else None

    def disable(self, name: str) -> User:
        """Disable a user: their token and any open session stop working at once."""
        user = self.get(name)
        if user.active:
            with self.engine.begin() as conn:
                conn.execute(update(T.users).where(T.users.c.id == user.id).values(active=False, disabled_at=_now()))
        return self.get(name)

    def any_active(self) -> bool:
        with self.engine.connect() as conn:
            return bool(conn.execute(select(func.count()).select_from(T.users).where(T.users.c.active.is_(True)))
                        .scalar())

    def by_token_prefix(self, token: str) -> tuple[User, str] | None:
        """The user a token's prefix names and their stored hash (one indexed lookup, no hashing);
        None when the token is not shaped like one of ours or names nobody."""
        parts = split_token(token)
        if parts is None:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(select(T.users).where(T.users.c.token_prefix == parts[0])).mappings().first()
        return (_user(row), row["token_hash"]) if row is not None else None


def verify_token(token_hash: str, token: str) -> bool:
    """Whether ``token`` is the one ``token_hash`` was made from (Argon2id, constant time)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(token_hash, token)
    except (VerificationError, InvalidHashError):
        return False
