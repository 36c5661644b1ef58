"""``kzqual check`` / ``match`` / ``screen``: the eligibility engine on the command line."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import click

from kzqual.commands.lang import cli_lang, default_lang
from kzqual.errors import InputError
from kzqual.i18n import t

_STATUS_MARK = {"met": "+", "not_met": "-", "undetermined": "?"}


def _date(value: str | None, what: str) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"not a date (YYYY-MM-DD): {value!r}", source=what) from None


def _taxonomy(path: str | None):
    from kzqual.rules import taxonomy as tx

    base = tx.bundled()
    return base.merge(tx.load(path)) if path else base


def _common(f):
    f = click.option("--db", default="kzqual.db", show_default=True, help="registry (path or database URL)")(f)
    f = click.option("--act", "acts", multiple=True, type=click.Path(dir_okay=False),
                     help="parse this act file instead of using the registry (repeatable)")(f)
    f = click.option("--taxonomy", "taxonomy_file", type=click.Path(dir_okay=False),
                     help="extra specialty taxonomy (JSON, same format as the bundled one)")(f)
    f = click.option("--policy", "policies", multiple=True, metavar="NAME=VALUE",
                     help="higher_grade_counts / field_tags_count / education_above_counts = undetermined|yes|no")(f)
    return f


def _load_posts(acts, db, in_force_on=None, acts_out: dict | None = None):
    """(positions or None, store or None, references)."""
    from kzqual.rules.compile import References
    from kzqual.rules.sources import StoreReferences, open_registry, positions_from_acts

    if acts:
        posts = positions_from_acts(acts, acts_out)
        return posts, None, References(posts)
    store = open_registry(db)
    return None, store, StoreReferences(store)


def _status_getter(parsed: dict, store, day: date):
    """``act_key -> ActStatus`` on ``day``: from the parsed act files, else the registry."""
    from kzqual.rules import act_status

    def get(key: str):
        if key in parsed:
            return act_status.from_act(parsed[key], day)
        if store is not None:
            return act_status.from_store(store, key, day)
        return act_status.status_on(key, day, status=None, effective_from=None, repealed_on=None,
                                    repealed_by=None)

    return get


def _posts_in_force(acts, db, day: date, in_force_on: str | None, include_repealed: bool):
    """(posts, store, references, status_of) — by default only posts of acts in force on
    ``--in-force-on`` (default: the as-of date); every act with ``--include-repealed``."""
    from kzqual.rules.act_status import in_force_filter

    parsed: dict = {}
    posts, store, refs = _load_posts(acts, db, acts_out=parsed)
    filter_day = None if include_repealed else (in_force_on or day.isoformat())
    if posts is None:
        posts = list(store.iter_positions(in_force_on=filter_day))
    elif filter_day is not None:
        posts = in_force_filter(posts, _status_getter(parsed, None, date.fromisoformat(filter_day)))
    return posts, store, refs, _status_getter(parsed, store, day)


_INCLUDE_REPEALED = click.option(
    "--include-repealed", "include_repealed", is_flag=True,
    help="also posts of acts not in force on the date (default: only acts in force); each such verdict "
         "carries the act's status and the repealing act")


def _print_verdict(v, lang: str, depth: int = 0) -> None:
    mark = _STATUS_MARK[v.status_name]
    where = ""
    if v.act and v.lines:
        where = f"  [{v.act} {t('common.lines', lang).lower()} {v.lines[0]}-{v.lines[1]}]"
    pol = f"  ({t('rules.cli.policy', lang)}: {v.policy})" if v.policy else ""
    label = f"{v.title[lang]}: " if v.title else ""
    click.echo(f"{'  ' * depth}{mark} {label}{v.reason[lang]}{where}{pol}")
    for c in v.children:
        _print_verdict(c, lang, depth + 1)


@click.command()
@click.argument("profile", type=click.Path(dir_okay=False))
@click.argument("position_id")
@click.option("--as-of", "as_of", metavar="DATE", help="date the lengths of service are counted to (default today)")
@click.option("--lang", type=click.Choice(["kk", "ru", "en"]), default=default_lang, show_default="KZQUAL_LANG, else kk",
              help="language of the reasons")
@click.option("--json", "as_json", is_flag=True, help="print the verdict tree as JSON (reasons in kk, ru and en)")
@_common
def check(profile, position_id, as_of, lang, as_json, db, acts, taxonomy_file, policies):
    """Check PROFILE (JSON) against one post: a verdict per criterion, citing the act's lines.

    Each criterion is met (+), not met (-) or undetermined (?): a requirement the profile cannot
    show (an unknown specialty, a referenced act not loaded, special training not stated) is never
    guessed.  Profile format: docs/profile.schema.json.

    \b
    Examples:
      kzqual check person.json 9344-a1-1 --act src/kzqual/data/acts/kk-mes-2014-161.txt --lang en
      kzqual check person.json 15125-g2-p8 --as-of 2024-01-01 --json
      kzqual check person.json 15125-g2-p1 --policy higher_grade_counts=yes
    """
    from kzqual.rules import act_status, check_next
    from kzqual.rules.policy import parse_policy
    from kzqual.rules.profile import load_profile
    from kzqual.rules.sources import find_position

    policy = parse_policy(policies)
    day = _date(as_of, "--as-of")
    prof = load_profile(profile)
    tax = _taxonomy(taxonomy_file)
    parsed: dict = {}
    posts, store, refs = _load_posts(acts, db, acts_out=parsed)
    pos = find_position(position_id, posts, store)
    v, nxt = check_next(prof, pos, as_of=day, taxonomy=tax, references=refs, policy=policy)
    st = (act_status.from_act(parsed[pos.act_key], day) if pos.act_key in parsed
          else act_status.from_store(store, pos.act_key, day) if store is not None
          else act_status.status_on(pos.act_key, day, status=None, effective_from=None, repealed_on=None,
                                    repealed_by=None))
    if as_json:
        out = {"position": {"id": pos.id, "title": pos.title, "act": pos.act_key,
                            "category": pos.category_raw or pos.category},
               "as_of": day.isoformat(), "policy": policy.as_dict(), "status": v.status_name,
               "act_in_force": st.in_force, "act_status": st.as_dict(), "verdict": v.as_dict(),
               "next_step": nxt.as_dict() if nxt is not None else None}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    click.echo(f"{pos.id}  {pos.title}  ({pos.category_raw or pos.category or '-'})")
    click.echo(st.reason(lang))
    click.echo(f"{t('rules.cli.overall', lang)}: {t('rules.status.' + v.status_name, lang)}  ({day.isoformat()})")
    if st.in_force is False:
        click.echo(f"!! {t('rules.cli.not_in_force', lang)}")
    _print_verdict(v, lang)
    if nxt is not None:
        click.echo(f"{t('nextstep.heading', lang)}: {nxt.summary[lang]}")
        for miss in nxt.missing:
            click.echo(f"  - {miss.reason[lang]}")


@click.command()
@click.argument("profile", type=click.Path(dir_okay=False))
@click.option("--in-force-on", "in_force_on", metavar="DATE",
              help="only posts of acts in force on DATE (default: the --as-of date)")
@click.option("--as-of", "as_of", metavar="DATE", help="date the lengths of service are counted to (default today)")
@_INCLUDE_REPEALED
@click.option("--near", "near", type=float, default=2.0, show_default=True,
              help="near miss: not met, but at most this many years short")
@click.option("--limit", type=int, default=20, show_default=True, help="posts listed per group")
@click.option("--lang", type=click.Choice(["kk", "ru", "en"]), default=default_lang, show_default="KZQUAL_LANG, else kk",
              help="language of the reasons")
@click.option("--json", "as_json", is_flag=True, help="print the result as JSON (reasons in kk, ru and en)")
@_common
def match(profile, in_force_on, as_of, include_repealed, near, limit, lang, as_json, db, acts, taxonomy_file,
          policies):
    """Every post PROFILE qualifies for (ranked), the undetermined ones, and near misses with what is missing.

    Only posts of acts in force on the as-of date count, unless --include-repealed (then a verdict
    under an act not in force says so, naming the repealing act).

    \b
    Examples:
      kzqual match person.json --in-force-on 2024-01-01 --lang ru
      kzqual match person.json --act src/kzqual/data/acts/kk-mes-2014-161.txt --near 1 --limit 10
      kzqual match person.json --json > matches.json
    """
    from kzqual.rules.compile import Compiler
    from kzqual.rules.match import attach_act_status
    from kzqual.rules.match import match as run_match
    from kzqual.rules.metrics import compute_metrics
    from kzqual.rules.policy import parse_policy
    from kzqual.rules.profile import load_profile
    from kzqual.rules.vector import RuleSet

    policy = parse_policy(policies)
    day = _date(as_of, "--as-of")
    if in_force_on:
        _date(in_force_on, "--in-force-on")
    prof = load_profile(profile)
    tax = _taxonomy(taxonomy_file)
    posts, store, refs, status_of = _posts_in_force(acts, db, day, in_force_on, include_repealed)
    rules = RuleSet.build(posts, Compiler(tax, refs), policy)
    res = run_match(rules, compute_metrics(prof, day, tax.resolve), near_years=near, limit=limit)
    attach_act_status(res, status_of)
    if as_json:
        click.echo(json.dumps({"as_of": day.isoformat(), "policy": policy.as_dict(), **res.as_dict()},
                              ensure_ascii=False, indent=2))
        return
    for title_key, items in (("rules.cli.qualifies", res.qualified), ("rules.cli.possible", res.possible),
                             ("rules.cli.near", res.near)):
        click.echo(f"== {t(title_key, lang)}")
        for it in items:
            d = it.as_dict()
            extra = f"  [{d['rung']}]" if d.get("rung") else ""
            click.echo(f"  {d['id']}  {d['title'][:70]}  ({d['category'] or '-'}){extra}")
            if d.get("act_status"):
                click.echo(f"      !! {d['act_status']['reason'][lang]}")
            if it.next is not None:
                click.echo(f"      > {it.next.summary[lang]}")
            for miss in d.get("missing", []) + d.get("open", [])[:3]:
                click.echo(f"      - {miss['reason'][lang]}")
    c = res.counts
    click.echo(t("rules.cli.counts", lang, met=c["met"], und=c["undetermined"], not_met=c["not_met"]))


def _select(posts, query: str | None, store=None, in_force_on: str | None = None):
    """Posts chosen by ``--positions``: filters ``act=…,category=…,id=…``, else words — the
    registry's Kazakh/Russian full-text search (any inflection) or, for act files, a title substring."""
    if not query:
        return posts
    q = query.strip()
    if store is not None and "=" not in q:
        n = store.search_count(q, in_force_on=in_force_on)
        ids = {h.position_id for h in store.search(q, in_force_on=in_force_on, limit=max(n, 1))}
        return [p for p in posts if p.id in ids]
    if "=" in q:
        filters = dict(part.split("=", 1) for part in q.split(",") if "=" in part)
        unknown = set(filters) - {"act", "category", "id"}
        if unknown:
            raise InputError(f"unknown filter(s) {sorted(unknown)}: use act=, category=, id=", source="--positions")
        out = posts
        if "act" in filters:
            out = [p for p in out if p.act_key == filters["act"]]
        if "category" in filters:
            out = [p for p in out if (p.category or "") == filters["category"]]
        if "id" in filters:
            out = [p for p in out if p.id.startswith(filters["id"])]
        return out
    low = q.lower()
    return [p for p in posts if low in p.title.lower() or p.id.startswith(q)]


