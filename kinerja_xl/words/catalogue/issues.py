"""The catalogue, part one: what people read about an issue — its message (one template per
code and language), its short label, the reasons a file cannot be read, and the small words
the templates combine. Placeholders are named in `FIELDS` (tests/test_catalogue.py renders
every template with exactly those)."""

from __future__ import annotations

# code -> the placeholders its two templates use (both languages the same ones; messages.render
# fills every one of them, so a misspelt placeholder fails the tests instead of printing "")
FIELDS: dict[str, tuple[str, ...]] = {
    "file-unreadable": ("reason_text",),
    "sheet-unreadable": ("sheet", "value"),
    "table-not-found": (),
    "target-missing": ("expected", "indicator"),
    "target-unparseable": ("expected", "value", "why"),
    "target-out-of-range": ("expected", "hint", "indicator", "value"),
    "target-invalid-category": ("category", "expected", "value"),
    "target-unit-mismatch": ("expected", "found", "indicator", "value"),
    "indicator-missing": (),
    "duplicate-indicator": ("first", "indicator"),
    "budget-unparseable": ("value", "why"),
    "budget-negative": ("value",),
    "budget-total-mismatch": ("difference", "expected", "uncounted", "value"),
    "iku-field-missing": ("field", "indicator"),
    "program-code-invalid": ("value",),
    "formula-no-value": ("value",),
    "budget-program-unmatched": ("other", "side", "value"),
    "table-empty": ("kind", "sheet"),
    "duplicate-submission": ("kept", "kind", "office"),
    "hidden-content": ("value", "what"),
    "row-unplaced": ("value",),
    "generated-file": ("what",),
    "external-link": ("value",),
    "rule-failed": ("check", "column", "file", "rule", "value"),
    "realisasi-missing": ("expected", "indicator"),
    "realisasi-unparseable": ("expected", "value", "why"),
    "realisasi-out-of-range": ("expected", "hint", "indicator", "value"),
    "realisasi-invalid-category": ("category", "expected", "value"),
    "capaian-mismatch": ("computed", "formula", "indicator", "value"),
    "target-inconsistent": ("indicator", "other_document", "other_place", "other_value", "value"),
    "office-unknown": ("value", "why"),
}

