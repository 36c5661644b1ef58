"""Public-service pages for signed-in staff (kzqual.api.policy): cases with deadlines and overdue
flags, a case with its events, a complaint with its handling, and the Н6-ӘТМ report.  An operator
sees their own office's cases; every page that shows a case or complaint is audited."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request

from kzqual.api import auth
from kzqual.api.service_desk import get_desk
from kzqual.services.workflow import CASE_STATES
from kzqual.web.page_home import _date, _int
from kzqual.web.render import render

router = APIRouter()
PAGE = 50


def _as_of(value: str | None) -> dt.date | None:
    d = _date(value)
    return dt.date.fromisoformat(d) if d else None


@router.get("/services")
def cases(request: Request):
    qp = request.query_params
    state = (qp.get("state") or "").strip()[:40] or None
    overdue = qp.get("overdue") in ("1", "on", "true")
    as_of = _as_of(qp.get("as_of"))
    offset = _int(qp.get("offset"), 0, 0, 10_000_000)
    views = get_desk(request.app).cases(state=state, as_of=as_of, overdue_only=overdue,
                                        office=auth.office_filter(auth.principal_of(request)))
    items = [v.as_dict() for v in views[offset : offset + PAGE]]
    auth.audit(request, "case.list", details={"cases": [i["id"] for i in items]})
    page = {"items": items, "total": len(views), "limit": PAGE, "offset": offset}
    year = (as_of or dt.date.today()).year
    return render(request, "services.html", page=page, state=state or "", overdue=overdue,
                  as_of=as_of.isoformat() if as_of else "", states=STATES, year=year, active="/services")


STATES = CASE_STATES


@router.get("/services/complaints")
def complaints(request: Request):
    """The reviewer's work list (an operator's: complaints about their office's cases)."""
    views = get_desk(request.app).complaints(office=auth.office_filter(auth.principal_of(request)))
    items = [v.as_dict() for v in views[:500]]
    auth.audit(request, "complaint.list", details={"complaints": [k["id"] for k in items]})
    return render(request, "complaints.html", items=items, active="/services")


@router.get("/services/report")
def report(request: Request):
    """Н6-ӘТМ of the half-year and the chart of cases per month (an operator's office), with links
    to the API's JSON and CSV of exactly these figures (the same query)."""
    from urllib.parse import urlencode

    from kzqual.api.routes.service_stats import monthly_figures
    from kzqual.services.report import Organisation, heading
    from kzqual.web.monthly_chart import layout
    from kzqual.web.render import page_lang

    qp = request.query_params
    today = dt.date.today()
    year = _int(qp.get("year"), today.year, 2000, 2100)
    half = _int(qp.get("half"), 1 if today.month <= 6 else 2, 1, 2)
    training_org = (qp.get("training_org") or "").strip()[:300]
    office = auth.office_filter(auth.principal_of(request))
    desk = get_desk(request.app)
    rep_obj = desk.report_n6(year=year, half=half, office=office,
                             organisation=Organisation(training_organisation=training_org))
    rep = rep_obj.as_dict()
    lang = page_lang(request)
    # The form's heading as the printable form fills it ("…" where no organisation is named).
    title = heading(rep_obj, lang if lang in ("kk", "ru") else "en", blank="…")
    _, figures = monthly_figures(request, year, half)
    # The form exists in Kazakh and Russian only (appendix 6 and kzqual's translation): the English
    # page offers both rather than a link the API must refuse.
    form_langs = [lang] if lang in ("kk", "ru") else ["kk", "ru"]
    query = {"year": year, "half": half, **({"training_org": training_org} if training_org else {})}
    return render(request, "report.html", r=rep, year=year, half=half, title=title, active="/services",
                  form_langs=form_langs, figures=figures, chart=layout(figures["months"]),
                  training_org=training_org, n6_query=urlencode(query),
                  monthly_query=urlencode({"year": year, "half": half}))
