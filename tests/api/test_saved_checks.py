"""Saved eligibility checks (kzqual.web.saved_checks): the Alembic branch "web" creates exactly the
table the code uses; a check saved on SQLite and on PostgreSQL comes back under its opaque id, an
expired or malformed id gives nothing; over a live server the share link round-trips and says
nothing about the person."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from pathlib import Path

import httpx
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import create_engine, inspect, update

import kzqual
from kzqual.store import open_store
from kzqual.web import saved_checks
from staff import csrf_of

VERSIONS = Path(kzqual.__file__).parent / "store" / "migrations" / "versions"


def _migration():
    (path,) = sorted(VERSIONS.glob("web_0001_*.py"))
    spec = importlib.util.spec_from_file_location("web_0001", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_migration_matches_the_table_and_downgrades(tmp_path):
    mod = _migration()
    assert mod.branch_labels == ("web",) and mod.down_revision is None
    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    with engine.begin() as conn:
        with Operations.context(MigrationContext.configure(conn)):
            mod.upgrade()
        assert compare_metadata(MigrationContext.configure(conn), saved_checks.metadata) == []
    with engine.begin() as conn:
        with Operations.context(MigrationContext.configure(conn)):
            mod.downgrade()
    assert "web_saved_checks" not in inspect(engine).get_table_names()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.db'}"
    else:
        server = request.getfixturevalue("pg_server")
        name = server.create_db()
        request.addfinalizer(lambda: server.drop_db(name))
        url = server.url(name)
    with open_store(url) as store:  # migrated to every head, the "web" branch included
        yield store.engine


def test_save_load_and_expiry_on_both_back_ends(engine):
    content = {"version": 1, "form": {"w0_employer": "Әкімдік", "as_of": "2020-01-01"}}
    key = saved_checks.save(engine, content)
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", key)  # 128 random bits, nothing else
    assert saved_checks.load(engine, key) == content
    assert saved_checks.save(engine, content) != key  # the same answers saved twice: two ids
    assert saved_checks.load(engine, "A" * 22) is None
    assert saved_checks.load(engine, "../../etc/passwd") is None
    old = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=saved_checks.KEEP_DAYS + 1)
    with engine.begin() as conn:
        conn.execute(update(saved_checks.saved_checks).where(saved_checks.saved_checks.c.id == key)
                     .values(created_at=old))
    assert saved_checks.load(engine, key) is None  # expired: gone for readers
    saved_checks.save(engine, content)  # ... and deleted by the next save
    with engine.connect() as conn:
        ids = [r.id for r in conn.execute(saved_checks.saved_checks.select())]
    assert key not in ids and len(ids) == 2


def test_an_oversized_check_is_refused(engine):
    from kzqual.errors import InputError

    with pytest.raises(InputError):
        saved_checks.save(engine, {"form": {"profile_json": "x" * (saved_checks.MAX_BYTES + 1)}})


def test_share_link_round_trip_over_a_live_server(live):
    token = csrf_of(live.get("/eligibility?lang=en").text)
    form = {"csrf_token": token, "position_id": "15125-g1-p1", "as_of": "2020-01-01", "edu_level": "higher",
            "w0_employer": "Акимат Астаны", "w0_start": "2012-01-01", "w0_state": "1"}
    r = live.post("/eligibility/share?lang=en", data=form, follow_redirects=False)
    assert r.status_code == 303, r.text[:300]
    location = r.headers["location"]
    assert re.fullmatch(r"/eligibility/saved/[A-Za-z0-9_-]{22}#result", location)
    page = live.get(location.split("#")[0] + "?lang=en")
    assert page.status_code == 200
    assert 'value="Акимат Астаны"' in page.text and 'id="verdict"' in page.text
    assert 'id="share-url"' in page.text and location.split("#")[0] in page.text
    with httpx.Client(base_url=str(live.base_url), timeout=60) as stranger:  # no cookie: the link alone
        again = stranger.get(location.split("#")[0] + "?lang=en")
    assert again.status_code == 200 and 'value="Акимат Астаны"' in again.text
    missing = live.get("/eligibility/saved/AAAAAAAAAAAAAAAAAAAAAA?lang=en")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    # a check with a problem is not saved: the form comes back with the error on its field
    bad = live.post("/eligibility/share?lang=en", data={**form, "w0_end": "2010-01-01"}, follow_redirects=False)
    assert bad.status_code == 400 and 'id="err-w0_end"' in bad.text and 'value="Акимат Астаны"' in bad.text


def test_saves_are_bounded_per_address(serve_app, registry, monkeypatch):
    """Anyone may save a check: past the hourly budget of an address the answer is 429 and nothing
    more is stored (a fresh server: the budget is counted per server process)."""
    from kzqual.api import Settings

    monkeypatch.setattr(saved_checks, "SAVES_PER_HOUR", 3)
    url = serve_app(Settings(db=registry))

    def stored() -> int:
        with open_store(registry) as store, store.engine.connect() as conn:
            return len(conn.execute(saved_checks.saved_checks.select()).all())

    before = stored()
    with httpx.Client(base_url=url, timeout=60) as c:
        token = csrf_of(c.get("/eligibility?lang=en").text)
        form = {"csrf_token": token, "position_id": "15125-g1-p1", "as_of": "2020-01-01", "edu_level": "higher"}
        codes = [c.post("/eligibility/share?lang=en", data=form, follow_redirects=False).status_code for _ in range(4)]
        assert codes == [303, 303, 303, 429]
        refused = c.post("/eligibility/share?lang=en", data=form, follow_redirects=False)
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    assert stored() == before + 3


def test_saved_match_exports_are_the_api_answer(live):
    """A saved check's list exports as the API's JSON for the same answers and page, and as CSV of the
    same posts; the result page links both (issue 14: match results have JSON and CSV links)."""
    import csv
    import html as htmllib
    import io
    import json

    token = csrf_of(live.get("/eligibility?lang=en").text)
    form = {"csrf_token": token, "as_of": "2020-01-01", "edu_level": "higher", "w0_employer": "Акимат Астаны",
            "w0_start": "2012-01-01", "w0_state": "1"}
    r = live.post("/eligibility/share?lang=en", data=form, follow_redirects=False)
    assert r.status_code == 303, r.text[:300]
    path = r.headers["location"].split("#")[0]
    page = live.get(path + "?lang=en").text
    links = [h.replace("&amp;", "&") for h in re.findall(r'href="(/eligibility/saved/[^"]+/match[^"]*)"', page)]
    assert links == [f"{path}/match?offset=0", f"{path}/match?offset=0&format=csv"]
    mine = live.get(links[0]).json()
    # the API's answer for the profile the page shows and the same page of posts
    profile = json.loads(htmllib.unescape(re.search(r'<pre class="lines">(.*?)</pre>', page, re.S).group(1)))
    api = live.post("/api/v1/eligibility/match", json={"profile": profile, "as_of": "2020-01-01", "limit": 20}).json()
    assert mine == api
    assert mine["counts"]["met"] > 0
    shown = re.findall(r'<section class="panel" id="qualified".*?</section>', page, re.S)[0]
    assert all(f'value="{i["id"]}"' in shown for i in mine["qualified"])
    table = list(csv.DictReader(io.StringIO(live.get(links[1]).text.lstrip("\ufeff"))))
    assert [(r["group"], r["id"]) for r in table] == [(g, i["id"]) for g in ("qualified", "near_misses", "possible")
                                                     for i in mine[g]]
    assert live.get(f"{path}/match?format=xml").status_code == 400
    assert live.get("/eligibility/saved/AAAAAAAAAAAAAAAAAAAAAA/match").status_code == 404
