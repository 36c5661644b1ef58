"""The one documented error type for bad input.

Every layer raises :class:`InputError` (never a bare ValueError or a traceback) for input it cannot
use at all: empty, binary, wrongly encoded, truncated, oversized files, malformed JSON, unknown ids.
The CLI turns it into one line on stderr and exit code 2; the API into a 4xx JSON body.
Damaged-but-usable input is *not* an error: it parses with warnings.
"""

from __future__ import annotations


class InputError(Exception):
    """Input that cannot be used; ``source`` names the file or object, ``problem`` says why;
    ``field`` (optional) names the input field at fault, so a form can show the error next to it."""

    def __init__(self, problem: str, *, source: str | None = None, code: str = "bad_input",
                 field: str | None = None) -> None:
        self.problem = problem
        self.source = source
        self.code = code
        self.field = field
        super().__init__(f"{source}: {problem}" if source else problem)


class NotFoundError(InputError):
    """An unknown id (act, position, case...)."""

    def __init__(self, problem: str, *, source: str | None = None) -> None:
        super().__init__(problem, source=source, code="not_found")


class ConflictError(InputError):
    """A step the record's current state does not allow — typically because another operator took a
    step on the same case or complaint first (two decisions at once: one wins, the other gets this).
    Nothing was written; the client should reload the record.  API 409 ``conflict``; CLI exit 2."""

    def __init__(self, problem: str, *, source: str | None = None, code: str = "conflict") -> None:
        # ``code`` names a particular conflict (``duplicate_application``); the status stays 409
        super().__init__(problem, source=source, code=code)
