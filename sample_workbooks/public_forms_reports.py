"""Reports that carry results beside targets: the Renja evaluation of Permendagri 86/2017 and the
LKj comparison table of PermenPANRB 53/2014.
Contents are illustrative (KPU's own indicators, invented figures); the layouts are the point.
See public_forms.py for the sources each form follows."""

from __future__ import annotations

from public_forms_book import (
    GREEN,
    GREY,
    PERCENT,
    PERCENT2,
    THOUSANDS,
    TWO_DECIMALS,
    Book,
    expect,
    meaning,
    ref,
    unit_of,
)

QUARTERS = ["TW I", "TW II", "TW III", "TW IV"]


def capaian(target, realisasi, *, lower: bool = False) -> float | None:
    """realisasi / target × 100, or (2·target − realisasi) / target × 100 where less is better."""
    t, _ = meaning(target) if isinstance(target, str) else (target, None)
    r, _ = meaning(realisasi) if isinstance(realisasi, str) else (realisasi, None)
    if not isinstance(t, int | float) or not isinstance(r, int | float) or not t:
        return None
    value = (2 * t - r) / t * 100 if lower else r / t * 100
    return round(value, 2)


def satuan_from(field: dict | None, cell: str | None = None) -> dict | None:
    """The unit a value carries in its own cell ("24 kegiatan", "95%")."""
    unit = unit_of(field) if field else None
    if not unit or unit in ("predikat", "opini"):
        return None
    return {"cell": cell or field["cell"], "value": unit}


# --- Permendagri 86/2017: evaluation of the Renja, Triwulan IV ---------------------------------

RENJA_SASARAN = [
    (
        "1",
        "Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas",
        [
            # code, program/kegiatan, indicator, renstra (K, Rp), last year (K, Rp),
            # this year (K, Rp), quarters K, quarters Rp, realisasi K
            (
                "076.01.WA",
                "Program Dukungan Manajemen",
                "Indeks Reformasi Birokrasi",
                ("80", 42_150_000_000),
                ("76,5", 31_508_385_000),
                ("80", 10_641_615_000),
                ["-", "-", "-", "78,4"],
                [2_103_500_000, 2_486_120_000, 2_397_800_000, 3_214_060_000],
                "78,4",
            ),
            (
                "4257",
                "Pengelolaan Keuangan dan Barang Milik Negara",
                "Jumlah laporan keuangan dan BMN yang disusun tepat waktu",
                ("20 laporan", 11_805_000_000),
                ("16 laporan", 9_216_000_000),
                ("4 laporan", 2_361_324_000),
                ["1 laporan", "1 laporan", "1 laporan", "1 laporan"],
                [541_200_000, 598_774_000, 602_150_000, 589_300_000],
                "4 laporan",
            ),
            (
                "4258",
                "Operasional Perkantoran dan Dukungan Sarana Prasarana",
                "Persentase fasilitas perkantoran yang berfungsi dengan baik",
                ("100%", 30_345_000_000),
                ("96%", 22_292_385_000),
                ("100%", 8_280_291_000),
                ["95%", "96%", "97%", "98%"],
                [1_562_300_000, 1_887_346_000, 1_795_650_000, 2_624_760_000],
                "98%",
            ),
        ],
    ),
    (
        "2",
        "Terwujudnya Kesadaran Pemilih, Kepemiluan dan Demokrasi yang tinggi",
        [
            (
                "076.01.CQ",
                "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi",
                "Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan",
                ("77,5%", 13_850_000_000),
                ("52,13%", 10_315_400_000),
                ("77,5%", 3_535_300_000),
                ["78,04%", "-", "-", "-"],
                [766_100_000, 1_135_500_000, 786_600_000, 828_050_000],
                "78,04%",
            ),
            (
                "4259",
                "Pemutakhiran Data Pemilih Berkelanjutan",
                "Persentase Pemilih yang Berhak Memilih Tetapi Tidak Masuk dalam Daftar Pemilih "
                "Tetap",
                ("0,16%", 4_250_000_000),
                ("0,21%", 3_105_400_000),
                ("0,16%", 1_146_800_000),
                ["0,18%", "0,17%", "0,16%", "0,15%"],
                [254_100_000, 301_250_000, 287_900_000, 296_450_000],
                "0,15%",
            ),
            (
                "4260",
                "Sosialisasi dan Pendidikan Pemilih",
                "Jumlah kegiatan sosialisasi pendidikan pemilih",
                ("120 kegiatan", 9_600_000_000),
                ("96 kegiatan", 7_210_000_000),
                ("24 kegiatan", 2_388_500_000),
                ["6 kegiatan", "6 kegiatan", "6 kegiatan", "6 kegiatan"],
                [512_000_000, 834_250_000, 498_700_000, 531_600_000],
                None,  # the office left the year's realisasi empty: realisasi-missing
            ),
        ],
    ),
]
RENJA_TOP = [
    ("No", 1, 1),
    ("Sasaran", 2, 2),
    ("Kode", 3, 3),
    ("Program/Kegiatan", 4, 4),
    ("Indikator Kinerja Program (outcome)/ Kegiatan (output)", 5, 5),
    ("Target Renstra KPU Kota Surabaya pada Tahun 2024 (Akhir Periode Renstra)", 6, 7),
    ("Realisasi Capaian Kinerja Renstra s.d. Renja Tahun Lalu (2023)", 8, 9),
    ("Target Kinerja dan Anggaran Renja Tahun Berjalan (2024) yang Dievaluasi", 10, 11),
    ("Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi", 20, 21),
    ("Realisasi Kinerja dan Anggaran Renstra s.d. Tahun 2024", 22, 23),
    ("Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra s.d. Tahun 2024 (%)", 24, 25),
    ("Unit Penanggung Jawab", 26, 26),
    ("Ket.", 27, 27),
]
RENJA_NUMBERS = [
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "10",
    "11",
    "12",
    "13=9+10+11+12",
    "14=7+13",
    "15=14/6x100",
    "16",
    "17",
]


