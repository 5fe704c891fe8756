"""Choose unlabelled shared articles for the next annotation batches (active learning).

Three ways of choosing, recorded in each label's `selected_by`:
- ``uncertainty``: a TF-IDF + logistic-regression model trained on every label so far;
  articles whose probability for some issue is closest to the decision boundary.
- ``weak-issue search``: articles that a per-issue query of codebook vocabulary ranks
  highest for the weak issues, ranked by model probability; the annotator decides by reading.
- ``random``: a uniform sample of what is left, to keep the label distribution honest.

Usage: python tools/select_for_labelling.py OUT_DIR --batches 5 --per-batch 320 --seed 7
Writes OUT_DIR/batch_K.jsonl with {corpus, id, selected_by} lines.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from monitor.analyse.corpus import clickid_desk, load_corpus, read_labels  # noqa: E402

ISSUES = ["anti_corruption_budget", "civic_space_democracy", "inclusive_public_services",
          "access_to_justice", "gender_disability_inclusion", "energy_environment_resources"]

# Search vocabulary for likely positives; a hit only nominates an article for reading.
QUERIES = {
    "access_to_justice": r"bantuan hukum|\bLBH\b|YLBHI|Komnas HAM|\bLPSK\b|praperadilan|restorative|keadilan restoratif|"
                         r"salah tangkap|kriminalisasi|Propam|kode etik polisi|pelanggaran HAM|\bKUHAP\b|\bKUHP\b|"
                         r"peninjauan kembali|Komisi Yudisial|mafia peradilan|penyiksaan|saksi dan korban|hak asasi|"
                         # second round: broader justice-process vocabulary
                         r"hakim|jaksa|pengadilan|vonis|banding|kasasi|lapas|narapidana|remisi|advokat|pengacara|"
                         r"hukuman mati|eksekusi mati|grasi|amnesti|abolisi|penahanan|tahanan|polisi|\bHAM\b|"
                         r"Mahkamah Agung|Mahkamah Konstitusi|uji materi|judicial review|sengketa|penggusuran",
    "gender_disability_inclusion": r"perempuan|disabilitas|difabel|penyandang|kekerasan seksual|pelecehan seksual|"
                                   r"\bKDRT\b|pernikahan dini|perkawinan anak|kesetaraan gender|\bTPKS\b|pemerkosaan|"
                                   r"masyarakat adat|lansia|kaum marginal|pencabulan|Komnas Perempuan|KPAI|perlindungan anak|"
                                   r"\banak\b|ibu|wanita|gender|rohingya|toleransi|intoleransi|diskriminasi|"
                                   r"rasis|pengungsi|LGBT|buruh migran|TKI|PMI|yatim|kemiskinan",
    "energy_environment_resources": r"tambang|pertambangan|batu bara|\bPLN\b|listrik|energi terbarukan|sampah|"
                                    r"deforestasi|hutan|kebakaran hutan|\bBBM\b|pencemaran|limbah|perubahan iklim|emisi|"
                                    r"nikel|smelter|konservasi|nelayan|perikanan|\bWALHI\b|tata ruang|DAS",
    "inclusive_public_services": r"BPJS|puskesmas|rumah sakit|\bPPDB\b|\bSPMB\b|bansos|bantuan sosial|\bPKH\b|\bBLT\b|"
                                 r"\bKTP\b|e-KTP|adminduk|Dukcapil|pelayanan publik|Ombudsman|air bersih|PDAM|"
                                 r"makan bergizi|\bMBG\b|sekolah|layanan kesehatan|transportasi umum",
    "civic_space_democracy": r"pilkada|pemilu|\bKPU\b|Bawaslu|\bDKPP\b|unjuk rasa|demonstrasi|jurnalis|wartawan|"
                             r"UU ITE|kebebasan pers|kebebasan berpendapat|keterbukaan informasi|Komisi Informasi|"
                             r"musrenbang|partisipasi publik|\bDPR\b|hak angket|aktivis|ormas",
    "anti_corruption_budget": r"korupsi|\bKPK\b|suap|gratifikasi|pungli|APBD|APBN|dana desa|pengadaan|\bBPK\b|"
                              r"BPKP|anggaran|tipikor|LHKPN|Inspektorat|defisit",
}


def desk_of(article) -> str:
    """The clickid2019 desk of an article ('regional', 'news', 'other'); other corpora count as news."""
    return clickid_desk(article.category) if article.corpus == "clickid2019" else "news"


def write_random_sample(args, corpus, pool, rng) -> None:
    """A uniform sample of the clickid2019 news and regional desks, drawn before any model is fitted."""
    desk_pool = sorted(k for k in pool if k[0] == "clickid2019" and desk_of(corpus[k]) != "other")
    sample = rng.sample(desk_pool, args.per_batch)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / f"{args.prefix}.jsonl", "w", encoding="utf-8") as fh:
        for c, i in sample:
            why = f"random within clickid2019 news and regional desks (second test set, seed {args.seed})"
            fh.write(json.dumps({"corpus": c, "id": i, "selected_by": why}, ensure_ascii=False) + "\n")
    print("sampled", len(sample), "of", len(desk_pool))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--labels", nargs="*", default=["../shared/corpora/labels/issues.jsonl"])
    ap.add_argument("--batches", type=int, default=5)
    ap.add_argument("--per-batch", type=int, default=320)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--exclude", nargs="*", default=[], help="queue files whose articles are already taken")
    ap.add_argument("--search-share", type=float, default=0.55)
    ap.add_argument("--uncertainty-share", type=float, default=0.30)
    ap.add_argument("--prefix", default="batch_")
    ap.add_argument("--first", type=int, default=1, help="number of the first batch written")
    ap.add_argument("--pool-corpus", nargs="*", default=[], help="choose only from these corpora")
    ap.add_argument("--target", type=int, default=260, help="positives wanted per issue (search budget split)")
    ap.add_argument("--random-only", action="store_true",
                    help="a uniform sample of clickid2019 news and regional desks (a test set no model has seen)")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    corpus = load_corpus()
    labelled = {}
    for path in args.labels:
        for row in read_labels(path):
            labelled[(row["corpus"], row["id"])] = set(row["issues"])
    keys_l = [k for k in labelled if k in corpus]
    doc = lambda a: f"{a.title}\n{a.text}"  # noqa: E731
    vec = TfidfVectorizer(sublinear_tf=True, min_df=2, max_features=60000, ngram_range=(1, 2))
    X_all = vec.fit_transform([doc(a) for a in corpus.values()])
    index = {k: i for i, k in enumerate(corpus)}
    Xl = X_all[[index[k] for k in keys_l]]
    taken = {(r["corpus"], r["id"]) for path in args.exclude for r in read_labels(path)}
    pool = [k for k in corpus if k not in labelled and k not in taken and len(corpus[k].text) > 200
            and (not args.pool_corpus or k[0] in args.pool_corpus)]
    if args.random_only:
        write_random_sample(args, corpus, pool, rng)
        return
    Xp = X_all[[index[k] for k in pool]]
    probs = np.zeros((len(pool), len(ISSUES)))
    for j, issue in enumerate(ISSUES):
        y = np.array([issue in labelled[k] for k in keys_l])
        clf = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000).fit(Xl, y)
        probs[:, j] = clf.predict_proba(Xp)[:, 1]

    total = args.batches * args.per_batch
    chosen: dict[tuple[str, str], str] = {}
    # 1. weak-issue search: ~55% of the budget, split by how far each issue is from 250 positives.
    pos = {i: sum(i in v for v in labelled.values()) for i in ISSUES}
    need = {i: max(0, args.target - pos[i]) for i in ISSUES}
    budget = int(total * args.search_share)
    for j, issue in enumerate(sorted(ISSUES, key=lambda i: -need[i])):
        share = int(budget * need[issue] / max(1, sum(need.values())))
        rx = re.compile(QUERIES[issue], re.I)
        jj = ISSUES.index(issue)
        hits = [(probs[n, jj] + 0.05 * min(len(rx.findall(doc(corpus[k]))), 6), k)
                for n, k in enumerate(pool) if k not in chosen and rx.search(doc(corpus[k]))]
        hits.sort(reverse=True)
        for _, k in hits[:share]:
            chosen[k] = f"weak-issue search: {issue}"
    # 2. uncertainty: max over issues of closeness to 0.5 (balanced LR), ~30% of the budget.
    margin = np.abs(probs - 0.5).min(axis=1)
    order = np.argsort(margin)
    want = len(chosen) + int(total * args.uncertainty_share)
    for n in order:
        if len(chosen) >= want:
            break
        k = pool[n]
        if k not in chosen:
            chosen[k] = f"uncertainty (min |p-0.5| = {margin[n]:.2f})"
    # 3. random remainder, within the news and regional desks where the pool has them.
    rest = [k for k in pool if k not in chosen and desk_of(corpus[k]) != "other"]
    rng.shuffle(rest)
    for k in rest[: total - len(chosen)]:
        chosen[k] = "random" if k[0] != "clickid2019" else f"random within {desk_of(corpus[k])} desks"

    items = list(chosen.items())
    rng.shuffle(items)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for b in range(args.batches):
        with open(out / f"{args.prefix}{b + args.first}.jsonl", "w", encoding="utf-8") as fh:
            for (c, i), why in items[b::args.batches]:
                fh.write(json.dumps({"corpus": c, "id": i, "selected_by": why}, ensure_ascii=False) + "\n")
    print({k: v for k, v in pos.items()}, "chosen", len(items))


if __name__ == "__main__":
    main()
