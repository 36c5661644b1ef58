"""The one rule for which language a command's labels are in.

A sub-command's own ``--lang`` where it has one, else the top-level ``kzqual --lang``, else
``KZQUAL_LANG``, else the catalogue default (:data:`kzqual.i18n.DEFAULT_LANG`).  Commands used to pick their own fallback (``parse`` English,
``service`` Kazakh), so the same shell printed two languages; every command now asks here.
"""

from __future__ import annotations

import os

from kzqual.i18n import DEFAULT_LANG, LANGS

ENV = "KZQUAL_LANG"


def cli_lang(option: str | None = None) -> str:
    """The language for a command's output: ``option`` (from ``--lang``) if given, else the
    top-level ``kzqual --lang``, else the environment's ``KZQUAL_LANG`` if it names a catalogue language, else ``DEFAULT_LANG``.

    An unknown ``KZQUAL_LANG`` value is ignored rather than an error: it is a shell-wide setting
    other programs may read, and an unlabelled-language fallback is harmless.
    """
    if option:
        return option
    import click

    ctx = click.get_current_context(silent=True)
    root = ctx.find_root().params.get("ui_lang") if ctx is not None else None
    if root:
        return root
    env = os.environ.get(ENV, "").strip().lower()
    return env if env in LANGS else DEFAULT_LANG


def default_lang() -> str:
    """``cli_lang()`` without an option: a click ``default=`` callable for ``--lang``."""
    return cli_lang(None)
