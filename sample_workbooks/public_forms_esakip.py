"""An e-SAKIP application's quarterly export: no title, the header at A1, tujuan and sasaran as
rows across the table, kegiatan rows under each indicator. Contents are illustrative (KPU's own
indicators, invented figures); the layout is the point. Sources: see public_forms.py."""

from __future__ import annotations

from public_forms_book import GREEN, GREY, Book, expect, ref
from public_forms_reports import QUARTERS, computed_field

# --- an e-SAKIP application's export: no title, the header at A1 --------------------------------

ESAKIP = [
    ("T1 - Meningkatnya kualitas penyelenggaraan Pemilu dan Pemilihan", [
        ("S1 - Meningkatnya partisipasi pemilih dalam Pemilu dan Pemilihan", [
            ("IK1.1", "Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan", "IKU", "Tahunan",
             "%", 80, "Persen", [80, 80, 80, 80], [82.45, 82.45, 82.45, 82.45],
             ["Sosialisasi dan Pendidikan Pemilih", "Pemungutan dan Penghitungan Suara"]),
            ("IK1.2", "Persentase Partisipasi Pemilih Disabilitas dalam Pemilu/Pemilihan", "IKU",
             "Tahunan", "%", 75, "Persen", [75, 75, 75, 75], [70.12, 70.12, 70.12, 70.12],
             ["Fasilitasi Pemilih Disabilitas"]),
        ]),
        ("S2 - Terwujudnya data pemilih yang akurat dan mutakhir", [
            ("IK2.1", "Persentase Pemilih yang Berhak Memilih Tetapi Tidak Masuk dalam Daftar "
             "Pemilih Tetap", "IKU", "Triwulanan", "%", 0.16, "Persen", [0.16, 0.16, 0.16, 0.16],
             [0.19, 0.17, 0.15, 0.14], ["Pemutakhiran Data Pemilih Berkelanjutan"]),
            ("IK2.2", "Jumlah laporan pemutakhiran data pemilih berkelanjutan", "Proksi",
             "Triwulanan", "Non %", 12, "Laporan", [3, 6, 9, 12], [3, 6, 9, 12],
             ["Pemutakhiran Data Pemilih Berkelanjutan"]),
        ]),
    ]),
    ("T2 - Meningkatnya tata kelola kelembagaan KPU yang akuntabel", [
        ("S3 - Terwujudnya akuntabilitas kinerja dan keuangan", [
            ("IK3.1", "Nilai Akuntabilitas Kinerja", "IKU", "Tahunan", "Non %", "BB", "Predikat",
             ["-", "-", "-", "BB"], ["-", "-", "-", "BB"], ["Penyusunan Laporan Kinerja"]),
            ("IK3.2", "Opini BPK atas Laporan Keuangan", "IKU", "Tahunan", "Non %", "WTP", "Opini",
             ["-", "WTP", "WTP", "WTP"], ["-", "WTP", "WTP", "WTP"],
             ["Penyusunan Laporan Keuangan"]),
            ("IK3.3", "Indeks Reformasi Birokrasi", "Proksi", "Tahunan", "Non %", 78, "Indeks",
             ["-", "-", "-", 78], ["-", "-", "-", 76.4], ["Pelaksanaan Reformasi Birokrasi"]),
        ]),
    ]),
]  # fmt: skip
ESAKIP_HEAD = [
    "No",
    "Tujuan / Sasaran / Indikator Kinerja",
    "Jenis (IKU/Proksi)",
    "Jenis (Periode)",
    "Jenis (%/Non %)",
    "Target",
    "Satuan",
]


def sidoarjo_esakip_export() -> Book:
    book = Book(
        "KPU Kabupaten Sidoarjo - Rekap Capaian Kinerja 2024.xlsx",
        layout="esakip-export",
        follows="an e-SAKIP application's 'Rekap Capaian Kinerja' Excel export (Laravel Excel)",
        sources=["esakip-rekap-capaian-export", "esakip-rekap-capaian-view"],
        office="KPU Kabupaten Sidoarjo",
        office_code="35.15",
        year=2024,
        about="No title: the header starts at A1 (two rows, 'Alokasi Target (Kumulatif)' and "
        "'Realisasi (Kumulatif)' merged over TW I-IV). Tujuan and sasaran are rows merged across "
        "the table ('Sasaran: S1 - ...'), indicators carry their code ('IK1.1 - ...'), numbers "
        "as plain numbers beside a Satuan column, '-' for a quarter without a value, and under "
        "each indicator its kegiatan (' - ...', italic) with a Kendala cell merged over them. "
        "The office is named only by the file name.",
    )
    s = book.sheet("Worksheet")
    s.widths(5, 60, 10, 12, 10, 9, 10, *([8] * 8), 30)
    head = {"bold": True, "center": True, "fill": GREEN}
    for col, text in enumerate(ESAKIP_HEAD, start=1):
        s.merge(1, col, 2, col, text, **head)
    s.merge(1, 8, 1, 11, "Alokasi Target (Kumulatif)", **head)
    s.merge(1, 12, 1, 15, "Realisasi (Kumulatif)", **head)
    s.merge(1, 16, 2, 16, "Kendala / Hambatan", **head)
    s.row(2, 8, QUARTERS * 2, **head)
    table = book.table(
        s,
        "rkt",
        "Rencana Aksi",
        1,
        kinds=["rkt", "rkt-sekretariat"],
        documents=["Rencana Aksi", "LKj"],
        note="periods hold the cumulative target allocations; the quarters' "
        "realisasi are 'realisasi TW I' ...; the year's realisasi is TW IV's",
    )
    row, number = 3, 0
    for tujuan, sasarans in ESAKIP:
        s.put(row, 1, None)
        s.merge(row, 2, row, 16, tujuan, bold=True, fill=GREY)
        row += 1
        for sasaran, indicators in sasarans:
            s.put(row, 1, None)
            s.merge(row, 2, row, 16, f"Sasaran: {sasaran}", bold=True)
            row += 1
            for entry in indicators:
                number += 1
                row = _esakip_rows(s, table, row, number, entry)
    return book


def _esakip_rows(s, table, row: int, number: int, entry) -> int:
    code, indicator, jenis, periode, tipe, target, satuan, targets, results, kegiatan = entry
    s.put(row, 1, number, center=True)
    at_indicator = s.put(row, 2, f"{code} - {indicator}")
    s.row(row, 3, [jenis, periode, tipe], center=True)
    at_target = s.put(row, 6, target, center=True, fill=GREY)
    at_satuan = s.put(row, 7, satuan, center=True)
    for i, value in enumerate(targets + results):
        s.put(row, 8 + i, value, center=True, bold=i >= 4)
    s.merge(row, 16, row + len(kegiatan), 16, "-")
    lower = "Tidak Masuk" in indicator
    table.indicator(
        row,
        indikator={"cell": at_indicator, "value": f"{code} - {indicator}"},
        target=expect(at_target, target),
        satuan={"cell": at_satuan, "value": satuan},
        realisasi=expect(ref(row, 15), results[3]),
        capaian_dihitung=computed_field(target, results[3], lower),
        **{f"period_{q}": expect(ref(row, 8 + i), targets[i]) for i, q in enumerate(QUARTERS)},
        **{f"realisasi_{q}": expect(ref(row, 12 + i), results[i]) for i, q in enumerate(QUARTERS)},
    )
    for offset, name in enumerate(kegiatan, start=1):
        s.put(row + offset, 1, None)
        s.put(row + offset, 2, f" - {name}", italic=True)
        s.merge(row + offset, 3, row + offset, 15, None)
    return row + len(kegiatan) + 1
