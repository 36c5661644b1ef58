"""Web fixtures: pages of the shared headless Chromium (tests/browser.py) and a live server."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from browser import new_page


@pytest.fixture()
def page(browser):
    with new_page(browser, viewport={"width": 1280, "height": 900}, locale="kk-KZ") as pg:
        yield pg


@pytest.fixture()
def phone(browser):
    with new_page(browser, viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                  has_touch=True) as pg:
        yield pg


@pytest.fixture(scope="session")
def screenshots(artifacts_dir) -> Path:
    d = artifacts_dir / "screenshots"
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture(scope="session")
def web_url(tmp_path_factory):
    """A live server over a registry with the five bundled acts and a few public-service cases."""
    from datetime import date, datetime

    from kzqual.api import Settings, create_app
    from kzqual.api.server import ServerThread
    from kzqual.services.cases import ServiceDesk
    from kzqual.services.iin import make_iin
    from kzqual.store import open_store

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "api"))
    from api_helpers import bundled_registry

    db = bundled_registry(tmp_path_factory.mktemp("web") / "kzqual.db")
    with open_store(db) as store:
        desk = ServiceDesk(store.engine)
        g = desk.add_group(number="3", profile="жүргізуші", planned_creation=date(2024, 4, 1),
                           period_start=date(2024, 4, 15), period_end=date(2024, 6, 28))
        for serial, at in ((1, datetime(2024, 3, 20, 18, 30)), (2, datetime(2024, 6, 10, 10)),
                           (3, datetime(2024, 7, 1, 10))):
            app = {"iin": make_iin(date(2004, 5, 17), "m", serial), "surname": "Сейітов", "name": "Ерлан",
                   "patronymic": "Болатұлы", "address": "Астана қ.", "phone": "+7 701 123 45 67",
                   "addressee": "Астана қаласы бойынша қорғаныс істері департаментінің",
                   "branch": "Әскери-техникалық мектептің Астана филиалы", "documents": ["медкарта"],
                   "consent": True, "signed_with": "eds"}
            desk.apply(app, at=at, actor="portal")
        desk.accept(1, group_id=g.id, at=datetime(2024, 3, 27, 11), actor="officer A")
        desk.refuse(2, grounds=[1], reason="деректер нақты емес", at=datetime(2024, 6, 11, 10), actor="officer A")
        desk.complain(2, target="decision", text="Шешіммен келіспеймін", at=datetime(2024, 6, 12, 15),
                      actor="applicant")
    srv = ServerThread(create_app(Settings(db=db, token=WEB_TOKEN)))
    url = srv.start()
    yield url
    srv.stop()


WEB_TOKEN = "web-token-42"


@pytest.fixture()
def staff(web_url):
    """An httpx client signed in on ``web_url`` as the bootstrap admin (the service pages are staff only)."""
    from staff import staff_client

    client = staff_client(web_url, WEB_TOKEN)
    yield client
    client.close()
