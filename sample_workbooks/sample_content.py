"""The seed documents' content, line by line (KPU Kota Banjarmasin RKT 2024, KPU Kota
Banjarbaru IKU 2024). "PAGE" marks where the printed page broke."""

BANJARMASIN_RKT_KPU = [
    (
        "1",
        "Mewujudkan Komisi Pemilihan Umum yang mandiri, Professional dan Berintegritas",
        None,
        None,
    ),
    (
        "",
        "Terwujudnya Bidang Politik yang kuat",
        "Persentase naskah akademik peraturan/Keputusan KPU Kota Banjarmasin yang berbasis kepemiluan",
        "90%",
    ),
    (
        "",
        "Terwujudnya Sistem Informasi mengenai Partai Politik yang andal dan berkualitas",
        "Persentase informasi mengenai partai politik yang mutakhir dan dipublikasikan pada publik",
        "40%",
    ),
    (
        "",
        "Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas",
        "Indeks Reformasi Birokrasi",
        "80",
    ),
    ("", "", "Nilai Akuntabilitas Kinerja", "B"),
    ("", "", "Opini BPK atas Laporan Keuangan", "WTP"),
    ("", "", "Nilai Keterbukaan Informasi Publik", "100%"),
    (
        "2",
        "Menyelenggarakan Pemilu/Pemilihan Serentak yang Demokratis, Tepat Waktu, Efisien dan "
        "Efektif",
        None,
        None,
    ),
    (
        "",
        "Terwujudnya Kesadaran Pemilih, Kepemiluan dan Demokrasi yang tinggi untuk seluruh lapisan "
        "masyarakat",
        "Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan",
        "77%",
    ),
    ("", "", "Persentase Partisipasi Pemilih Perempuan dalam Pemilu/Pemilihan", "77%"),
    ("", "", "Persentase Partisipasi Pemilih Disabilitas dalam Pemilu/Pemilihan", "77%"),
    (
        "",
        "Terwujudnya koordinasi penyelenggaraan kepemiluan",
        "Persentase Pemilih yang Berhak Memilih Tetapi",
        "0,16%",
    ),
    "PAGE",
    (
        "",
        "yang sesuai dengan Standar Pelayanan Publik, disertai pengelolaan data dan informasi serta "
        "dokumentasi pelaksanaan Pemilu berbasis teknologi informasi yang terintegrasi",
        "Tidak Masuk dalam Daftar Pemilih Tetap",
        "",
    ),
    (
        "3",
        "Mewujudkan Pemilu/Pemilihan Serentak yang langsung, umum, bebas, jujur dan adil",
        "Persentase KPU Kota Banjarmasin yang menyelenggarakan Pemilu/Pemilihan sesuai dengan jadwal "
        "dan ketentuan yang berlaku",
        "100%",
    ),
    (
        "",
        "Terwujudnya Pemilu Serentak yang aman dan damai disertai penyelesaian sengketa hukum yang "
        "baik",
        "Persentase KPU Kota Banjarmasin yang melaksanakan Pemilu/Pemilihan yang Aman dan Damai",
        "100%",
    ),
    ("", "", "Persentase Sengketa Hukum yang dimenangkan KPU Kota Banjarmasin", "90%"),
]

