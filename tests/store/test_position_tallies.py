"""Store.position_tallies (the act page's charts) counts in the database what the act's posts say,
on SQLite and PostgreSQL alike: per category as printed (else canonical) and per department."""

from __future__ import annotations

from collections import Counter


def test_tallies_match_the_posts(seeded):
    for key in ("reg-9344", "reg-15125"):
        posts = list(seeded.iter_positions(act_key=key))
        tallies = seeded.position_tallies(key)
        assert Counter(dict(tallies["category"])) == Counter(p.category_raw or p.category for p in posts)
        assert Counter(dict(tallies["department"])) == Counter(p.department for p in posts)
        assert sum(n for _, n in tallies["category"]) == len(posts) > 10
    assert seeded.position_tallies("reg-0") == {"category": [], "department": []}
