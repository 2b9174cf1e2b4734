"""Plans in the forms of the regulations: a Renstra's Matriks Kinerja dan Pendanaan, a PK with a
Rencana Aksi beside it in the same workbook, and an RKT whose targets carry their unit.
Contents are illustrative (KPU's own indicators, invented figures); the layouts are the point.
Sources: see public_forms.py."""

from __future__ import annotations

from public_forms_book import GREY, JUTA, PERCENT, Book, expect, ref
from public_forms_reports import QUARTERS, satuan_from

YEARS = [2020, 2021, 2022, 2023, 2024]


# --- PermenPPN 5/2019: the Renstra's Matriks Kinerja dan Pendanaan --------------------------------

RENSTRA = [
    ("program", "076.01.WA", "Program Dukungan Manajemen",
     [18412.5, 19227.1, 21806.4, 26115.9, 31402.3]),
    ("sasaran", "Sasaran Program: Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang "
     "berkualitas"),
    ("indicator", "Indeks Reformasi Birokrasi", ["70", "72", "75", "78", "80"]),
    ("indicator", "Nilai Akuntabilitas Kinerja", ["B", "BB", "BB", "BB", "A"]),
    ("indicator", "Opini BPK atas Laporan Keuangan", ["WTP"] * 5),
    ("kegiatan", "4257", "Pengelolaan Keuangan dan Barang Milik Negara",
     [3120.4, 3245.0, 3410.8, 3588.2, 3790.5]),
    ("sasaran", "Sasaran Kegiatan: Terwujudnya pengelolaan keuangan dan BMN yang akuntabel"),
    ("indicator", "Persentase laporan keuangan satker yang disusun tepat waktu", [1.0] * 5),
    ("program", "076.01.CQ", "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi",
     [45126.0, 38204.7, 112508.3, 421736.2, 1184520.8]),
    ("sasaran", "Sasaran Program: Terwujudnya Kesadaran Pemilih, Kepemiluan dan Demokrasi yang "
     "tinggi"),
    ("indicator", "Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan",
     ["-", "-", "-", "-", "80%"]),
    ("indicator", "Persentase Pemilih yang Berhak Memilih Tetapi Tidak Masuk dalam Daftar "
     "Pemilih Tetap", ["0,5%", "0,4%", "0,3%", "0,2%", "0,16%"]),
    ("kegiatan", "4259", "Pemutakhiran Data Pemilih Berkelanjutan",
     [1850.0, 1920.5, 2015.0, 2210.4, 2406.9]),
    ("sasaran", "Sasaran Kegiatan: Terwujudnya data pemilih yang mutakhir dan akurat"),
    ("indicator", "Persentase KPU Kabupaten/Kota yang memutakhirkan Data Pemilih Tepat Waktu",
     ["100%"] * 5),
    ("indicator", "Jumlah laporan pemutakhiran data pemilih berkelanjutan", ["12 laporan"] * 5),
]  # fmt: skip


