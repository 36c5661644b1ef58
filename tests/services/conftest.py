"""Fixtures of the services tests: a fresh registry database per test, an application factory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from kzqual.services.cases import ServiceDesk, ensure_schema
from kzqual.services.iin import make_iin


@pytest.fixture()
def engine(tmp_path: Path):
    eng = create_engine(f"sqlite:///{tmp_path / 'service.db'}")
    ensure_schema(eng)
    yield eng
    eng.dispose()


@pytest.fixture()
def desk(engine) -> ServiceDesk:
    return ServiceDesk(engine)


@pytest.fixture()
def application():
    def make(serial: int = 1, **over):
        data = {
            "iin": make_iin(date(2004, 5, 17), "m", serial),
            "surname": "Сейітов", "name": "Ерлан", "patronymic": "Болатұлы",
            "address": "Астана қ., Абай даңғылы, 10", "phone": "+7 701 123 45 67",
            "addressee": "Астана қаласы бойынша қорғаныс істері департаментінің",
            "branch": "Әскери-техникалық мектептің Астана филиалы",
            "documents": ["медициналық куәландыру картасының көшірмесі"],
            "consent": True, "signed_with": "eds", "applicant_kind": "conscript", "basis": "free",
        }
        data.update(over)
        return data

    return make
