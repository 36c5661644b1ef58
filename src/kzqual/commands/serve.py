"""``kzqual serve``: the HTTP API and the web UI, with uvicorn."""

from __future__ import annotations

import threading

import click

from kzqual.commands.examples import examples


def _warm_up() -> None:
    """Import the eligibility engine and load its taxonomy while the server starts, so the first
    check does not pay for it."""
    from kzqual.rules import taxonomy

    taxonomy.bundled().resolve("")


@examples("kzqual ingest --db reg.db acts/ && kzqual serve --db reg.db --port 8080",
          "KZQUAL_TOKEN=$(openssl rand -hex 16) kzqual serve --db postgresql://kzqual@localhost/kzqual",
          "# then open http://127.0.0.1:8080/ (UI) or /api/v1/docs (API)")
@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
@click.option("--db", default=None, envvar="KZQUAL_DB", show_default="kzqual.db",
              help="SQLite file or postgresql:// URL of the registry (see `kzqual ingest`).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              help="How much uvicorn logs (info: one line per request).")
def serve(host: str, port: int, db: str | None, log_level: str) -> None:
    """Serve the API (/api/v1, schema at /api/v1/openapi.json) and the web UI (/).

    Reads are public.  Writes need the bearer token set in the environment variable KZQUAL_TOKEN;
    when it is not set, writes are refused (403).
    """
    from kzqual.api import Settings, create_app
    from kzqual.api.server import serve_forever
    from kzqual.store import open_store

    settings = Settings.from_env(db=db)
    # Open (and migrate) the registry now: a bad --db is one line and exit 2, not an error page
    # on every request.
    app = create_app(settings, store=open_store(settings.db))
    # Likewise a bad KZQUAL_CALENDAR_OVERRIDES / KZQUAL_SERVICE_SETTINGS file: the service desk is
    # made now, with the loader the CLI uses, rather than failing on the first service request.
    from kzqual.api.service_desk import get_desk

    get_desk(app)
    threading.Thread(target=_warm_up, name="kzqual-warm-up", daemon=True).start()
    from kzqual.commands.lang import cli_lang
    from kzqual.i18n import t

    lang = cli_lang()
    from kzqual.api.auth import configured

    writes = t("web.serve.writes_on" if configured(app) else "web.serve.writes_off", lang)
    click.echo(t("web.serve.listening", lang, db=settings.db, host=host, port=port, writes=writes), err=True)
    serve_forever(app, host, port, log_level=log_level)
