"""Exact and near-duplicate detection of syndicated articles."""

from __future__ import annotations

import json
import random
import time

import pytest

from monitor.collect.dedupe import (
    NearDuplicateIndex,
    content_hash,
    jaccard,
    parse_signature,
    signature,
)

RELEASE = (
    "Pemerintah Provinsi Nusa Tenggara Barat melalui Dinas Komunikasi, Informatika dan Statistik "
    "meluncurkan portal keterbukaan informasi publik yang memuat rincian anggaran pendapatan dan "
    "belanja daerah. Portal itu memuat data realisasi belanja setiap organisasi perangkat daerah, "
    "daftar paket pengadaan barang dan jasa, serta laporan dana desa dari sepuluh kabupaten dan kota. "
    "Kepala dinas mengatakan data akan diperbarui setiap bulan agar masyarakat dapat ikut mengawasi "
    "penggunaan anggaran. Warga juga dapat menyampaikan pengaduan melalui kanal yang sama, dan setiap "
    "pengaduan akan dijawab paling lambat dalam tujuh hari kerja. Sejumlah organisasi masyarakat sipil "
    "di Lombok menyambut baik langkah tersebut dan berharap kabupaten lain segera menyusul."
)
SYNDICATED = (
    "MATARAM, LombokPost - "
    + RELEASE.replace("meluncurkan", "resmi meluncurkan").replace("sepuluh", "10").replace("tersebut", "itu")
    + " (red)"
)
UNRELATED = (
    "Tim sepak bola Persebaya Surabaya menang dua gol tanpa balas atas tamunya pada laga lanjutan liga "
    "di Stadion Gelora Bung Tomo. Pelatih mengatakan para pemain tampil disiplin sepanjang pertandingan "
    "dan berhasil memanfaatkan peluang dari bola mati. Kemenangan itu membawa tim naik ke peringkat "
    "ketiga klasemen sementara, terpaut dua poin dari pemuncak klasemen."
)


def test_content_hash_ignores_case_and_spacing_only():
    assert content_hash("Banjir  di\nLombok Timur ") == content_hash("banjir di lombok timur")
    assert content_hash("Banjir di Lombok Timur") != content_hash("Banjir di Lombok Barat")
    assert len(content_hash("")) == 64


def test_signature_is_bytes_and_round_trips():
    sig = signature(RELEASE)
    assert isinstance(sig, bytes) and len(sig) == 8 + 128 * 4
    assert signature(RELEASE) == sig  # stable: same text, same bytes (storable in SQLite)
    assert jaccard(sig, parse_signature(sig)) == 1.0
    with pytest.raises(ValueError):
        parse_signature(b"not a signature")


def test_syndicated_copy_with_another_dateline_is_found():
    index = NearDuplicateIndex()
    index.add("antara:1", "Mataram (ANTARA) - " + RELEASE)
    index.add("sport:1", UNRELATED)
    assert jaccard(signature(SYNDICATED), signature(RELEASE)) >= 0.8
    assert index.find(SYNDICATED) == "antara:1"
    assert index.find(signature(SYNDICATED)) == "antara:1"  # a stored signature works too


def test_unrelated_article_is_not_found():
    index = NearDuplicateIndex()
    index.add("antara:1", RELEASE)
    assert index.find(UNRELATED) is None
    # same topic, different text: not a copy
    other = (
        "Dinas Komunikasi NTB menggelar pelatihan jurnalistik bagi pegawai humas kabupaten. Materi "
        "pelatihan meliputi penulisan siaran pers, pengelolaan media sosial dan keterbukaan informasi."
    )
    assert index.find(other) is None


def test_threshold_is_configurable():
    half = RELEASE[: len(RELEASE) // 2] + " " + UNRELATED
    strict, loose = NearDuplicateIndex(threshold=0.9), NearDuplicateIndex(threshold=0.15)
    for index in (strict, loose):
        index.add("a", RELEASE)
    assert strict.find(half) is None
    assert loose.find(half) == "a"
    with pytest.raises(ValueError):
        NearDuplicateIndex(threshold=0)


def test_add_replace_remove_and_empty():
    index = NearDuplicateIndex()
    index.add("a", RELEASE)
    index.add("a", UNRELATED)  # replaces
    assert len(index) == 1 and index.find(RELEASE) is None and index.find(UNRELATED) == "a"
    index.remove("a")
    index.remove("missing")
    assert len(index) == 0 and index.find(UNRELATED) is None
    index.add("empty", "")
    assert "empty" not in index and index.find("") is None


@pytest.mark.shared
def test_on_a_real_corpus(shared_dir):
    """Thousands of real articles: copies found, no false matches, and fast."""
    path = shared_dir / "corpora" / "indosum_dev" / "indosum_dev_unique.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")][:3000]
    start = time.perf_counter()
    index = NearDuplicateIndex()
    for i, text in enumerate(texts):
        index.add(i, signature(text))
    build = time.perf_counter() - start
    assert build < 10, f"indexing {len(texts)} articles took {build:.1f}s"

    rng = random.Random(7)
    sample = [i for i in rng.sample(range(len(texts)), 200) if len(texts[i].split()) >= 150][:100]
    found = 0
    for i in sample:
        words = texts[i].split()
        for _ in range(3):  # a few edited words, another dateline, an editor's mark
            words[rng.randrange(len(words))] = rng.choice(["pihaknya", "tersebut", "kemarin"])
        if index.find("MATARAM, Suara NTB - " + " ".join(words) + " (red)") == i:
            found += 1
    assert found >= 0.95 * len(sample)

    # the corpus is de-duplicated: its articles must not match each other
    false = sum(1 for i, text in enumerate(texts[:1000]) if [k for k, _ in index.similar(text) if k != i])
    assert false <= 2
