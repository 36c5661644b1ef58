"""Store fixtures: a ``store`` parametrized over SQLite and PostgreSQL, and hand-built acts.

``make_act`` writes a small raw text file and returns a :class:`Pipeline` entry so that the
store's own code (reading, hashing, versioning, writing, search) runs for real while the act and
positions come from the test, not from the parser layers.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from pg import pg_server, pg_url  # noqa: F401  (shared PostgreSQL fixture, tests/pg.py)

from kzqual.acts.model import Act, ActRef, EntryIntoForce, ParsedAct, Registration, Span, StructureNode
from kzqual.positions.model import Competence, Education, Experience, ExperienceAlternative, Position
from kzqual.store import open_store
from kzqual.store.ingest import Extracted, Pipeline



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


class FakeLayers:
    """Stands in for kzqual.acts / kzqual.positions: path -> (ParsedAct, positions)."""

    def __init__(self) -> None:
        self.by_name: dict[str, tuple[ParsedAct, list[Position]]] = {}

    def parse(self, path: Path, ct) -> ParsedAct:
        return self.by_name[path.name][0]

    def extract(self, ct, parsed: ParsedAct) -> Extracted:
        return Extracted(self.by_name[parsed.act.source][1], ["one act-level warning"])

    @property
    def pipeline(self) -> Pipeline:
        return Pipeline(parse=self.parse, extract=self.extract)


def post(act_key: str, pid: str, title: str, *, dept: str | None = None, category: str = "C-4",
         duties: list[str] | None = None, education: str = "", competence: str = "",
         numbers: list[str] | None = None, years: float | None = None, start: int = 3) -> Position:
    alts = [ExperienceAlternative(kind="state_service", min_years=years, text=f"{years} жыл",
                                  lines=Span(start=start + 2, end=start + 2))] if years else []
    return Position(
        id=f"{act_key}:{pid}", act_key=act_key, title=title, department=dept, category=category,
        category_raw=category.replace("C", "С"), units=1, numbers=numbers or [],
        education=Education(text=education, level="higher" if education else None,
                            levels=["higher"] if education else [],
                            lines=Span(start=start + 1, end=start + 1) if education else None),
        experience=Experience(text="", required=bool(years), alternatives=alts),
        competence=Competence(text=competence, lines=Span(start=start + 3, end=start + 3) if competence else None),
        duties=duties or [], lines=Span(start=start, end=start + 4))


def act(reg: str, *, lang: str = "kk", date: str = "2014-04-09", title: str = "Бұйрық",
        repealed_on: str | None = None, source: str = "") -> Act:
    return Act(
        title=title, language=lang, act_type="order", act_type_raw="бұйрық", date=date, number="1",
        registration=Registration(number=reg, date=date), issuer_body="Төтенше жағдайлар министрлігі",
        status="repealed" if repealed_on else "in_force",
        repealed_by=ActRef(act_type="order", date=repealed_on, number="927", text="бұйрығымен")
        if repealed_on else None,
        entry_into_force=EntryIntoForce(rule="алғашқы ресми жарияланған күнінен кейін он күнтізбелік күн өткен соң",
                                        kind="after_publication", days=10, day_kind="calendar"),
        source=source, lines=Span(start=1, end=2))


def kk_posts(key: str) -> list[Position]:
    return [
        post(key, "1", "Басқарма басшысы", dept="Кадр басқармасы", category="C-3", numbers=["01-1-1"],
             duties=["басқарманың жұмысын ұйымдастыру"], education="жоғары білім", years=3,
             competence="Қазақстан Республикасының Конституциясын білу"),
        post(key, "2", "Бас сарапшы", dept="Кадр басқармасы", category="C-4", numbers=["01-1-2"],
             duties=["сарапшылар жұмысын үйлестіру", "құжаттарды сараптау"], education="жоғары білім"),
        post(key, "3", "Сарапшы", dept="Қаржы департаменті", category="C-5",
             duties=["сарапшыға жүктелген міндеттерді орындау"], education="жоғары немесе орта білім"),
        post(key, "4", "Инспектор", dept="Бақылау бөлімі", category="C-5",
             duties=["тексеру жүргізу"], education="жоғары білім"),
    ]


def ru_posts(key: str) -> list[Position]:
    return [
        post(key, "1", "Начальник отдела", dept="Отдел кадров", category="A3-2-1",
             duties=["руководит работой инспекторов отдела"], education="высшее образование"),
        post(key, "2", "Старший инспектор", dept="Отдел кадров", category="A3-2-2",
             duties=["ведёт учёт военнообязанных"], education="высшее образование"),
        post(key, "3", "Инспектор", dept="Отдел мобилизации", category="A3-2-3",
             duties=["проверяет документы", "помогает инспектору отдела"], education="техническое образование"),
    ]


@pytest.fixture
def build():
    """Hand-built objects for tests (no imports between test modules: works with or without
    package __init__ files): ``build.act(...)``, ``build.post(...)``, ``build.kk_posts(key)``."""
    return SimpleNamespace(act=act, post=post, kk_posts=kk_posts, ru_posts=ru_posts)


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
