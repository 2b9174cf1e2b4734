"""The README keeps up with the code: every issue code and every command is documented."""

import ast
import importlib
import importlib.util
import re
import subprocess
import sys

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


def _make_reference():
    spec = importlib.util.spec_from_file_location(
        "make_reference", ROOT / "docs" / "make_reference.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_code_table_is_the_declarations():
    """The table is written from the declarations: a code added, renamed or reworded without
    running docs/make_reference.py fails here."""
    assert _make_reference().main(["--check"]) == 0


def test_a_drifted_code_table_is_caught(tmp_path, monkeypatch):
    reference = _make_reference()
    pages = reference.pages()
    readme = ROOT / "README.md"
    drifted = pages[readme].replace(
        "| `budget-negative` | error |", "| `budget-negative` | warning |"
    )
    assert drifted != pages[readme]
    copy = tmp_path / "README.md"
    copy.write_text(drifted, encoding="utf-8")
    monkeypatch.setattr(reference, "pages", lambda: {copy: pages[readme]})
    assert reference.main(["--check"]) == 1


def _declaring_modules() -> set[str]:
    """Modules of the package that call declare(...) at their top level."""
    found = set()
    package = ROOT / "kinerja_xl"
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            call = getattr(node, "value", None)
            if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "declare":
                parts = path.relative_to(package).with_suffix("").parts
                found.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
                break
    return found


def test_every_module_that_declares_a_code_is_named_for_the_registry():
    import kinerja_xl

    assert _declaring_modules() == set(kinerja_xl.DECLARING_MODULES)


def test_every_code_names_checks_that_exist_next_to_it():
    for declared in CODES.values():
        module = importlib.import_module(declared.module)
        for name in declared.raised_by:
            where, _, function = name.rpartition(".")
            owner = importlib.import_module(f"kinerja_xl.{where}") if where else module
            assert callable(getattr(owner, function, None)), (declared.code, name)


def test_every_code_is_known_whichever_module_is_imported_first():
    """The registry completes itself: a program that imports only the rules still knows the
    codes declared in the pipeline and the consolidation (the rules may name any of them)."""
    script = (
        "from kinerja_xl.model.issues import CODES\n"
        "import sys\n"
        "print(len(CODES), 'duplicate-submission' in CODES, 'pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(len(CODES)), "True", "False"]


DOCS = ROOT / "docs"
COMMANDS_DOC = (DOCS / "commands.md").read_text(encoding="utf-8")


def test_the_readme_is_what_a_newcomer_needs_first():
    """The two commands, what kinerja-xl is for, the three ways in each with one picture, the
    commands, where to read on; the rest is in docs/."""
    assert len(README.splitlines()) < 200
    ways = README.split("## Three ways in", 1)[1].split("## Commands", 1)[0]
    pictures = re.findall(r"!\[[^\]]*\]\((docs/img/[^)]+)\)", ways)
    assert len(pictures) == 3 and all((ROOT / p).exists() for p in pictures)
    for page in ("commands", "outputs", "reading", "rules", "robustness", "speed", "python-api"):
        assert f"(docs/{page}.md)" in README, page


def test_every_link_and_picture_of_the_docs_is_there():
    for page in [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted(DOCS.glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
            assert (page.parent / target).exists(), (page.name, target)


def test_the_readme_python_example_runs(tmp_path, monkeypatch):
    import shutil

    from conftest import SAMPLES

    shutil.copytree(SAMPLES, tmp_path / "kiriman", ignore=shutil.ignore_patterns("*.py"))
    monkeypatch.chdir(tmp_path)
    (block,) = re.findall(r"```python\n(.*?)```", README, re.S)
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 (our own documentation)
    assert namespace["batch"].files and (tmp_path / "Konsolidasi.xlsx").exists()
    assert set(namespace["frames"]) == {"rkt", "iku", "anggaran"}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_commands_page(command):
    assert f"kinerja-xl {command}" in COMMANDS_DOC


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
