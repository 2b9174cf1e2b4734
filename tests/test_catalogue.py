"""One catalogue of words (kinerja_xl/catalogue/): every template renders with exactly its
declared fields in both languages, no module that writes for people holds words of its own,
and --lang en leaves no Indonesian line in any command's output."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from typer.testing import CliRunner

from kinerja_xl.cli import app
from kinerja_xl.model.issues import CODES, Issue
from kinerja_xl.words.catalogue.issues import UNREADABLE_REASONS, WORDS
from kinerja_xl.words.messages import TEXT, render

PACKAGE = ROOT / "kinerja_xl"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_issue_template_uses_exactly_its_declared_fields_in_both_languages(code):
    declared = CODES[code]
    assert declared.id and declared.en and declared.short_id and declared.short_en, code
    for lang in ("id", "en"):
        assert placeholders(declared.template(lang)) == set(declared.fields), (code, lang)


def test_every_template_fills_as_the_plural_aware_formatter_fills_it():
    """`fill` takes str.format's own way for a template with no plural ("{n:line|lines}");
    every template of the catalogue and of the issue codes, in both languages, gives the same
    text either way, with one field a number and the rest texts."""
    from kinerja_xl.words.messages import _WORDS, fill

    templates = [CODES[code].template(lang) for code in CODES for lang in ("id", "en")]
    templates += [entry[lang] for entry in (*TEXT.values(), *WORDS.values()) for lang in entry]
    assert len(templates) > 500
    plain = 0
    for template in templates:
        for first in (1, 2, "x"):
            fields = {name: "x" for name in placeholders(template)}
            fields.update(dict.fromkeys(list(fields)[:1], first))
            assert fill(template, fields) == _WORDS.vformat(template, (), fields), template
        plain += "|" not in template
    assert 0 < plain < len(templates)  # both ways are taken


def test_a_declaration_whose_templates_disagree_is_refused_at_once():
    from kinerja_xl.model.issues import declare

    with pytest.raises(ValueError, match="different fields"):
        declare(
            "test-only-code",
            "error",
            when="never",
            raised_by="nothing",
            id="Nilai {value} salah.",
            en="The value {valeu} is wrong.",
            short_id="salah",
            short_en="wrong",
        )
    assert "test-only-code" not in CODES


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_issue_renders_every_declared_field(code):
    """Rendered with a marker in every declared field, each marker shows in both languages."""
    fields = CODES[code].fields
    markers = {name: f"<{name}>" for name in fields if name not in ("value", "sheet")}
    derived = {"why", "what", "field", "category", "side", "other", "kind", "rule", "reason_text"}
    derived |= {"hint", "uncounted", "candidates"}
    issue = Issue.make(code, "Lembar1", "D7", "<value>", **markers)
    for lang in ("id", "en"):
        text = render(issue, lang)
        for name in set(fields) - derived - {"sheet"}:
            assert f"<{name}>" in text, (code, lang, name)
        assert "{" not in text and "}" not in text


@pytest.mark.parametrize("key", sorted(TEXT))
def test_each_text_has_both_languages_with_the_same_fields(key):
    entry = TEXT[key]
    assert set(entry) == {"id", "en"}, key
    assert placeholders(entry["id"]) == placeholders(entry["en"]), key
    if key.startswith("hint-"):
        assert len(entry["id"]) <= 255 and len(entry["en"]) <= 255  # Excel's limit for a hint


@pytest.mark.parametrize("table", [UNREADABLE_REASONS, WORDS])
def test_the_smaller_tables_have_both_languages(table):
    for key, entry in table.items():
        assert set(entry) >= {"id", "en"} and all(entry.values()), key
        assert placeholders(entry["id"]) == placeholders(entry["en"]), key


# --- no words outside the catalogue ---------------------------------------------------------

# Modules that write for people. (The reading modules hold Indonesian words too, but as the
# vocabulary they recognise in offices' files — header words, titles — never as output.)
WRITERS = [
    "cli.py",
    "outputs/report.py",
    "batch.py",
    "outputs/frames.py",
    "api.py",
    "outputs/markup.py",
    "outputs/carried.py",
    "outputs/printing.py",
    "outputs/xlsx_out.py",
    "outputs/write.py",
    "reading/discover.py",
    "pipeline.py",
    "provincial/consolidation.py",
    "provincial/comparisons.py",
    "checking/crossrow.py",
    "checking/checks.py",
    "checking/validate.py",
    "checking/rulebook.py",
    "provincial/__init__.py",
    "provincial/workbook.py",
    "provincial/context.py",
    "provincial/summary.py",
    "provincial/data.py",
    "provincial/across.py",
    "provincial/tally.py",
    "provincial/results.py",
    "outputs/templates/__init__.py",
    "outputs/templates/guide.py",
    "outputs/templates/validations.py",
    "inbox/__init__.py",
    "inbox/filing.py",
    "inbox/keys.py",
    "inbox/ledger.py",
    "web/edge.py",  # (web/app.py holds the page's own query word '?berkas=', no message)
    "web/pages.py",
    "web/server.py",
    "web/tasks.py",
    "web/views.py",
]
# words of Bahasa Indonesia that only a message would hold
INDONESIAN = re.compile(
    r"\b(tidak|yang|dengan|untuk|belum|sudah|atau|adalah|berkas|salinan|dibaca|ditulis|"
    r"diperiksa|dibuat|halaman|lihat|kesalahan|peringatan|dilewati|gagal|tulis|isi)\b",
    re.IGNORECASE,
)


def string_constants(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    # an issue code's messages are declared with the code, next to its check (the catalogue's
    # entries for that code, in both languages)
    declared = {
        id(constant)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "declare"
        for constant in ast.walk(node)
    }
    # a column's title is the contract's name for it (Indonesian whatever --lang says)
    titles = {
        id(node.args[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "Column"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings | titles | declared
    ]


@pytest.mark.parametrize("module", WRITERS)
def test_no_module_that_writes_for_people_holds_words_of_its_own(module):
    found = [
        (line, text) for line, text in string_constants(PACKAGE / module) if INDONESIAN.search(text)
    ]
    assert found == [], f"{module}: words outside the catalogue: {found}"


def test_every_module_that_writes_is_scanned():
    """A new module under provincial/ or templates/ must be added to WRITERS (or be exempt)."""
    exempt = {
        "outputs/templates/form.py",
        "outputs/templates/sheets.py",
        "provincial/readback.py",  # reads the data sheets' column titles back; writes nothing
    }  # the plan's own printed words
    for folder in ("provincial", "outputs/templates"):
        for path in (PACKAGE / folder).glob("*.py"):
            name = f"{folder}/{path.name}"
            assert name in WRITERS or name in exempt, name


# --- --lang en ----------------------------------------------------------------------------


def english_lines(text: str) -> list[str]:
    """Lines with what an office wrote taken out: quoted values and indicators, file paths and
    office names are the offices' words, not ours."""
    lines = []
    for line in text.splitlines():
        line = re.sub(r"'[^']*'|\"[^\"]*\"|“[^”]*”", "", line)
        line = re.sub(r"\S*sample_workbooks\S*|\S*/tmp\S*|\S+\.xlsx?\b|\S+\.ods\b", "", line)
        line = re.sub(r"\bKPU (Kota|Kabupaten) [A-Z][\w ]*", "", line)
        lines.append(line)
    return lines