BANJARMASIN_SEKRETARIAT = [
    (
        "1.",
        "Terlaksananya Perencanaan Program dan Anggaran, serta Penyusunan Peraturan Pelaksanaan "
        "Penyelenggaraaan Pemilu yang Efektif dan Efisien",
        "Persentase KPU Kabupaten/Kota yang mampu memfasilitasi pengelolaan perencanaan program dan "
        "anggaran Pemilu",
        "100%",
    ),
    (
        "",
        "",
        "Persentase KPU Kabupaten/Kota yang mampu memfasilitasi penyusunan dan penyusunan "
        "peraturan pelaksanaan Penyelenggaraan Pemilu",
        "100%",
    ),
    (
        "",
        "",
        "Persentase KPU Kabupaten/Kota yang mampu merencanakan, membangun dan mengembangkan "
        "sarana dan prasarana IT Pemilu",
        "100%",
    ),
    (
        "2.",
        "Terbentuknya Badan Adhoc yang tepat jumlah dan waktu",
        "Persentase KPU Kabupaten/Kota yang mampu memfasilitasi tahapan pembentukan badan adhoc yang "
        "transparan dan sesuai ketentuan",
        "100%",
    ),
    (
        "3.",
        "Terlaksananya kegiatan kampanye Pemilu yang damai, taat aturan dan sesuai peraturan "
        "perundang-undangan",
        "Persentase satker yang mampu memfasilitasi kegiatan kampanye Pemilu yang "
        "damai, taat aturan, dan sesuai ketentuan perundang-undangan",
        "95%",
    ),
    (
        "4.",
        "Terlaksananya Pengucapan Sumpah Janji Presiden dan Wakil Presiden serta Anggota DPR,DPD,"
        "DPRD Provinsi, dan DPRD Kabupaten/Kota",
        "Jumlah layanan yang dapat dilaksanakan dalam rangka "
        "fasilitasi sumpah janji dengan tepat waktu dan sesuai aturan",
        "100%",
    ),
    "PAGE",
    (
        "5.",
        "Terlaksananya Pemungutan dan Penghitungan Suara dengan baik",
        "Persentase satker yang mampu fasilitasi kegiatan persiapan pemungutan dan penghitungan suara "
        "dengan baik",
        "100%",
    ),
    (
        "6.",
        "Telaksananya kegiatan Penetapan Hasil Pemilu yang Baik dan sesuai ketentuan",
        "Persentase satker yang mampu kegiatan Penetapan Hasil Pemilu yang Baik dan sesuai ketentuan",
        "95%",
    ),
    (
        "7.",
        "Terfasilitasinya pengelolaan, pengadaan, laporan dan dokumentasi logistik yang tepat",
        "Persentase satker yang mampu memfasilitasi pengelolaan, pengadaan, laporan dan dokumentasi "
        "logistik yang tepat",
        "100%",
    ),
    (
        "8.",
        "Pengelolaan keuangan dan Barang Milik Negara yang dapat dipertanggungjawabkan",
        "Persentase KPU Kabupaten/Kota yang menyampaikan laporan pertanggungjawaban pengguna anggaran "
        "berbasis SIMONIKA yang tepat waktu dan valid",
        "100%",
    ),
    ("", "", "Persentase satker yang menyelesaikan pembayaran gaji pegawai tepat waktu", "100%"),
    (
        "9.",
        "Operasional perkantoran dan dukungan sarana prasarana yang efektif dan edisien dan dapat "
        "dipertanggungjawabkan",
        "Persentase KPU Kabupaten/Kota yang patuh dan tertib dalam pengelolaan "
        "Barang Milik Negara yang material",
        "100%",
    ),
    (
        "",
        "",
        "Persentase gangguan keamanan dalam lingkungan KPU Kabupaten/Kota yang dapat ditanggulangi",
        "100%",
    ),
    (
        "",
        "",
        "Persentase ruangan rapat yang digunakan tidak ada yang bersamaan dalam waktu dan tempat",
        "100%",
    ),
    "PAGE",
    (
        "",
        "",
        "Jumlah laporan Barang Milik Negara berdasarkan SIMAK BMN yang datanya sesuai dengan "
        "data SAK",
        "100%",
    ),
    (
        "",
        "",
        "Persentase Hasil Rapat Pleno yang ditindaklanjuti paling lambat 4 hari kerja",
        "100%",
    ),
    (
        "",
        "",
        "persentase fasilitas perkantoran untuk mendukung kinerja pegawai yang berfungsi dengan "
        "baik",
        "100%",
    ),
    ("", "", "Persentase gedung dan gudang KPU Kabupaten/Kota yang berfungsi dengan baik", "100%"),
]

BANJARMASIN_ANGGARAN = [
    (
        "1.",
        "Perencanaan Program dan Anggaran, serta Penyusunan Peraturan Pelaksanaan "
        "Penyelenggaraaan Pemilu",
        "Rp. 814.815.000,00",
    ),
    ("2.", "Pembentukan Badan Adhoc", "Rp. 30.275.016.000,00"),
    ("3.", "Masa Kampanye Pemilu", "Rp. 935.415.000,00"),
    (
        "4.",
        "Pengucapan Sumpah Janji Presiden dan Wakil Presiden serta Anggota DPR,DPD,DPRD "
        "Provinsi, dan DPRD Kabupaten/Kota",
        "Rp. 16.026.000,00",
    ),
    ("5.", "Pemungutan dan Penghitungan Suara", "Rp. 4.800.756.000,00"),
    ("6.", "Penetapan Hasil Pemilu", "Rp. 19.950.000,00"),
    ("7.", "Pengelolaan, Pengadaan, Laporan dan Dokumentasi Logistik", "Rp. 3.979.222.000,00"),
    ("8.", "Pengelolaan Keuangan dan Barang Milik Negara", "Rp. 2.361.324.000,00"),
    ("9.", "Operasional Perkantoran dan Dukungan Sarana Prasarana", "Rp. 282.160.000,00"),
]

