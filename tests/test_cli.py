"""The command line: help everywhere, every command documented in the README."""

import pytest
from click.testing import CliRunner

from sahel_events.cli import main

COMMANDS = sorted(main.commands)


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert "sahel-events" in result.output


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help(command, flag):
    result = CliRunner().invoke(main, [command, flag])
    assert result.exit_code == 0
    assert result.output.startswith("Usage:")
    assert main.commands[command].help


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_documented_in_readme(repo, command):
    assert f"sahel-events {command}" in (repo / "README.md").read_text(encoding="utf-8")
