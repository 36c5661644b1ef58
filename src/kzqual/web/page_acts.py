"""Act pages: the list, one act (metadata, history, notes, structure), and its text by line range."""

from __future__ import annotations

from fastapi import APIRouter, Request

from kzqual.acts.adilet import official_url
from kzqual.acts.labels import target_label
from kzqual.api import registry
from kzqual.api.deps import get_store
from kzqual.i18n import t
from kzqual.web.page_home import _date, _int
from kzqual.web import structure_view
from kzqual.web.charts import bar_chart, tally
from kzqual.web.render import page_lang, render

router = APIRouter()
CONTEXT = 15  # lines shown around the requested range
WINDOW = 200  # lines shown when no range is asked for


@router.get("/acts")
def acts(request: Request):
    qp = request.query_params
    status = qp.get("status") if qp.get("status") in ("in_force", "repealed") else None
    in_force_on = _date(qp.get("in_force_on"))
    items = registry.list_acts(get_store(request), status=status, in_force_on=in_force_on)
    page = {"items": items, "total": len(items), "limit": max(len(items), 1), "offset": 0}
    return render(request, "acts.html", page=page, status=status or "", in_force_on=in_force_on or "",
                  active="/acts")


def text_lang(request: Request) -> str | None:
    """``?text_lang=kk|ru``: which language text of a two-language act (``?lang`` is the page's
    own language), else None = the Kazakh text where there is one."""
    v = request.query_params.get("text_lang")
    return v if v in ("kk", "ru") else None


def _tq(summary: dict) -> str:
    """The query naming a language text, for links, when the act has two."""
    return f"text_lang={summary['language']}" if len(summary.get("languages") or []) > 1 else ""


def _version(request: Request) -> int | None:
    """``?version=N`` (a positive number), else None = the current version."""
    v = request.query_params.get("version", "")
    return int(v) if v.isdigit() and int(v) >= 1 else None


@router.get("/acts/{key}")
def act(request: Request, key: str):
    store = get_store(request)
    detail = registry.get_act(store, key, _version(request), text_lang(request))
    summary = detail["summary"]
    versions = registry.act_versions(store, summary["key"], summary["language"]) if summary["versions"] > 1 else []
    # an earlier version: its links to the text carry ?version=N (line numbers are that text's);
    # the Russian text of a two-language act: they carry ?text_lang=ru
    old = summary["version"] if summary["version"] != summary["versions"] else None
    tq = _tq(summary)
    vq = "&".join(x for x in (f"version={old}" if old else "", tq) if x)
    lang = page_lang(request)
    events = [_with_targets(e, detail["act"], lang) for e in detail["events"]]
    registration = detail["act"].get("registration") or {}
    return render(request, "act.html", a=detail["act"], s=summary, key=summary["key"], events=events,
                  structure=detail["structure"], positions=summary["positions"], warnings=detail["warnings"],
                  versions=versions, old=old, vq=vq, tq=tq, texts=detail["texts"], active="/acts",
                  adilet=official_url(registration.get("number"), registration.get("date"), lang),
                  charts=None if old else _charts(store, summary, lang))


def _charts(store, summary: dict, lang: str) -> dict:
    """The act's posts per category and per department, as SVG bar charts (current version)."""
    tallies = store.position_tallies(summary["key"], lang=summary["language"])
    if not tallies["category"]:
        return {}
    none = t("pages.chart.none", lang)
    other = t("pages.chart.other", lang)
    by_category = tally(tallies["category"], none)
    by_department = tally(tallies["department"], none)
    return {
        "category": bar_chart(by_category, title=t("pages.chart.by_category", lang), other_label=other,
                              css_id="chart-category"),
        "department": bar_chart(by_department, title=t("pages.chart.by_department", lang), other_label=other,
                                css_id="chart-department"),
    }


@router.get("/acts/{key}/read")
def act_read(request: Request, key: str):
    """The act as structured articles; Kazakh and Russian side by side where both are loaded."""
    store = get_store(request)
    version = _version(request)
    detail = registry.get_act(store, key, version, text_lang(request))
    summary = detail["summary"]
    real_key = summary["key"]
    langs = [x["language"] for x in detail["texts"]]
    if version is None and len(langs) > 1 and request.query_params.get("side") != "0":
        columns = [(lg, registry.get_act(store, real_key, None, lg)["structure"]) for lg in langs]
    else:
        columns = [(summary["language"], detail["structure"])]
    rows = structure_view.align(columns)
    part_q = request.query_params.get("part", "")
    shown, part = structure_view.page(rows, int(part_q) if part_q.isdigit() else None)
    return render(request, "read.html", a=detail["act"], key=real_key, s=summary, rows=shown, part=part,
                  parts=structure_view.parts(rows) if part else [], columns=[c for c, _ in columns],
                  act_version=version, active="/acts")


def _with_targets(event: dict, act: dict, lang: str) -> dict:
    """An amendment event with what it changed: the targets of every note citing the same
    amending act (one act often rewords several points; the event alone quotes the first)."""
    ref = event.get("by_act")
    if event.get("event") != "amended" or not ref:
        return event
    same = [n for n in act.get("notes", []) if n.get("kind") == "amendment" and n.get("amending_act")
            and (n["amending_act"].get("date"), n["amending_act"].get("number")) == (ref.get("date"), ref.get("number"))]
    return {**event, "targets": [target_label(n["target"], lang) for n in same]}


@router.get("/acts/{key}/text")
def act_text(request: Request, key: str):
    store = get_store(request)
    qp = request.query_params
    start = _int(qp.get("start"), 1, 1, 10_000_000)
    end = _int(qp.get("end"), start if qp.get("start") else WINDOW, start, start + registry.MAX_TEXT_LINES - 1)
    version = _version(request)
    detail = registry.get_act(store, key, version, text_lang(request))
    real_key = detail["summary"]["key"]
    tl = detail["summary"]["language"]
    total = registry.act_line_count(store, real_key, version, tl)
    start = min(start, max(total, 1))
    end = min(end, max(total, 1))
    highlight = bool(qp.get("start"))
    lo = max(1, start - CONTEXT) if highlight else start
    hi = min(total, end + CONTEXT) if highlight else end
    text = registry.act_text(store, real_key, lo, hi, version, tl)
    for line in text["lines"]:
        line["hl"] = highlight and start <= line["n"] <= end
    for c in text["clean"]:
        c["hl"] = highlight and c["raw_end"] >= start and c["raw_start"] <= end
    span = hi - lo + 1
    prev_start = max(1, lo - span) if lo > 1 else None
    next_start = hi + 1 if hi < total else None
    return render(
        request, "text.html", a=detail["act"], key=real_key, start=start, end=end, total=total,
        lines=text["lines"], clean=text["clean"],
        prev_start=prev_start, prev_end=lo - 1 if prev_start else None,
        next_start=next_start, next_end=min(total, hi + span) if next_start else None, act_version=version,
        text_lang=tl if len(detail["texts"]) > 1 else None,
        active="/acts",
    )
