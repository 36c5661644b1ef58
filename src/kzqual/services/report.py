"""Report Н6-ӘТМ (appendix 6): training platoons, people selected and graduated, half-yearly.

:func:`build_n6` is pure (groups + cases -> :class:`N6Report`); :func:`to_csv` and :func:`to_html`
render it.  Labels of the form come from the message catalogue in Kazakh (as printed in the act)
and Russian (kzqual's translation); the index, period, submitter and recipient come from the
standard's data file, each with its citation.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from importlib import resources
from typing import Any

import jinja2

from kzqual.csv_cells import safe_row
from kzqual.errors import InputError
from kzqual.i18n import t
from kzqual.services.calendar import WorkCalendar
from kzqual.services.model import Case, TrainingGroup
from kzqual.services.settings import Settings
from kzqual.services.standard import Standard

REPORT_LANGS = ("kk", "ru")
# The form's heading fills "20___жылғы "___" ________ арналған" (appendix 6) with the reporting day;
# "арналған" governs the dative, as the act's own "30 маусымға және 31 желтоқсанға қарай" shows:
# «30» маусымға арналған, not «30» маусым арналған.
MONTHS_DATIVE_KK = ["қаңтарға", "ақпанға", "наурызға", "сәуірге", "мамырға", "маусымға", "шілдеге", "тамызға",
                    "қыркүйекке", "қазанға", "қарашаға", "желтоқсанға"]


def month_name(month: int, lang: str) -> str:
    """Kazakh nominative, Russian genitive, English: the catalogue's ``date.month.N``, which the web
    pages' dates use too."""
    return t(f"date.month.{month}", lang)


def heading_month(d: date, lang: str) -> str:
    """The month as the form's heading needs it: dative in Kazakh, genitive in Russian."""
    return MONTHS_DATIVE_KK[d.month - 1] if lang == "kk" else month_name(d.month, lang)


def form_date(d: date | None, lang: str) -> str:
    """A date the way the form prints it: 2024 ж. «15» сәуір / «15» апреля 2024 г."""
    if d is None:
        return ""
    month = month_name(d.month, lang)
    if lang == "kk":
        return f"{d.year} ж. «{d.day:02d}» {month}"
    if lang == "ru":
        return f"«{d.day:02d}» {month} {d.year} г."
    return f"{d.day} {month} {d.year}"


