"""``kzqual ingest | search | show | acts``: the registry from the command line.

Every command takes ``--db PATH|URL`` (else ``KZQUAL_DB``, else ``./kzqual.db``).  Labels follow
``KZQUAL_LANG`` (kk, ru, en; default kk, see :mod:`kzqual.commands.lang`); the acts' own words are printed as they are.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

import click

from kzqual.commands.lang import cli_lang
from kzqual.i18n import t

DB_OPTION = click.option("--db", default=None, envvar="KZQUAL_DB", show_default="kzqual.db",
                         help="SQLite file or postgresql:// URL of the registry.")
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def _lang() -> str:
    return cli_lang()


def _open(db: str | None, *, create: bool = False):
    """Only ``ingest`` creates a registry; the readers refuse a missing file (a mistyped --db)."""
    from kzqual.store import open_store

    return open_store(db, create=create)


def _dump(obj) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


def _status(s: str) -> str:
    return t(f"store.status.{s}", _lang())


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@DB_OPTION
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--allow-shrink", is_flag=True,
              help="Accept a new version that is a prefix of the current text (a truncated file) "
                   "or has fewer than half its posts; refused by default.")
@JSON_OPTION
def ingest(paths: tuple[str, ...], db: str | None, quiet: bool, allow_shrink: bool, as_json: bool) -> None:
    """Read act files (folders: their *.txt files) into the registry.

    Each act is one transaction: the same text as the current version changes nothing; other text
    under the same registration number becomes a new version (the old ones stay queryable), also
    when it equals an earlier version, which thereby becomes current again.  A new version whose
    text is a prefix of the current one or that loses more than half of its posts is refused
    (error, store unchanged) unless --allow-shrink is given.  A file that cannot
    be read or parsed is reported on stderr and skipped; the others still land.  Exit code 2 if
    any file failed, 0 otherwise.
    """
    from kzqual.store import parallel
    from kzqual.store.ingest import expand_paths

    # Start reading and parsing the files in worker processes first: they work while this
    # process imports the database layer and opens (or migrates) the registry.
    files = expand_paths(paths)
    prefetch = parallel.start(files)
    try:
        with _open(db, create=True) as store:
            if quiet or as_json:
                summary = store.ingest_paths(files, allow_shrink=allow_shrink, prefetch=prefetch)
            else:
                from rich.console import Console
                from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

                err = Console(stderr=True)
                columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("{task.fields[file]}"), TimeElapsedColumn())
                with Progress(*columns, console=err, transient=False) as bar:
                    task = bar.add_task(t("store.ingest.progress", _lang()), total=None, file="")

                    def progress(done, total, path, result):
                        bar.update(task, completed=done, total=total, file=path.name)

                    summary = store.ingest_paths(files, progress=progress, allow_shrink=allow_shrink,
                                                 prefetch=prefetch)
    finally:
        if prefetch is not None:  # the store could not be opened: stop the workers
            prefetch.close()
    for r in summary.failed:
        click.echo(f"kzqual: error: {r.error}", err=True)
    if as_json:
        _dump({"results": [asdict(r) for r in summary.results], "acts": summary.acts,
               "positions": summary.positions, "warnings": summary.warnings,
               "failed": len(summary.failed)})
    else:
        ui = _lang()
        for r in summary.ok:
            again = f"  (= v{r.restores})" if r.restores else ""
            label = t(f"store.result.{r.status}", ui)
            click.echo(f"{label:12} {r.act_key} v{r.version} {r.language or '  '}  {r.positions:5d}  {r.path}{again}")
        texts = [r for r in summary.ok if r.act_key]
        if len({r.act_key for r in texts}) < len(texts):  # some act came in two languages
            click.echo(t("languages.ingest.acts", ui, acts=len({r.act_key for r in texts}), texts=len(texts)))
        click.echo(t("store.ingest.summary", _lang(), acts=summary.acts,
                     added=sum(r.status == "added" for r in summary.ok),
                     versions=sum(r.status == "new_version" for r in summary.ok),
                     unchanged=sum(r.status == "unchanged" for r in summary.ok),
                     positions=summary.positions, warnings=summary.warnings, failed=len(summary.failed)))
    if summary.failed:
        sys.exit(2)


@click.command()
@click.argument("query")
@click.option("--lang", type=click.Choice(["kk", "ru"]), default=None,
              help="Only posts of acts in this language (and stem the query for it).")
@click.option("--body", default=None, help="Words of the department or issuing body (any inflection).")
@click.option("--category", default=None, help="Category as printed or ASCII: С-4, C-4, C-R-5.")
@click.option("--in-force-on", default=None, metavar="DATE", help="Only acts in force on DATE (YYYY-MM-DD).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0))
@DB_OPTION
@JSON_OPTION
def search(query, lang, body, category, in_force_on, limit, offset, db, as_json) -> None:
    """Search posts by title, department, duties, education and competence.

    Kazakh and Russian words match in any inflection (сарапшыға finds сарапшы, инспектора finds
    инспектор).  Every word must match; results are ranked, title matches first.
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.text import Text

    with _open(db) as store:
        hits = store.search(query, lang=lang, body=body, category=category, in_force_on=in_force_on,
                            limit=limit, offset=offset)
    if as_json:
        _dump([h.to_dict() for h in hits])
        return
    ui = _lang()
    if not hits:
        click.echo(t("store.search.none", ui))
        return
    console = Console(highlight=False, soft_wrap=False)
    # on a terminal the matched words are highlighted; piped output marks them with [ ]
    plain = not console.is_terminal

    def marked(value: str, marks, base: str = "") -> Text:
        if plain:
            from kzqual.store.search import mark

            return Text(mark(value, marks), style=base)
        out = Text(value, style=base)
        for s, e in marks:
            out.stylize("bold reverse", s, e)
        return out

    console.print(escape(t("store.search.results", ui, query=query, count=len(hits))))
    for i, h in enumerate(hits, offset + 1):
        head = Text(f"{i}. ", style="bold")
        head.append_text(marked(h.title, h.title_marks, "bold"))
        if h.category_raw or h.category:
            head.append(f"  [{h.category_raw or h.category}]", style="cyan")
        if h.numbers:
            head.append("  № " + ", ".join(h.numbers), style="cyan")
        console.print(head)
        act_title = h.act_title if len(h.act_title) <= 60 else h.act_title[:59] + "…"
        other = f" · {h.aligned['language']}: {h.aligned['position_id']}" if h.aligned else ""
        console.print(Text(f"   {h.position_id} ({h.language}) · {h.act_key} ({_status(h.act_status)}) · "
                           f"{act_title}{other}", style="dim"))
        if h.snippet_field != "title":
            console.print(Text("   ").append_text(marked(h.snippet, h.marks)))


