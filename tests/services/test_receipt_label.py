"""The day an application counts as received (point 7 2): "өтінішті қабылдау күні") must not read
like the case state "accepted" (Оқуға қабылданды / Принят на обучение): the label names the
application, and none of the state's words or its participle appear in it."""

from __future__ import annotations

import pytest

from kzqual.i18n import t

# the words that make a label read like the admission decision
STATE_WORDS = {"kk": ("қабылданды", "қабылданған", "оқуға"), "ru": ("принят", "обучени"),
               "en": ("accepted",)}
APPLICATION = {"kk": "өтініш", "ru": "заявлени", "en": "application"}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_receipt_day_label_is_not_the_accepted_state(lang):
    for key in ("services.receipt_day", "services.receipt.submitted", "services.receipt.received"):
        label = t(key, lang, at="X", day="Y").lower()
        assert APPLICATION[lang] in label, (key, label)
        for word in STATE_WORDS[lang]:
            assert word not in label, (key, word, label)
    state = t("services.state.accepted", lang).lower()
    assert any(w in state for w in STATE_WORDS[lang])  # the check above looks for the right words


def test_cli_case_line_uses_the_receipt_label(run, tmp_path, application):
    import json

    f = tmp_path / "a.json"
    f.write_text(json.dumps(application(1)), encoding="utf-8")
    code, out, err = run("service", "apply", str(f), "--at", "2024-06-10T19:00", "--actor", "t", "--lang", "kk",
                         "--db", str(tmp_path / "r.db"))
    assert code == 0, err
    assert "өтінішті қабылдау күні 2024-06-11" in out and "қабылданған" not in out
