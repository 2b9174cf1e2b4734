"""What kinerja-xl knows of layouts is data (schemas/layouts.yaml): a province teaches it a new
wording without code, a file it cannot use is refused in one line, a slip of the pen is
forgiven."""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml
from conftest import ROOT
from typer.testing import CliRunner

from kinerja_xl.cli import app
from kinerja_xl.knowledge.layouts import ROLES, load_layouts, phrases, read_layouts
from kinerja_xl.knowledge.wordings import WordingError, parse, phrases_of, regex_of
from kinerja_xl.layouts.locate import MAX_HEADER_TEXT, role_of

DOC = (ROOT / "docs" / "layouts.md").read_text(encoding="utf-8")
PLAN = [
    ["RENCANA KINERJA TAHUNAN 2025"],
    [],
    ["No", "Sasaran Strategis", "Ukuran Keberhasilan", "Target Tahun Berjalan"],
    [1, "Meningkatnya partisipasi pemilih", "Persentase partisipasi pemilih", "80%"],
    [None, None, "Indeks Reformasi Birokrasi", "120"],
]


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize(
    ("wording", "matches", "misses"),
    [
        ("sasaran kegiatan", ["sasaran kegiatan"], ["sasaran", "sasaran kegiatan kpu"]),
        ("(no|nomor) [urut]", ["no", "nomor urut"], ["urut", "no no"]),
        ("satuan [target|ukuran]", ["satuan", "satuan ukuran"], ["satuan target ukuran"]),
        ("kode [[dan] (program|kro)]...", ["kode", "kode program dan kro kro"], ["kode dan"]),
        ("target [{year}]", ["target", "target 2025"], ["target 25"]),
        ("*formulasi*", ["formulasi", "reformulasi data"], ["formula"]),
        ("ketua *", ["ketua", "ketua kpu kota", "ketua,"], ["ketuanya"]),
        ("Sasaran/Kegiatan", ["sasaran kegiatan"], ["sasaran/kegiatan"]),
    ],
)
def test_the_notation_of_a_wording(wording, matches, misses):
    pattern = re.compile(regex_of(parse(wording)))
    assert [m for m in matches if pattern.fullmatch(m)] == matches
    assert [m for m in misses if pattern.fullmatch(m)] == []


def test_a_wording_stands_for_its_phrases():
    assert phrases_of(parse("(no|nomor) [urut]")) == {"no", "nomor", "no urut", "nomor urut"}
    assert phrases_of(parse("ketua *")) is None  # '*' stands for too many


@pytest.mark.parametrize(
    ("wording", "problem"),
    [
        ("target [kinerja", "unclosed"),
        ("target kinerja]", "unopened"),
        ("target (kinerja]", "mismatched"),
        ("[kinerja]", "all-optional"),
        ("target ...", "repeat-alone"),
        ("target [|x]", "empty-choice"),
        ("target {tahun}", "unreadable"),
    ],
)
def test_a_wording_that_cannot_be_read_says_why(wording, problem):
    with pytest.raises(WordingError) as caught:
        parse(wording)
    assert caught.value.problem == problem


def test_every_wording_of_a_column_names_it_unless_a_column_before_it_does():
    """'sasaran kegiatan' is a wording of sasaran_strategis too, but sasaran_kegiatan comes
    first and takes it."""
    words = load_layouts()
    assert [role.name for role in words.roles] == list(ROLES)
    seen: list[str] = []
    for role in words.roles:
        named = sorted(p for p in phrases(words, role.name) if len(p) <= MAX_HEADER_TEXT)
        assert role.kinds and named, role.name
        for phrase in named[:: max(1, len(named) // 300)]:
            assert role_of(phrase) in (role.name, *seen), (role.name, phrase)
        seen.append(role.name)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Realisai", "realisasi"),  # a letter left out
        ("Indiaktor Kinerja", "indikator"),  # two swapped
        ("Traget", "target"),
        ("Anggran (Rp)", "anggaran"),
        ("Sumbar", None),  # a word of its own (Sumatera Barat), not a slip of 'sumber'
        ("Triwulanan", None),  # a derivation, not a slip of 'triwulan'
        ("Jumlah data", None),  # short words are never corrected ('dana')
    ],
)
def test_a_slip_in_a_long_header_word_is_forgiven(text, role):
    assert role_of(text) == role


