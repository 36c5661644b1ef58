"""``kzqual summary --coverage PATHS``: one row per act — posts, criteria read per field, warnings
and where the act's lines went (``positions.coverage``), in the reader's language."""

from __future__ import annotations

from pathlib import Path

from kzqual.i18n import t

def act_files(paths: tuple[Path, ...]) -> list[Path]:
    """The act texts in PATHS: files as given; a folder of the kazakhstan-law/ministerial layout
    (``kaz.md`` / ``rus.md`` beside ``meta.yaml``) gives both texts; any other folder its ``*.txt``
    and its act folders, recursively; no PATHS: the bundled acts."""
    if not paths:
        from kzqual.bundled import act_paths

        return act_paths()
    out: list[Path] = []
    for p in paths:
        out.extend(_walk(p) if p.is_dir() else [p])
    return out


def _walk(folder: Path) -> list[Path]:
    """The ``.txt`` acts under ``folder`` and the language texts of its act folders (the acts
    layer's own finder, as ``ingest`` uses)."""
    from kzqual.acts.metafile import act_folder_texts, act_folders

    out = sorted(folder.rglob("*.txt"))
    for act in act_folders(folder):
        out.extend(p for p in act_folder_texts(act) if p.exists())
    return out


def coverage_row(path: Path, root: Path | None = None) -> dict:
    """One act's row: posts, criterion -> posts read, warnings, coverage figures."""
    from kzqual.positions import extract_file

    x = extract_file(path)
    cov = x.coverage
    # a folder given on the command line shows its own name too ("adilet-2014-78721/kaz.md")
    name = str(path.relative_to(root.parent)) if root is not None and path.is_relative_to(root) else path.name
    return {
        "file": name,
        "language": x.act.language if x.act else None,
        "layout": x.layout,
        "posts": len(x.positions),
        "criteria": dict(cov.criteria),
        "warnings": len(x.warnings) + sum(len(p.warnings) for p in x.positions),
        "act_warnings": len(x.warnings),
        "lines": cov.lines,
        "placed": round(cov.placed_share, 4),
        "unplaced": len(cov.unplaced),
        "posts_not_built": len(cov.posts_not_built),
        "list_gaps": cov.list_gaps,
        "coverage": cov.model_dump(mode="json"),
    }


def coverage_rows(paths: tuple[Path, ...]) -> list[dict]:
    rows = []
    for p in paths or (None,):
        files = act_files((p,) if p is not None else ())
        root = p if p is not None and p.is_dir() else None
        rows.extend(coverage_row(f, root) for f in files)
    return rows


def print_table(rows: list[dict], lang: str) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(t("acts.file", lang), no_wrap=True)
    table.add_column(t("acts.language", lang), no_wrap=True)
    table.add_column(t("coverage.posts", lang), justify="right", no_wrap=True)
    for name in ("education", "experience", "competence", "duties"):
        label = t(f"positions.criterion.{name}", lang)
        table.add_column(label[:1].upper() + label[1:], justify="right", overflow="fold")
    table.add_column(t("acts.warnings", lang), justify="right", no_wrap=True)
    table.add_column(t("coverage.placed", lang), justify="right", no_wrap=True)
    table.add_column(t("coverage.unplaced", lang), justify="right", no_wrap=True)
    table.add_column(t("coverage.list_gaps", lang), justify="right", no_wrap=True)
    for r in rows:
        n = r["posts"]
        table.add_row(
            r["file"], r["language"] or "", str(n),
            *(f"{r['criteria'].get(c, 0)}/{n}" for c in ("education", "experience", "competence", "duties")),
            str(r["warnings"]), f"{r['placed'] * 100:.1f} %", str(r["unplaced"] + r["posts_not_built"]),
            str(r["list_gaps"]),
        )
    console = Console()
    if not console.is_terminal:
        console = Console(width=200)  # piped output gets room for a full row
    console.print(table)
    console.print(t("coverage.legend", lang))
