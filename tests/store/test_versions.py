"""Act versions (issue 4): an earlier text can be made current again, and a damaged upload (a
truncated file, most posts lost) does not replace an act unless asked to.  Both back ends."""

from __future__ import annotations

import pytest

from kzqual.errors import InputError


def _two_versions(make_act, build):
    p1 = make_act("v1.txt", build.act("9344"), build.kk_posts("reg-9344"))
    changed = build.kk_posts("reg-9344")[:3] + [build.post("reg-9344", "9", "Жетекші сарапшы", category="C-4")]
    lines = p1.read_text().splitlines()
    lines.insert(len(lines) - 1, "Өзгеріс")  # changed inside: v1 is not a prefix of v2
    p2 = make_act("v2.txt", build.act("9344"), changed, text="\n".join(lines) + "\n")
    return p1, p2


def test_reingesting_an_earlier_text_makes_it_current_again(store, make_act, build):
    pipe = make_act.layers.pipeline
    p1, p2 = _two_versions(make_act, build)
    store.ingest_file(p1, pipeline=pipe)
    store.ingest_file(p2, pipeline=pipe)
    res = store.ingest_file(p1, pipeline=pipe)
    assert (res.status, res.version, res.restores, res.positions) == ("new_version", 3, 1, 4)
    assert store.list_acts()[0].version == 3
    # the history reads v1 -> v2 -> v1 again; every version stays queryable as it was
    hist = store.act_versions("reg-9344")
    assert [(v.version, v.same_text_as, v.source) for v in hist] == [
        (1, None, "v1.txt"), (2, None, "v2.txt"), (3, 1, "v1.txt")]
    assert hist[0].content_hash == hist[2].content_hash != hist[1].content_hash
    assert store.get_act("reg-9344", version=2).summary.positions == 4
    assert store.raw_lines("reg-9344", 1, 1, version=2) == [(1, "Бұйрық")]
    # listings and search see v3 (= v1): the post only v2 had is gone from them
    assert store.count_positions() == 4
    assert store.search("жетекші") == []
    assert store.get_position("reg-9344:4").title == "Инспектор"
    # only the CURRENT text is "unchanged"
    again = store.ingest_file(p1, pipeline=pipe)
    assert (again.status, again.version) == ("unchanged", 3)
    assert len(store.act_versions("reg-9344")) == 3


def test_truncated_text_is_refused_and_the_store_is_unchanged(store, make_act, build):
    pipe = make_act.layers.pipeline
    full = make_act("full.txt", build.act("9344"), build.kk_posts("reg-9344"))
    store.ingest_file(full, pipeline=pipe)
    before = store.counts()
    text = full.read_text()
    # cut mid-line, as `head -c` does; the (fake) parser still finds 3 of 4 posts
    cut = make_act("cut.txt", build.act("9344"), build.kk_posts("reg-9344")[:3], text=text[: len(text) // 2])
    with pytest.raises(InputError) as err:
        store.ingest_file(cut, pipeline=pipe)
    assert "cut.txt" in str(err.value) and "truncated" in str(err.value)
    assert "--allow-shrink" in str(err.value) and err.value.code == "suspicious_shrink"
    assert store.counts() == before
    assert [v.version for v in store.act_versions("reg-9344")] == [1]
    # ingest_paths reports it as a failed file, the store still unchanged
    summary = store.ingest_paths([cut], pipeline=pipe)
    assert [r.status for r in summary.results] == ["failed"] and "truncated" in summary.results[0].error
    assert store.counts() == before


def test_losing_most_posts_is_refused(store, make_act, build):
    pipe = make_act.layers.pipeline
    p1 = make_act("v1.txt", build.act("9344"), build.kk_posts("reg-9344"))
    store.ingest_file(p1, pipeline=pipe)
    before = store.counts()
    few = make_act("few.txt", build.act("9344"), build.kk_posts("reg-9344")[:1], text=p1.read_text() + "\nx")
    with pytest.raises(InputError) as err:
        store.ingest_file(few, pipeline=pipe)
    assert "1 posts" in str(err.value) and "has 4" in str(err.value) and "few.txt" in str(err.value)
    assert store.counts() == before  # the positions written before the check were rolled back
    # half the posts is not "most": accepted without the flag
    half = make_act("half.txt", build.act("9344"), build.kk_posts("reg-9344")[:2], text=p1.read_text() + "\ny")
    assert store.ingest_file(half, pipeline=pipe).version == 2


def test_allow_shrink_accepts_and_the_good_text_can_come_back(store, make_act, build):
    pipe = make_act.layers.pipeline
    full = make_act("full.txt", build.act("9344"), build.kk_posts("reg-9344"))
    store.ingest_file(full, pipeline=pipe)
    text = full.read_text()
    cut = make_act("cut.txt", build.act("9344"), build.kk_posts("reg-9344")[:1], text=text[:40])
    res = store.ingest_file(cut, pipeline=pipe, allow_shrink=True)
    assert (res.status, res.version, res.positions) == ("new_version", 2, 1)
    assert store.list_acts()[0].positions == 1
    back = store.ingest_file(full, pipeline=pipe)
    assert (back.version, back.restores, back.positions) == (3, 1, 4)
    assert store.list_acts()[0].positions == 4
    # and the truncated text again is refused against the restored version
    with pytest.raises(InputError):
        store.ingest_file(cut, pipeline=pipe)
    assert [v.version for v in store.act_versions("reg-9344")] == [1, 2, 3]


def test_a_post_can_be_read_from_an_earlier_version(store, make_act, build):
    pipe = make_act.layers.pipeline
    p1, p2 = _two_versions(make_act, build)
    store.ingest_file(p1, pipeline=pipe)
    store.ingest_file(p2, pipeline=pipe)
    # reg-9344:4 is "Инспектор" in v1 and the new "Жетекші сарапшы" (a new id) only in v2
    assert store.get_position("reg-9344:4", version=1).title == "Инспектор"
    assert store.position_record("reg-9344:4", version=1).act.version == 1
    assert store.get_position("reg-9344:9").title == "Жетекші сарапшы"
    with pytest.raises(InputError, match="version 1"):
        store.get_position("reg-9344:9", version=1)
    with pytest.raises(InputError, match="version 5"):
        store.position_record("reg-9344:1", version=5)