@click.command()
@click.argument("position_id")
@click.option("--version", "version", default=None, type=click.IntRange(1), metavar="N",
              help="The post as version N of its act's text had it (versions are per language; see "
                   "'kzqual acts --history KEY'); default the newest version that has it.")
@click.option("--lang", type=click.Choice(["kk", "ru"]), default=None,
              help="The post in this language text of its act (default: Kazakh where there is one).")
@DB_OPTION
@JSON_OPTION
def show(position_id: str, version: int | None, lang: str | None, db: str | None, as_json: bool) -> None:
    """Print a post with every requirement and the raw lines of the act it was read from, and
    the same post in the act's other language text where the two are aligned."""
    with _open(db) as store:
        rec = store.position_record(position_id, version, lang)
    if as_json:
        _dump({"position": rec.position.model_dump(mode="json"), "act": rec.act.to_dict(), "raw": rec.raw,
               "requirements": [asdict(r) for r in rec.requirements], "aligned": rec.aligned})
        return
    from rich.console import Console
    from rich.text import Text

    ui = _lang()
    p = rec.position
    console = Console(highlight=False)
    console.print(Text(p.title, style="bold"))
    rows = [
        (t("common.position", ui), p.id),
        (t("common.act", ui), f"{rec.act.key} v{rec.act.version} · {rec.act.title} ({_status(rec.act.status)})"),
        (t("common.category", ui), p.category_raw or p.category or "—"),
        (t("store.field.department", ui), " / ".join(x for x in (p.department, p.division) if x) or "—"),
        (t("store.field.numbers", ui), ", ".join(p.numbers) or "—"),
        (t("store.field.units", ui), str(p.units) if p.units is not None else "—"),
        (t("common.lines", ui), f"{p.lines.start}-{p.lines.end}"),
    ]
    if rec.aligned:
        rows.append((t("languages.aligned", ui),
                     f"{rec.aligned['position_id']} ({rec.aligned['language']}; kzqual show "
                     f"{rec.aligned['position_id']} --lang {rec.aligned['language']})"))
    for label, value in rows:
        console.print(Text.assemble((f"{label}: ", "bold"), value))
    for r in rec.requirements:
        where = f" ({t('common.lines', ui).lower()} {r.lines[0]}-{r.lines[1]})" if r.lines else ""
        console.print(Text.assemble("\n", (t(f"store.req.{r.kind}", ui), "bold"), where))
        console.print(Text(r.text))
        if r.raw is not None and r.raw.strip() != r.text.strip():
            for line in r.raw.splitlines():
                console.print(Text("  │ " + line, style="dim"), soft_wrap=True)
    if p.warnings:
        console.print(Text("\n" + t("common.warnings", ui), style="bold"))
        from kzqual.positions.warnings import localize

        for w in p.warnings:
            console.print(Text(f"  - {localize(w, ui)}"))


