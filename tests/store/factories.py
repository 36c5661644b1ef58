"""Hand-built acts and posts for store tests (the store's code runs for real on them)."""

from __future__ import annotations

from pathlib import Path

from kzqual.acts.model import Act, ActRef, EntryIntoForce, ParsedAct, Registration, Span
from kzqual.positions.model import Competence, Education, Experience, ExperienceAlternative, Position
from kzqual.store.ingest import Extracted, Pipeline


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
