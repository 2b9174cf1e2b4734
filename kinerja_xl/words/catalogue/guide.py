"""The catalogue, part three: the templates' guide (the Petunjuk sheet) and the hints Excel
shows in a template's cells (at most 255 characters each: Excel's limit)."""

from __future__ import annotations

GUIDE: dict[str, dict[str, str]] = {
    "guide-title-rkt": {
        "id": "PETUNJUK PENGISIAN — RENCANA KINERJA TAHUNAN DAN ANGGARAN TAHUN {year}",
        "en": "HOW TO FILL IN — ANNUAL PERFORMANCE PLAN AND BUDGET {year}",
    },
    "guide-examples-rkt": {"id": "Contoh target yang sah", "en": "Valid targets, for example"},
    "guide-title-iku": {
        "id": "PETUNJUK PENGISIAN — INDIKATOR KINERJA UTAMA TAHUN {year}",
        "en": "HOW TO FILL IN — KEY PERFORMANCE INDICATORS {year}",
    },
    "guide-examples-iku": {"id": "Contoh satu baris IKU", "en": "One IKU row, for example"},
    "guide-title-anggaran": {
        "id": "PETUNJUK PENGISIAN — RENCANA ANGGARAN TAHUN {year}",
        "en": "HOW TO FILL IN — BUDGET PLAN {year}",
    },
    "guide-examples-anggaran": {
        "id": "Contoh satu baris anggaran",
        "en": "One budget row, for example",
    },
    "guide-intro-1": {
        "id": "Isi hanya baris kosong di bawah judul kolom. Judul dan baris nomor kolom dikunci (tanpa kata sandi).",
        "en": "Fill in only the empty rows under the column headers. Titles and header rows are locked (no password).",
    },
    "guide-intro-2": {
        "id": "Sel yang diisi tidak sesuai aturan akan berwarna merah; arahkan kursor ke sel untuk melihat petunjuknya.",
        "en": "A cell filled against the rules turns red; point at a cell to see what it expects.",
    },
    "guide-intro-3": {
        "id": "Jangan mengubah nama lembar atau judul kolom; tambahkan baris bila perlu (klik kanan > Sisipkan).",
        "en": "Do not rename sheets or headers; add rows if needed (right-click > Insert).",
    },
    "guide-check-1": {
        "id": 'Sebelum mengirim, periksa berkas dengan:  kinerja-xl check "nama berkas.xlsx" --annotate diperiksa/',
        "en": 'Before sending, check the file with:  kinerja-xl check "file name.xlsx" --annotate checked/',
    },
    "guide-check-2": {
        "id": "Hasilnya menyebut lembar dan sel yang perlu diperbaiki, dan salinan bertanda di folder diperiksa/.",
        "en": "It names the sheet and cell to fix, and writes a marked-up copy into checked/.",
    },
    "guide-rkt-no-name": {"id": "No", "en": "No"},
    "guide-rkt-no-how": {
        "id": "Nomor urut sasaran (1, 2, 3 …); boleh dikosongkan pada baris indikator berikutnya.",
        "en": "Goal number (1, 2, 3 …); may stay empty on the following indicator rows.",
    },
    "guide-rkt-sasaran-name": {
        "id": "Sasaran Strategis / Kegiatan",
        "en": "Sasaran Strategis / Kegiatan",
    },
    "guide-rkt-sasaran-how": {
        "id": "Tulis sasaran pada baris indikator pertamanya saja; baris di bawahnya yang kosong ikut sasaran tersebut.",
        "en": "Write the goal on its first indicator row only; empty rows below belong to it.",
    },
    "guide-rkt-indikator-name": {"id": "Indikator Kinerja", "en": "Indikator Kinerja"},
    "guide-rkt-indikator-how": {
        "id": "Satu indikator per baris. Awali dengan Persentase, Indeks, Nilai, Opini atau Jumlah.",
        "en": "One indicator per row, starting with Persentase, Indeks, Nilai, Opini or Jumlah.",
    },
    "guide-rkt-target-name": {"id": "Target", "en": "Target"},
    "guide-rkt-target-how": {
        "id": "Sesuai Satuan: 90% untuk persen, 80 untuk indeks, B untuk predikat, WTP untuk opini, 5 untuk jumlah dokumen.",
        "en": "By unit: 90% for persen, 80 for indeks, B for predikat, WTP for opini, 5 for a count.",
    },
    "guide-rkt-satuan-name": {"id": "Satuan", "en": "Satuan"},
    "guide-rkt-satuan-how": {
        "id": "Pilih dari daftar: persen, indeks, nilai, predikat, opini, jumlah, dokumen, laporan …",
        "en": "Choose from the list: persen, indeks, nilai, predikat, opini, jumlah, dokumen, laporan …",
    },
    "guide-rkt-anggaran-name": {"id": "Anggaran", "en": "Anggaran"},
    "guide-rkt-anggaran-how": {
        "id": "Satu program per baris, rupiah utuh (814815000). Baris JUMLAH terisi otomatis.",
        "en": "One program per row, whole rupiah (814815000). The JUMLAH row adds up by itself.",
    },
    "guide-iku-no-name": {"id": "No.", "en": "No."},
    "guide-iku-no-how": {
        "id": "Baris program sudah tersedia (076.01.CQ dan 076.01.WA); isi indikator di bawah programnya.",
        "en": "Program rows are there (076.01.CQ and 076.01.WA); write indicators under their program.",
    },
    "guide-iku-kode-name": {"id": "Kode program", "en": "Program code"},
    "guide-iku-kode-how": {
        "id": "Format 076.01.XX, mis. 076.01.WA.",
        "en": "Form 076.01.XX, e.g. 076.01.WA.",
    },
    "guide-iku-uraian-name": {"id": "Uraian", "en": "Uraian"},
    "guide-iku-uraian-how": {
        "id": "Nama indikator kinerja utama.",
        "en": "The key indicator's name.",
    },
    "guide-iku-cara-name": {"id": "Cara Penghitungan", "en": "Cara Penghitungan"},
    "guide-iku-cara-how": {
        "id": "Wajib diisi: rumus atau cara menghitung capaian.",
        "en": "Required: how achievement is calculated.",
    },
    "guide-iku-sumber-name": {"id": "Sumber Data", "en": "Sumber Data"},
    "guide-iku-sumber-how": {
        "id": "Wajib diisi: dari mana data capaian diperoleh.",
        "en": "Required: where the data comes from.",
    },
    "guide-anggaran-no-name": {"id": "No", "en": "No"},
    "guide-anggaran-no-how": {"id": "Nomor urut program.", "en": "Program number."},
    "guide-anggaran-program-name": {"id": "Program", "en": "Program"},
    "guide-anggaran-program-how": {
        "id": "Nama program, sama dengan sasaran kegiatan di RKT Sekretariat.",
        "en": "Program name, matching a sasaran kegiatan of the RKT Sekretariat.",
    },
    "guide-anggaran-anggaran-name": {"id": "Anggaran", "en": "Anggaran"},
    "guide-anggaran-anggaran-how": {
        "id": "Rupiah utuh tanpa titik dan tanpa 'Rp' (814815000); tampil sebagai Rp814.815.000.",
        "en": "Whole rupiah without dots or 'Rp' (814815000); shown as Rp814.815.000.",
    },
    "guide-anggaran-jumlah-name": {"id": "JUMLAH", "en": "JUMLAH"},
    "guide-anggaran-jumlah-how": {
        "id": "Terisi otomatis; jangan diketik.",
        "en": "Adds up by itself; do not type it.",
    },
    "guide-iku-example-uraian-name": {"id": "Uraian", "en": "Uraian"},
    "guide-iku-example-uraian-how": {
        "id": "Persentase pemutakhiran data pemilih yang tepat waktu",
        "en": "Persentase pemutakhiran data pemilih yang tepat waktu",
    },
    "guide-iku-example-cara-name": {"id": "Cara Penghitungan", "en": "Cara Penghitungan"},
    "guide-iku-example-cara-how": {
        "id": "(jumlah tahapan pemutakhiran yang selesai tepat waktu / jumlah tahapan) × 100%",
        "en": "(stages of the voter-list update finished on time / all stages) × 100%",
    },
    "guide-iku-example-sumber-name": {"id": "Sumber Data", "en": "Sumber Data"},
    "guide-iku-example-sumber-how": {
        "id": "Laporan pemutakhiran data pemilih (Sidalih)",
        "en": "Voter-list update report (Sidalih)",
    },
    "guide-anggaran-example-program-name": {"id": "Program", "en": "Program"},
    "guide-anggaran-example-program-how": {
        "id": "Program Dukungan Manajemen",
        "en": "Program Dukungan Manajemen",
    },
    "guide-anggaran-example-anggaran-name": {"id": "Anggaran", "en": "Anggaran"},
    "guide-anggaran-example-anggaran-how": {
        "id": "ketik 814815000 — tampil Rp814.815.000",
        "en": "type 814815000 — shown as Rp814.815.000",
    },
    "hint-target-title": {"id": "Target", "en": "Target"},
    "hint-target-input": {
        "id": "Isi sesuai Satuan: persen 0-100% (ketik 90%), indeks/nilai 0-100, predikat {grades}, opini {opinions}, jumlah bilangan bulat >= 0.",
        "en": "Fill in by Satuan: persen 0-100% (type 90%), indeks/nilai 0-100, predikat {grades}, opini {opinions}, counts whole numbers >= 0.",
    },
    "hint-target-error": {
        "id": "Target tidak sesuai dengan Satuan di kolom berikutnya. Lihat lembar Petunjuk.",
        "en": "The target does not fit the Satuan in the next column. See the Petunjuk sheet.",
    },
    "hint-unit-title": {"id": "Satuan", "en": "Unit (Satuan)"},
    "hint-unit-input": {
        "id": "Pilih satuan target dari daftar.",
        "en": "Choose the target's unit from the list.",
    },
    "hint-rupiah-title": {"id": "Anggaran (Rp)", "en": "Budget (Rp)"},
    "hint-rupiah-input": {
        "id": "Rupiah utuh tanpa titik dan tanpa 'Rp', mis. 814815000.",
        "en": "Whole rupiah, no dots and no 'Rp', e.g. 814815000.",
    },
    "hint-rupiah-error": {
        "id": "Anggaran harus bilangan bulat 0 atau lebih.",
        "en": "A budget must be a whole number, 0 or more.",
    },
    "hint-code-title": {"id": "Kode program", "en": "Program code"},
    "hint-code-input": {
        "id": "Format 076.01.XX: tiga angka, dua angka, dua huruf kapital (mis. 076.01.WA).",
        "en": "Form 076.01.XX: three digits, two digits, two capital letters (e.g. 076.01.WA).",
    },
    "guide-rkt-example-persen": {
        "id": "mis. 90% atau 0,16% — Satuan: persen",
        "en": "e.g. 90% or 0,16% — Satuan: persen",
    },
    "guide-rkt-example-indeks": {
        "id": "mis. 80 — Satuan: indeks",
        "en": "e.g. 80 — Satuan: indeks",
    },
    "guide-rkt-example-predikat": {
        "id": "{codes} — Satuan: predikat",
        "en": "{codes} — Satuan: predikat",
    },
    "guide-rkt-example-opini": {"id": "{codes} — Satuan: opini", "en": "{codes} — Satuan: opini"},
    "guide-rkt-example-jumlah": {
        "id": "mis. 5 — Satuan: dokumen",
        "en": "e.g. 5 — Satuan: dokumen",
    },
}
