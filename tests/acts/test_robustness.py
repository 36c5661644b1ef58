"""read_act on damaged heads: it may refuse (InputError) but never crashes, and every span it
reports lies inside the raw text it was given."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzqual.acts import read_act
from kzqual.errors import InputError
from kzqual.text import clean

NAMES = ["mod_134_ru", "mes_161_kk", "mod_674_kk", "ara_9_kk", "mebp_75_kk"]
HEAD_LINES = 160
# Modest by default to keep the suite fast; KZQUAL_HYPOTHESIS_EXAMPLES=2000 for a long soak.
EXAMPLES = int(os.environ.get("KZQUAL_HYPOTHESIS_EXAMPLES", "50"))


@pytest.fixture(scope="module")
def heads(act_path):
    return {n: act_path(n).read_text(encoding="utf-8").split("\n")[:HEAD_LINES] for n in NAMES}


def _walk(nodes):
    for n in nodes:
        yield n
        yield from _walk(n.children)


def _spans(parsed):
    act = parsed.act
    yield act.lines
    for n in _walk(parsed.structure):
        yield n.lines
    for note in act.notes:
        yield note.lines
    for a in act.agreed_by:
        yield a.lines
    for r in [act.repealed_by, *act.amends, *act.amended_by]:
        if r is not None and r.lines is not None:
            yield r.lines
    if act.entry_into_force and act.entry_into_force.lines:
        yield act.entry_into_force.lines
    for w in parsed.warnings:
        if w.get("lines"):
            from kzqual.acts import Span

            yield Span(**w["lines"])


def _check(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        ct = clean(text, source="mutated")
    except InputError:
        return
    try:
        parsed = read_act(ct)
    except InputError as exc:
        assert exc.code in {"not_an_act", "empty", "bad_input"}
        return
    total = len(ct.raw_lines)
    for span in _spans(parsed):
        assert 1 <= span.start <= span.end <= total, span
    for node in _walk(parsed.structure):
        for child in node.children:
            assert node.lines.start <= child.lines.start <= child.lines.end <= node.lines.end


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), data=st.data())
def test_dropped_lines(heads, name, data):
    lines = heads[name]
    keep = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    _check([line for line, k in zip(lines, keep) if k])


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), seed=st.randoms(use_true_random=False), cut=st.integers(0, HEAD_LINES))
def test_shuffled_lines(heads, name, seed, cut):
    lines = list(heads[name])
    part = lines[:cut]
    seed.shuffle(part)
    _check(part + lines[cut:])


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), cut=st.integers(0, 12000))
def test_truncated_text(heads, name, cut):
    text = "\n".join(heads[name])[:cut]
    _check(text.split("\n"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), data=st.data())
def test_garbled_lines(heads, name, data):
    lines = list(heads[name])
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(lines) - 1))
        lines[i] = data.draw(st.text(max_size=80))
    _check(lines)


def test_truncated_right_after_the_identity(act_path):
    lines = act_path("mes_161_kk").read_text(encoding="utf-8").split("\n")[:11]
    parsed = read_act(clean("\n".join(lines)))
    assert parsed.act.number == "161" and parsed.act.status == "repealed"
    codes = {w["code"] for w in parsed.warnings}
    assert {"no_entry_into_force", "no_signature"} <= codes


def _metadata(parsed):
    a = parsed.act
    return (a.title, a.act_type, a.issuer, a.date, a.number, a.registration, a.status,
            a.repealed_by and (a.repealed_by.date, a.repealed_by.number), a.signatory)


@pytest.mark.parametrize("name", NAMES)
def test_same_metadata_without_blank_lines(heads, parsed, name):
    squeezed = [line for line in heads[name] if line.strip()]
    assert _metadata(read_act(clean("\n".join(squeezed)))) == _metadata(parsed(name))


@pytest.mark.parametrize("name", NAMES)
def test_same_reading_with_a_wider_margin(heads, parsed, name):
    shifted = read_act(clean("\n".join("    " + line if line.strip() else line for line in heads[name])))
    assert _metadata(shifted) == _metadata(parsed(name))
    points = [n.label for n in shifted.structure if n.kind == "point"]
    assert points == [n.label for n in parsed(name).structure if n.kind == "point"]
