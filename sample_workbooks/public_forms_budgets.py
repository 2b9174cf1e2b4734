"""Budgets with their hierarchy: a Kertas Kerja Satker of the RKA-K/L (eight levels, volume ×
harga satuan, JUMLAH SELURUHNYA at the top) and a pagu table with a sub-total at every level.
Codes follow Bagian Anggaran 076's pattern (program 076.01.WA, kegiatan, KRO, RO, komponen,
akun); names and amounts are illustrative. Sources: see public_forms.py."""

from __future__ import annotations

from dataclasses import dataclass, field

from public_forms_book import GREY, THOUSANDS, Book, ref


@dataclass
class Node:
    """A line of the kertas kerja: a code and its name, or a detail with volume and price."""

    level: str
    code: str
    name: str
    volume: str = ""
    price: int = 0
    sd: str = ""
    children: list[Node] = field(default_factory=list)
    location: str | None = None  # a "Lokasi :" line under a KRO

    @property
    def amount(self) -> int:
        if self.level == "detil":
            return int(self.volume.split()[0]) * self.price
        return sum(child.amount for child in self.children if child.level != "grup")


def detil(name: str, volume: str, price: int) -> Node:
    return Node("detil", "", f"- {name}", volume, price)


def akun(code: str, name: str, *details: Node) -> Node:
    return Node("akun", code, name, sd="RM", children=list(details))


RKK = [
    Node("program", "076.01.WA", "Program Dukungan Manajemen", children=[
        Node("kegiatan", "4257", "Penyelenggaraan Dukungan Manajemen dan Pelaksanaan Tugas "
             "Teknis Lainnya KPU Kabupaten/Kota", children=[
            Node("kro", "4257.EBA", "Layanan Dukungan Manajemen Internal", "1 Layanan",
                 location="KAB. JAYAWIJAYA", children=[
                Node("ro", "4257.EBA.994", "Layanan Perkantoran", "1 Layanan", children=[
                    Node("komponen", "001", "Gaji dan Tunjangan yang Melekat pada Gaji", sd="U",
                         children=[Node("subkomponen", "A", "TANPA SUB KOMPONEN", children=[
                             akun("511111", "Belanja Gaji Pokok PNS",
                                  detil("Gaji Pokok PNS", "12 BLN", 41_250_000)),
                             akun("511121", "Belanja Tunjangan Suami/Istri PNS",
                                  detil("Tunjangan Suami/Istri", "12 BLN", 2_615_000)),
                             akun("511151", "Belanja Tunjangan Umum PNS",
                                  detil("Tunjangan Umum", "12 BLN", 1_980_000)),
                         ])]),
                    Node("komponen", "002", "Operasional dan Pemeliharaan Kantor", sd="U",
                         children=[Node("subkomponen", "A", "TANPA SUB KOMPONEN", children=[
                             akun("521111", "Belanja Operasional Perkantoran",
                                  detil("Keperluan Sehari-hari Perkantoran", "12 BLN",
                                        6_500_000),
                                  detil("Biaya Penggandaan", "1 THN", 18_000_000)),
                             akun("522111", "Belanja Langganan Listrik",
                                  detil("Langganan Listrik", "12 BLN", 4_750_000)),
                             akun("523111", "Belanja Pemeliharaan Gedung dan Bangunan",
                                  detil("Pemeliharaan Gedung Kantor", "1 THN", 64_800_000)),
                         ])]),
                ]),
                Node("ro", "4257.EBA.962", "Layanan Umum", "1 Layanan", children=[
                    Node("komponen", "051", "Pelaksanaan Rapat Pleno dan Koordinasi", sd="P",
                         children=[Node("subkomponen", "A", "Rapat Pleno", children=[
                             akun("521211", "Belanja Bahan",
                                  detil("Konsumsi Rapat Pleno", "240 OK", 55_000),
                                  detil("ATK dan Penggandaan Bahan Rapat", "12 KALI", 750_000)),
                             akun("524111", "Belanja Perjalanan Dinas Biasa",
                                  Node("grup", "", "> Koordinasi ke KPU Provinsi Papua "
                                       "Pegunungan"),
                                  detil("Uang Harian", "20 OH", 480_000),
                                  detil("Transport Lokal", "10 OP", 350_000)),
                         ])]),
                ]),
            ]),
        ]),
    ]),
    Node("program", "076.01.CQ", "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi "
         "Demokrasi", children=[
        Node("kegiatan", "4252", "Fasilitasi dan Pembinaan Penyelenggaraan Pemilu dan Pemilihan",
             children=[
            Node("kro", "4252.QMA", "Data dan Informasi Publik", "12 Laporan",
                 location="KAB. JAYAWIJAYA", children=[
                Node("ro", "4252.QMA.001", "Data Pemilih Berkelanjutan", "12 Laporan", children=[
                    Node("komponen", "051", "Pemutakhiran Data Pemilih Berkelanjutan", sd="P",
                         children=[Node("subkomponen", "A", "Koordinasi dan Verifikasi Data",
                                        children=[
                             akun("521211", "Belanja Bahan",
                                  detil("Penggandaan Formulir", "1 PKT", 12_500_000)),
                             akun("524111", "Belanja Perjalanan Dinas Biasa",
                                  detil("Tiket Pesawat Wamena - Jayapura PP", "4 OK", 3_800_000),
                                  detil("Transport ke Distrik", "24 OP", 2_450_000)),
                         ])]),
                ]),
            ]),
        ]),
    ]),
]  # fmt: skip


