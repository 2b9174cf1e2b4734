"""The words of a table not found: the rows that came nearest to a header, and why each was
not one (table-not-found composes them: words.messages)."""

LAYOUTS: dict[str, dict[str, str]] = {
    "why-intro": {
        "id": " Baris yang hampir menjadi judul tabel: ",
        "en": " Rows that came near to a table's header: ",
    },
    "why-missing": {
        "id": "lembar '{sheet}' baris {row} menyebut {named}, tetapi tidak ada kolom {missing}",
        "en": "sheet '{sheet}' row {row} names {named}, but no column names {missing}",
    },
    "why-body": {
        "id": "lembar '{sheet}' baris {row} menyebut {named}, tetapi tidak ada kolom di "
        "bawahnya yang berisi {what}",
        "en": "sheet '{sheet}' row {row} names {named}, but no column below holds {what}",
    },
    "why-no-table": {
        "id": "lembar '{sheet}' baris {row} menyebut {named}, tetapi kolom-kolom itu tidak "
        "membentuk tabel RKT, IKU atau Anggaran",
        "en": "sheet '{sheet}' row {row} names {named}, but those columns make no RKT, IKU or "
        "Anggaran table",
    },
    "why-more": {"id": "; dan {count} baris lain", "en": "; and {count} more"},
    "why-end": {"id": ".", "en": "."},
    "why-and": {"id": "dan", "en": "and"},
    "why-or": {"id": "atau", "en": "or"},
    # the columns a table needs, as a person would head them
    "need-target": {"id": "target (mis. 'Target')", "en": "a target (e.g. 'Target')"},
    "need-indikator": {
        "id": "indikator (mis. 'Indikator Kinerja', 'Uraian')",
        "en": "an indicator (e.g. 'Indikator Kinerja', 'Uraian')",
    },
    "need-program": {
        "id": "program (mis. 'Program', 'Kegiatan', 'Uraian')",
        "en": "a program (e.g. 'Program', 'Kegiatan', 'Uraian')",
    },
    "need-anggaran": {
        "id": "anggaran (mis. 'Anggaran', 'Pagu', 'Jumlah Biaya')",
        "en": "an amount (e.g. 'Anggaran', 'Pagu', 'Jumlah Biaya')",
    },
    "need-cara": {
        "id": "cara penghitungan atau sumber data",
        "en": "a calculation method or data source",
    },
    # what a column below a header holds
    "holds-target": {
        "id": "target (persentase, predikat, opini, angka atau jumlah)",
        "en": "targets (percentages, grades, opinions, numbers or counts)",
    },
    "holds-amount": {"id": "jumlah rupiah", "en": "rupiah amounts"},
}
