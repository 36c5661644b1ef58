"""Survey of all five bundled acts: every letter-spaced line comes out as words."""

from __future__ import annotations

import re

import pytest

from kzqual.bundled import act_paths
from kzqual.text import read

# Three or more one-character tokens in a row, at least two of them letters.
_RESIDUE = re.compile(r"(?<!\S)(?:\S ){2,}\S(?!\S)")
_LOWER_UPPER = re.compile(r"[а-яёәіңғүұқөһ][А-ЯЁӘІҢҒҮҰҚӨҺ]")


@pytest.mark.parametrize("path", act_paths(), ids=lambda p: p.name)
def test_no_letter_spacing_left(path):
    ct = read(path)
    left = []
    for line in ct.lines:
        for m in _RESIDUE.finditer(line.text):
            if sum(c.isalpha() for c in m.group(0)) >= 2:
                left.append((line.raw_start, line.text))
    assert not left


@pytest.mark.parametrize("path", act_paths(), ids=lambda p: p.name)
def test_unspacing_never_glues_words_across_a_case_switch(path):
    ct = read(path)
    for r in ct.repairs:
        if r.kind == "letter_spacing":
            assert not _LOWER_UPPER.search(r.fixed), (r.line, r.raw, r.fixed)


def test_all_acts_decode_as_utf8():
    assert {read(p).encoding for p in act_paths()} == {"utf-8"}