def surabaya_renja_evaluation() -> Book:
    book = Book(
        "KPU Kota Surabaya - Evaluasi Renja 2024.xlsx",
        layout="renja-evaluation",
        follows="Permendagri 86/2017, form E.81: evaluation of a Renja's results (kabupaten/kota)",
        sources=["permendagri-86-2017", "renja-evaluation-export", "renja-evaluation-bandung"],
        office="KPU Kota Surabaya",
        office_code="35.78",
        year=2024,
        about="Three header rows with merged cells: the column names, the quarters I-IV, then a "
        "numbering row ('13=9+10+11+12') above a K | Rp row; every measure is a K | Rp pair. "
        "A sasaran row, then program rows (outcome) and kegiatan rows (output), each with its "
        "indicator. Rp sums as formulas with their values; the average and predikat under the "
        "table, four rows of narrative, two signatures.",
    )
    s = book.sheet("Evaluasi Renja TW IV")
    s.widths(4, 22, 10, 26, 34, *([9, 13] * 10), 16, 8)
    s.title_line(1, "EVALUASI TERHADAP HASIL RENJA KOMISI PEMILIHAN UMUM KOTA SURABAYA", 27)
    s.title_line(2, "PERIODE PELAKSANAAN: TAHUN 2024 (TRIWULAN IV)", 27)
    s.text(
        3,
        1,
        "Indikator dan target kinerja yang mengacu pada sasaran Renstra KPU: "
        "Terwujudnya penyelenggaraan Pemilu dan Pemilihan yang demokratis",
    )
    head = {"bold": True, "center": True, "fill": GREEN}
    for text, first, last in RENJA_TOP:
        s.merge(5, first, 6, last, text, **head)
    s.merge(5, 12, 5, 19, "Realisasi Kinerja Pada Triwulan", **head)
    for i, roman in enumerate(["I", "II", "III", "IV"]):
        s.merge(6, 12 + 2 * i, 6, 13 + 2 * i, roman, **head)
    col = 1
    for number in RENJA_NUMBERS:
        if col <= 5 or col >= 26:
            s.merge(7, col, 8, col, number, **head)
            col += 1
        else:
            s.merge(7, col, 7, col + 1, number, **head)
            s.put(8, col, "K", **head)
            s.put(8, col + 1, "Rp", **head)
            col += 2
    table = book.table(
        s,
        "rkt",
        "Renja",
        5,
        kinds=["rkt", "rkt-sekretariat"],
        periods_hold="realisasi",
        note="the quarters' columns hold realisasi (K) and money (Rp)",
    )
    row, capaian_cells = 9, []
    for number, sasaran, entries in RENJA_SASARAN:
        s.put(row, 1, number, center=True, fill=GREY)
        s.merge(row, 2, row, 27, sasaran, bold=True, fill=GREY)
        row += 1
        for entry in entries:
            capaian_cells.append(_renja_row(book, s, table, row, entry))
            row += 1
    found = [c for c in capaian_cells if c is not None]
    average = round(sum(v for _, v in found) / len(found), 2)
    s.merge(row, 1, row, 23, "Rata-rata capaian kinerja (%)", bold=True)
    s.formula(row, 24, f"=AVERAGE({','.join(c for c, _ in found)})", average, fmt=TWO_DECIMALS)
    s.merge(row + 1, 1, row + 1, 23, "Predikat kinerja", bold=True)
    s.put(row + 1, 24, "Sangat Tinggi")
    notes = [
        "Faktor pendorong keberhasilan kinerja: koordinasi dengan Pemerintah Kota Surabaya dan "
        "dukungan anggaran tepat waktu.",
        "Faktor penghambat pencapaian kinerja: keterlambatan data kependudukan untuk pemutakhiran "
        "data pemilih.",
        "Tindak lanjut yang diperlukan dalam triwulan berikutnya: rapat koordinasi data pemilih "
        "dengan Dispendukcapil.",
        "Tindak lanjut yang diperlukan dalam Renja berikutnya: menambah sosialisasi di kecamatan "
        "dengan partisipasi rendah.",
    ]
    for i, note in enumerate(notes, start=row + 2):
        s.merge(i, 1, i, 27, note)
    sign = row + 7
    s.signature(
        sign,
        5,
        [
            "Disusun",
            "Surabaya, 15 Januari 2025",
            "SEKRETARIS KPU KOTA SURABAYA",
            "",
            "",
            "",
            "Dra. Ratna Wulandari, M.Si",
            "NIP. 197305121998032004",
        ],
    )
    s.signature(
        sign,
        20,
        [
            "Dievaluasi",
            "Surabaya, 15 Januari 2025",
            "KETUA KPU KOTA SURABAYA",
            "",
            "",
            "",
            "Nur Syamsi, S.H.",
        ],
    )
    s.landscape(repeat_rows="5:8")
    return book


