"""Print queued articles for reading: python tools/show_articles.py QUEUE.jsonl START COUNT [--chars N]."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from monitor.analyse.corpus import load_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("queue")
    ap.add_argument("start", type=int)
    ap.add_argument("count", type=int)
    ap.add_argument("--chars", type=int, default=2500)
    args = ap.parse_args()
    corpus = load_corpus()
    rows = [json.loads(x) for x in open(args.queue, encoding="utf-8") if x.strip()]
    for n, row in enumerate(rows[args.start: args.start + args.count], args.start):
        a = corpus[(row["corpus"], row["id"])]
        text = a.text if len(a.text) <= args.chars else a.text[: args.chars] + " [...]"
        print(f"=== #{n} corpus={a.corpus} id={a.id} source={a.source} date={a.date} category={a.category}")
        print(f"TITLE: {a.title}")
        print(text)
        print()


if __name__ == "__main__":
    main()
