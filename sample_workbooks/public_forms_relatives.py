"""Relatives of the plan forms: another agency's PK (the statistics office of a kabupaten), a
cascading matrix by level, and an IKU with its formula per indicator, a baseline and five
years. Contents are illustrative (KPU's own indicators, invented figures); the layouts are the
point. Sources: see public_forms.py."""

from __future__ import annotations

from public_forms_book import GREY, PERCENT, Book, expect
from public_forms_reports import satuan_from

# --- another agency's PK: the statistics office of Kabupaten Tapin --------------------------------

BPS_ROWS = [
    ("Meningkatnya kualitas data dan informasi statistik", [
        ("Persentase publikasi/laporan statistik yang berkualitas", "100%"),
        ("Persentase kegiatan statistik yang dilaksanakan tepat waktu", "95%"),
    ]),
    ("Meningkatnya pemanfaatan data statistik", [
        ("Indeks kepuasan konsumen terhadap data BPS", "85"),
        ("Jumlah rilis data statistik yang tepat waktu", "24 rilis"),
    ]),
    ("Terwujudnya birokrasi yang akuntabel dan kapabel", [
        ("Nilai SAKIP BPS Kabupaten Tapin", "BB"),
        ("Opini BPK atas Laporan Keuangan BPS", "WTP"),
    ]),
]  # fmt: skip
BPS_PROGRAMS = [
    ("054.01.GG", "Program Penyediaan dan Pelayanan Informasi Statistik", 1_284_356_000),
    ("054.01.WA", "Program Dukungan Manajemen", 3_902_118_000),
]


