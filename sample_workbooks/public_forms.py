"""Samples of layouts nobody here has shown us, built from public official forms, each with its
ground truth: the targets the reader must hit (benchmarks/layout_score.py measures it).

    python sample_workbooks/public_forms.py OUT_DIR            # the workbooks and OUT_DIR/truth.json
    python sample_workbooks/public_forms.py OUT_DIR --update   # also rewrite public_forms.truth.json

The workbooks are not in sample_workbooks/ (the end-to-end tests read every file there, and
these are layouts the reader does not handle yet); the truth is, beside this file, in
public_forms.truth.json, and a test checks that it is what this generator writes.

What each sample follows (the form's columns, header rows, numbering and signature blocks;
the figures are illustrative, the indicators are KPU's own, from the seed plans and KPU
offices' published PK and LKj):

| sample | form | sources |
| --- | --- | --- |
| KPU Kota Surabaya - Evaluasi Renja 2024 | Permendagri 86/2017, evaluation of a Renja's results (form E.81, kabupaten/kota): K and Rp for the Renstra target, last year, this year, each quarter I-IV, then "13=9+10+11+12", "14=7+13", "15=14/6x100" | permendagri-86-2017, e81-instructions, renja-evaluation-barru, renja-evaluation-export, renja-evaluation-bandung |
| KIP Kabupaten Aceh Besar - LKj 2024 | PermenPANRB 53/2014, Lampiran III, Bab III of the Laporan Kinerja: this year's target, realisasi and capaian beside past years' realisasi | permenpanrb-53-2014, lkj-kpu-sarolangun-2019, lkj-kpu-kaltim-2020 |
| KPU Provinsi DKI Jakarta - Renstra 2020-2024 | PermenPPN 5/2019, Matriks Kinerja dan Pendanaan of a Renstra K/L: Target for five years beside Alokasi (dalam juta rupiah) | permenppn-5-2019, renstra-matrix-sumedang |
| KPU Kabupaten Jayawijaya - RKA-KL 2025 | the RKA-K/L's Rincian Kertas Kerja Satker as SAKTI prints and exports it | rkk-sakti-print, rkk-sakti-import |
| KPU Kabupaten Sidoarjo - Rekap Capaian Kinerja 2024 | an e-SAKIP application's Excel export | esakip-rekap-capaian-export, esakip-rekap-capaian-view |
| KPU Kota Jakarta Timur - PK dan Rencana Aksi 2024 | PermenPANRB 53/2014, Lampiran I (Perjanjian Kinerja), and its Rencana Aksi by quarter | permenpanrb-53-2014, pk-kpu-ponorogo-2020, esakip-target-triwulan |
| KPU Kabupaten Malang - Rincian Pagu 2024 | a DIPA's pagu per program, kegiatan, KRO, RO with a sub-total at every level | rkk-sakti-print, kpu-juknis-dipa-2023 |
| KPU Provinsi Jawa Timur - RKT 2025 | an RKT whose targets carry their unit ("90 %", "38 Kab/Kota") | permenpanrb-53-2014, lkj-kpu-kaltim-2020 |
| BPS Kabupaten Tapin - PK 2024 | the PK form as another agency (the statistics office) fills it | permenpanrb-53-2014, bps-pok-sakti |
| KPU Kota Malang - Cascading Kinerja 2024 | a cascading matrix (Sasaran Strategis, Program, Kegiatan) | permenpanrb-53-2014, cascading-matrix |
| KIP Aceh - IKU 2025-2029 | an IKU with its formula, source, baseline and five years | permenpan-09-2007, permenpanrb-53-2014 |

The sources, as found (copies of the regulations; public code of e-SAKIP and budget applications
that print or export these forms):
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from public_forms_book import Book, meaning  # noqa: E402
from public_forms_budgets import jayawijaya_kertas_kerja, kabupaten_malang_pagu  # noqa: E402
from public_forms_esakip import sidoarjo_esakip_export  # noqa: E402
from public_forms_plans import dki_renstra, jakarta_timur_pk_rencana_aksi, jatim_rkt_units  # noqa: E402
from public_forms_relatives import bps_tapin_pk, kip_aceh_iku, malang_cascading  # noqa: E402
from public_forms_reports import aceh_besar_lkj, surabaya_renja_evaluation  # noqa: E402

TRUTH = HERE / "public_forms.truth.json"

SOURCES = {
    "permendagri-86-2017": (
        "Permendagri 86/2017 (perencanaan, pengendalian dan evaluasi pembangunan daerah), a copy",
        "https://dokumen.tips/documents/menteri-dalam-negeri-republik-indonesia-peraturan-daerah-rpjpd-dan-rpjmd-untuk.html",
    ),
    "e81-instructions": (
        "Petunjuk pengisian Formulir E.81 (evaluasi hasil Renja Perangkat Daerah kab/kota)",
        "https://pdfcoffee.com/petunjuk-pengisian-formulir-e-81-pdf-free.html",
    ),
    "renja-evaluation-barru": (
        "Formulir evaluasi hasil Renja PD Kabupaten Barru 2017",
        "https://docplayer.info/amp/70519165-Formulir-evaluasi-hasil-renja-pd-kabupaten-barru-perangkat-daerah-periode-pelaksanaan-tahun-2017-sampai-dengan-semester-i-kab.html",
    ),
    "renja-evaluation-export": (
        "A public e-planning application's PhpSpreadsheet export of the evaluation (Kabupaten "
        "Enrekang): headers in rows 5-6, numbering '13=9+10+11+12' in row 7, K | Rp in row 8",
        "GitHub code search: \"'13=9+10+11+12'\" (setCellValue('T7', '13=9+10+11+12'))",
    ),
    "renja-evaluation-bandung": (
        "The same evaluation as printed by a Kota Bandung application (K | Rp per quarter)",
        "https://github.com/ariefs66/sira_hibah_v4/blob/master/resources/views/monev/pdf.blade.php",
    ),
    "permenpanrb-53-2014": (
        "PermenPANRB 53/2014 (juknis Perjanjian Kinerja, Pelaporan Kinerja, reviu LKj), a copy",
        "https://id.scribd.com/document/648092435/permenpan2014-053-1-tentang-Petunjuk-Teknis-Penilaian-Kinerja",
    ),
    "lkj-kpu-sarolangun-2019": (
        "Laporan Kinerja KPU Kabupaten Sarolangun 2019 (Target % | Realisasi % | Capaian %)",
        "https://vdokumen.com/ringkasan-eksekutif-kpu.html",
    ),
    "lkj-kpu-kaltim-2020": (
        "LKj Sekretariat KPU Provinsi Kalimantan Timur 2020 (targets such as '2 Lap', '11 Lap')",
        "https://id.scribd.com/document/623083319/Lkj-2020-Kaltim-Sekretariat",
    ),
    "pk-kpu-ponorogo-2020": (
        "Perjanjian Kinerja KPU Kabupaten Ponorogo 2020 (Sasaran Strategis | Indikator | Target)",
        "https://123dok.com/document/yd82eejq-komisi-pemilihan-umum-kabupaten-ponorogo.html",
    ),
    "permenppn-5-2019": (
        "PermenPPN/Kepala Bappenas 5/2019 (tata cara penyusunan Renstra K/L 2020-2024), a copy",
        "https://id.scribd.com/document/423618072/Peraturan-Menteri-PPN-Nomor-5-Tahun-2019-pdf",
    ),
    "renstra-matrix-sumedang": (
        "A Renstra matrix printed by Kabupaten Sumedang's application: 'Capaian Kinerja dan "
        "Kerangka Pendanaan', Target | Rp per year",
        "https://github.com/andreperiozaherpa/indigo/blob/master/application/views/admin/sicerdas/renstra/laporan/24.php",
    ),
    "rkk-sakti-print": (
        "Rincian Kertas Kerja Satker as a budget application prints it: KODE | PROGRAM/ "
        "KEGIATAN/ KRO/ RO/ KOMPONEN/ SUBKOMP/ DETIL | PERHITUNGAN TAHUN (VOLUME | HARGA "
        "SATUAN | JUMLAH BIAYA) | SD/CP, numbered (1)-(6)",
        'GitHub code search: "RINCIAN KERTAS KERJA SATKER T.A" (Blade view)',
    ),
    "rkk-sakti-import": (
        "An importer of the SAKTI 'Rincian Kertas Kerja Satker' Excel export: codes in column "
        "A by level, uraian in D-F, volume G, harga satuan H, jumlah biaya J, SD/CP K-O, "
        "'Lokasi :' and '>' group lines",
        'GitHub code search: "Pastikan file Excel merupakan Rincian Kertas Kerja Satker SAKTI"',
    ),
    "kpu-juknis-dipa-2023": (
        "Keputusan KPU 87/2023, juknis program dan kegiatan DIPA KPU Provinsi dan Kab/Kota, BA 076",
        "https://id.scribd.com/document/635100372/2023kpt087",
    ),
    "bps-pok-sakti": (
        "A BPS kabupaten's POK from SAKTI (program 054.01.GG, kegiatan 2902 ...)",
        'GitHub code search: "POK BPS Kabupaten Mempawah TA 2026 (SAKTI Kemenkeu)"',
    ),
    "esakip-rekap-capaian-export": (
        "An e-SAKIP application's Excel export: No | Tujuan / Sasaran / Indikator Kinerja | "
        "Jenis (IKU/Proksi) | Jenis (Periode) | Jenis (%/Non %) | Target | Satuan | Alokasi "
        "Target (Kumulatif) TW I-IV | Realisasi (Kumulatif) TW I-IV | Kendala, kegiatan rows "
        "under each indicator",
        'GitHub code search: "Alokasi Target (Kumulatif)" (Blade export view)',
    ),
    "esakip-rekap-capaian-view": (
        "The same application's spreadsheet view ('-' for a quarter without a value)",
        'GitHub code search: "Capaian Terhadap Target Triwulanan"',
    ),
    "esakip-target-triwulan": (
        "e-SAKIP forms entering 'Target Tahunan', 'Target TW I' ... 'Target TW IV'",
        'GitHub code search: "Target TW I"',
    ),
    "cascading-matrix": (
        "Cascading matrices in Renstra PD annexes (Level | Sasaran | Indikator | Target | "
        "Penanggung Jawab); no single public form was found, the layout is a common one",
        "",
    ),
    "permenpan-09-2007": (
        "PermenPAN PER/09/M.PAN/5/2007 (pedoman umum penetapan IKU): indicator, formula, "
        "source, answerable unit",
        "",
    ),
}

SAMPLES = [
    surabaya_renja_evaluation,
    aceh_besar_lkj,
    dki_renstra,
    jayawijaya_kertas_kerja,
    sidoarjo_esakip_export,
    jakarta_timur_pk_rencana_aksi,
    kabupaten_malang_pagu,
    jatim_rkt_units,
    bps_tapin_pk,
    malang_cascading,
    kip_aceh_iku,
]

__doc__ += "\n".join(  # the sources are data; the docstring shows them too
    f"- {key}: {title}{'. ' + link if link else ''}" for key, (title, link) in SOURCES.items()
)


def build(folder: Path) -> dict:
    """Write every sample into folder; return the truth of all of them."""
    folder.mkdir(parents=True, exist_ok=True)
    samples = []
    for make in SAMPLES:
        book: Book = make()
        book.save(folder)
        samples.append(book.to_dict())
    return {
        "about": "Ground truth of the samples written by sample_workbooks/public_forms.py: for "
        "each file its office, its tables (sheet, kind, document, header row), every indicator "
        "or budget line with the cell and expected value of each field, and its planted faults "
        "as (code, sheet, cell) of the contract's issue codes. Percentages are in percent (78 "
        "for 78 %), amounts in whole rupiah. 'capaian dihitung' is the capaian computed with "
        "schemas/units.yaml's formulas; 'period X' a period's value; 'realisasi X' a past "
        "year's or a quarter's realisasi.",
        "sources": {key: {"title": title, "link": link} for key, (title, link) in SOURCES.items()},
        "samples": samples,
    }


def check_truth(folder: Path, truth: dict) -> list[str]:
    """Every cell the truth names holds what the truth says (a guard against our own slips)."""
    import openpyxl

    problems = []
    for sample in truth["samples"]:
        book = openpyxl.load_workbook(folder / sample["file"], data_only=True)
        for table in sample["tables"]:
            sheet = book[table["sheet"]]
            for item in table.get("indicators", []) + table.get("lines", []):
                for name, spec in item["fields"].items():
                    if spec.get("cell") and not _holds(sheet[spec["cell"]], name, spec):
                        problems.append(
                            f"{sample['file']} {table['sheet']}!{spec['cell']} {name}: "
                            f"{sheet[spec['cell']].value!r} is not {spec['value']!r}"
                        )
        for fault in sample["faults"]:
            if fault["sheet"] not in book.sheetnames:
                problems.append(f"{sample['file']}: no sheet {fault['sheet']}")
    return problems


TEXT_FIELDS = {"indikator", "uraian", "cara", "sumber", "satuan", "code", "volume"}


def _holds(cell, name: str, spec: dict) -> bool:
    value, expected = cell.value, spec["value"]
    if name == "satuan" and not (isinstance(value, str) and expected in value):
        if isinstance(value, str):
            return meaning(value)[1] == expected
        return "%" in (cell.number_format or "") and expected == "persen"
    if name in TEXT_FIELDS:
        return isinstance(value, str) and str(expected) in value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "%" in (cell.number_format or ""):
            value = value * 100
        elif (cell.number_format or "") == "#,##0.0":  # juta rupiah
            value = value * 1_000_000
    elif isinstance(value, str) and value.startswith("Rp"):
        value = int(value[2:].strip().replace(".", ""))
    elif isinstance(value, str):
        value = meaning(value)[0]
    if isinstance(expected, int | float) and isinstance(value, int | float):
        return abs(value - expected) <= 1e-6 * max(1, abs(expected))
    return value == expected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the workbooks and truth.json")
    parser.add_argument(
        "--update", action="store_true", help=f"also rewrite {TRUTH.name} beside this script"
    )
    args = parser.parse_args(argv)
    truth = build(args.folder)
    problems = check_truth(args.folder, truth)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    text = json.dumps(truth, ensure_ascii=False, indent=1) + "\n"
    (args.folder / "truth.json").write_text(text, encoding="utf-8")
    if args.update:
        shutil.copyfile(args.folder / "truth.json", TRUTH)
    samples = truth["samples"]
    print(
        f"{len(samples)} samples, {sum(len(s['tables']) for s in samples)} tables, "
        f"{sum(len(s['faults']) for s in samples)} planted faults -> {args.folder}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
