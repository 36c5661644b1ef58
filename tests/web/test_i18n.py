"""Every UI string the templates ask for is in the catalogue, in all three languages."""

from __future__ import annotations

import re
from pathlib import Path

import kzqual.web
from kzqual.i18n import LANGS, catalogue

TEMPLATES = Path(kzqual.web.__file__).resolve().parent / "templates"
KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")


def test_template_keys_exist_in_every_language():
    cat = catalogue()
    used = {key for path in TEMPLATES.glob("*.html") for key in KEY.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 50
    prefixes = {k for k in used if k.endswith(".")}  # t("web.kind." ~ node.kind): a family of keys
    exact = used - prefixes
    missing = sorted(k for k in exact if k not in cat)
    assert not missing, missing
    empty_families = sorted(p for p in prefixes if not any(k.startswith(p) for k in cat))
    assert not empty_families, empty_families
    partial = sorted(k for k in exact if any(not cat[k].get(lang) for lang in LANGS))
    assert not partial, partial


def test_web_catalogue_is_complete():
    for key, texts in catalogue().items():
        if key.startswith("web."):
            assert set(texts) >= set(LANGS), key
            assert all(texts[lang].strip() for lang in LANGS), key
