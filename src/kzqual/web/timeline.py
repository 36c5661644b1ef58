"""A timeline picture of a person's periods of work against the years a post requires: server-
rendered SVG (no JavaScript), for the verdict page.

One row per period (state service, state body, other work), continued with a dashed bar where the
period is still running and the next step's date lies ahead; one row per length of service each
alternative of the choice asks for, drawn as that many years ending on the day the closest one is
met (solid: ``tl-chosen``) or today (the others: a bar the periods above already cover is met);
vertical marks for the as-of day and the day the post is met.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup, escape

from kzqual.i18n import t
from kzqual.rules.evaluate import years_phrase
from kzqual.web.dates import format_date

WIDTH, LABEL_W, ROW_H, TOP = 760, 260, 24, 22
PLOT_W = WIDTH - LABEL_W - 20


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _years_before(day: dt.date, years: float) -> dt.date:
    return day - dt.timedelta(days=round(years * 365))


def _short(text: str, n: int = 34) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _mark_label(at: float, y: int, text: str, cls: str) -> str:
    # near the right edge the label ends at its mark instead of running out of the picture
    anchor, dx = ("end", -3) if at > WIDTH * 0.7 else ("start", 3)
    return f'<text class="{cls}" x="{at + dx:.1f}" y="{y}" text-anchor="{anchor}">{escape(text)}</text>'


def timeline_svg(profile: dict, as_of: dt.date, next_step: dict | None, lang: str) -> Markup:
    work = [w for w in (profile.get("work") or []) if _date(w.get("start"))]
    meets = _date((next_step or {}).get("meets_on"))
    required = (next_step or {}).get("required") or []
    horizon = max(d for d in (as_of, meets) if d)
    anchor = meets or as_of
    needs = [r["years"] for alt in (next_step or {}).get("alternatives") or [] for r in alt.get("required") or []]
    starts = ([_date(w["start"]) for w in work] + [_years_before(anchor, y) for y in needs + [r["years"] for r in required]]
              + [as_of])
    lo = min(starts) - dt.timedelta(days=60)
    hi = horizon + dt.timedelta(days=120)
    span = max((hi - lo).days, 1)

    def x(day: dt.date) -> float:
        return LABEL_W + PLOT_W * (min(max(day, lo), hi) - lo).days / span

    rows: list[str] = []
    y = TOP
    for w in work:
        start, end = _date(w["start"]), _date(w.get("end"))
        kind = "state" if w.get("state_service") else "body" if w.get("state_body") else "work"
        label = _short(" · ".join(p for p in (w.get("employer"), w.get("post")) if p and p != "—") or "—")
        until = min(end, as_of) if end else as_of
        rows.append(f'<text class="tl-label" x="4" y="{y + 15}">{escape(label)}</text>')
        if until >= start:
            rows.append(f'<rect class="tl-bar tl-{kind}" x="{x(start):.1f}" y="{y + 4}" '
                        f'width="{max(x(until) - x(start), 1.5):.1f}" height="{ROW_H - 8}"><title>'
                        f'{escape(format_date(start, lang))} – {escape(format_date(until, lang))}</title></rect>')
        runs_on = end is None or end > as_of
        if runs_on and meets and meets > as_of:
            stop = min(end, meets) if end else meets
            rows.append(f'<rect class="tl-bar tl-ahead" x="{x(as_of):.1f}" y="{y + 4}" '
                        f'width="{max(x(stop) - x(as_of), 1.5):.1f}" height="{ROW_H - 8}"/>')
        y += ROW_H
    # every alternative of the choice (the closest one drawn solid, ending on the day it is met);
    # the others end today: a bar the person's periods already cover is met on that count
    groups = (next_step or {}).get("alternatives") or [
        {"title": (next_step or {}).get("title") or {}, "chosen": True, "status": "not_met", "required": required}]
    for alt in groups:
        end = anchor if alt.get("chosen") else as_of
        mark = {"met": "✔", "not_met": "✘", "undetermined": "?"}.get(alt.get("status"), "")
        for r in alt.get("required") or []:
            start = _years_before(end, r["years"])
            # the number first: a long Kazakh label is cut at the row's end, the years must stay visible
            need = t("nextstep.required", lang, years=years_phrase(r["years"], lang))
            name = (alt.get("title") or {}).get(lang, "")
            text = " · ".join(p for p in (f"{mark} {name}".strip(), need, r["label"].get(lang, "")) if p)
            cls = "tl-need tl-chosen" if alt.get("chosen") else "tl-need"
            rows.append(f'<text class="tl-label tl-need-label" x="4" y="{y + 15}">{escape(_short(text, 44))}</text>')
            rows.append(f'<rect class="{cls}" x="{x(start):.1f}" y="{y + 6}" width="{max(x(end) - x(start), 1.5):.1f}" '
                        f'height="{ROW_H - 12}"><title>{escape(text)}: {escape(format_date(start, lang))} – '
                        f'{escape(format_date(end, lang))}</title></rect>')
            y += ROW_H
    height = y + 30 if meets else y + 18
    marks = [f'<line class="tl-today" x1="{x(as_of):.1f}" y1="{TOP - 4}" x2="{x(as_of):.1f}" y2="{y}"/>',
             _mark_label(x(as_of), y + 13, f'{t("nextstep.today", lang)} {format_date(as_of, lang)}', "tl-mark")]
    if meets:
        marks += [f'<line class="tl-meets" x1="{x(meets):.1f}" y1="{TOP - 4}" x2="{x(meets):.1f}" y2="{y}"/>',
                  _mark_label(x(meets), y + 26, f'{t("nextstep.meets", lang)} {format_date(meets, lang)}',
                              "tl-mark tl-meets-label")]
    ticks = []
    step = max(1, (hi.year - lo.year) // 10 + 1)
    for year in range(lo.year + 1, hi.year + 1, step):
        tx = x(dt.date(year, 1, 1))
        ticks.append(f'<line class="tl-tick" x1="{tx:.1f}" y1="{TOP - 2}" x2="{tx:.1f}" y2="{y}"/>'
                     f'<text class="tl-year" x="{tx + 2:.1f}" y="{TOP - 8}">{year}</text>')
    title = escape(t("nextstep.timeline", lang))
    svg = (f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{title}" '
           f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet">'
           f'<title>{title}</title>{"".join(ticks)}{"".join(rows)}{"".join(marks)}</svg>')
    return Markup(svg)
