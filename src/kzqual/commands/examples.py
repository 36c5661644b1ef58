"""Examples shown at the end of a command's ``--help`` (click keeps a ``\\b`` paragraph as typed)."""

from __future__ import annotations

from typing import Callable, TypeVar

import click

C = TypeVar("C", bound=click.Command)


def examples(*lines: str) -> Callable[[C], C]:
    """Decorator (put it above ``@click.command``): each line is a command, or a ``# comment``."""

    def attach(cmd: C) -> C:
        cmd.epilog = "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)
        return cmd

    return attach