@pytest.mark.parametrize(
    "arguments",
    [
        ["check", str(SAMPLES)],
        ["check", str(SAMPLES), "--format", "json"],
        ["check", str(SAMPLES / "faulty"), "--annotate", "{tmp}/salinan"],
        ["inspect", str(SAMPLES / "faulty" / "KPU Kabupaten Balangan - RKT 2024.xlsx")],
        ["inspect", str(SAMPLES / "faulty" / "KPU Kabupaten Barito Kuala - RKT 2024.xlsx")],
        ["consolidate", str(SAMPLES), "-o", "{tmp}/k.xlsx", "--province", "Kalimantan Selatan"],
        ["consolidate", str(SAMPLES), "-o", "{tmp}"],
        ["template", "iku", "-o", "{tmp}/t.xlsx"],
        ["check", "{tmp}/tidak-ada.xlsx"],
        ["token", "{tmp}", "--office", "KPU Kota Banjarmasin"],
        ["token", "{tmp}", "--office", "Antah Berantah"],
    ],
)
def test_lang_en_leaves_no_indonesian_line(tmp_path, arguments):
    result = CliRunner().invoke(
        app, [a.replace("{tmp}", str(tmp_path)) for a in arguments] + ["--lang", "en"]
    )
    output = result.stdout + result.stderr
    if "--format" in arguments:
        import json

        output = "\n".join(
            i["message"] for f in json.loads(result.stdout)["files"] for i in f["issues"]
        )
    leftovers = [line for line in english_lines(output) if INDONESIAN.search(line)]
    assert leftovers == [], leftovers


def test_a_message_quotes_a_long_cell_text_cut_short():
    """An office's 20,000-letter cell is named by its cell; the message quotes its start."""
    long_text = "Persentase " + "sangat " * 3000
    issue = Issue.make("target-unparseable", "RKT", "D7", long_text, indicator=long_text)
    for lang in ("id", "en"):
        text = render(issue, lang)
        assert len(text) < 700 and "Persentase sangat" in text and "…" in text
    # the JSON repeats the cell's first 1,000 letters (the cell holds it all): 30,000 issues of a
    # 30,000-letter text were 900 MB of JSON (issue 20, item 4)
    assert issue.to_dict()["value"] == long_text[:1000] + "…"
