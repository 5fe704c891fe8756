"""The articles of the demo outlet *Warta Rinjani*: our own invented texts, kept as data.

Everything here is fiction written for the demo: the outlet, its reporters, the people
quoted, the villages, companies and figures. Public institutions of Nusa Tenggara Barat are
named because the monitor must recognise them, but the events are invented. No text was
copied from any real article.

Rendering rules (see :mod:`monitor.demo.site`):

- ``paragraphs`` are plain text; the first gets the dateline opener
  ``"<DATELINE>, Warta Rinjani ~ "`` unless ``lead`` replaces it, and the last gets the
  editor initials, e.g. ``"(lrp/ron)"``.
- ``{hari}`` / ``{hari-1}`` in a paragraph become the Indonesian weekday of the publication
  date / of the day before, so texts stay consistent when the site's calendar is shifted.
- ``published`` is the true publication time (WITA, +08:00). ``date_style`` says how the page
  shows it: ``machine`` (JSON-LD, meta and ``<time datetime>``, plus visible text) or one of
  the text-only styles (no machine-readable date on the page at all).
- ``read_also``: (after paragraph n, counted from 1, slug of the linked article).
- ``page_break``: a two-page article; paragraphs from this index on are on ``?page=2``.
- ``charset``: ``cp1252`` pages are sent as windows-1252 bytes with no charset declared.

Which issues and organisations each article is about is NOT recorded here: that is the
test-only answer key (``answer_key.json``), which the product never reads.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Comment:
    author: str
    posted: str  # ISO 8601, +08:00
    text: str


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    category: str  # a key of CATEGORIES
    author: str  # a key of AUTHORS
    published: str  # ISO 8601 with +08:00
    paragraphs: tuple[str, ...]
    editor: str  # trailing editor initials, e.g. "(lrp/ron)"
    dateline: str = "MATARAM"
    lead: str | None = None  # replaces "<DATELINE>, Warta Rinjani ~ " (syndicated copies)
    modified: str | None = None
    date_style: str = "machine"  # machine | text_dash | text_wib | text_paren | text_pukul
    read_also: tuple[tuple[int, str], ...] = ()
    read_also_box: bool = False  # a plugin "Baca Juga" box instead of an inline paragraph
    tags: tuple[str, ...] = ()
    caption: str = ""
    page_break: int | None = None
    charset: str = "utf-8"
    slow: bool = False
    comments: tuple[Comment, ...] = ()


SITE_NAME = "Warta Rinjani"
SITE_TAGLINE = "Kabar Lombok dan Sumbawa"

CATEGORIES: dict[str, str] = {
    "pemerintahan": "Pemerintahan & Politik",
    "hukum": "Hukum & Kriminal",
    "sosial": "Sosial & Layanan Publik",
    "lingkungan": "Lingkungan",
    "ekonomi": "Ekonomi",
    "olahraga": "Olahraga",
    "wisata-budaya": "Wisata & Budaya",
    "peristiwa": "Peristiwa",
}

AUTHORS: dict[str, str] = {
    "baiq-nurul-hidayati": "Baiq Nurul Hidayati",
    "lalu-rizki-pratama": "Lalu Rizki Pratama",
    "made-wiradana": "Made Wiradana",
    "siti-rahmawati": "Siti Rahmawati",
    "ahmad-zulkarnain": "Ahmad Zulkarnain",
    "redaksi": "Redaksi",
}

# Static WordPress pages (listed in page-sitemap.xml, linked from the footer): not news.
PAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "tentang-kami": ("Tentang Kami", (
        "Warta Rinjani adalah media daring yang memberitakan peristiwa, kebijakan publik, dan "
        "kehidupan warga di Pulau Lombok dan Pulau Sumbawa. Situs ini adalah contoh fiktif yang "
        "dibuat untuk demonstrasi perangkat lunak; semua berita di dalamnya rekaan.",
        "Redaksi berkantor di Mataram dan dibantu kontributor di setiap kabupaten/kota.",
    )),
    "redaksi": ("Redaksi", (
        "Pemimpin Redaksi: Ronald Sitompul. Redaktur Pelaksana: Adminah Putri. Reporter: Baiq "
        "Nurul Hidayati, Lalu Rizki Pratama, Made Wiradana, Siti Rahmawati, Ahmad Zulkarnain.",
        "Alamat redaksi: Jalan Contoh Nomor 1, Mataram. Surel: redaksi@contoh.invalid.",
    )),
    "pedoman-media-siber": ("Pedoman Pemberitaan Media Siber", (
        "Kemerdekaan berpendapat, kemerdekaan berekspresi, dan kemerdekaan pers adalah hak asasi "
        "manusia yang dilindungi. Warta Rinjani berpegang pada pedoman pemberitaan media siber "
        "dalam verifikasi berita, ralat, dan pencabutan berita.",
        "Berita yang terbukti keliru akan diralat dan ralat ditautkan pada berita aslinya.",
    )),
}

# A post that was deleted after the sitemap cache was built: listed in post-sitemap.xml, 404.
DELETED = ("pemkab-lombok-utara-gelar-pasar-murah-jelang-akhir-tahun", "2025-11-09T10:00:00+08:00")

FEED_SIZE = 15  # /feed/ lists the newest 15 posts
NEWS_SITEMAP_SIZE = 10  # /news-sitemap.xml lists the newest 10
SITEMAP_SIZE = 30  # the sitemap plugin's "max entries": older posts are found only in listings
PER_PAGE = 8  # posts per listing page


_A: list[Article] = []


def _add(**kw) -> Article:
    kw["paragraphs"] = tuple(kw["paragraphs"])
    art = Article(**kw)
    _A.append(art)
    return art


# ---------------------------------------------------------------------------------------------
# 1. Sport: no issue

_add(
    slug="gelora-lombok-fc-tekuk-bintang-timur-sumbawa-2-1-jaga-asa-ke-putaran-nasional-liga-4",
    title="Gelora Lombok FC Tekuk Bintang Timur Sumbawa 2-1, Jaga Asa ke Putaran Nasional Liga 4",
    category="olahraga", author="ahmad-zulkarnain", published="2025-11-21T16:05:00+08:00",
    editor="(azk/ron)", tags=("Liga 4", "Sepak Bola"),
    caption="Pemain Gelora Lombok FC merayakan gol kedua ke gawang Bintang Timur Sumbawa.",
    paragraphs=[
        "Gelora Lombok FC menjaga peluang lolos ke putaran nasional Liga 4 setelah menundukkan "
        "Bintang Timur Sumbawa 2-1 dalam laga lanjutan Grup A putaran provinsi di Stadion 17 Desember, "
        "Mataram, {hari} sore. Kemenangan ini membuat skuad berjuluk Laskar Rinjani mengoleksi sembilan "
        "poin dari empat pertandingan.",
        "Tuan rumah tampil menekan sejak menit awal. Gol pembuka lahir pada menit ke-23 melalui sundulan "
        "Lalu Fikri Maulana yang menyambut sepak pojok Dimas Ardiansyah. Bintang Timur baru bisa membalas "
        "lewat tendangan bebas Irfan Hidayat pada menit ke-41, memanfaatkan kesalahan posisi kiper "
        "Gelora Lombok.",
        "Selepas turun minum, pelatih Gelora Lombok, Rudi Hartono, memasukkan dua pemain muda untuk "
        "menambah daya gedor di sisi sayap. Strategi itu berbuah manis. Pada menit ke-77, Ahmad Rizal "
        "yang baru masuk melepaskan tembakan keras dari luar kotak penalti yang tidak mampu dijangkau "
        "penjaga gawang lawan.",
        "“Anak-anak bermain disiplin. Kami sempat kehilangan fokus menjelang jeda, tetapi di babak kedua "
        "semua instruksi dijalankan dengan baik,” kata Rudi seusai pertandingan.",
        "Pelatih Bintang Timur, Syamsul Bahri, mengakui timnya kalah dalam penguasaan lini tengah. Menurut "
        "dia, perjalanan darat dan penyeberangan dari Sumbawa yang memakan waktu hampir sepuluh jam turut "
        "memengaruhi kebugaran pemain. “Tidak ada alasan, kami akan evaluasi dan fokus ke laga kandang "
        "pekan depan,” ujarnya.",
        "Laga tersebut disaksikan sekitar 4.000 penonton. Panitia pelaksana mencatat penjualan tiket "
        "mencapai Rp86 juta, tertinggi sejak kompetisi putaran provinsi bergulir bulan lalu. Gelora Lombok "
        "FC akan menjamu Putra Dompu pada laga pamungkas grup, sementara dua tim teratas berhak melaju ke "
        "putaran nasional.",
    ],
    comments=(
        Comment("Bang Ocok", "2025-11-21T19:12:00+08:00", "Mantap Laskar Rinjani! Lanjutkan ke nasional."),
        Comment("Dae Ferry", "2025-11-21T20:40:00+08:00", "Wasitnya kurang tegas di babak pertama."),
    ),
)

# 2. APBD deficit (two pages): anti_corruption_budget

_add(
    slug="defisit-rapbd-ntb-2026-diproyeksikan-rp312-miliar-banggar-minta-belanja-dipangkas",
    title="Defisit RAPBD NTB 2026 Diproyeksikan Rp312 Miliar, Banggar Minta Belanja Dipangkas",
    category="pemerintahan", author="baiq-nurul-hidayati", published="2025-11-21T10:20:00+08:00",
    modified="2025-11-21T13:05:00+08:00", editor="(bnh/ron)", page_break=4,
    tags=("APBD", "DPRD NTB", "Pemprov NTB"),
    caption="Suasana rapat Badan Anggaran DPRD NTB membahas RAPBD 2026.",
    read_also=((2, "ratusan-mahasiswa-unjuk-rasa-di-dprd-ntb-tuntut-tunjangan-dewan-dipangkas"),),
    paragraphs=[
        "Badan Anggaran (Banggar) DPRD NTB meminta Tim Anggaran Pemerintah Daerah (TAPD) Pemprov NTB "
        "memangkas belanja yang tidak mendesak dalam Rancangan APBD 2026. Dalam nota keuangan yang "
        "disampaikan pekan lalu, defisit anggaran diproyeksikan mencapai Rp312 miliar, melonjak dari "
        "Rp187 miliar pada APBD Perubahan 2025.",
        "Anggota Banggar DPRD NTB, Muhammad Rizal Fahmi, mengatakan lonjakan defisit terutama dipicu "
        "turunnya dana transfer ke daerah dari pemerintah pusat, sementara target pendapatan asli daerah "
        "(PAD) dinaikkan tanpa dasar yang meyakinkan. “Kalau pendapatannya tidak realistis, defisit yang "
        "tercatat di atas kertas bisa lebih besar lagi di akhir tahun. Ini yang kami khawatirkan,” ujarnya "
        "saat rapat pembahasan di Gedung DPRD NTB, {hari}.",
        "Sekretaris Daerah NTB selaku Ketua TAPD, Lalu Satria Wiguna, menyatakan pemprov telah menyisir "
        "ulang pos belanja perjalanan dinas, makan dan minum rapat, serta honorarium kegiatan. Dari "
        "penyisiran itu, penghematan yang bisa dilakukan diperkirakan Rp95 miliar.",
        "Namun, Satria mengakui sebagian besar belanja sulit dikurangi. Belanja pegawai naik setelah "
        "ribuan tenaga honorer diangkat menjadi PPPK, sementara porsi wajib 20 persen untuk pendidikan dan "
        "alokasi untuk kesehatan harus tetap dipenuhi.",
        "Banggar juga menyoroti kewajiban jangka pendek berupa tunda bayar proyek tahun 2025 senilai "
        "sekitar Rp140 miliar yang harus dilunasi pada tahun depan. Menurut Rizal, tunda bayar yang terus "
        "berulang menandakan perencanaan kas daerah yang lemah.",
        "Pengamat keuangan daerah dari Universitas Mataram (Unram), Dr. Hj. Nurul Aini, menilai defisit "
        "bukan persoalan selama sumber pembiayaannya jelas. Masalahnya, kata dia, pemprov kerap menutup "
        "defisit dengan asumsi sisa lebih pembiayaan anggaran (SiLPA) yang tidak pernah benar-benar "
        "tersedia. “Itu yang membuat tunda bayar terus terjadi dari tahun ke tahun,” katanya.",
        "Sementara itu, FITRA NTB meminta dokumen rancangan APBD beserta rinciannya dibuka kepada publik "
        "sebelum rapat paripurna agar masyarakat dapat ikut mencermati pos-pos belanja.",
        "Pembahasan RAPBD 2026 ditargetkan rampung pekan depan. Pemprov dan DPRD NTB harus menyepakati "
        "rancangan tersebut sebelum akhir bulan agar dapat dievaluasi Kementerian Dalam Negeri sebelum "
        "tahun anggaran berjalan.",
    ],
)

# 3. Student protest over council allowances: civic_space_democracy + anti_corruption_budget

_add(
    slug="ratusan-mahasiswa-unjuk-rasa-di-dprd-ntb-tuntut-tunjangan-dewan-dipangkas",
    title="Ratusan Mahasiswa Unjuk Rasa di DPRD NTB, Tuntut Tunjangan Dewan Dipangkas",
    category="pemerintahan", author="lalu-rizki-pratama", published="2025-11-20T19:40:00+08:00",
    editor="(lrp/adm)", tags=("Unjuk Rasa", "DPRD NTB", "Mahasiswa"),
    caption="Massa aksi Aliansi Mahasiswa NTB Bergerak di depan Kantor DPRD NTB.",
    paragraphs=[
        "Ratusan mahasiswa yang tergabung dalam Aliansi Mahasiswa NTB Bergerak berunjuk rasa di depan "
        "Kantor DPRD NTB, Jalan Udayana, Mataram, {hari}. Mereka menuntut tunjangan perumahan dan "
        "transportasi anggota dewan dipangkas dalam Rancangan APBD 2026 yang tengah dibahas.",
        "Koordinator lapangan aksi, Fajar Ramdhani, menyebut tunjangan perumahan dan transportasi untuk "
        "65 anggota DPRD NTB menyerap hampir Rp31 miliar per tahun. Angka itu, menurut dia, tidak pantas "
        "di tengah defisit anggaran dan banyaknya sekolah serta puskesmas yang kekurangan fasilitas. "
        "“Wakil rakyat seharusnya ikut berhemat, bukan justru menaikkan fasilitasnya sendiri,” teriak "
        "Fajar dari atas mobil komando.",
        "Aksi sempat memanas ketika massa mendorong pagar dan meminta masuk ke halaman gedung dewan. "
        "Aparat Polresta Mataram membentuk barikade dan menyemprotkan air untuk mendinginkan suasana. "
        "Setelah negosiasi sekitar satu jam, sepuluh perwakilan mahasiswa diterima untuk beraudiensi.",
        "Dalam audiensi, Wakil Ketua DPRD NTB, H. Abdul Hafiz, menyatakan besaran tunjangan telah mengacu "
        "pada peraturan pemerintah dan kemampuan keuangan daerah. Meski demikian, ia berjanji membawa "
        "tuntutan mahasiswa ke rapat Badan Anggaran dan membuka rincian tunjangan kepada publik.",
        "Polisi sempat mengamankan tiga mahasiswa yang dituding melempar botol ke arah petugas. Ketiganya "
        "dilepaskan pada malam harinya setelah dimintai keterangan. Kasi Humas Polresta Mataram menyatakan "
        "pengamanan dilakukan secara persuasif dan tidak ada mahasiswa yang terluka.",
        "Aliansi menilai penangkapan itu berlebihan dan meminta aparat menghormati hak menyampaikan "
        "pendapat di muka umum. Mereka berjanji kembali turun dengan massa lebih besar apabila hingga "
        "pengesahan APBD tuntutan tersebut diabaikan.",
    ],
    comments=(
        Comment("Warga Ampenan", "2025-11-20T21:03:00+08:00", "Setuju, tunjangan dewan terlalu besar."),
        Comment("Lalu Ahmad", "2025-11-20T22:18:00+08:00", "Semoga aspirasinya didengar, jangan cuma janji."),
        Comment("Inaq Sari", "2025-11-21T07:45:00+08:00", "Jalan Udayana macet total sore itu."),
    ),
)

# 4. Solar mini-grid for three hamlets (the slow page): energy_environment_resources

_add(
    slug="tiga-dusun-terpencil-di-sumbawa-segera-teraliri-listrik-dari-plts-komunal",
    title="Tiga Dusun Terpencil di Sumbawa Segera Teraliri Listrik dari PLTS Komunal",
    category="lingkungan", author="made-wiradana", published="2025-11-20T09:10:00+08:00",
    dateline="SUMBAWA BESAR", editor="(mwd/ron)", slow=True, tags=("PLTS", "Listrik Desa", "PLN"),
    caption="Panel surya PLTS komunal yang dibangun di Kecamatan Ropang, Sumbawa.",
    paragraphs=[
        "Warga tiga dusun terpencil di Kecamatan Ropang, Kabupaten Sumbawa, tidak lama lagi akan menikmati "
        "listrik 24 jam. PT PLN (Persero) Unit Induk Pembangunan Nusa Tenggara (PLN UIP Nusra) tengah "
        "merampungkan pembangunan pembangkit listrik tenaga surya (PLTS) komunal berkapasitas total 450 "
        "kilowatt peak yang dilengkapi baterai penyimpanan.",
        "General Manager PLN UIP Nusra, Yoga Pratama Putra, mengatakan konstruksi sudah mencapai 85 persen "
        "dan ditargetkan beroperasi bulan depan. Ketiga dusun itu dihuni 412 kepala keluarga yang selama "
        "ini mengandalkan genset dan lampu minyak. “Jaringan dari sistem kelistrikan Sumbawa terlalu jauh "
        "dan medannya berat, sehingga PLTS dengan baterai menjadi pilihan paling masuk akal,” ujarnya, {hari}.",
        "Menurut Yoga, PLTS tersebut dirancang untuk memenuhi kebutuhan penerangan, pompa air, dan usaha "
        "rumah tangga. Warga akan menjadi pelanggan reguler dengan tarif yang sama seperti pelanggan PLN "
        "lainnya, sehingga tidak perlu lagi membeli solar yang harganya bisa mencapai Rp15.000 per liter "
        "di wilayah itu.",
        "Kepala Dinas Energi dan Sumber Daya Mineral (ESDM) NTB, Ir. Sahdan Ismail, menyebut rasio desa "
        "berlistrik di NTB sudah hampir 100 persen, tetapi masih ada 37 dusun yang belum terjangkau jaringan "
        "PLN. Sebagian besar berada di pedalaman Sumbawa, Dompu, dan Bima. “Pendekatannya harus energi "
        "terbarukan setempat, karena memperluas jaringan ke sana mahal dan lama,” katanya.",
        "Pemkab Sumbawa menyediakan lahan seluas satu hektare untuk lokasi panel surya dan membangun akses "
        "jalan menuju lokasi. Kepala Dusun Lebangkar, Jamaluddin, berharap listrik akan membuka peluang "
        "usaha seperti penggilingan kopi dan penyimpanan hasil tangkapan ikan air tawar.",
        "“Selama ini anak-anak belajar pakai lampu minyak. Kalau listrik sudah menyala, kami tidak lagi "
        "harus ke kecamatan hanya untuk mengisi daya telepon genggam,” tutur Jamaluddin.",
    ],
)

# 5./7. Diskominfotik NTB press release on the integrated PPID, published twice (the second is a
# syndicated copy with another lead, a reworded title and a few words changed):
# civic_space_democracy

_PPID = _add(
    slug="pemprov-ntb-luncurkan-ppid-terpadu-warga-bisa-ajukan-permohonan-informasi-secara-daring",
    title="Pemprov NTB Luncurkan PPID Terpadu, Warga Bisa Ajukan Permohonan Informasi Secara Daring",
    category="pemerintahan", author="redaksi", published="2025-11-18T14:10:00+08:00",
    editor="(*/adm)", tags=("Keterbukaan Informasi", "Diskominfotik NTB", "PPID"),
    caption="Peluncuran layanan PPID Terpadu di Kantor Gubernur NTB.",
    read_also=((3, "komisi-informasi-ntb-19-badan-publik-masih-berstatus-tidak-informatif"),),
    paragraphs=[
        "Pemerintah Provinsi Nusa Tenggara Barat melalui Dinas Komunikasi, Informatika dan Statistik "
        "(Diskominfotik) NTB resmi meluncurkan layanan Pejabat Pengelola Informasi dan Dokumentasi (PPID) "
        "Terpadu, {hari}. Melalui layanan ini, masyarakat dapat mengajukan permohonan informasi publik "
        "kepada seluruh perangkat daerah secara daring dan memantau status permohonannya.",
        "Kepala Diskominfotik NTB, Dr. Ahmad Zainul Fikri, menjelaskan PPID Terpadu mengintegrasikan PPID "
        "utama dengan 42 PPID pelaksana di organisasi perangkat daerah. Setiap permohonan yang masuk akan "
        "tercatat dengan nomor registrasi dan batas waktu layanan sesuai Undang-Undang Keterbukaan "
        "Informasi Publik, yakni sepuluh hari kerja dan dapat diperpanjang tujuh hari kerja.",
        "“Keterbukaan informasi bukan lagi pilihan, melainkan kewajiban badan publik. Dengan sistem ini, "
        "warga tidak perlu datang ke kantor, dan kami bisa mengukur kepatuhan setiap perangkat daerah "
        "dalam melayani permohonan informasi,” kata Fikri.",
        "Selain formulir permohonan, PPID Terpadu memuat daftar informasi publik yang wajib diumumkan "
        "secara berkala, seperti dokumen anggaran, laporan kinerja, dan hasil pengadaan. Dokumen tersebut "
        "terhubung dengan portal Satu Data NTB sehingga dapat diunduh tanpa harus mengajukan permohonan.",
        "Peluncuran PPID Terpadu juga menjadi bagian dari rencana aksi keterbukaan pemerintah yang tengah "
        "disusun Pemprov NTB bersama organisasi masyarakat sipil. Rencana aksi tersebut memuat komitmen "
        "perbaikan layanan informasi, partisipasi publik dalam perencanaan, dan pelibatan warga dalam "
        "pengawasan program pembangunan.",
        "Ketua Komisi Informasi (KI) NTB, Hendra Kurniawan, mengapresiasi langkah tersebut. Ia berharap "
        "layanan daring itu dibarengi dengan kesiapan pejabat di setiap perangkat daerah untuk menjawab "
        "permohonan tepat waktu. “Jangan sampai sistemnya canggih, tetapi jawabannya tetap lambat,” ujarnya.",
    ],
)


def _syndicated(original: Article, changes: list[tuple[str, str]], **kw) -> Article:
    paras = []
    for p in original.paragraphs:
        for old, new in changes:
            p = p.replace(old, new)
        paras.append(p)
    assert paras != list(original.paragraphs)
    return replace(original, paragraphs=tuple(paras), read_also=(), comments=(), **kw)


_A.append(_syndicated(
    _PPID,
    [("resmi meluncurkan", "secara resmi meluncurkan"), ("Terpadu, {hari}.", "Terpadu, {hari-1}."),
     ("warga tidak perlu datang", "warga tidak harus datang"), ("dapat diunduh", "bisa diunduh")],
    slug="warga-ntb-kini-bisa-ajukan-permohonan-informasi-publik-secara-daring-lewat-ppid-terpadu",
    title="Warga NTB Kini Bisa Ajukan Permohonan Informasi Publik Secara Daring Lewat PPID Terpadu",
    published="2025-11-19T15:25:00+08:00", lead="Mataram – ", editor="(rls/adm)",
    caption="Layanan PPID Terpadu Pemprov NTB (Foto: Diskominfotik NTB).",
))

# 6. Sexual violence case, slow investigation: gender_disability_inclusion + access_to_justice

_add(
    slug="lbh-apik-ntb-desak-polisi-percepat-penanganan-kasus-kekerasan-seksual-terhadap-siswi-di-lombok-barat",
    title="LBH APIK NTB Desak Polisi Percepat Penanganan Kasus Kekerasan Seksual terhadap Siswi di Lombok Barat",
    category="hukum", author="siti-rahmawati", published="2025-11-19T13:00:00+08:00",
    dateline="GERUNG", editor="(srw/ron)", tags=("Kekerasan Seksual", "UU TPKS", "LBH APIK"),
    read_also=((2, "kasus-kekerasan-terhadap-perempuan-dan-anak-di-ntb-capai-1012-hingga-september"),),
    read_also_box=True,
    paragraphs=[
        "Lembaga Bantuan Hukum Asosiasi Perempuan Indonesia untuk Keadilan (LBH APIK) NTB mendesak Polres "
        "Lombok Barat mempercepat penanganan kasus kekerasan seksual terhadap seorang siswi SMP berusia 14 "
        "tahun. Kasus yang dilaporkan keluarga korban sejak tiga bulan lalu itu hingga kini belum juga naik "
        "ke tahap penyidikan.",
        "Pendamping hukum LBH APIK NTB, Ni Luh Ayu Kartika, mengatakan terduga pelaku merupakan tetangga "
        "korban dan masih bebas berkeliaran di kampung yang sama. Situasi itu membuat korban ketakutan dan "
        "berhenti bersekolah selama hampir dua bulan. “Korban sudah memberikan keterangan tiga kali. Setiap "
        "kali diperiksa, ia harus mengulang cerita yang sama. Ini justru menambah trauma,” kata Ayu, {hari}.",
        "Menurut Ayu, Undang-Undang Tindak Pidana Kekerasan Seksual (UU TPKS) sebenarnya memberi dasar kuat "
        "bagi penyidik. Keterangan korban yang didukung satu alat bukti lain, seperti hasil visum atau "
        "pemeriksaan psikologis, sudah cukup untuk memproses perkara. Ia juga mengingatkan hak korban atas "
        "restitusi dan pemulihan yang dijamin undang-undang.",
        "LBH APIK NTB telah mengajukan permohonan perlindungan bagi korban dan keluarganya kepada Lembaga "
        "Perlindungan Saksi dan Korban (LPSK). Sementara itu, UPTD Perlindungan Perempuan dan Anak (PPA) "
        "Lombok Barat menyediakan pendampingan psikolog dua kali sepekan.",
        "Kasat Reskrim Polres Lombok Barat, AKP Dewa Gede Suardana, membantah penyidik lamban. Ia menyebut "
        "pihaknya masih menunggu keterangan ahli psikologi forensik sebelum gelar perkara. “Kami berhati-hati "
        "agar berkas tidak dikembalikan jaksa. Kami pastikan kasus ini menjadi prioritas,” ujarnya.",
        "Data LBH APIK NTB menunjukkan, dari 38 kasus kekerasan seksual yang mereka dampingi sepanjang tahun "
        "ini, baru 11 kasus yang sampai ke pengadilan. Lamanya proses hukum, kata Ayu, membuat banyak "
        "keluarga korban memilih berdamai secara kekeluargaan, padahal UU TPKS melarang penyelesaian di "
        "luar proses peradilan kecuali untuk pelaku anak.",
    ],
)

# 8. Chilli prices (a market price story): no issue

_add(
    slug="harga-cabai-rawit-di-pasar-mataram-tembus-rp80-ribu-per-kilogram",
    title="Harga Cabai Rawit di Pasar Mataram Tembus Rp80 Ribu per Kilogram",
    category="ekonomi", author="ahmad-zulkarnain", published="2025-11-18T08:45:00+08:00",
    editor="(azk/adm)", tags=("Harga Pangan", "Pasar"),
    caption="Pedagang cabai di Pasar Kebon Roek, Ampenan.",
    paragraphs=[
        "Harga cabai rawit di sejumlah pasar tradisional di Kota Mataram terus merangkak naik dalam sepekan "
        "terakhir. Di Pasar Kebon Roek, cabai rawit merah dijual Rp80.000 per kilogram, naik hampir dua kali "
        "lipat dibandingkan awal bulan yang masih Rp45.000.",
        "Pedagang menyebut kenaikan dipicu berkurangnya pasokan dari sentra produksi di Lombok Timur dan "
        "Sembalun. Curah hujan yang mulai tinggi membuat banyak tanaman cabai busuk sebelum dipanen. "
        "“Barang yang datang sedikit, pembeli tetap ramai. Jadi harganya ikut naik,” kata Sumiati, pedagang "
        "sayur di Kebon Roek, {hari}.",
        "Kenaikan juga terjadi pada cabai merah besar yang kini dijual Rp55.000 per kilogram dan bawang merah "
        "Rp38.000 per kilogram. Sebaliknya, harga beras, minyak goreng, dan telur ayam relatif stabil.",
        "Sejumlah pemilik warung makan mengaku mulai mengurangi porsi sambal untuk menekan biaya. Ratna, "
        "pemilik warung nasi di kawasan Cakranegara, memilih mencampur cabai rawit dengan cabai kering yang "
        "harganya lebih murah. “Kalau sambalnya dikurangi, pelanggan protes. Jadi akali saja,” ujarnya.",
        "Pedagang memperkirakan harga cabai baru akan turun setelah panen raya di Lombok Timur sekitar "
        "sebulan lagi. Sementara itu, pembeli diimbau tidak memborong agar harga tidak semakin terdorong "
        "naik menjelang libur akhir tahun.",
    ],
)

# 9. Illegal gold mining in Sekotong: energy_environment_resources

_add(
    slug="tambang-emas-ilegal-di-sekotong-kembali-marak-warga-khawatir-merkuri-cemari-sungai",
    title="Tambang Emas Ilegal di Sekotong Kembali Marak, Warga Khawatir Merkuri Cemari Sungai",
    category="lingkungan", author="lalu-rizki-pratama", published="2025-11-17T11:00:00+08:00",
    modified="2025-11-17T16:30:00+08:00", dateline="LOMBOK BARAT", editor="(lrp/ron)",
    tags=("Tambang Ilegal", "Merkuri", "Sekotong"),
    caption="Tromol pengolahan emas di perbukitan Sekotong, Lombok Barat.",
    read_also=((3, "tpa-kebon-kongok-kelebihan-muatan-pemprov-ntb-percepat-pengolahan-sampah-jadi-rdf"),),
    paragraphs=[
        "Aktivitas penambangan emas tanpa izin di kawasan perbukitan Sekotong, Kabupaten Lombok Barat, "
        "kembali marak. Puluhan lubang tambang baru terlihat di kawasan hutan produksi, sementara tromol "
        "pengolahan batuan beroperasi hingga ke dekat permukiman dan aliran sungai.",
        "Warga Desa Pelangan, Munawir, mengatakan air sungai yang dulu dipakai untuk mandi dan mengairi sawah "
        "kini keruh dan berbau. Ia khawatir limbah merkuri dari tromol yang dibuang begitu saja mencemari "
        "sumur warga. “Ternak kami pernah mati setelah minum air sungai. Kami takut, tetapi tidak tahu harus "
        "melapor ke mana,” katanya.",
        "Juru kampanye tambang WALHI NTB, Yuliani Safitri, menyebut ada lebih dari 400 titik tambang rakyat "
        "ilegal di Sekotong. Menurut dia, penertiban selama ini hanya menyasar penambang kecil, sementara "
        "pemodal dan pemasok merkuri tidak tersentuh. “Selama rantai pasok merkurinya tidak diputus, lubang "
        "yang ditutup hari ini akan dibuka lagi besok,” ujarnya.",
        "Penelitian tim Universitas Mataram tahun lalu menemukan kadar merkuri pada sedimen sungai di "
        "sejumlah titik di Sekotong melampaui ambang batas baku mutu. Paparan jangka panjang berisiko "
        "menimbulkan gangguan saraf, terutama pada anak-anak dan ibu hamil.",
        "Kepala Dinas ESDM NTB, Ir. Sahdan Ismail, mengatakan tidak ada satu pun izin pertambangan rakyat "
        "yang diterbitkan di lokasi tersebut. Pemerintah provinsi, kata dia, tengah mengusulkan penetapan "
        "wilayah pertambangan rakyat (WPR) agar penambang dapat bekerja secara legal dengan pengawasan "
        "lingkungan yang ketat.",
        "Polda NTB menyatakan akan menggelar operasi gabungan bersama pemerintah daerah dalam waktu dekat. "
        "Kabid Humas Polda NTB mengatakan penindakan tidak hanya menyasar penambang, tetapi juga penyedia "
        "modal dan bahan kimia berbahaya.",
    ],
)

# 10. Culinary: no issue

_add(
    slug="menelusuri-ayam-taliwang-kuliner-pedas-yang-jadi-buruan-wisatawan-di-mataram",
    title="Menelusuri Ayam Taliwang, Kuliner Pedas yang Jadi Buruan Wisatawan di Mataram",
    category="wisata-budaya", author="siti-rahmawati", published="2025-11-16T09:30:00+08:00",
    editor="(srw/adm)", tags=("Kuliner", "Ayam Taliwang"),
    caption="Ayam taliwang bakar disajikan dengan plecing kangkung.",
    paragraphs=[
        "Belum lengkap rasanya berkunjung ke Lombok tanpa mencicipi ayam taliwang. Hidangan ayam kampung "
        "muda yang dibakar atau digoreng dengan bumbu cabai, bawang, terasi, dan kencur ini menjadi salah "
        "satu kuliner yang paling dicari wisatawan di Kota Mataram.",
        "Di kawasan Karang Taliwang, Cakranegara, yang dipercaya sebagai asal-usul nama hidangan tersebut, "
        "deretan rumah makan selalu ramai pada jam makan siang. Hajah Salmah, pemilik salah satu rumah makan "
        "yang sudah berdiri sejak 1980-an, mengatakan kunci kelezatan ayam taliwang terletak pada pemilihan "
        "ayam kampung berumur sekitar tiga bulan.",
        "“Ayamnya harus muda supaya dagingnya empuk dan bumbunya meresap. Bumbunya kami ulek sendiri setiap "
        "pagi, tidak pakai blender,” kata Salmah sambil menyiapkan pesanan, {hari}.",
        "Ayam taliwang biasanya disajikan bersama plecing kangkung, yakni kangkung rebus dengan sambal tomat "
        "dan terasi, serta beberuk terong yang segar. Satu porsi ayam utuh dengan pelengkapnya dijual "
        "sekitar Rp85.000 hingga Rp110.000, cukup untuk dua orang.",
        "Wisatawan asal Surabaya, Dian Puspitasari, mengaku sengaja mampir sebelum kembali ke bandara. Ia "
        "membeli ayam taliwang dengan bumbu terpisah yang dikemas vakum untuk dibawa pulang. “Pedasnya "
        "nendang, tetapi bikin nagih. Keluarga di rumah sudah pesan,” ujarnya.",
        "Kini sejumlah rumah makan juga menawarkan pilihan tingkat kepedasan dan layanan pesan antar melalui "
        "aplikasi daring. Inovasi itu membuat ayam taliwang semakin mudah dinikmati, baik oleh warga lokal "
        "maupun pelancong yang hanya singgah sebentar.",
    ],
)

# 11. Police officers examined over a beaten detainee: access_to_justice

_add(
    slug="propam-polda-ntb-periksa-empat-polisi-terkait-dugaan-penganiayaan-tahanan-di-bima",
    title="Propam Polda NTB Periksa Empat Polisi Terkait Dugaan Penganiayaan Tahanan di Bima",
    category="hukum", author="baiq-nurul-hidayati", published="2025-11-15T10:15:00+08:00",
    editor="(bnh/adm)", tags=("Propam", "Polda NTB", "Penyiksaan"),
    caption="Gedung Bidang Propam Polda NTB di Mataram.",
    read_also=((3, "kejari-mataram-hentikan-penuntutan-kasus-pencurian-ponsel-lewat-keadilan-restoratif"),),
    paragraphs=[
        "Bidang Profesi dan Pengamanan (Propam) Polda NTB memeriksa empat anggota Polres Bima Kota yang "
        "diduga menganiaya seorang tahanan kasus pencurian. Tahanan berinisial AR (23) itu mengalami luka "
        "memar di wajah dan punggung serta patah jari tangan saat dijenguk keluarganya di ruang tahanan.",
        "Kabid Humas Polda NTB, Kombes Pol. I Gusti Ngurah Wirawan, membenarkan pemeriksaan tersebut. Ia "
        "mengatakan keempat anggota itu telah ditempatkan khusus selama proses pemeriksaan berlangsung. "
        "“Jika terbukti melanggar kode etik maupun pidana, akan diproses sesuai ketentuan. Tidak ada toleransi "
        "bagi anggota yang melakukan kekerasan terhadap tahanan,” ujarnya, {hari}.",
        "Kakak korban, Nurhayati, menceritakan adiknya mengaku dipukuli saat diperiksa agar mengakui perbuatan "
        "yang menurutnya tidak ia lakukan. Keluarga kemudian melapor ke Propam dengan didampingi Perhimpunan "
        "Bantuan Hukum dan Hak Asasi Manusia Indonesia (PBHI) NTB.",
        "Ketua PBHI NTB, Taufik Hidayat, meminta pemeriksaan dilakukan secara terbuka dan tidak berhenti pada "
        "sanksi etik. Ia juga mendesak agar pemeriksaan terhadap AR dalam perkara pencurian diulang dengan "
        "didampingi penasihat hukum. “Pengakuan yang diperoleh lewat kekerasan tidak boleh dipakai sebagai "
        "alat bukti. Ini prinsip dasar hukum acara,” kata Taufik.",
        "Komnas HAM menyatakan telah menerima aduan keluarga dan akan meminta keterangan dari Polres Bima "
        "Kota. Menurut catatan PBHI NTB, sepanjang tahun ini terdapat lima laporan dugaan penyiksaan dalam "
        "proses pemeriksaan di wilayah NTB, tiga di antaranya belum jelas tindak lanjutnya.",
        "AR kini dipindahkan ke rumah tahanan lain dan mendapat perawatan medis. Keluarga berharap hasil "
        "pemeriksaan disampaikan secara terbuka agar kejadian serupa tidak terulang.",
    ],
)

# 12. FITRA budget transparency index: anti_corruption_budget + civic_space_democracy

_add(
    slug="fitra-ntb-baru-tiga-daerah-di-ntb-yang-membuka-dokumen-apbd-secara-lengkap",
    title="FITRA NTB: Baru Tiga Daerah di NTB yang Membuka Dokumen APBD Secara Lengkap",
    category="pemerintahan", author="lalu-rizki-pratama", published="2025-11-14T15:45:00+08:00",
    editor="(lrp/ron)", tags=("Transparansi Anggaran", "FITRA NTB", "APBD"),
    caption="Peneliti FITRA NTB memaparkan hasil penilaian transparansi anggaran daerah.",
    read_also=((3, "pemprov-ntb-luncurkan-ppid-terpadu-warga-bisa-ajukan-permohonan-informasi-secara-daring"),),
    paragraphs=[
        "Forum Indonesia untuk Transparansi Anggaran (FITRA) NTB menilai keterbukaan dokumen anggaran "
        "pemerintah daerah di NTB masih rendah. Dari sebelas pemerintah daerah yang dinilai, yakni pemerintah "
        "provinsi dan sepuluh kabupaten/kota, baru tiga yang mempublikasikan dokumen APBD 2025 secara lengkap "
        "di situs resminya.",
        "Peneliti FITRA NTB, Ramli Saputra, menjelaskan penilaian dilakukan terhadap dua belas dokumen "
        "anggaran, mulai dari Perda APBD, peraturan kepala daerah tentang penjabaran APBD, laporan realisasi "
        "semester, hingga hasil audit BPK. Tim juga menguji layanan informasi dengan mengajukan permohonan "
        "dokumen secara resmi.",
        "Hasilnya, Pemprov NTB, Pemkot Mataram, dan Pemkab Lombok Barat menempati tiga peringkat teratas. "
        "Sebaliknya, sejumlah kabupaten di Pulau Sumbawa sama sekali tidak mengunggah dokumen penjabaran APBD. "
        "“Padahal dokumen penjabaran itulah yang memuat rincian belanja sampai ke tingkat kegiatan. Tanpa itu, "
        "warga tidak bisa mengawasi ke mana uang daerah dibelanjakan,” kata Ramli, {hari}.",
        "FITRA NTB juga mengirimkan permohonan informasi kepada enam badan publik. Hanya dua yang menjawab "
        "dalam batas waktu sepuluh hari kerja sebagaimana diatur Undang-Undang Keterbukaan Informasi Publik. "
        "Empat permohonan lainnya tidak dijawab sama sekali, sehingga FITRA berencana mengajukan sengketa "
        "informasi ke Komisi Informasi NTB.",
        "Menurut Ramli, keterbukaan anggaran bukan sekadar urusan administrasi. Tanpa akses terhadap dokumen "
        "anggaran, ruang partisipasi warga dalam perencanaan dan pengawasan pembangunan menjadi sempit, dan "
        "potensi penyimpangan sulit terdeteksi sejak dini.",
        "Menanggapi temuan itu, Diskominfotik NTB menyatakan akan membantu kabupaten/kota yang belum memiliki "
        "kanal publikasi dokumen anggaran. Ketua Komisi Informasi NTB, Hendra Kurniawan, menegaskan dokumen "
        "APBD termasuk informasi yang wajib diumumkan secara berkala dan tidak boleh ditutup dengan alasan "
        "apa pun.",
    ],
)

# 13. Puskesmas without doctors: inclusive_public_services

_add(
    slug="tujuh-puskesmas-di-sumbawa-tanpa-dokter-tetap-pasien-antre-sejak-subuh",
    title="Tujuh Puskesmas di Sumbawa Tanpa Dokter Tetap, Pasien Antre Sejak Subuh",
    category="sosial", author="made-wiradana", published="2025-11-14T08:20:00+08:00",
    dateline="SUMBAWA BESAR", editor="(mwd/adm)", tags=("Puskesmas", "Layanan Kesehatan", "BPJS Kesehatan"),
    caption="Pasien menunggu giliran di sebuah puskesmas di Kabupaten Sumbawa.",
    paragraphs=[
        "Tujuh dari 26 puskesmas di Kabupaten Sumbawa tidak memiliki dokter umum tetap. Di puskesmas-puskesmas "
        "tersebut, pelayanan sehari-hari dijalankan perawat dan bidan, sementara dokter dari puskesmas lain "
        "hanya datang dua kali dalam sepekan.",
        "Kondisi itu membuat warga harus datang sejak subuh agar mendapat giliran diperiksa dokter. Sarah, "
        "warga Kecamatan Lunyuk, mengaku pernah menunggu hingga siang hanya untuk mendapatkan rujukan bagi "
        "ibunya yang menderita hipertensi. “Kalau dokternya tidak datang, kami disuruh kembali minggu depan. "
        "Ke rumah sakit di kota perlu tiga jam perjalanan,” katanya.",
        "Kepala Dinas Kesehatan Kabupaten Sumbawa, dr. Hj. Rosmawati, mengakui kekurangan dokter menjadi "
        "persoalan menahun. Rekrutmen dokter melalui jalur PPPK tahun ini hanya diminati empat pelamar untuk "
        "15 formasi. Pemerintah kabupaten, kata dia, akan menaikkan insentif bagi dokter yang bersedia "
        "bertugas di puskesmas terpencil menjadi Rp10 juta per bulan mulai tahun depan.",
        "BPJS Kesehatan Cabang Sumbawa Besar mencatat lebih dari 60.000 peserta Jaminan Kesehatan Nasional "
        "(JKN) terdaftar di tujuh puskesmas tersebut. Pihak BPJS Kesehatan mengingatkan bahwa peserta berhak "
        "pindah fasilitas kesehatan tingkat pertama apabila layanan tidak memadai, meski pilihan di wilayah "
        "pedalaman sangat terbatas.",
        "Ombudsman RI Perwakilan NTB menyebut pengaduan terkait layanan kesehatan di Pulau Sumbawa meningkat "
        "tahun ini, terutama soal ketiadaan dokter dan obat yang kosong. Ombudsman meminta pemerintah daerah "
        "memastikan standar pelayanan minimal puskesmas terpenuhi, termasuk keberadaan dokter.",
        "DPRD Sumbawa mendorong pemerintah kabupaten bekerja sama dengan fakultas kedokteran dan program "
        "penugasan khusus dari pemerintah pusat untuk mengisi kekosongan tersebut dalam jangka pendek.",
    ],
)

# 14. Kebon Kongok landfill: energy_environment_resources

_add(
    slug="tpa-kebon-kongok-kelebihan-muatan-pemprov-ntb-percepat-pengolahan-sampah-jadi-rdf",
    title="TPA Kebon Kongok Kelebihan Muatan, Pemprov NTB Percepat Pengolahan Sampah Jadi RDF",
    category="lingkungan", author="siti-rahmawati", published="2025-11-13T13:35:00+08:00",
    dateline="GERUNG", editor="(srw/ron)", tags=("Sampah", "TPA Kebon Kongok", "DLHK NTB"),
    caption="Truk pengangkut sampah antre di zona aktif TPA Regional Kebon Kongok.",
    paragraphs=[
        "Tempat Pemrosesan Akhir (TPA) Regional Kebon Kongok di Kecamatan Gerung, Lombok Barat, kian "
        "kewalahan menampung sampah. Setiap hari, TPA yang melayani Kota Mataram dan Kabupaten Lombok Barat "
        "itu menerima sekitar 350 ton sampah, sementara zona aktifnya diperkirakan penuh dalam dua tahun ke "
        "depan.",
        "Kepala Dinas Lingkungan Hidup dan Kehutanan (DLHK) NTB, Ir. Baiq Ratna Wulandari, mengatakan pemprov "
        "mempercepat pengolahan sampah menjadi bahan bakar jumputan padat atau refuse-derived fuel (RDF). "
        "Mesin pencacah dan pengering berkapasitas 120 ton per hari mulai diuji coba bulan ini. “RDF akan "
        "dipakai untuk co-firing di PLTU Jeranjang milik PLN. Dengan begitu, sampah yang masuk zona penimbunan "
        "bisa berkurang drastis,” ujarnya, {hari}.",
        "Warga yang tinggal di sekitar TPA mengeluhkan bau menyengat dan lalat yang meningkat saat musim "
        "hujan. Mereka juga khawatir air lindi merembes ke sumur. Kepala dusun setempat meminta pemprov "
        "membangun kolam pengolahan lindi tambahan dan rutin memeriksa kualitas air sumur warga.",
        "WALHI NTB menilai RDF hanya solusi di hilir. Menurut lembaga tersebut, lebih dari separuh sampah "
        "yang masuk ke Kebon Kongok adalah sampah organik yang seharusnya bisa diolah di tingkat rumah tangga "
        "dan desa. “Tanpa pemilahan dari sumber, berapa pun kapasitas mesinnya akan kalah dengan volume sampah "
        "yang terus naik,” kata Manajer Advokasi WALHI NTB.",
        "Pemkot Mataram, penyumbang sampah terbesar ke Kebon Kongok, menargetkan penambahan 20 unit tempat "
        "pengolahan sampah reduce-reuse-recycle (TPS3R) di tingkat kelurahan hingga akhir tahun depan. Bank "
        "sampah juga didorong agar dapat menyerap sampah plastik bernilai ekonomi.",
    ],
    comments=(
        Comment("Rina M.", "2025-11-13T18:22:00+08:00", "Pilah sampah dari rumah itu kuncinya."),
    ),
)

# 15. Voter-roll duplicates: civic_space_democracy

_add(
    slug="bawaslu-ntb-temukan-4212-data-pemilih-ganda-dalam-pemutakhiran-berkelanjutan",
    title="Bawaslu NTB Temukan 4.212 Data Pemilih Ganda dalam Pemutakhiran Berkelanjutan",
    category="pemerintahan", author="baiq-nurul-hidayati", published="2025-11-13T09:05:00+08:00",
    editor="(bnh/ron)", tags=("Bawaslu NTB", "KPU NTB", "Daftar Pemilih"),
    caption="Rapat koordinasi pemutakhiran data pemilih berkelanjutan di Mataram.",
    paragraphs=[
        "Badan Pengawas Pemilihan Umum (Bawaslu) NTB menemukan 4.212 data pemilih ganda dan 1.937 pemilih "
        "yang telah meninggal dunia tetapi masih tercatat dalam daftar pemilih berkelanjutan semester II "
        "2025. Temuan itu disampaikan dalam rapat koordinasi pemutakhiran data pemilih bersama KPU NTB di "
        "Mataram, {hari}.",
        "Anggota Bawaslu NTB yang membidangi pencegahan dan partisipasi masyarakat, Suhardi Ahmad, mengatakan "
        "temuan diperoleh melalui uji petik di sepuluh kabupaten/kota serta pencocokan dengan data "
        "kependudukan. Data ganda paling banyak ditemukan di Lombok Timur dan Lombok Tengah, dua daerah "
        "dengan jumlah pemilih terbesar di NTB.",
        "“Daftar pemilih yang akurat adalah fondasi pemilu yang jujur. Kalau data ganda dan pemilih yang sudah "
        "meninggal dibiarkan, itu membuka celah penyalahgunaan surat suara pada pemilu berikutnya,” kata "
        "Suhardi.",
        "Bawaslu NTB merekomendasikan KPU memperbaiki data sebelum rapat pleno rekapitulasi daftar pemilih "
        "berkelanjutan tingkat provinsi. Bawaslu juga meminta KPU membuka akses data agregat per desa agar "
        "masyarakat dan peserta pemilu dapat ikut mencermati.",
        "Ketua KPU NTB, Lalu Ahmad Hamdani, mengatakan pihaknya telah menerima rekomendasi tersebut dan "
        "berkoordinasi dengan dinas kependudukan di kabupaten/kota untuk melakukan pencocokan terbatas. "
        "Kendala utamanya, kata dia, banyak warga tidak melaporkan kematian anggota keluarga ke desa sehingga "
        "data kependudukan tidak diperbarui.",
        "Jaringan Pendidikan Pemilih untuk Rakyat (JPPR) NTB mengingatkan pemutakhiran data pemilih tidak "
        "boleh dilakukan hanya menjelang pemilu. JPPR mendorong KPU menggandeng pemerintah desa dan pemilih "
        "pemula agar pelaporan perubahan data berjalan sepanjang tahun.",
    ],
)

# 16. Child marriage prevention through village rules (text date only): gender_disability_inclusion

_add(
    slug="cegah-perkawinan-anak-desa-desa-di-lombok-timur-perkuat-awig-awig",
    title="Cegah Perkawinan Anak, Desa-desa di Lombok Timur Perkuat Awig-awig",
    category="sosial", author="siti-rahmawati", published="2025-11-12T14:30:00+08:00",
    modified="2025-11-13T09:00:00+08:00", date_style="text_dash", dateline="SELONG", editor="(srw/adm)",
    tags=("Perkawinan Anak", "Perlindungan Anak", "Lombok Timur"),
    caption="Tokoh adat dan kepala dusun membahas awig-awig pencegahan perkawinan anak.",
    read_also=((2, "kasus-kekerasan-terhadap-perempuan-dan-anak-di-ntb-capai-1012-hingga-september"),),
    paragraphs=[
        "Sedikitnya 48 desa di Kabupaten Lombok Timur telah memasukkan larangan perkawinan anak ke dalam "
        "awig-awig, aturan adat yang disepakati warga desa. Langkah ini ditempuh karena angka perkawinan anak "
        "di kabupaten dengan penduduk terbanyak di NTB itu masih tinggi.",
        "Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana "
        "(DP3AKB) Lombok Timur, Hj. Lale Sukmawati, mengatakan permohonan dispensasi kawin di Pengadilan Agama "
        "Selong masih mencapai ratusan perkara per tahun. Angka itu belum termasuk perkawinan anak yang tidak "
        "tercatat karena dilakukan secara agama saja.",
        "Dalam awig-awig yang baru, keluarga yang menikahkan anak di bawah usia 19 tahun dikenai sanksi adat "
        "berupa denda dan kewajiban membiayai sekolah anak hingga tamat. Tokoh adat juga berperan menengahi "
        "tradisi merariq atau kawin lari, dengan memisahkan pasangan anak dan mengembalikan anak perempuan "
        "kepada keluarganya.",
        "“Dulu kalau anak perempuan sudah dibawa lari, orang tua merasa malu dan akhirnya menikahkan saja. "
        "Sekarang kepala dusun dan tokoh adat turun tangan lebih dulu,” kata Amaq Sahnan, tokoh adat di "
        "Kecamatan Sakra, {hari}.",
        "Lembaga Perlindungan Anak (LPA) Lombok Timur menilai awig-awig efektif jika dibarengi dengan layanan "
        "pendukung. Banyak anak perempuan yang dinikahkan berasal dari keluarga miskin dan sudah putus "
        "sekolah. Karena itu, LPA meminta pemerintah desa mengalokasikan dana untuk beasiswa dan pelatihan "
        "keterampilan bagi remaja perempuan.",
        "DP3AKB Lombok Timur menargetkan seluruh 254 desa dan kelurahan di kabupaten itu memiliki aturan "
        "serupa dalam dua tahun. Forum anak desa juga akan dilibatkan dalam kampanye pencegahan perkawinan "
        "anak, termasuk melalui media sosial.",
    ],
)

# 17. Restorative justice (the windows-1252 page): access_to_justice

_add(
    slug="kejari-mataram-hentikan-penuntutan-kasus-pencurian-ponsel-lewat-keadilan-restoratif",
    title="Kejari Mataram Hentikan Penuntutan Kasus Pencurian Ponsel Lewat Keadilan Restoratif",
    category="hukum", author="lalu-rizki-pratama", published="2025-11-11T10:40:00+08:00",
    editor="(lrp/adm)", charset="cp1252", tags=("Restorative Justice", "Kejari Mataram"),
    caption="Tersangka dan korban menandatangani kesepakatan damai di Kejari Mataram.",
    paragraphs=[
        "Kejaksaan Negeri (Kejari) Mataram menghentikan penuntutan perkara pencurian telepon seluler dengan "
        "tersangka seorang pemuda berinisial MS (19) melalui mekanisme keadilan restoratif atau ‘restorative "
        "justice’. Penghentian dilakukan setelah tersangka dan korban sepakat berdamai dalam proses mediasi "
        "yang difasilitasi jaksa.",
        "Kepala Seksi Tindak Pidana Umum Kejari Mataram, Putu Ary Wibawa, menjelaskan MS mengambil ponsel "
        "milik seorang pedagang di Pasar Cakranegara karena terdesak biaya sekolah adiknya. Ponsel senilai "
        "Rp2,3 juta itu sudah dikembalikan utuh kepada korban. “Tersangka baru pertama kali melakukan tindak "
        "pidana, ancaman hukumannya di bawah lima tahun, dan korban dengan ikhlas memaafkan – semua syarat "
        "terpenuhi,” ujarnya, {hari}.",
        "Permohonan penghentian penuntutan itu telah disetujui Jaksa Agung Muda Tindak Pidana Umum Kejaksaan "
        "Agung melalui ekspose virtual. MS dibebaskan dari tahanan dan diwajibkan menjalani kerja sosial "
        "membersihkan fasilitas umum selama satu bulan.",
        "Korban, Hajah Rukmini, mengaku tidak ingin masa depan tersangka rusak karena satu kesalahan. “Anak "
        "itu menangis minta maaf… Yang penting ponsel saya kembali dan dia tidak mengulangi,” katanya.",
        "Sepanjang tahun ini, Kejari Mataram telah menghentikan sembilan perkara melalui keadilan restoratif, "
        "sebagian besar kasus pencurian ringan dan penganiayaan antarwarga. Mediasi dilakukan di Rumah "
        "Restorative Justice yang ada di sejumlah kelurahan dengan melibatkan tokoh masyarakat.",
        "Dosen hukum pidana Universitas Mataram, Dr. Joko Santoso, menilai keadilan restoratif memberi jalan "
        "keluar bagi perkara kecil yang selama ini membebani lembaga pemasyarakatan. Namun, ia mengingatkan "
        "agar mekanisme itu tidak berubah menjadi ‘jalan damai berbayar’ — korban tidak boleh ditekan, dan "
        "kesepakatan harus tercatat secara terbuka.",
    ],
)

# 18. Motorbike theft arrest (routine crime): no issue

_add(
    slug="polisi-tangkap-dua-pelaku-pencurian-sepeda-motor-di-cakranegara",
    title="Polisi Tangkap Dua Pelaku Pencurian Sepeda Motor di Cakranegara",
    category="hukum", author="ahmad-zulkarnain", published="2025-11-10T16:20:00+08:00",
    editor="(azk/ron)", tags=("Curanmor", "Polresta Mataram"),
    caption="Barang bukti sepeda motor hasil curian di Mapolresta Mataram.",
    paragraphs=[
        "Tim Opsnal Satreskrim Polresta Mataram menangkap dua pria yang diduga sebagai pelaku pencurian "
        "sepeda motor di sejumlah lokasi di Kecamatan Cakranegara. Keduanya berinisial HD (27) dan RS (31), "
        "warga Kabupaten Lombok Barat.",
        "Kasat Reskrim Polresta Mataram, Kompol Made Yogi Pranata, mengatakan penangkapan berawal dari laporan "
        "seorang mahasiswa yang kehilangan sepeda motor di area parkir indekos, akhir bulan lalu. Rekaman "
        "kamera pengawas di sekitar lokasi memperlihatkan dua pelaku membawa kabur kendaraan dalam waktu "
        "kurang dari dua menit.",
        "“Pelaku memanfaatkan kendaraan yang hanya dikunci setang. Mereka menggunakan kunci T untuk merusak "
        "lubang kunci,” kata Yogi saat merilis kasus tersebut, {hari}.",
        "Dari tangan pelaku, polisi menyita empat unit sepeda motor, dua kunci T, dan satu unit ponsel. Kepada "
        "penyidik, keduanya mengaku telah beraksi di tujuh lokasi sejak dua bulan terakhir. Sepeda motor hasil "
        "curian dijual ke wilayah Lombok Tengah dengan harga Rp2 juta hingga Rp3 juta per unit.",
        "Kedua tersangka dijerat Pasal 363 KUHP tentang pencurian dengan pemberatan dengan ancaman hukuman "
        "maksimal tujuh tahun penjara. Polisi masih memburu seorang penadah yang diduga menampung kendaraan "
        "hasil curian.",
        "Polresta Mataram mengimbau warga memasang kunci ganda dan memarkir kendaraan di tempat yang terang "
        "serta diawasi. Warga yang merasa kehilangan sepeda motor dipersilakan datang ke Mapolresta Mataram "
        "dengan membawa surat kendaraan untuk mencocokkan barang bukti.",
    ],
)

# 19. School admissions complaints: inclusive_public_services

_add(
    slug="ombudsman-ntb-catat-68-aduan-spmb-2025-jalur-domisili-paling-dikeluhkan",
    title="Ombudsman NTB Catat 68 Aduan SPMB 2025, Jalur Domisili Paling Dikeluhkan",
    category="sosial", author="baiq-nurul-hidayati", published="2025-11-10T09:00:00+08:00",
    editor="(bnh/adm)", tags=("SPMB", "PPDB", "Ombudsman NTB", "Pendidikan"),
    caption="Orang tua murid berkonsultasi di posko pengaduan SPMB.",
    read_also=((2, "tujuh-puskesmas-di-sumbawa-tanpa-dokter-tetap-pasien-antre-sejak-subuh"),),
    paragraphs=[
        "Ombudsman RI Perwakilan NTB mencatat 68 pengaduan masyarakat terkait Sistem Penerimaan Murid Baru "
        "(SPMB) jenjang SMA dan SMK tahun ajaran 2025/2026. Jalur domisili, pengganti jalur zonasi pada PPDB "
        "sebelumnya, menjadi yang paling banyak dikeluhkan orang tua murid.",
        "Kepala Ombudsman NTB, Arief Rahmansyah, mengatakan aduan jalur domisili umumnya berkaitan dengan calon "
        "murid yang tiba-tiba pindah kartu keluarga ke alamat dekat sekolah favorit beberapa bulan sebelum "
        "pendaftaran. Akibatnya, anak yang benar-benar tinggal di sekitar sekolah justru tersingkir.",
        "Selain itu, Ombudsman menerima laporan kuota jalur afirmasi bagi siswa dari keluarga tidak mampu yang "
        "tidak terisi, tetapi kursinya dialihkan tanpa pengumuman terbuka. Ada pula keluhan soal biaya "
        "seragam dan daftar ulang yang memberatkan di sejumlah sekolah.",
        "“Masalah yang sama terus berulang setiap tahun. Sistem daring sudah ada, tetapi verifikasi dokumen "
        "dan transparansi kuota masih lemah,” kata Arief saat menyampaikan hasil evaluasi, {hari}.",
        "Ombudsman merekomendasikan Dinas Pendidikan dan Kebudayaan (Dikbud) NTB mewajibkan sekolah "
        "mengumumkan kuota setiap jalur dan daftar peringkat secara terbuka, serta memverifikasi lama domisili "
        "calon murid dengan data kependudukan. Kanal pengaduan juga diminta tetap dibuka hingga masa orientasi "
        "siswa selesai.",
        "Kepala Dikbud NTB, Drs. H. Muhammad Junaidi, menyatakan siap menindaklanjuti rekomendasi tersebut pada "
        "SPMB tahun depan. Pihaknya juga akan meminta data perpindahan kartu keluarga dari instansi "
        "kependudukan untuk mengecek perpindahan yang mencurigakan.",
    ],
)

# 20. Water rationing and catchment loss: inclusive_public_services + energy_environment_resources

_add(
    slug="debit-mata-air-menyusut-ribuan-pelanggan-air-minum-di-lombok-barat-dapat-air-bergiliran",
    title="Debit Mata Air Menyusut, Ribuan Pelanggan Air Minum di Lombok Barat Dapat Air Bergiliran",
    category="lingkungan", author="made-wiradana", published="2025-11-08T11:15:00+08:00",
    dateline="GERUNG", editor="(mwd/ron)", tags=("Air Bersih", "Perumda Air Minum", "Hutan Sesaot"),
    caption="Warga Labuapi menampung air dari truk tangki.",
    paragraphs=[
        "Ribuan pelanggan Perumda Air Minum Giri Menang di Kabupaten Lombok Barat dan Kota Mataram harus "
        "menerima pasokan air secara bergiliran dalam sebulan terakhir. Debit mata air yang menjadi sumber "
        "utama perusahaan daerah itu turun hingga 40 persen akibat kemarau panjang.",
        "Direktur Teknik Perumda Air Minum Giri Menang, Ir. Gede Arsana, mengatakan sedikitnya 18.000 sambungan "
        "rumah terdampak. Air hanya mengalir pada malam hingga pagi hari, sementara di wilayah ujung jaringan "
        "pasokan bisa terhenti dua hari. Perusahaan mengerahkan 12 truk tangki untuk mengirim air gratis ke "
        "permukiman yang paling terdampak.",
        "Warga Kecamatan Labuapi, Hartini, mengaku harus bangun pukul tiga dini hari untuk menampung air. "
        "“Tagihan tetap datang tiap bulan, tetapi airnya kadang tidak mengalir sama sekali. Kami minta ada "
        "keringanan dan jadwal yang jelas,” katanya.",
        "Perumda menyatakan pelanggan dapat melapor gangguan melalui layanan pengaduan 24 jam dan aplikasi "
        "pelanggan. Tarif abonemen bagi pelanggan yang airnya tidak mengalir lebih dari tujuh hari dalam "
        "sebulan akan dikaji untuk dikurangi.",
        "WALHI NTB menilai penurunan debit tidak semata disebabkan kemarau. Kawasan resapan di lereng selatan "
        "Rinjani, termasuk hutan Sesaot, terus tergerus alih fungsi lahan menjadi kebun dan permukiman. "
        "“Kalau tutupan hutan di hulu terus hilang, krisis air akan menjadi rutin setiap tahun,” kata juru "
        "kampanye WALHI NTB, Yuliani Safitri.",
        "DLHK NTB mengaku tengah menyiapkan rehabilitasi 500 hektare lahan kritis di daerah tangkapan air "
        "Sesaot dengan melibatkan kelompok tani hutan. Program itu ditargetkan berjalan pada musim hujan "
        "tahun ini.",
    ],
)

# 21. Mobile ID-card registration (text date only, no time): inclusive_public_services

_add(
    slug="disdukcapil-lombok-tengah-jemput-bola-rekam-ktp-el-di-desa-terpencil",
    title="Disdukcapil Lombok Tengah Jemput Bola Rekam KTP-el di Desa Terpencil",
    category="sosial", author="lalu-rizki-pratama", published="2025-11-07T08:00:00+08:00",
    modified="2025-11-08T10:00:00+08:00", date_style="text_paren", dateline="PRAYA", editor="(lrp/ron)",
    tags=("Adminduk", "KTP-el", "Lombok Tengah"),
    caption="Petugas merekam data KTP elektronik warga di kantor desa.",
    paragraphs=[
        "Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil) Lombok Tengah menggelar layanan jemput bola "
        "perekaman KTP elektronik di desa-desa terpencil. Layanan keliling ini menyasar sekitar 8.000 warga "
        "wajib KTP yang belum melakukan perekaman, sebagian besar pemilih pemula dan warga yang tinggal jauh "
        "dari ibu kota kabupaten.",
        "Kepala Disdukcapil Lombok Tengah, Lalu Muhammad Ihsan, mengatakan banyak warga di wilayah selatan "
        "seperti Kecamatan Pujut dan Praya Barat Daya enggan datang ke kantor dinas di Praya karena jarak dan "
        "ongkos perjalanan. “Satu kali perjalanan ke kota bisa menghabiskan Rp100.000 untuk ojek. Itu berat "
        "bagi warga, jadi kami yang datang,” ujarnya.",
        "Dalam sepekan terakhir, petugas sudah menyambangi 12 desa dan merekam data 1.430 warga. Selain "
        "perekaman KTP-el, warga juga dapat mengurus akta kelahiran, kartu identitas anak, dan perubahan kartu "
        "keluarga di tempat. Dokumen yang sudah jadi diantar kembali ke kantor desa dalam waktu sepekan. "
        "“Dulu mau urus bantuan selalu ditolak karena tidak punya KTP,” kata Inaq Rumini, warga Desa Mertak.",
        "Petugas juga mendatangi sekolah menengah atas untuk merekam siswa yang sudah berusia 17 tahun. Dengan "
        "begitu, siswa tidak perlu izin meninggalkan kelas untuk antre di kantor dinas.",
        "Disdukcapil juga mendorong warga mengaktifkan Identitas Kependudukan Digital (IKD) di ponsel. Namun, "
        "keterbatasan sinyal di sejumlah desa membuat aktivasi belum bisa dilakukan secara merata.",
        "Layanan jemput bola akan berlangsung hingga akhir tahun, termasuk pada hari Sabtu, dengan jadwal yang "
        "diumumkan melalui kantor desa dan akun media sosial resmi Disdukcapil Lombok Tengah.",
    ],
)

# 22. Information commission ranking: civic_space_democracy

_add(
    slug="komisi-informasi-ntb-19-badan-publik-masih-berstatus-tidak-informatif",
    title="Komisi Informasi NTB: 19 Badan Publik Masih Berstatus “Tidak Informatif”",
    category="pemerintahan", author="baiq-nurul-hidayati", published="2025-11-06T14:00:00+08:00",
    editor="(bnh/ron)", tags=("Keterbukaan Informasi", "Komisi Informasi NTB"),
    caption="Penganugerahan keterbukaan informasi publik di Mataram.",
    paragraphs=[
        "Komisi Informasi (KI) NTB mengumumkan hasil monitoring dan evaluasi keterbukaan informasi publik "
        "tahun 2025 terhadap 112 badan publik di provinsi ini. Hasilnya, 23 badan publik meraih predikat "
        "informatif, sementara 19 lainnya masih berstatus kurang informatif dan tidak informatif.",
        "Badan publik yang dinilai meliputi organisasi perangkat daerah provinsi, pemerintah kabupaten/kota, "
        "DPRD, badan usaha milik daerah, hingga perguruan tinggi negeri. Penilaian mencakup ketersediaan "
        "daftar informasi publik, kecepatan menjawab permohonan, serta kualitas situs PPID.",
        "Ketua KI NTB, Hendra Kurniawan, mengatakan banyak PPID di daerah hanya ada di atas kertas. Daftar "
        "informasi publik tidak diperbarui, dan permohonan warga kerap tidak dijawab tanpa alasan. "
        "“Keterbukaan informasi adalah hak konstitusional warga. Badan publik yang menutup diri sebenarnya "
        "sedang menghalangi partisipasi masyarakat,” ujarnya saat penganugerahan di Mataram, {hari}.",
        "Sepanjang tahun ini, KI NTB menerima 47 permohonan penyelesaian sengketa informasi. Sebagian besar "
        "diajukan warga dan kelompok masyarakat yang meminta dokumen anggaran desa, data penerima bantuan, "
        "dan dokumen pertanahan.",
        "Diskominfotik NTB selaku PPID utama Pemprov NTB kembali meraih predikat informatif. Universitas "
        "Mataram naik dari kategori cukup informatif menjadi menuju informatif setelah memperbaiki layanan "
        "informasi di laman resminya.",
        "SOMASI NTB mengingatkan predikat informatif tidak selalu sejalan dengan pengalaman warga di lapangan. "
        "“Kami masih menemukan badan publik berpredikat informatif yang butuh waktu berbulan-bulan untuk "
        "memberikan salinan kontrak pengadaan,” kata peneliti SOMASI NTB. Ia meminta KI menambahkan uji akses "
        "oleh warga sebagai bagian dari penilaian.",
    ],
)

# 23. Small earthquake reported as an event: no issue

_add(
    slug="gempa-magnitudo-42-guncang-lombok-utara-tidak-ada-laporan-kerusakan",
    title="Gempa Magnitudo 4,2 Guncang Lombok Utara, Tidak Ada Laporan Kerusakan",
    category="peristiwa", author="ahmad-zulkarnain", published="2025-11-05T15:10:00+08:00",
    dateline="TANJUNG", editor="(azk/adm)", tags=("Gempa", "BMKG", "Lombok Utara"),
    caption="Ilustrasi seismograf.",
    paragraphs=[
        "Gempa bumi bermagnitudo 4,2 mengguncang wilayah Kabupaten Lombok Utara, {hari} siang sekitar pukul "
        "13.52 WITA. Guncangan dirasakan cukup kuat oleh warga di Kecamatan Tanjung dan Pemenang hingga "
        "sebagian wilayah Kota Mataram.",
        "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) melaporkan pusat gempa berada di darat, sekitar "
        "9 kilometer barat laut Lombok Utara, pada kedalaman 12 kilometer. Gempa tersebut tergolong dangkal "
        "dan dipicu aktivitas sesar lokal.",
        "Sejumlah warga sempat berhamburan keluar rumah. Rahmat, warga Desa Sokong, mengatakan guncangan "
        "berlangsung sekitar tiga detik disertai suara gemuruh. “Kami langsung keluar. Masih trauma dengan "
        "gempa besar dulu,” ujarnya.",
        "Badan Penanggulangan Bencana Daerah (BPBD) Lombok Utara menyatakan hingga sore hari belum menerima "
        "laporan kerusakan bangunan maupun korban jiwa. Petugas telah disebar ke sejumlah desa untuk "
        "memastikan kondisi warga.",
        "Aktivitas di kawasan wisata Gili Trawangan, Gili Meno, dan Gili Air berlangsung normal. Penyeberangan "
        "dari Pelabuhan Bangsal juga tetap beroperasi seperti biasa.",
        "Berdasarkan catatan BMKG, wilayah Lombok bagian utara memang kerap diguncang gempa kecil. Sepanjang "
        "bulan lalu, tercatat 14 kali gempa bermagnitudo di bawah 4 yang sebagian besar tidak dirasakan warga.",
        "BMKG mengimbau masyarakat tetap tenang dan tidak terpengaruh isu yang tidak dapat dipertanggungjawabkan. "
        "Hingga pukul 15.00 WITA, tercatat satu kali gempa susulan dengan magnitudo 2,8.",
    ],
)

# 24. Land dispute won on appeal (text date only, in WIB): access_to_justice

_add(
    slug="petani-jerowaru-menangkan-banding-sengketa-lahan-12-hektare-di-pengadilan-tinggi-ntb",
    title="Petani Jerowaru Menangkan Banding Sengketa Lahan 12 Hektare di Pengadilan Tinggi NTB",
    category="hukum", author="siti-rahmawati", published="2025-11-05T09:15:00+08:00",
    date_style="text_wib", dateline="SELONG", editor="(srw/ron)",
    tags=("Sengketa Lahan", "Pengadilan Tinggi NTB", "Petani"),
    caption="Petani Jerowaru di lahan garapan yang disengketakan.",
    read_also=((2, "posbakum-pn-mataram-layani-600-warga-tak-mampu-sepanjang-tahun-ini"),),
    paragraphs=[
        "Sebanyak 31 kepala keluarga petani di Kecamatan Jerowaru, Lombok Timur, memenangkan perkara banding "
        "sengketa lahan seluas 12 hektare melawan sebuah perusahaan pengembang properti. Pengadilan Tinggi NTB "
        "membatalkan putusan Pengadilan Negeri Selong yang sebelumnya memenangkan perusahaan tersebut.",
        "Dalam putusannya, majelis hakim banding menilai sertifikat hak guna bangunan milik PT Samudra Timur "
        "Properti terbit di atas lahan yang telah digarap warga secara turun-temurun sejak 1970-an. Majelis "
        "juga menilai proses penerbitan sertifikat tidak melibatkan pengukuran yang disaksikan warga penggarap.",
        "Kuasa hukum warga dari Lembaga Bantuan Hukum Lentera Keadilan, Suryadi, menyebut putusan itu sebagai "
        "kemenangan langka bagi petani kecil. Ia mengatakan warga sempat kesulitan membiayai perkara hingga "
        "harus mengumpulkan iuran dari hasil panen. “Di tingkat pertama, bukti garapan warga berupa surat "
        "keterangan desa dan saksi-saksi tua seolah tidak dianggap. Di banding, bukti itu dipertimbangkan "
        "dengan serius,” ujarnya.",
        "Warga juga meminta Kantor Pertanahan Kabupaten Lombok Timur meninjau ulang penerbitan sertifikat di "
        "kawasan tersebut. Menurut Suryadi, masih ada sekitar 40 hektare lahan garapan lain di pesisir selatan "
        "Lombok Timur yang bersengketa dengan pola serupa.",
        "Kuasa hukum PT Samudra Timur Properti menyatakan menghormati putusan, tetapi akan mengajukan kasasi "
        "ke Mahkamah Agung. Perusahaan berkeyakinan perolehan lahan dilakukan secara sah melalui jual beli "
        "dengan pemilik sebelumnya.",
        "Salah seorang petani, Amaq Jumadil (61), berharap perkara segera berkekuatan hukum tetap. “Kami hanya "
        "ingin tetap bisa menanam jagung dan kacang di tanah yang kami garap sejak kecil,” katanya.",
    ],
)

# 25. Bribery for sand-mining permits: anti_corruption_budget + energy_environment_resources

_add(
    slug="kejati-ntb-tetapkan-tiga-tersangka-suap-izin-tambang-pasir-di-lombok-timur",
    title="Kejati NTB Tetapkan Tiga Tersangka Suap Izin Tambang Pasir di Lombok Timur",
    category="hukum", author="lalu-rizki-pratama", published="2025-11-04T10:30:00+08:00",
    editor="(lrp/adm)", tags=("Korupsi", "Tambang Pasir", "Kejati NTB"),
    caption="Tersangka suap izin tambang mengenakan rompi tahanan di Kejati NTB.",
    read_also=((3, "tambang-emas-ilegal-di-sekotong-kembali-marak-warga-khawatir-merkuri-cemari-sungai"),),
    paragraphs=[
        "Kejaksaan Tinggi (Kejati) NTB menetapkan tiga tersangka dalam perkara dugaan suap penerbitan izin "
        "usaha pertambangan pasir dan batuan di Kabupaten Lombok Timur. Ketiganya adalah seorang pejabat pada "
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP) NTB berinisial LS, seorang "
        "konsultan, dan direktur perusahaan tambang berinisial HR.",
        "Asisten Tindak Pidana Khusus Kejati NTB, I Nyoman Sutama, mengatakan LS diduga menerima uang Rp850 juta "
        "untuk meloloskan izin operasi produksi meski dokumen lingkungan perusahaan belum lengkap. Uang itu "
        "diserahkan secara bertahap melalui konsultan yang mengurus perizinan. “Penyidik sudah mengantongi "
        "bukti transfer dan percakapan yang menguatkan,” ujarnya, {hari}.",
        "Izin tersebut kemudian dipakai untuk menambang pasir di lahan seluas 18 hektare di dekat aliran sungai "
        "di Kecamatan Pringgabaya. Warga setempat melaporkan sawah mereka kekurangan air dan tebing sungai "
        "longsor sejak penambangan berlangsung dua tahun lalu.",
        "Kejati juga menelusuri dana jaminan reklamasi yang seharusnya disetor perusahaan. Hingga kini, lubang "
        "bekas galian dibiarkan menganga tanpa upaya pemulihan lahan.",
        "WALHI NTB mencatat setidaknya 40 izin tambang pasir dan batuan di Pulau Lombok bermasalah, mulai dari "
        "lokasi yang tumpang tindih dengan lahan pertanian hingga kewajiban reklamasi yang diabaikan. Lembaga "
        "itu mendesak Dinas ESDM NTB mengaudit seluruh izin galian dan mencabut izin perusahaan yang terbukti "
        "merusak lingkungan.",
        "Ketiga tersangka ditahan selama 20 hari pertama untuk kepentingan penyidikan. Mereka dijerat pasal "
        "suap dalam Undang-Undang Pemberantasan Tindak Pidana Korupsi.",
    ],
)

# 26. Women in regional parliaments: gender_disability_inclusion + civic_space_democracy

_add(
    slug="keterwakilan-perempuan-di-dprd-se-ntb-baru-11-persen-partai-didorong-perbaiki-kaderisasi",
    title="Keterwakilan Perempuan di DPRD se-NTB Baru 11 Persen, Partai Didorong Perbaiki Kaderisasi",
    category="pemerintahan", author="siti-rahmawati", published="2025-11-03T13:20:00+08:00",
    editor="(srw/ron)", tags=("Keterwakilan Perempuan", "DPRD NTB", "Pemilu"),
    caption="Diskusi publik keterwakilan perempuan di parlemen daerah.",
    paragraphs=[
        "Keterwakilan perempuan di lembaga legislatif daerah di NTB masih jauh dari harapan. Dari 65 kursi "
        "DPRD NTB hasil Pemilu 2024, hanya tujuh yang diisi perempuan. Di tingkat kabupaten/kota, rata-rata "
        "keterwakilan perempuan baru sekitar 11 persen, jauh di bawah ambang 30 persen yang menjadi semangat "
        "kebijakan afirmasi.",
        "Data tersebut dipaparkan dalam diskusi publik yang digelar Koalisi Perempuan Indonesia (KPI) NTB "
        "bersama Universitas Mataram di Mataram, {hari}. Sekretaris Wilayah KPI NTB, Baiq Hartini, menilai "
        "partai politik masih menempatkan calon legislatif perempuan sekadar untuk memenuhi syarat pencalonan.",
        "“Banyak caleg perempuan baru direkrut dua bulan sebelum pendaftaran, ditempatkan di nomor urut bawah, "
        "dan tidak mendapat dukungan logistik kampanye. Wajar jika hasilnya seperti ini,” kata Hartini.",
        "Peneliti politik Universitas Mataram, Dr. Ika Maharani, menyebut biaya politik yang tinggi dan stigma "
        "bahwa politik adalah urusan laki-laki menjadi hambatan utama. Menurut dia, minimnya anggota dewan "
        "perempuan berdampak pada rendahnya perhatian DPRD terhadap isu kesehatan ibu, perlindungan anak, dan "
        "kekerasan berbasis gender.",
        "Komisioner KPU NTB yang hadir dalam diskusi itu mengatakan KPU hanya dapat memastikan syarat minimal "
        "30 persen calon perempuan dalam daftar calon terpenuhi. Ia mendorong partai politik membangun "
        "kaderisasi perempuan jauh sebelum tahapan pemilu dimulai.",
        "Anggota DPRD NTB, Hj. Maryam Salsabila, berbagi pengalaman bahwa jejaring kelompok perempuan di desa "
        "menjadi modal utamanya. Ia mengajak anggota legislatif perempuan lintas partai membentuk kaukus untuk "
        "memperjuangkan anggaran yang responsif gender.",
    ],
)

# 27. Coffee product launch: no issue

_add(
    slug="produsen-kopi-sembalun-luncurkan-varian-cold-brew-dalam-kemasan-kaleng",
    title="Produsen Kopi Sembalun Luncurkan Varian Cold Brew dalam Kemasan Kaleng",
    category="ekonomi", author="ahmad-zulkarnain", published="2025-11-01T09:40:00+08:00",
    editor="(azk/adm)", tags=("Kopi", "UMKM", "Produk Baru"),
    caption="Cold brew kemasan kaleng produksi Kopi Lereng Rinjani.",
    paragraphs=[
        "Produsen kopi asal Sembalun, Lombok Timur, Kopi Lereng Rinjani, meluncurkan varian kopi seduh dingin "
        "atau cold brew dalam kemasan kaleng. Produk baru ini diperkenalkan dalam acara peluncuran di sebuah "
        "pusat perbelanjaan di Mataram, {hari}.",
        "Pemilik Kopi Lereng Rinjani, Andi Saputra, mengatakan varian cold brew dibuat dari biji kopi arabika "
        "yang ditanam di ketinggian 1.200 meter di atas permukaan laut. Kopi diseduh dengan air dingin selama "
        "18 jam sehingga menghasilkan rasa yang lebih lembut dan tidak terlalu asam.",
        "“Pasar anak muda sekarang suka kopi dingin yang praktis. Kami ingin kopi Sembalun bisa dinikmati di "
        "mana saja, tanpa harus menyeduh sendiri,” ujar Andi.",
        "Cold brew kemasan kaleng 250 mililiter itu dijual Rp28.000 per kaleng dan tersedia dalam dua pilihan, "
        "yakni hitam tanpa gula dan campuran susu gula aren. Produk tersebut dapat bertahan hingga enam bulan "
        "tanpa bahan pengawet berkat proses pengalengan bersuhu tinggi.",
        "Pada tahap awal, Kopi Lereng Rinjani memproduksi 5.000 kaleng per bulan dan memasarkannya melalui "
        "kafe mitra di Mataram, toko oleh-oleh di kawasan Senggigi, serta lokapasar daring. Perusahaan juga "
        "menjajaki pengiriman ke Bali dan Surabaya.",
        "Sejumlah pengunjung yang mencicipi produk tersebut memberikan tanggapan positif. “Rasanya ringan dan "
        "segar, cocok diminum siang hari,” kata Wulan, pengunjung asal Ampenan.",
    ],
)

# 28. Social assistance targeting: inclusive_public_services

_add(
    slug="ribuan-warga-miskin-di-bima-tak-terdata-penyaluran-bansos-dinilai-belum-tepat-sasaran",
    title="Ribuan Warga Miskin di Bima Tak Terdata, Penyaluran Bansos Dinilai Belum Tepat Sasaran",
    category="sosial", author="made-wiradana", published="2025-10-31T14:05:00+08:00",
    dateline="BIMA", editor="(mwd/ron)", tags=("Bansos", "PKH", "Bima"),
    caption="Warga antre pencairan bantuan pangan di kantor pos.",
    paragraphs=[
        "Ribuan keluarga miskin di Kabupaten Bima belum tercatat sebagai penerima bantuan sosial, sementara "
        "sebagian penerima justru tergolong mampu. Ketidaktepatan sasaran ini terungkap dalam pertemuan antara "
        "DPRD Kabupaten Bima dan Dinas Sosial setempat, {hari}.",
        "Kepala Dinas Sosial Kabupaten Bima, Drs. Syarifuddin, mengatakan data penerima bantuan kini mengacu "
        "pada Data Tunggal Sosial Ekonomi Nasional (DTSEN). Namun, pemutakhiran data di tingkat desa belum "
        "berjalan optimal karena keterbatasan operator. Dari hasil verifikasi lapangan, pihaknya menemukan "
        "sekitar 3.400 keluarga rentan yang belum masuk data, sedangkan 1.100 penerima diusulkan dicoret "
        "karena sudah mampu atau meninggal dunia.",
        "Warga Desa Sondosia, Kecamatan Bolo, Siti Aminah, mengaku sudah tiga tahun mengajukan diri sebagai "
        "penerima Program Keluarga Harapan (PKH), tetapi tidak pernah terdaftar. Padahal, suaminya hanya buruh "
        "tani dan ia harus menghidupi empat anak. “Tetangga yang punya sepeda motor dua malah dapat. Kami "
        "bingung harus mengadu ke mana,” katanya.",
        "Penyaluran bantuan pangan nontunai juga dikeluhkan. Di sejumlah kecamatan, warga harus antre "
        "berjam-jam di kantor pos karena jadwal pencairan menumpuk. PT Pos Indonesia menyatakan akan menambah "
        "titik layanan di kantor desa untuk mengurai antrean.",
        "Anggota DPRD Kabupaten Bima meminta dinas sosial membuka posko pengaduan di setiap kecamatan dan "
        "mengumumkan daftar penerima di kantor desa agar warga bisa menyanggah. Warga juga dapat mengusulkan "
        "atau menyanggah penerima melalui aplikasi Cek Bansos milik Kementerian Sosial.",
        "Dinas Sosial menargetkan verifikasi dan validasi data rampung dalam dua bulan sehingga penyaluran "
        "tahap pertama tahun depan sudah menggunakan data yang diperbarui.",
    ],
    comments=(
        Comment("Dae Ina", "2025-10-31T19:30:00+08:00", "Di desa kami juga begitu, yang mampu malah dapat."),
    ),
)

# 29. Journalist intimidated: civic_space_democracy

_add(
    slug="jurnalis-diintimidasi-dan-dipaksa-hapus-rekaman-saat-meliput-di-lombok-tengah-aji-mataram-desak-polisi-usut",
    title="Jurnalis Diintimidasi dan Dipaksa Hapus Rekaman Saat Meliput di Lombok Tengah, AJI Mataram Desak Polisi Usut",
    category="peristiwa", author="lalu-rizki-pratama", published="2025-10-30T10:00:00+08:00",
    dateline="PRAYA", editor="(lrp/ron)", tags=("Kebebasan Pers", "AJI Mataram", "Jurnalis"),
    caption="Ilustrasi kartu pers.",
    paragraphs=[
        "Seorang jurnalis media daring di Lombok Tengah, Rizal Maulana (29), mengalami intimidasi saat meliput "
        "protes warga terkait penutupan akses jalan menuju pantai di Kecamatan Pujut, {hari-1}. Telepon "
        "genggamnya dirampas sekelompok orang dan ia dipaksa menghapus rekaman video liputannya.",
        "Rizal menuturkan, ia sudah memperkenalkan diri sebagai wartawan dan menunjukkan kartu pers. Namun, "
        "beberapa pria yang mengaku petugas keamanan lahan menggiringnya menjauh dari lokasi. “Saya didorong, "
        "ponsel saya diambil, lalu mereka memeriksa galeri dan menghapus semua video. Saya juga diancam kalau "
        "berita itu tetap naik,” katanya.",
        "Aliansi Jurnalis Independen (AJI) Mataram mengecam tindakan tersebut. Ketua AJI Mataram, Wahyu "
        "Kurniadi, menegaskan menghalangi kerja jurnalistik merupakan tindak pidana sebagaimana diatur Pasal 18 "
        "Undang-Undang Pers, dengan ancaman penjara hingga dua tahun atau denda Rp500 juta. “Intimidasi "
        "terhadap jurnalis adalah serangan terhadap hak publik untuk tahu,” ujarnya.",
        "Didampingi AJI Mataram, Rizal telah melaporkan kejadian itu ke Polres Lombok Tengah. Kasat Reskrim "
        "Polres Lombok Tengah membenarkan adanya laporan dan menyatakan penyidik telah memeriksa dua saksi "
        "serta meminta rekaman kamera pengawas di sekitar lokasi.",
        "Persatuan Wartawan Indonesia (PWI) NTB juga meminta polisi menuntaskan kasus tersebut dan mengingatkan "
        "semua pihak bahwa sengketa pemberitaan seharusnya diselesaikan melalui mekanisme hak jawab dan Dewan "
        "Pers.",
        "AJI Mataram mencatat, sepanjang tahun ini sedikitnya enam kasus kekerasan dan intimidasi terhadap "
        "jurnalis terjadi di NTB, sebagian besar saat meliput konflik lahan dan aksi unjuk rasa. Menurut Wahyu, "
        "sebagian besar kasus berhenti di tahap laporan tanpa kejelasan.",
    ],
)

# 30. Disability access audit (text date only, "pukul"): gender_disability_inclusion

_add(
    slug="trotoar-dan-gedung-publik-di-mataram-belum-ramah-penyandang-disabilitas",
    title="Trotoar dan Gedung Publik di Mataram Belum Ramah Penyandang Disabilitas",
    category="sosial", author="siti-rahmawati", published="2025-10-29T15:30:00+08:00",
    date_style="text_pukul", editor="(srw/adm)", tags=("Disabilitas", "Aksesibilitas", "Kota Mataram"),
    caption="Ubin pemandu di trotoar Jalan Pejanggik yang terputus.",
    paragraphs=[
        "Persatuan Penyandang Disabilitas Indonesia (PPDI) NTB menilai sebagian besar trotoar dan gedung publik "
        "di Kota Mataram belum aksesibel bagi penyandang disabilitas. Penilaian itu didasarkan pada audit "
        "aksesibilitas terhadap 40 bangunan dan ruas jalan utama yang dilakukan bersama mahasiswa selama tiga "
        "bulan terakhir.",
        "Ketua PPDI NTB, Sahrul Ramadhan, mengatakan hanya 9 dari 40 bangunan yang memiliki jalur landai dengan "
        "kemiringan sesuai standar. Ubin pemandu bagi penyandang disabilitas netra di banyak trotoar terputus, "
        "tertutup lapak pedagang, atau justru mengarah ke tiang listrik. “Aksesibilitas itu hak, bukan belas "
        "kasihan. Kalau trotoarnya saja tidak bisa dilalui kursi roda, bagaimana kami bisa mandiri?” ujarnya, "
        "{hari}.",
        "Audit juga menemukan sebagian besar gedung bertingkat tidak memiliki lift atau toilet khusus, serta "
        "tidak ada petunjuk dalam huruf braille maupun informasi visual bagi penyandang disabilitas rungu.",
        "Salah seorang pengguna kursi roda, Ni Wayan Sriasih, bercerita harus meminta bantuan orang lain setiap "
        "kali menyeberang jalan di kawasan Cakranegara. “Trotoarnya tinggi tanpa jalur landai. Saya sering "
        "terpaksa lewat badan jalan bersama kendaraan,” katanya.",
        "PPDI NTB mendesak Pemkot Mataram menjalankan peraturan daerah tentang penyandang disabilitas yang telah "
        "disahkan, termasuk membentuk unit layanan disabilitas dan melibatkan organisasi penyandang disabilitas "
        "sejak tahap perencanaan pembangunan.",
        "Kepala Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) Kota Mataram, Ir. Hendra Saputra, mengakui masih "
        "banyak kekurangan. Ia menyebut perbaikan trotoar di tiga ruas jalan utama tahun depan akan dirancang "
        "dengan standar aksesibilitas dan melibatkan PPDI dalam uji coba sebelum serah terima pekerjaan.",
    ],
)

# 31. Village-fund graft (listing only): anti_corruption_budget

_add(
    slug="kejari-lombok-timur-tetapkan-kepala-desa-tersangka-korupsi-dana-desa-rp11-miliar",
    title="Kejari Lombok Timur Tetapkan Kepala Desa Tersangka Korupsi Dana Desa Rp1,1 Miliar",
    category="hukum", author="lalu-rizki-pratama", published="2025-10-28T09:20:00+08:00",
    dateline="SELONG", editor="(lrp/ron)", tags=("Korupsi", "Dana Desa", "Lombok Timur"),
    caption="Tersangka korupsi dana desa dibawa ke mobil tahanan Kejari Lombok Timur.",
    read_also=((3, "bpk-temukan-kelebihan-bayar-proyek-jalan-di-dompu-rp46-miliar"),),
    paragraphs=[
        "Kejaksaan Negeri (Kejari) Lombok Timur menetapkan seorang kepala desa di Kecamatan Pringgasela "
        "berinisial HS sebagai tersangka dugaan korupsi dana desa tahun anggaran 2022 dan 2023. Kerugian negara "
        "dalam perkara ini ditaksir mencapai Rp1,1 miliar.",
        "Kepala Seksi Pidana Khusus Kejari Lombok Timur, Wayan Sudarsana, mengatakan penetapan tersangka "
        "dilakukan setelah penyidik memeriksa 27 saksi dan menerima hasil audit penghitungan kerugian negara "
        "dari Inspektorat Kabupaten Lombok Timur. “Ada kegiatan fisik yang dilaporkan selesai dan dibayar "
        "penuh, padahal di lapangan tidak pernah dikerjakan,” ujarnya di Selong, {hari}.",
        "Dana desa yang diselewengkan antara lain dialokasikan untuk pembangunan jalan usaha tani, pengadaan "
        "bibit, dan penyertaan modal badan usaha milik desa. Penyidik menemukan harga material yang "
        "digelembungkan, dua kegiatan fiktif, serta modal usaha desa senilai Rp300 juta yang tidak jelas "
        "penggunaannya.",
        "Usai diperiksa sebagai tersangka, HS langsung ditahan selama 20 hari ke depan. Ia dijerat Pasal 2 dan "
        "Pasal 3 Undang-Undang Pemberantasan Tindak Pidana Korupsi dengan ancaman hukuman maksimal 20 tahun "
        "penjara.",
        "SOMASI NTB menilai kasus korupsi dana desa terus berulang karena lemahnya pengawasan. Menurut lembaga "
        "itu, badan permusyawaratan desa belum berfungsi sebagai pengawas, sementara pemeriksaan inspektorat "
        "baru dilakukan setelah ada laporan warga. SOMASI mendorong setiap desa memasang papan informasi APBDes "
        "yang merinci kegiatan dan anggaran agar warga bisa ikut mengawasi.",
        "Wayan menambahkan, penyidik tidak menutup kemungkinan adanya tersangka lain, termasuk bendahara dan "
        "pelaksana kegiatan di desa tersebut.",
    ],
)

# 32. Tourism promotion abroad (listing only): no issue

_add(
    slug="promosi-di-bursa-pariwisata-london-tiga-gili-bidik-wisatawan-musim-dingin-eropa",
    title="Promosi di Bursa Pariwisata London, Tiga Gili Bidik Wisatawan Musim Dingin Eropa",
    category="wisata-budaya", author="made-wiradana", published="2025-10-27T11:45:00+08:00",
    editor="(mwd/adm)", tags=("Pariwisata", "Gili", "Promosi"),
    caption="Wisatawan mancanegara bersepeda di Gili Trawangan.",
    paragraphs=[
        "Pelaku pariwisata NTB membidik wisatawan Eropa yang ingin menghindari musim dingin di negaranya. Paket "
        "wisata ke Gili Trawangan, Gili Meno, dan Gili Air akan dipromosikan dalam bursa pariwisata "
        "internasional di London pekan depan.",
        "Kepala Dinas Pariwisata NTB, Lalu Hendra Jayadi, mengatakan delegasi NTB akan membawa 14 pelaku usaha, "
        "mulai dari operator selam, hotel, hingga agen perjalanan. Mereka menawarkan paket tinggal panjang "
        "selama dua hingga empat minggu dengan harga khusus untuk periode Desember hingga Maret.",
        "“Wisatawan Inggris, Belanda, dan Jerman termasuk yang paling lama tinggal di Lombok. Mereka datang "
        "bukan hanya untuk pantai, tetapi juga untuk menyelam, yoga, dan mendaki,” ujarnya, {hari}.",
        "Menurut catatan dinas, kunjungan wisatawan mancanegara ke tiga gili sepanjang Januari hingga September "
        "tahun ini mencapai sekitar 410.000 orang, naik 12 persen dibanding periode yang sama tahun lalu. "
        "Rata-rata lama tinggal wisatawan Eropa mencapai sembilan malam.",
        "Ketua Asosiasi Pengusaha Hotel Gili, Komang Artawan, berharap promosi tersebut mampu mengisi okupansi "
        "pada musim hujan yang biasanya sepi. Sejumlah hotel telah menyiapkan diskon hingga 30 persen bagi "
        "pemesanan jangka panjang.",
        "Selain tiga gili, delegasi NTB juga memperkenalkan destinasi lain seperti Pantai Tangsi di Lombok "
        "Timur dan kawasan Teluk Saleh di Sumbawa yang terkenal dengan atraksi hiu paus.",
    ],
)

# 33. Court legal-aid post (listing only): access_to_justice

_add(
    slug="posbakum-pn-mataram-layani-600-warga-tak-mampu-sepanjang-tahun-ini",
    title="Posbakum PN Mataram Layani 600 Warga Tak Mampu Sepanjang Tahun Ini",
    category="hukum", author="baiq-nurul-hidayati", published="2025-10-24T14:15:00+08:00",
    editor="(bnh/ron)", tags=("Bantuan Hukum", "Posbakum", "PN Mataram"),
    caption="Warga berkonsultasi di Pos Bantuan Hukum PN Mataram.",
    paragraphs=[
        "Pos Bantuan Hukum (Posbakum) di Pengadilan Negeri (PN) Mataram telah melayani lebih dari 600 warga "
        "tidak mampu sejak awal tahun. Layanan gratis itu meliputi konsultasi hukum, pembuatan surat gugatan, "
        "hingga pendampingan bagi terdakwa yang tidak memiliki penasihat hukum.",
        "Humas PN Mataram, Kadek Dwi Permana, mengatakan sebagian besar warga datang untuk berkonsultasi soal "
        "perkara perdata seperti utang-piutang, warisan, dan sengketa tanah. Posbakum dijalankan oleh advokat "
        "dari organisasi bantuan hukum yang bekerja sama dengan pengadilan. “Banyak warga yang datang tanpa "
        "tahu harus mulai dari mana. Di posbakum, mereka dibantu memahami hak dan prosedurnya,” ujarnya, {hari}.",
        "Untuk perkara pidana, PN Mataram menunjuk penasihat hukum secara cuma-cuma bagi terdakwa dengan "
        "ancaman pidana lima tahun atau lebih yang tidak mampu membayar pengacara. Tahun ini, tercatat 142 "
        "terdakwa mendapat pendampingan melalui skema tersebut.",
        "Direktur LBH Lentera Keadilan, Suryadi, yang menjadi salah satu mitra posbakum, menyebut dana bantuan "
        "hukum dari negara masih jauh dari kebutuhan. Satu perkara litigasi hanya dibiayai sekitar Rp8 juta, "
        "padahal proses persidangan bisa berlangsung berbulan-bulan. Ia berharap pemerintah daerah ikut "
        "menyediakan dana bantuan hukum sesuai peraturan daerah tentang bantuan hukum.",
        "Selain di pengadilan, layanan bantuan hukum juga digelar melalui sidang keliling dan penyuluhan hukum "
        "di desa-desa. Warga di daerah terpencil kerap tidak mengetahui bahwa mereka berhak atas pendampingan "
        "hukum gratis.",
        "Salah seorang warga Ampenan, Muhammad Sahlan, mengaku terbantu saat menghadapi gugatan utang dari "
        "sebuah koperasi simpan pinjam. “Saya tidak punya uang untuk pengacara. Di posbakum saya diajari cara "
        "menyusun jawaban gugatan,” katanya.",
    ],
)

# 34. BPK audit finding (listing only): anti_corruption_budget

_add(
    slug="bpk-temukan-kelebihan-bayar-proyek-jalan-di-dompu-rp46-miliar",
    title="BPK Temukan Kelebihan Bayar Proyek Jalan di Dompu Rp4,6 Miliar",
    category="pemerintahan", author="made-wiradana", published="2025-10-23T10:05:00+08:00",
    dateline="DOMPU", editor="(mwd/ron)", tags=("BPK", "Audit", "Dompu"),
    caption="Ruas jalan kabupaten di Dompu yang menjadi objek pemeriksaan BPK.",
    paragraphs=[
        "Badan Pemeriksa Keuangan (BPK) Perwakilan NTB menemukan kelebihan pembayaran atas 11 paket pekerjaan "
        "jalan dan jembatan pada Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) Kabupaten Dompu senilai Rp4,6 "
        "miliar. Temuan itu tercantum dalam laporan hasil pemeriksaan atas laporan keuangan Pemkab Dompu tahun "
        "anggaran 2024.",
        "Dalam laporannya, BPK mencatat volume pekerjaan yang dibayar lebih besar dari yang terpasang di "
        "lapangan. Pada sejumlah ruas, ketebalan lapisan aspal kurang dari spesifikasi kontrak. BPK juga "
        "menemukan denda keterlambatan senilai Rp612 juta yang tidak dipungut dari rekanan.",
        "Meski Pemkab Dompu tetap meraih opini wajar tanpa pengecualian (WTP), BPK memberi catatan atas lemahnya "
        "pengendalian dalam pengelolaan belanja modal. Pemeriksa merekomendasikan agar kelebihan bayar segera "
        "ditagih dan pejabat pembuat komitmen yang lalai diberi sanksi.",
        "Kepala Inspektorat Kabupaten Dompu, Drs. Abdul Muis, mengatakan rekanan diberi waktu 60 hari untuk "
        "mengembalikan kelebihan pembayaran ke kas daerah. Hingga pekan ini, dana yang sudah disetor kembali "
        "mencapai Rp1,2 miliar. “Kami pantau terus. Jika tidak dikembalikan, perusahaan akan kami usulkan masuk "
        "daftar hitam,” ujarnya, {hari}.",
        "Komisi III DPRD Dompu berencana memanggil Dinas PUPR untuk meminta penjelasan. Anggota komisi, Syahrul "
        "Anwar, menilai temuan kelebihan bayar yang berulang setiap tahun menunjukkan pengawasan proyek yang "
        "lemah.",
        "SOMASI NTB meminta aparat penegak hukum menelusuri kemungkinan unsur kesengajaan dalam temuan tersebut. "
        "Menurut lembaga itu, pengembalian kerugian tidak serta-merta menghapus potensi pidana jika ada kolusi "
        "antara rekanan dan pejabat.",
    ],
)

# 35. Culture festival (listing only): no issue

_add(
    slug="ribuan-warga-padati-festival-gendang-beleq-di-praya",
    title="Ribuan Warga Padati Festival Gendang Beleq di Praya",
    category="wisata-budaya", author="siti-rahmawati", published="2025-10-22T16:40:00+08:00",
    dateline="PRAYA", editor="(srw/ron)", tags=("Budaya Sasak", "Festival", "Gendang Beleq"),
    caption="Penampilan kelompok gendang beleq di alun-alun Praya.",
    paragraphs=[
        "Ribuan warga memadati alun-alun Praya untuk menyaksikan Festival Gendang Beleq, {hari} malam. Sebanyak "
        "24 kelompok kesenian dari berbagai desa di Lombok Tengah tampil membawakan musik tradisional Sasak "
        "yang dimainkan dengan gendang berukuran besar itu.",
        "Setiap kelompok terdiri atas 30 hingga 40 penabuh yang mengenakan pakaian adat lengkap dengan sapuq dan "
        "kain songket. Dentuman gendang, gong, dan suara ceng-ceng berpadu dengan gerakan para penabuh yang "
        "menari sambil memainkan alat musiknya.",
        "Ketua panitia, Lalu Ahmad Rifai, mengatakan festival ini digelar untuk menjaga regenerasi penabuh "
        "gendang beleq. Sebagian besar peserta tahun ini merupakan pelajar sekolah menengah. “Dulu gendang beleq "
        "dimainkan untuk mengiringi prajurit. Sekarang menjadi kebanggaan anak-anak muda di desa,” ujarnya.",
        "Penilaian dewan juri meliputi harmoni musik, kekompakan gerak, dan kostum. Sanggar Putra Jaya dari Desa "
        "Sukarara keluar sebagai juara pertama, disusul kelompok dari Desa Rembitan dan Desa Pengadang.",
        "Festival juga dimeriahkan bazar kuliner khas Sasak dan pameran kain tenun. Pengunjung dapat mencicipi "
        "sate rembiga, nasi balap puyung, dan aneka jajanan tradisional yang dijajakan pelaku usaha setempat.",
        "Salah seorang pengunjung, Ria Andriani, datang bersama keluarganya dari Mataram. “Anak-anak senang "
        "sekali melihat gendang sebesar itu. Semoga festivalnya rutin setiap tahun,” katanya.",
    ],
)

# 36. Thematic musrenbang (listing only): civic_space_democracy + gender_disability_inclusion

_add(
    slug="musrenbang-tematik-kota-mataram-libatkan-perempuan-anak-dan-penyandang-disabilitas",
    title="Musrenbang Tematik Kota Mataram Libatkan Perempuan, Anak, dan Penyandang Disabilitas",
    category="pemerintahan", author="baiq-nurul-hidayati", published="2025-10-21T09:30:00+08:00",
    editor="(bnh/adm)", tags=("Musrenbang", "Partisipasi Publik", "Kota Mataram"),
    caption="Peserta musrenbang tematik di Kantor Wali Kota Mataram.",
    read_also=((4, "trotoar-dan-gedung-publik-di-mataram-belum-ramah-penyandang-disabilitas"),),
    read_also_box=True,
    paragraphs=[
        "Pemerintah Kota (Pemkot) Mataram menggelar musyawarah perencanaan pembangunan (musrenbang) tematik yang "
        "melibatkan kelompok perempuan, forum anak, dan penyandang disabilitas, {hari}. Forum ini menjaring "
        "usulan kelompok yang selama ini jarang terdengar dalam musrenbang reguler di tingkat kelurahan.",
        "Kepala Badan Perencanaan Pembangunan Daerah (Bappeda) Kota Mataram, Ir. Made Sudiarta, mengakui "
        "partisipasi warga dalam musrenbang selama ini didominasi tokoh masyarakat dan ketua RT yang sebagian "
        "besar laki-laki. “Kami ingin usulan perempuan, anak, dan penyandang disabilitas masuk sejak awal, bukan "
        "hanya ditambahkan di akhir,” ujarnya.",
        "Dalam forum tersebut, perwakilan kelompok perempuan mengusulkan penambahan posyandu, ruang laktasi di "
        "kantor pelayanan, serta penerangan jalan di gang-gang yang rawan kejahatan terhadap perempuan. Forum "
        "anak meminta taman bermain yang aman dan ramah anak di setiap kecamatan.",
        "Himpunan Wanita Disabilitas Indonesia (HWDI) NTB mengusulkan agar setiap kantor kelurahan memiliki "
        "jalur landai dan juru bahasa isyarat pada layanan tertentu. Ketua HWDI NTB, Baiq Fitriani, menyebut "
        "penyandang disabilitas perempuan kerap mengalami diskriminasi berlapis, baik karena gender maupun "
        "disabilitasnya.",
        "Meski demikian, sejumlah peserta mempertanyakan tindak lanjut usulan. Berdasarkan data Bappeda, dari "
        "1.240 usulan musrenbang kelurahan tahun lalu, hanya 31 persen yang masuk dalam APBD. Warga meminta ada "
        "mekanisme untuk memantau status usulan mereka.",
        "Menjawab hal itu, Bappeda Kota Mataram menyiapkan aplikasi e-musrenbang yang memungkinkan warga "
        "melacak apakah usulannya diterima, ditunda, atau ditolak beserta alasannya. Akademisi Universitas "
        "Mataram, Dr. Ika Maharani, menilai langkah itu penting agar musrenbang tidak sekadar menjadi ritual "
        "tahunan tanpa hasil nyata.",
    ],
)

# 37. Violence against women and children statistics (listing only): gender_disability_inclusion

_add(
    slug="kasus-kekerasan-terhadap-perempuan-dan-anak-di-ntb-capai-1012-hingga-september",
    title="Kasus Kekerasan terhadap Perempuan dan Anak di NTB Capai 1.012 hingga September",
    category="sosial", author="siti-rahmawati", published="2025-10-20T13:10:00+08:00",
    editor="(srw/ron)", tags=("Kekerasan terhadap Perempuan", "Perlindungan Anak", "UPTD PPA"),
    caption="Ilustrasi layanan pengaduan kekerasan terhadap perempuan dan anak.",
    paragraphs=[
        "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana "
        "(DP3AP2KB) NTB mencatat 1.012 kasus kekerasan terhadap perempuan dan anak sepanjang Januari hingga "
        "September tahun ini. Jumlah itu meningkat dibanding periode yang sama tahun lalu sebanyak 874 kasus.",
        "Kepala DP3AP2KB NTB, Dr. Hj. Sri Wahyuni, mengatakan kasus kekerasan seksual terhadap anak mendominasi "
        "dengan 386 kasus, disusul kekerasan dalam rumah tangga (KDRT) sebanyak 291 kasus. Sebagian besar pelaku "
        "merupakan orang yang dikenal korban, seperti anggota keluarga, tetangga, atau pacar.",
        "Menurut dia, kenaikan angka tidak semata menunjukkan kekerasan makin sering terjadi, tetapi juga karena "
        "korban dan keluarga makin berani melapor. “Dulu banyak kasus dianggap aib dan ditutupi. Sekarang "
        "masyarakat tahu ada layanan yang bisa dihubungi,” ujarnya, {hari}.",
        "Korban kekerasan mendapat pendampingan dari Unit Pelaksana Teknis Daerah Perlindungan Perempuan dan Anak "
        "(UPTD PPA) NTB, mulai dari layanan psikologis, rumah aman, hingga pendampingan hukum. Namun, UPTD PPA "
        "NTB hanya memiliki tiga psikolog untuk melayani seluruh provinsi, sehingga antrean pendampingan bisa "
        "memakan waktu berminggu-minggu.",
        "Koalisi Perempuan Indonesia (KPI) NTB mendesak pemerintah daerah menambah anggaran layanan korban dan "
        "membentuk UPTD PPA di seluruh kabupaten/kota. KPI juga meminta setiap desa memiliki satuan tugas "
        "perlindungan perempuan dan anak yang terlatih untuk menerima laporan pertama.",
        "DP3AP2KB NTB menyatakan tengah menyiapkan rumah aman kedua di Pulau Sumbawa dan bekerja sama dengan "
        "perguruan tinggi untuk menambah tenaga konselor. Masyarakat yang mengalami atau mengetahui kekerasan "
        "dapat melapor melalui layanan SAPA 129.",
    ],
)

# 38. Medical-equipment procurement case (listing only): anti_corruption_budget

_add(
    slug="kejati-ntb-naikkan-kasus-pengadaan-alat-kesehatan-puskesmas-ke-penyidikan",
    title="Kejati NTB Naikkan Kasus Pengadaan Alat Kesehatan Puskesmas ke Penyidikan",
    category="hukum", author="lalu-rizki-pratama", published="2025-10-17T10:25:00+08:00",
    editor="(lrp/adm)", tags=("Korupsi", "Pengadaan", "Alat Kesehatan"),
    caption="Kantor Kejaksaan Tinggi NTB di Mataram.",
    paragraphs=[
        "Kejaksaan Tinggi (Kejati) NTB meningkatkan status penanganan perkara dugaan korupsi pengadaan alat "
        "kesehatan untuk puskesmas pada Dinas Kesehatan Provinsi NTB tahun anggaran 2023 dari penyelidikan ke "
        "penyidikan. Nilai pengadaan dalam proyek tersebut mencapai Rp9,2 miliar.",
        "Asisten Tindak Pidana Khusus Kejati NTB, I Nyoman Sutama, mengatakan penyidik menemukan indikasi "
        "penggelembungan harga pada sejumlah item, seperti alat pemeriksa laboratorium dan kursi gigi. Harga "
        "satuan yang dibayarkan disebut jauh di atas harga pasaran untuk barang dengan spesifikasi yang sama. "
        "“Ada selisih harga yang tidak wajar. Itu yang sedang kami dalami,” ujarnya, {hari}.",
        "Sejauh ini, penyidik telah memeriksa 14 orang, di antaranya pejabat pembuat komitmen, panitia penerima "
        "hasil pekerjaan, dan direktur perusahaan penyedia. Kejati juga meminta Badan Pengawasan Keuangan dan "
        "Pembangunan (BPKP) Perwakilan NTB menghitung kerugian keuangan negara.",
        "Pengadaan tersebut dilakukan melalui katalog elektronik yang dikelola Lembaga Kebijakan Pengadaan "
        "Barang/Jasa Pemerintah (LKPP). Namun, penyidik menduga penyedia sudah diarahkan sejak tahap "
        "perencanaan, termasuk dalam penyusunan spesifikasi teknis yang hanya bisa dipenuhi merek tertentu.",
        "Kepala Dinas Kesehatan NTB menyatakan menghormati proses hukum dan siap menyerahkan dokumen yang "
        "dibutuhkan penyidik. Ia memastikan alat kesehatan yang sudah terpasang tetap digunakan untuk melayani "
        "pasien.",
        "Peneliti FITRA NTB, Ramli Saputra, menilai perkara ini menunjukkan celah pengadaan melalui katalog "
        "elektronik. “E-katalog bukan jaminan bebas korupsi kalau spesifikasi sudah dikunci sejak awal,” "
        "katanya. FITRA mendorong dokumen perencanaan pengadaan diumumkan kepada publik.",
    ],
)

# 39. Mangrove restoration (listing only): energy_environment_resources

_add(
    slug="mangrove-teluk-jor-tergerus-tambak-nelayan-tanam-50-ribu-bibit",
    title="Mangrove Teluk Jor Tergerus Tambak, Nelayan Tanam 50 Ribu Bibit",
    category="lingkungan", author="made-wiradana", published="2025-10-16T15:00:00+08:00",
    dateline="SELONG", editor="(mwd/adm)", tags=("Mangrove", "Pesisir", "Lombok Timur"),
    caption="Nelayan menanam bibit mangrove di bekas tambak di Teluk Jor.",
    paragraphs=[
        "Kawasan hutan mangrove di Teluk Jor, Kecamatan Jerowaru, Lombok Timur, terus menyusut akibat pembukaan "
        "tambak udang. Dalam sepuluh tahun terakhir, luas mangrove di kawasan itu diperkirakan berkurang dari "
        "sekitar 420 hektare menjadi 290 hektare.",
        "Untuk memulihkannya, Kelompok Nelayan Pesisir Lestari menanam 50.000 bibit mangrove di lahan bekas "
        "tambak yang telah ditinggalkan pemiliknya. Ketua kelompok, Amaq Rusdi, mengatakan hasil tangkapan "
        "kepiting dan ikan nelayan menurun drastis sejak mangrove ditebang. “Dulu sekali turun bisa dapat lima "
        "kilo kepiting. Sekarang satu kilo saja susah,” ujarnya.",
        "Penanaman dilakukan bersama Kesatuan Pengelolaan Hutan (KPH) Rinjani Timur dan mahasiswa. Bibit jenis "
        "Rhizophora dan Avicennia disemai sendiri oleh kelompok nelayan sejak enam bulan lalu.",
        "Kepala Bidang Pengelolaan DAS dan Rehabilitasi Hutan DLHK NTB, Lalu Agus Salim, menyebut sebagian "
        "tambak dibangun di kawasan hutan lindung tanpa izin. Pihaknya akan menertibkan tambak yang masih "
        "beroperasi di kawasan tersebut dan mengembalikan fungsinya sebagai sabuk hijau pantai.",
        "Peneliti ekologi pesisir Universitas Mataram, Dr. Rina Oktaviani, mengatakan mangrove berperan penting "
        "menahan abrasi, menjadi tempat pemijahan ikan, serta menyimpan karbon dalam jumlah besar. Menurut dia, "
        "pemulihan akan lebih berhasil jika masyarakat pesisir dilibatkan sebagai pengelola, bukan sekadar "
        "pekerja penanam.",
        "Kelompok nelayan berencana mengembangkan ekowisata susur mangrove setelah kawasan pulih, sehingga warga "
        "memiliki alasan ekonomi untuk menjaga hutan bakau tetap lestari.",
    ],
)


ARTICLES: tuple[Article, ...] = tuple(sorted(_A, key=lambda a: a.published, reverse=True))
"""All posts, newest first."""

del _A
