"""Template rendering with the message catalogue bound to the page's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from kzqual import __version__
from kzqual.i18n import LANGS, t
from kzqual.positions.warnings import localize
from kzqual.services.standard import citation_label

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.trim_blocks = True
templates.env.lstrip_blocks = True

LANG_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def page_lang(request: Request) -> str:
    return getattr(request.state, "lang", "kk")


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
        version=__version__,
        nav=getattr(request.app.state, "web_nav", []),
        active=context.get("active", request.url.path),
    )
    return templates.TemplateResponse(request, template, context, status_code=http_status)


def error_page(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return render(request, "error.html", http_status=status, status_code=status, code=code, message=message)