TEMPLATES: dict[str, dict[str, str]] = {
    "file-unreadable": {
        "id": "Berkas tidak dapat dibaca: {reason_text}.",
        "en": "The file cannot be read: {reason_text}.",
    },
    "sheet-unreadable": {
        "id": "Lembar '{sheet}' tercantum di buku kerja tetapi isinya tidak dapat dibaca ({value}).",
        "en": "Sheet '{sheet}' is listed in the workbook but its content cannot be read ({value}).",
    },
    "table-not-found": {
        "id": "Tidak ada tabel RKT, IKU atau Anggaran di buku kerja ini. Pastikan baris judul "
        "kolom memuat mis. 'NO | SASARAN STRATEGIS | INDIKATOR KINERJA | TARGET'.",
        "en": "No RKT, IKU or Anggaran table in this workbook. Make sure a header row reads e.g. "
        "'NO | SASARAN STRATEGIS | INDIKATOR KINERJA | TARGET'.",
    },
    "target-missing": {
        "id": 'Indikator "{indicator}" belum memiliki target. Isi dengan {expected}.',
        "en": 'Indicator "{indicator}" has no target. Fill in {expected}.',
    },
    "target-unparseable": {
        "id": "Target '{value}' tidak dikenali{why}. Tulis {expected}.",
        "en": "Target '{value}' is not recognised{why}. Write {expected}.",
    },
    "target-out-of-range": {
        "id": "Target '{value}' di luar rentang yang sah ({expected}) untuk \"{indicator}\".{hint}",
        "en": "Target '{value}' is outside the valid range ({expected}) for \"{indicator}\".{hint}",
    },
    "target-invalid-category": {
        "id": "Target '{value}' bukan {category} yang sah; yang sah: {expected}.",
        "en": "Target '{value}' is not a valid {category}; expected {expected}.",
    },
    "target-unit-mismatch": {
        "id": "Target '{value}' ({found}) tidak sesuai dengan indikator \"{indicator}\" yang "
        "mengharapkan {expected}.",
        "en": "Target '{value}' ({found}) does not fit indicator \"{indicator}\", which expects "
        "{expected}.",
    },
    "indicator-missing": {
        "id": "Baris ini memiliki sasaran atau target tetapi tidak ada teks indikator kinerja.",
        "en": "This row has a sasaran or a target but no indicator text.",
    },
    "duplicate-indicator": {
        "id": 'Indikator "{indicator}" tertulis dua kali dalam tabel ini (pertama di {first}).',
        "en": 'Indicator "{indicator}" appears twice in this table (first at {first}).',
    },
    "budget-unparseable": {
        "id": "Anggaran '{value}' bukan jumlah rupiah yang sah{why}. Tulis rupiah utuh, mis. "
        "Rp 814.815.000 atau 814815000.",
        "en": "Budget '{value}' is not a valid rupiah amount{why}. Write whole rupiah, e.g. "
        "Rp 814.815.000 or 814815000.",
    },
    "budget-negative": {
        "id": "Anggaran '{value}' bernilai negatif; anggaran harus 0 atau lebih.",
        "en": "Budget '{value}' is negative; a budget must be 0 or more.",
    },
    "budget-total-mismatch": {
        "id": "Baris JUMLAH menyatakan {value}, tetapi jumlah rincian adalah {expected} "
        "(selisih {difference}){uncounted}.",
        "en": "The total row declares {value}, but the lines add up to {expected} "
        "(difference {difference}){uncounted}.",
    },
    "iku-field-missing": {
        "id": 'Indikator IKU "{indicator}" belum memiliki {field}.',
        "en": 'IKU indicator "{indicator}" lacks {field}.',
    },
    "program-code-invalid": {
        "id": "Kode program '{value}' tidak berformat 076.01.XX (tiga angka, dua angka, dua huruf "
        "kapital), mis. 076.01.WA.",
        "en": "Program code '{value}' is not of the form 076.01.XX (three digits, two digits, two "
        "capital letters), e.g. 076.01.WA.",
    },
    "formula-no-value": {
        "id": "Sel berisi rumus {value} tanpa nilai tersimpan: buka berkas di Excel, tekan F9 "
        "(hitung ulang), lalu simpan.",
        "en": "The cell holds formula {value} with no stored value: open the file in Excel, "
        "press F9 (recalculate) and save.",
    },
    "budget-program-unmatched": {
        "id": '{side} "{value}" tidak memiliki pasangan {other}.',
        "en": '{side} "{value}" has no matching {other}.',
    },
    "table-empty": {
        "id": "Tabel {kind} di lembar '{sheet}' memiliki judul kolom tetapi belum ada baris data.",
        "en": "The {kind} table on sheet '{sheet}' has a header but no data rows.",
    },
    "duplicate-submission": {
        "id": "{office} mengirim {kind} lebih dari sekali; dipakai berkas terbaru '{kept}', "
        "berkas ini diabaikan.",
        "en": "{office} sent {kind} more than once; the newest file '{kept}' is used and this "
        "one is set aside.",
    },
    "hidden-content": {
        "id": "Data dibaca dari {what} yang disembunyikan ({value}); periksa apakah memang "
        "harus ikut.",
        "en": "Data was read from hidden {what} ({value}); check that it belongs in the plan.",
    },
    "row-unplaced": {
        "id": "Baris di dalam tabel ini tidak dapat ditempatkan (bukan indikator, judul kelompok "
        "atau baris jumlah): '{value}'.",
        "en": "A row inside this table could not be placed (not an indicator, group heading or "
        "total): '{value}'.",
    },
    "office-unknown": {
        "id": "Satker KPU pengirim tidak dikenali{why}{value}. kinerja-xl mencari nama satker di "
        "judul, baris identitas dan tanda tangan, nama berkas dan nama lembar; tulis namanya di "
        "judul, mis. 'KPU Kabupaten Tapin' atau 'KIP Kabupaten Aceh Besar'.",
        "en": "The sending KPU office is not recognised{why}{value}. kinerja-xl looked for an "
        "office's name in the titles, the identity and signature lines, the file name and the "
        "sheet names; write it in a title, e.g. 'KPU Kabupaten Tapin' or 'KIP Kabupaten Aceh "
        "Besar'.",
    },
    "generated-file": {
        "id": "Berkas ini adalah keluaran kinerja-xl ({what}), bukan kiriman satker; isinya tidak "
        "dibaca ulang.",
        "en": "This file is a kinerja-xl output ({what}), not an office's submission; its content "
        "is not read again.",
    },
    "external-link": {
        "id": "Buku kerja memuat {value} tautan ke berkas lain; nilai yang dibaca adalah salinan "
        "terakhir yang tersimpan.",
        "en": "The workbook holds {value} {value:link|links} to other files; the values read are the last "
        "saved copies.",
    },
    "rule-failed": {
        "id": "Aturan '{check}' ({file}, kolom {column}) tidak terpenuhi oleh '{value}'{rule}.",
        "en": "Rule '{check}' ({file}, column {column}) is not met by '{value}'{rule}.",
    },
    "realisasi-missing": {
        "id": 'Indikator "{indicator}" memiliki target tetapi belum ada realisasinya. Isi dengan '
        "{expected}.",
        "en": 'Indicator "{indicator}" has a target but no realisasi. Fill in {expected}.',
    },
    "realisasi-unparseable": {
        "id": "Realisasi '{value}' tidak dikenali{why}. Tulis {expected}.",
        "en": "Realisasi '{value}' is not recognised{why}. Write {expected}.",
    },
    "realisasi-out-of-range": {
        "id": "Realisasi '{value}' di luar rentang yang sah ({expected}) untuk \"{indicator}\".{hint}",
        "en": "Realisasi '{value}' is outside the valid range ({expected}) for \"{indicator}\".{hint}",
    },
    "realisasi-invalid-category": {
        "id": "Realisasi '{value}' bukan {category} yang sah; yang sah: {expected}.",
        "en": "Realisasi '{value}' is not a valid {category}; expected {expected}.",
    },
    "capaian-mismatch": {
        "id": "Capaian tertulis {value}, tetapi dari target dan realisasi capaiannya {computed}% "
        '(rumus: {formula}) untuk "{indicator}".',
        "en": "The stated capaian is {value}, but target and realisasi give {computed}% "
        '(formula: {formula}) for "{indicator}".',
    },
    "target-inconsistent": {
        "id": 'Target "{indicator}" di sini {value}, tetapi di {other_document} ({other_place}) '
        "{other_value}: satu satker, satu tahun, satu target.",
        "en": 'The target of "{indicator}" here is {value}, but in the {other_document} '
        "({other_place}) it is {other_value}: one office, one year, one target.",
    },
}

