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
