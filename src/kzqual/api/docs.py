"""The API's interactive docs (``/api/v1/docs``) from Swagger UI files shipped in a Python package.

FastAPI's own docs page loads Swagger UI from a CDN and starts it with an inline script: blank
without internet, and forbidden by the Content-Security-Policy (:mod:`kzqual.api.headers`).  Here
the dist files of the ``swagger-ui-bundle-v2`` package are served under ``/api/v1/docs/assets``,
and the page starts Swagger UI with a small static script (``static/docs-init.js``) that reads the
schema's address from the page.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

INIT_JS = Path(__file__).with_name("static") / "docs-init.js"

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} — API docs</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
<link rel="icon" type="image/png" href="{assets}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{openapi}"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="{init}"></script>
</body>
</html>
"""


def install_docs(app: FastAPI, prefix: str, openapi_url: str) -> None:
    from swagger_ui_bundle import swagger_ui_path

    assets = f"{prefix}/docs/assets"
    init = f"{prefix}/docs/init.js"
    page = PAGE.format(title=escape(app.title), assets=assets, init=init, openapi=escape(openapi_url))
    app.mount(assets, StaticFiles(directory=str(swagger_ui_path)), name="swagger_ui")

    @app.get(f"{prefix}/docs", include_in_schema=False)
    def docs_page() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get(init, include_in_schema=False)
    def docs_init() -> FileResponse:
        return FileResponse(INIT_JS, media_type="text/javascript")
