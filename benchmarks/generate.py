"""Generate N realistic office workbooks for the benchmarks.

    python benchmarks/generate.py N OUT_DIR [--seed 7]

Layouts vary as in sample_workbooks/ (three sheets with text targets and page-break headers;
one sheet with merged sasaran and percent-formatted numbers; IKU with program rows; RKT and
Anggaran side by side). Sizes follow real plans (13–40 indicators, 9–20 budget lines, 8–15 IKU
rows); about one file in ten carries the faults offices really make. Every file is a different
office, named from syllables (KPU Kabupaten Barakuma …), so that none is a duplicate.
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime
from pathlib import Path

import xlsxwriter

SYLLABLES = [
    "ba",
    "ra",
    "ku",
    "ma",
    "ta",
    "lo",
    "ngi",
    "sa",
    "pu",
    "de",
    "wi",
    "jo",
    "ha",
    "ne",
    "ri",
    "ka",
    "su",
    "li",
    "mo",
    "tu",
]
SASARAN = [
    "Terwujudnya Sumber Daya Manusia yang berkualitas",
    "Terwujudnya Kesadaran Pemilih yang tinggi",
    "Terwujudnya koordinasi penyelenggaraan kepemiluan",
    "Terwujudnya Pemilu yang aman dan damai",
    "Terwujudnya Bidang Politik yang kuat",
    "Terwujudnya Sistem Informasi Partai Politik",
]
INDICATORS = [
    ("Persentase partisipasi pemilih dalam Pemilu", "pct"),
    ("Indeks Reformasi Birokrasi", "idx"),
    ("Nilai Akuntabilitas Kinerja", "grade"),
    ("Opini BPK atas Laporan Keuangan", "opinion"),
    ("Persentase dokumen perencanaan tepat waktu", "pct"),
    ("Jumlah laporan kegiatan", "count"),
    ("Persentase sengketa hukum yang diselesaikan", "pct"),
    ("Persentase KPU {office} yang menyelenggarakan Pemilu sesuai jadwal", "pct"),
]
PROGRAMS = [
    "Perencanaan Program dan Anggaran",
    "Pembentukan Badan Adhoc",
    "Masa Kampanye Pemilu",
    "Pemungutan dan Penghitungan Suara",
    "Penetapan Hasil Pemilu",
    "Pengelolaan Logistik",
    "Pengelolaan Keuangan dan Barang Milik Negara",
    "Operasional Perkantoran",
    "Pemutakhiran Data Pemilih",
    "Sosialisasi dan Pendidikan Pemilih",
]
FIXED = datetime(2024, 1, 2, 8, 0, 0)


def office_name(index: int) -> str:
    word, n = "", index + 7
    for _ in range(3):
        n, rem = divmod(n, len(SYLLABLES))
        word += SYLLABLES[rem]
    return ("Kabupaten " if index % 9 else "Kota ") + word.capitalize()


def target(kind: str, rng: random.Random, faulty: bool) -> tuple[object, str | None]:
    """(value, number format) as an office would type it."""
    if faulty and rng.random() < 0.3:
        return rng.choice(["120%", "E", "", "sangat baik"]), None
    if kind == "pct":
        value = rng.choice([0.77, 0.9, 0.95, 1.0, 0.0016])
        return (
            (value, "0%" if value >= 0.01 else "0.00%")
            if rng.random() < 0.5
            else (f"{round(value * 100, 2)}%".replace(".", ","), None)
        )
    return {
        "idx": (rng.choice([75, 80, 85]), None),
        "grade": (rng.choice(["A", "BB", "B"]), None),
        "opinion": ("WTP", None),
        "count": (f"{rng.randint(2, 20)} laporan", None),
    }[kind]


def rkt_rows(office: str, rng: random.Random, faulty: bool, size: int):
    rows = []
    for i in range(size):
        text, kind = INDICATORS[i % len(INDICATORS)]
        value, fmt = target(kind, rng, faulty)
        sasaran = SASARAN[(i // 3) % len(SASARAN)] if i % 3 == 0 else ""
        rows.append(
            (
                str(i // 3 + 1) if sasaran else "",
                sasaran,
                f"{text.format(office=office)} {i + 1}",
                value,
                fmt,
            )
        )
    return rows


def write_office(path: Path, index: int, rng: random.Random) -> None:
    office = office_name(index)
    faulty = rng.random() < 0.1
    layout = index % 4
    book = xlsxwriter.Workbook(path)
    book.set_properties({"created": FIXED})
    wrap = book.add_format({"text_wrap": True, "valign": "top", "border": 1})
    head = book.add_format({"bold": True, "border": 1})
    formats = {
        f: book.add_format({"num_format": f, "border": 1}) for f in ("0%", "0.00%", '"Rp"#,##0')
    }
    rkt = rkt_rows(office, rng, faulty, rng.randint(13, 40))
    budget = [
        (p, rng.randint(1, 400) * 1_000_000) for p in rng.sample(PROGRAMS, rng.randint(6, 10))
    ]
    budget += [
        (f"{p} Tahap {k}", rng.randint(1, 90) * 1_000_000)
        for k, p in enumerate(rng.sample(PROGRAMS, 4))
    ]

    def write_rkt(ws, first_row: int, col: int = 0, page_every: int = 0) -> int:
        row = first_row
        header = ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"]
        ws.write_row(row, col, header, head)
        ws.write_row(row + 1, col, ["(1)", "(2)", "(3)", "(4)"], head)
        row += 2
        for i, (no, sasaran, indicator, value, fmt) in enumerate(rkt):
            if page_every and i and i % page_every == 0:
                ws.write_row(row, col, header, head)
                row += 1
            ws.write_row(row, col, [no, sasaran, indicator], wrap)
            if isinstance(value, str):
                ws.write_string(row, col + 3, value, wrap)
            else:
                ws.write_number(row, col + 3, value, formats.get(fmt, wrap))
            row += 1
        return row

    def write_budget(ws, first_row: int, col: int = 0, as_text: bool = False) -> int:
        row = first_row
        ws.write_row(row, col, ["No", "Program", "Anggaran"], head)
        row += 1
        start = row
        for i, (program, amount) in enumerate(budget, start=1):
            ws.write_row(row, col, [f"{i}.", program], wrap)
            if as_text:
                ws.write_string(
                    row, col + 2, "Rp. " + f"{amount:,}".replace(",", ".") + ",00", wrap
                )
            else:
                ws.write_number(row, col + 2, amount, formats['"Rp"#,##0'])
            row += 1
        total = sum(a for _p, a in budget) + (1_000_000 if faulty else 0)
        ws.write_string(row, col + 1, "JUMLAH", head)
        letter = chr(ord("A") + col + 2)
        ws.write_formula(
            row, col + 2, f"=SUM({letter}{start + 1}:{letter}{row})", formats['"Rp"#,##0'], total
        )
        return row + 1

    title = f"RENCANA KINERJA TAHUN 2024 KOMISI PEMILIHAN UMUM {office.upper()}"
    if layout == 0:  # Banjarmasin-like: three sheets, text amounts, page-break headers
        ws = book.add_worksheet("RKT KPU")
        ws.write(0, 0, title)
        end = write_rkt(ws, 3, page_every=12)
        ws.write(end + 2, 2, f"KETUA KPU {office.upper()}")
        write_budget(book.add_worksheet("Anggaran"), 0, as_text=True)
    elif layout == 1:  # Tapin-like: everything on one sheet
        ws = book.add_worksheet("RKT 2024")
        ws.write(0, 0, title)
        end = write_rkt(ws, 3)
        write_budget(ws, end + 3)
    elif layout == 2:  # side by side
        ws = book.add_worksheet("Rencana")
        ws.write(0, 0, title)
        write_rkt(ws, 2)
        write_budget(ws, 2, col=5)
    else:  # RKT + IKU
        ws = book.add_worksheet("RKT")
        ws.write(0, 0, title)
        write_rkt(ws, 2)
        write_budget(book.add_worksheet("Anggaran"), 0)
    iku = book.add_worksheet("IKU")
    iku.write(0, 0, f"INDIKATOR KINERJA UTAMA TAHUN 2024 KPU {office.upper()}")
    iku.write_row(2, 0, ["No.", "Uraian", "Cara Penghitungan", "Sumber Data"], head)
    row = 3
    for code, program in (
        ("CQ", "PROGRAM PENYELENGGARAAN PEMILU"),
        ("WA", "PROGRAM DUKUNGAN MANAJEMEN"),
    ):
        bad = faulty and code == "WA"
        iku.write_string(row, 0, f"{program} [076.{'1' if bad else '01'}.{code}]", wrap)
        row += 1
        for k in range(rng.randint(4, 8)):
            iku.write_row(
                row,
                0,
                [
                    f"{k + 1}.",
                    f"Persentase capaian {program.lower()} {k + 1}",
                    "Realisasi dibagi target x 100%",
                    "" if bad and k == 0 else "Laporan bagian",
                ],
                wrap,
            )
            row += 1
    book.close()


def generate(count: int, folder: Path, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        path = folder / f"KPU {office_name(index)} - RKT IKU 2024.xlsx"
        write_office(path, index, rng)
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    print(
        len(generate(arguments.count, arguments.folder, arguments.seed)),
        "workbooks in",
        arguments.folder,
    )
