"""One source of settings (issue 13): the CLI, the HTTP API (a live server) and the web pages read
the calendar override file and the service settings through one loader (kzqual.services.config),
so they give one due date.

Monday 15 December 2025, 10:00: 16 December is Independence Day (the holidays package), so the
2-working-day stage ends on Thursday 18 December.  An override file that makes Wednesday
17 December a day off moves it to Friday 19 December — the figures issue 13 measured (before the
fix the CLI said 19 and the API 18).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import httpx

from kzqual.api import Settings, create_app
from kzqual.api.server import ServerThread
from kzqual.services.config import load_config

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from staff import staff_client  # noqa: E402

TOKEN = "one-config-token-51c2"
AT = "2025-12-15T10:00:00"
WITHOUT, WITH = "2025-12-18", "2025-12-19"


def _overrides(tmp_path: Path) -> Path:
    p = tmp_path / "transfers.json"
    p.write_text(json.dumps({"days_off": [{"date": "2025-12-17", "note": "test transfer",
                                           "source": "a decree"}]}), encoding="utf-8")
    return p


def _stage1(case: dict) -> str:
    (d,) = [d for d in case["deadlines"] if d["key"] == "stage1_deadline"]
    return d["due"]


def _api_and_web_due(db: str, application, settings: dict) -> tuple[str, str]:
    srv = ServerThread(create_app(Settings(db=db, token=TOKEN, **settings)))
    url = srv.start()
    try:
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60) as c:
            r = c.post("/api/v1/services/cases", json={"application": application(7), "actor": "portal", "at": AT})
            assert r.status_code == 201, r.text
            api_due = _stage1(r.json())
            cid = r.json()["id"]
        web = staff_client(url, TOKEN)
        try:
            page = web.get(f"/services/cases/{cid}?as_of=2025-12-15")
            assert page.status_code == 200, page.text[:300]
            # the stage-1 row of the deadlines table: its due date is the 4th cell (shown in the reader's
            # locale, the machine date in <time datetime>)
            row = re.search(r'<tr><td[^>]*>[^<]*</td><td[^>]*><time datetime="2025-12-15">[^<]*</time></td>'
                            r'<td[^>]*>2</td><td[^>]*><time datetime="([0-9-]+)">', page.text)
            assert row, page.text[:2000]
            web_due = row.group(1)
        finally:
            web.close()
    finally:
        srv.stop()
    return api_due, web_due


def test_cli_api_and_web_give_one_due_date_with_an_override(tmp_path, monkeypatch, application, run):
    ov = _overrides(tmp_path)
    monkeypatch.setenv("KZQUAL_CALENDAR_OVERRIDES", str(ov))
    app_file = tmp_path / "app.json"
    app_file.write_text(json.dumps(application(3)), encoding="utf-8")
    code, out, err = run("service", "apply", str(app_file), "--at", AT, "--actor", "t", "--json",
                         "--db", str(tmp_path / "cli.db"))
    assert code == 0, err
    cli_due = _stage1(json.loads(out))
    api_due, web_due = _api_and_web_due(str(tmp_path / "srv.db"), application, {})
    assert cli_due == api_due == web_due == WITH


def test_without_the_override_all_three_say_the_18th(tmp_path, monkeypatch, application, run):
    """The control: the same steps with no override file give the holidays package's date."""
    monkeypatch.delenv("KZQUAL_CALENDAR_OVERRIDES", raising=False)
    monkeypatch.delenv("KZQUAL_SERVICE_SETTINGS", raising=False)
    app_file = tmp_path / "app.json"
    app_file.write_text(json.dumps(application(3)), encoding="utf-8")
    code, out, err = run("service", "apply", str(app_file), "--at", AT, "--actor", "t", "--json",
                         "--db", str(tmp_path / "cli.db"))
    assert code == 0, err
    assert _stage1(json.loads(out)) == WITHOUT
    assert _api_and_web_due(str(tmp_path / "srv.db"), application, {}) == (WITHOUT, WITHOUT)


def test_server_settings_name_the_files_explicitly(tmp_path, monkeypatch, application):
    """An API Settings field wins over the environment, as a CLI option does; settings files too."""
    monkeypatch.delenv("KZQUAL_CALENDAR_OVERRIDES", raising=False)
    sf = tmp_path / "settings.json"
    sf.write_text(json.dumps({"first_day": "same"}), encoding="utf-8")
    # first_day=same: the arrival day (Monday 15th) is day 1, the 17th (override) is off -> 18th
    api_due, web_due = _api_and_web_due(str(tmp_path / "srv.db"), application,
                                        {"calendar_overrides": str(_overrides(tmp_path)),
                                         "service_settings": str(sf)})
    assert api_due == web_due == WITHOUT


def test_loader_precedence(tmp_path):
    ov = _overrides(tmp_path)
    env = {"KZQUAL_CALENDAR_OVERRIDES": str(ov)}
    cfg = load_config(environ=env)
    assert not cfg.calendar.is_working_day(__import__("datetime").date(2025, 12, 17))
    assert cfg.sources["calendar_overrides"] == str(ov)
    assert load_config(environ={}).calendar.is_working_day(__import__("datetime").date(2025, 12, 17))
    assert load_config(environ={}, pairs=["column7=selected"]).settings.column7 == "selected"
