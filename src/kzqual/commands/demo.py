"""``kzqual demo``: the bundled acts in a registry, a summary table, then the API and UI.

Idempotent: acts already in the registry (same text) are left as they are, so re-running re-uses
the database and starts in a second or two.
"""

from __future__ import annotations

import click

from kzqual.i18n import t

from kzqual.commands.examples import examples


@examples("kzqual demo                      # then open http://127.0.0.1:8000/",
          "kzqual demo --db /tmp/demo.db --port 8080", "kzqual demo --no-serve")
@click.command()
@click.option("--db", default="kzqual.db", show_default=True, envvar="KZQUAL_DB",
              help="SQLite file or postgresql:// URL to load the bundled acts into.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to serve on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
@click.option("--serve/--no-serve", default=True, show_default=True, help="Serve after loading (--no-serve: load and print only).")
@click.option("--sample-cases/--no-sample-cases", default=True, show_default=True,
              help="Add a few clearly fictitious public-service cases for the staff pages (only to a registry "
                   "with no cases).")
def demo(db: str, host: str, port: int, serve: bool, sample_cases: bool) -> None:
    """Load the five bundled acts (once), print what is in the registry, serve API and UI."""
    from rich.console import Console
    from rich.table import Table

    from kzqual.bundled import act_paths
    from kzqual.store import open_store

    from kzqual.commands.lang import cli_lang as _lang

    console = Console(stderr=False)
    with open_store(db) as store:
        summary = store.ingest_paths(act_paths())
        lang = _lang()
        table = Table(title=t("web.demo.title", lang, db=db))
        for key in ("common.act", "acts.date", "acts.number", "acts.status", "store.field.positions", "web.demo.run"):
            table.add_column(t(key, lang))
        loaded = {r.act_key: r.status for r in summary.results if r.act_key}
        for s in store.list_acts():
            run = loaded.get(s.key)
            table.add_row(s.key, s.date or "", s.number or "", t(f"store.status.{s.status}", lang), str(s.positions),
                          t(f"store.result.{run}", lang) if run else "")
        console.print(table)
        for r in summary.failed:
            console.print(f"[red]{t('web.demo.failed', lang)}[/red] {r.path}: {r.error}")
        counts = store.counts()
        if sample_cases:
            from kzqual.services.samples import seed_sample_cases

            seeded = seed_sample_cases(store.engine)
            if seeded:
                console.print(t("pages.demo.samples", lang, cases=seeded), markup=False, highlight=False)
    added = sum(1 for r in summary.results if r.status in ("added", "new_version"))
    console.print(t("web.demo.summary", lang, acts=counts["acts"], posts=counts["positions"], added=added,
                    reused=len(summary.results) - added - len(summary.failed)))
    console.print(t("security.demo.hint", lang, db=db), markup=False, highlight=False)
    if not serve:
        return
    from kzqual.commands.serve import serve as serve_cmd

    click.get_current_context().invoke(serve_cmd, host=host, port=port, db=db, log_level="info")
