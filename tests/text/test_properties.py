"""Property-based tests: clean() never breaks and never loses provenance."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzqual.errors import InputError
from kzqual.text import clean, clean_bytes, paragraphs, restore_displaced
from kzqual.text.lookalike import LATIN_TO_CYRILLIC

ALPHABET = (
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
    "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯӘҒҚҢӨҰҮҺІ"
    "aceopxyikABCEHIKMOPTXYRw"
    "0123456789 .,;:!?()«»\"'-–_/№©\n\t\r"
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _letters(s: str) -> str:
    return "".join(LATIN_TO_CYRILLIC.get(c, c) for c in s if not c.isspace())


def _check(ct) -> None:
    prev = 0
    refilled = {r.line for r in ct.repairs if r.kind == "hyperlink_refilled"}
    for line in ct.lines:
        assert 1 <= line.raw_start <= line.raw_end <= len(ct.raw_lines)
        assert line.raw_start > prev
        prev = line.raw_end
        assert line.text and line.text == line.text.strip()
        # Repairs only remove spaces and swap Latin look-alikes: the letters are the raw ones;
        # a refilled hyperlink gap moves a fragment within its line, so there only the multiset.
        clean_letters = _letters(line.text)
        raw_letters = _letters(ct.raw_text(line.raw_start, line.raw_end))
        if line.raw_start in refilled:
            assert sorted(clean_letters) == sorted(raw_letters)
        else:
            assert clean_letters == raw_letters
    ends = 0
    ps = paragraphs(ct)
    for p in ps:
        assert p.raw_start > ends and p.raw_end >= p.raw_start
        ends = p.raw_end
    out, repairs, warnings = restore_displaced(ps)
    assert [(p.raw_start, p.raw_end) for p in out] == [(p.raw_start, p.raw_end) for p in ps]


@SETTINGS
@given(st.text(alphabet=ALPHABET, max_size=400))
def test_clean_arbitrary_text(text):
    _check(clean(text))


@SETTINGS
@given(st.text(max_size=200))
def test_clean_any_unicode(text):
    _check(clean(text))


@SETTINGS
@given(st.binary(max_size=300))
def test_clean_bytes_only_input_error(data):
    try:
        ct = clean_bytes(data, source="fuzz.bin")
    except InputError as e:
        assert "fuzz.bin" in str(e)
        return
    _check(ct)


def _seed_lines(act_path, name):
    return act_path(name).read_text(encoding="utf-8").split("\n")


@st.composite
def mutated_excerpt(draw, lines_by_act):
    lines = draw(st.sampled_from(lines_by_act))
    start = draw(st.integers(0, max(0, len(lines) - 40)))
    chunk = list(lines[start : start + 40])
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["delete", "insert", "duplicate", "spaces", "swap", "blank"]))
        if not chunk:
            break
        i = draw(st.integers(0, len(chunk) - 1))
        if op == "delete":
            del chunk[i]
        elif op == "insert":
            chunk.insert(i, draw(st.text(alphabet=ALPHABET, max_size=60)))
        elif op == "duplicate":
            chunk.insert(i, chunk[i])
        elif op == "blank":
            chunk[i:i] = [""] * draw(st.integers(1, 5))
        elif op == "spaces":
            # letter-space a line, or inject runs of spaces
            line = chunk[i]
            chunk[i] = " ".join(line) if draw(st.booleans()) else line.replace(" ", "   ")
        elif op == "swap":
            swap = {"і": "i", "с": "c", "о": "o", "С": "C", "Р": "P", "а": "a", "е": "e"}
            swap.update({v: k for k, v in swap.items()})
            chunk[i] = "".join(swap.get(c, c) if draw(st.booleans()) else c for c in chunk[i][:80])
    return "\n".join(chunk)


def test_clean_mutated_seed_excerpts(act_path):
    lines_by_act = [_seed_lines(act_path, n) for n in ("mes_161_kk", "ara_9_kk", "mod_134_ru", "mod_674_kk")]

    @SETTINGS
    @given(mutated_excerpt(lines_by_act))
    def run(text):
        _check(clean(text))

    run()


@SETTINGS
@given(st.lists(st.text(alphabet=ALPHABET, max_size=40), max_size=8), st.sets(st.text(alphabet="абвгдеіңқ", min_size=1, max_size=6), max_size=20))
def test_join_text_only_moves_spaces_and_hyphens(parts, vocab):
    from kzqual.text import join_text

    squash = lambda s: "".join(c for c in s if not c.isspace())  # noqa: E731
    joined = join_text(parts)
    assert squash(joined) == squash("".join(parts))
    with_vocab = join_text(parts, vocabulary=vocab)
    assert squash(with_vocab).replace("-", "") == squash("".join(parts)).replace("-", "")


@given(st.text(alphabet=ALPHABET + "\x0b\x0c\u00a0\u2028", max_size=300))
@settings(max_examples=200, deadline=None)
def test_whole_text_spacing_check_misses_no_line(text):
    # clean() runs the letter-spacing pre-check once over the whole text; every line the
    # per-line check would accept must be among its candidates (else a repair is lost)
    import sys

    from kzqual.text.spacing import _CANDIDATE

    candidates = sys.modules["kzqual.text.clean"]._spacing_candidates(text)
    for n, line in enumerate(text.split("\n"), start=1):
        if _CANDIDATE.search(line.rstrip()):
            assert n in candidates, (n, line)