def _copy_of_the_rules(tmp_path, edit=None):
    folder = tmp_path / "aturan-kalsel"
    shutil.copytree(ROOT / "schemas", folder)
    if edit is not None:
        path = folder / "layouts.yaml"
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def _docs_example() -> dict:
    """The YAML a province adds, as docs/layouts.md shows it."""
    blocks = re.findall(r"```yaml\n(.*?)```", DOC, re.DOTALL)
    (added,) = [yaml.safe_load(b) for b in blocks if "wordings" in b]
    return added


def _with_added_wordings(text: str) -> str:
    """Each wording of the docs' example written at the end of its column's list."""
    data = yaml.safe_load(text)
    for role, spec in _docs_example()["columns"].items():
        data["columns"][role]["wordings"].extend(spec["wordings"])
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_a_province_teaches_a_new_wording_without_code(xlsx, tmp_path):
    """The worked example of docs/layouts.md: unknown headings, then the same workbook read
    once the copy of the rules has the two wordings."""
    path = xlsx(PLAN, name="RKT 2025")
    before = run("check", str(path), "--format", "json")
    assert [i["code"] for i in json.loads(before.stdout)["files"][0]["issues"]] == [
        "table-not-found"
    ]
    folder = _copy_of_the_rules(tmp_path, _with_added_wordings)
    after = run("check", str(path), "--format", "json", "--schemas", str(folder))
    (report,) = json.loads(after.stdout)["files"]
    assert [(t["kind"], t["rows"], t["header_row"]) for t in report["tables"]] == [("rkt", 2, 3)]
    # read and checked like any other plan: the index of 120 is out of its range
    assert [(i["code"], i["cell"]) for i in report["issues"]] == [("target-out-of-range", "D5")]
    assert after.exit_code == 1
    inspected = run("inspect", str(path), "--format", "json", "--schemas", str(folder))
    (table,) = json.loads(inspected.stdout)["files"][0]["tables"]
    assert [r["indikator"] for r in table["records"]] == [
        "Persentase partisipasi pemilih",
        "Indeks Reformasi Birokrasi",
    ]
    assert table["records"][0]["target"]["value"] == 80


@pytest.mark.parametrize(
    ("edit", "at", "says"),
    [
        (lambda t: t.replace("columns:", "kolom:", 1), "kolom:", "unknown key 'kolom'"),
        (lambda t: t.replace("  tujuan:", "  tujuann:", 1), "tujuann:", "unknown column 'tujuann'"),
        (
            lambda t: t.replace('["tujuan [strategis]"]', '["tujuan [strategis"]', 1),
            'tujuan [strategis"',
            "the closing ']' is missing",
        ),
        (
            lambda t: t.replace("kinds: [rkt, rkt-sekretariat]\n  cara", "kinds: [rtk]\n  cara"),
            "[rtk]",
            "unknown kind of table 'rtk'",
        ),
        (
            lambda t: t.replace('    wordings: ["sasaran kegiatan"]', "    wording: x"),
            "wording: x",
            "unknown key 'columns.sasaran_kegiatan.wording'",
        ),
        (
            lambda t: re.sub(r"^months: .*$", "months: januari", t, count=1, flags=re.M),
            "months: januari",
            "'months' is not a list",
        ),
    ],
)
def test_a_layouts_file_that_cannot_be_used_is_one_line_and_exit_2(xlsx, tmp_path, edit, at, says):
    folder = _copy_of_the_rules(tmp_path, edit)
    lines = (folder / "layouts.yaml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if at in text)
    path = xlsx(PLAN)
    for command in ("check", "inspect"):
        result = run(command, str(path), "--schemas", str(folder), "--lang", "en")
        assert result.exit_code == 2, result.output
        message = result.stderr.strip()
        assert "\n" not in message and "Traceback" not in message
        assert f"layouts.yaml:{line}: " in message and says in message, message


def test_a_copy_made_before_layouts_yaml_reads_the_packaged_one(xlsx, tmp_path):
    folder = _copy_of_the_rules(tmp_path)
    (folder / "layouts.yaml").unlink()
    path = xlsx([["No", "Sasaran Strategis", "Indikator Kinerja", "Target"], [1, "S", "I", "90%"]])
    result = run("check", str(path), "--format", "json", "--schemas", str(folder))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["files"][0]["tables"][0]["kind"] == "rkt"


def test_the_packaged_file_reads_alone():
    words = read_layouts(ROOT / "schemas" / "layouts.yaml")
    assert words.is_title("rencana kinerja tahunan 2024")
    assert words.is_signature("ketua kpu kota banjarmasin")
    assert words.is_note_label("sumber data")
