"""``kzqual service …`` end to end on a real SQLite registry (opened through kzqual.store)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kzqual.services.iin import make_iin


@pytest.fixture()
def db(tmp_path):
    return str(tmp_path / "reg.db")


@pytest.fixture()
def app_file(tmp_path):
    f = tmp_path / "app.json"
    f.write_text(json.dumps({
        "iin": make_iin(date(2003, 11, 2), "m", 42), "surname": "Нұрланов", "name": "Дархан",
        "address": "Қарағанды қ.", "phone": "+7 700 000 00 01", "addressee": "Қарағанды облысы бойынша ҚІД",
        "branch": "Қарағанды филиалы", "documents": ["медициналық карта"], "consent": True, "basis": "paid"},
        ensure_ascii=False), encoding="utf-8")
    return str(f)


def test_help_of_every_command(run):
    for cmd in ("standard", "deadlines", "apply", "decide", "complain", "complaint", "list", "show", "report",
                "group", "requirements", "receive", "document", "state-data"):
        code, out, _ = run("service", cmd, "--help")
        assert code == 0 and "Usage" in out, cmd


def test_standard_verify(run, act_path):
    code, out, _ = run("service", "standard", "--json", "--verify", str(act_path("mod_674_kk")))
    data = json.loads(out)
    assert code == 0 and data["problems"] == []
    assert {v["key"]: v["value"] for v in data["values"]}["fee"] == 305000
    code, out, _ = run("service", "standard", "--lang", "ru")
    assert code == 0 and "305 000 тенге" in out and "перевод kzqual" in out
    # Against another act the quotes are not there: exit 1 with the problems listed.
    code, out, _ = run("service", "standard", "--verify", str(act_path("ara_9_kk")), "--lang", "en")
    assert code == 1 and "problem" in out
    code, out, _ = run("service", "standard", "--verify", str(act_path("ara_9_kk")))
    assert code == 1 and "сәйкессіздік" in out and "стандарт, 3-тармақтың 1) тармақшасы" in out


def test_hypothetical_deadlines(run):
    code, out, _ = run("service", "deadlines", "--from", "2024-12-13T18:05", "--json")
    data = json.loads(out)
    (d,) = data["deadlines"]
    # Friday after hours -> Monday 16 December is Independence Day -> received Tuesday 17; +2 -> 19.
    assert (d["start"], d["due"], d["status"]) == ("2024-12-17", "2024-12-19", "pending")
    code, out, _ = run("service", "deadlines", "--from", "2024-12-13T18:05", "--set", "first_day=same", "--json")
    assert json.loads(out)["deadlines"][0]["due"] == "2024-12-18"


def test_case_lifecycle_and_report(run, db, app_file, tmp_path):
    code, out, err = run("service", "group", "add", "--db", db, "--number", "7", "--profile", "механик-жүргізуші",
                         "--planned", "2024-04-01", "--start", "2024-04-15", "--end", "2024-06-14",
                         "--basis", "paid", "--json")
    assert code == 0, err
    gid = json.loads(out)["id"]
    code, out, err = run("service", "apply", app_file, "--db", db, "--at", "2024-03-11T10:00", "--actor", "portal",
                         "--json")
    assert code == 0, err
    case = json.loads(out)
    cid = str(case["id"])
    assert case["fee_due"] == 305000 and case["deadlines"][0]["due"] == "2024-03-13"
    code, _, err = run("service", "decide", cid, "accept", "--group", str(gid), "--db", db, "--at",
                       "2024-03-12T11:00", "--actor", "officer")
    assert code == 0, err
    code, _, err = run("service", "decide", cid, "start-training", "--db", db, "--at", "2024-04-15T09:00")
    assert code == 2 and "fee not paid" in err and err.count("\n") == 1
    code, _, err = run("service", "decide", cid, "pay", "--amount", "305000", "--db", db, "--at", "2024-04-01")
    assert code == 0, err
    for args in (("start-training", "--at", "2024-04-15T09:00"),
                 ("certify", "--certificate", "ӘТМ-77", "--at", "2024-06-14T12:00")):
        code, _, err = run("service", "decide", cid, *args, "--db", db)
        assert code == 0, err
    code, out, _ = run("service", "show", cid, "--db", db)
    assert "certify" in out and "officer" in out
    code, out, _ = run("service", "list", "--db", db, "--state", "certified", "--json")
    assert [c["id"] for c in json.loads(out)] == [int(cid)]
    code, out, _ = run("service", "report", "--db", db, "--year", "2024", "--half", "1")
    assert code == 0 and "7 – механик-жүргізуші" in out and out.strip().splitlines()[-1].startswith(",Барлығы:")
    html = tmp_path / "n6.html"
    code, _, err = run("service", "report", "--db", db, "--year", "2024", "--half", "1", "--format", "html",
                       "--lang", "ru", "--out", str(html), "--org-name", "ДДО г. Караганды")
    assert code == 0 and "Итого:" in html.read_text(encoding="utf-8")


def test_complaints_and_overdue(run, db, app_file):
    run("service", "apply", app_file, "--db", db, "--at", "2024-06-10T10:00")
    code, out, _ = run("service", "deadlines", "--overdue", "--db", db, "--as-of", "2024-06-13", "--json")
    assert [c["id"] for c in json.loads(out)["overdue"]] == [1]
    code, out, err = run("service", "complain", "1", "--target", "inaction", "--text", "Шешім жоқ", "--db", db,
                         "--at", "2024-06-13T10:00", "--json")
    assert code == 0, err
    assert json.loads(out)["deadlines"][0]["due"] == "2024-06-18"
    code, out, err = run("service", "complaint", "1", "forward", "--to", "ҚР ҚМ", "--db", db, "--at",
                         "2024-06-14T10:00", "--json")
    assert code == 0 and json.loads(out)["state"] == "forwarded"
    code, _, err = run("service", "complaint", "1", "decide", "--db", db)
    assert code == 2 and "--outcome" in err


@pytest.mark.parametrize("args", [
    ("decide", "99", "accept", "--group", "1"),  # unknown case
    ("decide", "1", "certify", "--certificate", "X"),  # a move the standard does not allow
    ("decide", "1", "refuse", "--ground", "1", "--reason", "x", "--at", "2024-06-01"),  # before submission
    ("decide", "1", "refuse", "--ground", "9", "--reason", "x"),  # no such ground
    ("show", "42"),
    ("complaint", "5", "appeal"),
    ("deadlines", "--from", "yesterday"),
    ("report", "--year", "2024", "--half", "1", "--set", "column7=both"),
])
def test_bad_input_exits_2_and_changes_nothing(run, db, app_file, args):
    run("service", "apply", app_file, "--db", db, "--at", "2024-06-10T10:00")
    _, before, _ = run("service", "show", "1", "--db", db, "--json")
    code, out, err = run("service", *args, "--db", db)
    assert code == 2, (out, err)
    assert err.startswith("kzqual: error:") or "Error" in err
    assert "Traceback" not in err
    _, after, _ = run("service", "show", "1", "--db", db, "--json")
    assert json.loads(before)["events"] == json.loads(after)["events"]


def test_bad_application_files(run, db, tmp_path):
    f = tmp_path / "bad.json"
    f.write_text("{", encoding="utf-8")
    code, _, err = run("service", "apply", str(f), "--db", db)
    assert code == 2 and "malformed JSON" in err
    f.write_text(json.dumps({"iin": "000000000000"}), encoding="utf-8")
    code, _, err = run("service", "apply", str(f), "--db", db)
    assert code == 2 and "application" in err
    code, _, err = run("service", "apply", str(tmp_path / "missing.json"), "--db", db)
    assert code == 2


def test_calendar_command(run, tmp_path):
    code, out, _ = run("service", "calendar", "--from", "2024-05-01", "--to", "2024-05-12", "--json")
    data = json.loads(out)
    assert code == 0 and data["working_days"] == 5
    by_day = {d["date"]: d for d in data["days"]}
    assert by_day["2024-05-04"]["working"] is True and by_day["2024-05-08"]["working"] is False
    assert by_day["2024-05-09"]["name"] == "Жеңіс күні"  # Kazakh names by default
    ov = tmp_path / "ov.json"
    ov.write_text(json.dumps({"days_off": [{"date": "2024-05-10", "note": "test transfer"}]}), encoding="utf-8")
    code, out, _ = run("service", "calendar", "--from", "2024-05-01", "--to", "2024-05-12", "--json",
                       "--calendar-overrides", str(ov))
    data = json.loads(out)
    assert data["working_days"] == 4
    assert {d["date"]: d["source"] for d in data["days"]}["2024-05-10"] == "override"
    code, _, err = run("service", "calendar", "--from", "2024-05-12", "--to", "2024-05-01")
    assert code == 2


def test_missing_options_do_not_create_a_database(run, tmp_path):
    db = tmp_path / "never.db"
    code, _, err = run("service", "decide", "1", "accept", "--db", str(db))
    assert code == 2 and "--group" in err and not db.exists()
    code, _, err = run("service", "complaint", "1", "decide", "--db", str(db))
    assert code == 2 and "--outcome" in err and not db.exists()


# English words the readable output used to print whatever --lang said.
ENGLISH_LABELS = ("applicant", "counts as received", "working days from", "due ", "OVERDUE", "complaint ",
                  "fee due", "tenge", " by ", "classes start", "skips, besides weekends", "application at",
                  "Solidarity", "Day off")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_readable_output_follows_lang(run, db, app_file, lang):
    """An officer working in Kazakh or Russian reads case, deadline and complaint lines in that
    language (through the catalogue); machine keys (state, deadline key) stay as they are."""
    code, _, err = run("service", "group", "add", "--db", db, "--number", "7", "--profile", "жүргізуші",
                       "--planned", "2024-04-01", "--start", "2024-04-15", "--end", "2024-06-14", "--basis", "paid")
    assert code == 0, err
    outs = []
    for args in (("apply", app_file, "--at", "2024-03-11T10:00", "--actor", "portal"),
                 ("decide", "1", "accept", "--group", "1", "--at", "2024-03-12T11:00", "--actor", "officer"),
                 ("complain", "1", "--target", "decision", "--text", "Шешім", "--at", "2024-03-13T10:00"),
                 ("complaint", "1", "forward", "--to", "ҚІД", "--at", "2024-03-14T10:00"),
                 ("show", "1", "--as-of", "2024-07-01"),
                 ("list", "--as-of", "2024-07-01"),
                 ("deadlines", "1", "--as-of", "2024-07-01"),
                 ("deadlines", "--from", "2024-04-30T19:00", "--classes-start", "2024-05-02")):
        code, out, err = run("service", *args, "--db", db, "--lang", lang)
        assert code == 0, (args, err)
        outs.append(out)
    text = "\n".join(outs)
    for word in ENGLISH_LABELS:
        assert word not in text, (word, text)
    assert "stage1_deadline" in text and "(accepted)" in text  # machine keys kept beside the labels
    assert ("Жеңіс күні" in text)  # the holiday's official (Kazakh) name; the package has no Russian one


def test_application_file_problems_are_named(run, db, tmp_path):
    """Empty, wrongly encoded and oversized application files are refused with the problem named
    (an oversized file is not read into memory), and nothing is registered."""
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    cp1251 = tmp_path / "cp1251.json"
    cp1251.write_bytes(json.dumps({"surname": "Иванов"}, ensure_ascii=False).encode("cp1251"))
    huge = tmp_path / "huge.json"
    with huge.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    for f, words in ((empty, "empty"), (cp1251, "not UTF-8"), (huge, "too large")):
        code, _, err = run("service", "apply", str(f), "--db", db)
        assert code == 2 and words in err and str(f) in err and err.count("\n") == 1, err
    assert not Path(db).exists()  # refused before the registry is even opened


@pytest.mark.parametrize("args", [("list",), ("show", "1"), ("deadlines", "--overdue"), ("group", "list"),
                                  ("report", "--year", "2024", "--half", "1")])
def test_reads_do_not_create_a_registry(run, tmp_path, args):
    """A mistyped --db on a read is an error naming the file, not an empty new registry that
    answers 'no cases'."""
    db = tmp_path / "typo.db"
    code, _, err = run("service", *args, "--db", str(db))
    assert code == 2 and "typo.db" in err and err.count("\n") == 1, err
    assert not db.exists()
