"""Cases per month of a half-year (``kzqual.services.monthly``): the figures the report page's chart
draws, as JSON or CSV.  Staff only, like the Н6-ӘТМ report: an operator's figures count their own
office; counts carry no person, the list of cases behind them is not returned."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel

from kzqual.api import auth
from kzqual.api.errors import WRITE_RESPONSES
from kzqual.api.service_desk import get_desk
from kzqual.api.strict import TEXT_INT

router = APIRouter(prefix="/services", tags=["public service"])


class Month(BaseModel):
    month: str
    as_of: str
    submitted: int
    states: dict[str, int]
    overdue: int


class Monthly(BaseModel):
    year: int
    half: int
    office: str | None
    today: str
    states: list[str]
    months: list[Month]


def monthly_figures(request: Request, year: int, half: int) -> tuple[list, dict]:
    """(rows, their JSON) for the principal (an operator: their office) — the API's and the page's."""
    from kzqual.services.calendar import kz_now
    from kzqual.services.monthly import as_dict, monthly

    office = auth.office_filter(auth.principal_of(request))
    today = kz_now().date()
    views = get_desk(request.app).cases(as_of=today, office=office)
    rows = monthly(views, year, half, today)
    return rows, as_dict(rows, year=year, half=half, office=office, today=today)


@router.get("/reports/monthly", response_model=Monthly,
            summary="Cases per month of a half-year: submitted by state at the month's end, overdue then (staff)",
            dependencies=[Depends(auth.bearer)],
            responses={**WRITE_RESPONSES, 200: {"content": {"application/json": {}, "text/csv": {}}}})
def report_monthly(
    request: Request,
    year: Annotated[int, Query(ge=2000, le=2100), TEXT_INT],
    half: Annotated[int, Query(ge=1, le=2), TEXT_INT],
    format: Literal["json", "csv"] = Query("json"),
):
    from kzqual.services.monthly import to_csv

    rows, data = monthly_figures(request, year, half)
    if format == "csv":
        return PlainTextResponse(to_csv(rows), media_type="text/csv; charset=utf-8")
    return data
