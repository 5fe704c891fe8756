"""Throughput and memory of issue classification on real shared articles, on one core.

Usage: python bench/bench_classify.py [--n 2000] [--cli-n 300] [--batch-size 256] [--model-dir DIR]
                                      [--corpus-dir DIR] [--skip-cli] [--json OUT]

Every measurement runs in a fresh Python process (cold start: import, ``load_model``, which
primes the stem cache from the artifact) with OMP/OPENBLAS/MKL threads set to 1:

- ``tag``: ``IssueModel.tag`` in batches (as ``monitor classify`` calls it), without and with
  evidence; the same with an empty stem cache (every word form is new to the process: the
  worst case for unseen regional vocabulary); and one article per call (as the collection
  cycle calls it).
- ``memory``: peak Python allocations during tagging (tracemalloc, timed separately because
  tracing slows the run) and the process peak RSS (ru_maxrss) after loading and tagging.
- ``monitor classify`` end to end on a JSONL file of the same articles, partners off and on:
  wall time per run, start-up time (one-article file) and the partner extraction overhead.

Texts are read from the shared corpora and written only to a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ONE_CORE = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
for _k, _v in ONE_CORE.items():
    os.environ.setdefault(_k, _v)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def articles(n: int, corpus_dir: str | None) -> list[dict]:
    """``n`` shared articles in a fixed order, spread over all corpora (every k-th article)."""
    from monitor.analyse.corpus import load_corpus

    arts = [a for a in load_corpus(corpus_dir).values() if a.text.strip()]
    step = max(1, len(arts) // n)
    return [{"id": f"{a.corpus}:{a.id}", "title": a.title, "text": a.text} for a in arts[::step][:n]]


# ------------------------------------------------------------------ child measurements

def child(mode: str, args: argparse.Namespace) -> dict:
    import resource

    t0 = time.perf_counter()
    from monitor.analyse import textnorm
    from monitor.analyse.classify import load_model

    model = load_model(args.model_dir)
    load_s = time.perf_counter() - t0  # imports included: this is what a fresh process pays
    rss_model = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    items = [(r["title"], r["text"]) for r in articles(args.n, args.corpus_dir)]
    out = {"mode": mode, "articles": len(items), "load_s": round(load_s, 3), "rss_after_load_mb": round(rss_model, 1),
           "chars_per_article": round(sum(len(x) for _, x in items) / max(1, len(items)))}
    if mode == "unprimed":
        textnorm._STEMS.clear()  # no word form known: Sastrawi runs once per new form
    evidence = mode != "noev"
    if mode == "memory":
        import tracemalloc

        tracemalloc.start()
        for start in range(0, len(items), args.batch_size):
            model.tag(items[start:start + args.batch_size], evidence=True)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out["tracemalloc_peak_mb"] = round(peak / 2**20, 1)
    elif mode == "single":
        t0 = time.perf_counter()
        tagged = [model.tag([it], evidence=True)[0] for it in items]
        dt = time.perf_counter() - t0
        out.update(seconds=round(dt, 2), articles_per_s=round(len(items) / dt, 1),
                   tagged_share=round(sum(bool(t.issues) for t in tagged) / len(items), 3))
    else:
        t0 = time.perf_counter()
        tagged = []
        for start in range(0, len(items), args.batch_size):
            tagged += model.tag(items[start:start + args.batch_size], evidence=evidence)
        dt = time.perf_counter() - t0
        out.update(seconds=round(dt, 2), articles_per_s=round(len(items) / dt, 1),
                   tagged_share=round(sum(bool(t.issues) for t in tagged) / len(items), 3))
    out["ru_maxrss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def run_child(mode: str, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--n", str(args.n), "--batch-size", str(args.batch_size)]
    for opt in ("model_dir", "corpus_dir"):
        if getattr(args, opt):
            cmd += [f"--{opt.replace('_', '-')}", getattr(args, opt)]
    res = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **ONE_CORE})
    if res.returncode:
        raise SystemExit(f"child {mode} failed:\n{res.stderr}")
    return json.loads(res.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ monitor classify end to end

def monitor_cmd() -> list[str]:
    return [sys.executable, "-c", "from monitor.cli import main; main()"]


def time_cli(path: Path, out: Path, partners: bool, config: Path | None) -> float:
    cmd = monitor_cmd() + (["--config", str(config)] if config else [])
    cmd += ["classify", str(path), "-o", str(out)] + ([] if partners else ["--no-partners"])
    t0 = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **ONE_CORE}, cwd=ROOT)
    dt = time.perf_counter() - t0
    if res.returncode:
        raise SystemExit(f"monitor classify failed:\n{res.stderr}")
    return dt


def cli_bench(args: argparse.Namespace) -> dict:
    rows = articles(args.cli_n, args.corpus_dir)
    with tempfile.TemporaryDirectory() as tmp:
        big, one, out = Path(tmp) / "in.jsonl", Path(tmp) / "one.jsonl", Path(tmp) / "out.jsonl"
        big.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        one.write_text(json.dumps(rows[0], ensure_ascii=False) + "\n", encoding="utf-8")
        config = None
        if args.model_dir:  # a config directory whose settings point at that model
            config = Path(tmp) / "config"
            config.mkdir()
            model_dir = json.dumps(str(Path(args.model_dir).resolve()))
            (config / "settings.toml").write_text(f"[classify]\nmodel_dir = {model_dir}\n", encoding="utf-8")
        res: dict = {"articles": len(rows)}
        for partners in (False, True):
            key = "partners_on" if partners else "partners_off"
            start = time_cli(one, out, partners, config)
            total = time_cli(big, out, partners, config)
            lines = sum(1 for _ in open(out, encoding="utf-8"))
            res[key] = {"wall_s": round(total, 2), "startup_s": round(start, 2), "lines": lines,
                        "articles_per_s_after_startup": round(len(rows) / max(1e-9, total - start), 1)}
        off, on = res["partners_off"], res["partners_on"]
        res["partner_overhead_s"] = round(on["wall_s"] - off["wall_s"], 2)
        res["partner_overhead_ms_per_article"] = round(1000 * (on["wall_s"] - on["startup_s"] - off["wall_s"]
                                                               + off["startup_s"]) / len(rows), 2)
        res["partner_overhead_factor"] = round(on["wall_s"] / off["wall_s"], 2)
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="articles for the tag() measurements")
    ap.add_argument("--cli-n", type=int, default=300, help="articles for the monitor classify runs")
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--model-dir", default=None)
    ap.add_argument("--corpus-dir", default=None)
    ap.add_argument("--skip-cli", action="store_true")
    ap.add_argument("--json", help="also write the results to this file")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args)))
        return 0

    results: dict = {"one_core": ONE_CORE}
    labels = {"noev": "tag, no evidence", "ev": "tag, with evidence",
              "unprimed": "tag, with evidence, empty stem cache (all words new)",
              "single": "tag, one article per call, with evidence"}
    for mode, label in labels.items():
        r = results[mode] = run_child(mode, args)
        print(f"{label:55s} {r['articles_per_s']:8.1f} articles/s  ({r['articles']} articles, "
              f"{r['chars_per_article']} chars avg; imports + load_model {r['load_s']:.2f} s; "
              f"tagged {r['tagged_share']:.0%})", flush=True)
    m = results["memory"] = run_child("memory", args)
    print(f"{'memory while tagging with evidence':55s} tracemalloc peak {m['tracemalloc_peak_mb']:.1f} MB; "
          f"process peak RSS {m['rss_after_load_mb']:.0f} MB after imports + load_model, {m['ru_maxrss_mb']:.0f} MB "
          f"at the end (the benchmark itself holds all shared articles in memory)", flush=True)
    if not args.skip_cli:
        c = results["cli"] = cli_bench(args)
        for key in ("partners_off", "partners_on"):
            r = c[key]
            print(f"monitor classify, {key.replace('_', ' '):13s} {c['articles']} articles: {r['wall_s']:.2f} s wall "
                  f"(start-up {r['startup_s']:.2f} s; {r['articles_per_s_after_startup']:.1f} articles/s after it)")
        print(f"partner extraction overhead: +{c['partner_overhead_s']:.2f} s "
              f"({c['partner_overhead_ms_per_article']:.2f} ms/article, x{c['partner_overhead_factor']:.2f} wall)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