def dki_renstra() -> Book:
    book = Book(
        "KPU Provinsi DKI Jakarta - Renstra 2020-2024.xlsx",
        layout="renstra-matrix",
        follows="PermenPPN 5/2019 (Renstra K/L), lampiran Matriks Kinerja dan Pendanaan",
        sources=["permenppn-5-2019", "renstra-matrix-sumedang"],
        office="KPU Provinsi DKI Jakarta",
        office_code="31",
        year=None,
        about="'Target' merged over 2020-2024 beside 'Alokasi (dalam juta rupiah)' merged over "
        "2020-2024, a numbering row; program and kegiatan rows carry their code in the name "
        "and the money, sasaran rows ('Sasaran Program: ...') group the indicators, whose rows "
        "carry the targets; '-' for a year without an election; percentages as text and as "
        "formatted numbers.",
    )
    s = book.sheet("Matriks Kinerja dan Pendanaan")
    s.widths(30, 50, 12, *([8] * 5), *([12] * 5), 24)
    s.text(1, 1, "LAMPIRAN", bold=True)
    s.title_line(2, "MATRIKS KINERJA DAN PENDANAAN", 14)
    s.title_line(3, "KOMISI PEMILIHAN UMUM PROVINSI DKI JAKARTA TAHUN 2020-2024", 14)
    head = {"bold": True, "center": True}
    for col, text in (
        (1, "Program/ Kegiatan"),
        (2, "Sasaran Program (Outcome)/ Sasaran Kegiatan (Output)/ Indikator"),
        (3, "Lokasi"),
        (14, "Unit Organisasi Pelaksana"),
    ):
        s.merge(5, col, 6, col, text, **head)
    s.merge(5, 4, 5, 8, "Target", **head)
    s.merge(5, 9, 5, 13, "Alokasi (dalam juta rupiah)", **head)
    s.row(6, 4, YEARS + YEARS, **head)
    s.row(7, 1, [f"({i})" for i in range(1, 15)], center=True)
    plan = book.table(s, "rkt", "Renstra", 5, kinds=["rkt", "rkt-sekretariat", "iku"])
    money = book.table(
        s,
        "anggaran",
        "Renstra",
        5,
        note="each line's five years of alokasi, in whole rupiah (juta x 1.000.000)",
    )
    row = 8
    for entry in RENSTRA:
        if entry[0] in ("program", "kegiatan"):
            _renstra_money(s, money, row, *entry)
        elif entry[0] == "sasaran":
            s.put(row, 1, None)
            s.merge(row, 2, row, 14, entry[1], italic=True)
        else:
            _renstra_indicator(s, plan, row, entry[1], entry[2])
        row += 1
    s.signature(
        row + 1,
        10,
        [
            "Jakarta, 30 Juni 2020",
            "KETUA KPU PROVINSI DKI JAKARTA",
            "",
            "",
            "",
            "Betty Epsilon Idroos",
        ],
    )
    s.landscape(repeat_rows="5:7")
    return book


def _renstra_money(s, money, row: int, level: str, code: str, name: str, alokasi) -> None:
    at = s.put(row, 1, f"{code} {name}", bold=level == "program")
    s.merge(row, 2, row, 8, None)
    for i, value in enumerate(alokasi):
        s.put(row, 9 + i, value, fmt=JUTA)
    s.put(row, 14, "Sekretariat KPU Provinsi DKI Jakarta")
    money.line(
        row,
        level,
        uraian={"cell": at, "value": name},
        code={"cell": at, "value": code},
        **{
            f"period_{year}": {"cell": ref(row, 9 + i), "value": round(value * 1_000_000)}
            for i, (year, value) in enumerate(zip(YEARS, alokasi, strict=True))
        },
    )


def _renstra_indicator(s, plan, row: int, indicator: str, targets) -> None:
    s.put(row, 1, None)
    at = s.put(row, 2, indicator)
    s.put(row, 3, "DKI Jakarta")
    fields = {}
    for i, (year, value) in enumerate(zip(YEARS, targets, strict=True)):
        percent = isinstance(value, float)
        at_value = s.put(row, 4 + i, value, fmt=PERCENT if percent else None, center=True)
        fields[f"period_{year}"] = expect(at_value, value, percent_cell=percent)
    for col in range(9, 15):
        s.put(row, col, None)
    plan.indicator(
        row,
        indikator={"cell": at, "value": indicator},
        satuan=satuan_from(fields["period_2024"]),
        **fields,
    )


# --- PermenPANRB 53/2014: a PK, and its Rencana Aksi in the same workbook -------------------------

