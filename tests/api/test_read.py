"""Reads over a live server, on SQLite and PostgreSQL, checked against what the bundled acts say:
acts, positions, act text, and eligibility (check, match, streamed screen — reads too).

One module so that, with ``--dist loadfile``, one worker builds the shared registries."""

from __future__ import annotations

import json

import httpx
import pytest

from api_helpers import assert_error


def test_acts_list_paginates(live):
    r = live.get("/api/v1/acts", params={"limit": 2})
    assert r.status_code == 200
    page = r.json()
    assert page["total"] == 5 and len(page["items"]) == 2 and page["offset"] == 0
    assert page["next"]
    second = live.get(page["next"]).json()
    assert second["offset"] == 2 and len(second["items"]) == 2
    last = live.get("/api/v1/acts", params={"limit": 2, "offset": 4}).json()
    assert len(last["items"]) == 1 and last["next"] is None
    keys = {a["key"] for a in page["items"] + second["items"] + last["items"]}
    assert keys == {"reg-9211", "reg-9219", "reg-9344", "reg-29277", "reg-15125"}


def test_acts_filter_by_status_and_date(live):
    repealed = live.get("/api/v1/acts", params={"status": "repealed"}).json()
    assert {a["key"] for a in repealed["items"]} == {"reg-9211", "reg-9219", "reg-9344"}
    assert all(a["repealed_by"] for a in repealed["items"])
    # On 1 June 2014 the three 2014 orders were in force; order 134 (2017) and 674 (2022) were not yet.
    in_2014 = live.get("/api/v1/acts", params={"in_force_on": "2014-06-01"}).json()
    assert {a["key"] for a in in_2014["items"]} == {"reg-9211", "reg-9219", "reg-9344"}
    in_2020 = live.get("/api/v1/acts", params={"in_force_on": "2020-01-01"}).json()
    assert {a["key"] for a in in_2020["items"]} == {"reg-15125"}


def test_act_detail_has_metadata_history_and_structure(live):
    d = live.get("/api/v1/acts/reg-9344").json()
    assert d["summary"]["status"] == "repealed"
    assert d["act"]["number"] == "161" and d["act"]["date"] == "2014-04-09"
    assert "927" in (d["act"]["repealed_by"] or {}).get("text", "") or d["act"]["repealed_by"]["number"] == "927"
    assert any(e["event"] == "repealed" for e in d["events"])
    assert d["structure"], "structure tree is empty"
    assert d["text_url"] == "/acts/reg-9344/text"


def test_act_text_lines_and_clean(live):
    d = live.get("/api/v1/acts/reg-9344/text", params={"start": 10, "end": 12}).json()
    assert [line["n"] for line in d["lines"]] == [10, 11, 12]
    assert "927" in " ".join(line["text"] for line in d["lines"])
    assert d["total_lines"] == 7500
    assert d["clean"] and all(c["raw_end"] >= 10 and c["raw_start"] <= 12 for c in d["clean"])


@pytest.mark.parametrize(
    "params, code",
    [({"start": 5, "end": 4}, 400), ({"start": 1, "end": 5000}, 400), ({"start": 99999}, 400),
     ({"start": 0}, 422), ({"start": "x"}, 422)],
)
def test_act_text_bad_ranges(live, params, code):
    body = live.get("/api/v1/acts/reg-9344/text", params=params)
    assert_error(body, code, "validation_error" if code == 422 else "bad_input")


def test_search_highlights_and_pages(live):
    r = live.get("/api/v1/positions", params={"q": "маман", "limit": 5}).json()
    assert r["total"] > 5 and len(r["items"]) == 5
    for hit in r["items"]:
        assert hit["marks"], hit
        s, e = hit["marks"][0]
        assert hit["snippet"][s:e].lower().startswith("маман")
    nxt = live.get(r["next"]).json()
    assert nxt["offset"] == 5
    assert not {h["id"] for h in nxt["items"]} & {h["id"] for h in r["items"]}


def test_posts_of_one_act_and_category_filter(live):
    mes = live.get("/api/v1/positions", params={"act": "reg-9344", "limit": 1}).json()
    assert mes["total"] == 152  # 83 in appendix 1 + 69 in appendix 2
    cyr = live.get("/api/v1/positions", params={"act": "reg-9344", "category": "С-О-5"}).json()
    lat = live.get("/api/v1/positions", params={"act": "reg-9344", "category": "C-O-5"}).json()
    assert cyr["total"] == lat["total"] > 0
    assert all(h["category"] == "C-O-5" for h in cyr["items"])


