import pytest

from kinerja_xl.knowledge.registry import load_registry
from kinerja_xl.layouts.offices import year_from_texts

REGISTRY = load_registry()


def office_from_texts(texts):
    match = REGISTRY.match_texts(texts)
    return (match.label, match.code) if match and match.label else None


def office_from_filename(stem):
    match = REGISTRY.match_file_name(stem)
    return (match.label, match.code) if match and match.label else None


@pytest.mark.parametrize(
    ("texts", "office", "code"),
    [
        (["KOMISI PEMILIHAN UMUM KOTA BANJARMASIN"], "KPU Kota Banjarmasin", "63.71"),
        (["Nama / Unit Organisasi : KPU Kota Banjarbaru"], "KPU Kota Banjarbaru", "63.72"),
        (["KETUA KPU KOTA BANJAR BARU"], "KPU Kota Banjarbaru", "63.72"),
        (["RENCANA KINERJA TAHUN 2024 KPU KABUPATEN KOTA BARU"], "KPU Kabupaten Kotabaru", "63.02"),
        (["SEKRETARIAT KPU KOTA BARU"], "KPU Kabupaten Kotabaru", "63.02"),
        (["KPU Kab. Hulu Sungai Selatan"], "KPU Kabupaten Hulu Sungai Selatan", "63.06"),
        (["KOMISI PEMILIHAN UMUM KABUPATEN BANJAR"], "KPU Kabupaten Banjar", "63.03"),
        # an indicator that speaks of offices in general names none of them
        (
            ["Persentase KPU Kabupaten/Kota yang mampu", "KPU KABUPATEN TAPIN"],
            "KPU Kabupaten Tapin",
            "63.05",
        ),
        (["KOMISI PEMILIHAN UMUM KOTA SAMARINDA"], "KPU Kota Samarinda", "64.72"),
        (["KOMISI PEMILIHAN UMUM KOTA ATLANTIS"], "KPU Kota Atlantis", None),
        # a known office named right after KPU, without Kabupaten/Kota
        (["RENCANA KINERJA KPU BALANGAN"], "KPU Kabupaten Balangan", "63.11"),
        (["Ketua KPU HSS"], "KPU Kabupaten Hulu Sungai Selatan", "63.06"),
        (["KPU Provinsi Kalimantan Selatan", "KPU Tanbu"], "KPU Kabupaten Tanah Bumbu", "63.10"),
    ],
)
def test_office_from_titles_identity_and_signature_lines(texts, office, code):
    assert office_from_texts(texts) == (office, code)


def test_an_unknown_name_after_kpu_without_a_type_names_no_office():
    assert office_from_texts(["Ketua KPU Atlantis"]) is None
    # KPU RI is an office of the registry, named only where nothing more local is
    assert office_from_texts(["Sekretaris KPU RI", "KPU Pusat"]) == ("KPU RI", "00")


@pytest.mark.parametrize(
    ("stem", "office"),
    [
        ("KPU Kota Banjarmasin - RKT 2024", "KPU Kota Banjarmasin"),
        ("RKT_2024_Tapin", "KPU Kabupaten Tapin"),
        ("iku hss 2024", "KPU Kabupaten Hulu Sungai Selatan"),
        ("rkt_tanah_bumbu", "KPU Kabupaten Tanah Bumbu"),
        ("RKT KPU Bjm 2024", "KPU Kota Banjarmasin"),  # the cities' usual abbreviations
        ("rkt_bjb_2025", "KPU Kota Banjarbaru"),
        ("IKU Batola 2025", "KPU Kabupaten Barito Kuala"),
    ],
)
def test_office_from_file_name(stem, office):
    assert office_from_filename(stem)[0] == office


@pytest.mark.parametrize(
    ("texts", "year"),
    [
        (["RENCANA KINERJA TAHUN 2024"], 2024),
        (["Banjarbaru, 2 Januari 2025"], 2025),
        (["INDIKATOR KINERJA UTAMA", "Tahun Anggaran 2026"], 2026),
        (["tanpa tahun"], None),
        # a letter's number is the year it was written, not the plan's
        (["Nomor: 12/PL.01/2024", "KPU Kabupaten Tapin - RKT 2025"], 2025),
        (["Nomor: 12/PL.01/2024"], 2024),
        (["RENCANA STRATEGIS 2025-2029"], 2025),
    ],
)
def test_year(texts, year):
    assert year_from_texts(texts) == year


def test_year_after_ta():
    assert year_from_texts(["RENCANA KINERJA T.A. 2025"]) == 2025
    assert year_from_texts(["RKT TA 2026"]) == 2026


def test_office_and_year_from_sheet_names_when_titles_and_file_name_are_silent(tmp_path):
    from conftest import build_xlsx
    from typer.testing import CliRunner

    from kinerja_xl.cli import app
    from kinerja_xl.pipeline import inspect_file

    rows = [
        ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Formulasi", "Sumber Data"]
        + ["Target"],
        ["1", "Meningkatnya partisipasi", "Persentase Partisipasi Pemilih", "a / b x 100%"]
        + ["KPU", "80%"],
    ]
    named = build_xlsx(tmp_path / "iku.xlsx", {"IKU Tanah Bumbu 2025": rows})
    report = inspect_file(named)
    assert (report.office, report.office_code, report.year) == (
        "KPU Kabupaten Tanah Bumbu",
        "63.10",
        2025,
    )
    silent = build_xlsx(tmp_path / "data.xlsx", {"IKU 2025": rows})
    report = inspect_file(silent)
    assert (report.office, report.year) == (None, 2025)
    # the check says whose file it cannot tell, and how to fix it
    result = CliRunner().invoke(app, ["check", str(silent)])
    first = result.output.splitlines()[0]
    assert first.endswith(
        "(2025; satker tidak dikenali: tulis namanya di judul, mis. 'KPU Kabupaten Tapin')"
    )
