"""Writes: refused without the operator's token (and then change nothing), accepted with it."""

from __future__ import annotations

import httpx

from kzqual.api import Settings
from kzqual.store import open_store

from api_token import TOKEN
from api_helpers import assert_error


def _acts(url: str) -> int:
    return httpx.get(f"{url}/api/v1/acts").json()["total"]


def test_ingest_refused_without_token_changes_nothing(serve_app, tmp_path, act_path):
    db = str(tmp_path / "w.db")
    url = serve_app(Settings(db=db, token=TOKEN))
    data = act_path("mod_134_ru").read_bytes()
    assert_error(httpx.post(f"{url}/api/v1/ingest", content=data), 401, "unauthorized")
    assert_error(httpx.post(f"{url}/api/v1/ingest", content=data, headers={"Authorization": "Bearer nope"}),
                 401, "unauthorized")
    assert_error(httpx.post(f"{url}/api/v1/ingest", content=data, headers={"Authorization": f"Basic {TOKEN}"}),
                 401, "unauthorized")
    assert _acts(url) == 0
    with open_store(db) as store:
        assert store.counts()["acts"] == 0 and store.counts()["raw_lines"] == 0


def test_writes_disabled_without_configured_token(serve_app, tmp_path, act_path):
    db = str(tmp_path / "ro.db")
    url = serve_app(Settings(db=db, token=None))
    # the first request on a new registry migrates it: a generous timeout on a loaded machine
    r = httpx.post(f"{url}/api/v1/ingest", content=act_path("mod_134_ru").read_bytes(),
                   headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
    body = assert_error(r, 403, "writes_disabled")
    assert "KZQUAL_TOKEN" in body["error"]["message"]
    assert _acts(url) == 0
    assert httpx.get(f"{url}/api/v1/health").json()["writes_enabled"] is False


def test_ingest_with_token(serve_app, tmp_path, act_path):
    url = serve_app(Settings(db=str(tmp_path / "ok.db"), token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    data = act_path("mod_134_ru").read_bytes()
    r = httpx.post(f"{url}/api/v1/ingest", params={"name": "../../etc/order 134.txt"}, content=data,
                   headers=auth, timeout=60)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["act_key"] == "reg-15125" and body["status"] == "added" and body["positions"] == 14
    assert body["name"] == "order_134.txt"  # no path from the client reaches the file system
    again = httpx.post(f"{url}/api/v1/ingest", content=data, headers=auth, timeout=60)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    assert _acts(url) == 1


def test_ingest_bad_input(serve_app, tmp_path):
    url = serve_app(Settings(db=str(tmp_path / "bad.db"), token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    # the first request on a new registry migrates it: a generous timeout on a loaded machine
    empty = assert_error(httpx.post(f"{url}/api/v1/ingest", content=b"", headers=auth, timeout=60), 400, "bad_input")
    assert "empty" in empty["error"]["message"]
    binary = httpx.post(f"{url}/api/v1/ingest", params={"name": "x.txt"}, content=b"\x00\x01\x02" * 100,
                        headers=auth)
    assert binary.status_code == 400
    assert "kzqual-ingest" not in binary.json()["error"]["message"]  # no server paths leak
    assert _acts(url) == 0


def test_streamed_oversize_upload_is_413(serve_app, tmp_path):
    url = serve_app(Settings(db=str(tmp_path / "big.db"), token=TOKEN, max_upload_bytes=1_000_000))

    def chunks():  # no Content-Length: the limit is enforced while the body streams
        for _ in range(30):
            yield b"x" * 100_000

    r = httpx.post(f"{url}/api/v1/ingest", content=chunks(), headers={"Authorization": f"Bearer {TOKEN}"})
    assert_error(r, 413, "payload_too_large")


def test_truncated_upload_is_refused_unless_allow_shrink(serve_app, tmp_path, act_path):
    """A cut-off export must not silently replace the good version (issue 4)."""
    db = str(tmp_path / "shrink.db")
    url = serve_app(Settings(db=db, token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    data = act_path("mod_134_ru").read_bytes()
    first = httpx.post(f"{url}/api/v1/ingest", content=data, headers=auth, timeout=60)
    assert first.status_code == 201 and first.json()["version"] == 1
    key = first.json()["act_key"]
    before = httpx.get(f"{url}/api/v1/acts/{key}").json()
    # cut at a character boundary: a file ending mid-character is refused earlier, by the text layer
    cut = data.decode("utf-8")[: len(data) * 2 // 5 // 2].encode("utf-8")
    refused = assert_error(httpx.post(f"{url}/api/v1/ingest", content=cut, headers=auth, timeout=60),
                           409, "suspicious_shrink")
    assert "allow_shrink=true" in refused["error"]["message"]
    assert "kzqual-ingest" not in refused["error"]["message"]
    assert httpx.get(f"{url}/api/v1/acts/{key}").json() == before  # the act is unchanged
    with open_store(db) as store:
        assert store.counts()["acts"] == 1
    ok = httpx.post(f"{url}/api/v1/ingest", params={"allow_shrink": "true"}, content=cut, headers=auth, timeout=60)
    assert ok.status_code == 201, ok.text
    assert ok.json()["status"] == "new_version" and ok.json()["version"] == 2
    assert ok.json()["positions"] < first.json()["positions"]
    # Sending the full text again makes version 1's text current again: the result says so.
    back = httpx.post(f"{url}/api/v1/ingest", content=data, headers=auth, timeout=60)
    assert back.status_code == 201 and back.json()["version"] == 3 and back.json()["restores"] == 1
