"""HTTP API (FastAPI): ``create_app(settings)`` and the operator's :class:`Settings`."""

from kzqual.api.app import API_PREFIX, create_app
from kzqual.api.settings import Settings

__all__ = ["API_PREFIX", "Settings", "create_app"]
