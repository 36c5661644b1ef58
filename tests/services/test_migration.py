"""The Alembic migrations of the "service" branch (service_0001, then security_0001: staff, audit log,
a case's office, then service_0002: the case flow, then service_0003: documents) create exactly the
tables the code uses."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import create_engine, inspect

import kzqual
from kzqual.services.tables import metadata

VERSIONS = Path(kzqual.__file__).parent / "store" / "migrations" / "versions"


def _load(name: str = "service_0001"):
    (path,) = sorted(VERSIONS.glob(f"{name}_*.py"))
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_branch_header():
    mod = _load()
    assert mod.branch_labels == ("service",)
    assert mod.down_revision is None and mod.depends_on is None


def test_migration_matches_metadata_and_downgrades(tmp_path):
    mods = [_load(), _load("security_0001"), _load("service_0002"), _load("service_0003")]
    assert mods[1].down_revision == "service_0001"
    assert (mods[2].revision, mods[2].down_revision) == ("service_0002", "security_0001")
    assert (mods[3].revision, mods[3].down_revision) == ("service_0003", "service_0002")
    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    with engine.begin() as conn:
        with Operations.context(MigrationContext.configure(conn)):
            for mod in mods:
                mod.upgrade()
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
    with engine.begin() as conn:
        with Operations.context(MigrationContext.configure(conn)):
            for mod in reversed(mods):
                mod.downgrade()
    assert [t for t in inspect(engine).get_table_names() if t.startswith("service_")] == []


def test_bare_engine_with_ensure_schema(tmp_path):
    """The documented path for an engine that did not come from kzqual.store."""
    from datetime import datetime

    from kzqual.services.cases import ServiceDesk, ensure_schema
    from kzqual.services.iin import make_iin

    engine = create_engine(f"sqlite:///{tmp_path / 'bare.db'}")
    ensure_schema(engine)
    desk = ServiceDesk(engine)
    from datetime import date

    v = desk.apply({"iin": make_iin(date(2000, 1, 1), "f", 5), "surname": "А", "name": "Б", "address": "В",
                    "phone": "87010000000", "addressee": "Г", "branch": "Д", "consent": True},
                   at=datetime(2025, 3, 20, 12), actor="t")
    # Thursday 20 March 2025, then 21-25 March are off (Nauryz and its observed days): due 27 March.
    assert v.deadlines[0].due == date(2025, 3, 27)