def jayawijaya_kertas_kerja() -> Book:
    total = sum(node.amount for node in RKK)
    book = Book(
        "KPU Kabupaten Jayawijaya - RKA-KL 2025.xlsx",
        layout="rka-kl-kertas-kerja",
        follows="RKA-K/L, Rincian Kertas Kerja Satker (PMK on the RKA-K/L; the SAKTI print)",
        sources=["rkk-sakti-print", "rkk-sakti-import"],
        office="KPU Kabupaten Jayawijaya",
        office_code="95.01",
        year=2025,
        about="Identity lines (KEMEN/LEMB, UNIT ORG, UNIT KERJA, ALOKASI) above a two-row header "
        "('PERHITUNGAN TAHUN 2025' over VOLUME | HARGA SATUAN | JUMLAH BIAYA) and a numbering "
        "row; JUMLAH SELURUHNYA first, then program -> kegiatan -> KRO -> RO -> komponen -> sub "
        "komponen -> akun -> detil, every level with its sub-total, the code alone in KODE, a "
        "'Lokasi :' line under each KRO, a '>' group line, volume as '12 BLN', SD/CP codes.",
    )
    s = book.sheet("Rincian Kertas Kerja")
    s.widths(14, 64, 12, 14, 16, 8)
    s.title_line(1, "RINCIAN KERTAS KERJA SATKER T.A 2025", 6)
    identity = [
        ("KEMEN/LEMB", ": (076) KOMISI PEMILIHAN UMUM"),
        ("UNIT ORG", ": (01) SEKRETARIAT JENDERAL KOMISI PEMILIHAN UMUM"),
        ("UNIT KERJA", ": (654321) KPU KABUPATEN JAYAWIJAYA"),
        ("ALOKASI", f": Rp {total:,}".replace(",", ".")),
    ]
    for i, (label, value) in enumerate(identity, start=3):
        s.text(i, 1, label, bold=True)
        s.text(i, 2, value)
    head = {"bold": True, "center": True}
    s.merge(8, 1, 9, 1, "KODE", **head)
    s.merge(8, 2, 9, 2, "PROGRAM/ KEGIATAN/ KRO/ RO/ KOMPONEN/ SUBKOMP/ AKUN/ DETIL", **head)
    s.merge(8, 3, 8, 5, "PERHITUNGAN TAHUN 2025", **head)
    s.row(9, 3, ["VOLUME", "HARGA SATUAN", "JUMLAH BIAYA"], **head)
    s.merge(8, 6, 9, 6, "SD/CP", **head)
    s.row(10, 1, [f"({i})" for i in range(1, 7)], center=True)
    s.put(11, 1, None)
    s.put(11, 2, "JUMLAH SELURUHNYA", bold=True)
    s.row(11, 3, [None, None])
    s.put(11, 5, total, fmt=THOUSANDS, bold=True)
    s.put(11, 6, None)
    table = book.table(
        s,
        "anggaran",
        "DIPA",
        8,
        total=total,
        documents=["DIPA", "Renja"],
        note="every line with an amount; the total is JUMLAH SELURUHNYA, the sum "
        "of the program lines",
    )
    row = 12
    for node in RKK:
        row = _rkk_lines(s, table, row, node)
    s.text(row + 1, 4, "Wamena, 20 Desember 2024")
    s.text(row + 2, 4, "Kuasa Pengguna Anggaran,")
    s.text(row + 6, 4, "Yulianus Wenda, S.E.")
    s.landscape(repeat_rows="8:10")
    return book


