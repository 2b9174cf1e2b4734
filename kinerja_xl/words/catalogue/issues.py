"""The catalogue, part one: the words issue messages share — the reasons a file cannot be read,
and the small words the templates combine. Each issue code's own messages and short label are
declared with the code, next to the check that raises it (`model.issues.declare`;
tests/test_catalogue.py renders every one of them with exactly its fields)."""

from __future__ import annotations

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
    # neither can be helped by a higher KINERJA_XL_MAX_MB: never advise it
    "too-compressed": {
        "id": "isi berkas terlalu besar untuk ukurannya ({detail}), seperti bom zip; simpan ulang "
        "berkas di Excel bila berkas ini memang sah",
        "en": "the content is too large for the file's size ({detail}), as in a zip bomb; save "
        "the file again in Excel if it is genuine",
    },
    "too-many-parts": {
        "id": "terlalu banyak bagian di dalam berkas (daftar isinya {detail}); simpan ulang berkas "
        "di Excel bila berkas ini memang sah",
        "en": "too many parts inside the file (its directory is {detail}); save the file again in "
        "Excel if it is genuine",
    },
    "out-of-memory": {
        "id": "memori tidak cukup untuk membaca berkas ini; simpan ulang berkas di Excel, lalu "
        "periksa berkas ini sendirian",
        "en": "not enough memory to read this file; save it again in Excel, then check it alone",
    },
    "too-many-cells": {
        "id": "terlalu banyak sel di lembar '{detail}'; naikkan batas dengan KINERJA_XL_MAX_CELLS "
        "bila berkas ini memang sah",
        "en": "too many cells on sheet '{detail}'; raise the limit with KINERJA_XL_MAX_CELLS if "
        "the file is genuine",
    },
    "too-many-sheets": {
        "id": "terlalu banyak lembar ({detail}); naikkan batas dengan KINERJA_XL_MAX_SHEETS bila "
        "berkas ini memang sah",
        "en": "too many sheets ({detail}); raise the limit with KINERJA_XL_MAX_SHEETS if the file "
        "is genuine",
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
    "office-shared": {
        "id": " (nama yang tertulis dipakai lebih dari satu satker; tulis Kabupaten atau Kota "
        "dan namanya, atau periksa dengan --province): ",
        "en": " (the name written is shared by several offices; write Kabupaten or Kota and the "
        "name, or consolidate with --province): ",
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