@click.command()
@click.argument("profiles", type=click.Path(dir_okay=False))
@click.option("--positions", "query", metavar="QUERY",
              help="posts to screen against: search words (registry) / title words or id prefix (--act), "
                   "or act=…,category=…,id=…")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="FILE.csv or FILE.parquet")
@click.option("--as-of", "as_of", metavar="DATE", help="date the lengths of service are counted to (default today)")
@click.option("--in-force-on", "in_force_on", metavar="DATE",
              help="only posts of acts in force on DATE (default: the --as-of date)")
@_INCLUDE_REPEALED
@click.option("--all", "include_all", is_flag=True, help="also write not_met pairs (default: met and undetermined)")
@click.option("--chunk", type=int, default=20000, show_default=True, help="profiles evaluated at once")
@_common
def screen(profiles, query, out, as_of, in_force_on, include_repealed, include_all, chunk, db, acts, taxonomy_file,
           policies):
    """Screen PROFILES (JSON Lines, one profile per line) against many posts, vectorised.

    Writes one row per (profile, post): line, profile_id, position_id, status — as it goes, so
    memory stays flat.  Only posts of acts in force on the as-of date, unless --include-repealed
    (then two more columns: act_status, repealed_by).  A bad line
    (malformed JSON, a profile failing validation) is reported on stderr as FILE:LINE: skipped: ...
    and skipped; it never aborts the run.  A progress bar shows on a terminal.

    \b
    Examples:
      kzqual screen people.jsonl --positions "category=C-3" --out verdicts.parquet
      kzqual screen people.jsonl --positions "экономист" --in-force-on 2024-01-01 --out v.csv
      kzqual screen people.jsonl --act src/kzqual/data/acts/ru-mod-2017-134.txt --all --out v.csv
    """
    from kzqual.rules.compile import Compiler
    from kzqual.rules.policy import parse_policy
    from kzqual.rules.screen import screen_file
    from kzqual.rules.vector import RuleSet

    if not out.endswith((".csv", ".parquet")):
        raise InputError("--out must end in .csv or .parquet", source=out)
    policy = parse_policy(policies)
    day = _date(as_of, "--as-of")
    tax = _taxonomy(taxonomy_file)
    posts, store, refs, status_of = _posts_in_force(acts, db, day, in_force_on, include_repealed)
    posts = _select(posts, query, store, None if include_repealed else (in_force_on or day.isoformat()))
    if not posts:
        raise InputError("no posts selected" + ("" if include_repealed else
                                                " (of acts in force on the date; --include-repealed widens)"),
                         source="--positions")
    rules = RuleSet.build(posts, Compiler(tax, refs), policy)
    act_columns = None
    if include_repealed:  # every row under an act not in force says so
        sts = {k: status_of(k) for k in dict.fromkeys(p.act_key for p in posts)}
        act_columns = {"act_status": [sts[p.act_key].status for p in posts],
                       "repealed_by": [sts[p.act_key].repealed_by for p in posts]}
    summary = screen_file(Path(profiles), rules, tax, day, Path(out), include_all=include_all, chunk=max(chunk, 1),
                          progress=sys.stderr.isatty(), act_columns=act_columns)
    lang = cli_lang()
    for line_no, problem in summary.bad_lines:
        skipped = t("rules.cli.skipped", lang, problem=_problem_text(problem, lang))
        click.echo(f"kzqual: {profiles}:{line_no}: {skipped}", err=True)
    click.echo(t("rules.cli.screen_summary", lang, profiles=summary.profiles, posts=len(posts),
                 decisions=summary.decisions, met=summary.met, und=summary.undetermined,
                 bad=len(summary.bad_lines), out=out))


def _problem_text(problem: str, lang: str) -> str:
    """A bad profile line's problem (as :func:`kzqual.rules.profile.parse_profile` words it) in ``lang``;
    the parser's own detail (JSON position, field message) stays as it printed it."""
    if problem.startswith("malformed JSON: "):
        return t("rules.bad.json", lang, detail=problem[len("malformed JSON: "):])
    if problem == "a profile must be a JSON object":
        return t("rules.bad.not_object", lang)
    deep = re.fullmatch(r"JSON nested deeper than (\d+) levels", problem)  # kzqual.safe_json
    if deep:
        return t("security.json.too_deep", lang, depth=deep.group(1))
    m = re.match(r"invalid profile at (\S+): (.*)", problem, re.S)
    if m:
        return t("rules.bad.invalid", lang, where=m.group(1), detail=m.group(2))
    return problem