UNREADABLE_REASONS: dict[str, dict[str, str]] = {
    "empty": {"id": "berkas kosong (0 byte)", "en": "the file is empty"},
    "not-a-workbook": {
        "id": "bukan buku kerja Excel/ODS (isinya {detail})",
        "en": "not an Excel/ODS workbook (it holds {detail})",
    },
    "encrypted": {
        "id": "berkas dilindungi kata sandi; simpan ulang tanpa kata sandi",
        "en": "the workbook is password-protected; save it again without a password",
    },
    "truncated": {"id": "berkas terpotong atau rusak", "en": "the file is truncated or damaged"},
    "corrupt": {"id": "isi berkas rusak ({detail})", "en": "the content is damaged ({detail})"},
    "unsafe-xml": {
        "id": "berkas tidak aman (XML berbahaya: {detail})",
        "en": "the file is unsafe (hostile XML: {detail})",
    },
    "too-large": {
        "id": "isi berkas terlalu besar setelah diekstrak ({detail}); naikkan batas dengan "
        "KINERJA_XL_MAX_MB bila berkas ini memang sah",
        "en": "the content is too large once inflated ({detail}); raise the limit with "
        "KINERJA_XL_MAX_MB if the file is genuine",
    },
    "too-many-cells": {
        "id": "terlalu banyak sel di lembar '{detail}'; naikkan batas dengan KINERJA_XL_MAX_CELLS "
        "bila berkas ini memang sah",
        "en": "too many cells on sheet '{detail}'; raise the limit with KINERJA_XL_MAX_CELLS if "
        "the file is genuine",
    },
    "permission": {"id": "tidak ada izin membaca berkas", "en": "permission denied"},
    "not-regular": {
        "id": "bukan berkas biasa ({detail}); simpan buku kerjanya sebagai berkas lalu periksa lagi",
        "en": "not a regular file ({detail}); save the workbook as a file and check it again",
    },
    "file-too-large": {
        "id": "berkas terlalu besar ({detail}); naikkan batas dengan KINERJA_XL_MAX_MB bila berkas "
        "ini memang sah",
        "en": "the file is too large ({detail}); raise the limit with KINERJA_XL_MAX_MB if the "
        "file is genuine",
    },
    "reader-crashed": {
        "id": "pembaca berhenti pada berkas ini ({detail}); simpan ulang sebagai .xlsx di Excel",
        "en": "the reader stopped on this file ({detail}); save it again as .xlsx in Excel",
    },
    "not-found": {"id": "berkas tidak ditemukan", "en": "the file does not exist"},
    "is-directory": {"id": "ini sebuah folder", "en": "it is a folder"},
    "os-error": {"id": "kesalahan sistem ({detail})", "en": "system error ({detail})"},
}

