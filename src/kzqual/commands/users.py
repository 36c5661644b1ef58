"""``kzqual users`` (staff who may see applicants' data) and ``kzqual audit`` (who saw or changed
which case or complaint).  Both take ``--db`` (else ``KZQUAL_DB``, else ``./kzqual.db``); bad
input is one line on stderr and exit 2.  See docs/security.md.
"""

from __future__ import annotations

import json

import click

from kzqual.commands.examples import examples
from kzqual.commands.lang import default_lang
from kzqual.i18n import t

LANGS = ("kk", "ru", "en")


def _options(f):
    f = click.option("--lang", type=click.Choice(LANGS), default=default_lang,
                     help="Language of labels (default KZQUAL_LANG, else kk).")(f)
    f = click.option("--db", default=None, envvar="KZQUAL_DB", show_default="kzqual.db",
                     help="SQLite file or postgresql:// URL of the registry.")(f)
    return f


def _engine_of(db: str | None, *, create: bool = False):
    from kzqual.store import open_store

    return open_store(db, create=create)


@click.group()
def users() -> None:
    """Staff accounts: operators (their office's cases), reviewers (complaints) and admins.

    Each user gets one token, printed once; the registry keeps only its Argon2 hash.  Staff use it
    as `Authorization: Bearer <token>` on the API, or sign in on the web at /signin with their
    name and the token.  The server's KZQUAL_TOKEN stays valid as the bootstrap admin.
    """


@examples("kzqual users add aigerim --role operator --office astana",
          "kzqual users add qid --role reviewer",
          "kzqual users add root --role admin --json")
@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["operator", "reviewer", "admin"]), required=True,
              help="operator: the provider's staff (cases of --office); reviewer: the body that examines "
                   "complaints; admin: everything, every office.")
@click.option("--office", default=None, help="The office whose cases an operator handles (required for operators).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the token included).")
@_options
def add(name, role, office, as_json, db, lang) -> None:
    """Add a user and print their token (only now: it cannot be shown again)."""
    from kzqual.services.users import Users

    with _engine_of(db, create=True) as store:
        found = Users(store.engine)
        token = found.add(name, role=role, office=office)
        user = found.get(name.strip())
    if as_json:
        click.echo(json.dumps({**user.as_dict(), "token": token}, ensure_ascii=False))
        return
    click.echo(t("security.users.added", lang, name=user.name, role=t(f"security.role.{role}", lang)), err=True)
    click.echo(token)


@users.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_options
def list_users(as_json, db, lang) -> None:
    """List users: name, role, office, whether active (never their tokens)."""
    from kzqual.services.users import Users

    with _engine_of(db) as store:
        found = Users(store.engine).list()
    if as_json:
        click.echo(json.dumps([u.as_dict() for u in found], ensure_ascii=False))
        return
    if not found:
        click.echo(t("security.users.none", lang))
        return
    cols = ("name", "role", "office", "active", "created")
    click.echo("\t".join(t(f"security.col.{c}", lang) for c in cols))
    for u in found:
        click.echo("\t".join((u.name, t(f"security.role.{u.role}", lang), u.office or "-",
                              t("security.yes" if u.active else "security.no", lang),
                              u.created_at.isoformat(timespec="minutes"))))


@examples("kzqual users disable aigerim")
@users.command("disable")
@click.argument("name")
@_options
def disable(name, db, lang) -> None:
    """Disable a user: their token and open web sessions stop working at once (the row stays, for
    the audit log)."""
    from kzqual.services.users import Users

    with _engine_of(db) as store:
        user = Users(store.engine).disable(name)
    click.echo(t("security.users.disabled", lang, name=user.name))


@examples("kzqual audit --case 1", "kzqual audit --actor aigerim --json", "kzqual audit --limit 20")
@click.command()
@click.option("--case", "case_id", type=click.IntRange(1), default=None,
              help="Only rows about this case (its complaints and the lists that showed it included).")
@click.option("--complaint", "complaint_id", type=click.IntRange(1), default=None, help="Only this complaint.")
@click.option("--actor", default=None, help="Only this user (or CLI actor).")
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=1000, show_default=True,
              help="The newest this many rows.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_options
def audit(case_id, complaint_id, actor, limit, as_json, db, lang) -> None:
    """The access log: who read or changed which case or complaint, when (UTC) and through what
    (api, web, cli)."""
    from kzqual.services.audit import rows

    with _engine_of(db) as store:
        found = rows(store.engine, case_id=case_id, complaint_id=complaint_id, actor=actor, limit=limit)
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in found], ensure_ascii=False))
        return
    if not found:
        click.echo(t("security.audit.none", lang))
        return
    cols = ("at", "actor", "role", "via", "action", "case", "complaint")
    click.echo("\t".join(t(f"security.col.{c}", lang) for c in cols))
    for r in found:
        click.echo("\t".join((r.at.isoformat(timespec="seconds"), r.actor, r.role, r.via, r.action,
                              str(r.case_id or "-"), str(r.complaint_id or "-"))))
