"""``kzqual positions FILE``: every post of an act, as a table or JSON records."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kzqual.commands.lang import cli_lang
from kzqual.errors import InputError
from kzqual.i18n import t


def _lang() -> str:
    return cli_lang()


@click.command()
@click.argument("file", type=click.Path(dir_okay=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the records as a JSON array.")
@click.option(
    "--with-warnings",
    "with_warnings",
    is_flag=True,
    help="With --json/--out: one object {act, positions, warnings, coverage} instead of the bare array, "
    "carrying the act-level warnings (posts not built, criteria tables and headings no post took).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write the JSON array to this file instead of standard output.",
)
def positions(file: Path, as_json: bool, with_warnings: bool, out: Path | None) -> None:
    """List the posts of the act in FILE (id, title, category, units, numbers, warnings).

    Reads the three layouts (characteristics, paragraph, table) in Kazakh and Russian; every
    record keeps the raw line span of each criterion.  Labels follow KZQUAL_LANG (kk, ru, en).
    """
    from kzqual.positions import extract_file

    result = extract_file(file)
    records = [p.model_dump(mode="json") for p in result.positions]
    if as_json or out is not None:
        payload = with_act(result, records) if with_warnings else records
        text = json.dumps(payload, ensure_ascii=False, indent=2)
        if out is not None:
            try:
                out.write_text(text + "\n", encoding="utf-8")
            except OSError as exc:
                raise InputError(f"cannot write ({exc.strerror})", source=str(out)) from None
        else:
            click.echo(text)
        return
    _table(result)


def with_act(result, records: list[dict]) -> dict:
    """The object form of ``positions --json --with-warnings``: the act (its identity), the posts,
    the act-level warnings and the coverage (``positions.coverage.Coverage``)."""
    act = result.act
    return {
        "act": {"key": act.key if act else None, "title": act.title if act else None,
                "language": act.language if act else None,
                "registration": act.registration.number if act else None, "layout": result.layout},
        "positions": records,
        "warnings": [w.model_dump(mode="json") for w in result.warnings],
        "coverage": result.coverage.model_dump(mode="json") if result.coverage is not None else None,
    }


def _table(result) -> None:
    from rich.console import Console
    from rich.table import Table

    lang = _lang()
    console = Console()
    if not result.positions:
        console.print(t("positions.none", lang))
        from rich.markup import escape

        from kzqual.positions.warnings import localize

        for w in result.warnings:
            console.print(f"[yellow]{escape(localize(w, lang))}[/yellow]", markup=True, highlight=False)
        return
    table = Table(show_lines=False)
    for key in ("id", "title", "category", "units", "numbers", "warnings"):
        table.add_column(t(f"positions.{key}", lang), overflow="fold")
    for p in result.positions:
        table.add_row(
            p.id,
            p.title,
            p.category_raw or "",
            "" if p.units is None else str(p.units),
            ", ".join(p.numbers),
            str(len(p.warnings)) if p.warnings else "",
        )
    console.print(table)
    n_warn = len(result.warnings) + sum(len(p.warnings) for p in result.positions)
    console.print(
        t("positions.summary", lang, count=len(result.positions), layout=result.layout, warnings=n_warn)
    )
