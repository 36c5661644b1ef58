"""The registry over the five bundled acts, on both back ends (the real parser layers feed it)."""

from __future__ import annotations

import pytest

from kzqual.bundled import act_paths

EXPECTED_POSTS = {"reg-9344": 152, "reg-9211": 43, "reg-9219": 509, "reg-29277": 0}


def test_every_act_lands_with_its_posts(seeded):
    acts = {a.key: a for a in seeded.list_acts()}
    assert set(acts) == {"reg-9344", "reg-9211", "reg-9219", "reg-15125", "reg-29277"}
    for key, n in EXPECTED_POSTS.items():
        assert acts[key].positions == n, key
    assert acts["reg-15125"].positions > 0 and acts["reg-15125"].language == "ru"
    counts = seeded.counts()
    assert counts["positions"] == sum(a.positions for a in acts.values())
    # raw line numbers are the text layer's (split on "\n", as an editor counts them)
    assert counts["raw_lines"] == sum(len(p.read_text(encoding="utf-8").split("\n")) for p in act_paths())


def test_statuses_from_the_acts_own_notes(seeded):
    acts = {a.key: a for a in seeded.list_acts()}
    assert acts["reg-9344"].status == "repealed" and acts["reg-9344"].repealed_on == "2015-11-16"
    assert "927" in acts["reg-9344"].repealed_by
    assert acts["reg-9219"].repealed_on == "2014-10-02"
    assert acts["reg-15125"].status == "in_force"
    on_2015 = {a.key for a in seeded.list_acts(as_of="2015-01-01", status="in_force")}
    assert on_2015 == {"reg-9344", "reg-9211"}  # 9219 was repealed on 2014-10-02
    on_2020 = {a.key for a in seeded.list_acts(as_of="2020-01-01", status="in_force")}
    assert on_2020 == {"reg-15125"}  # 29277 is of 2022
    assert seeded.count_positions(in_force_on="2015-01-01") == 152 + 43


def test_raw_lines_are_the_files_lines(seeded):
    from kzqual.bundled import acts_dir

    lines = (acts_dir() / "kk-mes-2014-161.txt").read_text(encoding="utf-8").splitlines()
    p = next(seeded.iter_positions(act_key="reg-9344", limit=1))
    got = seeded.raw_lines("reg-9344", p.lines.start, p.lines.end)
    assert [t for _, t in got] == lines[p.lines.start - 1 : p.lines.end]
    rec = seeded.position_record(p.id)
    assert rec.raw.splitlines() == lines[p.lines.start - 1 : p.lines.end]


@pytest.mark.parametrize("query", ["сарапшы", "сарапшысы", "сарапшылар", "сарапшыға"])
def test_kazakh_forms_all_find_experts(seeded, query):
    hits = seeded.search(query, lang="kk", limit=50)
    assert len(hits) == 50
    assert all("сарапшы" in h.title.lower() or "сарапшы" in h.snippet.lower() for h in hits)


def test_russian_form_finds_inspectors(seeded):
    hits = seeded.search("инспектора", lang="ru")
    assert hits and all(h.act_key == "reg-15125" for h in hits)
    assert hits[0].title.startswith("Инспектор") and hits[0].title_marks[0] == (0, 9)


def test_category_and_body_filters(seeded):
    hits = seeded.search("сарапшы", category="С-4", limit=100)
    assert hits and {h.category for h in hits} == {"C-4"}
    hits = seeded.search("сарапшы", body="Төтенше жағдайлар", limit=200)
    assert hits and {h.act_key for h in hits} == {"reg-9344"}


@pytest.mark.postgres
@pytest.mark.parametrize("query,lang", [("бухгалтерлік есеп", "kk"), ("заң басқармасы", "kk"),
                                        ("инспектора призыву", "ru"), ("сарапшыға", None),
                                        ("Конституциясын", "kk")])
def test_both_back_ends_find_the_same_and_rank_alike(seeded_pair, query, lang):
    lite, pg = seeded_pair["sqlite"], seeded_pair["postgresql"]
    a = lite.search(query, lang=lang, limit=1000)
    b = pg.search(query, lang=lang, limit=1000)
    assert a, query
    assert {h.position_id for h in a} == {h.position_id for h in b}
    # the shared re-ranking orders the same candidates the same way
    assert [h.position_id for h in a[:20]] == [h.position_id for h in b[:20]]
    assert [round(h.score, 9) for h in a[:20]] == [round(h.score, 9) for h in b[:20]]


def test_status_history_and_notes(seeded):
    mod = seeded.get_act("15125")
    events = [(e.event, e.date, (e.by_act or {}).get("number")) for e in mod.events]
    assert ("amended", "2021-09-30", "668") in events  # points amended by order No. 668
    assert events[0][0] == "in_force" and mod.summary.entry_rule
    mes = seeded.get_act("reg-9344")
    assert ("repealed", "2015-11-16", "927") in [(e.event, e.date, (e.by_act or {}).get("number"))
                                                 for e in mes.events]
    assert seeded.counts()["notes"] >= len(mod.act.notes) + len(mes.act.notes) > 0
    tree = seeded.act_structure("reg-9344")
    assert tree and any(n.kind == "appendix" for n in tree)


def _seed_queries(store, lang: str, n: int = 20) -> list[str]:
    """Fixed, spread-out words and word pairs of the seeds' titles and duties in one language:
    common words (in hundreds of posts) and rare ones alike."""
    import re

    words = sorted({w.lower() for p in store.iter_positions(lang=lang)
                    for w in re.findall(r"[^\W\d_]{5,}", p.title + " " + " ".join(p.duties[:1]))})
    step = max(1, len(words) // (n - 4))
    singles = words[::step][: n - 4]
    titles = sorted({p.title for p in store.iter_positions(lang=lang)})
    pairs = [" ".join(re.findall(r"[^\W\d_]{4,}", t)[:2]) for t in titles[:: max(1, len(titles) // 4)][:4]]
    return singles + [p for p in pairs if p]


@pytest.mark.postgres
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_both_back_ends_give_the_same_top_ten(seeded_pair, lang):
    """Ranking is done by each database over all matches, then re-ranked alike: the first ten
    posts are the same, in the same order, for 20 queries per language (rare and common words)."""
    lite, pg = seeded_pair["sqlite"], seeded_pair["postgresql"]
    queries = _seed_queries(lite, lang)
    assert len(queries) >= 18
    common = 0
    for q in queries:
        a = [h.position_id for h in lite.search(q, lang=lang, limit=10)]
        b = [h.position_id for h in pg.search(q, lang=lang, limit=10)]
        assert a == b, q
        common += lite.search_count(q, lang=lang) > 100
    assert common or lang == "ru", "no query matched more posts than the re-ranked window"
