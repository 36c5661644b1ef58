"""The corpus files are the source's text: each has exactly the character count the source reported.

The files were copied through a file-reading API chunk by chunk (see README.md); a dropped or
doubled chunk, or a file cut in the wrong place, changes the count.  A look-alike substitution
does not, which is why the count is a floor for fidelity, not a proof of it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

HERE = Path(__file__).parent
MANIFEST = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
FILES = [(e["folder"], rel, f["chars"]) for e in MANIFEST for rel, f in e["files"].items()]


def test_every_act_with_expected_values_has_provenance():
    # Other helpers keep acts here too (with their own provenance file); the acts this accuracy test
    # scores must all be in manifest.json, with every file present.
    listed = {e["folder"] for e in MANIFEST}
    scored = {p.stem for p in (HERE / "expected").glob("*.yaml")}
    assert scored <= listed
    for e in MANIFEST:
        for rel in e["files"]:
            assert (HERE / e["folder"] / rel).is_file(), (e["folder"], rel)


@pytest.mark.parametrize(("folder", "rel", "chars"), FILES, ids=[f"{f}/{r}" for f, r, _ in FILES])
def test_file_has_the_source_character_count(folder, rel, chars):
    text = (HERE / folder / rel).read_text(encoding="utf-8")
    assert len(text) == chars


def test_every_file_is_in_the_manifest():
    listed = {(f, r) for f, r, _ in FILES}
    for e in MANIFEST:
        folder = HERE / e["folder"]
        for path in folder.rglob("*"):
            if path.is_file():
                assert (e["folder"], path.relative_to(folder).as_posix()) in listed, path


def test_held_out_part_folders_open_with_their_acts_files():
    # A '<act folder>-pNNN' folder holds other parts of an act whose own folder is scored on its
    # metadata; its kaz.md / rus.md / meta.yaml must be that folder's, or the metadata not scored
    # here would differ from the metadata scored there (tests/corpus/expected/SPLIT.md).
    folders = {e["folder"] for e in MANIFEST}
    part_folders = [f for f in folders if re.fullmatch(r".+-\d+-p\d{3}", f)]
    assert part_folders
    for folder in part_folders:
        base = folder.rsplit("-p", 1)[0]
        assert base in folders, folder
        for name in ("kaz.md", "rus.md", "meta.yaml"):
            assert (HERE / folder / name).read_bytes() == (HERE / base / name).read_bytes(), (folder, name)
