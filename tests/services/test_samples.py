"""The demo's sample cases (issue 14): clearly fictitious, loaded only into a registry without
cases, shown on the staff pages."""

from __future__ import annotations

from datetime import date, datetime

from kzqual.services.cases import ServiceDesk
from kzqual.services.iin import make_iin
from kzqual.services.samples import sample_data, seed_sample_cases
from kzqual.store import open_store

FICTITIOUS = ("Үлгі", "Образ", "Пример")


def test_sample_cases_are_fictitious_and_loaded_once(tmp_path):
    with open_store(str(tmp_path / "k.db")) as store:
        assert seed_sample_cases(store.engine, today=date(2026, 12, 7)) == len(sample_data()["cases"]) == 4
        assert seed_sample_cases(store.engine, today=date(2026, 12, 7)) == 0
        cases = ServiceDesk(store.engine).cases(as_of=date(2026, 12, 7))
    assert len(cases) == 4
    for view in cases:
        app = view.case.application
        assert app.surname.startswith(FICTITIOUS), app.surname
        assert "ойдан шығарылған" in app.address  # says it is made up
    states = sorted(v.case.state for v in cases)
    assert states == ["accepted", "refused", "submitted", "submitted"]
    assert sum(len(v.complaints) for v in cases) == 1


def test_a_registry_with_cases_is_left_alone(tmp_path):
    with open_store(str(tmp_path / "k.db")) as store:
        desk = ServiceDesk(store.engine)
        desk.apply({"iin": make_iin(date(1990, 1, 1), "m", 7), "surname": "Нақты", "name": "Адам", "patronymic": None,
                    "address": "Астана", "phone": "+7 701 000 00 01", "addressee": "департамент", "branch": "филиал",
                    "documents": ["медкарта"], "consent": True, "signed_with": "eds"},
                   at=datetime(2026, 12, 1, 10), actor="portal")
        assert seed_sample_cases(store.engine) == 0
        assert len(desk.cases()) == 1