def _renja_row(book: Book, s, table, row: int, entry) -> tuple[str, float] | None:
    code, name, indicator, renstra, last, target, quarters, quarter_rp, realisasi = entry
    program = code.startswith("076")
    style = {"bold": program}
    s.put(row, 3, code, **style)
    s.put(row, 4, name, **style)
    at_indicator = s.put(row, 5, indicator, **style)
    for col, (k, rp) in ((6, renstra), (8, last), (10, target)):
        s.put(row, col, k, center=True)
        s.put(row, col + 1, rp, fmt=THOUSANDS)
    for i, (k, rp) in enumerate(zip(quarters, quarter_rp, strict=True)):
        s.put(row, 12 + 2 * i, k, center=True)
        s.put(row, 13 + 2 * i, rp, fmt=THOUSANDS)
    spent = sum(quarter_rp)
    quarter_refs = "+".join(ref(row, 13 + 2 * i) for i in range(4))
    s.formula(row, 21, f"={quarter_refs}", spent, fmt=THOUSANDS)
    s.formula(row, 23, f"={ref(row, 9)}+{ref(row, 21)}", last[1] + spent, fmt=THOUSANDS)
    s.formula(
        row,
        25,
        f"={ref(row, 23)}/{ref(row, 7)}*100",
        round((last[1] + spent) / renstra[1] * 100, 6),
        fmt=TWO_DECIMALS,
    )
    s.put(row, 26, "Sekretariat KPU Kota Surabaya")
    s.put(row, 27, "")
    lower = "Tidak Masuk" in indicator
    if realisasi is None:
        at = s.put(row, 20, None)
        book.fault("realisasi-missing", s, at, "the year's realisasi (column 13, K) left empty")
        for col in (22, 24):
            s.put(row, col, None)
        renstra_capaian = None
    else:
        s.put(row, 20, realisasi, center=True)
        cumulative = realisasi
        _, unit = meaning(target[0])
        r_value, _ = meaning(realisasi)
        if unit not in ("persen", None) and isinstance(r_value, int):  # a count adds up
            cumulative = f"{meaning(last[0])[0] + r_value} {unit}"
        s.put(row, 22, cumulative, center=True)
        renstra_capaian = capaian(renstra[0], cumulative, lower=lower)
        s.put(row, 24, renstra_capaian, fmt=TWO_DECIMALS)
    target_field = expect(ref(row, 10), target[0])
    realisasi_field = expect(ref(row, 20), realisasi) if realisasi is not None else None
    table.indicator(
        row,
        indikator={"cell": at_indicator, "value": indicator},
        target=target_field,
        satuan=satuan_from(target_field),
        realisasi=realisasi_field,
        capaian_dihitung=computed_field(target[0], realisasi, lower),
        **{
            f"realisasi_{q}": expect(ref(row, 12 + 2 * i), quarters[i])
            for i, q in enumerate(QUARTERS)
        },
    )
    return (ref(row, 24), renstra_capaian) if renstra_capaian is not None else None


