"""``kzqual service``: the public service of order No. 674 — the standard, deadlines, cases,
complaints and report Н6-ӘТМ.  Every sub-command takes ``--db`` (else ``KZQUAL_DB``, else
``./kzqual.db``) and ``--json``; bad input is one line on stderr and exit code 2, changing nothing.
"""

from __future__ import annotations

import getpass
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from kzqual.commands.examples import examples
from kzqual.commands.lang import default_lang
from kzqual import safe_json
from kzqual.errors import InputError
from kzqual.i18n import t
from kzqual.services.standard import citation_label
from kzqual.services.workflow import CASE_STATES

LANGS = ("kk", "ru", "en")


def _common(f):
    f = click.option("--json", "as_json", is_flag=True, help="Print JSON.")(f)
    f = click.option("--lang", type=click.Choice(LANGS), default=default_lang,
                     help="Language of labels (default KZQUAL_LANG, else kk).")(f)
    f = click.option("--set", "set_pairs", multiple=True, metavar="KEY=VALUE",
                     help="A setting for a question the act leaves open (see docs/services.md), repeatable.")(f)
    f = click.option("--settings", "settings_file", type=click.Path(dir_okay=False), default=None,
                     envvar="KZQUAL_SERVICE_SETTINGS", help="JSON file of settings (or KZQUAL_SERVICE_SETTINGS).")(f)
    f = click.option("--calendar-overrides", "overrides", type=click.Path(dir_okay=False), default=None,
                     envvar="KZQUAL_CALENDAR_OVERRIDES",
                     help="JSON file of transfers of days off the holidays package lacks.")(f)
    return f


def _db_option(f):
    return click.option("--db", default=None, envvar="KZQUAL_DB", show_default="kzqual.db",
                        help="SQLite file or postgresql:// URL of the registry.")(f)


def _step_options(f):
    f = click.option("--at", "at", default=None, metavar="DATETIME",
                     help="When it happened, Kazakhstan time (YYYY-MM-DD[THH:MM]); default now.")(f)
    f = click.option("--actor", default=None, envvar="KZQUAL_ACTOR",
                     help="Who takes the step (audit log); default KZQUAL_ACTOR or the OS user.")(f)
    return f


class Ctx:
    """What every command needs, built from the common options."""

    def __init__(self, *, db: str | None = None, overrides: str | None = None, settings_file: str | None = None,
                 set_pairs: tuple[str, ...] = (), lang: str = "kk") -> None:
        from kzqual.services.config import load_config

        self.lang = lang
        # the one loader the API and the web pages use too (same files, same environment variables)
        self.config = load_config(overrides=overrides, settings_file=settings_file, pairs=set_pairs)
        self.settings = self.config.settings
        self.calendar = self.config.calendar
        self.standard = self.config.standard
        self.db = db
        self._store = None

    def desk(self, *, create: bool = False):
        """The service desk over the registry.  Only a first application or platoon may create a
        SQLite registry: any other command on a missing file is a mistyped --db, not an empty
        registry that would answer "no cases"."""
        from kzqual.store import open_store

        if self._store is None:
            try:
                self._store = open_store(self.db, create=create)
            except InputError as exc:
                if exc.code != "no_registry":
                    raise
                # the same check as every reader's, with the hint that fits this command
                raise InputError("no registry here (check --db; `kzqual service apply` or "
                                 "`kzqual service group add` creates one)", source=exc.source) from None
        return self.config.desk(self._store.engine)

    def audit(self, action: str, *, actor: str | None = None, case_id: int | None = None,
              complaint_id: int | None = None, details: dict[str, Any] | None = None) -> None:
        """One row of the access log: whoever runs the command reads or changes applicants' data
        with the database's own rights, so the row names the OS user (or --actor / KZQUAL_ACTOR)."""
        import os

        from kzqual.services.audit import record

        record(self._store.engine, actor=_actor(actor or os.environ.get("KZQUAL_ACTOR")), role="cli", via="cli", action=action, case_id=case_id,
               complaint_id=complaint_id, details=details)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

    # ``with ctx:`` closes the registry however the command ends (an InputError included).
    def __enter__(self) -> "Ctx":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ctx(**kw: Any) -> Ctx:
    """The context from a command's parameters (``_ctx(**locals())`` at its top): the common
    options are picked out, the command's own ones ignored."""
    keys = ("db", "overrides", "settings_file", "set_pairs", "lang")
    return Ctx(**{k: kw[k] for k in keys if k in kw})


def _moment(value: str | None, what: str = "--at"):
    from kzqual.services.calendar import kz_now, parse_moment

    return kz_now() if value is None else parse_moment(value, what=what)


def _day(value: str | None, what: str) -> date | None:
    if value is None:
        return None
    return _moment(value, what).date()


def _actor(actor: str | None) -> str:
    if actor:
        return actor
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (containers)
        return "unknown"


