"""The organisation-name recogniser: BIO readers, the round-2 span converter, the overlap rule,
``Recogniser`` loading, a tiny training run (needs ../shared) and the committed model."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import spacy
from click.testing import CliRunner

from monitor.analyse.partners.ner import DEFAULT_MODEL_DIR, Recogniser, RecogniserMissing
from monitor.analyse.partners.ner_data import (
    ORG,
    Sentence,
    article_segments,
    bio_spans,
    drop_overlap,
    holdout_keys,
    longest_non_overlapping,
    parse_bio,
    round2_docs,
    segments,
    sentence_doc,
    span_doc,
    write_docbin,
)
from monitor.cli import main

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NER_DIR = PROJECT_ROOT.parent / "shared" / "corpora" / "ner"

TAB_BIO = ("Kepala\tO\nBadan\tB-ORGANIZATION\nPusat\tI-ORGANIZATION\nStatistik\tI-ORGANIZATION\n"
           "Rudi\tB-PERSON\nhadir\tO\n\n"
           "Warga\tO\nLombok\tB-LOCATION\nmenemui\tO\nWalhi\tB-ORGANIZATION\nNTB\tI-ORGANIZATION\n.\tO\n")
SPACE_BIO = ("Ketua PROPN O\r\nKPU PROPN B-ORG\r\nBima PROPN I-ORG\r\nmenyapa VERB O\r\nPartai PROPN B-ORG\r\n"
             "Hijau PROPN I-ORG\r\n\r\n\r\nIa PRON O\r\npergi VERB O\r\n")


def test_tab_bio_keeps_only_the_organisation_label() -> None:
    sents = parse_bio(TAB_BIO, "ORGANIZATION")
    assert [s.words[:2] for s in sents] == [("Kepala", "Badan"), ("Warga", "Lombok")]
    assert sents[0].orgs == ((1, 4),)  # Badan Pusat Statistik; the person is O
    assert sents[1].orgs == ((3, 5),)


def test_space_bio_with_pos_and_windows_line_ends() -> None:
    sents = parse_bio(SPACE_BIO, "ORG")
    assert len(sents) == 2  # two blank lines are one sentence break
    assert sents[0].words == ("Ketua", "KPU", "Bima", "menyapa", "Partai", "Hijau")
    assert sents[0].orgs == ((1, 3), (4, 6))
    assert sents[1].orgs == ()


def test_bio_spans_edge_cases() -> None:
    assert bio_spans(["I-ORG", "I-ORG", "O", "B-ORG"], "ORG") == [(0, 2), (3, 4)]  # I- without B- starts one
    assert bio_spans(["B-ORG", "B-ORG", "I-ORG"], "ORG") == [(0, 1), (1, 3)]
    assert bio_spans(["B-ORG", "I-PER", "I-ORG"], "ORG") == [(0, 1), (2, 3)]
    assert bio_spans(["B-IND", "I-IND"], "ORG") == []


def test_sentence_doc_and_dedupe() -> None:
    vocab = spacy.blank("id").vocab
    sent = parse_bio(TAB_BIO, "ORGANIZATION")[0]
    doc = sentence_doc(vocab, sent)
    assert [(e.text, e.label_) for e in doc.ents] == [("Badan Pusat Statistik", ORG)]
    assert all(t.ent_iob_ == "O" for t in doc if not t.ent_type_)
    twin = Sentence(tuple(w.lower() for w in sent.words), ())
    assert drop_overlap([sent], {twin.key()}) == []  # matched lowercased (nerp is lowercased)


def test_longest_non_overlapping() -> None:
    title = "Majelis Ulama Indonesia (MUI) Kota Sukabumi minta warga tenang"
    full, inner = (0, 43), (25, 28)  # the whole name and "MUI" inside it
    assert title[slice(*full)].endswith("Sukabumi") and title[slice(*inner)] == "MUI"
    assert longest_non_overlapping([inner, full, inner]) == [full]
    assert longest_non_overlapping([(0, 5), (3, 9), (10, 12)]) == [(3, 9), (10, 12)]  # overlap: longer wins
    assert longest_non_overlapping([(0, 4), (2, 6)]) == [(0, 4)]  # equal length: the earlier
    assert longest_non_overlapping([(5, 5), (0, 2), (2, 4)]) == [(0, 2), (2, 4)]  # touching is not overlapping


def test_segments_never_cut_a_mention() -> None:
    text = ("Dinas Kesehatan NTB menggelar rapat. Warga datang.\n\nForum Warga\nPeduli hadir. " + "Lagi. " * 40).strip()
    name = text.index("Forum Warga")
    spans = [(0, 19), (name, name + len("Forum Warga\nPeduli"))]
    segs = segments(text, spans, max_chars=60)
    assert all(not (a < s < b or a < e < b) or (a <= s and e <= b) for a, b in segs for s, e in spans)
    assert any(a <= spans[1][0] and spans[1][1] <= b for a, b in segs)  # the name with a line break stays whole
    assert all(text[a:b] == text[a:b].strip() and b - a <= 60 + 30 for a, b in segs)


def test_span_doc_marks_misaligned_mentions_missing() -> None:
    nlp = spacy.blank("id")
    text = "Kantor KPUD-nya dan Dinas Sosial Kota Mataram"
    doc, bad = span_doc(nlp.make_doc, text, [(7, 10), (20, 45)])  # "KPU" inside the token "KPUD-nya"
    assert bad == 1
    assert [e.text for e in doc.ents] == ["Dinas Sosial Kota Mataram"]
    assert any(t.ent_iob == 0 for t in doc)  # the misaligned token: no label
    assert doc[0].ent_iob_ == "O"


def test_round2_conversion_uses_only_dev_rows() -> None:
    nlp = spacy.blank("id")
    text = "Pemkab Lombok Timur dan Badan Pusat Statistik (BPS) gelar rapat.\nWarga hadir."
    title = text.split(".")[0]  # IndoSum style: the title is the text's first sentence
    row = {"corpus": "c", "id": "1", "split": "dev", "partners": [
        {"name": "Pemerintah Kabupaten Lombok Timur", "mentions": [
            {"field": "title", "start": 0, "end": 19}, {"field": "text", "start": 0, "end": 19}]},
        {"name": "Badan Pusat Statistik", "mentions": [
            {"field": "text", "start": 24, "end": 51}, {"field": "text", "start": 47, "end": 50}]}]}
    articles = {("c", "1"): SimpleNamespace(title=title, text=text)}
    docs, counts = round2_docs(nlp.make_doc, [row], articles)
    assert counts["articles"] == 1 and counts["misaligned"] == 0
    # the text starts with the title, so the title is not a doc of its own; nested "BPS" gives way
    assert [[e.text for e in d.ents] for d in docs] == [
        ["Pemkab Lombok Timur", "Badan Pusat Statistik (BPS)"], []]
    assert len(list(article_segments(row, "Rapat di Selong", text))) == 3  # a separate title is its own doc
    with pytest.raises(ValueError, match="not in the dev split"):
        round2_docs(nlp.make_doc, [dict(row, split="heldout_regional")], articles)
    assert counts["missing_articles"] == 0


def test_docbin_roundtrip(tmp_path: Path) -> None:
    nlp = spacy.blank("id")
    docs = [sentence_doc(nlp.vocab, s) for s in parse_bio(TAB_BIO, "ORGANIZATION")]
    assert write_docbin(docs, tmp_path / "x.spacy") == 2
    from spacy.tokens import DocBin

    back = list(DocBin().from_disk(tmp_path / "x.spacy").get_docs(nlp.vocab))
    assert [[e.text for e in d.ents] for d in back] == [["Badan Pusat Statistik"], ["Walhi NTB"]]


def test_holdout_is_deterministic_and_about_fifteen_percent() -> None:
    keys = [("detik2026", f"a{i}") for i in range(200)]
    first = holdout_keys(keys)
    assert first == holdout_keys(reversed(keys)) and len(first) == 30


def test_recogniser_missing_model_folder(tmp_path: Path) -> None:
    with pytest.raises(RecogniserMissing, match="train-recogniser"):
        Recogniser.load(tmp_path / "nothing")
    assert issubclass(RecogniserMissing, FileNotFoundError)


def test_cli_without_shared_data_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["partners", "train-recogniser", "--corpus-dir", str(tmp_path / "none"),
                                       "--output", str(tmp_path / "model")])
    assert result.exit_code == 2
    assert "shared NER data not found" in result.output
    assert not (tmp_path / "model").exists()


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not NER_DIR.is_dir(), reason=f"shared NER sets not found at {NER_DIR}")
def test_tiny_training_run(tmp_path: Path) -> None:
    from monitor.analyse.partners.ner_train import train_recogniser

    out = tmp_path / "ner"
    report = train_recogniser(out, max_steps=30, max_epochs=1, limit=60, max_minutes=3, throughput_articles=20)
    assert {"round2_dev", "nerui_test", "idner2k_test"} <= set(report["scores"])
    assert (out / "card.md").is_file() and (out / "scores.json").is_file()
    for name in ("card.md", "scores.json", "config.cfg"):  # no machine paths in what gets committed
        text = (out / name).read_text(encoding="utf-8")
        assert str(tmp_path) not in text and str(PROJECT_ROOT) not in text, name
    assert report["throughput"]["articles"] == 20 and report["scores"]["round2_dev"]["docs"] > 0
    rec = Recogniser.load(out)
    found = rec.spans(["Kepala Dinas Pekerjaan Umum Kabupaten Lombok Timur meninjau jalan.", ""])
    assert len(found) == 2 and found[1] == []
    assert all(isinstance(s, int) and isinstance(e, int) and isinstance(t, str) for s, e, t in found[0])


@pytest.mark.skipif(not (DEFAULT_MODEL_DIR / "meta.json").is_file(), reason="no committed model in models/partners_ner")
def test_committed_model_finds_an_obvious_organisation() -> None:
    rec = Recogniser.load()
    texts = ["Komisi Pemberantasan Korupsi (KPK) menahan dua pejabat Dinas Kesehatan Provinsi Nusa Tenggara Barat.",
             "Kepala Dinas Pekerjaan Umum Kabupaten Lombok Timur meninjau jembatan yang rusak di Desa Sembalun.",
             "Hujan turun sejak pagi dan warga memilih tinggal di rumah."]
    found = rec.spans(texts)
    for text, spans in zip(texts, found):
        assert all(text[s:e] == t for s, e, t in spans)
    assert any(t.startswith("Komisi Pemberantasan Korupsi") for _s, _e, t in found[0]), found[0]
    assert any("Dinas Pekerjaan Umum" in t for _s, _e, t in found[1]), found[1]
    assert found[2] == []