def computed_field(target, realisasi, lower: bool) -> dict | None:
    value = capaian(target, realisasi, lower=lower) if realisasi is not None else None
    return {"cell": None, "value": value} if value is not None else None


# --- PermenPANRB 53/2014: the LKj's comparison with past years ----------------------------------

LKJ_ROWS = [
    (
        "Terwujudnya Kesadaran Pemilih, Kepemiluan dan Demokrasi yang tinggi",
        [
            # indicator, satuan, 2022, 2023, target, realisasi, stated capaian (None: formula)
            ("Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan", "%",
             "-", "-", 0.78, 0.8113, None),
            ("Persentase Partisipasi Pemilih Perempuan dalam Pemilu/Pemilihan", "%",
             "-", "-", 0.78, 0.8342, 110.25),  # wrong: 0.8342 / 0.78 = 106.95
            ("Persentase Pemilih yang Berhak Memilih Tetapi Tidak Masuk dalam Daftar Pemilih "
             "Tetap", "%", 0.0021, 0.0018, 0.0016, 0.0012, None),
        ],
    ),
    (
        "Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas",
        [
            ("Indeks Reformasi Birokrasi", "Indeks", 71.25, 74.1, 80, 77.85, None),
            ("Nilai Akuntabilitas Kinerja", "Predikat", "B", "BB", "BB", "BB", 100),
            ("Opini BPK atas Laporan Keuangan", "Opini", "WTP", "WTP", "WTP", "WTP", 100),
            ("Nilai Keterbukaan Informasi Publik", "Nilai", 84.5, 88.2, 90, 91.3, None),
        ],
    ),
    (
        "Terwujudnya Pemilu Serentak yang aman dan damai disertai penyelesaian sengketa hukum "
        "yang baik",
        [
            ("Persentase Sengketa Hukum yang dimenangkan KIP Kabupaten Aceh Besar", "%",
             "-", "-", "105%", "100%", 95.24),  # a target over 100 %
        ],
    ),
]  # fmt: skip


