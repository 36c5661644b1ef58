"""The home page: search form."""

from __future__ import annotations

from fastapi import APIRouter, Request

from kzqual.web.render import render

router = APIRouter()


@router.get("/")
def home(request: Request):
    return render(request, "home.html")
