"""The catalogue, part two: every other word a person reads — in the provincial workbook, the
marked-up copy, the printed pages, the text reports and on the command line. One key, both
languages; {fields} are filled by `messages.say`."""

from __future__ import annotations

OUTPUTS: dict[str, dict[str, str]] = {
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
        "en": "a whole number ≥ {low}, e.g. 5",
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
    "status-not-a-plan": {"id": "Bukan dokumen rencana", "en": "Not a plan document"},
    # Status Kiriman: what came where the document was expected
    "status-instead": {"id": "{documents} (bukan RKT)", "en": "{documents} (not an RKT)"},
    "status-inside": {"id": "{what} dalam {documents}", "en": "{what} in the {documents}"},
    "row-ok": {"id": "OK", "en": "OK"},
    "row-error": {"id": "Perlu perbaikan", "en": "Needs fixing"},
    "row-warning": {"id": "Periksa", "en": "Check"},
    "severity-error": {"id": "kesalahan", "en": "error"},
    "severity-warning": {"id": "peringatan", "en": "warning"},
    "detail-line": {"id": "rincian", "en": "detail"},
    # notes in Ringkasan and Status Kiriman
    "note-office-in-name": {
        "id": "Judul menyebut {office}, nama berkas menyebut {named}",
        "en": "The title says {office}, the file name {named}",
    },
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
        "en": "{count} {count:error|errors}: {codes}. See the Issues sheet.",
    },
    "note-warnings": {
        "id": "{count} peringatan: {codes}.",
        "en": "{count} {count:warning|warnings}: {codes}.",
    },
    "note-budget-incomplete": {
        "id": "Total anggaran belum lengkap: {count} baris tidak dapat dijumlahkan.",
        "en": "Budget total incomplete: {count} {count:line|lines} could not be added up.",
    },
    "note-budget-disagrees": {
        "id": "Total anggaran berbeda dengan baris JUMLAH di berkas ({declared}).",
        "en": "Budget total differs from the file's own total row ({declared}).",
    },
    "note-document": {"id": "{document}: {what}", "en": "{document}: {what}"},
    "note-not-a-plan": {
        "id": "Tidak ada tabel RKT, IKU atau Anggaran di berkas ini (mis. surat pengantar). Bila "
        "berkas ini seharusnya memuat rencana, periksa baris judul kolomnya (lembar Masalah)",
        "en": "This file holds no RKT, IKU or budget table (e.g. a cover letter). If it should "
        "hold a plan, check its header row (the Issues sheet)",
    },
    "note-total-budget": {
        "id": "Total anggaran: satu dokumen per satker untuk tahun yang diminta, seperti lembar "
        "Rekap Anggaran",
        "en": "Budget total: one document per office for the year asked, as in the Budget "
        "Recap sheet",
    },
    "total-provinces": {
        "id": "Indonesia ({count} provinsi)",
        "en": "Indonesia ({count} {count:province|provinces})",
    },
    "total-files": {"id": "Total ({count} berkas)", "en": "Total ({count} {count:file|files})"},
    "no-budget": {"id": "tidak ada anggaran", "en": "no budget"},
    "budget-incomplete": {"id": "belum lengkap", "en": "incomplete"},
    "budget-disagrees": {"id": "≠ JUMLAH berkas", "en": "≠ file's total"},
    "budget-incomplete-lines": {
        "id": "belum lengkap: {count} baris tidak sah",
        "en": "incomplete: {count} invalid {count:line|lines}",
    },
    "budget-disagrees-amount": {
        "id": "≠ JUMLAH berkas {declared}",
        "en": "≠ file's total {declared}",
    },
    "invalid-lines": {"id": "{count} baris tidak sah", "en": "{count} invalid {count:line|lines}"},
    "invalid-lines-with-amount": {
        "id": "{amount} + {count} baris tidak sah",
        "en": "{amount} + {count} invalid {count:line|lines}",
    },
    "unknown-office": {"id": "(satker tidak dikenali)", "en": "(office not recognised)"},
    "note-via": {
        "id": "dibaca dari buku kerja provinsi {workbook}",
        "en": "read from the provincial workbook {workbook}",
    },
    "note-other-province": {
        "id": "bukan satker Provinsi {province}: satker Provinsi {other}",
        "en": "not an office of {province}: an office of {other}",
    },
    # the provincial workbook's sheet names and column titles: the contract's Indonesian
    # ones under --lang id (the default), English ones under --lang en (docs/commands.md, the contract)
    "sheet:Ringkasan": {"id": "Ringkasan", "en": "Summary"},
    "sheet:Status Kiriman": {"id": "Status Kiriman", "en": "Submissions"},
    "sheet:RKT": {"id": "RKT", "en": "RKT"},
    "sheet:IKU": {"id": "IKU", "en": "IKU"},
    "sheet:Anggaran": {"id": "Anggaran", "en": "Budget"},
    "sheet:Rekap Anggaran": {"id": "Rekap Anggaran", "en": "Budget Recap"},
    "sheet:Perbandingan Target": {"id": "Perbandingan Target", "en": "Target Comparison"},
    "sheet:Capaian": {"id": "Capaian", "en": "Achievement"},
    "sheet:Masalah": {"id": "Masalah", "en": "Issues"},
    "sheet:Data Grafik": {"id": "Data Grafik", "en": "Chart Data"},
    "heading:Anggaran": {"id": "Anggaran", "en": "Budget"},
    "heading:Arah": {"id": "Arah", "en": "Direction"},
    "heading:Baris Anggaran": {"id": "Baris Anggaran", "en": "Budget lines"},
    "heading:Berkas": {"id": "Berkas", "en": "File"},
    "heading:Capaian": {"id": "Capaian", "en": "Achievement"},
    "heading:Capaian dihitung": {"id": "Capaian dihitung", "en": "Achievement computed"},
    "heading:Dihitung dari": {"id": "Dihitung dari", "en": "Computed from"},
    "heading:Cara Penghitungan": {"id": "Cara Penghitungan", "en": "Calculation method"},
    "heading:Dokumen": {"id": "Dokumen", "en": "Documents"},
    "heading:Indikator": {"id": "Indikator", "en": "Indicator"},
    "heading:Indikator IKU": {"id": "Indikator IKU", "en": "IKU indicators"},
    "heading:Indikator Kinerja": {"id": "Indikator Kinerja", "en": "Indicators"},
    "heading:JUMLAH Berkas": {"id": "JUMLAH Berkas", "en": "File's own total"},
    "heading:Jenis": {"id": "Jenis", "en": "Document"},
    "heading:Kesalahan": {"id": "Kesalahan", "en": "Errors"},
    "heading:Keterangan": {"id": "Keterangan", "en": "Notes"},
    "heading:Kode": {"id": "Kode", "en": "Code"},
    "heading:Kode Jenis": {"id": "Kode Jenis", "en": "Kind code"},
    "heading:Kode Program": {"id": "Kode Program", "en": "Program code"},
    "heading:Lembar": {"id": "Lembar", "en": "Sheet"},
    "heading:Masalah": {"id": "Masalah", "en": "Issues"},
    "heading:Nilai": {"id": "Nilai", "en": "Value"},
    "heading:No": {"id": "No", "en": "No"},
    "heading:Peringatan": {"id": "Peringatan", "en": "Warnings"},
    "heading:Pesan": {"id": "Pesan", "en": "Message"},
    "heading:Program": {"id": "Program", "en": "Program"},
    "heading:Realisasi": {"id": "Realisasi", "en": "Result"},
    "heading:Rincian": {"id": "Rincian", "en": "Detail"},
    "heading:Sasaran": {"id": "Sasaran", "en": "Goal"},
    "heading:Satker": {"id": "Satker", "en": "Office"},
    "heading:Satuan": {"id": "Satuan", "en": "Unit"},
    "heading:Sel": {"id": "Sel", "en": "Cell"},
    "heading:Status": {"id": "Status", "en": "Status"},
    "heading:Sumber Data": {"id": "Sumber Data", "en": "Data source"},
    "heading:Tahun": {"id": "Tahun", "en": "Year"},
    "heading:Target": {"id": "Target", "en": "Target"},
    "heading:Target per periode": {"id": "Target per periode", "en": "Targets per period"},
    "heading:Target umum": {"id": "Target umum", "en": "Common target"},
    "heading:Tingkat": {"id": "Tingkat", "en": "Severity"},
    "heading:Total": {"id": "Total", "en": "Total"},
    "heading:Total Anggaran": {"id": "Total Anggaran", "en": "Budget total"},
    "heading:Tujuan": {"id": "Tujuan", "en": "Aim"},
    "heading:RKT KPU": {"id": "RKT KPU", "en": "RKT KPU"},
    "heading:RKT Sekretariat": {"id": "RKT Sekretariat", "en": "RKT Secretariat"},
    "heading:IKU": {"id": "IKU", "en": "IKU"},
    "heading:PK": {"id": "PK", "en": "PK"},
    "heading:Rencana Aksi": {"id": "Rencana Aksi", "en": "Action plan"},
    "heading:LKj": {"id": "LKj", "en": "LKj"},
    # the national roll-up: a Provinsi column, and Status Provinsi
    "sheet:Status Provinsi": {"id": "Status Provinsi", "en": "Provinces"},
    "heading:Provinsi": {"id": "Provinsi", "en": "Province"},
    "heading:Mengirim": {"id": "Mengirim", "en": "Sent"},
    "heading:Siap": {"id": "Siap", "en": "Ready"},
    "heading:Perlu perbaikan": {"id": "Perlu perbaikan", "en": "Needs fixing"},
    "heading:Tidak terbaca": {"id": "Tidak terbaca", "en": "Unreadable"},
    "heading:Belum lengkap": {"id": "Belum lengkap", "en": "Incomplete"},
    "heading:Belum mengirim": {"id": "Belum mengirim", "en": "Not sent"},
    # Perbandingan Target
    "common-tie": {"id": "— (seri)", "en": "— (tie)"},
    "common-none": {"id": "— (tidak ada target sah)", "en": "— (no valid target)"},
    "compare-different": {"id": "Berbeda: {offices}.", "en": "Different: {offices}."},
    "compare-invalid": {"id": "Tidak sah: {offices}.", "en": "Invalid: {offices}."},
    "compare-from": {
        "id": "Dari {document}: {offices}.",
        "en": "From the {document}: {offices}.",
    },
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
    "count-indikator": {
        "id": "Indikator kinerja ({documents})",
        "en": "Performance indicators ({documents})",
    },
    "count-iku": {"id": "Indikator IKU", "en": "IKU indicators"},
    "count-anggaran": {"id": "Baris anggaran", "en": "Budget lines"},
    "count-line": {
        "id": "{label}: dibaca {read}, ditulis {written}, disisihkan (duplikat) {set_aside}",
        "en": "{label}: read {read}, written {written}, set aside (duplicates) {set_aside}",
    },
    "offices-other": {
        "id": "{count} satker bukan dari Provinsi {province} (dicantumkan terpisah di Status "
        "Kiriman): ",
        "en": "{count} {count:office|offices} not of {province} (listed apart in the "
        "Submissions sheet): ",
    },
    "offices-unknown": {
        "id": "{count} pengirim bukan satker KPU yang dikenali (dicantumkan terpisah di Status "
        "Kiriman): ",
        "en": "{count} {count:sender is|senders are} no KPU office of the registry (listed apart "
        "in the Submissions sheet): ",
    },
    "province-unknown": {
        "id": "provinsi '{name}' tidak dikenal; yang terdekat: {nearest}",
        "en": "unknown province '{name}'; the nearest: {nearest}",
    },
    # an office is 'lengkap dan siap' when it sent every document and each is 'Siap' (no
    # error): 'siap' alone means what it means in Ringkasan, a file without errors
    "offices-summary": {
        "id": "{offices} satker: {ready} lengkap dan siap, {fix} perlu perbaikan, {missing} "
        "belum mengirim semua dokumen",
        "en": "{offices} offices: {ready} complete and ready, {fix} {fix:needs|need} fixing, "
        "{missing} {missing:has|have} not sent every document",
    },
    # Rekap Anggaran
    "recap-chart": {"id": "Anggaran per satker", "en": "Budget per office"},
    # the chart's axis: billions of rupiah, as words ("M" would read as millions in English)
    "recap-axis-format": {"id": '"Rp"#,##0.0,,," miliar"', "en": '"Rp"#,##0.0,,," billion"'},
    "recap-no-program": {
        "id": "Kegiatan tanpa program (program tidak disebut di berkas)",
        "en": "Kegiatan with no program (the file names none)",
    },
    "recap-legend": {
        "id": "Keterangan: hanya anggaran yang sah yang dijumlahkan. '{invalid}' = baris yang tidak "
        "terbaca, negatif atau berupa rumus tanpa nilai (lihat lembar Masalah). "
        "'({incomplete})' = total satker tanpa baris tersebut. '({disagrees})' = baris JUMLAH di "
        "berkas satker menyatakan jumlah lain, yang tertulis di situ. Judul kolom merah = "
        "anggaran satker perlu perbaikan.",
        "en": "Note: only valid amounts are added up. '{invalid}' = lines that are unreadable, "
        "negative or a formula without a value (see the Issues sheet). '({incomplete})' = the "
        "office's total without those lines. '({disagrees})' = the total row in the office's "
        "file states another amount, written there. A red column title = the office's budget "
        "needs fixing.",
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
    "output-not-xlsx": {
        "id": "'{path}' bukan nama buku kerja .xlsx; kinerja-xl hanya menulis .xlsx: beri nama "
        "mis. '{detail}'",
        "en": "'{path}' is not an .xlsx workbook's name; kinerja-xl writes .xlsx only: name it "
        "e.g. '{detail}'",
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
    "rules-refused": {
        "id": "aturan di '{folder}' tidak dapat dibaca: {detail}",
        "en": "the rules in '{folder}' cannot be read: {detail}",
    },
    "interrupted": {"id": "dihentikan", "en": "interrupted"},
    "progress-reading": {"id": "membaca", "en": "reading"},
    "consolidated": {
        "id": "{errors} kesalahan, {warnings} peringatan → {path}",
        "en": "{errors} {errors:error|errors}, {warnings} {warnings:warning|warnings} → {path}",
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
    "copy-more-issues": {
        "id": "… dan {count} masalah lagi, tidak dicantumkan di salinan ini: semuanya ada di laporan "
        "pemeriksaan (kinerja-xl check).",
        "en": "… and {count} more {count:issue|issues}, not listed in this copy: the check's report "
        "has them all (kinerja-xl check).",
    },
    "no-issues": {"id": "Tidak ada masalah.", "en": "No issues."},
    "annotated-line": {
        "id": "{office} · Tahun {year} · diperiksa {date} · {errors} kesalahan, {warnings} peringatan",
        "en": "{office} · Year {year} · checked {date} · {errors} {errors:error|errors}, "
        "{warnings} {warnings:warning|warnings}",
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
    "rebuilt-strict": {
        "id": "Salinan ini dibuat ulang dari nilai sel (berkas berformat Strict OOXML): format, "
        "gabungan sel dan gambar tidak ikut. Perbaiki berkas asli.",
        "en": "This copy was rebuilt from the cell values (a Strict OOXML file): formats, merges "
        "and pictures are not carried. Fix the original file.",
    },
    "rebuilt-sheets-dropped": {
        "id": "Salinan ini dibuat ulang dari nilai sel (tidak setiap lembar berkas ini dapat "
        "dibuka untuk disunting): format, gabungan sel dan gambar tidak ikut. Perbaiki berkas "
        "asli.",
        "en": "This copy was rebuilt from the cell values (not every sheet of this file could be "
        "opened for editing): formats, merges "
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
        "en": "{count} {count:link|links} to other files",
    },
    "carried-pivot-tables": {
        "id": "{count} tabel pivot",
        "en": "{count} pivot {count:table|tables}",
    },
    "carried-slicers": {"id": "{count} slicer", "en": "{count} {count:slicer|slicers}"},
    "carried-controls": {
        "id": "{count} kontrol formulir",
        "en": "{count} form {count:control|controls}",
    },
    "carried-embedded": {
        "id": "{count} objek sisipan",
        "en": "{count} embedded {count:object|objects}",
    },
    "carried-pictures": {"id": "{count} gambar", "en": "{count} {count:picture|pictures}"},
    "carried-charts": {"id": "{count} grafik", "en": "{count} {count:chart|charts}"},
    "carried-shapes": {
        "id": "{count} bentuk/kotak teks",
        "en": "{count} {count:shape or text box|shapes or text boxes}",
    },
    "carried-header-pictures": {
        "id": "{count} gambar di header/footer",
        "en": "{count} header/footer {count:picture|pictures}",
    },
    "carried-validations": {
        "id": "{count} validasi data",
        "en": "{count} data {count:validation|validations}",
    },
    "carried-conditional-formats": {
        "id": "{count} format bersyarat",
        "en": "{count} conditional {count:format|formats}",
    },
    "carried-sparklines": {
        "id": "{count} grafik mini",
        "en": "{count} sparkline {count:group|groups}",
    },
    # the text report of check and inspect
    "report-kind-rkt": {"id": "RKT (Sasaran Strategis)", "en": "RKT (strategic goals)"},
    "report-kind-rkt-sekretariat": {
        "id": "RKT Sekretariat (Sasaran Kegiatan)",
        "en": "RKT Secretariat",
    },
    "report-kind-anggaran": {"id": "Anggaran", "en": "Budget"},
    "report-kind-iku": {"id": "IKU", "en": "IKU (key indicators)"},
    "report-office": {"id": "Satker", "en": "Office"},
    "report-year": {"id": "Tahun", "en": "Year"},
    "report-unknown": {"id": "tidak diketahui", "en": "unknown"},
    "report-table": {
        "id": "lembar '{sheet}', judul kolom di baris {header_row}: {rows} baris data",
        "en": "sheet '{sheet}', header in row {header_row}: {rows} data {rows:row|rows}",
    },
    "report-total": {"id": "jumlah anggaran {total}", "en": "budget total {total}"},
    "report-no-issues": {"id": "Tidak ada masalah.", "en": "No issues."},
    "report-office-in-name": {
        "id": "nama berkas menyebut {office}: periksa judul atau nama berkasnya",
        "en": "the file name says {office}: check the title or the file name",
    },
    "report-office-unknown": {
        "id": "satker tidak dikenali: tulis namanya di judul, mis. 'KPU Kabupaten Tapin'",
        "en": "office not recognised: write its name in the title, e.g. 'KPU Kabupaten Tapin'",
    },
    "report-file-line": {
        "id": "{errors} kesalahan, {warnings} peringatan",
        "en": "{errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}",
    },
    "report-batch": {
        "id": "Ringkasan: {files} berkas diperiksa, {clean} tanpa kesalahan, {bad} dengan "
        "kesalahan, {unreadable} tidak terbaca; {errors} kesalahan, {warnings} peringatan.",
        "en": "Summary: {files} {files:file|files} checked, {clean} without errors, {bad} with errors, "
        "{unreadable} unreadable; {errors} {errors:error|errors}, "
        "{warnings} {warnings:warning|warnings}.",
    },
    "report-sheet": {"id": "Lembar '{sheet}'", "en": "Sheet '{sheet}'"},
    "report-workbook": {"id": "Buku kerja", "en": "Workbook"},
    "report-found": {"id": "ditemukan", "en": "found"},
    "report-skipped": {"id": "Dilewati: {path} ({reason})", "en": "Skipped: {path} ({reason})"},
    # what discovery skips, and why
    "skip-lock-file": {
        "id": "berkas kunci Excel (~$), dilewati",
        "en": "Excel lock file (~$), skipped",
    },
    "skip-apple-double": {
        "id": "berkas pendamping macOS (._), bukan buku kerja, dilewati",
        "en": "macOS companion file (._), not a workbook, skipped",
    },
    "skip-own-output": {
        "id": "keluaran kinerja-xl sendiri (buku kerja provinsi), dilewati",
        "en": "kinerja-xl's own output (the provincial workbook), skipped",
    },
    "skip-parts-checked": {
        "id": "buku kerja provinsi kinerja-xl; berkas satker di dalamnya diperiksa dari berkasnya "
        "sendiri, dilewati",
        "en": "a kinerja-xl provincial workbook; the office files it holds are checked from their "
        "own files, skipped",
    },
    "skip-no-workbook": {"id": "folder tanpa buku kerja", "en": "folder with no workbook"},
    "skip-other-document": {
        "id": "bukan buku kerja (hanya .xlsx, .xlsm, .xls dan .ods yang dibaca), dilewati",
        "en": "not a workbook (only .xlsx, .xlsm, .xls and .ods are read), skipped",
    },
    "skip-work-file": {
        "id": "berkas kerja sementara kinerja-xl, dilewati",
        "en": "a kinerja-xl working file, skipped",
    },
    # the marked-up copy's Masalah sheet
    "copy-column-sheet": {"id": "Lembar", "en": "Sheet"},
    "copy-column-cell": {"id": "Sel", "en": "Cell"},
    "copy-column-severity": {"id": "Tingkat", "en": "Severity"},
    "copy-column-code": {"id": "Kode", "en": "Code"},
    "copy-column-value": {"id": "Nilai", "en": "Value"},
    "copy-column-message": {"id": "Pesan", "en": "Message"},
    "copy-suffix": {"id": "diperiksa", "en": "checked"},
    # rules that cannot be used (schemas/)
    "rules-unreadable": {"id": "tidak dapat dibaca ({detail})", "en": "cannot be read ({detail})"},
    "rules-not-yaml": {"id": "bukan YAML yang sah ({detail})", "en": "not valid YAML ({detail})"},
    "rules-not-rules": {"id": "bukan kumpulan aturan", "en": "not a set of rules"},
    "rules-broken": {"id": "aturan rusak ({detail})", "en": "the rules are broken ({detail})"},
    "rules-check-missing": {
        "id": "pemeriksaan wajib tidak ada ({check})",
        "en": "a required check is missing ({check})",
    },
    "rules-unknown-column": {
        "id": "kolom '{column}' tidak ada di tabel (kolomnya: {known})",
        "en": "column '{column}' is not one of the table's ({known})",
    },
    "rules-unknown-check": {
        "id": "pemeriksaan '{check}' tidak dikenal (bukan pemeriksaan pandera atau kinerja-xl)",
        "en": "unknown check '{check}' (not a pandera or kinerja-xl check)",
    },
    "rules-message-languages": {
        "id": "messages.{check} perlu teks 'id' dan 'en'",
        "en": "messages.{check} needs an 'id' and an 'en' text",
    },
    "rules-severity-twice": {
        "id": "severities.{name}: tingkat '{said}' berbeda dengan yang ditulis di {other}",
        "en": "severities.{name}: '{said}' differs from what {other} says",
    },
    "rules-severity-fixed": {
        "id": "severities.{name}: berkas yang tidak dapat dibaca selalu dilaporkan (kode keluar 2)",
        "en": "severities.{name}: a file that cannot be read is always said (exit code 2)",
    },
    "rules-unknown-key": {"id": "kunci '{name}' tidak dikenal", "en": "unknown key '{name}'"},
    # what is added to an unknown name: the name probably meant, else the names known
    "rules-near": {"id": "; maksudnya '{near}'?", "en": "; did you mean '{near}'?"},
    "rules-known": {"id": "; yang dikenal: {known}", "en": "; known: {known}"},
    "rules-unknown-name": {
        "id": "{what} '{value}' tidak dikenal ({name})",
        "en": "unknown {what} '{value}' ({name})",
    },
    "rules-what-check": {"id": "pemeriksaan", "en": "check"},
    "rules-what-column": {"id": "kolom", "en": "column"},
    "rules-what-kind": {"id": "jenis target", "en": "kind of target"},
    "rules-what-severity": {
        "id": "tingkat (error, warning atau off)",
        "en": "severity (error, warning or off)",
    },
    "rules-what-severity-target": {
        "id": "pemeriksaan atau kode masalah",
        "en": "check or issue code",
    },
    "rules-what-schema-type": {"id": "jenis skema (dataframe)", "en": "schema type (dataframe)"},
    "rules-what-api": {"id": "api (pandas)", "en": "api (pandas)"},
    "rules-wrong-type": {
        "id": "'{name}' harus berupa {expected}",
        "en": "'{name}' must be {expected}",
    },
    "rules-type-str": {"id": "teks", "en": "a text"},
    "rules-type-number": {"id": "angka", "en": "a number"},
    "rules-type-bool": {"id": "true atau false", "en": "true or false"},
    "rules-type-int": {"id": "bilangan bulat", "en": "a whole number"},
    "rules-type-NoneType": {"id": "kosong", "en": "empty"},
    "rules-type-object": {"id": "sebuah nilai", "en": "a value"},
    "rules-invalid-value": {
        "id": "'{name}': '{value}' tidak dapat dipakai ({detail})",
        "en": "'{name}': '{value}' cannot be used ({detail})",
    },
    "rules-unknown-statistic": {
        "id": "'{name}': pemeriksaan '{check}' tidak mengenal '{statistic}'",
        "en": "'{name}': check '{check}' takes no '{statistic}'",
    },
    "rules-unknown-file": {
        "id": "berkas ini tidak dibaca kinerja-xl; aturan di dalamnya tidak akan berlaku "
        "(berkas yang dibaca: {known})",
        "en": "kinerja-xl reads no such file; the rules in it would never apply (the files "
        "read: {known})",
    },
    "rules-missing-key": {"id": "kunci '{name}' tidak ada", "en": "key '{name}' is missing"},
    "rules-not-a-mapping": {
        "id": "'{name}' bukan pemetaan (kunci: nilai)",
        "en": "'{name}' is not a mapping (key: value)",
    },
    "rules-not-a-list": {
        "id": "'{name}' bukan daftar (- …)",
        "en": "'{name}' is not a list (- …)",
    },
    "rules-unknown-column-role": {
        "id": "kolom '{name}' tidak dikenal (kolom yang dikenal: {known})",
        "en": "unknown column '{name}' (the columns known: {known})",
    },
    "rules-unknown-kind": {
        "id": "jenis tabel '{kind}' tidak dikenal ({known})",
        "en": "unknown kind of table '{kind}' ({known})",
    },
    # a wording of layouts.yaml that cannot be read (docs/layouts.md explains the notation)
    "rules-wording-unreadable": {
        "id": "\"{wording}\": '{part}' tidak terbaca",
        "en": "\"{wording}\": '{part}' cannot be read",
    },
    "rules-wording-empty": {"id": "cara penulisan kosong", "en": "an empty wording"},
    "rules-wording-unopened": {
        "id": "\"{wording}\": '{part}' tanpa kurung bukanya",
        "en": "\"{wording}\": '{part}' without its opening bracket",
    },
    "rules-wording-unclosed": {
        "id": "\"{wording}\": '{part}' penutup kurung tidak ada",
        "en": "\"{wording}\": the closing '{part}' is missing",
    },
    "rules-wording-mismatched": {
        "id": "\"{wording}\": '{part}' menutup kurung jenis lain",
        "en": "\"{wording}\": '{part}' closes the other kind of bracket",
    },
    "rules-wording-empty-choice": {
        "id": "\"{wording}\": pilihan kosong di antara '|' atau kurung",
        "en": "\"{wording}\": an empty choice between '|' or brackets",
    },
    "rules-wording-repeat-alone": {
        "id": "\"{wording}\": '...' hanya boleh sesudah '[ … ]'",
        "en": "\"{wording}\": '...' may only follow '[ … ]'",
    },
    "rules-wording-all-optional": {
        "id": '"{wording}": perlu sedikitnya satu kata yang tidak opsional',
        "en": '"{wording}": needs at least one word that is not optional',
    },
    "rules-cannot-run": {
        "id": "pemeriksaan '{check}' pada '{column}' tidak dapat dijalankan ({detail})",
        "en": "check '{check}' on '{column}' cannot run ({detail})",
    },
    # a registry or kiriman file (schemas/offices.yaml, schemas/kiriman.yaml) that cannot be used
    "rules-unknown-value": {
        "id": "jenis '{name}' tidak dikenal (ri, provinsi, kabupaten atau kota)",
        "en": "unknown kind '{name}' (ri, provinsi, kabupaten or kota)",
    },
    "rules-duplicate-code": {
        "id": "kode '{name}' dipakai dua kali",
        "en": "code '{name}' is used twice",
    },
    "rules-unknown-province": {
        "id": "provinsi '{name}' tidak dikenal",
        "en": "unknown province '{name}'",
    },
    "rules-unknown-document": {
        "id": "dokumen '{name}' tidak ada di 'documents'",
        "en": "document '{name}' is not one of 'documents'",
    },
    # the command line
    "app-help": {
        "id": "Baca, periksa dan gabungkan RKT, IKU dan Anggaran KPU dari berkas Excel.",
        "en": "Read, check and consolidate KPU performance plans (RKT, IKU, Anggaran) from Excel.",
    },
    # the Capaian sheet
    "direction-higher": {"id": "makin tinggi makin baik", "en": "higher is better"},
    "direction-lower": {"id": "makin rendah makin baik", "en": "lower is better"},
}