def aceh_besar_lkj() -> Book:
    book = Book(
        "KIP Kabupaten Aceh Besar - LKj 2024.xlsx",
        layout="lkj-comparison",
        follows="PermenPANRB 53/2014, Lampiran III (Laporan Kinerja), Bab III: realisasi and "
        "capaian of this year compared with past years",
        sources=["permenpanrb-53-2014", "lkj-kpu-sarolangun-2019", "lkj-kpu-kaltim-2020"],
        office="KIP Kabupaten Aceh Besar",
        office_code="11.06",
        year=2024,
        about="'REALISASI' merged over 2022 | 2023 and 'TAHUN 2024' merged over TARGET | "
        "REALISASI | CAPAIAN (%), a Satuan column, percentages as formatted numbers, '-' for "
        "years without an election, capaian as formulas (one lower-is-better) or typed, sasaran "
        "merged over their indicators, notes and a signature under the table.",
    )
    s = book.sheet("Tabel 3.2")
    s.widths(5, 32, 46, 10, 10, 10, 10, 11, 11, 24)
    s.text(1, 1, "Tabel 3.2", bold=True)
    s.title_line(
        2, "PERBANDINGAN REALISASI DAN CAPAIAN KINERJA TAHUN 2024 DENGAN TAHUN SEBELUMNYA", 10
    )
    s.title_line(3, "KOMISI INDEPENDEN PEMILIHAN KABUPATEN ACEH BESAR", 10)
    head = {"bold": True, "center": True}
    for col, text in (
        (1, "NO"),
        (2, "SASARAN STRATEGIS"),
        (3, "INDIKATOR KINERJA"),
        (4, "SATUAN"),
        (10, "KETERANGAN"),
    ):
        s.merge(5, col, 6, col, text, **head)
    s.merge(5, 5, 5, 6, "REALISASI", **head)
    s.row(6, 5, [2022, 2023], **head)
    s.merge(5, 7, 5, 9, "TAHUN 2024", **head)
    s.row(6, 7, ["TARGET", "REALISASI", "CAPAIAN (%)"], **head)
    s.row(7, 1, [f"({i})" for i in range(1, 11)], center=True)
    table = book.table(s, "rkt", "LKj", 5, kinds=["rkt", "rkt-sekretariat"])
    row = 8
    for number, (sasaran, indicators) in enumerate(LKJ_ROWS, start=1):
        last = row + len(indicators) - 1
        s.merge(row, 1, last, 1, str(number), center=True)
        s.merge(row, 2, last, 2, sasaran)
        for entry in indicators:
            _lkj_row(book, s, table, row, entry)
            row += 1
    s.text(row, 1, "Sumber: Data KIP Kabupaten Aceh Besar dan Sidalih, diolah.")
    s.text(
        row + 1, 1, "Keterangan: tanda - berarti pada tahun tersebut tidak ada Pemilu/Pemilihan."
    )
    s.signature(
        row + 3,
        8,
        [
            "Kota Jantho, 31 Januari 2025",
            "KETUA KIP KABUPATEN ACEH BESAR",
            "",
            "",
            "",
            "Muhammad Yusuf, S.Pd.I",
        ],
    )
    s.landscape(repeat_rows="5:7")
    return book


def _lkj_row(book: Book, s, table, row: int, entry) -> None:
    indicator, satuan, y2022, y2023, target, realisasi, stated = entry
    lower = "Tidak Masuk" in indicator
    percent = isinstance(target, float) and satuan == "%"
    small = percent and target < 0.01
    fmt = PERCENT2 if small else PERCENT if percent else None
    at_indicator = s.put(row, 3, indicator)
    s.put(row, 4, satuan, center=True)
    fields = {}
    for name, col, value in (
        ("realisasi_2022", 5, y2022),
        ("realisasi_2023", 6, y2023),
        ("target", 7, target),
        ("realisasi", 8, realisasi),
    ):
        is_number = isinstance(value, int | float)
        value_fmt = (PERCENT2 if small or col == 8 else fmt) if percent and is_number else None
        at = s.put(row, col, value, fmt=value_fmt, center=True)
        field = expect(at, value, percent_cell=bool(value_fmt))
        fields[name] = field if field["value"] is not None else None
    t_value, r_value = fields["target"]["value"], fields["realisasi"]["value"]
    computed = capaian(t_value, r_value, lower=lower) if isinstance(t_value, int | float) else None
    if target == "105%":
        computed = None  # a target over 100 % has no meaningful capaian
        book.fault("target-out-of-range", s, ref(row, 7), "a percentage target of 105 %")
    if stated is None:
        formula = (
            f"=(2*{ref(row, 7)}-{ref(row, 8)})/{ref(row, 7)}*100"
            if lower
            else f"={ref(row, 8)}/{ref(row, 7)}*100"
        )
        exact = ((2 * target - realisasi) / target * 100) if lower else realisasi / target * 100
        stated_value = round(exact, 10)  # what Excel stored
        at_capaian = s.formula(row, 9, formula, stated_value, fmt=TWO_DECIMALS, center=True)
    else:
        at_capaian = s.put(row, 9, stated, fmt=TWO_DECIMALS, center=True)
        stated_value = stated
        if stated == 110.25:
            book.fault(
                "capaian-mismatch",
                s,
                at_capaian,
                "capaian typed as 110,25 where 83,42 / 78 x 100 = 106,95",
            )
    s.put(row, 10, "Semakin kecil semakin baik" if lower else "")
    table.indicator(
        row,
        indikator={"cell": at_indicator, "value": indicator},
        satuan={"cell": ref(row, 4), "value": satuan},
        capaian={"cell": at_capaian, "value": stated_value},
        capaian_dihitung={"cell": None, "value": computed} if computed is not None else None,
        **fields,
    )
