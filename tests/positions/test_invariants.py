"""Properties every extraction must have: no label leaks, no text of one post in another."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import pytest

from kzqual.acts.lexicon import entries
from kzqual.positions.labels import CRITERIA, SECTIONS, match_label

ACTS = ("mod_134_ru", "mes_161_kk", "ara_9_kk", "mebp_75_kk")
# every label as printed capitalised (a label, not the word used in running text)
# (not the vocabulary's ``alone`` variants: "Жұмыс тәжірибесі" is a label only as a whole cell or
# line, and mes-161 opens its experience text with the same words)
_ALONE = {e.words for e in entries("criterion_label") + entries("section_label") if e.alone}
LABELS = sorted({v for vs in (*CRITERIA.values(), *SECTIONS.values()) for v in vs} - _ALONE, key=len)
LABEL_RE = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, LABELS)) + r")(?![\w-])")


def _texts(p):
    for name in ("education", "experience", "competence"):
        part = getattr(p, name)
        if part.text:
            yield name, part.text, part.lines
    for d in p.duties:
        yield "duties", d, None
    for k in p.knowledge:
        yield "knowledge", k, None


@pytest.mark.parametrize("name", ACTS)
def test_no_label_leaks_into_fields(extracted, name):
    for p in extracted(name).positions:
        for field, text, _ in _texts(p):
            assert match_label(text) is None, (p.id, field, text[:60])
            assert match_label(text, table="sections") is None, (p.id, field, text[:60])
            m = LABEL_RE.search(text)
            assert m is None, (p.id, field, m and m.group(0), text[:80])
        assert LABEL_RE.search(p.title) is None, (p.id, p.title)


@pytest.mark.parametrize("name", ACTS)
def test_posts_do_not_overlap(extracted, name):
    posts = extracted(name).positions
    for a, b in zip(posts, posts[1:]):
        if (a.lines.start, a.lines.end) == (b.lines.start, b.lines.end):
            continue  # several posts named in one paragraph share its lines
        assert a.lines.end < b.lines.start, (a.id, a.lines, b.id, b.lines)


@pytest.mark.parametrize("name", ACTS)
def test_texts_come_from_inside_the_post(extracted, clean_text, name):
    ct = clean_text(name)
    starts = [ln.raw_start for ln in ct.lines]
    for p in extracted(name).positions:
        assert 1 <= p.lines.start <= p.lines.end <= len(ct.raw_lines)
        for field, text, span in _texts(p):
            if span is None:
                continue
            assert p.lines.start <= span.start <= span.end <= p.lines.end, (p.id, field, span)
            # the first words of the text are on the first line of its span
            first = re.findall(r"\w+", text)[:1]
            lo, hi = bisect_left(starts, span.start), bisect_right(starts, span.end)
            clean = "".join(ln.text for ln in ct.lines[lo:hi]).replace(" ", "")
            assert all(w in clean for w in first), (p.id, field)
        for r in p.repairs:
            assert p.lines.start <= r.line <= p.lines.end


@pytest.mark.parametrize("name", ["mes_161_kk", "ara_9_kk", "mebp_75_kk"])
def test_every_post_has_education_and_duties(extracted, name):
    missing = [
        p.id for p in extracted(name).positions if not p.education.text or not p.duties
    ]
    assert missing == [], missing


@pytest.mark.parametrize("name", ACTS)
def test_titles_are_clean(extracted, name):
    furniture = re.compile(r"қойылатын|Бірлік саны|санаты|Өлшем|Критери|Талаптар|бірлік,|№")
    for p in extracted(name).positions:
        assert p.title and p.title == p.title.strip(" ,"), p.id
        assert furniture.search(p.title) is None, (p.id, p.title)
        if name != "mod_134_ru":  # posts named inside a requirements point start in lower case
            assert p.title[0].isupper(), (p.id, p.title)
        if p.department:
            assert furniture.search(p.department) is None, (p.id, p.department)
            assert len(p.department) < 200, (p.id, p.department)
