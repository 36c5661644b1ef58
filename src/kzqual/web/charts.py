"""Small bar charts as server-rendered SVG (no JavaScript, nothing inline the CSP forbids).

A horizontal bar per (label, count): the act page's posts per category and per department.  The
picture carries a ``<title>``/``<desc>`` and every bar its number as text, so a screen reader and a
printout read the same figures; the table the figures come from stays on the page beside it.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from markupsafe import Markup, escape

WIDTH, LABEL_W, BAR_H, GAP, TOP = 660, 270, 16, 6, 8
PLOT_W = WIDTH - LABEL_W - 60
MAX_BARS = 25  # more labels than this: the smallest are summed into one "other" bar


def _short(text: str, n: int = 36) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def bar_chart(rows: Iterable[tuple[str, int]], *, title: str, other_label: str, css_id: str = "") -> Markup:
    """An SVG bar chart of ``rows`` (label, count), largest first; empty Markup for no rows."""
    counts = [(label, n) for label, n in rows if n > 0]
    if not counts:
        return Markup("")
    counts.sort(key=lambda r: (-r[1], r[0]))
    if len(counts) > MAX_BARS:
        rest = sum(n for _, n in counts[MAX_BARS - 1:])
        counts = counts[: MAX_BARS - 1] + [(other_label, rest)]
    top = max(n for _, n in counts)
    height = TOP * 2 + len(counts) * (BAR_H + GAP)
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet"{f" id={chr(34)}{escape(css_id)}{chr(34)}" if css_id else ""}>',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape('; '.join(f'{label}: {n}' for label, n in counts))}</desc>",
    ]
    for i, (label, n) in enumerate(counts):
        y = TOP + i * (BAR_H + GAP)
        w = max(PLOT_W * n / top, 1.0)
        parts.append(f'<text class="chart-label" x="{LABEL_W - 6}" y="{y + BAR_H - 4}" text-anchor="end">'
                     f"<title>{escape(label)}</title>{escape(_short(label))}</text>")
        parts.append(f'<rect class="chart-bar" x="{LABEL_W}" y="{y}" width="{w:.1f}" height="{BAR_H}" data-count="{n}"/>')
        parts.append(f'<text class="chart-value" x="{LABEL_W + w + 4:.1f}" y="{y + BAR_H - 4}">{n}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def tally(counts: Iterable[tuple[str | None, int]], missing: str) -> list[tuple[str, int]]:
    """(value, count) pairs with every empty value (None or "") counted once under ``missing``."""
    total: Counter[str] = Counter()
    for value, n in counts:
        total[value or missing] += n
    return list(total.items())
