"""Strict scalar types for the API's query parameters, path parameters and JSON bodies.

pydantic's lax mode read ``in_force_on=0`` and ``"as_of": 0`` as 1970-01-01 (a Unix time),
``"offset": false`` as 0, ``"amount": true`` as 1 tenge and ``limit=1_0`` as 10 (issue 10).  These
types accept exactly what the OpenAPI schema states -- a date is ``YYYY-MM-DD``, a date-time is an
ISO 8601 date and time, an integer is a JSON integer (a string of decimal digits in a query or a
path) -- and refuse the rest with the usual 422 ``validation_error``.  The schema they publish is
unchanged (``format: date``, ``format: date-time``, ``type: integer``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Strict

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?")
_INT = re.compile(r"-?\d{1,18}")


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        return value  # pydantic parses it (and refuses 2024-02-30)
    raise ValueError("expected a date as YYYY-MM-DD")


def _iso_datetime(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATETIME.fullmatch(value):
        return value
    raise ValueError("expected a date and time as YYYY-MM-DDTHH:MM[:SS][±HH:MM]")


def _text_int(value: Any) -> Any:
    # query and path values arrive as text (None: an optional parameter left out)
    if value is None or isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _INT.fullmatch(value):
        return int(value)
    raise ValueError("expected an integer (decimal digits)")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
IsoDateTime = Annotated[dt.datetime, BeforeValidator(_iso_datetime)]
# Query and path integers: ``Annotated[int, Query(ge=...), TEXT_INT] = default``.  The validator
# goes inside the parameter's own Annotated, after Query/Path: FastAPI drops validators of a type
# alias used as ``x: Alias = Query(...)`` and publishes ``ge`` instead of ``minimum`` for
# ``Annotated[Alias, Query(ge=...)]``.
TEXT_INT = BeforeValidator(_text_int)
JsonInt = Annotated[int, Strict()]  # JSON bodies: no booleans, floats or strings
JsonFloat = Annotated[float, Strict()]  # JSON bodies: numbers, not booleans or strings
