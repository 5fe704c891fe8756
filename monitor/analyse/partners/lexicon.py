"""Word tables of the open rules and the resolver: organisation heads, place cues, boards and
sub-unit prefixes, military commands, foreign-body heads, and the type an
organisation's words suggest."""

from __future__ import annotations

# Heads that can open an Indonesian organisation name in a "Long Name (ACR)" definition.
_ID_HEADS = {
    "bidang", "divisi", "subdirektorat", "bagian",
    "badan", "komisi", "dinas", "lembaga", "kementerian", "asosiasi", "ikatan", "persatuan", "forum",
    "koalisi", "organisasi", "institut", "universitas", "partai", "perusahaan", "bank", "pusat", "direktorat",
    "satuan", "majelis", "dewan", "komite", "federasi", "serikat", "yayasan", "perkumpulan", "aliansi",
    "gerakan", "jaringan", "himpunan", "kesatuan", "front", "korps", "angkatan", "pasukan", "otoritas",
    "sekretariat", "kantor", "balai", "pengadilan", "kejaksaan", "kepolisian", "politeknik", "akademi",
    "sekolah", "perhimpunan", "konfederasi", "mahkamah", "panitia", "perum", "pt", "grup", "rumah", "klinik",
    "biro", "inspektorat", "detasemen", "komando", "konsorsium", "solidaritas", "paguyuban", "komunitas",
    "tentara", "kedutaan", "konsulat", "laboratorium", "pengurus", "pimpinan", "perserikatan", "lpp",
    "kelompok", "gabungan", "wahana",
}
# English heads that close a name: "Syrian Observatory for Human Rights" has one inside.
_EN_HEADS = {
    "agency", "association", "organization", "organisation", "institute", "university", "council",
    "committee", "commission", "federation", "union", "bureau", "department", "foundation", "corporation",
    "company", "inc", "ltd", "center", "centre", "fund", "bank", "network", "watch", "alliance", "party",
    "authority", "office", "ministry", "board", "society", "school", "college", "hospital", "clinic",
    "observatory", "group", "forum", "panel", "programme", "service", "movement", "league", "coalition",
}
_PLACE_CUES = {"di", "ke", "dari", "asal", "kota", "kabupaten", "provinsi", "wilayah", "daerah", "pulau",
               "kawasan", "warga", "masyarakat", "menuju", "sekitar", "kecamatan", "desa", "kampung"}
_BOARD_PREFIXES = {"DPP", "DPD", "DPW", "DPC", "PP", "PB", "PW", "PC", "PWNU", "PCNU", "Dewan Pimpinan Pusat",
                   "Dewan Pimpinan Daerah", "Dewan Pimpinan Wilayah", "Dewan Pimpinan Cabang", "Pimpinan Pusat",
                   "Pengurus Besar", "Pengurus Pusat", "Pengurus Wilayah", "Pimpinan Wilayah"}
_BOARD_EXPAND = {"DPP": "Dewan Pimpinan Pusat", "DPD": "Dewan Pimpinan Daerah", "DPW": "Dewan Pimpinan Wilayah",
                 "DPC": "Dewan Pimpinan Cabang", "PP": "Pimpinan Pusat", "PB": "Pengurus Besar",
                 "PW": "Pengurus Wilayah", "PC": "Pengurus Cabang", "PWNU": "Pengurus Wilayah",
                 "PCNU": "Pengurus Cabang"}