def _rkk_lines(s, table, row: int, node: Node) -> int:
    bold = node.level in ("program", "kegiatan", "kro", "ro")
    at_code = s.put(row, 1, node.code or None, bold=bold)
    at_name = s.put(row, 2, node.name, bold=bold)
    at_volume = s.put(row, 3, node.volume or None, center=True)
    at_price = s.put(row, 4, node.price or None, fmt=THOUSANDS)
    if node.level == "grup":
        s.put(row, 5, None)
        s.put(row, 6, None)
        return row + 1
    at_amount = s.put(row, 5, node.amount, fmt=THOUSANDS, bold=bold)
    s.put(row, 6, node.sd or None, center=True)
    name = node.name[2:] if node.level == "detil" else node.name
    table.line(
        row,
        node.level,
        uraian={"cell": at_name, "value": name},
        code={"cell": at_code, "value": node.code} if node.code else None,
        amount={"cell": at_amount, "value": node.amount},
        volume={"cell": at_volume, "value": node.volume} if node.volume else None,
        harga_satuan={"cell": at_price, "value": node.price} if node.price else None,
    )
    row += 1
    if node.location:
        s.put(row, 1, None)
        s.put(row, 2, f"Lokasi : {node.location}", italic=True)
        s.row(row, 3, [None, None, None, None])
        row += 1
    for child in node.children:
        row = _rkk_lines(s, table, row, child)
    return row


# --- a pagu table with a sub-total at every level ------------------------------------------------

PAGU = [
    ("I", "076.01.WA", "Program Dukungan Manajemen", [
        ("1", "4257", "Penyelenggaraan Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya", [
            ("a", "4257.EBA", "Layanan Dukungan Manajemen Internal", [
                ("4257.EBA.994", "Layanan Perkantoran", "1", "Layanan", 6_482_115_000),
                ("4257.EBA.962", "Layanan Umum", "1", "Layanan", 412_350_000),
                ("4257.EBA.956", "Layanan BMN", "1", "Layanan", 186_900_000),
            ]),
            ("b", "4257.EBB", "Layanan Sarana dan Prasarana Internal", [
                ("4257.EBB.951", "Layanan Sarana Internal", "3", "Unit", 845_000_000),
                ("4257.EBB.971", "Layanan Prasarana Internal", "1", "Unit", 405_000_000),
            ]),
            ("c", "4257.EBD", "Layanan Manajemen Kinerja Internal", [
                ("4257.EBD.955", "Layanan Manajemen Keuangan", "1", "Layanan", 221_480_000),
                ("4257.EBD.953", "Layanan Pemantauan dan Evaluasi", "1", "Dokumen", 96_250_000),
            ]),
        ]),
    ]),
    ("II", "076.01.CQ", "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi", [
        ("1", "4252", "Fasilitasi dan Pembinaan Penyelenggaraan Pemilu dan Pemilihan", [
            ("a", "4252.QMA", "Data dan Informasi Publik", [
                ("4252.QMA.001", "Data Pemilih Berkelanjutan", "12", "Laporan", 318_600_000),
            ]),
            ("b", "4252.QDC", "Fasilitasi dan Pembinaan Lembaga", [
                ("4252.QDC.002", "Badan Adhoc Pemilihan", "1", "Lembaga", 9_845_210_000),
                ("4252.QDC.003", "Sosialisasi dan Pendidikan Pemilih", "1", "Kegiatan",
                 1_975_300_000),
            ]),
        ]),
    ]),
]  # fmt: skip
STALE = {
    "4257.EBB": 1_275_000_000
}  # typed over its formula, not updated: its ROs add to 1.250.000.000