@click.command()
@click.option("--as-of", default=None, metavar="DATE", help="Status on DATE (YYYY-MM-DD).")
@click.option("--status", type=click.Choice(["in_force", "repealed", "not_yet_in_force"]), default=None)
@click.option("--limit", default=None, type=click.IntRange(1))
@click.option("--history", "history_key", default=None, metavar="KEY",
              help="The versions of the act's text (in --lang, default Kazakh where there is one) in "
                   "the order they were ingested (a version with the text of an earlier one shows "
                   "'= vN'); the current one is marked *.")
@click.option("--lang", type=click.Choice(["kk", "ru"]), default=None,
              help="The act's text in this language (acts without one are left out).")
@DB_OPTION
@JSON_OPTION
def acts(as_of, status, limit, history_key, lang, db, as_json) -> None:
    """List the acts in the registry, one row per act with its language texts, and their status
    (on --as-of DATE, else as their text says)."""
    with _open(db) as store:
        if history_key:
            versions = store.act_versions(history_key, lang)
            current = store.get_act(history_key, lang=lang).summary.version
        else:
            items = store.list_acts(as_of=as_of, status=status, limit=limit, lang=lang)
    if history_key:
        if as_json:
            _dump([{**v.to_dict(), "current": v.version == current} for v in versions])
            return
        for v in versions:
            mark = "*" if v.version == current else " "
            again = f"  = v{v.same_text_as}" if v.same_text_as else ""
            click.echo(f"{mark} v{v.version}  {v.ingested_at}  {v.positions:5d}  {v.source or ''}{again}")
        return
    if as_json:
        _dump([a.to_dict() for a in items])
        return
    from rich.console import Console
    from rich.table import Table

    ui = _lang()
    if not items:
        click.echo(t("store.acts.none", ui))
        return
    table = Table(show_lines=False)
    for key in ("store.field.key", "store.field.version", "acts.language", "acts.date", "acts.status",
                "store.field.positions"):
        table.add_column(t(key, ui), no_wrap=True)
    table.add_column(t("common.act", ui), overflow="ellipsis", no_wrap=True, max_width=60)
    for a in items:
        st = _status(a.status)
        if a.status == "repealed" and a.repealed_on:
            st += f" {a.repealed_on}"
        table.add_row(a.key, str(a.version), ", ".join(a.languages or [a.language]), a.date or "—", st,
                      str(a.positions), a.title)
    console = Console(highlight=False)
    if not console.is_terminal:  # piped: do not squeeze the table into 80 columns
        console = Console(highlight=False, width=170)
    console.print(table)