BANJARBARU_IKU = {
    "tugas": [
        "- Tugas",
        "1. Menjabarkan Program dan melaksanakan anggaran;",
        "2. Melaksanakan semua tahapan penyelenggaraan di kabupaten/kota berdasarkan ketentuan "
        "peraturan perundang-undangan;",
        "3. Mengkoordinasikan dan mengendalikan tahapan penyelenggaraan oleh PPK, PPS dan KPPS dalam "
        "wilayah kerjanya;",
        "4. Menyampaikan daftar pemilih kepada KPU Provinsi;",
        "- Wewenang",
        "1. menetapkan jadwal tahapan Pemilu di kabupaten/kota;",
        "2. membentuk PPK, PPS, dan KPPS dalam wilayah kerjanya;",
        "- Kewajiban",
        "1. melaksanakan semua tahapan Penyelenggaraan Pemilu dengan tepat waktu;",
        "2. memperlakukan Peserta Pemilu secara adil dan setara;",
    ],
    "programs": [
        (
            "PROGRAM PENYELENGGARAAN PEMILU DALAM PROSES KONSOLIDASI DEMOKRASI [076.01.CQ]",
            [
                (
                    "1.",
                    "Jumlah dokumen Peraturan KPU RI sesuai dengan ketentuan peraturan perundang-undangan, "
                    "serta pendokumentasian informasi hukum, dan penyuluhannya.",
                    "Menghitung Jumlah dokumen Peraturan KPU RI serta pendokumentasian informasi hukum dan "
                    "penyuluhannya yang disusun dan dikelola KPU Kota Banjarbaru,",
                    "Data bersumber dari kegiatan Penyusunan dokumen Peraturan KPU RI yang dilakukan Divisi "
                    "Hukum dan Pengawasan KPU Kota Banjarbaru",
                ),
                (
                    "2.",
                    "Jumlah dokumen Pelaksanaan Kegiatan Logistik dalam Penyelenggaraan Pemilu/Pemilihan.",
                    "Menghitung Jumlah dokumen pelaksanaan kegiatan Logistik dalam Penyelenggaraan "
                    "Pemilu/Pemilihan yang dilakukan KPU Kota Banjarbaru.",
                    "Data bersumber dari kegiatan penyusunan dokumen Pedoman pelaksanaan kegiatan Logistik "
                    "dalam Penyelenggaraan Pemilu/Pemilihan yang dilakukan Divisi keuangan, umum, rumah tangga "
                    "dan logistik.",
                ),
                (
                    "3.",
                    "Jumlah dokumen Pelaksanaan Kegiatan Tahapan Pemilu/Pemilihan Sesuai Jadwal.",
                    "Menghitung Jumlah dokumen pelaksanaan kegiatan Tahapan Pemilu/Pemilihan yang dilakukan "
                    "KPU Kota Banjarbaru.",
                    "Data bersumber dari kegiatan Tahapan Pemilu/ Pemilihan yang dilakukan Divisi Teknis "
                    "Penyelenggaraan Pemilu, KPU Kota Banjarbaru.",
                ),
            ],
        ),
        (
            "PROGRAM DUKUNGAN MANAJEMEN [076.01.WA]",
            [
                (
                    "1.",
                    "Persentase tersedianya fasilitas Lembaga riset pemilihan dan operasionalnya",
                    "Menghitung Persentase fasilitas Kerjasama KPU Kota Banjarbaru dengan Lembaga riset "
                    "pemilihan dan operasionalnya",
                    "Data bersumber dari kegiatan Layanan Perkantoran berupa pelaksanaan fasilitas Kerjasama "
                    "KPU Kota Banjarbaru dengan Lembaga riset pemilihan dan operasionalnya",
                ),
                (
                    "2.",
                    "Persentase peningkatan kapasitas SDM yang berkompeten",
                    "Menghitung Persentase kesesuaian kompetensi pegawai terhadap standar kompetensi "
                    "penugasannya.",
                    "Data bersumber dari kegiatan dukungan fasilitas kegiatan KPU berupa kegiatan peningkatan "
                    "kapasitas SDM yang berkompeten dan sesuai terhadap standar kompetensi penugasannya.",
                ),
                (
                    "3.",
                    "Persentase terwujudnya dukungan sarana dan prasarana guna meningkatkan kelancaran "
                    "tugas KPU",
                    "Menghitung persentase tersedianya sarana dan prasarana untuk memenuhi "
                    "kebutuhan kerja pegawai yang berfungsi dengan baik.",
                    "Data bersumber dari kegiatan dukungan fasilitas kegiatan KPU berupa kegiatan layanan "
                    "sarana dan prasarana untuk memenuhi kebutuhan kerja pegawai yang berfungsi dengan baik.",
                ),
                (
                    "4.",
                    "Persentase peningkatan akuntabilitas keuangan dan kinerja KPU",
                    "Menghitung persentase nilai evaluasi atas akuntabilitas kinerja KPU Kota Banjarbaru. "
                    "Opini BPK atas Laporan Keuangan dan Persentase Nilai evaluasi atas pelaksanaan Reformasi "
                    "Birokrasi KPU.",
                    "Data bersumber dari kegiatan Layanan Perkantoran berupa "
                    "Penyelenggaraan Operasional dan Pemeliharaan Kantor KPU Kota Banjarbaru.",
                ),
                (
                    "5.",
                    "Persentase terwujudnya data pemilih secara berkelanjutan",
                    "Menghitung Persentase KPU Kota Banjarbaru yang memutakhirkan data pemilih tepat waktu",
                    "Data bersumber dari kegiatan Data dan Informasi yang dilaksanakan Divisi Perencanaan, "
                    "Data, dan",
                ),
                "PAGE",
                (None, None, None, "Informasi KPU Kota Banjarbaru."),
            ],
        ),
    ],
}
