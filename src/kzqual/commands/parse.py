"""``kzqual parse FILE`` (one act's metadata and structure) and ``kzqual summary [PATHS…]``."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import click

from kzqual.commands.examples import examples
from kzqual.commands.lang import cli_lang
from kzqual.errors import InputError
from kzqual.i18n import t

_MAX_TREE_CHILDREN = 12  # the readable view shows the first children of a node, then "+N more"


def _lang() -> str:
    return cli_lang()


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename, so a reader never sees half a file."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("the folder to write into does not exist", source=str(path))
    if path.is_dir():
        raise InputError("is a folder, not a file", source=str(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"cannot write ({exc.strerror})", source=str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def parsed_json(parsed, extraction=None) -> dict:
    """``{act, structure, warnings, coverage}``: the act as read, and -- from the positions reader's
    run on the same file (``extraction``) -- its act-level warnings (posts not built, criteria
    tables and headings no post took, marked ``"reader": "positions"``) and where the act's lines
    went (``positions.coverage.Coverage``), so a lost post is never silent in this JSON either."""
    data = parsed.model_dump(mode="json")
    data["act"]["key"] = parsed.act.key
    if extraction is not None:
        data["warnings"] = list(data.get("warnings") or []) + [
            {**w.model_dump(mode="json"), "reader": "positions"} for w in extraction.warnings]
        cov = extraction.coverage
        data["coverage"] = cov.model_dump(mode="json") if cov is not None else None
    return data


@examples("kzqual parse act.txt",
          "KZQUAL_LANG=ru kzqual parse act.txt",
          "kzqual parse act.txt --json | jq .act.registration",
          "kzqual parse act.txt --out act.json   # bad input: one line on stderr, exit 2, no file written")
@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True,
              help="Print one JSON object {act, structure, warnings, coverage}: the warnings include the "
              "positions reader's act-level ones, coverage is where the act's lines went.")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the JSON object to this file (atomically: temp file + rename).",
)
def parse(file: Path, as_json: bool, out: Path | None) -> None:
    """Read the act in FILE: title, type, issuer, date, number, registration, status, notes,
    entry into force, signatory, approvals and the structure tree (with raw line ranges).

    Labels of the readable view follow KZQUAL_LANG (kk, ru, en; default kk, as every command).
    """
    from kzqual.acts import parse_file

    parsed = parse_file(file)
    if as_json or out is not None:
        from kzqual.positions import extract_file

        text = json.dumps(parsed_json(parsed, extract_file(file)), ensure_ascii=False, indent=2) + "\n"
        if out is not None:
            write_atomic(out, text)
            click.echo(t("acts.written", _lang(), path=str(out)), err=True)
        else:
            click.echo(text, nl=False)
        return
    _show(parsed)


def _show(parsed) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    from rich.tree import Tree

    from kzqual.acts.labels import label as _label
    from kzqual.acts.labels import target_label as _target

    lang = _lang()
    act = parsed.act
    console = Console()
    if not console.is_terminal:
        console = Console(width=120)
    info = Table(show_header=False, box=None, pad_edge=False)
    info.add_column(style="bold")
    info.add_column(overflow="fold")

    def row(key: str, value: object) -> None:
        if value not in (None, "", []):
            info.add_row(t(key, lang), escape(str(value)))

    def ref(r) -> str:
        return " ".join(x for x in (r.issuer or "", t("acts.reg_of", lang, number=r.number or "?", date=r.date or "?")) if x)

    row("acts.title", act.title)
    row("acts.language", act.language)
    # The label in the reader's language, then the act's own word (its spelling kept).
    row("acts.type", f"{_label(f'acts.type.{act.act_type}', lang, act.act_type)} ({act.act_type_raw})")
    row("acts.issuer", act.issuer)
    row("acts.date", act.date)
    row("acts.number", act.number)
    if act.registration.number:
        row("acts.registration", t("acts.reg_of", lang, number=act.registration.number, date=act.registration.date or "?"))
    row("acts.status", t(f"common.{act.status}", lang))
    if act.repealed_by:
        row("acts.repealed_by", ref(act.repealed_by))
    row("acts.amends", "; ".join(ref(r) for r in act.amends))
    row("acts.amended_by", "; ".join(ref(r) for r in act.amended_by))
    if act.entry_into_force:
        e = act.entry_into_force
        days = t(f"acts.force.days.{e.day_kind}", lang, days=e.days) if e.days and e.day_kind else e.days
        detail = ", ".join(str(x) for x in (_label(f"acts.force.{e.kind}", lang, e.kind), days) if x)
        row("acts.entry_into_force", f"{e.rule} [{detail}]")
    if act.signatory:
        row("acts.signatory", f"{act.signatory_office or ''} {act.signatory}".strip())
    for a in act.agreed_by:
        row("acts.agreed_by", " ".join(x for x in (a.office, a.name or "", a.date or "") if x))
    for n in act.notes:
        target = _target(n.target, lang)
        kind = _label(f"web.note.{n.kind}", lang, n.kind)
        row("acts.notes", f"[{target}, {kind}] {n.text} ({t('common.lines', lang)} {n.lines.start}-{n.lines.end})")
    row("acts.lines", act.lines.end if act.lines else "")
    console.print(info)

    tree = Tree(t("acts.structure", lang))

    def add(branch, nodes) -> None:
        for node in nodes[:_MAX_TREE_CHILDREN]:
            kind = _label(f"web.kind.{node.kind}", lang, node.kind)
            head = escape(" ".join(x for x in (kind, node.label or "", node.title or node.text[:70]) if x))
            sub = branch.add(f"{head}  [dim]{node.lines.start}-{node.lines.end}[/dim]", highlight=False)
            add(sub, node.children)
        if len(nodes) > _MAX_TREE_CHILDREN:
            branch.add(f"[dim]+{len(nodes) - _MAX_TREE_CHILDREN}[/dim]")

    add(tree, parsed.structure)
    console.print(tree)
    if parsed.warnings:
        console.print(f"[yellow]{t('acts.warnings', lang)}: {len(parsed.warnings)}[/yellow]")
        from kzqual.positions.warnings import localize

        for w in parsed.warnings:
            console.print(f"  [yellow]{w['code']}[/yellow] {escape(localize(w, lang))}", highlight=False)


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    if not paths:
        from kzqual.bundled import act_paths

        return act_paths()
    from kzqual.acts.metafile import act_folder_texts, act_folders

    out: list[Path] = []
    for p in paths:
        # A folder stands for the acts in it (summary is a survey command); parse takes one file.
        # Its act folders (meta.yaml + kaz.md / rus.md, kazakhstan-law/ministerial) give both texts.
        if p.is_dir():
            out.extend(sorted(p.glob("*.txt")))
            for folder in act_folders(p):
                out.extend(q for q in act_folder_texts(folder) if q.exists())
        else:
            out.append(p)
    return out


@examples("kzqual summary                 # the five bundled acts", "kzqual summary acts/ --json")
@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of rows instead of a table.")
@click.option("--coverage", "coverage", is_flag=True,
              help="One row per act on what the positions reader placed: posts, criteria read per field, "
                   "warnings, share of lines placed, unplaced tables/headings, list gaps (folders of the "
                   "kaz.md/rus.md + meta.yaml layout are read too).")
def summary(paths: tuple[Path, ...], as_json: bool, coverage: bool) -> None:
    """One row per act in PATHS (files, or folders of .txt files; default: the bundled acts):
    file, language, type, date, number, registration, status, lines, warnings.  With
    ``--coverage``: posts, criteria read per field, warnings and coverage instead."""
    from kzqual.acts import parse_file

    if coverage:
        from kzqual.commands.coverage import coverage_rows, print_table

        rows = coverage_rows(paths)
        if as_json:
            click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            print_table(rows, _lang())
        return

    rows = []
    for path in _expand(paths):
        parsed = parse_file(path)
        a = parsed.act
        rows.append({
            "file": path.name if path.parent.name in ("", ".") or path.suffix == ".txt"
            else f"{path.parent.name}/{path.name}", "language": a.language, "type": a.act_type, "date": a.date,
            "number": a.number, "registration": a.registration.number, "status": a.status,
            "lines": a.lines.end if a.lines else 0, "warnings": len(parsed.warnings),
        })
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from kzqual.acts.labels import label

    lang = _lang()
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for key in ("file", "language", "type", "date", "number", "registration", "status", "lines", "warnings"):
        table.add_column(t(f"acts.{key}", lang), overflow="fold", no_wrap=key != "file")
    for r in rows:
        table.add_row(r["file"], r["language"], label(f"acts.type.{r['type']}", lang, r["type"]), r["date"] or "",
                      r["number"] or "",
                      r["registration"] or "", t(f"common.{r['status']}", lang), str(r["lines"]),
                      str(r["warnings"]))
    console = Console()
    if not console.is_terminal:
        # Piped or captured output (make demo, logs) gets room for a full row instead of 80 columns.
        console = Console(width=140)
    console.print(table)
