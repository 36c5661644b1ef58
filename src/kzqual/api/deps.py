"""Shared dependencies: the store the app serves, opened once per app."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import Request

_lock = threading.Lock()


def open_app_store(app: Any) -> Any:
    """The app's store, opened on first use (so ``create_app`` stays cheap and import-light)."""
    store = getattr(app.state, "store", None)
    if store is not None:
        return store
    with _lock:
        store = getattr(app.state, "store", None)
        if store is None:
            from kzqual.store import open_store

            store = open_store(app.state.settings.db)
            app.state.store = store
    return store


def get_store(request: Request) -> Any:
    return open_app_store(request.app)
