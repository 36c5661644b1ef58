"""Store fixtures: a ``store`` parametrized over SQLite and PostgreSQL, and hand-built acts.

``make_act`` writes a small raw text file and returns a :class:`Pipeline` entry so that the
store's own code (reading, hashing, versioning, writing, search) runs for real while the act and
positions come from the test, not from the parser layers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pg import pg_server, pg_url  # noqa: F401  (shared PostgreSQL fixture, tests/pg.py)

from kzqual.acts.model import Act, ParsedAct, Span, StructureNode
from kzqual.positions.model import Position
from kzqual.store import open_store
from kzqual.store.ingest import Pipeline

from .factories import FakeLayers


@pytest.fixture(scope="session")
def migrated_pg(pg_server):
    """A PostgreSQL database already migrated to heads, used as a template for each test's copy."""
    name = pg_server.create_db()
    open_store(pg_server.url(name)).close()
    yield name
    pg_server.drop_db(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "registry.db")
    server = request.getfixturevalue("pg_server")
    name = server.create_db(template=request.getfixturevalue("migrated_pg"))
    request.addfinalizer(lambda: server.drop_db(name))
    return server.url(name)


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


@pytest.fixture
def make_act(tmp_path):
    """make_act(name, act, positions, text=None) -> Path; ``layers.pipeline`` ingests them."""
    layers = FakeLayers()
    folder = tmp_path / "acts"
    folder.mkdir()

    def make(name: str, a: Act, positions: list[Position], text: str | None = None) -> Path:
        a = a.model_copy(update={"source": name})
        raw = text if text is not None else "\n".join(
            [a.title, "БҰЙРЫҚ"] + [f"line {i} of {name}: {p.title}" for i, p in enumerate(positions)]
            + [f"filler {i}" for i in range(20)])
        path = folder / name
        path.write_text(raw, encoding="utf-8")
        parsed = ParsedAct(act=a, structure=[StructureNode(
            kind="appendix", label="1", title="Қосымша", lines=Span(start=1, end=2),
            children=[StructureNode(kind="point", label="1", text="Бекітілсін", lines=Span(start=2, end=2))])])
        layers.by_name[name] = (parsed, positions)
        return path

    make.layers = layers
    return make


class SeedLayers:
    """The real acts/positions layers, run once per session per file and remembered, so that
    every registry built from the seeds pays only for its own writes."""

    def __init__(self) -> None:
        self.parsed: dict = {}
        self.extracted: dict = {}
        self.real = Pipeline()

    def parse(self, path, ct):
        if path not in self.parsed:
            self.parsed[path] = self.real.parse(path, ct)
        return self.parsed[path]

    def extract(self, ct, parsed):
        key = parsed.act.source or parsed.act.key
        if key not in self.extracted:
            self.extracted[key] = self.real.extract(ct, parsed)
        return self.extracted[key]

    @property
    def pipeline(self) -> Pipeline:
        return Pipeline(parse=self.parse, extract=self.extract)


@pytest.fixture(scope="session")
def seed_layers() -> SeedLayers:
    return SeedLayers()


@pytest.fixture(scope="module")
def seeded_pair(request, tmp_path_factory, seed_layers):
    """SQLite and PostgreSQL registries holding the five bundled acts, read by the real layers;
    built once per module; tests must only read them."""
    from kzqual.bundled import act_paths

    server = request.getfixturevalue("pg_server")
    name = server.create_db(template=request.getfixturevalue("migrated_pg"))
    stores = {"sqlite": open_store(str(tmp_path_factory.mktemp("seeded") / "registry.db")),
              "postgresql": open_store(server.url(name))}
    for s in stores.values():
        summary = s.ingest_paths(act_paths(), pipeline=seed_layers.pipeline)
        assert not summary.failed, [r.error for r in summary.failed]
    yield stores
    for s in stores.values():
        s.close()
    server.drop_db(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def seeded(request, seeded_pair):
    return seeded_pair[request.param]
