"""Write the API's OpenAPI schema: ``python -m kzqual.api.openapi docs/openapi.json``.

The committed ``docs/openapi.json`` is checked against the generated schema by the tests, so a
change to the API without regenerating it fails the suite.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kzqual.api.app import create_app
from kzqual.api.settings import Settings


def schema() -> dict:
    # Settings do not change the schema; fixed ones keep the output independent of the environment.
    return create_app(Settings(db=":memory:", token=None)).openapi()


def dumps() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    text = dumps()
    if args:
        Path(args[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
