"""``meta.yaml`` of the kazakhstan-law/ministerial layout -> act metadata.

Each act folder holds ``kaz.md``, ``rus.md`` (or ``kaz/``, ``rus/`` folders of parts) and a
``meta.yaml`` with the act's identity, which the Markdown texts do not repeat::

    act_code: '96763'
    requisite: Приказ Министра юстиции … от 24 декабря 2015 года № 641. Зарегистрирован в
      Министерстве юстиции … 28 декабря 2015 года № 12574[. Утратил силу приказом …]
    title: {rus: …, kaz: …}
    approved_on: 2015-12-24
    version_date: {kaz: …, rus: …}
    source: {kaz: https://zan.gov.kz/…, rus: …}
    repealed_on: …            # optional
    repealed_by: {code, requisite, title, link}   # optional

The requisite is read by the same identity reader as a plain-text act's head
(:func:`kzqual.acts.head.read_identity`); every value read from the file names the file as its
source (:attr:`Act.provenance`).  The meta file is validated at this boundary (pydantic): a file
that is not YAML or not a mapping is an :class:`InputError`.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kzqual.errors import InputError

META_NAME = "meta.yaml"
# File and folder names of the language texts in an act folder.
LANG_FILES = {"kaz": "kk", "rus": "ru"}
FILE_OF_LANG = {v: k for k, v in LANG_FILES.items()}


class LinkedAct(BaseModel):
    model_config = ConfigDict(extra="ignore")

    code: str | None = None
    requisite: str | None = None
    title: dict[str, str] = Field(default_factory=dict)
    link: str | None = None


class ActMeta(BaseModel):
    """The fields of a ``meta.yaml`` that kzqual uses (others are ignored)."""

    model_config = ConfigDict(extra="ignore")

    act_code: str | None = None
    requisite: str | None = None
    title: dict[str, str] = Field(default_factory=dict)  # rus / kaz
    form: str | None = None
    type_codes: list[str] = Field(default_factory=list)
    approved_on: str | None = None
    approved_by: list[str] = Field(default_factory=list)
    version_date: dict[str, str] = Field(default_factory=dict)
    source: dict[str, str] = Field(default_factory=dict)
    caused_by: LinkedAct | None = None
    repealed_on: str | None = None
    repealed_by: LinkedAct | None = None
    path: str = ""  # the file it was read from

    def for_language(self, field: dict[str, str], language: str) -> str | None:
        return field.get(FILE_OF_LANG.get(language, language))


def _plain(value):
    """YAML dates and numbers as the strings the act model uses."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def load_meta(path: str | Path) -> ActMeta:
    """The meta file at ``path``; read once per file state (an act folder's two language texts
    share it)."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        st = None
    if st is None:
        return _load_meta(p, 0, -1)
    return _load_meta(p, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=64)
def _load_meta(p: Path, _mtime: int, _size: int) -> ActMeta:
    import yaml

    # libyaml's safe loader where the wheel has it: the pure-Python one is ~10x slower
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(p.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    except FileNotFoundError:
        raise InputError("no meta.yaml in the act folder", source=str(p), code="not_found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read meta.yaml ({exc})", source=str(p)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputError(f"meta.yaml is not valid YAML{where}", source=str(p), code="bad_meta") from None
    if not isinstance(data, dict):
        raise InputError("meta.yaml does not hold a mapping of fields", source=str(p), code="bad_meta")
    try:
        return ActMeta.model_validate({**_plain(data), "path": str(p)})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(x) for x in first["loc"])
        raise InputError(f"meta.yaml field {field!r}: {first['msg']}", source=str(p), code="bad_meta") from None


def meta_path_for(text_path: str | Path) -> Path | None:
    """The ``meta.yaml`` beside a language text (``X/kaz.md`` or a parts folder ``X/kaz/``)."""
    p = Path(text_path)
    if p.name in LANG_FILES or p.stem in LANG_FILES:
        candidate = p.parent / META_NAME
        return candidate if candidate.is_file() else None
    return None


def language_of_path(text_path: str | Path) -> str | None:
    """``kk`` for ``kaz.md`` / ``kaz/``, ``ru`` for ``rus.md`` / ``rus/``, else None."""
    p = Path(text_path)
    return LANG_FILES.get(p.stem) or LANG_FILES.get(p.name)


def act_folders(root: Path) -> list[Path]:
    """Folders under ``root`` (itself included) that hold an act in the Markdown layout."""
    candidates = {m.parent for m in root.rglob("meta.yaml")}
    for name in LANG_FILES:
        candidates.update(m.parent for m in root.rglob(f"{name}.md"))
    # a parts folder kaz/ is part of its act folder, never an act folder itself
    return sorted(c for c in candidates if c.name not in LANG_FILES)


def act_folder_texts(folder: Path) -> list[Path]:
    """The language texts of an act folder: ``kaz.md`` (with or without ``kaz/`` parts beside
    it), else the parts folder ``kaz/``; then the same for ``rus``."""
    out = []
    for name in LANG_FILES:
        md, parts = folder / f"{name}.md", folder / name
        out.append(parts if parts.is_dir() and not md.is_file() else md)
    return out
