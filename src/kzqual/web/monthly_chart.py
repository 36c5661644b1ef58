"""Geometry of the report page's monthly chart (no JavaScript): per month a bar of the cases
submitted, stacked by their state at the month's end, and the number of cases overdue then as a
marked line.  (kzqual.web.charts draws the act pages' horizontal bar charts; this one is stacked and
has a second series, so it keeps its own layout.)
Pure numbers here; the template draws them as inline SVG with presentation attributes (the page's
Content-Security-Policy allows no inline style)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kzqual.services.workflow import CASE_STATES

# one colour per state, in CASE_STATES order (colour-blind-safe Okabe-Ito palette)
COLOURS = dict(zip(CASE_STATES, ("#E69F00", "#56B4E9", "#D55E00", "#009E73", "#0072B2", "#999999",
                                 "#CC79A7", "#F0E442")))
OVERDUE = "#C00000"
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 40


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    state: str
    n: int


@dataclass(frozen=True, slots=True)
class Bar:
    month: str
    label_x: float
    total: int
    rects: list[Rect]
    overdue: int
    overdue_x: float
    overdue_y: float


def _nice_max(n: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000):
        if n <= step * 4:
            return step * 4
    return n


def layout(months: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars, axis ticks and the overdue polyline for the months of ``kzqual.services.monthly``."""
    top = max([m["submitted"] for m in months] + [m["overdue"] for m in months] + [1])
    ymax = _nice_max(top)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(months), 1)
    bar_w = slot * 0.55

    def y(v: float) -> float:
        return round(TOP + plot_h - v / ymax * plot_h, 1)

    bars = []
    for i, m in enumerate(months):
        x = LEFT + i * slot + (slot - bar_w) / 2
        acc, rects = 0, []
        for state in CASE_STATES:
            n = m["states"].get(state, 0)
            if n:
                rects.append(Rect(round(x, 1), y(acc + n), round(bar_w, 1), round(y(acc) - y(acc + n), 1),
                                  COLOURS[state], state, n))
                acc += n
        bars.append(Bar(m["month"], round(x + bar_w / 2, 1), m["submitted"], rects, m["overdue"],
                        round(x + bar_w / 2, 1), y(m["overdue"])))
    ticks = [(v, y(v)) for v in range(0, ymax + 1, max(ymax // 4, 1))]
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT, "top": TOP,
            "base": y(0), "bars": bars, "ticks": ticks, "colours": COLOURS, "overdue_colour": OVERDUE,
            "line": " ".join(f"{b.overdue_x},{b.overdue_y}" for b in bars),
            "used": [s for s in CASE_STATES if any(m["states"].get(s, 0) for m in months)]}


__all__ = ["layout"]
