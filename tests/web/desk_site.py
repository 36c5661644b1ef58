"""A live server for the staff pages of the public service (page_desk): two offices' operators, a
reviewer, the bootstrap admin, a free and a paid training platoon, on SQLite or PostgreSQL.
Cases are opened in the test through the same ServiceDesk the pages call.
(A uniquely named module: every area has a ``conftest``.)"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import httpx

from kzqual.api import Settings, create_app
from kzqual.api.server import ServerThread
from kzqual.services.iin import make_iin

from staff import BOOTSTRAP, csrf_of, sign_in

BOOT = "boot-token-desk"
_serials = itertools.count(1)  # one birth day per applicant: distinct ИИН (one open application each)

# 2025: every step lies in the past, inside the paid window (1 February – 20 December).
FREE = dict(number="5", profile="жүргізуші", planned_creation=date(2025, 3, 1), period_start=date(2025, 3, 10),
            period_end=date(2025, 5, 30))
LATER = dict(number="9", profile="жүргізуші", planned_creation=date(2025, 4, 1), period_start=date(2025, 4, 14),
             period_end=date(2025, 6, 27))
PAID = dict(number="7", profile="байланысшы", planned_creation=date(2025, 3, 1), period_start=date(2025, 3, 10),
            period_end=date(2025, 5, 30), basis="paid")


def application(basis: str = "free", **extra) -> dict:
    return {"iin": make_iin(date(2005, 1, 1) + timedelta(days=next(_serials)), "m", 1), "surname": "Сейітов", "name": "Ерлан",
            "patronymic": "Болатұлы", "address": "Астана қ., Бейбітшілік к-сі 14", "phone": "+7 701 555 01 02",
            "addressee": "Астана қаласы бойынша қорғаныс істері департаментінің",
            "branch": "Әскери-техникалық мектептің Астана филиалы", "documents": ["медициналық куәландыру картасы"],
            "consent": True, "signed_with": "eds", "basis": basis, **extra}


@dataclass
class Site:
    url: str
    db: str
    desk: object
    groups: dict[str, int]
    tokens: dict[str, str] = field(default_factory=dict)
    clients: list = field(default_factory=list)

    def client(self, who: str = "op-astana") -> httpx.Client:
        c = httpx.Client(base_url=self.url, timeout=60)
        sign_in(c, who, self.tokens[who])
        self.clients.append(c)
        return c

    def new_case(self, basis: str = "free", office: str = "astana", at=datetime(2025, 3, 3, 10, 0)) -> int:
        return self.desk.apply(application(basis), at=at, actor="portal", office=office).case.id

    def state(self, case_id: int) -> str:
        return self.desk.case(case_id).case.state


def start(db: str) -> tuple[Site, ServerThread, object]:
    from kzqual.services.cases import ServiceDesk
    from kzqual.services.users import Users
    from kzqual.store import open_store

    store = open_store(db, create=True)
    desk = ServiceDesk(store.engine)
    groups = {"free": desk.add_group(**FREE).id, "paid": desk.add_group(**PAID).id, "later": desk.add_group(**LATER).id}
    users = Users(store.engine)
    tokens = {"op-astana": users.add("op-astana", role="operator", office="astana"),
              "op-almaty": users.add("op-almaty", role="operator", office="almaty"),
              "reviewer": users.add("reviewer", role="reviewer"), BOOTSTRAP: BOOT}
    srv = ServerThread(create_app(Settings(db=db, token=BOOT)))
    return Site(url=srv.start(), db=db, desk=desk, groups=groups, tokens=tokens), srv, store


def post_form(client: httpx.Client, path: str, data: dict, page: str | None = None) -> httpx.Response:
    """Post a page's form as a browser does: with the CSRF token of the page it sits on."""
    token = csrf_of(client.get(page or path).text)
    return client.post(path, data={**data, "csrf_token": token}, follow_redirects=False)


def field_error(html: str, step: str, name: str) -> str | None:
    """The error shown next to a field of a step's form, or None."""
    m = re.search(rf'id="{step}-{name}-error"[^>]*>([^<]+)<', html)
    return m.group(1).strip() if m else None


def serve(request, tmp_path_factory, name: str):
    """A module's site on the back end its fixture is parametrised with ("sqlite" / "postgresql"),
    stopped (clients, server, store) when the module is done."""
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp(name) / "kzqual.db")
    else:
        server = request.getfixturevalue("pg_server")
        db = server.url(server.create_db())
    site, srv, store = start(db)
    yield site
    for c in site.clients:
        c.close()
    srv.stop()
    store.close()


def text(r: httpx.Response) -> str:
    """A page's text with HTML entities decoded (names and quotes as the reader sees them)."""
    import html

    return html.unescape(r.text)
