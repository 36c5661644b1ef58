"""The one ``kzqual`` command.  Sub-commands live in :mod:`kzqual.commands`, one module per area.

Errors of input (:class:`kzqual.errors.InputError`) become one line on stderr and exit code 2,
never a traceback.
"""

from __future__ import annotations

import importlib
import sys

import click

from kzqual import __version__
from kzqual.errors import InputError

# sub-command name -> "module:attribute"; loaded lazily so `kzqual --help` stays fast.
COMMANDS: dict[str, str] = {
    "parse": "kzqual.commands.parse:parse",
    "summary": "kzqual.commands.parse:summary",
    "positions": "kzqual.commands.positions:positions",
    "ingest": "kzqual.commands.store:ingest",
    "search": "kzqual.commands.store:search",
    "show": "kzqual.commands.store:show",
    "acts": "kzqual.commands.store:acts",
    "check": "kzqual.commands.rules:check",
    "match": "kzqual.commands.rules:match",
    "screen": "kzqual.commands.rules:screen",
    "taxonomy": "kzqual.commands.taxonomy:taxonomy",
    "service": "kzqual.commands.service:service",
    "serve": "kzqual.commands.serve:serve",
    "demo": "kzqual.commands.demo:demo",
    "users": "kzqual.commands.users:users",
    "audit": "kzqual.commands.users:audit",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self.get_command(ctx, name) is not None)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name == module:  # an area not built yet: hide its command
                return None
            raise
        return getattr(mod, attr, None)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kzqual")
@click.option("--lang", "ui_lang", type=click.Choice(["kk", "ru", "en"]), default=None,
              help="Language of every label and reason a sub-command prints (default: $KZQUAL_LANG, "
                   "else kk), e.g. `kzqual --lang ru acts`.")
def app(ui_lang: str | None) -> None:
    """kzqual: Kazakhstan's acts on civil-service positions, as a registry you can query.

    Read an act (parse), list its posts (positions), load acts into a registry (ingest), search it,
    check a person against a post (check, match, screen), run the public service (service), manage
    the staff who may see applicants' data (users, audit), and serve the web UI and API (serve).  Every sub-command has --help.
    """


def main(argv: list[str] | None = None) -> None:
    try:
        app.main(args=argv, prog_name="kzqual", standalone_mode=False)
    except InputError as exc:
        click.echo(f"kzqual: error: {exc}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("kzqual: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if isinstance(exc, click.UsageError) else exc.exit_code or 1)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("kzqual: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
