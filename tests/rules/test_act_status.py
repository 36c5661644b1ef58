"""Reviewer fixes: the act's status in `check`, a missing criterion row never counted as met,
and `screen`'s summary and skipped-line messages in the chosen language."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

try:
    from .rules_helpers import profile, run, verdict
except ImportError:
    from rules_helpers import profile, run, verdict

from kzqual.bundled import acts_dir
from kzqual.rules import act_status
from kzqual.rules import tree as T
from kzqual.rules.compile import Compiler
from kzqual.rules.taxonomy import bundled

ACT = str(acts_dir() / "kk-mes-2014-161.txt")  # reg-9344: its text says it was repealed on 2015-11-16
GOOD = {"id": "a", "education": [{"level": "higher", "field": "экономика"}],
        "work": [{"employer": "M", "state_service": True, "state_body": True, "start": "2005-01-01"}]}


# ------------------------------------------------------------------ act status
@pytest.mark.parametrize("day,status,in_force", [
    ("2014-01-01", "not_yet_in_force", False),
    ("2014-06-01", "in_force", True),
    ("2015-11-15", "in_force", True),
    ("2015-11-16", "repealed", False),
    ("2024-06-01", "repealed", False),
])
def test_status_on_dates(day, status, in_force):
    st = act_status.status_on("reg-1", date.fromisoformat(day), status="repealed", effective_from="2014-04-09",
                              repealed_on="2015-11-16", repealed_by="№ 927")
    assert st.status == status and st.in_force is in_force
    d = st.as_dict()
    assert d["in_force"] is in_force and set(d["reason"]) == {"kk", "ru", "en"}


def test_status_undated_repeal_is_repealed_and_no_data_is_unknown():
    assert act_status.status_on("a", date(2000, 1, 1), status="repealed", effective_from=None,
                                repealed_on=None, repealed_by=None).status == "repealed"
    st = act_status.status_on("a", date(2000, 1, 1), status=None, effective_from=None, repealed_on=None,
                              repealed_by=None)
    assert st.status == "unknown" and st.in_force is None


@pytest.fixture
def prof(tmp_path: Path) -> Path:
    p = tmp_path / "p.json"
    p.write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    return p


def test_check_states_repealed_act_text_and_json(prof):
    r = run("check", str(prof), "9344-a1-1", "--act", ACT, "--as-of", "2024-06-01", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["status"] == "met"  # the verdict is still computed ...
    assert out["act_in_force"] is False  # ... but flagged: no real appointment under a repealed act
    st = out["act_status"]
    assert st["status"] == "repealed" and st["repealed_on"] == "2015-11-16" and "927" in st["repealed_by"]
    assert "2015-11-16" in st["reason"]["ru"] and "утратил силу" in st["reason"]["ru"]
    r = run("check", str(prof), "9344-a1-1", "--act", ACT, "--as-of", "2024-06-01", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "was repealed on 2015-11-16" in r.stdout and "cannot ground a real appointment" in r.stdout
    r = run("check", str(prof), "9344-a1-1", "--act", ACT, "--as-of", "2014-06-01", "--json")
    out = json.loads(r.stdout)
    assert out["act_in_force"] is True and out["act_status"]["status"] == "in_force"


def test_registry_and_api_check_carry_act_status(tmp_path):
    from kzqual.api import eligibility
    from kzqual.store import open_store

    with open_store(str(tmp_path / "r.db")) as store:
        store.ingest_file(ACT)
        out = eligibility.check(store, GOOD, "9344-a1-1", as_of=date(2024, 6, 1), policy_values=None)
        assert out["act_in_force"] is False and out["act_status"]["status"] == "repealed"
        out = eligibility.check(store, GOOD, "9344-a1-1", as_of=date(2014, 1, 1), policy_values=None)
        assert out["act_status"]["status"] == "not_yet_in_force"
    # over HTTP: the response model keeps the fields
    import httpx

    from kzqual.api import Settings, create_app
    from kzqual.api.server import ServerThread

    srv = ServerThread(create_app(Settings(db=str(tmp_path / "r.db"))))
    url = srv.start()
    try:
        r = httpx.post(f"{url}/api/v1/eligibility/check", timeout=60,
                       json={"profile": GOOD, "position_id": "9344-a1-1", "as_of": "2024-06-01"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["act_in_force"] is False and body["act_status"]["repealed_on"] == "2015-11-16"
    finally:
        srv.stop()


# ------------------------------------------------------------------ missing rows
def _leaves(tree):
    if isinstance(tree, T.Leaf):
        yield tree
    else:
        for c in tree.children:
            yield from _leaves(c)


def test_missing_experience_row_is_undetermined_not_met(posts):
    pos = posts("mebp_75_kk")["9219-20-1-3"]
    assert any(w.code == "missing_row" and w.params.get("criterion") == "experience" for w in pos.warnings)
    tree = Compiler(bundled()).compile(pos)
    hits = [lf for lf in _leaves(tree) if isinstance(lf.logic, T.Fixed) and lf.logic.reason == "rules.open.missing_row"]
    assert len(hits) == 1 and hits[0].criterion == "experience"
    assert hits[0].lines == (pos.lines.start, pos.lines.end)
    person = profile([("higher", "құқықтану")], [{"employer": "X", "start": "2000-01-01", "state_body": True,
                                                   "state_service": True}])
    v = verdict(pos, person)
    assert v.status_name == "undetermined"
    exp = [c for c in v.children if c.criterion == "experience"]
    assert exp and "no “Experience” row" in exp[0].reason["en"] and "жолы жоқ" in exp[0].reason["kk"]


def test_every_missing_row_post_gets_the_leaf(posts):
    """From the structure, not per post: every post without grades whose experience row is missing."""
    comp = Compiler(bundled())
    seen = 0
    for pos in posts("mebp_75_kk").values():
        if pos.grades or pos.experience.text.strip():
            continue
        if not any(w.code == "missing_row" and w.params.get("criterion") == "experience" for w in pos.warnings):
            continue
        seen += 1
        reasons = {lf.logic.reason for lf in _leaves(comp.compile(pos)) if isinstance(lf.logic, T.Fixed)}
        assert "rules.open.missing_row" in reasons, pos.id
    assert seen >= 1


# ------------------------------------------------------------------ screen language
def test_screen_messages_follow_the_language(tmp_path):
    src = tmp_path / "people.jsonl"
    src.write_text("\n".join([json.dumps(GOOD), "{not json", '{"education": 5}', "[1, 2]"]) + "\n",
                   encoding="utf-8")
    out = tmp_path / "o.csv"
    args = ("screen", str(src), "--act", ACT, "--out", str(out), "--as-of", "2024-01-01", "--positions",
            "category=C-3", "--include-repealed")
    r = run("--lang", "ru", *args)
    assert r.returncode == 0, r.stderr
    assert "профилей 1," in r.stdout and "ошибочных строк 3" in r.stdout and "profiles" not in r.stdout
    assert ":2: пропущено: некорректный JSON" in r.stderr
    assert ":3: пропущено: недопустимый профиль" in r.stderr
    assert ":4: пропущено: профиль должен быть JSON-объектом" in r.stderr
    assert "skipped" not in r.stderr
    r = run("--lang", "kk", *args)
    assert "профильдер 1," in r.stdout and "өткізілді" in r.stderr
    r = run("--lang", "en", *args)
    assert "profiles 1," in r.stdout and ":2: skipped: malformed JSON" in r.stderr