WORDS: dict[str, dict[str, str]] = {
    # office-unknown: what was found instead of a KPU office of the registry
    "office-unregistered": {
        "id": " (nama yang tertulis bukan satker KPU dalam daftar): ",
        "en": " (the name written is not a KPU office of the registry): ",
    },
    "office-agency": {
        "id": " (berkas ini dari instansi lain): ",
        "en": " (the file is another agency's): ",
    },
    # small words that templates combine; one place so both languages stay in step
    "rows": {"id": "baris", "en": "rows"},
    "columns": {"id": "kolom", "en": "columns"},
    "sheet": {"id": "lembar", "en": "sheet"},
    "cara": {"id": "Cara Penghitungan", "en": "a calculation method (Cara Penghitungan)"},
    # after an out-of-range count written with a lone comma before three digits ("1,250 orang")
    "decimal-comma": {
        "id": " Koma adalah tanda desimal (1,250 = satu koma dua lima); untuk seribu dua ratus lima "
        "puluh tulis 1.250 atau 1250.",
        "en": " The comma is the decimal mark (1,250 = one point two five); for one thousand two "
        "hundred and fifty write 1.250 or 1250.",
    },
    "sumber": {"id": "Sumber Data", "en": "a data source (Sumber Data)"},
    "predikat": {"id": "predikat", "en": "grade"},
    "opini": {"id": "opini BPK", "en": "BPK audit opinion"},
    "sasaran": {"id": "Sasaran kegiatan", "en": "Sasaran kegiatan"},
    "program": {"id": "Program anggaran", "en": "Budget program"},
    "to-program": {"id": "program anggaran", "en": "budget program"},
    "to-sasaran": {"id": "sasaran kegiatan", "en": "sasaran kegiatan"},
    "date": {"id": " (berisi tanggal)", "en": " (it holds a date)"},
    "error": {"id": " (sel berisi galat Excel)", "en": " (the cell holds an Excel error)"},
    "fraction": {"id": " (bukan rupiah utuh)", "en": " (not whole rupiah)"},
    "implausible": {
        "id": " (seribu triliun rupiah atau lebih: salah ketik?)",
        "en": " (a thousand trillion rupiah or more: a typing slip?)",
    },
    "empty": {"id": " (kosong)", "en": " (empty)"},
    # after a budget's sum: the lines it could not add up (budget-total-mismatch)
    "uncounted": {
        "id": "; {count} baris tidak sah tidak ikut dijumlahkan",
        "en": "; {count} invalid {count:line is|lines are} not added up",
    },
    "consolidated": {"id": "buku kerja provinsi", "en": "a provincial workbook"},
    "annotated": {"id": "salinan bertanda", "en": "an annotated copy"},
    "kind-rkt": {"id": "RKT", "en": "RKT"},
    "kind-rkt-sekretariat": {"id": "RKT Sekretariat", "en": "RKT Secretariat"},
    "kind-anggaran": {"id": "Anggaran", "en": "Budget"},
    "kind-iku": {"id": "IKU", "en": "IKU"},
}

