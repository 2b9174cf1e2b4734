"""The words of `kinerja-xl serve` (the pages, their refusals, the server's log) and of
`kinerja-xl token`. A page's words never name a form field, a command-line option or an
environment variable: the person reading them uses a browser (the JSON for scripts may)."""

WEB = {
    "web-title": {
        "id": "kinerja-xl — Periksa RKT, IKU dan Anggaran",
        "en": "kinerja-xl — Check RKT, IKU and budgets",
    },
    "web-nav-check": {"id": "Periksa berkas", "en": "Check files"},
    "web-nav-kiriman": {"id": "Kiriman", "en": "Submissions"},
    "web-language": {"id": "English", "en": "Bahasa Indonesia"},
    "web-check-lead": {
        "id": "Pilih atau seret buku kerja Anda ke sini (.xlsx, .xls, .ods). Berkas hanya diperiksa; tidak ada yang disimpan.",
        "en": "Choose or drop your workbooks here (.xlsx, .xls, .ods). Files are only checked; nothing is kept.",
    },
    "web-drop": {
        "id": "Seret berkas ke sini, atau klik untuk memilih",
        "en": "Drop files here, or click to choose",
    },
    "web-check-button": {"id": "Periksa", "en": "Check"},
    "web-checking": {"id": "Memeriksa…", "en": "Checking…"},
    "web-uploading": {"id": "Mengunggah dan memeriksa…", "en": "Uploading and checking…"},
    "web-office": {"id": "Satker", "en": "Office"},
    "web-year": {"id": "Tahun", "en": "Year"},
    "web-status": {"id": "Status", "en": "Status"},
    "web-unknown": {"id": "tidak diketahui", "en": "unknown"},
    "web-issues": {"id": "Masalah", "en": "Issues"},
    "web-no-issues": {"id": "Tidak ada masalah.", "en": "No issues."},
    "web-col-sheet": {"id": "Lembar", "en": "Sheet"},
    "web-col-cell": {"id": "Sel", "en": "Cell"},
    "web-col-severity": {"id": "Tingkat", "en": "Severity"},
    "web-col-value": {"id": "Nilai", "en": "Value"},
    "web-col-message": {"id": "Pesan", "en": "Message"},
    "web-sheet-view": {
        "id": "Lembar '{sheet}' (sel bermasalah berwarna)",
        "en": "Sheet '{sheet}' (flagged cells coloured)",
    },
    "web-sheet-help": {
        "id": "Sel berwarna: arahkan penunjuk atau pindah dengan Tab untuk membaca pesannya.",
        "en": "Coloured cells: point at one, or move to it with Tab, to read its message.",
    },
    "web-clipped": {
        "id": "Hanya {rows} baris pertama yang ditampilkan.",
        "en": "Only the first {rows} rows are shown.",
    },
    "web-download-copy": {
        "id": "Unduh salinan bertanda (.xlsx)",
        "en": "Download the marked-up copy (.xlsx)",
    },
    # Kiriman
    "web-kiriman-lead": {
        "id": "Kiriman satker di folder {folder}. Berkas yang diunggah di sini disimpan ke folder itu dan dicatat di riwayat; kiriman yang datang belakangan menggantikan yang lebih dulu.",
        "en": "The offices' submissions in the folder {folder}. Files uploaded here are filed into it and recorded in the history; a submission that arrives later supersedes an earlier one.",
    },
    "web-kiriman-lead-office": {
        "id": "Kiriman {office} untuk provinsi. Hanya buku kerja {office} yang diterima; kiriman yang datang belakangan menggantikan yang lebih dulu, dan yang lama tetap tercatat.",
        "en": "{office}'s submissions to the province. Only {office}'s workbooks are accepted; a submission that arrives later supersedes an earlier one, which stays on record.",
    },
    "web-kiriman-upload": {"id": "Unggah kiriman", "en": "Upload submissions"},
    "web-kiriman-filed": {
        "id": "{count} berkas disimpan.",
        "en": "{count} {count:file|files} filed.",
    },
    "web-withdrawn-flash": {
        "id": "Kiriman #{id} ditarik. Berkasnya tetap disimpan dan tercatat, tetapi tidak lagi dihitung.",
        "en": "Submission #{id} withdrawn. Its file stays filed and on record, but no longer counts.",
    },
    "web-download-merge": {
        "id": "Unduh buku kerja konsolidasi (.xlsx)",
        "en": "Download the consolidated workbook (.xlsx)",
    },
    "web-files": {"id": "Berkas di folder", "en": "Files in the folder"},
    "web-file-issues": {"id": "Masalah di {file}", "en": "Issues in {file}"},
    "web-history": {"id": "Riwayat kiriman", "en": "Submission history"},
    "web-history-none": {
        "id": "Belum ada kiriman lewat halaman ini.",
        "en": "Nothing has been submitted through this page yet.",
    },
    "web-history-count": {"id": "{count} kiriman", "en": "{count} {count:submission|submissions}"},
    "web-col-received": {"id": "Diterima", "en": "Received"},
    "web-col-file": {"id": "Berkas", "en": "File"},
    "web-col-document": {"id": "Dokumen", "en": "Document"},
    "web-col-by": {"id": "Oleh", "en": "By"},
    "web-col-submission": {"id": "Status kiriman", "en": "Submission"},
    "web-col-check": {"id": "Hasil periksa", "en": "Check"},
    "web-saved-as": {"id": "disimpan sebagai {name}", "en": "filed as {name}"},
    "submission-current": {"id": "Berlaku", "en": "Current"},
    "submission-superseded": {"id": "Digantikan oleh #{id}", "en": "Superseded by #{id}"},
    "submission-withdrawn": {"id": "Ditarik", "en": "Withdrawn"},
    "web-withdraw": {"id": "Tarik", "en": "Withdraw"},
    "web-withdraw-label": {"id": "Tarik kiriman #{id}", "en": "Withdraw submission #{id}"},
    "web-signed-in": {"id": "Kunci: {who}", "en": "Key: {who}"},
    "web-sign-out": {"id": "Lupakan kunci", "en": "Forget the key"},
    "web-scroll-region": {"id": "Lembar {sheet}, dapat digulir", "en": "Sheet {sheet}, scrollable"},
    "web-table-region": {"id": "Tabel {name}, dapat digulir", "en": "Table {name}, scrollable"},
    # refusals, as a page says them (and the JSON's "error")
    "web-error-title": {"id": "Tidak dapat diproses", "en": "This could not be done"},
    "web-back": {"id": "Kembali", "en": "Back"},
    "web-no-folder": {
        "id": "Halaman Kiriman tidak tersedia di server ini: server ini dijalankan tanpa folder kiriman.",
        "en": "The Submissions page is not available on this server: it runs without an inbox folder.",
    },
    "web-no-files": {
        "id": "Tidak ada berkas yang dipilih. Pilih atau seret satu buku kerja atau lebih, lalu coba lagi.",
        "en": "No file was chosen. Choose or drop one or more workbooks, then try again.",
    },
    "web-no-files-api": {
        "id": "Tidak ada berkas yang diunggah (kolom multipart 'files').",
        "en": "No file was uploaded (multipart field 'files').",
    },
    "web-token-needed": {
        "id": "Halaman ini memerlukan kunci. Buka tautan lengkap yang Anda terima dari provinsi.",
        "en": "This page needs a key. Open the full link you received from the province.",
    },
    "web-token-wrong": {
        "id": "Kunci ini tidak berlaku (salah, atau sudah dicabut). Mintalah tautan baru kepada provinsi.",
        "en": "This key is not valid (wrong, or revoked). Ask the province for a new link.",
    },
    "web-too-large": {
        "id": "Unggahan terlalu besar: batasnya {mb} MB sekali kirim. Kirim berkas yang lebih kecil, atau beberapa kali.",
        "en": "The upload is too large: the limit is {mb} MB at a time. Send smaller files, or send them in turns.",
    },
    "web-too-large-api": {
        "id": "Unggahan terlalu besar: batasnya {mb} MB (--max-upload-mb).",
        "en": "The upload is too large: the limit is {mb} MB (--max-upload-mb).",
    },
    "web-too-slow": {
        "id": "Unggahan terlalu lambat atau terhenti, sehingga dihentikan. Coba lagi saat sambungan lebih baik.",
        "en": "The upload was too slow or stalled, so it was stopped. Try again when the connection is better.",
    },
    "web-host-refused": {
        "id": "Server ini tidak melayani alamat '{host}'. Buka alamat yang diberikan provinsi.",
        "en": "This server does not serve the address '{host}'. Open the address the province gave you.",
    },
    "web-cross-site": {
        "id": "Permintaan dari situs lain ditolak. Unggah berkas dari halaman kinerja-xl itu sendiri.",
        "en": "A request from another site was refused. Upload files from the kinerja-xl page itself.",
    },
    "web-not-your-file": {
        "id": "Berkas ini milik satker lain; kunci Anda hanya untuk kiriman satker Anda sendiri.",
        "en": "This file is another office's; your key is for your own office's submissions only.",
    },
    "web-office-no-merge": {
        "id": "Buku kerja konsolidasi hanya untuk provinsi: kunci satker tidak dapat mengunduhnya.",
        "en": "The consolidated workbook is for the province only: an office's key cannot download it.",
    },
    "web-withdraw-which": {
        "id": "Kiriman mana yang ditarik? Pilih dari riwayat kiriman.",
        "en": "Which submission is to be withdrawn? Choose one from the history.",
    },
    "web-withdraw-none": {
        "id": "Tidak ada kiriman #{id} di riwayat.",
        "en": "There is no submission #{id} in the history.",
    },
    "web-task-timeout": {
        "id": "Pemeriksaan dihentikan setelah {seconds} detik: berkasnya terlalu besar atau rumit. Bagi menjadi beberapa berkas, lalu coba lagi.",
        "en": "The check was stopped after {seconds} seconds: the file is too large or too complex. Split it into several files, then try again.",
    },
    "web-task-died": {
        "id": "Pemeriksaan berhenti di tengah jalan (berkas rusak?); tidak ada yang disimpan. Simpan ulang berkasnya di Excel, lalu coba lagi.",
        "en": "The check stopped half-way (a damaged file?); nothing was filed. Save the file again in Excel, then try again.",
    },
    "web-http-error": {
        "id": "Permintaan ini tidak dapat diproses (HTTP {status}).",
        "en": "This request could not be processed (HTTP {status}).",
    },
    "web-failed": {
        "id": "Terjadi kesalahan di server. Coba lagi; jika berulang, beri tahu provinsi.",
        "en": "Something went wrong on the server. Try again; if it happens again, tell the province.",
    },
    "web-ledger-failed": {
        "id": "Riwayat kiriman tidak dapat ditulis, jadi tidak ada yang disimpan. Beri tahu provinsi.",
        "en": "The submission history could not be written, so nothing was filed. Tell the province.",
    },
    "refused-other-office": {
        "id": "{file} adalah buku kerja {office}, sedangkan kunci Anda untuk {yours}: kunci satker hanya menerima buku kerja satkernya sendiri.",
        "en": "{file} is a workbook of {office}, while your key is for {yours}: an office's key accepts its own office's workbooks only.",
    },
    "refused-no-office": {
        "id": "{file} tidak menyebut satker mana pun. Tulis {yours} di judulnya, lalu kirim lagi; tidak ada yang disimpan.",
        "en": "{file} names no office. Write {yours} in its title, then send it again; nothing was filed.",
    },
    "refused-not-a-workbook": {
        "id": "{file} bukan buku kerja Excel atau Calc (.xlsx, .xlsm, .xls, .ods), jadi tidak disimpan: hanya buku kerja yang diterima sebagai kiriman.",
        "en": "{file} is not an Excel or Calc workbook (.xlsx, .xlsm, .xls, .ods), so it was not filed: only workbooks are accepted as submissions.",
    },
    "refused-unreadable": {
        "id": "{file} tidak disimpan karena tidak dapat dibaca: {why}",
        "en": "{file} was not filed because it cannot be read: {why}",
    },
    # the server's own lines
    "web-serving": {"id": "kinerja-xl melayani di {url}", "en": "kinerja-xl is serving at {url}"},
    "web-serving-token": {
        "id": "Halaman ini terbuka di luar komputer ini, hanya dengan kunci. Alamat di atas memuat kunci provinsi: jangan dibagikan. Untuk satker: kinerja-xl token FOLDER --office NAMA.",
        "en": "This page is open beyond this computer, with a key only. The address above holds the province's key: keep it to yourself. For offices: kinerja-xl token FOLDER --office NAME.",
    },
    "web-stop": {"id": "Tekan Ctrl-C untuk berhenti.", "en": "Press Ctrl-C to stop."},
    "web-log-dropped": {
        "id": "{client} memutus sambungan di tengah {method} {path} (setelah {size} bita)",
        "en": "{client} dropped the connection during {method} {path} (after {size} bytes)",
    },
    "web-log-out-of-files": {
        "id": "server kehabisan berkas terbuka, sambungan baru menunggu: {error}",
        "en": "the server has run out of open files, new connections wait: {error}",
    },
    "web-log-ledger": {
        "id": "riwayat kiriman tidak dapat ditulis: {error}",
        "en": "the submission history cannot be written: {error}",
    },
    # kinerja-xl token
    "token-made": {
        "id": "Kunci baru untuk {office} ({code}), tercatat sebagai {name}. Kunci di atas hanya ditampilkan sekali: kirimkan ke satker itu sebagai tautan http://ALAMAT:PORT/?token=KUNCI.",
        "en": "A new key for {office} ({code}), recorded as {name}. The key above is shown this once: send it to that office as a link http://ADDRESS:PORT/?token=KEY.",
    },
    "token-revoked-count": {
        "id": "{count} kunci {office} dicabut; kunci itu tidak lagi diterima.",
        "en": "{count} {count:key|keys} of {office} revoked; no longer accepted.",
    },
    "token-unknown-office": {
        "id": '\'{office}\' bukan satker KPU yang dikenal. Tulis misalnya "KPU Kota Surabaya" atau kodenya "35.78".',
        "en": '\'{office}\' is not a known KPU office. Write for example "KPU Kota Surabaya" or its code "35.78".',
    },
    "token-ledger-failed": {
        "id": "riwayat kiriman di {folder} tidak dapat ditulis: {error}",
        "en": "the submission history in {folder} cannot be written: {error}",
    },
    "token-active": {"id": "berlaku", "en": "active"},
    "token-revoked": {"id": "dicabut", "en": "revoked"},
}
