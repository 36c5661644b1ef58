"""Documents over HTTP (a live uvicorn server, SQLite and PostgreSQL) and from the CLI: issue, list,
read back as HTML and PDF; staff only, office-scoped, every read audited; bad input is a 4xx with
the error body and changes nothing."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import httpx
import pytest
from pypdf import PdfReader

from kzqual.api import Settings, create_app
from kzqual.api.server import ServerThread
from kzqual.services import audit
from kzqual.store import open_store

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "security"))
from security_helpers import APPLICANTS, BOOT, populate  # noqa: E402


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def site(request, tmp_path):
    """Cases of populate(): 1 accepted (astana), 2 refused with a complaint (astana), 3 submitted
    (almaty); staff tokens by role."""
    if request.param == "sqlite":
        db = str(tmp_path / "docs.db")
    else:
        server = request.getfixturevalue("pg_server")
        db = server.url(server.create_db())
    tokens = populate(db)
    srv = ServerThread(create_app(Settings(db=db, token=BOOT)))
    url = srv.start()

    def client(role: str | None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {tokens[role]}"} if role else {}
        return httpx.Client(base_url=f"{url}/api/v1/services", headers=headers, timeout=60)

    yield client, db
    srv.stop()


def _err(r: httpx.Response) -> str:
    body = r.json()
    assert set(body) == {"error"} and body["error"]["message"], r.text
    return body["error"]["code"]


def test_issue_list_read_html_and_pdf_audited(site):
    client, db = site
    with client("operator") as op:
        r = op.post("/cases/1/documents", json={"kind": "admission_notice", "actor": "officer A",
                                                "at": "2024-03-27T12:00:00"})
        assert r.status_code == 201, r.text
        doc = r.json()
        assert doc["number"] == "astana-2024-0001" and doc["kind"] == "admission_notice" and doc["lang"] == "kk"
        listed = op.get("/cases/1/documents").json()
        assert [d["id"] for d in listed["items"]] == [doc["id"]]
        pdf = op.get(doc["links"]["pdf"].removeprefix("/api/v1/services"))
        assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
        assert pdf.headers["cache-control"] == "no-store"
        text = " ".join(PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().split())
        person = APPLICANTS[0]
        assert f"{person['surname']} {person['name']} {person['patronymic']}" in text and person["iin"] in text
        assert "astana-2024-0001" in text
        html = op.get(f"/documents/{doc['id']}/html")
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
        assert person["surname"] in html.text
        assert op.get(f"/documents/{doc['id']}").json()["sha256"] == doc["sha256"]
        # the refusal of case 2, in Russian
        r = op.post("/cases/2/documents", json={"kind": "refusal", "lang": "ru", "actor": "officer A",
                                                "at": "2024-03-29T16:00:00"})
        assert r.status_code == 201 and r.json()["number"] == "astana-2024-0002", r.text
    with open_store(db) as store:
        rows = [(r.action, r.case_id, r.details.get("as")) for r in audit.rows(store.engine, actor="op-astana")]
    for expected in [("document.issue", 1, None), ("document.list", 1, None), ("document.read", 1, "pdf"),
                     ("document.read", 1, "html"), ("document.read", 1, "json"), ("document.issue", 2, None)]:
        assert expected in rows, (expected, rows)


def test_who_may_see_documents(site):
    client, _ = site
    with client("operator") as op:
        doc = op.post("/cases/1/documents", json={"kind": "admission_notice", "actor": "A",
                                                  "at": "2024-03-27T12:00:00"}).json()
        refusal = op.post("/cases/2/documents", json={"kind": "refusal", "actor": "A",
                                                      "at": "2024-03-29T16:00:00"}).json()
    with client(None) as anon:
        for path in (f"/documents/{doc['id']}/pdf", f"/documents/{doc['id']}/html", "/cases/1/documents"):
            r = anon.get(path)
            assert r.status_code == 401 and _err(r) == "unauthorized", path
            assert APPLICANTS[0]["surname"] not in r.text
    with client("operator_other") as other:  # another office: the document does not exist for them
        r = other.get(f"/documents/{doc['id']}/pdf")
        assert r.status_code == 404 and _err(r) == "not_found"
        assert other.post("/cases/1/documents", json={"kind": "admission_notice", "actor": "x"}).status_code == 404
    with client("reviewer") as rev:  # a reviewer reads the refusal a complaint is about, issues nothing
        assert rev.get(f"/documents/{refusal['id']}/pdf").status_code == 200
        assert rev.get(f"/documents/{doc['id']}/pdf").status_code == 404  # case 1 has no complaint
        r = rev.post("/cases/2/documents", json={"kind": "refusal", "actor": "r"})
        assert r.status_code == 403 and _err(r) == "forbidden"


def test_bad_input_changes_nothing(site):
    client, _ = site
    with client("operator") as op:
        cases = [
            # the body's schema refuses these (422 validation_error, as every API body)
            (op.post("/cases/1/documents", json={"kind": "diploma", "actor": "A"}), 422),
            (op.post("/cases/1/documents", json={"kind": "admission_notice", "actor": "A", "lang": "en"}), 422),
            (op.post("/cases/1/documents", json={"kind": "admission_notice", "actor": "A", "extra": 1}), 422),
            (op.post("/cases/999/documents", json={"kind": "admission_notice", "actor": "A"}), 404),
            (op.post("/cases/1/documents", json={"kind": "refusal", "actor": "A"}), 409),
            (op.post("/cases/1/documents", json={"kind": "admission_notice", "actor": "A",
                                                  "at": "2024-03-27T10:00:00"}), 400),  # before the decision
            (op.post("/cases/1/notice-return", json={"actor": "A"}), 409),  # not certified
            (op.get("/documents/999/pdf"), 404),
            (op.get("/documents/abc/pdf"), 422),
        ]
        for r, status in cases:
            assert r.status_code == status, (r.request.url, r.text)
            _err(r)
        assert op.get("/cases/1/documents").json()["items"] == []
        ok = op.post("/cases/1/documents", json={"kind": "admission_notice", "actor": "A",
                                                 "at": "2024-03-27T12:00:00"})
        again = op.post("/cases/1/documents", json={"kind": "admission_notice", "actor": "A",
                                                    "at": "2024-03-27T13:00:00"})
        assert ok.status_code == 201 and again.status_code == 409 and _err(again) == "conflict"
        assert ok.json()["number"] in again.json()["error"]["message"]


def test_cli_writes_the_document_file(run, tmp_path, application):
    db = str(tmp_path / "cli.db")
    f = tmp_path / "a.json"
    f.write_text(json.dumps(application(1)), encoding="utf-8")
    for args in (("group", "add", "--number", "3", "--profile", "жүргізуші", "--planned", "2024-04-01",
                  "--start", "2024-04-15", "--end", "2024-06-28"),
                 ("apply", str(f), "--at", "2024-03-01T10:00", "--actor", "portal"),
                 ("decide", "1", "accept", "--group", "1", "--at", "2024-03-04T10:00", "--actor", "o")):
        code, _, err = run("service", *args, "--db", db)
        assert code == 0, (args, err)
    out = tmp_path / "notice.pdf"
    code, stdout, err = run("service", "document", "issue", "1", "admission_notice", "--at", "2024-03-04T11:00",
                            "--actor", "o", "--out", str(out), "--db", db)
    assert code == 0, err
    assert "main-2024-0001" in stdout and out.read_bytes().startswith(b"%PDF-")
    assert "Сейітов Ерлан Болатұлы" in " ".join(PdfReader(str(out)).pages[0].extract_text().split())
    code, stdout, err = run("service", "document", "get", "1", "--format", "html", "--db", db)
    assert code == 0 and "<h1>Даярлауға қабылдау туралы хабарлама</h1>" in stdout
    code, stdout, err = run("service", "document", "list", "1", "--json", "--db", db)
    assert code == 0 and json.loads(stdout)[0]["number"] == "main-2024-0001"
    # errors: one line, exit 2, nothing written
    code, _, err = run("service", "document", "get", "1", "--format", "pdf", "--db", db)
    assert code == 2 and "--out" in err and len(err.strip().splitlines()) == 1
    code, _, err = run("service", "document", "issue", "1", "admission_notice", "--at", "2024-03-05T11:00",
                       "--db", db)
    assert code == 2 and "already has" in err
    code, _, err = run("service", "document", "return", "1", "--db", db)
    assert code == 2 and "cannot return_notice" in err
    code, stdout, _ = run("service", "document", "list", "1", "--json", "--db", db)
    assert len(json.loads(stdout)) == 1
    with open_store(db) as store:
        actions = [r.action for r in audit.rows(store.engine, case_id=1)]
    assert actions.count("document.issue") == 1 and "document.read" in actions and "document.list" in actions


def test_case_page_lists_the_documents_with_their_links(site):
    client, db = site
    with client("operator") as op:
        doc = op.post("/cases/1/documents", json={"kind": "admission_notice", "actor": "A",
                                                  "at": "2024-03-27T12:00:00"}).json()
        base = str(op.base_url).removesuffix("/api/v1/services/").removesuffix("/api/v1/services")
    sys.path.insert(0, str(HERE.parent))
    from staff import staff_client

    with open_store(db) as store:
        from kzqual.services.users import Users

        token = Users(store.engine).add("op-docs-page", role="operator", office="astana")
    web = staff_client(base, token, name="op-docs-page")
    try:
        page = web.get("/services/cases/1")
        assert page.status_code == 200
        assert f"№ {doc['number']}" in page.text and "Даярлауға қабылдау туралы хабарлама" in page.text
        assert f'href="{doc["links"]["pdf"]}"' in page.text
        pdf = web.get(doc["links"]["pdf"])  # the signed-in session reads it through the API
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
        assert "Құжат берілген жоқ" in web.get("/services/cases/2").text
    finally:
        web.close()
