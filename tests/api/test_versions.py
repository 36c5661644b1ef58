"""Earlier act versions are readable over HTTP (issue 4): act detail, act text and a post take
``?version=N``; an unknown version is a 404 JSON error; the act page says which version it shows.

A changed copy of the ARA act (two posts renamed) is ingested over the bundled text, so v1 and
v2 differ in known lines, on both back ends.
"""

from __future__ import annotations

import httpx
import pytest
from api_helpers import assert_error
from api_token import TOKEN

from kzqual.api import Settings
from kzqual.bundled import act_paths
from kzqual.store import open_store

OLD, NEW = "Төрағаның кеңесшісі, С-3", "Төрағаның бас кеңесшісі, С-3"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def two_versions(request, tmp_path_factory) -> str:
    """A registry holding reg-9211 twice: v1 the bundled text, v2 with two posts renamed."""
    ara = next(p for p in act_paths() if p.name == "kk-ara-2014-9.txt")
    tmp = tmp_path_factory.mktemp("versions")
    v2 = tmp / "ara_v2.txt"
    text = ara.read_text(encoding="utf-8")
    assert text.count(OLD) == 2
    v2.write_text(text.replace(OLD, NEW), encoding="utf-8")
    if request.param == "sqlite":
        url = str(tmp / "r.db")
    else:
        server = request.getfixturevalue("pg_server")
        url = server.url(server.create_db())
    with open_store(url) as store:
        assert store.ingest_file(ara).version == 1
        res = store.ingest_file(v2)
        assert (res.status, res.version) == ("new_version", 2)
    return url


@pytest.fixture()
def client(two_versions, serve_app):
    url = serve_app(Settings(db=two_versions, token=TOKEN))
    with httpx.Client(base_url=url, timeout=60) as c:
        yield c


def _line_of(client, version: int | None) -> int:
    """The raw line of the first renamed post, read from the post itself."""
    q = f"?version={version}" if version else ""
    return client.get(f"/api/v1/positions/9211-2-2-1{q}").json()["position"]["lines"]["start"]


def test_act_detail_takes_a_version(client):
    cur = client.get("/api/v1/acts/reg-9211").json()["summary"]
    assert (cur["version"], cur["versions"]) == (2, 2)
    old = client.get("/api/v1/acts/reg-9211?version=1")
    assert old.status_code == 200, old.text
    body = old.json()
    assert (body["summary"]["version"], body["summary"]["versions"]) == (1, 2)
    assert body["summary"]["url"].endswith("/acts/reg-9211?version=1")
    assert "version=1" in body["text_url"]
    assert body["structure"]
    assert client.get("/api/v1/acts/reg-9211?version=2").json()["summary"]["version"] == 2


def test_act_text_takes_a_version(client):
    n = _line_of(client, 1)
    old = client.get(f"/api/v1/acts/reg-9211/text?start={n}&end={n}&version=1").json()
    new = client.get(f"/api/v1/acts/reg-9211/text?start={n}&end={n}").json()
    assert old["version"] == 1 and new["version"] == 2
    assert OLD in old["lines"][0]["text"] and NEW in new["lines"][0]["text"]
    assert any(OLD in c["text"] for c in old["clean"])
    assert all(OLD not in c["text"] for c in new["clean"])


def test_position_takes_a_version(client):
    old = client.get("/api/v1/positions/9211-2-2-1?version=1").json()
    new = client.get("/api/v1/positions/9211-2-2-1").json()
    assert old["position"]["title"] == "Төрағаның кеңесшісі"
    assert new["position"]["title"] == "Төрағаның бас кеңесшісі"
    assert old["act"]["version"] == 1 and new["act"]["version"] == 2
    assert "version=1" in old["source_url"] and "version" not in new["source_url"]


@pytest.mark.parametrize("path", ["/api/v1/acts/reg-9211?version=3", "/api/v1/acts/reg-9211/text?version=3",
                                  "/api/v1/positions/9211-2-2-1?version=3"])
def test_unknown_version_is_404(client, path):
    assert_error(client.get(path), 404, "not_found")


def test_bad_version_is_422(client):
    r = client.get("/api/v1/acts/reg-9211?version=0")
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/json")


def test_act_page_names_an_earlier_version_and_lists_them(client):
    old = client.get("/acts/reg-9211?version=1&lang=en")
    assert old.status_code == 200
    assert "Version 1 of 2 (not current)" in old.text
    assert 'href="/acts/reg-9211"' in old.text  # the current one
    assert "/acts/reg-9211/text?version=1" in old.text
    cur = client.get("/acts/reg-9211?lang=en").text
    assert "not current" not in cur
    assert 'href="/acts/reg-9211?version=1"' in cur  # the history links each version
    n = _line_of(client, 1)
    page = client.get(f"/acts/reg-9211/text?start={n}&end={n}&version=1").text
    assert OLD in page
    # paging, the range form and the way back stay in version 1
    assert "&amp;version=1#L" in page and 'name="version" value="1"' in page
    assert 'href="/acts/reg-9211?version=1"' in page
    current = client.get(f"/acts/reg-9211/text?start={n}&end={n}").text
    assert "version=" not in current.split('class="text-cols"')[0]
    assert client.get("/acts/reg-9211?version=7").status_code == 404
