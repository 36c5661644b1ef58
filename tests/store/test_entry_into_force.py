"""An act that takes effect N days after an undated publication is not in force before its
registration date + N (issue 12: never before its registration)."""

from __future__ import annotations

from kzqual.bundled import acts_dir
from kzqual.store import open_store


def test_not_in_force_before_its_date_plus_the_stated_days(tmp_path):
    # kk-ara-2014-9.txt: order of 2014-02-21 (l.5-6), registered with the Ministry of Justice on
    # 2014-03-13 (l.6-7: "2014 жылы 13 наурызда № 9211 тіркелді"), point 4 (l.27-28): in force ten
    # calendar days after its first official publication.  The publication cannot come before the
    # registration, so not before 2014-03-23 (it used to say 2014-03-03, before its registration).
    with open_store(str(tmp_path / "r.db")) as store:
        store.ingest_file(acts_dir() / "kk-ara-2014-9.txt")
        days = ("2014-02-25", "2014-03-03", "2014-03-13", "2014-03-22", "2014-03-23")
        status = {d: store.list_acts(as_of=d)[0].status for d in days}
        assert status == {"2014-02-25": "not_yet_in_force", "2014-03-03": "not_yet_in_force",
                          "2014-03-13": "not_yet_in_force", "2014-03-22": "not_yet_in_force",
                          "2014-03-23": "in_force"}
        assert store.search("кеңесшісі", in_force_on="2014-03-15") == []
        assert store.search("кеңесшісі", in_force_on="2014-06-01")
