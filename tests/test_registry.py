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


def test_documents_owed_name_only_known_documents():
    kiriman = yaml.safe_load((SCHEMAS / "kiriman.yaml").read_text(encoding="utf-8"))
    assert kiriman["owed"] == ["RKT KPU", "RKT Sekretariat", "IKU", "Anggaran"]
    assert set(kiriman["owed"]) <= set(kiriman["documents"])
    assert {"PK", "Rencana Aksi", "LKj"} <= set(kiriman["documents"])