def bps_tapin_pk() -> Book:
    book = Book(
        "BPS Kabupaten Tapin - PK 2024.xlsx",
        layout="other-agency-pk",
        follows="PermenPANRB 53/2014, Lampiran I (format Perjanjian Kinerja), as a statistics "
        "office fills it",
        sources=["permenpanrb-53-2014", "bps-pok-sakti"],
        office=None,
        office_code=None,
        year=2024,
        about="Another agency's file in the same SAKIP form: 'Sasaran Kegiatan | Indikator "
        "Kinerja Kegiatan | Target' and a Kode | Program | Anggaran table with BA 054 codes, "
        "signed by the heads of BPS. It names Kabupaten Tapin, which has a KPU office: it must "
        "get no KPU office.",
    )
    s = book.sheet("PK 2024")
    s.widths(5, 40, 52, 18)
    s.title_line(1, "PERJANJIAN KINERJA TAHUN 2024", 4)
    s.title_line(2, "BADAN PUSAT STATISTIK KABUPATEN TAPIN", 4)
    head = {"bold": True, "center": True}
    s.row(4, 1, ["No", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target"], **head)
    table = book.table(s, "rkt-sekretariat", "PK", 4, kinds=["rkt-sekretariat", "rkt"])
    row = 5
    for number, (sasaran, indicators) in enumerate(BPS_ROWS, start=1):
        last = row + len(indicators) - 1
        s.merge(row, 1, last, 1, str(number), center=True)
        s.merge(row, 2, last, 2, sasaran)
        for indicator, target in indicators:
            at = s.put(row, 3, indicator)
            field = expect(s.put(row, 4, target, center=True), target)
            table.indicator(
                row,
                indikator={"cell": at, "value": indicator},
                target=field,
                satuan=satuan_from(field),
            )
            row += 1
    row += 1
    s.row(row, 1, ["Kode", "Program", "Anggaran"], **head)
    budget = book.table(s, "anggaran", "PK", row, total=sum(a for *_, a in BPS_PROGRAMS))
    for code, program, amount in BPS_PROGRAMS:
        row += 1
        at_code = s.put(row, 1, code)
        at = s.put(row, 2, program)
        at_amount = s.put(row, 3, amount, fmt='"Rp "#,##0')
        budget.line(
            row,
            "program",
            uraian={"cell": at, "value": program},
            code={"cell": at_code, "value": code},
            amount={"cell": at_amount, "value": amount},
        )
    row += 1
    s.put(row, 2, "Jumlah", bold=True)
    s.formula(
        row,
        3,
        f"=SUM(C{row - 2}:C{row - 1})",
        sum(a for *_, a in BPS_PROGRAMS),
        fmt='"Rp "#,##0',
        bold=True,
    )
    s.text(row + 2, 3, "Rantau, 2 Januari 2024")
    s.text(row + 3, 2, "Kepala BPS Provinsi Kalimantan Selatan,", center=True)
    s.text(row + 3, 3, "Kepala BPS Kabupaten Tapin,", center=True)
    s.text(row + 7, 2, "Martin Wibisono", center=True)
    s.text(row + 7, 3, "Rahmat Hidayat, S.ST", center=True)
    s.landscape(orientation="portrait")
    return book


# --- a cascading matrix: the plan's targets by level ---------------------------------------------

CASCADE = [
    ("Sasaran Strategis", "Ketua KPU Kota Malang", [
        ("Terwujudnya Pemilu/Pemilihan yang demokratis", [
            ("Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan", "%", 0.8),
            ("Persentase KPU Kota Malang yang menyelenggarakan Pemilu/Pemilihan sesuai dengan "
             "jadwal", "%", 1.0),
        ]),
        ("Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas", [
            ("Indeks Reformasi Birokrasi", "Indeks", 80),
        ]),
    ]),
    ("Sasaran Program", "Sekretaris KPU Kota Malang", [
        ("Terwujudnya dukungan manajemen yang akuntabel", [
            ("Nilai Akuntabilitas Kinerja", "Predikat", "BB"),
            ("Opini BPK atas Laporan Keuangan", "Opini", "WTP"),
        ]),
        ("Terwujudnya penyelenggaraan tahapan yang tepat waktu", [
            ("Persentase tahapan Pemilihan yang dilaksanakan sesuai jadwal", "%", 1.0),
        ]),
    ]),
    ("Sasaran Kegiatan", None, [
        ("Tersusunnya laporan keuangan yang tepat waktu", [
            ("Jumlah laporan keuangan yang disusun tepat waktu", "Laporan", 12,
             "Kasubbag Keuangan, Umum dan Logistik"),
        ]),
        ("Terlaksananya pemutakhiran data pemilih berkelanjutan", [
            ("Jumlah laporan pemutakhiran data pemilih berkelanjutan", "Laporan", 12,
             "Kasubbag Perencanaan, Data dan Informasi"),
        ]),
        ("Terlaksananya sosialisasi dan pendidikan pemilih", [
            ("Jumlah kegiatan sosialisasi pendidikan pemilih", "Kegiatan", 24,
             "Kasubbag Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat"),
            ("Persentase pemilih pemula yang mendapat sosialisasi", "%", 0.75,
             "Kasubbag Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat"),
        ]),
    ]),
]  # fmt: skip


def malang_cascading() -> Book:
    book = Book(
        "KPU Kota Malang - Cascading Kinerja 2024.xlsx",
        layout="cascading",
        follows="a Cascading (pohon kinerja) matrix, as annexed to a Renstra or PK under "
        "PermenPANRB 53/2014 and the SAKIP evaluation of PermenPANRB 88/2021",
        sources=["permenpanrb-53-2014", "cascading-matrix"],
        office="KPU Kota Malang",
        office_code="35.73",
        year=2024,
        about="A Level column merged over its rows (Sasaran Strategis, Sasaran Program, Sasaran "
        "Kegiatan), sasaran merged over their indicators, Satuan and Target columns (percentages "
        "as formatted numbers) and the person answerable for each level or indicator.",
    )
    s = book.sheet("Cascading")
    s.widths(5, 18, 40, 56, 10, 10, 34)
    s.title_line(1, "MATRIKS CASCADING KINERJA TAHUN 2024", 7)
    s.title_line(2, "KOMISI PEMILIHAN UMUM KOTA MALANG", 7)
    head = {"bold": True, "center": True, "fill": GREY}
    s.row(
        4,
        1,
        ["No", "Level", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Penanggung Jawab"],
        **head,
    )
    table = book.table(
        s, "rkt", "RKT", 4, kinds=["rkt", "rkt-sekretariat"], documents=["RKT", "PK", "Renstra"]
    )
    row, number = 5, 0
    for level, answerable, sasarans in CASCADE:
        count = sum(len(indicators) for _, indicators in sasarans)
        s.merge(row, 2, row + count - 1, 2, level, bold=True)
        if answerable:
            s.merge(row, 7, row + count - 1, 7, answerable)
        for sasaran, indicators in sasarans:
            s.merge(row, 3, row + len(indicators) - 1, 3, sasaran)
            for indicator, satuan, target, *who in indicators:
                number += 1
                s.put(row, 1, number, center=True)
                at = s.put(row, 4, indicator)
                at_satuan = s.put(row, 5, satuan, center=True)
                percent = satuan == "%"
                at_target = s.put(row, 6, target, fmt=PERCENT if percent else None, center=True)
                if who:
                    s.put(row, 7, who[0])
                table.indicator(
                    row,
                    indikator={"cell": at, "value": indicator},
                    target=expect(at_target, target, percent_cell=percent),
                    satuan={"cell": at_satuan, "value": satuan},
                )
                row += 1
    s.signature(
        row + 1,
        6,
        ["Malang, 8 Januari 2024", "KETUA KPU KOTA MALANG", "", "", "", "Aminah Asminingtyas"],
    )
    s.landscape(repeat_rows="4:4")
    return book


# --- an IKU with its formula per indicator, a baseline and five years ----------------------------

IKU_YEARS = [2025, 2026, 2027, 2028, 2029]
KIP_ACEH_IKU = [
    ("Terwujudnya Kesadaran Pemilih, Kepemiluan dan Demokrasi yang tinggi", [
        ("Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan",
         "Jumlah pemilih yang menggunakan hak pilih dibagi jumlah pemilih dalam DPT x 100%", "%",
         "79,1%", ["-", "-", "-", "-", "80%"], "Rekapitulasi hasil penghitungan suara",
         "Divisi Sosdiklih, Parmas dan SDM"),
        ("Persentase Partisipasi Pemilih Disabilitas dalam Pemilu/Pemilihan",
         "Jumlah pemilih disabilitas yang menggunakan hak pilih dibagi jumlah pemilih disabilitas "
         "dalam DPT x 100%", "%", "68,4%", ["-", "-", "-", "-", "75%"],
         "Rekapitulasi hasil penghitungan suara", "Divisi Sosdiklih, Parmas dan SDM"),
        ("Persentase Pemilih yang Berhak Memilih Tetapi Tidak Masuk dalam Daftar Pemilih Tetap",
         "Jumlah pemilih yang tidak masuk DPT dibagi jumlah pemilih dalam DPT x 100%", "%",
         "0,16%", ["0,15%", "0,14%", "0,13%", "0,12%", "0,10%"], "Sidalih",
         "Divisi Perencanaan, Data dan Informasi"),
    ]),
    ("Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas", [
        ("Indeks Reformasi Birokrasi",
         "Hasil penilaian mandiri pelaksanaan reformasi birokrasi (PMPRB) yang dievaluasi KPU",
         "Indeks", "76,20", ["78", "79", "80", "81", "82"], "Laporan Hasil Evaluasi RB",
         "Sekretaris KIP Aceh"),
        ("Nilai Akuntabilitas Kinerja", "Nilai hasil evaluasi SAKIP oleh Inspektorat Utama KPU",
         "Predikat", "BB", ["BB", "BB", "A", "A", "A"], "LHE SAKIP", "Sekretaris KIP Aceh"),
        ("Opini BPK atas Laporan Keuangan",
         "Opini BPK atas laporan keuangan KPU yang memuat satker KIP Aceh", "Opini", "WTP",
         ["WTP"] * 5, "LHP BPK", "Kabag Keuangan, Umum dan Logistik"),
    ]),
]  # fmt: skip


def kip_aceh_iku() -> Book:
    book = Book(
        "KIP Aceh - IKU 2025-2029.xlsx",
        layout="iku-formula-baseline",
        follows="the IKU form of PermenPAN PER/09/M.PAN/5/2007 (indicator, formula, source, "
        "answerable unit) with a baseline and the Renstra's five years",
        sources=["permenpan-09-2007", "permenpanrb-53-2014"],
        office="KIP Aceh",
        office_code="11",
        year=None,
        about="Two header rows: 'Target' merged over 2025-2029 beside 'Kondisi Awal (2024)', a "
        "'Definisi Operasional/ Formulasi Perhitungan' and a 'Sumber Data' column per "
        "indicator, sasaran merged over their indicators, a Satuan column, '-' for years "
        "without an election, a numbering row.",
    )
    s = book.sheet("IKU")
    s.widths(5, 30, 40, 44, 10, 12, *([8] * 5), 26, 26)
    s.title_line(1, "INDIKATOR KINERJA UTAMA (IKU)", 13)
    s.title_line(2, "KOMISI INDEPENDEN PEMILIHAN ACEH", 13)
    s.title_line(3, "TAHUN 2025-2029", 13)
    head = {"bold": True, "center": True, "fill": GREY}
    names = [
        (1, "No"),
        (2, "Sasaran Strategis"),
        (3, "Indikator Kinerja Utama"),
        (4, "Definisi Operasional/ Formulasi Perhitungan"),
        (5, "Satuan"),
        (6, "Kondisi Awal (2024)"),
        (12, "Sumber Data"),
        (13, "Penanggung Jawab"),
    ]
    for col, text in names:
        s.merge(5, col, 6, col, text, **head)
    s.merge(5, 7, 5, 11, "Target", **head)
    s.row(6, 7, IKU_YEARS, **head)
    s.row(7, 1, [f"({i})" for i in range(1, 14)], center=True)
    table = book.table(s, "iku", "IKU", 5)
    row = 8
    for number, (sasaran, indicators) in enumerate(KIP_ACEH_IKU, start=1):
        last = row + len(indicators) - 1
        s.merge(row, 1, last, 1, str(number), center=True)
        s.merge(row, 2, last, 2, sasaran)
        for indicator, cara, satuan, baseline, targets, sumber, who in indicators:
            at = s.put(row, 3, indicator)
            at_cara = s.put(row, 4, cara)
            at_satuan = s.put(row, 5, satuan, center=True)
            at_baseline = s.put(row, 6, baseline, center=True)
            periods = {
                f"period_{year}": expect(s.put(row, 7 + i, value, center=True), value)
                for i, (year, value) in enumerate(zip(IKU_YEARS, targets, strict=True))
            }
            at_sumber = s.put(row, 12, sumber)
            s.put(row, 13, who)
            table.indicator(
                row,
                indikator={"cell": at, "value": indicator},
                cara={"cell": at_cara, "value": cara},
                sumber={"cell": at_sumber, "value": sumber},
                satuan={"cell": at_satuan, "value": satuan},
                baseline=expect(at_baseline, baseline),
                **periods,
            )
            row += 1
    s.signature(
        row + 1, 12, ["Banda Aceh, 3 Februari 2025", "KETUA KIP ACEH", "", "", "", "Agusni AH"]
    )
    s.landscape(repeat_rows="5:7")
    return book
