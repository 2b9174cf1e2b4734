"""The same plan reads to the same records however its office lays it out: its columns
shuffled, blank columns put between them, its headings replaced by other wordings of
schemas/layouts.yaml, its header printed over two lines."""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from kinerja_xl.knowledge.layouts import load_layouts, phrases
from kinerja_xl.layouts.locate import role_of
from kinerja_xl.pipeline import inspect_file

ROLES = ("no", "sasaran_strategis", "indikator", "target", "satuan")
HEADINGS = {
    "no": "No",
    "sasaran_strategis": "Sasaran Strategis",
    "indikator": "Indikator Kinerja",
    "target": "Target",
    "satuan": "Satuan",
}
ROWS = [
    {
        "no": "1",
        "sasaran_strategis": "Terwujudnya pemilih yang berdaulat",
        "indikator": "Persentase partisipasi pemilih",
        "target": 80,
        "satuan": "%",
    },
    {
        "no": "2",
        "sasaran_strategis": "Terwujudnya tata kelola yang akuntabel",
        "indikator": "Nilai Akuntabilitas Kinerja",
        "target": "BB",
        "satuan": "Predikat",
    },
    {
        "no": "3",
        "sasaran_strategis": "Terwujudnya layanan yang tepat waktu",
        "indikator": "Jumlah laporan keuangan yang disusun tepat waktu",
        "target": 12,
        "satuan": "Laporan",
    },
]


def synonyms(role: str) -> list[str]:
    """The wordings of a column that name it (and no column before it), short enough to be a
    header, in a fixed order."""
    words = load_layouts()
    found = [p for p in phrases(words, role, limit=20_000) if len(p) <= 40]
    return sorted(p for p in found if role_of(p) == role)[:400]


SYNONYMS = {role: synonyms(role) for role in ROLES}


def write(layout: list[str | None], headings: dict[str, str], two_lines: bool) -> Path:
    """The plan with its columns in `layout` order (None: a blank column)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "RKT"
    sheet["A1"] = "RENCANA KINERJA TAHUNAN 2024"
    top = 3
    for index, role in enumerate(layout, start=1):
        if role is None:
            continue
        letter = get_column_letter(index)
        if two_lines and role in ("target", "satuan"):
            sheet.cell(top + 1, index, headings[role])
        else:
            sheet.cell(top, index, headings[role])
            if two_lines:
                sheet.merge_cells(f"{letter}{top}:{letter}{top + 1}")
    if two_lines:  # "KINERJA" over Target | Satuan, wherever they stand
        columns = [i for i, role in enumerate(layout, start=1) if role in ("target", "satuan")]
        for col in columns:
            sheet.cell(top, col, "KINERJA") if col == columns[0] else None
        if columns == list(range(columns[0], columns[0] + len(columns))) and len(columns) > 1:
            sheet.merge_cells(
                f"{get_column_letter(columns[0])}{top}:{get_column_letter(columns[-1])}{top}"
            )
        else:
            for col in columns[1:]:
                sheet.cell(top, col, "KINERJA")
    first = top + (2 if two_lines else 1)
    for offset, values in enumerate(ROWS):
        for index, role in enumerate(layout, start=1):
            if role is not None:
                sheet.cell(first + offset, index, values[role])
    path = Path(tempfile.mkdtemp(prefix="layout-property-")) / "KPU Kota Banjarmasin - RKT.xlsx"
    book.save(path)
    return path


def read(path: Path) -> list[tuple]:
    report = inspect_file(path)
    assert [t.kind for t in report.tables] == ["rkt"], [i.code for i in report.issues]
    (table,) = report.tables
    return [
        (
            r.number,
            r.get("sasaran"),
            r.get("indikator"),
            r.target.value if r.target else None,
            r.target.unit if r.target else None,
            r.get("satuan"),
        )
        for r in table.records
    ]


EXPECTED = [
    ("1", ROWS[0]["sasaran_strategis"], ROWS[0]["indikator"], 80, "persen", "%"),
    ("2", ROWS[1]["sasaran_strategis"], ROWS[1]["indikator"], "BB", "predikat", "Predikat"),
    ("3", ROWS[2]["sasaran_strategis"], ROWS[2]["indikator"], 12, "angka", "Laporan"),
]
FAST = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def test_the_plan_as_written_reads_to_its_records():
    assert read(write(list(ROLES), HEADINGS, two_lines=False)) == EXPECTED


@FAST
@given(st.permutations(ROLES))
def test_columns_in_any_order(order):
    assert read(write(list(order), HEADINGS, two_lines=False)) == EXPECTED


@FAST
@given(st.lists(st.integers(0, len(ROLES)), max_size=4))
def test_blank_columns_anywhere(blanks):
    layout: list[str | None] = list(ROLES)
    for position in sorted(blanks, reverse=True):
        layout.insert(position, None)
    assert read(write(layout, HEADINGS, two_lines=False)) == EXPECTED


@FAST
@given(st.fixed_dictionaries({role: st.sampled_from(SYNONYMS[role]) for role in ROLES}))
def test_headings_in_any_wording_of_the_vocabulary(wordings):
    headings = {
        role: text.upper() if len(text) % 2 else text.title() for role, text in wordings.items()
    }
    assert read(write(list(ROLES), headings, two_lines=False)) == EXPECTED


@FAST
@given(st.permutations(ROLES), st.booleans())
def test_a_header_over_two_lines(order, blank_between):
    layout: list[str | None] = list(order)
    if blank_between:
        layout.insert(2, None)
    assert read(write(layout, HEADINGS, two_lines=True)) == EXPECTED