def _dump(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def _state(s: str, lang: str) -> str:
    return t(f"services.state.{s}", lang)


def _flag(overdue: bool, lang: str, sep: str = "  ") -> str:
    return f"{sep}{t('services.cli.overdue', lang)}" if overdue else ""


def _days_off(days_off: list[str], lang: str) -> str:
    """The skipped days ("2024-05-09 <name>") with the holiday's name in ``lang`` where the
    holidays package has one (its Kazakh name for ru: the package has no Russian names)."""
    from kzqual.services.calendar import holiday_name

    out = []
    for item in days_off:
        day, _, rest = item.partition(" ")
        name = holiday_name(date.fromisoformat(day), lang) if len(day) == 10 else None
        out.append(f"{day} {name or rest}")
    return "; ".join(out)


def _print_deadlines(deadlines, lang: str, indent: str = "  ") -> None:
    from kzqual.services.standard import load_standard

    std = load_standard()
    for d in deadlines:
        if d.key in std.values:
            click.echo(f"{indent}{std[d.key].text(lang)}")
        else:  # a deadline of the case flow (e.g. the re-decision), counted from a standard value
            click.echo(f"{indent}{t(f'service_flow.deadline.{d.key}', lang)}")
        done = t("services.cli.done", lang, day=d.done_on) if d.done_on else ""
        click.echo(indent + t("services.cli.deadline", lang, key=d.key, due=d.due, days=d.days, start=d.start,
                              settings=", ".join(f"{k}={v}" for k, v in d.settings.items()), done=done,
                              status=t(f"services.status.{d.status}", lang), basis=citation_label(d.basis, lang)))


def _print_case(view, lang: str, *, events: bool = True, standard=None) -> None:
    c = view.case
    a = c.application
    click.echo(t("services.cli.case", lang, id=c.id, state=_state(c.state, lang), key=c.state)
               + _flag(view.overdue, lang))
    name = f"{a.surname} {a.name} {a.patronymic or ''}".rstrip()
    click.echo("  " + t("services.cli.applicant", lang, name=name, iin=a.iin,
                        basis=t(f"services.cli.basis.{a.basis}", lang)))
    click.echo("  " + t("services.receipt.submitted", lang, at=f"{c.submitted_at:%Y-%m-%d %H:%M}", day=c.accepted_day))
    if view.group:
        click.echo("  " + t("services.cli.group", lang, number=view.group.number, profile=view.group.profile,
                            start=c.classes_start))
    if c.refusal_grounds:
        from kzqual.services.standard import load_standard

        known = (standard or load_standard()).refusal_grounds()
        click.echo("  " + t("services.cli.refused", lang, reason=c.refusal_reason))
        for g in c.refusal_grounds:
            click.echo("    " + t("services.cli.ground", lang, n=g, text=known[g].text(lang),
                                  where=citation_label(known[g].where(), lang)))
    if c.reopened_at is not None:
        reopen = next((e for e in reversed(view.events) if e.kind == "reopen"), None)
        cite = reopen.details.get("cite", "") if reopen else ""
        click.echo("  " + t("service_flow.cli.reopened", lang, at=f"{c.reopened_at:%Y-%m-%d %H:%M}",
                            complaint=c.reopen_complaint_id, basis=t(f"service_flow.basis.{c.reopen_basis}", lang),
                            cite=citation_label(cite, lang)))
    if c.fee_due:
        click.echo("  " + t("services.cli.fee", lang, fee=c.fee_due, paid=c.paid_amount))
    if c.certificate_no:
        click.echo("  " + t("services.cli.certificate", lang, number=c.certificate_no, day=f"{c.certified_at:%Y-%m-%d}"))
    if view.checklist is not None:
        _print_checklist(view.checklist, lang)
    _print_deadlines(view.deadlines, lang)
    for cv in view.complaints:
        click.echo("  " + _complaint_line(cv, lang))
        _print_deadlines(cv.deadlines, lang, "    ")
    if events:
        for e in view.events:
            click.echo("  " + t("services.cli.event", lang, at=f"{e.at:%Y-%m-%d %H:%M}", key=e.kind,
                                kind=t(f"web.svc.kind.{e.kind}", lang), from_state=e.from_state or "-",
                                to_state=e.to_state or "-", actor=e.actor))


def _print_checklist(cl, lang: str) -> None:
    """Point 8 on the case: each document given or missing, each state-data record."""
    for d in cl.documents:
        mark = t(f"service_flow.cli.doc_{'present' if d.present else 'missing'}", lang)
        click.echo(f"  [{mark}] {d.item.text(lang)} [{citation_label(d.item.where(), lang)}]")
    for r in cl.state_data:
        click.echo("  " + t("service_flow.cli.state_record", lang, kind=r.kind, result=r.result, day=r.obtained_on,
                            source=r.source))
    if cl.not_obtained:
        click.echo("  " + t("service_flow.cli.not_obtained", lang, kinds=", ".join(cl.not_obtained)))


def _complaint_line(cv, lang: str) -> str:
    c = cv.complaint
    return t("services.cli.complaint", lang, id=c.id, case=c.case_id, target=t(f"web.svc.target.{c.target}", lang),
             state=t(f"web.svc.cstate.{c.state}", lang), key=c.state) + _flag(cv.overdue, lang)


@click.group()
def service() -> None:
    """The public service "Азаматтарды әскери-техникалық және басқа да әскери мамандықтар бойынша
    даярлау" (order No. 674): its standard, deadlines in working days, cases, complaints and
    report Н6-ӘТМ."""


@examples("kzqual service standard --lang ru",
          "kzqual service standard --json --verify act.txt   # exit 1 if a quote is not in the act")
@service.command()
@_common
@click.option("--verify", "verify_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Check every value's quote against this act's text (exit 1 on a mismatch).")
def standard(as_json, lang, set_pairs, settings_file, overrides, verify_path) -> None:
    """Show every value of the standard with the act's lines it is read from."""
    ctx = _ctx(**locals())
    std = ctx.standard
    problems = None
    if verify_path:
        import kzqual.text
        from kzqual.services.standard import verify

        problems = verify(std, kzqual.text.read(verify_path))
    if as_json:
        _dump({"act": std.act, "ru_is_translation": std.ru_is_translation,
               "values": [v.as_dict() for v in std.values.values()], "settings": ctx.settings.as_dict(),
               "problems": None if problems is None else [{"key": p.key, "problem": p.problem} for p in problems]})
    else:
        a = std.act
        click.echo(t("services.cli.standard", lang, name=std.values["service_name"].text(lang), issuer=a["issuer"],
                     date=a["date"], number=a["number"], reg=a["registration_number"]))
        for v in std.values.values():
            click.echo(f"{v.key}: {v.value!r}\n  {v.text(lang)}\n  [{citation_label(v.where(), lang)}]")
        if lang == "ru":
            click.echo(t("services.ru_translation", lang))
        if problems is not None:
            click.echo(t("services.cli.verify", lang, n=len(problems)))
            for p in problems:
                click.echo(f"  {p.key}: {p.problem}")
    if problems:
        sys.exit(1)


@examples("kzqual service deadlines --from 2024-12-13T18:05 --classes-start 2025-01-06",
          "kzqual service deadlines 12 --as-of 2024-07-01",
          "kzqual service deadlines --overdue --set first_day=same")
@service.command()
@click.argument("case_id", type=int, required=False)
@_db_option
@_common
@click.option("--from", "from_", default=None, metavar="DATETIME",
              help="Without a case: compute the stage deadlines for an application made at this moment.")
@click.option("--classes-start", default=None, metavar="DATE", help="Without a case: start of classes.")
@click.option("--as-of", default=None, metavar="DATE", help="Judge met/overdue as of this day (default today).")
@click.option("--overdue", is_flag=True, help="List every overdue case.")
def deadlines(case_id, db, as_json, lang, set_pairs, settings_file, overrides, from_, classes_start, as_of,
              overdue) -> None:
    """Deadlines in working days: for a case, for every overdue case, or for a hypothetical
    application (--from)."""
    from kzqual.services.deadlines import make

    ctx = _ctx(**locals())
    as_of_day = _day(as_of, "--as-of")
    with ctx:
        if from_ is not None or classes_start is not None:
            if case_id is not None or overdue:
                raise InputError("give either a case, --overdue, or --from/--classes-start")
            out = []
            if from_ is not None:
                moment = _moment(from_, "--from")
                start = ctx.calendar.acceptance_day(moment)
                # A hypothetical step is judged only when --as-of is given; otherwise "pending".
                out.append(make("stage1_deadline", start, None, as_of_day or start, cal=ctx.calendar,
                                standard=ctx.standard, settings=ctx.settings))
            if classes_start is not None:
                cs = _day(classes_start, "--classes-start")
                out.append(make("stage2_deadline", cs, None, as_of_day or cs, cal=ctx.calendar,
                                standard=ctx.standard, settings=ctx.settings))
            if as_json:
                _dump({"deadlines": [d.as_dict() for d in out], "settings": ctx.settings.as_dict()})
            else:
                if from_ is not None:
                    click.echo(t("services.receipt.received", lang, at=f"{moment:%Y-%m-%d %H:%M}", day=out[0].start))
                _print_deadlines(out, lang, "")
                for d in out:
                    holidays = [off for off in d.days_off if not off.endswith(" weekend")]
                    if holidays:
                        click.echo("  " + t("services.cli.skips", lang, key=d.key, days=_days_off(holidays, lang)))
            return
        desk = ctx.desk()
        if overdue or case_id is None:
            views = desk.cases(as_of=as_of_day, overdue_only=True)
            ctx.audit("case.list", details={"cases": [v.case.id for v in views]})
            if as_json:
                _dump({"as_of": (as_of_day or _moment(None).date()).isoformat(),
                       "overdue": [v.as_dict() for v in views]})
            else:
                if not views:
                    click.echo(t("services.cli.no_overdue", lang))
                for v in views:
                    _print_case(v, lang, events=False)
            return
        view = desk.case(case_id, as_of=as_of_day)
        ctx.audit("case.read", case_id=case_id)
        if as_json:
            _dump({"case": view.case.id, "as_of": view.as_of.isoformat() if view.as_of else None,
                   "deadlines": [d.as_dict() for d in view.deadlines],
                   "complaints": [{"id": c.complaint.id, "deadlines": [d.as_dict() for d in c.deadlines]}
                                  for c in view.complaints],
                   "overdue": view.overdue, "settings": ctx.settings.as_dict()})
        else:
            click.echo(t("services.cli.case", lang, id=view.case.id, state=_state(view.case.state, lang),
                         key=view.case.state) + _flag(view.overdue, lang))
            _print_deadlines(view.deadlines, lang)
            for cv in view.complaints:
                click.echo("  " + _complaint_line(cv, lang))
                _print_deadlines(cv.deadlines, lang, "    ")


@examples("kzqual service calendar --from 2024-03-01 --to 2024-05-31",
          "kzqual service calendar --from 2026-01-01 --to 2026-01-31 --calendar-overrides transfers.json --json")
@service.command()
@click.option("--from", "from_", required=True, metavar="DATE", help="First day.")
@click.option("--to", "to", required=True, metavar="DATE", help="Last day (at most 3 years after --from).")
@click.option("--all", "show_all", is_flag=True, help="List working days too.")
@_common
def calendar(from_, to, show_all, as_json, lang, set_pairs, settings_file, overrides) -> None:
    """The working-day calendar: the days off (and transferred working days) between two dates,
    with where each comes from (weekend, holidays package, override file)."""
    ctx = _ctx(**locals())
    start, end = _day(from_, "--from"), _day(to, "--to")
    if end < start or (end - start).days > 3 * 366:
        raise InputError("--to must be after --from and within 3 years of it")
    from kzqual.services.calendar import iter_days

    days = [ctx.calendar.info(d) for d in iter_days(start, end)]
    # Working days worth showing: those that are working despite being a Saturday or Sunday.
    shown = [d for d in days if show_all or not d.working or d.day.weekday() >= 5]
    from kzqual.services.calendar import holiday_name

    def reason(d) -> str:
        return (holiday_name(d.day, lang) if d.source == "holidays" and not d.working else None) or d.reason

    if as_json:
        _dump({"from": start.isoformat(), "to": end.isoformat(),
               "working_days": sum(d.working for d in days),
               "days": [{"date": d.day.isoformat(), "working": d.working, "reason": d.reason,
                         "name": reason(d), "source": d.source} for d in shown]})
        return
    for d in shown:
        click.echo(f"{d.day.isoformat()} {d.day:%a} {'working' if d.working else 'off'}\t{reason(d)} ({d.source})")
    click.echo(f"{sum(d.working for d in days)} working days in {start}..{end}")


@service.group()
def group() -> None:
    """Training platoons (оқу взводы): the rows of Н6-ӘТМ and the classes cases are admitted to."""


@examples("kzqual service group add --number 3 --profile жүргізуші --planned 2024-03-01 --start 2024-04-01 \\",
          "    --end 2024-06-20 --basis paid")
@group.command("add")
@click.option("--number", required=True, help="Platoon number (column 2).")
@click.option("--profile", required=True, help="Training profile (column 2).")
@click.option("--planned", required=True, metavar="DATE", help="Creation date by the department's plan (column 3).")
@click.option("--actual", default=None, metavar="DATE", help="Actual creation date (column 4).")
@click.option("--start", required=True, metavar="DATE", help="Training period start = start of classes (column 5).")
@click.option("--end", required=True, metavar="DATE", help="Training period end (column 5).")
@click.option("--basis", type=click.Choice(["free", "paid"]), default="free", show_default=True,
              help="free, or paid (fee 305 000 tenge; training within 1 February - 20 December).")
@click.option("--note", default="", help="Column 8.")
@_db_option
@_common
def group_add(number, profile, planned, actual, start, end, basis, note, db, as_json, lang, set_pairs,
              settings_file, overrides) -> None:
    """Add a training platoon."""
    with _ctx(**locals()) as ctx:
        g = ctx.desk(create=True).add_group(number=number, profile=profile, planned_creation=_day(planned, "--planned"),
                                 actual_creation=_day(actual, "--actual"), period_start=_day(start, "--start"),
                                 period_end=_day(end, "--end"), basis=basis, note=note)
    if as_json:
        _dump(g.as_dict())
    else:
        click.echo(f"group {g.id}: {g.number} – {g.profile}, {g.period_start}..{g.period_end} ({g.basis})")


@examples("kzqual service group created 1 2024-03-04")
@group.command("created")
@click.argument("group_id", type=int)
@click.argument("day", metavar="DATE")
@_db_option
@_common
def group_created(group_id, day, db, as_json, lang, set_pairs, settings_file, overrides) -> None:
    """Record the actual creation date of a platoon (column 4)."""
    with _ctx(**locals()) as ctx:
        g = ctx.desk().set_group_created(group_id, _day(day, "DATE"))
    _dump(g.as_dict()) if as_json else click.echo(f"group {g.id}: created {g.actual_creation}")


@examples("kzqual service group list --json")
@group.command("list")
@_db_option
@_common
def group_list(db, as_json, lang, set_pairs, settings_file, overrides) -> None:
    """List training platoons."""
    with _ctx(**locals()) as ctx:
        gs = ctx.desk().groups()
    if as_json:
        _dump([g.as_dict() for g in gs])
        return
    for g in gs:
        click.echo(f"{g.id}\t{g.number} – {g.profile}\t{g.period_start}..{g.period_end}\t{g.basis}\t"
                   f"planned {g.planned_creation}, created {g.actual_creation or '-'}")


# An application form is a few hundred bytes; the API refuses bodies over 2 MB.  Reading stops
# here so a wrong file (a disk image, a log) is refused without being loaded into memory.
MAX_JSON_BYTES = 2 * 1024 * 1024


def _read_json(path: str) -> Any:
    source = "stdin" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_JSON_BYTES + 1)
        else:
            with Path(path).open("rb") as fh:
                data = fh.read(MAX_JSON_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from None
    if len(data) > MAX_JSON_BYTES:
        raise InputError(f"the file is too large (over {MAX_JSON_BYTES // (1024 * 1024)} MB) for an application",
                         source=source)
    if not data.strip():
        raise InputError("the file is empty", source=source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (bad byte at {exc.start}); save the JSON as UTF-8", source=source) from None
    return safe_json.loads(text, source=source, max_bytes=MAX_JSON_BYTES)


@examples("kzqual service apply application.json --at 2024-03-20T19:00 --actor portal",
          "cat application.json | kzqual service apply - --lang ru --json")
@service.command()
@click.argument("application", metavar="FILE.json|-")
@click.option("--office", default="main", show_default=True,
              help="The provider's office that handles the case (its operators see it; docs/security.md).")
@_step_options
@_db_option
@_common
def apply(application, office, at, actor, db, as_json, lang, set_pairs, settings_file, overrides) -> None:
    """Register an application (the fields of appendix 2-2, see docs/services.md) as a new case."""
    data = _read_json(application)
    with _ctx(**locals()) as ctx:
        view = ctx.desk(create=True).apply(data, at=_moment(at), actor=_actor(actor), office=office)
        ctx.audit("case.apply", actor=actor, case_id=view.case.id)
    _dump(view.as_dict()) if as_json else _print_case(view, lang)


ACTIONS = ("accept", "refuse", "pay", "start-training", "certify", "withdraw")


@examples("kzqual service decide 1 accept --group 3 --at 2024-03-27T10:00 --actor officer",
          "kzqual service decide 2 refuse --ground 2 --reason 'Медициналық куәландыру картасы жоқ'",
          "kzqual service decide 1 pay --amount 305000",
          "kzqual service decide 1 start-training --at 2024-04-01T09:00",
          "kzqual service decide 1 certify --certificate ӘТМ-77",
          "kzqual service decide 3 accept --group 3 --override-missing 'карта қағаз түрінде берілді'")
@service.command()
@click.argument("case_id", type=int)
@click.argument("action", type=click.Choice(ACTIONS))
@click.option("--group", "group_id", type=int, default=None, help="accept: the platoon (its start = classes start).")
@click.option("--ground", "grounds", type=int, multiple=True, help="refuse: a ground of point 9 (1-4), repeatable.")
@click.option("--reason", default=None, help="refuse: the reasoned answer; withdraw: why.")
@click.option("--amount", type=int, default=None, help="pay: tenge paid.")
@click.option("--certificate", default=None, help="certify: the certificate number.")
@click.option("--override-missing", "override_reason", default=None, metavar="REASON",
              help="accept: admit although a document of point 8 is missing, for this reason (recorded).")
@_step_options
@_db_option
@_common
def decide(case_id, action, group_id, grounds, reason, amount, certificate, override_reason, at, actor, db, as_json,
           lang, set_pairs, settings_file, overrides) -> None:
    """Take the next step on a case: accept (admission notice), refuse (with grounds), pay,
    start-training, certify (certificate) or withdraw."""
    ctx = _ctx(**locals())
    moment, who = _moment(at), _actor(actor)
    # Check the options before the database is opened (or created).
    if action == "accept" and group_id is None:
        raise InputError("accept needs --group (the platoon whose classes the notice names)")
    if action == "pay" and amount is None:
        raise InputError("pay needs --amount")
    with ctx:
        desk = ctx.desk()
        if action == "accept":
            view = desk.accept(case_id, group_id=group_id, at=moment, actor=who, override_reason=override_reason)
        elif action == "refuse":
            view = desk.refuse(case_id, grounds=list(grounds), reason=reason or "", at=moment, actor=who)
        elif action == "pay":
            view = desk.record_payment(case_id, amount=amount, at=moment, actor=who)
        elif action == "start-training":
            view = desk.start_training(case_id, at=moment, actor=who)
        elif action == "certify":
            view = desk.certify(case_id, number=certificate or "", at=moment, actor=who)
        else:
            view = desk.withdraw(case_id, at=moment, actor=who, reason=reason or "")
        ctx.audit(f"case.{action}", actor=actor, case_id=case_id)
    _dump(view.as_dict()) if as_json else _print_case(view, lang)


@examples("kzqual service requirements --lang ru", "kzqual service requirements --json")
@service.command()
@_common
def requirements(as_json, lang, set_pairs, settings_file, overrides) -> None:
    """What point 8 requires on each case: the documents the applicant gives and the data the
    provider obtains from state systems (with the act's lines), and the refusal grounds resting on it."""
    from kzqual.services.requirements import load_requirements

    req = load_requirements()
    if as_json:
        _dump(req.as_dict())
        return
    click.echo(t("service_flow.cli.documents", lang))
    for i in req.documents.values():
        click.echo(f"  {i.key}: {i.text(lang)} [{citation_label(i.where(), lang)}]")
    click.echo(t("service_flow.cli.state_data", lang, where=citation_label(req.source.where(), lang)))
    for i in req.state_data.values():
        click.echo(f"  {i.key}: {i.text(lang)} [{citation_label(i.where(), lang)}] — {', '.join(i.results)}")
    for g, (kind, result) in sorted(req.grounds_need.items()):
        click.echo("  " + t("service_flow.cli.ground_needs", lang, n=g, kind=kind, result=result))


@examples("kzqual service receive 3 medical_card --at 2024-06-11T09:00 --note 'порталдан'")
@service.command("receive")
@click.argument("case_id", type=int)
@click.argument("document", metavar="DOCUMENT")
@click.option("--note", default="", help="A note for the history.")
@_step_options
@_db_option
@_common
def receive_document(case_id, document, note, at, actor, db, as_json, lang, set_pairs, settings_file,
                     overrides) -> None:
    """Record a document of point 8 given for a case (see `kzqual service requirements`)."""
    with _ctx(**locals()) as ctx:
        view = ctx.desk().receive_document(case_id, document=document, at=_moment(at), actor=_actor(actor), note=note)
        ctx.audit("case.document", actor=actor, case_id=case_id, details={"document": document})
    _dump(view.as_dict()) if as_json else _print_case(view, lang)


@examples("kzqual service state-data 3 criminal_record --source 'ҚР БП ҚСжАЕК' --obtained 2024-06-10 --result none",
          "kzqual service state-data 3 identity --source 'ЖТ МДҚ' --obtained 2024-06-10 --result matches")
@service.command("state-data")
@click.argument("case_id", type=int)
@click.argument("kind", metavar="KIND")
@click.option("--source", required=True, help="The state information system the data came from.")
@click.option("--obtained", "obtained", required=True, metavar="DATE", help="The day it was obtained.")
@click.option("--result", required=True, help="What it showed (`kzqual service requirements` lists the results).")
@click.option("--note", default="", help="A note for the history.")
@_step_options
@_db_option
@_common
def state_data(case_id, kind, source, obtained, result, note, at, actor, db, as_json, lang, set_pairs, settings_file,
               overrides) -> None:
    """Record data obtained from a state information system for a case (point 8: identity,
    criminal_record, residence, military_registration); refusal grounds 3 and 4 need the criminal record."""
    with _ctx(**locals()) as ctx:
        view = ctx.desk().record_state_data(case_id, kind=kind, source=source, obtained_on=_day(obtained, "--obtained"),
                                            result=result, at=_moment(at), actor=_actor(actor), note=note)
        ctx.audit("case.state_data", actor=actor, case_id=case_id, details={"kind": kind})
    _dump(view.as_dict()) if as_json else _print_case(view, lang)


@examples("kzqual service complain 1 --target inaction --text 'Шешім 2 жұмыс күнінде берілмеді' --at 2024-03-29T10:00",
          "kzqual service complain 1 --target decision --text 'Бас тартумен келіспеймін' --lodged-with quality-body")
@service.command()
@click.argument("case_id", type=int)
@click.option("--target", type=click.Choice(["decision", "action", "inaction"]), required=True,
              help="What the complaint is against.")
@click.option("--text", required=True, help="The complaint.")
@click.option("--lodged-with", "lodged_with", type=click.Choice(["provider", "quality-body"]), default="provider",
              show_default=True, help="Where it was lodged: with the provider, or straight with the authorised body "
                                      "for quality of public services (15 working days from its registration, --at).")
@_step_options
@_db_option
@_common
def complain(case_id, target, text, lodged_with, at, actor, db, as_json, lang, set_pairs, settings_file,
             overrides) -> None:
    """Register a complaint about a case (point 65); shows its deadlines."""
    with _ctx(**locals()) as ctx:
        cv = ctx.desk().complain(case_id, target=target, text=text, at=_moment(at), actor=_actor(actor),
                                 lodged_with=lodged_with.replace("-", "_"))
        ctx.audit("complaint.add", actor=actor, case_id=case_id, complaint_id=cv.complaint.id)
    _print_complaint(cv, lang, as_json)


def _print_complaint(cv, lang: str, as_json: bool) -> None:
    if as_json:
        _dump(cv.as_dict())
        return
    click.echo(_complaint_line(cv, lang))
    _print_deadlines(cv.deadlines, lang)


COMPLAINT_ACTIONS = ("satisfy", "forward", "decide", "appeal", "decide-appeal", "court", "court-decide")


@examples("kzqual service complaint 1 forward --to 'ҚР Қорғаныс министрлігі'",
          "kzqual service complaint 1 decide --outcome rejected --note 'негізсіз'",
          "kzqual service complaint 1 appeal && kzqual service complaint 1 decide-appeal --outcome upheld",
          "kzqual service complaint 1 court --court 'Астана қаласының мамандандырылған ауданаралық әкімшілік соты' "
          "--at 2024-07-20",
          "kzqual service complaint 1 court-decide --outcome upheld --at 2024-09-02")
@service.command()
@click.argument("complaint_id", type=int)
@click.argument("action", type=click.Choice(COMPLAINT_ACTIONS))
@click.option("--to", "body", default=None, help="forward: the body that reviews the complaint.")
@click.option("--outcome", type=click.Choice(["upheld", "rejected"]), default=None,
              help="decide / decide-appeal / court-decide: the outcome.")
@click.option("--court", "court", default="", help="court: the court the claim was filed with.")
@click.option("--note", default="", help="A note for the audit log.")
@_step_options
@_db_option
@_common
def complaint(complaint_id, action, body, outcome, court, note, at, actor, db, as_json, lang, set_pairs,
              settings_file, overrides) -> None:
    """Move a complaint on: satisfy (by the provider within 3 working days), forward, decide,
    appeal (to the authorised body for quality of public services), decide-appeal, court (the
    claim filed after the pre-trial complaint, --at its day), court-decide.  A satisfied or upheld
    complaint about the decision reopens it (the case can be decided again)."""
    ctx = _ctx(**locals())
    moment, who = _moment(at), _actor(actor)
    if action in ("decide", "decide-appeal", "court-decide") and outcome is None:
        raise InputError(f"{action} needs --outcome upheld|rejected")
    with ctx:
        desk = ctx.desk()
        if action == "satisfy":
            cv = desk.satisfy_complaint(complaint_id, at=moment, actor=who, note=note)
        elif action == "forward":
            cv = desk.forward_complaint(complaint_id, at=moment, actor=who, body=body or "")
        elif action == "decide":
            cv = desk.decide_complaint(complaint_id, outcome=outcome, at=moment, actor=who, note=note)
        elif action == "decide-appeal":
            cv = desk.decide_appeal(complaint_id, outcome=outcome, at=moment, actor=who)
        elif action == "court":
            cv = desk.file_complaint_in_court(complaint_id, at=moment, actor=who, court=court, note=note)
        elif action == "court-decide":
            cv = desk.record_court_decision(complaint_id, outcome=outcome, at=moment, actor=who, note=note)
        else:
            cv = desk.appeal_complaint(complaint_id, at=moment, actor=who)
        ctx.audit(f"complaint.{action.replace('-', '_')}", actor=actor, case_id=cv.complaint.case_id,
                  complaint_id=complaint_id)
    _print_complaint(cv, lang, as_json)


@examples("kzqual service list --overdue --as-of 2024-07-01 --lang ru",
          "kzqual service list --state training --group 3 --json")
@service.command("list")
@click.option("--state", type=click.Choice(list(CASE_STATES)),
              default=None, help="Only cases in this state.")
@click.option("--group", "group_id", type=int, default=None, help="Only cases admitted to this platoon (its id).")
@click.option("--overdue", is_flag=True, help="Only cases with an overdue deadline.")
@click.option("--as-of", default=None, metavar="DATE", help="Judge deadlines as of this day (default today).")
@_db_option
@_common
def list_cases(state, group_id, overdue, as_of, db, as_json, lang, set_pairs, settings_file, overrides) -> None:
    """List cases with their state and whether a deadline is overdue."""
    with _ctx(**locals()) as ctx:
        views = ctx.desk().cases(state=state, as_of=_day(as_of, "--as-of"), overdue_only=overdue,
                                 group_id=group_id)
        ctx.audit("case.list", details={"cases": [v.case.id for v in views]})
    if as_json:
        _dump([v.as_dict() for v in views])
        return
    for v in views:
        c = v.case
        running = [d for d in v.deadlines if d.status in ("pending", "overdue")]
        running += [d for cv in v.complaints for d in cv.deadlines if d.status in ("pending", "overdue")]
        next_due = min(running, key=lambda d: d.due, default=None)
        due = t("services.cli.next_due", lang, due=next_due.due, key=next_due.key) if next_due else "-"
        flag = _flag(v.overdue, lang, "\t")
        click.echo(f"{c.id}\t{_state(c.state, lang)}\t{c.application.surname} {c.application.name}\t"
                   f"{c.application.iin}\t{due}{flag}")


@examples("kzqual service show 1 --lang ru", "kzqual service show 1 --as-of 2024-07-01 --json")
@service.command()
@click.argument("case_id", type=int)
@click.option("--as-of", default=None, metavar="DATE", help="Judge deadlines as of this day (default today).")
@_db_option
@_common
def show(case_id, as_of, db, as_json, lang, set_pairs, settings_file, overrides) -> None:
    """Show a case: application, state, deadlines, complaints and its audit log."""
    with _ctx(**locals()) as ctx:
        view = ctx.desk().case(case_id, as_of=_day(as_of, "--as-of"))
        ctx.audit("case.read", case_id=case_id)
    _dump(view.as_dict()) if as_json else _print_case(view, lang)


@examples("kzqual service report --year 2024 --half 1 > n6.csv",
          "kzqual service report --year 2024 --half 2 --format html --lang ru --out n6.html \\",
          "    --org-name 'ДДО г. Караганды' --head 'Ахметов А.'",
          "kzqual service report --year 2024 --half 1 --set column7=selected")
@service.command()
@click.option("--year", type=int, required=True, help="Reporting year.")
@click.option("--half", type=click.IntRange(1, 2), required=True, help="1: as of 30 June; 2: as of 31 December.")
@click.option("--format", "fmt", type=click.Choice(["csv", "html", "json"]), default="csv", show_default=True,
              help="csv (ISO dates), html (the printable form, A4 landscape) or json.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None, help="Write to a file.")
@click.option("--org-name", default="", help="Signature block: name of the submitting body.")
@click.option("--org-address", default="", help="Signature block: its address.")
@click.option("--org-phone", default="", help="Signature block: its phone.")
@click.option("--org-email", default="", help="Signature block: its e-mail.")
@click.option("--executor", default="", help="Who prepared it (surname, name).")
@click.option("--executor-phone", default="", help="The executor's phone.")
@click.option("--head", default="", help="Head or person authorised to sign.")
@click.option("--training-org", default="", help="The Ministry of Defence's training organisation the heading names.")
@click.option("--shortcomings", default="", help="The shortcomings the heading announces (else a blank to fill).")
@click.option("--measures", default="", help="The measures taken to remove them (else a blank to fill).")
@click.option("--office", default=None, help="Count only this office's cases (an operator's own report); "
                                             "default every office.")
@_db_option
@_common
def report(year, half, fmt, out, org_name, org_address, org_phone, org_email, executor, executor_phone, head,
           training_org, shortcomings, measures, office, db, as_json, lang, set_pairs, settings_file,
           overrides) -> None:
    """Report Н6-ӘТМ (appendix 6) from the cases: CSV, printable HTML or JSON, in kk or ru."""
    from kzqual.services.report import Organisation, to_csv, to_html

    if lang not in ("kk", "ru") and fmt != "json":
        raise InputError("the report is in kk or ru (--lang)")
    ctx = _ctx(**locals())
    org = Organisation(org_name, org_address, org_phone, org_email, executor, executor_phone, head,
                       training_organisation=training_org, shortcomings=shortcomings, measures=measures)
    with ctx:
        rep = ctx.desk().report_n6(year=year, half=half, organisation=org, office=office)
    if as_json or fmt == "json":
        text = json.dumps(rep.as_dict(), ensure_ascii=False, indent=2)
    elif fmt == "csv":
        text = to_csv(rep, lang)
    else:
        text = to_html(rep, lang)
    if out:
        try:
            Path(out).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", source=out) from None
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


@service.group()
def document() -> None:
    """A case's documents (standard, point 5): the admission notice, the reasoned refusal and the
    certificate of completion, numbered per office and year and stored as issued (HTML and PDF);
    and the notice's return that closes the service (point 10).  They hold personal data: every
    command is written to the access log."""


def _write_file(out: str, data: bytes) -> None:
    """Write atomically (a temporary file renamed over ``out``): an interrupted write leaves no
    half a PDF behind."""
    import os
    import tempfile

    target = Path(out)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=".kzqual-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", source=out) from None


def _doc_line(d, lang: str) -> str:
    returned = f"  ↩ {d.returned_at:%Y-%m-%d %H:%M}" if d.returned_at else ""
    return (f"{d.id}\t№ {d.number}\t{t('services.doc.kind.' + d.kind, lang)} ({d.kind})\t"
            f"{d.issued_at:%Y-%m-%d %H:%M}\t{d.lang}\t{d.pdf_bytes} B\tsha256 {d.sha256[:16]}…{returned}")


def _emit(papers, doc, fmt: str | None, out: str | None) -> None:
    """Write the document's stored HTML or PDF to ``out`` (or HTML to stdout); a PDF needs --out."""
    if fmt is None:
        return
    data = papers.content(doc.id, fmt)
    if out:
        _write_file(out, data)
        click.echo(f"wrote {out}", err=True)
    elif fmt == "pdf":
        raise InputError("a PDF is written to a file: give --out FILE.pdf")
    else:
        click.echo(data.decode("utf-8"), nl=False)


_DOC_KINDS = ("admission_notice", "refusal", "certificate")


@examples("kzqual service document issue 1 admission_notice --at 2024-03-04T11:00 --out notice.pdf",
          "kzqual service document issue 2 refusal --lang ru --format html --out refusal.html")
@document.command("issue")
@click.argument("case_id", type=int)
@click.argument("kind", type=click.Choice(_DOC_KINDS))
@click.option("--format", "fmt", type=click.Choice(["pdf", "html"]), default=None,
              help="Also write the issued document (default: pdf when --out ends in .pdf, else html).")
@click.option("--out", type=click.Path(dir_okay=False), default=None, help="Write it to this file.")
@_step_options
@_db_option
@_common
def document_issue(case_id, kind, fmt, out, at, actor, db, as_json, lang, set_pairs, settings_file, overrides) -> None:
    """Issue a document of the case: numbered, dated, stored with the case."""
    from kzqual.services.documents import check_kind
    from kzqual.services.paperwork import Paperwork

    doc_lang = lang if lang in ("kk", "ru") else "kk"
    check_kind(kind, doc_lang)
    if out and fmt is None:
        fmt = "pdf" if out.lower().endswith(".pdf") else "html"
    with _ctx(**locals()) as ctx:
        papers = Paperwork(ctx.desk())
        doc = papers.issue(case_id, kind, at=_moment(at), actor=_actor(actor), lang=doc_lang)
        ctx.audit("document.issue", actor=actor, case_id=case_id, details={"document": doc.id, "kind": kind})
        _emit(papers, doc, fmt if out else None, out)
    _dump(doc.as_dict()) if as_json else click.echo(_doc_line(doc, lang))


@examples("kzqual service document list 1")
@document.command("list")
@click.argument("case_id", type=int)
@_db_option
@_common
def document_list(case_id, db, as_json, lang, set_pairs, settings_file, overrides) -> None:
    """List a case's documents."""
    from kzqual.services.paperwork import Paperwork

    with _ctx(**locals()) as ctx:
        docs = Paperwork(ctx.desk()).documents(case_id)
        ctx.audit("document.list", case_id=case_id, details={"documents": [d.id for d in docs]})
    if as_json:
        _dump([d.as_dict() for d in docs])
        return
    for d in docs:
        click.echo(_doc_line(d, lang))


@examples("kzqual service document get 3 --out notice.pdf", "kzqual service document get 3 --format html > n.html")
@document.command("get")
@click.argument("document_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["pdf", "html"]), default=None,
              help="pdf or html (default: from --out's extension, else html).")
@click.option("--out", type=click.Path(dir_okay=False), default=None, help="Write it to this file.")
@_db_option
@_common
def document_get(document_id, fmt, out, db, as_json, lang, set_pairs, settings_file, overrides) -> None:
    """Write a document exactly as it was issued (its SHA-256 is on its record)."""
    from kzqual.services.paperwork import Paperwork

    if fmt is None:
        fmt = "pdf" if out and out.lower().endswith(".pdf") else "html"
    with _ctx(**locals()) as ctx:
        papers = Paperwork(ctx.desk())
        doc = papers.document(document_id)
        if as_json:
            ctx.audit("document.read", case_id=doc.case_id, details={"document": document_id, "as": "json"})
            _dump(doc.as_dict())
            return
        if fmt == "pdf" and not out:
            raise InputError("a PDF is written to a file: give --out FILE.pdf")
        ctx.audit("document.read", case_id=doc.case_id, details={"document": document_id, "as": fmt})
        _emit(papers, doc, fmt, out)


@examples("kzqual service document return 1 --at 2024-07-01T10:00")
@document.command("return")
@click.argument("case_id", type=int)
@_step_options
@_db_option
@_common
def document_return(case_id, at, actor, db, as_json, lang, set_pairs, settings_file, overrides) -> None:
    """Record the admission notice's return after the certificate: closes the service (point 10)."""
    from kzqual.services.paperwork import Paperwork

    with _ctx(**locals()) as ctx:
        view = Paperwork(ctx.desk()).return_notice(case_id, at=_moment(at), actor=_actor(actor))
        ctx.audit("case.return_notice", actor=actor, case_id=case_id)
    _dump(view.as_dict()) if as_json else _print_case(view, lang)
