"""schemathesis against the live server: no request the schema allows (or nearly allows) may get a 5xx,
and every documented response must match the schema."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from kzqual.api import Settings
from kzqual.store import open_store

from api_token import TOKEN


@pytest.fixture()
def fuzz_url(serve_app, tmp_path, act_path):
    db = str(tmp_path / "fuzz.db")
    with open_store(db) as store:  # a small registry of its own: writes here touch no other test
        store.ingest_file(act_path("mod_134_ru"))
    return serve_app(Settings(db=db, token=TOKEN))


def test_no_server_errors(fuzz_url):
    schema = schemathesis.openapi.from_url(f"{fuzz_url}/api/v1/openapi.json")
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15

    for op in operations:
        @settings(max_examples=8, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=op.as_strategy())
        def run(case):
            response = case.call(base_url=fuzz_url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
            try:
                case.validate_response(response, checks=[not_a_server_error])
            except Exception as exc:  # collect, so one run reports every failing operation
                failures.append(f"{op.label}: {str(exc)[:300]}")
                raise

        try:
            run()
        except Exception:  # noqa: BLE001 - reported below with the others
            pass
    assert not failures, "\n".join(failures)
