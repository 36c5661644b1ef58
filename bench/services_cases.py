"""Public-service figures: working-day arithmetic, case operations and report Н6-ӘТМ on SQLite.

Prints: working-day additions per second; seconds to register+accept N cases; seconds to list
them with deadlines; seconds to build the report.  Timings are never test assertions.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from kzqual.services.calendar import WorkCalendar
from kzqual.services.cases import ServiceDesk
from kzqual.services.iin import make_iin
from kzqual.store import open_store

N = int(sys.argv[1]) if len(sys.argv) > 1 else 500


def main() -> None:
    cal = WorkCalendar()
    t0 = time.perf_counter()
    d = date(2022, 1, 1)
    for i in range(20000):
        cal.add_working_days(d + timedelta(days=i % 1500), 42)
    dt = time.perf_counter() - t0
    print(f"add_working_days(…, 42): {20000 / dt:,.0f} per second")

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        desk = ServiceDesk(store.engine, calendar=cal)
        g = desk.add_group(number="1", profile="жүргізуші", planned_creation=date(2024, 4, 1),
                           period_start=date(2024, 4, 15), period_end=date(2024, 6, 14))
        t0 = time.perf_counter()
        for i in range(N):
            v = desk.apply({"iin": make_iin(date(2004, 1, 1) + timedelta(days=i % 300), "m", i),
                            "surname": "Test", "name": "Case", "address": "A", "phone": "87010000000",
                            "addressee": "B", "branch": "C", "consent": True},
                           at=datetime(2024, 3, 1, 10) + timedelta(minutes=i), actor="bench")
            desk.accept(v.case.id, group_id=g.id, at=datetime(2024, 3, 5, 10), actor="bench")
        print(f"apply + accept {N} cases: {time.perf_counter() - t0:.2f} s")
        t0 = time.perf_counter()
        views = desk.cases(as_of=date(2024, 6, 30))
        print(f"list {len(views)} cases with deadlines and audit log: {time.perf_counter() - t0:.2f} s")
        t0 = time.perf_counter()
        rep = desk.report_n6(year=2024, half=1)
        print(f"report Н6-ӘТМ over {rep.total_selected} selected: {time.perf_counter() - t0:.3f} s")
        store.close()


if __name__ == "__main__":
    main()
