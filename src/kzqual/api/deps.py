"""Shared dependencies: the store the app serves, opened once per app."""

from __future__ import annotations

import threading
from typing import Any, Callable, TypeVar

from fastapi import Request

T = TypeVar("T")

# Re-entrant: making one per-app object (the service desk) opens another (the store).
_lock = threading.RLock()


def app_singleton(app: Any, name: str, make: Callable[[], T]) -> T:
    """``app.state.<name>``, made on first use.  Requests arrive on many threads, so the object
    is made under a lock, checked again once the lock is held (it is made exactly once)."""
    value = getattr(app.state, name, None)
    if value is not None:
        return value
    with _lock:
        value = getattr(app.state, name, None)
        if value is None:
            value = make()
            setattr(app.state, name, value)
    return value


def open_app_store(app: Any) -> Any:
    """The app's store, opened on first use (so ``create_app`` stays cheap and import-light)."""

    def make() -> Any:
        from kzqual.store import open_store

        return open_store(app.state.settings.db)

    return app_singleton(app, "store", make)


def get_store(request: Request) -> Any:
    return open_app_store(request.app)