JAKTIM = "KPU Kota Administrasi Jakarta Timur"
PK_ROWS = [
    ("Terwujudnya Kesadaran Pemilih, Kepemiluan dan Demokrasi yang tinggi", [
        ("Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan", "78%",
         ["78%", "-", "-", "-"], "1. Sosialisasi tatap muka di 10 kecamatan\n2. Sosialisasi "
         "melalui media sosial"),
        ("Persentase Partisipasi Pemilih Perempuan dalam Pemilu/Pemilihan", "78%",
         ["78%", "-", "-", "-"], "Sosialisasi kepada organisasi perempuan"),
        ("Persentase Pemilih yang Berhak Memilih Tetapi Tidak Masuk dalam Daftar Pemilih Tetap",
         "0,16%", ["0,16%", "-", "-", "0,16%"], "Pencocokan dan penelitian data pemilih"),
    ]),
    ("Terwujudnya Pemilu Serentak yang aman dan damai disertai penyelesaian sengketa hukum yang "
     "baik", [
        (f"Persentase {JAKTIM} yang menyelenggarakan Pemilu/Pemilihan sesuai dengan jadwal dan "
         "ketentuan yang berlaku", "100%", ["25%", "50%", "75%", "100%"],
         "Monitoring tahapan sesuai PKPU jadwal"),
        (f"Persentase Sengketa Hukum yang dimenangkan {JAKTIM}", "90%", ["-", "-", "-", "95%"],
         "Pendampingan hukum dan penyusunan jawaban sengketa"),
    ]),
    ("Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas", [
        ("Indeks Reformasi Birokrasi", "80", ["-", "-", "-", "80"], "Penilaian mandiri PMPRB"),
        ("Nilai Akuntabilitas Kinerja", "BB", ["-", "-", "-", "BB"], "Penyusunan LKj dan PK"),
        ("Opini BPK atas Laporan Keuangan", "WTP", ["-", "WTP", "-", "-"],
         "Penyusunan laporan keuangan tepat waktu"),
    ]),
]  # fmt: skip
RA_TARGETS = {f"Persentase Sengketa Hukum yang dimenangkan {JAKTIM}": "95%"}  # the PK says 90 %
PK_PROGRAMS = [
    ("Program Dukungan Manajemen", 14_827_400_000),
    ("Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi", 86_215_930_000),
]


def rupiah(amount: int) -> str:
    return "Rp " + f"{amount:,}".replace(",", ".")


def jakarta_timur_pk_rencana_aksi() -> Book:
    book = Book(
        "KPU Kota Jakarta Timur - PK dan Rencana Aksi 2024.xlsx",
        layout="pk-and-rencana-aksi",
        follows="PermenPANRB 53/2014, Lampiran I (format Perjanjian Kinerja), and the Rencana "
        "Aksi that splits the PK's targets by quarter",
        sources=["permenpanrb-53-2014", "pk-kpu-ponorogo-2020", "esakip-target-triwulan"],
        office="KPU Kota Jakarta Timur",
        office_code="31.75",
        year=2024,
        about="Sheet 'PK 2024': sasaran merged over their indicators, a numbering row, then a "
        "Program | Anggaran table whose program names sit in merged B:C cells after '1', '2', "
        "amounts as 'Rp 14.827.400.000' text, a JUMLAH row, the two parties' signatures. Sheet "
        "'Rencana Aksi': one header row 'Target Tahunan | Target TW1 ... Target TW4' beside a "
        "Rencana Aksi column of numbered activities; one target differs from the PK (95 % "
        "against 90 %).",
    )
    _pk_sheet(book)
    _rencana_aksi_sheet(book)
    return book