# A short label per issue code, for a status column or a summary line ("target di luar rentang
# (2)"); the full message stays in the Masalah sheet.
SHORT: dict[str, dict[str, str]] = {
    "file-unreadable": {"id": "berkas tidak terbaca", "en": "file unreadable"},
    "sheet-unreadable": {"id": "lembar tidak terbaca", "en": "sheet unreadable"},
    "table-not-found": {"id": "tabel tidak ditemukan", "en": "no table found"},
    "target-missing": {"id": "target kosong", "en": "target missing"},
    "target-unparseable": {"id": "target tidak dikenali", "en": "target not recognised"},
    "target-out-of-range": {"id": "target di luar rentang", "en": "target out of range"},
    "target-invalid-category": {"id": "kategori target tidak sah", "en": "invalid category"},
    "target-unit-mismatch": {"id": "satuan target tidak sesuai", "en": "target unit mismatch"},
    "indicator-missing": {"id": "indikator kosong", "en": "indicator missing"},
    "duplicate-indicator": {"id": "indikator ganda", "en": "duplicate indicator"},
    "budget-unparseable": {"id": "anggaran tidak terbaca", "en": "amount unreadable"},
    "budget-negative": {"id": "anggaran negatif", "en": "negative amount"},
    "budget-total-mismatch": {"id": "JUMLAH tidak cocok", "en": "total mismatch"},
    "iku-field-missing": {"id": "kolom IKU kosong", "en": "IKU field missing"},
    "program-code-invalid": {"id": "kode program salah", "en": "invalid program code"},
    "formula-no-value": {"id": "rumus tanpa nilai", "en": "formula without value"},
    "budget-program-unmatched": {"id": "program tanpa pasangan", "en": "unmatched program"},
    "table-empty": {"id": "tabel kosong", "en": "empty table"},
    "duplicate-submission": {"id": "kiriman ganda", "en": "duplicate submission"},
    "hidden-content": {"id": "data tersembunyi", "en": "hidden data"},
    "row-unplaced": {"id": "baris tak terbaca", "en": "unplaced row"},
    "generated-file": {"id": "keluaran kinerja-xl", "en": "kinerja-xl output"},
    "office-unknown": {"id": "satker tidak dikenali", "en": "office not recognised"},
    "external-link": {"id": "tautan ke berkas lain", "en": "external link"},
    "rule-failed": {"id": "aturan provinsi tidak terpenuhi", "en": "province rule failed"},
    "realisasi-missing": {"id": "realisasi kosong", "en": "realisasi missing"},
    "realisasi-unparseable": {"id": "realisasi tidak dikenali", "en": "realisasi not recognised"},
    "realisasi-out-of-range": {"id": "realisasi di luar rentang", "en": "realisasi out of range"},
    "realisasi-invalid-category": {
        "id": "kategori realisasi tidak sah",
        "en": "invalid realisasi category",
    },
    "capaian-mismatch": {"id": "capaian tidak cocok", "en": "capaian mismatch"},
    "target-inconsistent": {
        "id": "target berbeda antar dokumen",
        "en": "target differs between documents",
    },
}
