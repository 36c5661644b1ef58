"""The Markdown reader's fast inline path (issue 11's corpus ingest speed) gives exactly what
markdown-it's inline rules give: same clean lines, same anchors — on the corpus's own line forms
and on generated lines mixing every markup character the fast path accepts or refuses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kzqual.text import markdown as M

_PIECES = ["*", "**", "***", "_", "__", "___", " ", "  ", "а", "Утверждены", "1\\.", "2\\)", "\\-", "«", "»", ".",
           "-", "x", '<a id="p7"></a>', '<a id="an0_p1"></a>', "&quot;", "!", "[", "`", "(", ")", '"', "20"]


def _both(content: str):
    """(fast, markdown-it) clean lines and anchors of one inline run."""
    md = M._parser()

    class Tok:
        map = [0, 1]

    tok = Tok()
    tok.content = content
    fast = M._Out()
    M._inline(fast, md, tok, "p")
    slow = M._Out()
    saved = M._simple_line
    M._simple_line = lambda line: None  # force markdown-it
    try:
        M._inline(slow, md, tok, "p")
    finally:
        M._simple_line = saved
    view = lambda o: ([(c.text, c.raw_start) for c in o.lines], o.anchors)  # noqa: E731
    return view(fast), view(slow)


def test_corpus_line_forms():
    for content in [
        "*Утверждены*  \n*приказом Министра юстиции*  \n*от 28 октября 2004 года N 316*",  # 21895 rus.md 25-28
        '<a id="p1"></a>\n1\\. Утвердить прилагаемые Правила',
        "**Министр юстиции Республики Казахстан**",  # 96763 rus.md 21
        "*______________ Т. Дүйсенова*  \n*«___» _____________ 2015 жыл*",  # 96763 kaz.md 28-29
        '20__ жылғы "___" _________',
        "*Сноска. Пункт 2 с изменениями - приказом Министра юстиции РК от 4 ноября 2004 года N 325 .*",
    ]:
        fast, slow = _both(content)
        assert fast == slow, content


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8).map("".join), min_size=1, max_size=3))
def test_generated_lines(lines):
    content = "\n".join(x.strip() or "а" for x in lines)
    fast, slow = _both(content)
    assert fast == slow