def _pk_sheet(book: Book) -> None:
    s = book.sheet("PK 2024")
    s.widths(5, 40, 60, 22, 14)
    s.title_line(1, "PERJANJIAN KINERJA TAHUN 2024", 4)
    s.title_line(2, JAKTIM.upper().replace("KPU", "KOMISI PEMILIHAN UMUM"), 4)
    head = {"bold": True, "center": True}
    s.row(4, 1, ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"], **head)
    s.row(5, 1, ["(1)", "(2)", "(3)", "(4)"], center=True)
    table = book.table(s, "rkt", "PK", 4)
    row = 6
    for number, (sasaran, indicators) in enumerate(PK_ROWS, start=1):
        last = row + len(indicators) - 1
        s.merge(row, 1, last, 1, str(number), center=True)
        s.merge(row, 2, last, 2, sasaran)
        for indicator, target, _quarters, _actions in indicators:
            at = s.put(row, 3, indicator)
            at_target = s.put(row, 4, target, center=True)
            field = expect(at_target, target)
            table.indicator(
                row,
                indikator={"cell": at, "value": indicator},
                target=field,
                satuan=satuan_from(field),
            )
            row += 1
    row += 1
    s.put(row, 1, "NO", **head)
    s.merge(row, 2, row, 3, "PROGRAM", **head)
    s.put(row, 4, "ANGGARAN", **head)
    budget = book.table(s, "anggaran", "PK", row, total=sum(a for _, a in PK_PROGRAMS))
    for number, (program, amount) in enumerate(PK_PROGRAMS, start=1):
        row += 1
        s.put(row, 1, f"{number}.", center=True)
        at = s.merge(row, 2, row, 3, program)
        at_amount = s.put(row, 4, rupiah(amount))
        budget.line(
            row,
            "program",
            uraian={"cell": at, "value": program},
            amount={"cell": at_amount, "value": amount},
        )
    row += 1
    s.merge(row, 1, row, 3, "JUMLAH", bold=True, center=True)
    s.put(row, 4, rupiah(sum(a for _, a in PK_PROGRAMS)), bold=True)
    row += 2
    s.text(row, 4, "Jakarta, 2 Januari 2024")
    s.text(row + 1, 2, "PIHAK KEDUA,", center=True)
    s.text(row + 1, 4, "PIHAK PERTAMA,", center=True)
    s.text(row + 2, 2, f"KETUA {JAKTIM.upper()}", center=True)
    s.text(row + 2, 4, f"SEKRETARIS {JAKTIM.upper()}", center=True)
    s.text(row + 6, 2, "Wage Wardana", center=True)
    s.text(row + 6, 4, "Ahmad Fauzi, S.Sos., M.Si", center=True)
    s.landscape(fit_width=True)


def _rencana_aksi_sheet(book: Book) -> None:
    s = book.sheet("Rencana Aksi")
    s.widths(5, 34, 52, 11, 9, 9, 9, 9, 40, 24)
    s.title_line(1, "RENCANA AKSI KINERJA TAHUN 2024", 10)
    s.title_line(2, JAKTIM.upper(), 10)
    head = [
        "No",
        "Sasaran Strategis",
        "Indikator Kinerja",
        "Target Tahunan",
        "Target TW1",
        "Target TW2",
        "Target TW3",
        "Target TW4",
        "Rencana Aksi",
        "Penanggung Jawab",
    ]
    s.row(4, 1, head, bold=True, center=True, fill=GREY)
    table = book.table(s, "rkt", "Rencana Aksi", 4)
    row = 5
    for number, (sasaran, indicators) in enumerate(PK_ROWS, start=1):
        for i, (indicator, target, quarters, actions) in enumerate(indicators):
            s.put(row, 1, str(number) if i == 0 else None, center=True)
            s.put(row, 2, sasaran if i == 0 else None)
            at = s.put(row, 3, indicator)
            target = RA_TARGETS.get(indicator, target)
            at_target = s.put(row, 4, target, center=True)
            if indicator in RA_TARGETS:
                book.fault(
                    "target-inconsistent",
                    s,
                    at_target,
                    "the Rencana Aksi says 95 %, the PK of the same year 90 %",
                )
            periods = {}
            for q, (label, value) in enumerate(zip(QUARTERS, quarters, strict=True)):
                periods[f"period_{label}"] = expect(s.put(row, 5 + q, value, center=True), value)
            s.put(row, 9, actions)
            s.put(row, 10, "Sekretaris" if number == 3 else "Divisi Teknis Penyelenggaraan")
            field = expect(at_target, target)
            table.indicator(
                row,
                indikator={"cell": at, "value": indicator},
                target=field,
                satuan=satuan_from(field),
                **periods,
            )
            row += 1
    s.signature(
        row + 1,
        9,
        [
            "Jakarta, 5 Januari 2024",
            f"SEKRETARIS {JAKTIM.upper()}",
            "",
            "",
            "",
            "Ahmad Fauzi, S.Sos., M.Si",
        ],
    )
    s.landscape(repeat_rows="4:4")


# --- an RKT whose targets carry their unit: "90 %", "38 Kab/Kota" -------------------------------

JATIM = [
    ("I", "Mewujudkan Komisi Pemilihan Umum yang mandiri, profesional dan berintegritas", [
        ("Terwujudnya data pemilih yang akurat dan mutakhir", [
            ("Persentase KPU Kabupaten/Kota yang memutakhirkan data pemilih berkelanjutan tepat "
             "waktu", "100 %", ""),
            ("Jumlah KPU Kabupaten/Kota yang menyampaikan laporan pemutakhiran data pemilih "
             "berkelanjutan tepat waktu", "38 Kab/Kota", "38 kabupaten/kota di Jawa Timur"),
        ]),
        ("Terlaksananya perencanaan program dan anggaran yang efektif", [
            ("Jumlah dokumen perencanaan program dan anggaran yang disusun tepat waktu",
             "2 Dokumen", "RKT dan PK"),
            ("Jumlah KPU Kabupaten/Kota yang menyampaikan laporan pertanggungjawaban penggunaan "
             "anggaran tepat waktu", "38 Kab/Kota", ""),
        ]),
    ]),
    ("II", "Meningkatkan kualitas tata kelola kelembagaan KPU", [
        ("Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas", [
            ("Indeks Reformasi Birokrasi", "80 Poin", ""),
            ("Nilai Akuntabilitas Kinerja", "BB", "Predikat"),
            ("Opini BPK atas Laporan Keuangan", "WTP", ""),
            ("Nilai Keterbukaan Informasi Publik", "", "Informatif"),  # no target: target-missing
            ("Jumlah laporan keuangan yang disusun sesuai Standar Akuntansi Pemerintahan",
             "12 Laporan", "Bulanan"),
        ]),
        ("Terwujudnya penyelesaian sengketa hukum yang baik", [
            ("Persentase Sengketa Hukum yang dimenangkan KPU Provinsi Jawa Timur", "90 %", ""),
            ("Jumlah kegiatan sosialisasi peraturan perundang-undangan kepemiluan",
             "24 Kegiatan", ""),
        ]),
    ]),
]  # fmt: skip


def jatim_rkt_units() -> Book:
    book = Book(
        "KPU Provinsi Jawa Timur - RKT 2025.xlsx",
        layout="rkt-value-with-unit",
        follows="PermenPANRB 53/2014 (RKT, as KPU's Rencana Kinerja Tahunan), targets typed "
        "with their unit",
        sources=["permenpanrb-53-2014", "lkj-kpu-kaltim-2020"],
        office="KPU Provinsi Jawa Timur",
        office_code="35",
        year=2025,
        about="No Satuan column: every target carries its unit in its own cell ('100 %', '38 "
        "Kab/Kota', '2 Dokumen', '80 Poin', 'BB'); tujuan rows numbered I, II merged across the "
        "table, sasaran merged over their indicators, a Keterangan column of free text.",
    )
    s = book.sheet("RKT 2025")
    s.widths(6, 44, 62, 16, 26)
    s.title_line(1, "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2025", 5)
    s.title_line(2, "KOMISI PEMILIHAN UMUM PROVINSI JAWA TIMUR", 5)
    head = {"bold": True, "center": True, "fill": GREY}
    s.row(
        4,
        1,
        ["NO", "TUJUAN/SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET KINERJA", "KETERANGAN"],
        **head,
    )
    s.row(5, 1, ["(1)", "(2)", "(3)", "(4)", "(5)"], center=True)
    table = book.table(s, "rkt", "RKT", 4)
    row = 6
    for number, tujuan, sasarans in JATIM:
        s.put(row, 1, number, bold=True, center=True)
        s.merge(row, 2, row, 5, tujuan, bold=True)
        row += 1
        for sasaran, indicators in sasarans:
            last = row + len(indicators) - 1
            s.put(row, 1, None)
            s.merge(row, 2, last, 2, sasaran)
            for indicator, target, note in indicators:
                at = s.put(row, 3, indicator)
                at_target = s.put(row, 4, target or None, center=True)
                s.put(row, 5, note)
                if not target:
                    book.fault("target-missing", s, at_target, "the indicator has no target")
                    table.indicator(row, indikator={"cell": at, "value": indicator})
                else:
                    field = expect(at_target, target)
                    table.indicator(
                        row,
                        indikator={"cell": at, "value": indicator},
                        target=field,
                        satuan=satuan_from(field),
                    )
                row += 1
    s.text(row + 1, 1, "Catatan: target ditulis dalam satuan masing-masing indikator.")
    s.signature(
        row + 3,
        4,
        ["Surabaya, 6 Januari 2025", "KETUA KPU PROVINSI JAWA TIMUR", "", "", "", "Aang Kunaifi"],
    )
    s.landscape()
    return book
