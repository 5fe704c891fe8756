"""Choose shared articles for partner-organisation annotation (codebook section 2).

Only corpora whose text is intact (not clickid2019, whose scraper dropped linked names). Articles
already annotated (the shared partner labels, corpora/partners_extra.jsonl and earlier queues)
are left out. Two pools:
- ``regional``: stories about a province, kabupaten or kota government (two or more different
  regional-government words, e.g. "Pemkab", "Bupati", "DPRD", "Dinas"); the first
  ``--heldout`` of them, in seeded random order, form the regional held-out set;
- ``general``: a seeded random sample of the rest.

Usage: python tools/select_for_partners.py OUT.jsonl --regional 220 --heldout 70 --general 200 --seed 2029
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from monitor.analyse.corpus import load_corpus, read_labels  # noqa: E402

REGIONAL_WORDS = re.compile(
    r"\b(Pemprov|Pemkab|Pemkot|Pemerintah Provinsi|Pemerintah Kabupaten|Pemerintah Kota|Bupati|Wali ?kota|"
    r"Gubernur|DPRD|Dinas|Bappeda|BPBD|Satpol PP|Sekda|RSUD|Kabupaten|Kota [A-Z]|Provinsi|Kecamatan|Camat|"
    r"Polres|Polda|Kejari|Kejati|Pengadilan Negeri|Desa [A-Z])\b")
MAX_CHARS = 6000  # annotators read the whole text; longer articles are left out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--regional", type=int, default=220)
    ap.add_argument("--heldout", type=int, default=70)
    ap.add_argument("--general", type=int, default=200)
    ap.add_argument("--seed", type=int, default=2029)
    ap.add_argument("--exclude", nargs="*", default=["corpora/partners_extra.jsonl"])
    args = ap.parse_args()
    rng = random.Random(args.seed)
    corpus = load_corpus()
    shared = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "labels" / "issues.jsonl"
    taken = {(r["corpus"], r["id"]) for r in read_labels(shared) if r.get("partners") is not None}
    for path in args.exclude:
        taken |= {(r["corpus"], r["id"]) for r in read_labels(path)}
    pool = sorted(k for k, a in corpus.items() if k[0] != "clickid2019" and k not in taken
                  and 400 < len(a.text) <= MAX_CHARS)
    regional = [k for k in pool if len(set(m.group(1).lower() for m in REGIONAL_WORDS.finditer(
        corpus[k].title + " " + corpus[k].text))) >= 2]
    rng.shuffle(regional)
    chosen = regional[: args.regional]
    rest = sorted(set(pool) - set(chosen))
    rng.shuffle(rest)
    general = rest[: args.general]
    with open(args.out, "w", encoding="utf-8") as fh:
        for n, (c, i) in enumerate(chosen):
            split = "heldout_regional" if n < args.heldout else "dev"
            why = f"regional-government story (two or more regional-government words), seed {args.seed}"
            fh.write(json.dumps({"corpus": c, "id": i, "selected_by": why, "regional": True, "split": split},
                                ensure_ascii=False) + "\n")
        for c, i in general:
            fh.write(json.dumps({"corpus": c, "id": i, "selected_by": f"random, intact corpora, seed {args.seed}",
                                 "regional": False, "split": "dev"}, ensure_ascii=False) + "\n")
    print(f"regional pool {len(regional)}, chosen {len(chosen)} ({args.heldout} held out), general {len(general)}")


if __name__ == "__main__":
    main()
