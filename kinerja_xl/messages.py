"""One registry of message templates: every issue code, in Bahasa Indonesia and English.

Templates name the value found and what a valid value looks like. Placeholders come from
`Issue.params` plus `value`, `sheet` and `cell`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .issues import Issue

LANGS = ("id", "en")

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
        "id": "Target '{value}' tidak dikenali{why_id}. Tulis {expected}.",
        "en": "Target '{value}' is not recognised{why_en}. Write {expected}.",
    },
    "target-out-of-range": {
        "id": "Target '{value}' di luar rentang yang sah ({expected}) untuk \"{indicator}\".",
        "en": "Target '{value}' is outside the valid range ({expected}) for \"{indicator}\".",
    },
    "target-invalid-category": {
        "id": "Target '{value}' bukan {category_id} yang sah; yang sah: {expected}.",
        "en": "Target '{value}' is not a valid {category_en}; expected {expected}.",
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
        "id": "Anggaran '{value}' bukan jumlah rupiah yang sah{why_id}. Tulis rupiah utuh, mis. "
        "Rp 814.815.000 atau 814815000.",
        "en": "Budget '{value}' is not a valid rupiah amount{why_en}. Write whole rupiah, e.g. "
        "Rp 814.815.000 or 814815000.",
    },
    "budget-negative": {
        "id": "Anggaran '{value}' bernilai negatif; anggaran harus 0 atau lebih.",
        "en": "Budget '{value}' is negative; a budget must be 0 or more.",
    },
    "budget-total-mismatch": {
        "id": "Baris JUMLAH menyatakan {value}, tetapi jumlah rincian adalah {expected} "
        "(selisih {difference}).",
        "en": "The total row declares {value}, but the lines add up to {expected} "
        "(difference {difference}).",
    },
    "iku-field-missing": {
        "id": 'Indikator IKU "{indicator}" belum memiliki {field_id}.',
        "en": 'IKU indicator "{indicator}" has no {field_en}.',
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
        "id": '{side_id} "{value}" tidak memiliki pasangan {other_id}.',
        "en": '{side_en} "{value}" has no matching {other_en}.',
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
        "id": "Data dibaca dari {what_id} yang disembunyikan ({value}); periksa apakah memang "
        "harus ikut.",
        "en": "Data was read from hidden {what_en} ({value}); check that it belongs in the plan.",
    },
    "row-unplaced": {
        "id": "Baris di dalam tabel ini tidak dapat ditempatkan (bukan indikator, judul kelompok "
        "atau baris jumlah): '{value}'.",
        "en": "A row inside this table could not be placed (not an indicator, group heading or "
        "total): '{value}'.",
    },
    "generated-file": {
        "id": "Berkas ini adalah keluaran kinerja-xl ({what_id}), bukan kiriman satker; isinya tidak "
        "dibaca ulang.",
        "en": "This file is a kinerja-xl output ({what_en}), not an office's submission; its content "
        "is not read again.",
    },
    "external-link": {
        "id": "Buku kerja memuat {value} tautan ke berkas lain; nilai yang dibaca adalah salinan "
        "terakhir yang tersimpan.",
        "en": "The workbook holds {value} link(s) to other files; the values read are the last "
        "saved copies.",
    },
    "rule-failed": {
        "id": "Aturan '{check}' ({file}, kolom {column}) tidak terpenuhi oleh '{value}'{rule_id}.",
        "en": "Rule '{check}' ({file}, column {column}) is not met by '{value}'{rule_en}.",
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
    # small words that templates combine; one place so both languages stay in step
    "rows": {"id": "baris", "en": "rows"},
    "columns": {"id": "kolom", "en": "columns"},
    "sheet": {"id": "lembar", "en": "sheet"},
    "cara": {"id": "Cara Penghitungan", "en": "a calculation method (Cara Penghitungan)"},
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
    "consolidated": {"id": "buku kerja provinsi", "en": "a provincial workbook"},
    "annotated": {"id": "salinan bertanda", "en": "an annotated copy"},
    "kind-rkt": {"id": "RKT", "en": "RKT"},
    "kind-rkt-sekretariat": {"id": "RKT Sekretariat", "en": "RKT Secretariat"},
    "kind-anggaran": {"id": "Anggaran", "en": "Budget"},
    "kind-iku": {"id": "IKU", "en": "IKU"},
}


def word(key: str, lang: str) -> str:
    return WORDS.get(key, {}).get(lang, "")


def render(issue: Issue, lang: str = "id") -> str:
    lang = lang if lang in LANGS else "id"
    params: dict[str, Any] = {
        "value": issue.value if issue.value is not None else "",
        "sheet": issue.sheet or "",
        "cell": issue.cell or "",
        "expected": "",
        "indicator": "",
    }
    params.update(issue.params)
    params.update(_derived(issue, lang))
    return TEMPLATES[issue.code][lang].format_map(_Default(params))


def _derived(issue: Issue, lang: str) -> dict[str, str]:
    p = issue.params
    derived = {
        "why_id": word(p.get("why", ""), "id"),
        "why_en": word(p.get("why", ""), "en"),
        "what_id": word(p.get("what", ""), "id"),
        "what_en": word(p.get("what", ""), "en"),
        "field_id": word(p.get("field", ""), "id"),
        "field_en": word(p.get("field", ""), "en"),
        "category_id": word(p.get("category", ""), "id"),
        "category_en": word(p.get("category", ""), "en"),
        "side_id": word(p.get("side", ""), "id"),
        "side_en": word(p.get("side", ""), "en"),
        "other_id": word("to-" + ("program" if p.get("side") == "sasaran" else "sasaran"), "id"),
        "other_en": word("to-" + ("program" if p.get("side") == "sasaran" else "sasaran"), "en"),
    }
    if "kind" in p:
        derived["kind"] = word(f"kind-{p['kind']}", lang) or str(p["kind"])
    if issue.code == "rule-failed":
        for language in LANGS:
            text = p.get(f"rule_{language}", "")
            derived[f"rule_{language}"] = f": {text}" if text else ""
    if issue.code == "file-unreadable":
        reason = UNREADABLE_REASONS.get(p.get("reason", ""), UNREADABLE_REASONS["corrupt"])
        derived["reason_text"] = reason[lang].format(detail=p.get("detail", ""))
    if lang == "en":
        for key in ("expected", "found"):
            if f"{key}_en" in p:
                derived[key] = p[f"{key}_en"]
    return derived


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return ""


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
    "external-link": {"id": "tautan ke berkas lain", "en": "external link"},
    "rule-failed": {"id": "aturan provinsi tidak terpenuhi", "en": "province rule failed"},
}


def short(code: str, lang: str = "id") -> str:
    return SHORT.get(code, {}).get(lang if lang in LANGS else "id", code)


# Every other word a person reads in an output: one key, both languages.
TEXT: dict[str, dict[str, str]] = {
    # what a valid target looks like (ranges and lists come from schemas/)
    "expected-persen": {
        "id": "persentase {low}–{high}%, mis. 90% atau 0,16%",
        "en": "a percentage {low}–{high}%, e.g. 90% or 0,16%",
    },
    "expected-indeks": {
        "id": "angka indeks {low}–{high}, mis. 80",
        "en": "an index {low}–{high}, e.g. 80",
    },
    "expected-predikat": {"id": "predikat {codes}", "en": "a grade {codes}"},
    "expected-opini": {"id": "opini BPK {codes}", "en": "a BPK opinion {codes}"},
    "expected-nilai": {
        "id": "nilai {low}–{high}, mis. 90 (persen juga diterima)",
        "en": "a score {low}–{high}, e.g. 90 (a percentage is accepted)",
    },
    "expected-jumlah": {
        "id": "bilangan bulat ≥ {low}, mis. 5 dokumen",
        "en": "a whole number ≥ {low}, e.g. 5 dokumen",
    },
    "expected-any": {
        "id": "angka, persen atau kategori, mis. 90%, 80, B atau WTP",
        "en": "a number, percentage or category, e.g. 90%, 80, B or WTP",
    },
    "or": {"id": "atau", "en": "or"},
    "found-persen": {"id": "persentase", "en": "a percentage"},
    "found-angka": {"id": "angka", "en": "a number"},
    "found-predikat": {"id": "predikat", "en": "a grade"},
    "found-opini": {"id": "opini BPK", "en": "a BPK opinion"},
    "found-kategori": {"id": "kategori", "en": "a category"},
    "found-jumlah": {"id": "jumlah", "en": "a count"},
    # printed pages
    "page-province": {"id": "Provinsi {province}", "en": "Province of {province}"},
    "page-year": {"id": "Tahun {year}", "en": "Year {year}"},
    "page-made": {"id": "Dibuat {date} dengan kinerja-xl", "en": "Made {date} with kinerja-xl"},
    "page-number": {"id": "Halaman {page} dari {pages}", "en": "Page {page} of {pages}"},
    "doc-consolidated": {
        "id": "Konsolidasi Rencana Kinerja dan Anggaran",
        "en": "Consolidated performance plans and budgets",
    },
    "doc-annotated": {"id": "Salinan bertanda: {file}", "en": "Marked-up copy: {file}"},
    "doc-template": {"id": "Templat {kind}", "en": "Template {kind}"},
    # statuses of a file, of a document, of a row
    "status-ready": {"id": "Siap", "en": "Ready"},
    "status-fix": {"id": "Perlu perbaikan", "en": "Needs fixing"},
    "status-unreadable": {"id": "Tidak terbaca", "en": "Unreadable"},
    "status-superseded": {"id": "Digantikan", "en": "Superseded"},
    "status-missing": {"id": "Belum mengirim", "en": "Not sent"},
    "row-ok": {"id": "OK", "en": "OK"},
    "row-error": {"id": "Perlu perbaikan", "en": "Needs fixing"},
    "row-warning": {"id": "Periksa", "en": "Check"},
    "severity-error": {"id": "kesalahan", "en": "error"},
    "severity-warning": {"id": "peringatan", "en": "warning"},
    "detail-line": {"id": "rincian", "en": "detail"},
    # notes in Ringkasan and Status Kiriman
    "note-year": {
        "id": "Tahun di berkas {found}, bukan {asked}",
        "en": "The file says {found}, not {asked}",
    },
    "note-superseded": {
        "id": "{kinds} diganti oleh berkas lebih baru: {kept}",
        "en": "{kinds} replaced by a newer file: {kept}",
    },
    "note-errors": {
        "id": "{count} kesalahan: {codes}. Lihat lembar Masalah.",
        "en": "{count} errors: {codes}. See the Masalah sheet.",
    },
    "note-warnings": {"id": "{count} peringatan: {codes}.", "en": "{count} warnings: {codes}."},
    "note-budget-incomplete": {
        "id": "Total anggaran belum lengkap: {count} baris tidak dapat dijumlahkan.",
        "en": "Budget total incomplete: {count} line(s) could not be added up.",
    },
    "note-budget-disagrees": {
        "id": "Total anggaran berbeda dengan baris JUMLAH di berkas ({declared}).",
        "en": "Budget total differs from the file's own total row ({declared}).",
    },
    "note-document": {"id": "{document}: {what}", "en": "{document}: {what}"},
    "no-budget": {"id": "tidak ada anggaran", "en": "no budget"},
    "budget-incomplete": {"id": "belum lengkap", "en": "incomplete"},
    "budget-disagrees": {"id": "≠ JUMLAH berkas", "en": "≠ file's total"},
    "invalid-lines": {"id": "{count} baris tidak sah", "en": "{count} invalid line(s)"},
    "invalid-lines-with-amount": {
        "id": "{amount} + {count} baris tidak sah",
        "en": "{amount} + {count} invalid line(s)",
    },
    "unknown-office": {"id": "(satker tidak dikenali)", "en": "(office not recognised)"},
    # Perbandingan Target
    "common-tie": {"id": "— (seri)", "en": "— (tie)"},
    "common-none": {"id": "— (tidak ada target sah)", "en": "— (no valid target)"},
    "compare-different": {"id": "Berbeda: {offices}", "en": "Different: {offices}"},
    "compare-invalid": {"id": "Tidak sah: {offices}", "en": "Invalid: {offices}"},
    "compare-tie": {
        "id": "Seri: tidak ada target yang dipakai sebagian besar satker.",
        "en": "Tie: no target is shared by most offices.",
    },
    # the counts that prove nothing was lost
    "count-title": {"id": "Jumlah", "en": "Count"},
    "count-read": {"id": "Dibaca", "en": "Read"},
    "count-written": {"id": "Ditulis", "en": "Written"},
    "count-set-aside": {"id": "Disisihkan (duplikat)", "en": "Set aside (duplicates)"},
    "count-files": {"id": "Berkas", "en": "Files"},
    "count-indikator": {"id": "Indikator RKT", "en": "RKT indicators"},
    "count-iku": {"id": "Indikator IKU", "en": "IKU indicators"},
    "count-anggaran": {"id": "Baris anggaran", "en": "Budget lines"},
    "count-line": {
        "id": "{label}: dibaca {read}, ditulis {written}, disisihkan (duplikat) {set_aside}",
        "en": "{label}: read {read}, written {written}, set aside (duplicates) {set_aside}",
    },
    "offices-summary": {
        "id": "{offices} satker: {ready} siap, {fix} perlu perbaikan, {missing} belum lengkap mengirim",
        "en": "{offices} offices: {ready} ready, {fix} need fixing, {missing} have not sent everything",
    },
    # Rekap Anggaran
    "recap-chart": {"id": "Anggaran per satker", "en": "Budget per office"},
    "recap-legend": {
        "id": "Keterangan: hanya anggaran yang sah yang dijumlahkan. '{invalid}' = baris yang tidak "
        "terbaca, negatif atau berupa rumus tanpa nilai (lihat lembar Masalah). "
        "'({incomplete})' = total satker tanpa baris tersebut. '({disagrees})' = total tidak sama "
        "dengan baris JUMLAH di berkas satker. Judul kolom merah = anggaran satker perlu perbaikan.",
        "en": "Note: only valid amounts are added up. '{invalid}' = lines that are unreadable, "
        "negative or a formula without a value (see the Masalah sheet). '({incomplete})' = the "
        "office's total without those lines. '({disagrees})' = the total differs from the total "
        "row in the office's file. A red column title = the office's budget needs fixing.",
    },
    "total": {"id": "Total", "en": "Total"},
    # outputs that cannot be written
    "output-folder-missing": {
        "id": "folder tujuan '{folder}' tidak ada",
        "en": "folder '{folder}' does not exist",
    },
    "output-not-writable": {
        "id": "tidak dapat menulis di folder '{folder}'",
        "en": "cannot write in '{folder}'",
    },
    "output-locked": {
        "id": "tutup berkas '{path}' di Excel lalu coba lagi",
        "en": "close '{path}' in Excel and try again",
    },
    "output-verify-failed": {
        "id": "berkas hasil tidak valid",
        "en": "the written file did not verify",
    },
    "output-is-directory": {
        "id": "'{path}' adalah sebuah folder; beri nama berkas, mis. '{path}/hasil.xlsx'",
        "en": "'{path}' is a folder; give a file name, e.g. '{path}/result.xlsx'",
    },
    "output-disk-full": {
        "id": "ruang disk habis saat menulis '{path}'",
        "en": "the disk is full while writing '{path}'",
    },
    "output-name-too-long": {
        "id": "nama atau jalur '{path}' terlalu panjang",
        "en": "the name or path '{path}' is too long",
    },
    "output-failed": {
        "id": "'{path}' tidak dapat ditulis ({detail})",
        "en": "'{path}' cannot be written ({detail})",
    },
    "output-is-input": {
        "id": "'{path}' adalah salah satu berkas masukan; pilih nama lain untuk -o",
        "en": "'{path}' is one of the inputs; choose another name for -o",
    },
    "no-inputs": {
        "id": "tidak ada buku kerja (.xlsx, .xlsm, .xls, .xlsb, .ods) di masukan",
        "en": "no workbook (.xlsx, .xlsm, .xls, .xlsb, .ods) among the inputs",
    },
    "rules-unreadable": {
        "id": "aturan di '{folder}' tidak dapat dibaca: {detail}",
        "en": "the rules in '{folder}' cannot be read: {detail}",
    },
    "interrupted": {"id": "dihentikan", "en": "interrupted"},
    "progress-reading": {"id": "membaca", "en": "reading"},
    "consolidated": {
        "id": "{errors} kesalahan, {warnings} peringatan → {path}",
        "en": "{errors} errors, {warnings} warnings → {path}",
    },
    "output-nothing-readable": {
        "id": "tidak ada berkas yang terbaca; buku kerja provinsi tidak ditulis",
        "en": "no file could be read; the provincial workbook was not written",
    },
    "folder-not-created": {
        "id": "folder '{folder}' tidak dapat dibuat: {detail}",
        "en": "folder '{folder}' cannot be created: {detail}",
    },
    "copy-written": {"id": "salinan bertanda: {path}", "en": "marked-up copy: {path}"},
    "copy-failed": {
        "id": "salinan bertanda untuk '{path}' gagal ditulis: {why}; pemeriksaannya tetap di "
        "laporan ini.",
        "en": "the marked-up copy of '{path}' could not be written: {why}; its check is still in "
        "this report.",
    },
    "copy-generated": {
        "id": "'{path}' adalah keluaran kinerja-xl; tidak disalin lagi",
        "en": "'{path}' is a kinerja-xl output; not copied again",
    },
    "copy-not-carried": {
        "id": "  (tidak ikut tersalin: {what})",
        "en": "  (not carried over: {what})",
    },
    # the marked-up copy
    "no-issues": {"id": "Tidak ada masalah.", "en": "No issues."},
    "annotated-line": {
        "id": "{office} · Tahun {year} · diperiksa {date} · {errors} kesalahan, {warnings} peringatan",
        "en": "{office} · Year {year} · checked {date} · {errors} errors, {warnings} warnings",
    },
    "not-carried": {
        "id": "Tidak ikut tersalin ke salinan ini: {what}. Perbaiki berkas asli bila bagian itu "
        "perlu dikirim.",
        "en": "Not carried over to this copy: {what}. Fix the original file if those parts must "
        "be sent.",
    },
    "rebuilt-xls": {
        "id": "Salinan ini dibuat ulang dari berkas .xls: hanya nilai sel yang ikut (format, "
        "gabungan sel dan gambar tidak). Perbaiki berkas asli.",
        "en": "This copy was rebuilt from an .xls file: only cell values are carried (not formats, "
        "merges or pictures). Fix the original file.",
    },
    "rebuilt-ods": {
        "id": "Salinan ini dibuat ulang dari berkas .ods: hanya nilai sel yang ikut (format, "
        "gabungan sel dan gambar tidak). Perbaiki berkas asli.",
        "en": "This copy was rebuilt from an .ods file: only cell values are carried (not formats, "
        "merges or pictures). Fix the original file.",
    },
    "rebuilt-xlsb": {
        "id": "Salinan ini dibuat ulang dari berkas .xlsb: hanya nilai sel yang ikut. Perbaiki "
        "berkas asli.",
        "en": "This copy was rebuilt from an .xlsb file: only cell values are carried. Fix the "
        "original file.",
    },
    "rebuilt-sheets-dropped": {
        "id": "Salinan ini dibuat ulang dari nilai sel (berkas berformat Strict OOXML): format, "
        "gabungan sel dan gambar tidak ikut. Perbaiki berkas asli.",
        "en": "This copy was rebuilt from the cell values (a Strict OOXML file): formats, merges "
        "and pictures are not carried. Fix the original file.",
    },
    "rebuilt-too-large": {
        "id": "Salinan ini dibuat ulang dari nilai sel karena berkas terlalu besar untuk disunting "
        "utuh: format dan gambar tidak ikut. Perbaiki berkas asli.",
        "en": "This copy was rebuilt from the cell values because the file is too large to edit "
        "whole: formats and pictures are not carried. Fix the original file.",
    },
    "rebuilt-failed": {
        "id": "Salinan ini dibuat ulang dari nilai sel ({why}): format dan gambar tidak ikut. "
        "Perbaiki berkas asli.",
        "en": "This copy was rebuilt from the cell values ({why}): formats and pictures are not "
        "carried. Fix the original file.",
    },
    "carried-macros": {"id": "makro VBA", "en": "VBA macros"},
    "carried-external-links": {
        "id": "{count} tautan ke berkas lain",
        "en": "{count} link(s) to other files",
    },
    "carried-pivot-tables": {"id": "{count} tabel pivot", "en": "{count} pivot table(s)"},
    "carried-slicers": {"id": "{count} slicer", "en": "{count} slicer(s)"},
    "carried-controls": {"id": "{count} kontrol formulir", "en": "{count} form control(s)"},
    "carried-embedded": {"id": "{count} objek sisipan", "en": "{count} embedded object(s)"},
    "carried-pictures": {"id": "{count} gambar", "en": "{count} picture(s)"},
    "carried-charts": {"id": "{count} grafik", "en": "{count} chart(s)"},
    "carried-shapes": {"id": "{count} bentuk/kotak teks", "en": "{count} shape(s)/text box(es)"},
    "carried-header-pictures": {
        "id": "{count} gambar di header/footer",
        "en": "{count} header/footer picture(s)",
    },
    "carried-validations": {
        "id": "{count} validasi data",
        "en": "{count} data validation(s)",
    },
    "carried-conditional-formats": {
        "id": "{count} format bersyarat",
        "en": "{count} conditional format(s)",
    },
    "carried-sparklines": {"id": "{count} grafik mini", "en": "{count} sparkline group(s)"},
}


def say(key: str, lang: str = "id", **fields: Any) -> str:
    """The catalogue's text for `key` in `lang`, with its {fields} filled in."""
    entry = TEXT[key]
    return entry[lang if lang in LANGS else "id"].format(**fields)
