"""``kzqual taxonomy [QUERY]``: the education groups and specialties the engine knows, in kk/ru/en."""

from __future__ import annotations

import json

import click

from kzqual.commands.lang import default_lang
from kzqual.i18n import t


@click.command()
@click.argument("query", required=False, default="")
@click.option("--lang", type=click.Choice(["kk", "ru", "en"]), default=default_lang, show_default="KZQUAL_LANG, else kk",
              help="language of the names printed")
@click.option("--taxonomy", "taxonomy_file", type=click.Path(dir_okay=False),
              help="extra specialty taxonomy (JSON, same format as the bundled one)")
@click.option("--json", "as_json", is_flag=True, help="print the entries as JSON (names in every language, sources)")
def taxonomy(query, lang, taxonomy_file, as_json):
    """Groups and specialties of education whose name (any language) or code contains QUERY.

    A specialty not listed here is "undetermined" for posts that name a field of education.

    \b
    Examples:
      kzqual taxonomy                      # every group and specialty, in Kazakh
      kzqual taxonomy юрисп --lang ru
      kzqual taxonomy "military" --lang en --json
    """
    from kzqual.commands.rules import _taxonomy

    tax = _taxonomy(taxonomy_file)
    rows = tax.search(query, lang)
    if as_json:
        click.echo(json.dumps({"query": query, "lang": lang, "count": len(rows), "entries": rows},
                              ensure_ascii=False, indent=2))
        return
    for r in rows:
        code = f"  [{r['code']}]" if r.get("code") else ""
        if r["kind"] == "group":
            click.echo(f"{r['name']}  ({t('taxonomy.kind.group', lang)}, {r['key']}){code}")
        else:
            click.echo(f"  - {r['name']}  ({r['group_name']}; {r['key']}){code}")
    click.echo(t("taxonomy.count", lang, n=len(rows)))
