"""Random sequences of steps on one case: the database always agrees with the state machine, and a
refused step changes nothing (property-based, SQLite)."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, func, select

from kzqual.errors import InputError
from kzqual.services import tables as T
from kzqual.services.cases import ServiceDesk, ensure_schema
from kzqual.services.iin import make_iin
from kzqual.services.workflow import CASE_MOVES

ACTIONS = ["accept", "refuse", "pay", "start_training", "certify", "withdraw", "refuse_no_ground"]


def _events(engine) -> int:
    with engine.connect() as c:
        return c.execute(select(func.count()).select_from(T.events)).scalar()


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ACTIONS), st.integers(-2, 5)), min_size=1, max_size=8),
       st.sampled_from(["free", "paid"]))
def test_random_steps(steps, basis):
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 's.db'}")
        ensure_schema(engine)
        desk = ServiceDesk(engine)
        g = desk.add_group(number="1", profile="p", planned_creation=date(2024, 4, 1), basis=basis,
                           period_start=date(2024, 4, 15), period_end=date(2024, 6, 14))
        app = {"iin": make_iin(date(2004, 1, 1), "m", 1), "surname": "A", "name": "B", "address": "C",
               "phone": "87010000000", "addressee": "D", "branch": "E", "consent": True, "basis": basis}
        case_id = desk.apply(app, at=datetime(2024, 3, 1, 10), actor="t").case.id
        state, paid, when = "submitted", 0, datetime(2024, 3, 1, 10)
        for action, days in steps:
            at = when + timedelta(days=days)
            if action == "start_training":
                at = max(at, datetime(2024, 4, 15, 9)) if days >= 0 else at
            before = _events(engine)
            kwargs = {"at": at, "actor": "t"}
            try:
                if action == "accept":
                    desk.accept(case_id, group_id=g.id, **kwargs)
                elif action in ("refuse", "refuse_no_ground"):
                    desk.refuse(case_id, grounds=[1] if action == "refuse" else [], reason="r", **kwargs)
                elif action == "pay":
                    desk.record_payment(case_id, amount=305000, **kwargs)
                elif action == "start_training":
                    desk.start_training(case_id, **kwargs)
                elif action == "certify":
                    desk.certify(case_id, number="N", **kwargs)
                else:
                    desk.withdraw(case_id, **kwargs)
            except InputError:
                assert _events(engine) == before  # refused: nothing written
                assert desk.case(case_id).case.state == state
                continue
            # Accepted steps are ones the machine allows, in time order, never a groundless refusal.
            assert action != "refuse_no_ground"
            assert at >= when
            move = action.replace("refuse_no_ground", "refuse")
            if move == "pay":
                assert basis == "paid" and paid == 0  # a second full fee would overpay: refused
                paid += 305000
            else:
                assert move in CASE_MOVES[state]
                if move == "start_training" and basis == "paid":
                    assert paid >= 305000
                state = CASE_MOVES[state][move]
            when = at
            assert _events(engine) == before + 1
            assert desk.case(case_id).case.state == state
        engine.dispose()
