"""``?format=csv`` on the API's read routes: the same answer as the JSON, as a CSV table (issue 14).

Datasette's rule: every page exports exactly what it shows, and the JSON is the API's.  Rather than
give each route a CSV twin (which drifts from the JSON as filters are added), this layer calls the
route as it is -- with its own validation, policy and audit -- and turns the JSON it answered into
rows:

* a page (``{"items": [...]}``): one row per item;
* a post (``{"position": ..., "requirements": [...]}``): one row per requirement, with the post;
* an act: one row per node of its structure (chapters, points, appendices), with the act;
* the taxonomy: one row per specialty;
* anything else: one row.

Nested objects become dotted columns (``act.title``), lists of plain values are joined with ``; ``
and lists of objects are kept as compact JSON.  Cells go through :mod:`kzqual.csv_cells` so a
spreadsheet will not run one as a formula.  An error (4xx/5xx) passes through as the JSON it is.
Only the routes named in ``CSV_ROUTES`` take part: the Н6 report has its own CSV form.  With
``all=1`` a list is exported whole (every page, up to ``MAX_ROWS`` rows), not only the page asked for.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any, Iterable
from urllib.parse import parse_qsl, urlencode

from kzqual.csv_cells import safe_row

# (path pattern under the API prefix, file name stem) -- the read routes that answer JSON tables
CSV_ROUTES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"/positions"), "positions"),
    (re.compile(r"/positions/[^/]+"), "position"),
    (re.compile(r"/acts"), "acts"),
    (re.compile(r"/acts/[^/]+"), "act"),
    (re.compile(r"/taxonomy"), "taxonomy"),
)
MAX_JSON_BYTES = 32 * 1024 * 1024  # a page is at most 100 items; a post or an act is far below this
PAGE = 100  # the API's largest page
MAX_ROWS = 10_000  # ``all=1``: at most this many rows (100 calls of the route)


def rows_of(data: Any) -> list[dict[str, Any]]:
    """The table a JSON answer stands for (see the module docstring)."""
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        return [flatten(x) for x in data["items"]]
    if isinstance(data, dict) and isinstance(data.get("requirements"), list) and isinstance(data.get("position"), dict):
        post = data["position"]
        head = {"position.id": post.get("id"), "position.title": post.get("title"),
                "position.category": post.get("category_raw") or post.get("category"),
                "act.key": (data.get("act") or {}).get("key")}
        return [{**head, **flatten(r)} for r in data["requirements"]]
    if isinstance(data, dict) and isinstance(data.get("entries"), list):  # the taxonomy
        return [flatten(g) for g in data["entries"]]
    if isinstance(data, dict) and isinstance(data.get("structure"), list) and isinstance(data.get("summary"), dict):
        summary = data["summary"]
        head = {"act.key": summary.get("key"), "act.title": summary.get("title"), "act.status": summary.get("status"),
                "act.language": summary.get("language")}
        return [{**head, **row} for row in _structure_rows(data["structure"], "")] or [flatten(summary, "act")]
    return [flatten(data)]


def _structure_rows(nodes: list[Any], path: str) -> list[dict[str, Any]]:
    """An act's structure tree, depth first: one row per chapter / point / appendix."""
    rows: list[dict[str, Any]] = []
    for node in nodes:
        if not isinstance(node, dict):
            continue
        here = f"{path}/{node.get('kind')}:{node.get('label') or ''}"
        lines = node.get("lines") or {}
        rows.append({"path": here, "kind": node.get("kind"), "label": _cell(node.get("label")),
                     "title": _cell(node.get("title")), "lines.start": _cell(lines.get("start")),
                     "lines.end": _cell(lines.get("end")), "text": _cell(node.get("text"))})
        rows.extend(_structure_rows(node.get("children") or [], here))
    return rows


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """``{"a": {"b": 1}, "c": [1, 2]}`` -> ``{"a.b": 1, "c": "1; 2"}``."""
    if not isinstance(value, dict):
        return {prefix or "value": _cell(value)}
    out: dict[str, Any] = {}
    for key, item in value.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(item, dict) and item:
            out.update(flatten(item, name))
        else:
            out[name] = _cell(item)
    return out


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if all(not isinstance(x, (dict, list)) for x in value):
            return "; ".join("" if x is None else str(x) for x in value)
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, dict):
        return ""  # an empty object
    return value


def to_csv(rows: list[dict[str, Any]]) -> str:
    columns: list[str] = []
    seen: set[str] = set()
    for row in rows:
        for key in row:
            if key not in seen:
                seen.add(key)
                columns.append(key)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(safe_row([row.get(c, "") for c in columns]))
    return "\ufeff" + buf.getvalue()  # a BOM: Excel then reads the Cyrillic as UTF-8


def _route(path: str, prefix: str) -> str | None:
    if not path.startswith(prefix):
        return None
    rest = path[len(prefix):]
    for pattern, stem in CSV_ROUTES:
        if pattern.fullmatch(rest):
            return stem
    return None


class CsvExport:
    """ASGI middleware: ``GET <prefix>/<route>?...&format=csv`` -> the route's JSON as CSV."""

    def __init__(self, app: Any, prefix: str) -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        formats = [v for k, v in query if k == "format"]
        stem = _route(scope["path"], self.prefix)
        if stem is None or formats != ["csv"]:
            return await self.app(scope, receive, send)
        every = ("all", "1") in query  # every page of a list, not only the one asked for
        base = [(k, v) for k, v in query if k not in ("format", "all")]
        if every:
            base = [(k, v) for k, v in base if k not in ("limit", "offset")] + [("limit", str(PAGE))]
        status, headers, body = await self._call(scope, receive, base)
        if status != 200 or not _is_json(headers):
            await _send(send, status, headers, body)
            return
        data = json.loads(body)
        if every and isinstance(data, dict) and isinstance(data.get("items"), list):
            items = list(data["items"])
            while data.get("next") and len(items) < MAX_ROWS:
                page = base + [("offset", str(len(items)))]
                status, more_headers, more = await self._call(scope, receive, page)
                if status != 200 or not _is_json(more_headers):
                    await _send(send, status, more_headers, more)
                    return
                data = json.loads(more)
                if not data.get("items"):
                    break
                items.extend(data["items"])
            data = {"items": items[:MAX_ROWS]}
        text = to_csv(rows_of(data)).encode("utf-8")
        out = [(k, v) for k, v in headers if k.lower() not in (b"content-length", b"content-type")]
        out += [(b"content-type", b"text/csv; charset=utf-8"),
                (b"content-disposition", f'attachment; filename="kzqual-{stem}.csv"'.encode()),
                (b"content-length", str(len(text)).encode())]
        await _send(send, 200, out, text if scope["method"] == "GET" else b"")

    async def _call(self, scope: dict, receive: Any, query: list[tuple[str, str]]) -> tuple[int, list, bytes]:
        """The route's own answer to ``query``: (status, headers, body)."""
        inner = dict(scope)
        inner["query_string"] = urlencode(query).encode("latin-1")
        started: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def collect(message: dict) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if sum(map(len, chunks)) > MAX_JSON_BYTES:
                    raise RuntimeError("answer too large for CSV")

        await self.app(inner, receive, collect)
        return started.get("status", 500), list(started.get("headers", [])), b"".join(chunks)


def _is_json(headers: list[tuple[bytes, bytes]]) -> bool:
    return dict(headers).get(b"content-type", b"").startswith(b"application/json")


async def _send(send: Any, status: int, headers: Iterable[tuple[bytes, bytes]], body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": list(headers)})
    await send({"type": "http.response.body", "body": body})