def test_search_in_force_filter(live):
    # Every Kazakh act with posts was repealed by 2016: nothing is in force then.
    assert live.get("/api/v1/positions", params={"q": "маман", "in_force_on": "2016-06-01"}).json()["total"] == 0
    assert live.get("/api/v1/positions", params={"q": "маман", "in_force_on": "2014-06-01"}).json()["total"] > 0


def test_position_detail_cites_its_lines(live):
    first = live.get("/api/v1/positions", params={"act": "reg-9344", "limit": 1}).json()["items"][0]
    d = live.get(first["url"]).json()
    p = d["position"]
    assert p["id"] == first["id"] and d["act"]["key"] == "reg-9344"
    assert d["source_url"] == f"/acts/reg-9344/text?start={p['lines']['start']}&end={p['lines']['end']}#L{p['lines']['start']}"
    assert d["raw"].strip()
    cited = [r for r in d["requirements"] if r["lines"]]
    assert cited, "no requirement carries its source lines"
    for req in cited:
        start, end = req["lines"]
        assert p["lines"]["start"] <= start <= end <= p["lines"]["end"]
        assert req["raw"] is not None and req["source_url"].endswith(f"#L{start}")


def test_unknown_ids_are_404(live):
    assert_error(live.get("/api/v1/positions/no-such-post"), 404, "not_found")
    assert_error(live.get("/api/v1/acts/reg-000"), 404, "not_found")
    assert_error(live.get("/api/v1/acts/reg-000/text"), 404, "not_found")


@pytest.mark.parametrize(
    "params",
    [{"limit": 101}, {"limit": 0}, {"offset": -1}, {"in_force_on": "2014-13-01"}, {"lang": "de"},
     {"q": "x" * 201}],
)
def test_bad_query_is_422(live, params):
    assert_error(live.get("/api/v1/positions", params=params), 422, "validation_error")


def test_body_filter_without_words_lists_the_body_posts(live):
    r = live.get("/api/v1/positions", params={"body": "Төтенше жағдайлар министрлігі", "limit": 100}).json()
    assert r["total"] == 152 and {h["act_key"] for h in r["items"]} == {"reg-9344"}
    assert live.get("/api/v1/positions", params={"body": "no such ministry"}).json()["total"] == 0
    assert_error(live.get("/api/v1/positions", params={"body": "x", "act": "reg-9344"}), 400, "bad_input")


def test_listing_pages_across_acts(live):
    everything = live.get("/api/v1/positions", params={"limit": 1}).json()["total"]
    assert everything == 43 + 509 + 152 + 14  # the posts of the bundled acts
    tail = live.get("/api/v1/positions", params={"limit": 100, "offset": everything - 30}).json()
    assert len(tail["items"]) == 30 and tail["next"] is None