@dataclass(frozen=True, slots=True)
class Organisation:
    """The signature block's details (the local military administration body that submits)."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    executor: str = ""
    executor_phone: str = ""
    head: str = ""
    # What the submitter writes on the form besides the table: the specialised organisation of the
    # Ministry of Defence named in the heading ("бар кемшіліктер және ___ ... ұйымының оларды жою
    # жөнінде қабылдайтын шаралары"), and the shortcomings and the measures that heading announces.
    training_organisation: str = ""
    shortcomings: str = ""
    measures: str = ""


@dataclass(frozen=True, slots=True)
class N6Row:
    n: int
    group_id: int
    number: str
    profile: str
    planned_creation: date
    actual_creation: date | None
    period_start: date
    period_end: date
    selected: int
    graduated: int
    column7: int
    note: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n, "group_id": self.group_id, "number": self.number, "profile": self.profile,
            "planned_creation": self.planned_creation.isoformat(),
            "actual_creation": self.actual_creation.isoformat() if self.actual_creation else None,
            "period_start": self.period_start.isoformat(), "period_end": self.period_end.isoformat(),
            "column6_selected": self.selected, "column7": self.column7, "graduated": self.graduated,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class N6Report:
    year: int
    half: int
    as_of: date  # 30 June or 31 December
    period_start: date
    due_raw: date  # the due date as the act states it
    due: date  # after the calendar_deadline_on_day_off setting
    rows: list[N6Row]
    total_selected: int
    total_column7: int
    settings: dict[str, Any]
    standard: dict[str, dict[str, Any]]  # index, periodicity, period, submitter, recipient: value + citation
    organisation: Organisation = field(default_factory=Organisation)
    office: str | None = None  # the office whose cases it counts (an operator's own); None: every office

    def as_dict(self) -> dict[str, Any]:
        return {
            "index": self.standard["n6_index"]["value"], "year": self.year, "half": self.half,
            "office": self.office,
            "as_of": self.as_of.isoformat(), "period_start": self.period_start.isoformat(),
            "due_as_stated": self.due_raw.isoformat(), "due": self.due.isoformat(),
            "rows": [r.as_dict() for r in self.rows],
            "totals": {"column6_selected": self.total_selected, "column7": self.total_column7},
            "settings": self.settings, "standard": self.standard,
            "organisation": vars_of(self.organisation),
        }


def vars_of(o: Organisation) -> dict[str, str]:
    return {k: getattr(o, k) for k in Organisation.__dataclass_fields__}


def half_bounds(year: int, half: int, standard: Standard) -> tuple[date, date]:
    """(first day, as-of day) of the reporting half; the as-of days come from the act."""
    if half not in (1, 2):
        raise InputError(f"half must be 1 (as of {standard.get('n6_period')[0]}) or 2, not {half}")
    if not 1900 <= year <= 2999:
        raise InputError(f"bad report year {year}")
    as_ofs = [date(year, int(md[:2]), int(md[3:])) for md in standard.get("n6_period")]
    as_of = as_ofs[half - 1]
    start = date(year, 1, 1) if half == 1 else as_ofs[0] + timedelta(days=1)
    return start, as_of


def _adjust(d: date, cal: WorkCalendar, rule: str) -> date:
    if cal.is_working_day(d) or rule == "keep":
        return d
    if rule == "previous_working_day":
        return cal.previous_working_day(d)
    return cal.next_working_day(d)


def build_n6(groups: list[TrainingGroup], cases: list[Case], *, year: int, half: int, standard: Standard,
             settings: Settings, calendar: WorkCalendar,
             organisation: Organisation | None = None, office: str | None = None) -> N6Report:
    start, as_of = half_bounds(year, half, standard)
    end_of_day = datetime.combine(as_of, datetime.max.time())

    def listed(g: TrainingGroup) -> bool:
        if settings.n6_groups == "started":
            return start <= g.period_start <= as_of
        return g.period_start <= as_of and g.period_end >= start

    rows: list[N6Row] = []
    for g in sorted((g for g in groups if listed(g)), key=lambda g: (g.period_start, g.number, g.id)):
        mine = [c for c in cases if c.group_id == g.id]
        # Selected: accepted into the platoon by the as-of day (a later withdrawal does not undo it);
        # a case admitted when its decision was taken again after a complaint counts from then.
        selected = sum(1 for c in mine if c.decision_at is not None and c.decision_at <= end_of_day)
        graduated = sum(1 for c in mine if c.certified_at is not None and c.certified_at <= end_of_day)
        col7 = graduated if settings.column7 == "graduated" else selected
        rows.append(N6Row(len(rows) + 1, g.id, g.number, g.profile, g.planned_creation, g.actual_creation,
                          g.period_start, g.period_end, selected, graduated, col7, g.note))
    due_raw_md = standard.get("n6_due")[half - 1]
    due_raw = date(year, int(due_raw_md[:2]), int(due_raw_md[3:]))
    cited = {k: standard[k].as_dict() for k in ("n6_index", "n6_title", "n6_periodicity", "n6_period",
                                                "n6_submitter", "n6_recipient", "n6_due")}
    return N6Report(
        year=year, half=half, as_of=as_of, period_start=start, due_raw=due_raw,
        due=_adjust(due_raw, calendar, settings.calendar_deadline_on_day_off), rows=rows,
        total_selected=sum(r.selected for r in rows), total_column7=sum(r.column7 for r in rows),
        settings={"column7": settings.column7, "n6_groups": settings.n6_groups,
                  "calendar_deadline_on_day_off": settings.calendar_deadline_on_day_off},
        standard=cited, organisation=organisation or Organisation(), office=office)


def _group_label(r: N6Row) -> str:
    return f"{r.number} – {r.profile}"


def to_csv(report: N6Report, lang: str = "kk") -> str:
    """Columns 1-8 with a header row and the totals row; dates as ISO (machine-readable)."""
    if lang not in REPORT_LANGS:
        raise InputError(f"report language must be one of {', '.join(REPORT_LANGS)}")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    people = t("services.n6.people", lang)
    w.writerow([f"1 {t('services.n6.col1', lang)}", f"2 {t('services.n6.col2', lang)}",
                f"3 {t('services.n6.col3', lang)}", f"4 {t('services.n6.col4', lang)}",
                f"5 {t('services.n6.col5', lang)}", f"6 {people}: {t('services.n6.col6', lang)}",
                # The header names the setting: column 7 is the one figure the act states two ways.
                f"7 {people}: {t('services.n6.col7', lang)} [column7={report.settings['column7']}]",
                f"8 {t('services.n6.col8', lang)}"])
    for r in report.rows:
        # the group label and note are typed by staff: never let a spreadsheet run them as formulas
        w.writerow(safe_row([r.n, _group_label(r), r.planned_creation.isoformat(),
                             r.actual_creation.isoformat() if r.actual_creation else "",
                             f"{r.period_start.isoformat()}/{r.period_end.isoformat()}", r.selected, r.column7,
                             r.note]))
    w.writerow(["", t("services.n6.total", lang), "", "", "", report.total_selected, report.total_column7, ""])
    return buf.getvalue()


def notes(report: N6Report, lang: str) -> list[str]:
    out = [t(f"services.n6.col7_{report.settings['column7']}", lang),
           t(f"services.n6.groups_{report.settings['n6_groups']}", lang),
           t("services.n6.counts_as_of", lang, date=form_date(report.as_of, lang))]
    if report.due != report.due_raw or report.settings["calendar_deadline_on_day_off"] != "next_working_day":
        if report.due != report.due_raw:
            out.append(t("services.n6.due_moved", lang, raw=form_date(report.due_raw, lang),
                         setting=f"calendar_deadline_on_day_off={report.settings['calendar_deadline_on_day_off']}",
                         due=form_date(report.due, lang)))
    return out


def _env() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True)


def heading(report: N6Report, lang: str, *, blank: str = "_" * 24) -> str:
    """The form's heading: the reporting day and the training organisation (a blank to fill by
    hand when none is given)."""
    return t("services.n6.title", lang, year=report.as_of.year, day=f"{report.as_of.day:02d}",
             month=heading_month(report.as_of, lang), org=report.organisation.training_organisation or blank)


def to_html(report: N6Report, lang: str = "kk") -> str:
    """A self-contained printable page laid out like the form (A4 landscape print CSS)."""
    if lang not in REPORT_LANGS:
        raise InputError(f"report language must be one of {', '.join(REPORT_LANGS)}")
    template = (resources.files("kzqual") / "data" / "services" / "n6.html.j2").read_text(encoding="utf-8")
    org = report.organisation
    std = report.standard

    def label(key: str) -> str:
        return std[key]["label"][lang]

    return _env().from_string(template).render(
        lang=lang, r=report, org=org, t=lambda key, **kw: t(key, lang, **kw),
        title=heading(report, lang),
        index=std["n6_index"]["value"], periodicity=label("n6_periodicity"), period=label("n6_period"),
        submitter=label("n6_submitter"), recipient=label("n6_recipient"),
        due=form_date(report.due, lang), fd=lambda d: form_date(d, lang), notes=notes(report, lang),
        translated=lang == "ru",
    )
