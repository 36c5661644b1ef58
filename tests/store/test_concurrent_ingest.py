"""Two processes ingesting the same acts into one new SQLite file at the same time both succeed
(WAL, busy_timeout, the write lock taken before reading, migrations in one locked transaction)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kzqual.bundled import act_paths
from kzqual.store import open_store

KZQUAL = Path(sys.executable).with_name("kzqual")


def test_two_processes_ingest_into_one_sqlite_file(tmp_path):
    db = tmp_path / "shared.db"
    paths = [str(p) for p in act_paths()]
    cmd = [str(KZQUAL), "ingest", "--quiet", "--json", "--db", str(db), *paths]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_, err) in zip(procs, outs):
        assert p.returncode == 0, err
    with open_store(db) as store:
        acts = store.list_acts()
        assert len(acts) == 5
        assert all(len(store.act_versions(a.key)) == 1 for a in acts)  # no act stored twice
        assert store.count_positions() == 718
