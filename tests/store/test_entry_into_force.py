"""An act that takes effect N days after an undated publication is not in force before its date + N."""

from __future__ import annotations

from kzqual.bundled import acts_dir
from kzqual.store import open_store


def test_not_in_force_before_its_date_plus_the_stated_days(tmp_path):
    # kk-ara-2014-9.txt: order of 2014-02-21, point 4: in force ten calendar days after its first
    # official publication; the publication cannot come before the order, so not before 2014-03-03.
    with open_store(str(tmp_path / "r.db")) as store:
        store.ingest_file(acts_dir() / "kk-ara-2014-9.txt")
        status = {d: store.list_acts(as_of=d)[0].status for d in ("2014-02-25", "2014-03-02", "2014-03-03")}
        assert status == {"2014-02-25": "not_yet_in_force", "2014-03-02": "not_yet_in_force",
                          "2014-03-03": "in_force"}
        assert store.search("кеңесшісі", in_force_on="2014-03-01") == []
        assert store.search("кеңесшісі", in_force_on="2014-06-01")
