"""One operator in a race between two processes (test_races.py): its own engine and ServiceDesk on
the shared database, a barrier before every step, the outcome of each step sent back.

A module of its own (no pytest, no fixtures) so a spawned process can import it cheaply.
"""

from __future__ import annotations

from datetime import datetime


def operator(url: str, action: str, case_ids: list[int], group_id: int, barrier, results) -> None:
    from kzqual.errors import InputError
    from kzqual.services.cases import ServiceDesk
    from kzqual.store import open_store

    store = open_store(url)
    desk = ServiceDesk(store.engine)
    at = datetime(2024, 3, 4, 10)
    try:
        for cid in case_ids:
            barrier.wait(timeout=120)
            try:
                if action == "accept":
                    desk.accept(cid, group_id=group_id, at=at, actor=f"operator {action}")
                elif action == "refuse":
                    desk.refuse(cid, grounds=[1], reason="құжаттар толық емес", at=at, actor=f"operator {action}")
                else:
                    desk.record_payment(cid, amount=200_000, at=at, actor=f"cashier {action}")
                results.put((action, cid, "ok"))
            except InputError as exc:
                results.put((action, cid, exc.code))
            except Exception as exc:  # anything else is a failure the test must show, not hide
                results.put((action, cid, f"{type(exc).__name__}: {exc}"))
    finally:
        store.close()
