"""The README keeps up with the code: every issue code and every command is documented."""

import re

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from kinerja_xl.cli import app
from kinerja_xl.model.issues import CODES

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_issue_code_has_a_line_in_the_readme(code):
    assert re.search(rf"^\| `{re.escape(code)}` \| (error|warning)", README, re.MULTILINE)


def test_readme_opens_with_the_two_setup_commands():
    first_block = README.split("```")[1]
    assert "make demo" in first_block and "make test" in first_block


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example_and_a_readme_line(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert f"kinerja-xl {command}" in README


def test_robustness_doc_lists_every_corpus_case():
    from corpus import CASES

    doc = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    for case in CASES:
        assert f"| `{case.name}` |" in doc, case.name
