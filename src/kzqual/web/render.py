"""Template rendering with the message catalogue bound to the page's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context

from kzqual import __version__
from kzqual.i18n import DEFAULT_LANG, LANGS, t
from kzqual.positions.warnings import localize
from kzqual.services.standard import citation_label
from kzqual.web.dates import dates_in_text, format_date, format_datetime

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.trim_blocks = True
templates.env.lstrip_blocks = True


@pass_context
def _date_filter(context: Any, value: Any) -> str:
    return format_date(value, context.get("lang") or DEFAULT_LANG)


@pass_context
def _datetime_filter(context: Any, value: Any) -> str:
    return format_datetime(value, context.get("lang") or DEFAULT_LANG)


# `{{ case.submitted_at | datetime }}`, `{{ d.due | date }}`: the reader's locale, never ISO strings
templates.env.filters["date"] = _date_filter
templates.env.filters["datetime"] = _datetime_filter


@pass_context
def _dates_in_filter(context: Any, value: Any) -> str:
    return dates_in_text(value, context.get("lang") or DEFAULT_LANG)


templates.env.filters["dates_in"] = _dates_in_filter

LANG_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def page_lang(request: Request) -> str:
    lang = getattr(request.state, "lang", None)
    if lang:
        return lang
    # A response made before the language middleware ran (the body-size limit refuses a request
    # ahead of every other layer): choose the same way it would.
    from kzqual.web import lang as langmod

    chosen, _ = langmod.negotiate(request.query_params.get("lang"), request.cookies.get(langmod.COOKIE),
                                  request.headers.get("accept-language"))
    return chosen


def url_with(request: Request, **params: Any) -> str:
    """The current URL with some query parameters replaced (None removes one)."""
    query = dict(request.query_params)
    for key, value in params.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = str(value)
    qs = urlencode(query)
    return request.url.path + (f"?{qs}" if qs else "")


def export_links(path: str, params: dict[str, Any] | None = None, *, whole: bool = False) -> tuple[str, str]:
    """(JSON, CSV) links for what a page shows: the API's ``path`` with the page's own query (empty
    values left out), and the same with ``format=csv`` (``whole``: every page of a list, ``all=1``;
    see kzqual.api.csv_export)."""
    query = {k: v for k, v in (params or {}).items() if v not in (None, "")}

    def href(extra: dict[str, str]) -> str:
        qs = urlencode({**query, **extra})
        return path + (f"?{qs}" if qs else "")

    return href({}), href({"format": "csv", **({"all": "1"} if whole else {})})


def render(request: Request, template: str, http_status: int = 200, **context: Any) -> HTMLResponse:
    lang = page_lang(request)

    def tr(key: str, **params: Any) -> str:
        return t(key, lang, **params)

    def tr_or(key: str, fallback: Any) -> str:
        # Values from the data (states, kinds) shown by label where the catalogue has one.
        text = t(key, lang)
        return str(fallback) if text == key else text

    context.update(
        request=request,
        lang=lang,
        langs=LANGS,
        lang_names=LANG_NAMES,
        t=tr,
        tr_or=tr_or,
        cite=lambda where: citation_label(str(where), lang),
        warning=lambda w: localize(w, lang),  # a parser warning (code + params) in the page's language
        url_with=lambda **p: url_with(request, **p),
        export_links=export_links,
        version=__version__,
        nav=getattr(request.app.state, "web_nav", []),
        active=context.get("active", request.url.path),
    )
    context.update(page_security(request))
    response = templates.TemplateResponse(request, template, context, status_code=http_status)
    if context.get("new_csrf_cookie"):
        response.headers.append("set-cookie", context["new_csrf_cookie"])
    return response


def page_security(request: Request) -> dict[str, Any]:
    """Who is signed in, and the CSRF token every form of the page carries (the session's, or
    the visitor's ``kzqual_csrf`` cookie, made now if the visitor has none)."""
    from kzqual.api import sessions
    from kzqual.api.auth import principal_of

    principal = principal_of(request)
    token = (principal.session or {}).get("csrf") or request.cookies.get(sessions.CSRF_COOKIE)
    cookie = None
    if not token:
        token = sessions.new_csrf()
        cookie = sessions.cookie_header(sessions.CSRF_COOKIE, token, secure=request.url.scheme == "https",
                                        same_site="Strict")
    return {"principal": principal, "csrf": token, "csrf_field": sessions.CSRF_FIELD, "new_csrf_cookie": cookie}


# Which kind of record a page's path parameter names, for a translated "no such X" sentence.
_ID_KINDS = {"position_id": "position", "key": "act", "case_id": "case", "complaint_id": "complaint"}


def error_status_group(status: int) -> int:
    """The catalogue group of an HTTP status: 401, 403, 404, 413, 500 have their own texts; other 4xx
    read as 400."""
    if status in (401, 403, 404, 413):
        return status
    return 500 if status >= 500 else 400


def error_page(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    # The page speaks the reader's language from the catalogue; the error's own (English, technical)
    # message is kept only as a folded detail for 4xx other than 404 (e.g. which form field is wrong).
    group = error_status_group(status)
    lang = page_lang(request)
    missing = None
    if group == 404 and request.path_params:
        name, value = next(reversed(request.path_params.items()))
        missing = t(f"web.error.not_found.{_ID_KINDS.get(name, 'other')}", lang, id=value)
    detail = message if group in (400, 401, 403, 413) else None
    return render(request, "error.html", http_status=status, status_code=status, code=code, group=group,
                  missing=missing, detail=detail)