def test_reads_need_no_token(live):
    r = httpx.get(str(live.base_url) + "/api/v1/acts", headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 200


@pytest.mark.parametrize("params", [{"q": "маман"}, {"q": "маман", "category": "С-О-5"},
                                    {"q": "бөлім", "in_force_on": "2014-06-01"},
                                    {"q": "маман", "body": "құқықтық"}, {"q": "руководитель", "lang": "ru"}])
def test_search_total_matches_the_pages(live, params):
    """The total (a COUNT over the same match) equals what paging through the whole list yields."""
    seen: list[str] = []
    url, query = "/api/v1/positions", {**params, "limit": 100}
    total = None
    while url:
        page = live.get(url, params=query).json()
        total = page["total"] if total is None else total
        assert page["total"] == total
        seen += [h["id"] for h in page["items"]]
        url, query = page["next"], None
    assert len(seen) == len(set(seen)) == total


def test_search_total_is_capped_and_says_so(registry, serve_app, monkeypatch):
    """Above the cap the total stops counting and the page says total_exact=false."""
    import httpx

    from kzqual.api import Settings, registry as reg

    monkeypatch.setattr(reg, "COUNT_CAP", 10)
    url = serve_app(Settings(db=registry))
    page = httpx.get(f"{url}/api/v1/positions", params={"q": "маман", "limit": 5}).json()
    assert page["total"] == 10 and page["total_exact"] is False and page["next"]
    # a word with no synonyms and under ten posts ("руководитель" now also finds "басшы")
    few = httpx.get(f"{url}/api/v1/positions", params={"q": "мобилизационных", "limit": 5}).json()
    assert few["total_exact"] is True and few["total"] <= 10


# ---------------------------------------------------------------- eligibility
LAWYER = {
    "id": "p1",
    "education": [{"level": "higher", "field": "юриспруденция", "completed": "2008-06-30"}],
    "work": [{"employer": "Министрлік", "state_body": True, "state_service": True, "post": "бас маман",
              "start": "2008-09-01", "end": "2014-01-01"}],
}
SCHOOL_ONLY = {"id": "p0", "education": [{"level": "general_secondary"}], "work": []}


def _leaves(node):
    if not node.get("children"):
        yield node
    for c in node.get("children", []):
        yield from _leaves(c)


def test_check_cites_the_post_lines(live):
    post = live.get("/api/v1/positions/15125-g1-p1").json()["position"]
    r = live.post("/api/v1/eligibility/check", json={"profile": SCHOOL_ONLY, "position_id": "15125-g1-p1",
                                                     "as_of": "2020-01-01"})
    assert r.status_code == 200, r.text
    body = r.json()
    # Secondary school only, for a post that asks for higher education: not met, and the reason says so.
    assert body["status"] == "not_met"
    edu = [leaf for leaf in _leaves(body["verdict"]) if leaf["criterion"] == "education"]
    assert edu and edu[0]["status"] == "not_met"
    for leaf in _leaves(body["verdict"]):
        assert set(leaf["reason"]) == {"kk", "ru", "en"}
        if leaf.get("lines"):
            assert post["lines"]["start"] <= leaf["lines"][0] <= leaf["lines"][1] <= post["lines"]["end"]


def test_match_ranks_every_post(live):
    r = live.post("/api/v1/eligibility/match", json={"profile": LAWYER, "as_of": "2014-06-01", "limit": 5,
                                                     "near_years": 1, "include_repealed": True})
    assert r.status_code == 200, r.text
    body = r.json()
    total = live.get("/api/v1/positions", params={"limit": 1}).json()["total"]
    assert sum(body["counts"].values()) == total and body["in_force_on"] is None
    # widened: a verdict under an act not in force that day (order 134 of 2017) carries its banner
    for item in body["qualified"] + body["possible"] + body["near_misses"]:
        assert ("act_status" in item) == (item["act_in_force"] is not True)
        if item["act"] == "reg-15125":
            assert item["act_status"]["status"] == "not_yet_in_force"
    # by default only posts of acts in force on the as-of day count (issue 12)
    default = live.post("/api/v1/eligibility/match", json={"profile": LAWYER, "as_of": "2014-06-01"}).json()
    in_force = live.get("/api/v1/positions", params={"limit": 1, "in_force_on": "2014-06-01"}).json()["total"]
    assert default["in_force_on"] == "2014-06-01" and sum(default["counts"].values()) == in_force < total
    assert all(i["act_in_force"] is True for i in default["qualified"] + default["possible"])
    assert body["counts"]["met"] > 0 and len(body["qualified"]) == 5
    assert all(i["status"] == "met" for i in body["qualified"])
    assert all(i["status"] == "not_met" and i["gap_years"] <= 1 for i in body["near_misses"])
    only_2014 = live.post("/api/v1/eligibility/match", json={"profile": LAWYER, "as_of": "2014-06-01",
                                                             "in_force_on": "2020-01-01"}).json()
    assert sum(only_2014["counts"].values()) == 14  # only order 134 was in force then


def test_match_pages_through_every_group(live):
    """A candidate with more qualifying posts than one page sees all of them, page by page (offset),
    in the same order, and no post twice."""
    ask = {"profile": LAWYER, "as_of": "2014-06-01", "near_years": 1}
    whole = live.post("/api/v1/eligibility/match", json={**ask, "limit": 100}).json()
    met = whole["counts"]["met"]
    assert 5 < met <= 100
    seen = []
    for offset in range(0, met, 5):
        r = live.post("/api/v1/eligibility/match", json={**ask, "limit": 5, "offset": offset})
        assert r.status_code == 200, r.text
        assert r.json()["offset"] == offset and r.json()["limit"] == 5
        seen += [i["id"] for i in r.json()["qualified"]]
    assert seen == [i["id"] for i in whole["qualified"]] and len(set(seen)) == met
    r = live.post("/api/v1/eligibility/match", json={**ask, "offset": -1})
    assert r.status_code == 422


def test_screen_streams_ndjson_in_line_order(live):
    body = "\n".join([json.dumps(LAWYER), "{not json", "", json.dumps(SCHOOL_ONLY)]) + "\n"
    with live.stream("POST", "/api/v1/eligibility/screen", params={"act": "reg-15125", "as_of": "2020-01-01",
                                                                   "include_all": True}, content=body) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/x-ndjson")
        rows = [json.loads(line) for line in r.iter_lines() if line]
    errors = [row for row in rows if "error" in row]
    assert [e["line"] for e in errors] == [2] and "JSON" in errors[0]["error"]
    decisions = [row for row in rows if "status" in row]
    assert len(decisions) == 2 * 14  # two usable profiles x the 14 posts of order 134
    assert [row["line"] for row in rows] == sorted(row["line"] for row in rows)
    school = {d["position_id"]: d["status"] for d in decisions if d["profile_id"] == "p0"}
    assert school["15125-g1-p1"] == "not_met"


def test_eligibility_errors(live):
    assert_error(live.post("/api/v1/eligibility/check", json={"profile": LAWYER, "position_id": "nope"}),
                 404, "not_found")
    bad = {"education": [{"level": "phd"}]}
    assert_error(live.post("/api/v1/eligibility/check", json={"profile": bad, "position_id": "15125-g1-p1"}),
                 400, "bad_input")
    assert_error(live.post("/api/v1/eligibility/check", json={"position_id": "15125-g1-p1"}), 422,
                 "validation_error")
    assert_error(live.post("/api/v1/eligibility/check", content=b"{", headers={"content-type": "application/json"}),
                 422, "validation_error")
    assert_error(live.post("/api/v1/eligibility/screen", content=b""), 400, "bad_input")
    assert_error(live.post("/api/v1/eligibility/screen", params={"act": "reg-0"}, content=b"{}\n"), 400, "bad_input")


def test_screen_agrees_with_check_per_post(live):
    """The streamed (columnar) screen and the one-person check give the same status, including the
    tri-state computer_skills of a Kazakh act's posts."""
    people = [{**LAWYER, "id": f"cs-{v}", "computer_skills": v} for v in (True, False, None)]
    body = "\n".join(json.dumps(p) for p in people) + "\n"
    # order 75 (reg. 9219) was repealed in 2014: only include_repealed screens its posts, each row with
    # its banner
    r = live.post("/api/v1/eligibility/screen", params={"act": "reg-9219", "as_of": "2020-01-01"}, content=body)
    assert r.status_code == 400 and "include_repealed" in r.json()["error"]["message"]
    with live.stream("POST", "/api/v1/eligibility/screen", params={"act": "reg-9219", "as_of": "2020-01-01",
                                                                   "include_all": True, "include_repealed": True},
                     content=body) as r:
        assert r.status_code == 200
        rows = [json.loads(line) for line in r.iter_lines() if line]
    assert rows and all(row["act_in_force"] is False and row["act_status"]["status"] == "repealed" for row in rows)
    by_person = {p["id"]: {} for p in people}
    for row in rows:
        by_person[row["profile_id"]][row["position_id"]] = row["status"]
    posts = sorted(by_person["cs-True"])[:6]
    assert posts
    for person in people:
        for pid in posts:
            got = live.post("/api/v1/eligibility/check", json={"profile": person, "position_id": pid,
                                                              "as_of": "2020-01-01"}).json()["status"]
            assert by_person[person["id"]][pid] == got, (person["id"], pid)
    # Saying "no" can only make a post harder to get than leaving it unstated.
    assert "met" not in {by_person["cs-False"][p] for p in posts if by_person["cs-None"][p] != "met"}
    assert any(by_person["cs-False"][p] != by_person["cs-None"][p] for p in posts)  # the field reaches the columns


def test_taxonomy_lists_and_searches_in_three_languages(live):
    r = live.get("/api/v1/taxonomy", params={"q": "юриспруденция", "lang": "en"})
    assert r.status_code == 200
    body = r.json()
    hit = body["entries"][0]
    assert hit["key"] == "s-quqyqtanu" and hit["name"] == "jurisprudence" and hit["group"] == "g-quqyq"
    assert hit["sources"] and "kz-clf-2009" in body["sources"]
    groups = live.get("/api/v1/taxonomy", params={"kind": "group", "lang": "ru"}).json()
    names = {e["name"] for e in groups["entries"]}
    assert {"право", "военное дело и безопасность", "технические науки и технологии"} <= names
    assert all(e["kind"] == "group" for e in groups["entries"])
    assert live.get("/api/v1/taxonomy", params={"q": "zzzz-nothing"}).json()["count"] == 0
    assert_error(live.get("/api/v1/taxonomy", params={"lang": "xx"}), 422, "validation_error")


def test_check_gives_the_next_step_for_a_not_met(live):
    # MES 161 l.105-106: two years in state bodies; from 2022-07-01 they are complete on 2024-06-29
    prof = {"education": [{"level": "higher", "field": "экономика"}],
            "work": [{"employer": "X", "state_service": True, "state_body": True, "start": "2022-07-01"}]}
    r = live.post("/api/v1/eligibility/check", json={"profile": prof, "position_id": "9344-a1-1",
                                                      "as_of": "2024-01-01"})
    assert r.status_code == 200, r.text
    nxt = r.json()["next_step"]
    assert nxt["meets_on"] == "2024-06-29" and nxt["alternative"] == "alternative 3"
    assert nxt["missing"][0]["lines"] == [105, 106]