SUBUNIT_PREFIXES = {
    "Satbrimob": "Satuan Brigade Mobil", "Satreskrim": "Satuan Reserse Kriminal",
    "Satlantas": "Satuan Lalu Lintas", "Brimob": "Satuan Brigade Mobil", "Satresnarkoba": "Satuan Reserse Narkoba",
    "Satsamapta": "Satuan Samapta", "Satpolairud": "Satuan Polisi Perairan dan Udara",
    "Ditreskrimum": "Direktorat Reserse Kriminal Umum", "Ditreskrimsus": "Direktorat Reserse Kriminal Khusus",
    "Ditresnarkoba": "Direktorat Reserse Narkoba", "Ditlantas": "Direktorat Lalu Lintas",
    "Ditpolairud": "Direktorat Kepolisian Perairan dan Udara", "Ditsamapta": "Direktorat Samapta",
    "Ditintelkam": "Direktorat Intelijen Keamanan", "Bidhumas": "Bidang Hubungan Masyarakat",
    "Bidpropam": "Bidang Profesi dan Pengamanan", "Dittipidkor": "Direktorat Tindak Pidana Korupsi",
    "Dittipideksus": "Direktorat Tindak Pidana Ekonomi Khusus", "Dittipidnarkoba": "Direktorat Tindak Pidana Narkoba",
    "Dittipidsiber": "Direktorat Tindak Pidana Siber", "Dittipidum": "Direktorat Tindak Pidana Umum",
    "Dittipidter": "Direktorat Tindak Pidana Tertentu", "Puslabfor": "Pusat Laboratorium Forensik",
    "TMC": "Traffic Management Center", "Banggar": "Badan Anggaran", "Baleg": "Badan Legislasi",
    "Pansus": "Panitia Khusus", "Panja": "Panitia Kerja", "Setjen": "Sekretariat Jenderal",
    "Itjen": "Inspektorat Jenderal", "Ditjen": "Direktorat Jenderal", "Badan Anggaran": "Badan Anggaran",
    "Badan Legislasi": "Badan Legislasi", "Badan Kehormatan": "Badan Kehormatan",
    "Mahkamah Kehormatan": "Mahkamah Kehormatan", "Bid Humas": "Bidang Hubungan Masyarakat",
    "Bid Propam": "Bidang Profesi dan Pengamanan",
}

_NAME_PARTICLES = frozenset({"dela", "de", "del", "della", "van", "von", "bin", "binti", "dos", "da", "el"})

MILITARY_UNITS = {"Kodam": "Komando Daerah Militer", "Korem": "Komando Resor Militer",
                  "Kodim": "Komando Distrik Militer", "Koramil": "Komando Rayon Militer",
                  "Kodaeral": "Komando Daerah TNI Angkatan Laut", "Lantamal": "Pangkalan Utama TNI Angkatan Laut",
                  "Lanal": "Pangkalan TNI Angkatan Laut", "Lanud": "Pangkalan TNI Angkatan Udara",
                  "Yonif": "Batalyon Infanteri", "Brigif": "Brigade Infanteri", "Kodau": "Komando Daerah Angkatan Udara",
                  "Koopsud": "Komando Operasi Udara", "Pomdam": "Polisi Militer Kodam"}
FOREIGN_HEADS_1 = {"Pemerintah", "Militer", "Parlemen", "Kepolisian", "Kedubes", "Kongres", "Pengadilan",
                   "Senat", "Pasukan"}
FOREIGN_HEADS_2 = {"Kedutaan Besar", "Angkatan Laut", "Angkatan Darat", "Angkatan Udara", "Angkatan Bersenjata",
                   "Departemen Keuangan", "Departemen Luar", "Kementerian Pertahanan", "Bank Sentral",
                   "Mahkamah Agung", "Konsulat Jenderal"}


def _end_type(head: str) -> str:
    h = head.lower().rstrip(".")
    if h in ("university", "college", "school", "institute"):
        return "academic"
    if h in ("inc", "ltd", "llc", "corporation", "company", "group", "holdings", "technologies",
             "innovations", "airlines", "airways", "tbk", "bank"):
        return "business"
    if h in ("party",):
        return "political_party"
    if h in ("watch", "network", "society", "alliance", "foundation"):
        return "civil_society"
    if h in ("clinic", "hospital", "fc"):
        return "other"
    return "international"


def _guess_type(words: set[str]) -> str:
    if words & {"pengusaha", "industri", "perusahaan", "pedagang", "dagang"}:
        return "business"
    if words & {"universitas", "institut", "politeknik", "akademi", "sekolah", "university", "college", "school"}:
        return "academic"
    if words & {"pt", "perusahaan", "perum", "bank", "grup", "group", "company", "corporation", "inc", "ltd"}:
        return "business"
    if "partai" in words or "party" in words:
        return "political_party"
    if words & {"yayasan", "perkumpulan", "koalisi", "aliansi", "ikatan", "persatuan", "himpunan", "serikat",
                "federasi", "konfederasi", "gerakan", "jaringan", "perhimpunan", "lsm", "solidaritas",
                "masyarakat", "foundation", "watch", "network", "association", "asosiasi", "forum",
                "swadaya", "advokasi", "kajian", "studi", "pemantau"} or {"bantuan", "hukum"} <= words:
        # "Lembaga Bantuan Hukum ...", "Lembaga Kajian ...", "Lembaga Swadaya Masyarakat ...": NGOs
        return "civil_society"
    if words & {"agency", "organization", "organisation", "council", "commission", "fund", "programme"}:
        return "international"
    return "government"
