from kzqual.text import clean


def test_clean_keeps_provenance():
    ct = clean("a\n\n\nБ Ұ Й Ы Р А М Ы Н\n")
    assert [l.text for l in ct.lines] == ["a", "БҰЙЫРАМЫН"]
    assert ct.lines[1].raw_start == 4 and ct.lines[1].after_gap
