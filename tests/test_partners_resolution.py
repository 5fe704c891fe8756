"""Partners v2: names resolved the way codebook section 2 writes them (regional offices placed
by the article's region, named units kept whole) and the confusions of section 2 filtered
(clubs vs parties, local vs other-province clubs, products, persons, datelines)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.analyse.partners import PartnerExtractor
from monitor.analyse.partners.evaluate import (
    evaluate,
    gold_set,
    match_article,
    same_org_other_length,
    spelling_key,
)
from monitor.analyse.partners.extractor import build_nlp
from monitor.analyse.partners.gazetteer import load_config
from monitor.analyse.partners.resolve import Resolver


@pytest.fixture(scope="module")
def ex() -> PartnerExtractor:
    # the rule pipeline alone: these tests pin its conventions, whatever the recogniser adds
    return PartnerExtractor(recogniser=False)


def names(ex: PartnerExtractor, text: str) -> list[str]:
    return [p.name for p in ex.extract(text)]


# ------------------------------------------------------------------ regional offices

def test_bare_dinas_in_a_kabupaten_story_is_that_kabupatens_office(ex):
    text = ("PRAYA - Kepala Dinas PUPR Lombok Tengah mengatakan jalan rusak di Kecamatan Pujut segera "
            "diperbaiki. Dinas PUPR menganggarkan Rp 5 miliar dari APBD Lombok Tengah.")
    ps = ex.extract(text)
    assert [p.name for p in ps] == ["Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Lombok Tengah"]
    assert ps[0].mentions == 2  # "Dinas PUPR Lombok Tengah" and the bare "Dinas PUPR": one office
    assert "Kementerian Pekerjaan Umum dan Perumahan Rakyat" not in names(ex, text)


def test_bare_dinas_takes_the_region_the_article_is_about(ex):
    text = ("DOMPU - Pemerintah Kabupaten Dompu melalui Dinas PUPR memperbaiki saluran irigasi. "
            "Bupati Dompu meminta Dinas PUPR bekerja cepat.")
    assert names(ex, text) == ["Pemerintah Kabupaten Dompu",
                               "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Dompu"]


def test_bare_dinas_without_a_clear_region_is_generic_not_the_ministry(ex):
    text = "Dinas PUPR di banyak daerah kekurangan anggaran untuk perbaikan jalan, kata seorang pengamat."
    assert names(ex, text) == []


def test_open_field_dinas_takes_the_region_and_stops_before_a_person(ex):
    text = ("JAKARTA - Pemprov DKI Jakarta menyiapkan pompa. Kepala Dinas Sumber Daya Air Teguh Hendrawan "
            "mengatakan Dinas Sumber Daya Air siaga. Gubernur DKI Jakarta meninjau lokasi.")
    found = names(ex, text)
    assert "Dinas Sumber Daya Air Provinsi DKI Jakarta" in found
    assert not any("Teguh" in n for n in found)


def test_region_is_not_guessed_when_two_regions_compete(ex):
    text = ("Pemkab Bima dan Pemkab Dompu menandatangani kerja sama. Dinas Pariwisata akan menyusun "
            "paket wisata bersama.")
    found = names(ex, text)
    assert "Pemerintah Kabupaten Bima" in found and "Pemerintah Kabupaten Dompu" in found
    assert not any(n.startswith("Dinas Pariwisata") for n in found)


def test_police_sector_named_after_a_region_and_a_compass_word(ex):
    assert "Kepolisian Sektor Bekasi Barat" in names(ex, "Pelaku ditangkap anggota Polsek Bekasi Barat kemarin.")


def test_religious_court_seat_of_two_words_is_kept_whole(ex):
    text = "GERUNG - Pengadilan Agama Giri Menang menerima 900 perkara perceraian tahun ini."
    assert names(ex, text) == ["Pengadilan Agama Giri Menang"]


# ------------------------------------------------------------------ named units

def test_legal_aid_office_with_its_own_name_is_not_the_bare_lbh(ex):
    text = ("SELONG - Direktur LBH Pelita Umat Mataram, Andi, mendampingi warga Lombok Timur "
            "dalam sidang di Pengadilan Negeri Selong.")
    found = names(ex, text)
    assert "Lembaga Bantuan Hukum Pelita Umat Mataram" in found
    assert "Lembaga Bantuan Hukum" not in found
    assert not any("Andi" in n for n in found)


def test_legal_aid_chapter_written_with_bracketed_acronym_is_one_org(ex):
    text = ("MATARAM - Lembaga Bantuan Hukum (LBH) Apik NTB mendampingi korban. Direktur LBH Apik NTB "
            "mengatakan kasus itu dilaporkan ke Polda NTB.")
    found = names(ex, text)
    assert "Lembaga Bantuan Hukum Asosiasi Perempuan Indonesia untuk Keadilan NTB" in found
    assert "Lembaga Bantuan Hukum" not in found


def test_local_forum_is_found(ex):
    text = ("MATARAM - Forum Peduli Lingkungan Sekotong (FPLS) menolak tambang emas ilegal. Ketua FPLS meminta "
            "Pemkab Lombok Barat bertindak.")
    ps = {p.name: p for p in ex.extract(text)}
    assert "Forum Peduli Lingkungan Sekotong" in ps
    assert ps["Forum Peduli Lingkungan Sekotong"].mentions == 2


def test_pesantren_and_regional_hospital_keep_their_own_names(ex):
    found = names(ex, "Santri Pondok Pesantren At-Taqwa Cikampak dirujuk ke RSUD Pasar Minggu.")
    assert "Pondok Pesantren At-Taqwa Cikampak" in found
    assert "Rumah Sakit Umum Daerah Pasar Minggu" in found


# ------------------------------------------------------------------ clubs, parties, products

def test_club_sharing_a_word_with_a_party_is_the_club(ex):
    text = "SUMBAWA - PS Hanura Sumbawa bertanding di Liga 3. Pemain PS Hanura Sumbawa berlatih di Stadion Pragas."
    ps = ex.extract(text)
    assert [p.name for p in ps] == ["PS Hanura Sumbawa"]
    assert ps[0].type == "other"


def test_local_club_is_not_a_club_of_another_province(ex):
    found = names(ex, "PSS Sumbawa menjamu Persebi Bima, sedangkan Persidom Dompu libur.")
    assert found == ["PSS Sumbawa", "Persebi Bima", "Persidom Dompu"]
    assert "PSS Sleman" not in found


def test_known_club_keeps_its_gazetteer_identity(ex):
    ps = ex.extract("Persib Bandung menang atas Persija Jakarta di Stadion Si Jalak Harupat.")
    assert [p.key for p in ps] == ["persib", "persija"]


def test_dateline_and_job_title_are_not_part_of_a_club_name(ex):
    text = "MATARAM - Gelora Lombok FC menjamu Perseden Denpasar. Manajer Gelora Lombok FC menyebut timnya siap."
    found = names(ex, text)
    assert found == ["Gelora Lombok FC", "Perseden Denpasar"]


def test_brand_written_as_a_product_is_not_an_organisation(ex):
    assert names(ex, "Polisi menyita ponsel Samsung Galaxy S10 dan motor Honda Beat dari pelaku.") == []
    assert "Samsung Electronics" in names(ex, "Samsung mengumumkan laba kuartal ketiga naik 20 persen.")


def test_programme_and_event_are_not_organisations(ex):
    found = names(ex, "Program Keluarga Harapan disalurkan Dinas Sosial Kota Bima menjelang Piala Presiden.")
    assert found == ["Dinas Sosial Kota Bima"]


# ------------------------------------------------------------------ evaluation helpers

def test_spelling_variants_match_but_other_names_do_not():
    assert spelling_key("Rumah Sakit Gatot Soebroto") == spelling_key("Rumah Sakit Gatot Subroto")
    assert spelling_key("Lembaga Pemasyarakatan Klas IIA") == spelling_key("Lembaga Pemasyarakatan Kelas IIA")
    assert spelling_key("Balai Sumberdaya") == spelling_key("Balai Sumber Daya")
    assert spelling_key("Kejaksaan Agung") != spelling_key("Kejaksaan Tinggi")


def test_other_length_accepts_the_same_org_at_another_granularity_only():
    assert same_org_other_length({"name": "Kejaksaan"}, {"name": "Kejaksaan Agung"})
    assert same_org_other_length({"name": "Dinas Sumber Daya Air"},
                                 {"name": "Dinas Sumber Daya Air Provinsi DKI Jakarta"})
    assert not same_org_other_length({"name": "Kejaksaan Tinggi"}, {"name": "Kejaksaan Agung"})
    pred = [{"name": "Kejaksaan"}]
    gold = [{"name": "Kejaksaan Agung"}]
    assert match_article(pred, gold) == []
    assert match_article(pred, gold, other_length=True) == [(0, 0)]


def test_evaluate_reports_types_and_other_length():
    rows = [{"partners": [{"name": "Kejaksaan Agung", "type": "government"},
                          {"name": "Universitas Mataram", "type": "academic"}]}]
    res = evaluate(rows, lambda r: [{"name": "Kejaksaan", "type": "government"},
                                    {"name": "Universitas Mataram", "type": "academic"}], other_length=True)
    assert (res["tp"], res["fp"], res["fn"]) == (1, 1, 1)
    assert res["other_length"]["tp"] == 2 and res["other_length"]["f1"] == 1.0
    assert res["by_type"]["academic"]["f1"] == 1.0
    assert res["by_type"]["government"] == {"tp": 0, "fp": 1, "fn": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_unknown_gold_set_component_and_step_are_refused():
    with pytest.raises(ValueError, match="unknown gold set"):
        gold_set("everything")
    with pytest.raises(ValueError, match="unknown partner component"):
        build_nlp(disable=["magic"], recogniser=False)
    with pytest.raises(ValueError, match="unknown resolver step"):
        Resolver(load_config(None), ["magic"])


def test_ablation_switches_a_component_off():
    text = "DOMPU - Pemkab Dompu memanggil Dinas PUPR."
    full = [p.name for p in PartnerExtractor(recogniser=False).extract(text)]
    off = [p.name for p in PartnerExtractor(disable=["context"], recogniser=False).extract(text)]
    assert "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Dompu" in full
    assert "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Dompu" not in off


# ------------------------------------------------------------------ the evaluate command

SHARED_LABELS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "labels" / "issues.jsonl"


@pytest.mark.skipif(not SHARED_LABELS.is_file(), reason="shared corpora not found (../shared)")
@pytest.mark.shared
@pytest.mark.slow
def test_partners_evaluate_command_prints_and_writes_the_figures(tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    proc = subprocess.run([sys.executable, "-m", "monitor.cli", "partners", "evaluate", "--set", "heldout_regional",
                           "--by-type", "--json", str(out)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "heldout_regional" in proc.stdout and "missed_unknown" in proc.stdout and "government" in proc.stdout
    res = json.loads(out.read_text(encoding="utf-8"))["full (default)"]["heldout_regional"]
    assert res["articles"] >= 60
    assert res["gold"] == res["tp"] + res["fn"] and res["predicted"] == res["tp"] + res["fp"]
    assert res["other_length"]["f1"] >= res["f1"] > 0.5


def test_partners_evaluate_command_without_corpora(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "monitor.cli", "partners", "evaluate", "--corpus-dir",
                           str(tmp_path / "absent")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "corpus directory not found" in proc.stderr
