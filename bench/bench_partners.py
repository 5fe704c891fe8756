"""Throughput and memory of partner extraction on the shared labelled articles.

Usage: python bench/bench_partners.py [--labels PATH] [--corpus-dir DIR] [--batch-size N] [--repeat N]
                                      [--eval] [--heldout] [--recogniser [PATH]]

Prints articles/s for PartnerExtractor.extract_many (nlp.pipe) and for one-by-one extract(),
the time to build the pipeline, and peak memory (tracemalloc for Python allocations during the
run, ru_maxrss for the whole process). Texts are read from the shared corpora, never copied.

Also the time each pipeline component takes per article (masking and tokenising, gazetteer,
units, context, named, rules, recogniser when asked for, resolver, folding).

--eval also scores the dev split of the shared gold and our own annotated extra set
(corpora/partners_extra.jsonl); --heldout adds the held-out split (report it, never tune on it).
--recogniser adds the trained recogniser (models/partners_ner or PATH) to the pipeline.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from monitor.analyse.corpus import PROJECT_ROOT, load_corpus, read_labels  # noqa: E402
from monitor.analyse.partners import PartnerExtractor, evaluate, gold_partner_rows  # noqa: E402

DEFAULT_LABELS = PROJECT_ROOT.parent / "shared" / "corpora" / "labels" / "issues.jsonl"
EXTRA_LABELS = PROJECT_ROOT / "corpora" / "partners_extra.jsonl"


def score(ex: PartnerExtractor, name: str, rows: list[dict]) -> None:
    res = evaluate(rows, lambda r: ex.extract(r["text"], r["title"]))
    print(f"{name}: {res['articles']} articles, TP {res['tp']} FP {res['fp']} FN {res['fn']}: "
          f"P {res['precision']:.3f} R {res['recall']:.3f} F1 {res['f1']:.3f}")


def print_component_costs(ex: PartnerExtractor, sample: list[tuple[str, str]]) -> None:
    """Milliseconds per article spent in each step, running the components one by one."""
    costs: dict[str, float] = {"mask + tokenise": 0.0}
    for name, _ in ex.nlp.pipeline:
        costs[name] = 0.0
    costs["fold"] = 0.0
    for text, title in sample:
        t0 = time.perf_counter()
        doc = ex._prepare(text, title)
        costs["mask + tokenise"] += time.perf_counter() - t0
        for name, proc in ex.nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            costs[name] += time.perf_counter() - t0
        t0 = time.perf_counter()
        ex.partners(doc)
        costs["fold"] += time.perf_counter() - t0
    total = sum(costs.values())
    print(f"cost per component ({len(sample)} articles, one by one):")
    for name, sec in costs.items():
        print(f"  {name:<22} {1000 * sec / len(sample):7.2f} ms/article ({100 * sec / total:4.1f}%)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", default=str(DEFAULT_LABELS))
    ap.add_argument("--corpus-dir", default=None)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--repeat", type=int, default=1, help="passes over the articles for the pipe timing")
    ap.add_argument("--eval", action="store_true", help="also score dev and the extra annotated set")
    ap.add_argument("--heldout", action="store_true", help="also score the held-out split")
    ap.add_argument("--recogniser", nargs="?", const=True, default=False,
                    help="add the trained recogniser (default models/partners_ner)")
    args = ap.parse_args()

    if not Path(args.labels).is_file():
        print(f"labels not found: {args.labels}", file=sys.stderr)
        return 2
    corpus = load_corpus(args.corpus_dir)
    rows = read_labels(args.labels)
    items = [(corpus[(r["corpus"], r["id"])].text, corpus[(r["corpus"], r["id"])].title)
             for r in rows if (r["corpus"], r["id"]) in corpus]
    chars = sum(len(t) for t, _ in items)
    print(f"articles: {len(items)} labelled ({chars / max(1, len(items)):.0f} characters on average)")

    t0 = time.perf_counter()
    ex = PartnerExtractor(recogniser=args.recogniser)
    build = time.perf_counter() - t0
    print(f"pipeline build: {build:.2f} s ({len(ex.config.entries)} gazetteer organisations, "
          f"{len(ex.config.units)} unit templates)")

    # timing without tracemalloc, which would slow the run several-fold
    t0 = time.perf_counter()
    n_partners = 0
    for _ in range(args.repeat):
        for parts in ex.extract_many(items, batch_size=args.batch_size):
            n_partners += len(parts)
    dt = time.perf_counter() - t0
    total = len(items) * args.repeat
    print(f"extract_many (batch {args.batch_size}): {total / dt:.1f} articles/s "
          f"({1000 * dt / total:.2f} ms/article, {n_partners / total:.2f} partners/article)")

    sample = items[: min(300, len(items))]
    t0 = time.perf_counter()
    for text, title in sample:
        ex.extract(text, title)
    dt1 = time.perf_counter() - t0
    print(f"extract one by one: {len(sample) / dt1:.1f} articles/s")
    print_component_costs(ex, sample)

    # memory: a separate pass under tracemalloc, pipeline build included
    tracemalloc.start()
    ex2 = PartnerExtractor()
    for _ in ex2.extract_many(items, batch_size=args.batch_size):
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(f"peak traced Python memory (build + one pass): {peak / 2**20:.1f} MiB; "
          f"process max RSS: {maxrss_kb / 1024:.1f} MiB")

    if args.eval or args.heldout:
        parts = (["dev"] if args.eval else []) + (["heldout"] if args.heldout else [])
        for part in parts:
            score(ex, part, gold_partner_rows(args.labels, args.corpus_dir, part=part))
        if args.eval and EXTRA_LABELS.is_file():
            score(ex, "extra", gold_partner_rows(EXTRA_LABELS, args.corpus_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
