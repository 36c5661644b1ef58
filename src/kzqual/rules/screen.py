"""Bulk screening of a JSON Lines file of profiles against a rule set, chunk by chunk.

Each chunk of validated profiles is appended to columns (:class:`kzqual.rules.columnar.Builder`),
whose metrics are computed for the whole chunk at once (:func:`kzqual.rules.columnar.metric_columns`:
interval unions with NumPy, no per-person Python) and evaluated against every distinct rule tree at
once.  A bad line (malformed JSON, a profile that fails
validation) is reported with its line number and skipped; it never aborts the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from kzqual.errors import InputError
from kzqual.rules import tree as T
from kzqual.rules.columnar import Builder, metric_columns
from kzqual.rules.profile import parse_profile
from kzqual.rules.taxonomy import Taxonomy
from kzqual.rules.vector import RuleSet, evaluate

STATUS_LABELS = np.array(["not_met", "undetermined", "met"])  # index = status + 1


@dataclass
class ScreenSummary:
    profiles: int = 0
    decisions: int = 0
    met: int = 0
    undetermined: int = 0
    bad_lines: list[tuple[int, str]] = field(default_factory=list)


def _frame(rules: RuleSet, lines: list[int], ids: list[str | None], res: np.ndarray, include_all: bool) -> pl.DataFrame:
    mask = np.ones(res.shape, bool) if include_all else res != T.NOT_MET
    prof_idx, post_idx = np.nonzero(mask)
    post_ids = np.array([p.id for p in rules.positions], dtype=object)
    return pl.DataFrame({
        "line": np.asarray(lines, np.int64)[prof_idx],
        "profile_id": np.asarray(ids, dtype=object)[prof_idx].tolist(),
        "position_id": post_ids[post_idx].tolist(),
        "status": STATUS_LABELS[res[prof_idx, post_idx] + 1].tolist(),
    }, schema={"line": pl.Int64, "profile_id": pl.Utf8, "position_id": pl.Utf8, "status": pl.Utf8})


def screen_file(path: Path, rules: RuleSet, taxonomy: Taxonomy, as_of: date, out: Path, *,
                include_all: bool = False, chunk: int = 20000, progress: bool = False) -> ScreenSummary:
    try:
        fh = path.open("rb")
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", source=str(path)) from None
    summary = ScreenSummary()
    frames: list[pl.DataFrame] = []
    batch = Builder()
    lines: list[int] = []
    ids: list[str | None] = []

    def flush() -> None:
        nonlocal batch
        if not batch.n:
            return
        n = batch.n
        cols = metric_columns(batch.build(), as_of, rules.specs, taxonomy.resolve)
        res = evaluate(rules, cols, n)
        summary.profiles += n
        summary.decisions += res.size
        summary.met += int((res == T.MET).sum())
        summary.undetermined += int((res == T.UNDETERMINED).sum())
        frames.append(_frame(rules, lines, ids, res, include_all))
        batch = Builder()
        lines.clear()
        ids.clear()

    bar = None
    if progress:
        from rich.progress import Progress

        bar = Progress(transient=True)
        bar.start()
        task = bar.add_task("screening", total=size)
    try:
        with fh:
            for no, raw in enumerate(fh, start=1):
                if bar is not None:
                    bar.advance(task, len(raw))
                if not raw.strip():
                    continue
                try:
                    prof = parse_profile(raw, source=f"line {no}")
                except InputError as exc:
                    summary.bad_lines.append((no, exc.problem))
                    continue
                batch.add(prof)
                lines.append(no)
                ids.append(prof.id)
                if batch.n >= chunk:
                    flush()
            flush()
    finally:
        if bar is not None:
            bar.stop()
    df = pl.concat(frames) if frames else _frame(rules, [], [], np.empty((0, len(rules.positions)), np.int8), False)
    try:
        if out.suffix == ".parquet":
            df.write_parquet(out)
        else:
            df.write_csv(out)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", source=str(out)) from None
    return summary
