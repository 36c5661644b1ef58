"""One language rule for every command: ``--lang``, else ``KZQUAL_LANG``, else ``DEFAULT_LANG``."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kzqual.cli import app
from kzqual.commands.lang import cli_lang
from kzqual.i18n import DEFAULT_LANG


def test_cli_lang_precedence(monkeypatch):
    monkeypatch.delenv("KZQUAL_LANG", raising=False)
    assert cli_lang() == DEFAULT_LANG == "kk"
    monkeypatch.setenv("KZQUAL_LANG", "ru")
    assert cli_lang() == "ru"
    assert cli_lang("en") == "en"  # the option wins over the environment
    monkeypatch.setenv("KZQUAL_LANG", "xx")
    assert cli_lang() == DEFAULT_LANG  # an unknown value is ignored, not half-applied
    monkeypatch.setenv("KZQUAL_LANG", " EN ")
    assert cli_lang() == "en"


def _out(args: list[str], lang: str | None) -> str:
    # env value None removes the variable for the run, so the default is what is tested.
    result = CliRunner().invoke(app, args, env={"KZQUAL_LANG": lang})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", ["parse", "service"])
def test_commands_share_the_default(act_path, command):
    args = {"parse": ["parse", str(act_path("mes_161_kk"))], "service": ["service", "standard"]}[command]
    unset = _out(args, None)
    assert unset == _out(args, "kk")  # without KZQUAL_LANG: the catalogue default, for both commands
    assert unset != _out(args, "en")  # and the labels really depend on it
    if command == "parse":
        assert "Тармақ 1" in unset and "Point 1" not in unset


def test_service_option_beats_environment():
    assert _out(["service", "standard", "--lang", "en"], "ru") == _out(["service", "standard"], "en")
