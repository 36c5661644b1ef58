"""Row text a page break printed above its label, as classes (issue 11).

1. A list's first items (and the sentence introducing it) printed before the label:
   mes-161 (kk-mes-2014-161.txt) lines 3200-3208: "Жұмыс тәжірибесі келесі талаптардың біріне сәйкес
   болуы тиіс:" / "1) мемлекеттік қызмет өтілі үш жылдан кем емес;" / "2) … ү ш  ж ы л д а н …" /
   page break / "Практикалық тәжірибе" / "3) …" — the items 1)-2) were read as competence and the
   experience list "started late".
2. The competence row's opening words (the laws to know) printed above its label, so that the
   education row ran on into the competence list: mes-161 lines 2069-2080 ("Білімі Жоғары: … саласында"
   / gap / "Қазақстан Республикасының Конституциясын, …" / gap / "Кәсіби құзыреттілігі сипаттағы …").
Expected values below were read in the act files at the lines cited.
"""

from __future__ import annotations

import pytest

from kzqual.positions.rows import split_rows

from .conftest import by_id

# post -> (line of the introducing sentence, first line of the label, item labels of the whole list)
LISTS = {
    "9344-a1-62": (3200, 3208, ["1)", "2)", "3)", "4)", "5)", "6)"]),
    "9344-a1-67": (3472, 3478, ["1)", "2)", "3)"]),
    "9344-a1-73": (3752, 3757, None),
    "9344-a2-39": (6192, 6197, ["1)", "2)", "3)", "4)"]),
}


@pytest.mark.parametrize("post_id", sorted(LISTS))
def test_list_printed_before_its_label_is_the_rows(extracted, post_id):
    intro, label, labels = LISTS[post_id]
    post = by_id(extracted("mes_161_kk"))[post_id]
    assert post.experience.lines.start == intro
    assert post.experience.text.startswith("Жұмыс тәжірибесі келесі талаптардың біріне сәйкес")
    assert "біріне сәйкес" not in post.competence.text
    assert post.competence.lines.end < intro
    assert not [w for w in post.warnings if w.code == "list_starts_late"]
    moved = [w for w in post.warnings if w.code == "row_text_before_label" and w.params["criterion"] == "experience"]
    assert moved and moved[0].params["start"] == intro and moved[0].params["label_line"] == label
    got = [a.label for a in post.experience.alternatives]
    assert got[0] == "1)"
    if labels:
        assert list(dict.fromkeys(got)) == labels


def test_first_item_of_a1_62_is_read(extracted):
    # line 3201: "1) мемлекеттік қызмет өтілі үш жылдан кем емес;"
    post = by_id(extracted("mes_161_kk"))["9344-a1-62"]
    first = post.experience.alternatives[0]
    assert (first.kind, first.min_years) == ("state_service", 3)


def test_no_bundled_list_starts_late(extracted):
    for name in ("mes_161_kk", "mebp_75_kk", "ara_9_kk"):
        for p in extracted(name).positions:
            assert not [w for w in p.warnings if w.code == "list_starts_late"], p.id


# post -> (education text as printed before the gap, first line of the competence text)
RUN_ON = {
    ("mes_161_kk", "9344-a1-41"): ("Жоғары: құқық немесе әлеуметтік ғылым, экономика және бизнес саласында", 2071),
    ("mes_161_kk", "9344-a2-27"): (
        "Жоғары: әскери іс және қауіпсіздік немесе техникалық ғылымдар және технология саласында.", 5586),
    ("mebp_75_kk", "9219-22-1-1"): (None, 13511),
}


@pytest.mark.parametrize("act, post_id", sorted(RUN_ON))
def test_competence_opening_above_its_label_leaves_education(extracted, act, post_id):
    text, comp_start = RUN_ON[(act, post_id)]
    post = by_id(extracted(act))[post_id]
    if text is not None:
        assert post.education.text == text
    assert "Конституция" not in post.education.text
    assert post.education.lines.end < comp_start
    assert post.competence.lines.start == comp_start
    assert post.competence.text.startswith("Қазақстан Республикасының")
    assert not [w for w in post.warnings if w.code == "education_text_not_read"]


def test_experience_runs_no_more_into_competence_in_ara_9(extracted):
    # ara-9 lines 2377-2395: "Тәжірибесі" / reference to the typical requirements (2379-2382) / gap /
    # "Қазақстан Республикасының , Қазақстан Республикасының Конституц…" (2384) / … / "Кәсіптік біліктілігі"
    post = by_id(extracted("ara_9_kk"))["9211-9-2-1"]
    assert (post.experience.lines.start, post.experience.lines.end) == (2379, 2382)
    assert post.experience.reference is not None and post.experience.reference.registration_number == "5084"
    assert post.competence.lines.start == 2384


def test_no_bundled_education_holds_the_constitution(extracted):
    for name in ("mes_161_kk", "mebp_75_kk", "ara_9_kk"):
        for p in extracted(name).positions:
            assert "Конституция" not in p.education.text, p.id


def test_rows_alone_move_only_a_complete_run_of_items(clean_text):
    # a slice of mes-161 (lines 3180-3228) split on its own: the same result as inside the act
    ct = clean_text("mes_161_kk")
    lines = [ln for ln in ct.lines if 3180 <= ln.raw_start <= 3228]
    rows = split_rows(lines, last="duties")
    assert rows.pieces["experience"].start == 3200 and rows.pieces["experience"].end == 3219
    assert rows.pieces["competence"].end == 3198
    # without the items 1)-2) before the label nothing moves: drop line 3201 ("1) …")
    gapped = [ln for ln in lines if ln.raw_start != 3201]
    rows = split_rows(gapped, last="duties")
    assert rows.pieces["experience"].start == 3210