def kabupaten_malang_pagu() -> Book:
    book = Book(
        "KPU Kabupaten Malang - Rincian Pagu 2024.xlsx",
        layout="budget-subtotals",
        follows="a DIPA's rincian pagu per program, kegiatan, KRO and RO (the petikan DIPA's "
        "levels), as an office retypes it with a sub-total at every level",
        sources=["rkk-sakti-print", "kpu-juknis-dipa-2023"],
        office="KPU Kabupaten Malang",
        office_code="35.07",
        year=2024,
        about="No | Kode | Uraian | Volume | Satuan | Pagu (Rp) | Sumber Dana, numbered I, 1, a, "
        "1) by level; every program, kegiatan and KRO carries its sub-total as a formula with "
        "its value, JUMLAH at the bottom; one KRO's sub-total was typed over its formula and "
        "not updated (Rp 1.275.000.000 where its ROs add to Rp 1.250.000.000).",
    )
    s = book.sheet("Pagu 2024")
    s.widths(5, 14, 56, 8, 10, 18, 12)
    s.title_line(1, "RINCIAN PAGU ANGGARAN TAHUN ANGGARAN 2024", 7)
    s.title_line(2, "KOMISI PEMILIHAN UMUM KABUPATEN MALANG", 7)
    s.title_line(3, "Per Program, Kegiatan, KRO dan RO", 7, bold=False)
    s.row(
        5,
        1,
        ["No", "Kode", "Uraian", "Volume", "Satuan", "Pagu (Rp)", "Sumber Dana"],
        bold=True,
        center=True,
        fill=GREY,
    )
    s.row(6, 1, [str(i) for i in range(1, 8)], center=True)
    table = book.table(s, "anggaran", "DIPA", 5, documents=["DIPA", "RKT", "Renja"])
    row = 7
    programs = []
    for number, code, name, kegiatans in PAGU:
        program_row, row = row, row + 1
        kegiatan_cells = []
        for k_number, k_code, k_name, kros in kegiatans:
            kegiatan_row, row = row, row + 1
            kro_cells = []
            for r_number, r_code, r_name, ros in kros:
                kro_row, row = row, row + 1
                ro_cells = []
                for ro_index, (ro_code, ro_name, volume, unit, amount) in enumerate(ros, 1):
                    ro_cells.append(
                        _pagu_line(
                            book,
                            s,
                            table,
                            row,
                            f"{ro_index})",
                            ro_code,
                            ro_name,
                            "ro",
                            amount=amount,
                            volume=volume,
                            unit=unit,
                        )
                    )
                    row += 1
                kro_cells.append(
                    _pagu_line(
                        book, s, table, kro_row, r_number, r_code, r_name, "kro", parts=ro_cells
                    )
                )
            kegiatan_cells.append(
                _pagu_line(
                    book,
                    s,
                    table,
                    kegiatan_row,
                    k_number,
                    k_code,
                    k_name,
                    "kegiatan",
                    parts=kro_cells,
                )
            )
        programs.append(
            _pagu_line(
                book, s, table, program_row, number, code, name, "program", parts=kegiatan_cells
            )
        )
    total = sum(amount for _, amount in programs)
    table.total = total
    s.merge(row, 1, row, 5, "JUMLAH", bold=True, center=True)
    s.formula(row, 6, "=" + "+".join(at for at, _ in programs), total, fmt=THOUSANDS, bold=True)
    s.put(row, 7, None)
    table.lines.sort(key=lambda line: line["row"])
    s.text(row + 2, 5, "Kepanjen, 4 Januari 2024")
    s.text(row + 3, 5, "SEKRETARIS KPU KABUPATEN MALANG")
    s.text(row + 7, 5, "Drs. Agus Purnomo")
    s.landscape(repeat_rows="5:6")
    return book


def _pagu_line(
    book, s, table, row, number, code, name, level, *, amount=None, parts=(), volume=None, unit=None
) -> tuple[str, int]:
    bold = level in ("program", "kegiatan")
    s.put(row, 1, number, center=True, bold=bold)
    at_code = s.put(row, 2, code, bold=bold)
    at_name = s.put(row, 3, name, bold=bold)
    s.put(row, 4, volume, center=True)
    s.put(row, 5, unit, center=True)
    s.put(row, 7, "RM" if level == "ro" else None, center=True)
    if amount is not None:
        at = s.put(row, 6, amount, fmt=THOUSANDS)
    elif code in STALE:
        amount = STALE[code]
        at = s.put(row, 6, amount, fmt=THOUSANDS, bold=bold)
        book.fault(
            "budget-total-mismatch",
            s,
            at,
            f"sub-total Rp {amount:,} where its lines add to "
            f"Rp {sum(a for _, a in parts):,}".replace(",", "."),
        )
    else:
        amount = sum(a for _, a in parts)
        at = s.formula(
            row, 6, "=" + "+".join(c for c, _ in parts), amount, fmt=THOUSANDS, bold=bold
        )
    table.line(
        row,
        level,
        uraian={"cell": at_name, "value": name},
        code={"cell": at_code, "value": code},
        amount={"cell": at, "value": amount},
    )
    return ref(row, 6), amount
