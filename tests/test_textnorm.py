"""Indonesian normalisation: tokens, stems, sentences."""

from monitor.analyse.textnorm import analyze, sentences, tokens


def test_sentences_keep_titles_and_abbreviations_inside() -> None:
    text = ("Kepala Dinas ESDM NTB, Ir. Samsudin, mengatakan PLN siap. Warga menyambut baik.\n"
            "Bupati H. Ahmad, S.H., M.Si. hadir bersama Dr. Rina dll.\nParagraf baru.")
    assert sentences(text) == ["Kepala Dinas ESDM NTB, Ir. Samsudin, mengatakan PLN siap.", "Warga menyambut baik.",
                               "Bupati H. Ahmad, S.H., M.Si. hadir bersama Dr. Rina dll.", "Paragraf baru."]


def test_affixes_are_stemmed_and_punctuation_dropped() -> None:
    assert tokens("Dana desa, dikorupsikan!") == ["dana", "desa", "dikorupsikan"]
    assert analyze("korupsinya dikorupsikan korupsi") == ["korupsi", "korupsi", "korupsi"]
