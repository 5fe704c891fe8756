#!/usr/bin/env python
"""Language identification for the classifier's gate and the extractor's ``lang``: candidates compared.

    python bench/bench_langid.py [--per-corpus 200] [--per-source 120] [--cap 400]
                                 [--corpus-dir DIR] [--skip-lingua-all] [--json OUT]

Question: which texts does each candidate call Indonesian? Indonesian must be recognised even
when short (a 54-word news item was dropped by the old function-word rule), and English, Malay
and other languages must not be.

Candidates (each decides "Indonesian" when its answer is ``id``):

- ``rule: gate``: the classifier's gate before this change (at least 25 words and at least 10%
  spaCy "id" stopwords among them);
- ``rule: share only``: the same 10% share without the 25-word minimum;
- ``rule: extractor``: the extractor's old ``detect_language`` (function-word shares, id vs en);
- ``py3langid``: all its 140 labels, and restricted to ``PY3LANGID_SET``;
- ``lingua``: all its 75 languages (high accuracy mode), restricted to ``LINGUA_SET`` (high and
  low accuracy mode);
- ``pycld2``: Chromium's CLD2 as plain text, by default (``un`` when it cannot tell, counted as not
  Indonesian) and with ``bestEffort`` (an answer even for short text); it cannot be restricted;
- ``monitor``: what ships: ``monitor.collect.extract.language.detect_language`` (py3langid on
  ``LANGUAGES``, 400-character windows; Indonesian when most probable or P(id) >= 0.4, 0.2 under
  30 words; None under 4 words), and the classifier's gate
  ``monitor.analyse.classify.language_problem`` (the same, and at least 6 words); then the
  shipped identifier with other cuts on P(id).

Every model ships inside its PyPI package; nothing is downloaded. The candidates read the first
``--cap`` characters of a text (default: the monitor's window, 400); the monitor reads that
window and, only when it is not Indonesian, a window from the middle and one near the end.

Texts (all read offline from this machine; nothing here is Indonesian news except the first):

- Indonesian news: every corpus of ``monitor.analyse.corpus.load_corpus()`` (../shared/corpora),
  ``--per-corpus`` articles each (evenly spaced), as the headline alone, the body cut to its first
  20, 40, 54 and 100 words (only articles that long) and the whole body.
- Indonesian, not news: the ``id`` gettext catalogues in /usr/share/locale (UI strings of glib,
  coreutils, git, ...), joined into 200-word texts: recall outside the news register.
- English: (1) paragraphs of the licence texts in /usr/share/common-licenses and in the
  ``*.dist-info/LICENSE*`` files of site-packages, (2) the docstrings of the Python standard
  library modules (read with ``ast``, not imported; doctest and code lines dropped), (3) the
  English source strings (msgid) of the Malay gettext catalogues, joined into texts of up to 200
  words; (4) the one English news page among ../shared/fixtures (``ENGLISH_FIXTURE``,
  en.tempo.co), its paragraphs joined into 100-word texts.
- Malay: the translated strings (msgstr) of the ``ms`` gettext catalogues in /usr/share/locale
  (Linux-PAM, coreutils, glib, gtk, findutils, ...; Malaysian translators) and the example
  sentences of spaCy's ``ms`` language; 200-word texts. This is the hard case: Malay and
  Indonesian share most of their vocabulary.
- Tagalog (``tl`` and ``fil`` catalogues) and Dutch (``nl`` catalogues): two more Latin-script
  languages, the first Austronesian like Indonesian.
- No Javanese, Sundanese or Acehnese text exists on this machine (no catalogues), so those
  are not measured.

Non-Indonesian texts are cut to 20, 40, 54, 100 words and whole as well. Speed is measured in
the same pass as accuracy, on one core (CPU affinity set to one CPU, BLAS threads 1), over every
text, after loading the model (load time reported apart).
"""

from __future__ import annotations

import argparse
import ast
import gettext
import json
import os
import re
import sys
import sysconfig
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

for _k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
    os.environ.setdefault(_k, "1")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BUCKETS = ("title", "20", "40", "54", "100", "whole")
CUTS = (20, 40, 54, 100)
DOC_WORDS = 200  # size of the texts joined from short strings (catalogues, licence paragraphs)
LOCALE = Path("/usr/share/locale")
SITE = Path(sysconfig.get_paths()["purelib"])
STDLIB = Path(sysconfig.get_paths()["stdlib"])

# Restricted sets: Indonesian, its neighbours a regional site may carry or that resemble it
# (Malay, Javanese, Acehnese, Tagalog; Sundanese, Balinese and Sasak are in neither model),
# English (the commonest foreign language in the feeds), Dutch (old legal and place names), and
# the major languages of foreign news so that a text in them has somewhere to go but "id".
PY3LANGID_SET = ("id", "ms", "jv", "ace", "tl", "en", "nl", "de", "fr", "es", "pt", "it",
                 "ar", "zh", "ja", "ko", "vi", "th", "hi", "ru")
LINGUA_SET = ("INDONESIAN", "MALAY", "TAGALOG", "ENGLISH", "DUTCH", "GERMAN", "FRENCH", "SPANISH",
              "PORTUGUESE", "ITALIAN", "ARABIC", "CHINESE", "JAPANESE", "KOREAN", "VIETNAMESE", "THAI",
              "HINDI", "RUSSIAN")


@dataclass
class Text:
    group: str  # "id-news", "id-ui", "en", "ms", "tl", "nl"
    bucket: str  # one of BUCKETS
    text: str
    source: str = ""


@dataclass
class Candidate:
    name: str
    detect: Callable[[str], str | None]
    load_s: float = 0.0
    answers: list = field(default_factory=list)
    seconds: float = 0.0


# ------------------------------------------------------------------ texts

def _cut(group: str, words: list[str], source: str, whole: str) -> list[Text]:
    out = [Text(group, str(n), " ".join(words[:n]), source) for n in CUTS if len(words) >= n]
    out.append(Text(group, "whole", whole, source))
    return out


def indonesian_news(per_corpus: int, corpus_dir: str | None) -> list[Text]:
    from monitor.analyse.corpus import load_corpus

    by_corpus: dict[str, list] = defaultdict(list)
    for art in load_corpus(corpus_dir).values():
        if art.text.strip():
            by_corpus[art.corpus].append(art)
    out = []
    for name in sorted(by_corpus):
        arts = by_corpus[name]
        step = max(1, len(arts) // per_corpus)
        for art in arts[::step][:per_corpus]:
            if art.title.strip():
                out.append(Text("id-news", "title", art.title.strip(), name))
            out += _cut("id-news", art.text.split(), name, art.text)
    return out


_PLACEHOLDER = re.compile(r"%[-#0 +']*\d*(?:\.\d+)?(?:hh|h|ll|l|L|z|j|t)?[a-zA-Z%]|%\(\w+\)[sd]|\{\w*\}|[_&](?=\w)")


def _catalogue_strings(lang: str, source_side: bool = False) -> list[str]:
    """Translated strings (or their English msgid) of the gettext catalogues of ``lang``."""
    out = []
    for mo in sorted((LOCALE / lang / "LC_MESSAGES").glob("*.mo")):
        if mo.name.startswith("iso_"):  # lists of country and language names, not sentences
            continue
        try:
            with open(mo, "rb") as fh:
                catalog = gettext.GNUTranslations(fh)._catalog
        except (OSError, ValueError):
            continue
        for key, value in catalog.items():
            msgid = key[0] if isinstance(key, tuple) else key
            if not msgid or not value or msgid == value:
                continue  # the header, or an untranslated string
            s = msgid if source_side else value
            s = _PLACEHOLDER.sub(" ", s).replace("\\n", " ")
            if len(s.split()) >= 3:
                out.append(" ".join(s.split()))
    return out


def _join(strings: list[str], size: int = DOC_WORDS) -> list[str]:
    """Consecutive strings joined into texts of about ``size`` words."""
    docs, cur, n = [], [], 0
    for s in strings:
        cur.append(s if s.endswith((".", "?", "!", ":")) else s + ".")
        n += len(s.split())
        if n >= size:
            docs.append(" ".join(cur))
            cur, n = [], 0
    return docs


def _spread(items: list, k: int) -> list:
    step = max(1, len(items) // k)
    return items[::step][:k]


def _licence_paragraphs() -> list[str]:
    files = sorted(Path("/usr/share/common-licenses").glob("*")) + sorted(SITE.glob("*.dist-info/LICEN[CS]E*"))
    seen, paras = set(), []
    for f in files:
        try:
            text = f.resolve().read_text(encoding="utf-8", errors="replace")
        except (OSError, IsADirectoryError):
            continue
        if text in seen:
            continue
        seen.add(text)
        for p in re.split(r"\n\s*\n", text):
            words = p.split()
            letters = sum(c.isalpha() for c in p)
            if len(words) >= 12 and letters > 0.7 * len(p.replace(" ", "").replace("\n", "")):
                paras.append(" ".join(words))
    return paras


_CODEISH = re.compile(r"^\s*(>>>|\.\.\.|\$ |[-=~*]{3,}|:param|:return|:type|[A-Za-z_][\w.]*\(.*\)\s*(->.*)?$)")


def _stdlib_docstrings() -> list[str]:
    out = []
    for path in sorted(STDLIB.glob("*.py")) + sorted(STDLIB.glob("*/*.py")):
        if "test" in path.parts[-2] or path.name.startswith("test"):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
        except (SyntaxError, ValueError):
            continue
        for node in [tree] + [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))]:
            doc = ast.get_docstring(node)
            if not doc:
                continue
            lines = [ln for ln in doc.splitlines() if not _CODEISH.match(ln)]
            para = " ".join(" ".join(lines).split())
            if len(para.split()) >= 20:
                out.append(para)
    return out


# The one English article among the saved pages of ../shared/fixtures (en.tempo.co, 2015): every
# other article page there is Indonesian (checked with the extractor and the identifier).
ENGLISH_FIXTURE = "html/anpandu/test/fixtures/websites/tempo-english/tempoen-singlepage.html"


def _english_news(corpus_dir: str | None) -> list[str]:
    from datetime import datetime, timezone

    from monitor.analyse.corpus import corpus_dir as find_corpus_dir
    from monitor.collect.extract import extract_article

    page = find_corpus_dir(corpus_dir).parent / "fixtures" / ENGLISH_FIXTURE
    if not page.is_file():
        return []
    art = extract_article(page.read_bytes(), "http://en.tempo.co/read/news/2015/11/04/x",
                          now=datetime(2026, 1, 1, tzinfo=timezone.utc))
    return _join(art.paragraphs, size=100)


def other_texts(per_source: int, corpus_dir: str | None = None) -> list[Text]:
    out: list[Text] = []
    english = {
        "licences": _join(_licence_paragraphs()),
        "stdlib docstrings": _join(_stdlib_docstrings()),
        "msgid of ms catalogues": _join(_catalogue_strings("ms", source_side=True)),
        "Tempo English page (fixtures)": _english_news(corpus_dir),
    }
    for source, docs in english.items():
        for d in _spread(docs, per_source):
            out += _cut("en", d.split(), source, d)
    try:
        from spacy.lang.ms.examples import sentences as ms_examples
    except ImportError:
        ms_examples = []
    malay = _join(_catalogue_strings("ms")) + ([" ".join(ms_examples)] if ms_examples else [])
    for d in _spread(malay, 2 * per_source):
        out += _cut("ms", d.split(), "ms catalogues + spaCy examples", d)
    for group, langs in (("tl", ("tl", "fil")), ("nl", ("nl",)), ("id-ui", ("id",))):
        docs = _join([s for lang in langs for s in _catalogue_strings(lang)])
        for d in _spread(docs, per_source):
            out += _cut(group, d.split(), f"{'+'.join(langs)} catalogues", d)
    return out


# ------------------------------------------------------------------ candidates

# The extractor's detect_language before py3langid (kept here for the comparison).
_OLD_ID = frozenset(
    "yang dan di ke dari ini itu dengan untuk dalam tidak akan pada juga adalah oleh bahwa atau"
    " ada sudah karena saat telah tersebut kata para bisa lebih mereka kami kita ia sebagai hingga"
    " namun menjadi masih tak dia belum agar bagi secara seperti kepada sejak sangat".split())
_OLD_EN = frozenset(
    "the and of to in is that for it with as was on be by are this from at have has which not"
    " an or said were but will their they been would who its after more about than".split())


def old_extractor_rule(text: str) -> str | None:
    words = re.findall(r"[a-z]+", text[:5000].lower())
    if len(words) < 5:
        return None
    ids = sum(w in _OLD_ID for w in words) / len(words)
    ens = sum(w in _OLD_EN for w in words) / len(words)
    if max(ids, ens) < 0.06:
        return None
    return "id" if ids >= ens else "en"


def candidates(cap: int, lingua_all: bool) -> list[Candidate]:
    out = []

    def timed(name: str, build: Callable[[], Callable[[str], str | None]]) -> None:
        t0 = time.perf_counter()
        try:
            fn = build()
        except ImportError as exc:
            print(f"skipped {name}: {exc}", file=sys.stderr)
            return
        fn("Kepala Bappeda ditahan jaksa terkait korupsi anggaran.")  # warm-up (lazy loads)
        out.append(Candidate(name, fn, load_s=time.perf_counter() - t0))

    def rule_gate(min_words: int):
        def build():
            from monitor.analyse import textnorm

            stop = textnorm.STOPWORDS

            def detect(text: str) -> str | None:
                words = textnorm.analyze_all(text)[1]
                if len(words) < min_words or not words:
                    return None
                return "id" if sum(w in stop for w in words) / len(words) >= 0.10 else "xx"
            return detect
        return build

    timed("rule: gate (25 words, 10%)", rule_gate(25))
    timed("rule: share only (10%)", rule_gate(1))

    timed("rule: extractor (id/en words)", lambda: old_extractor_rule)

    def py3langid(langs):
        def build():
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
            if langs:
                ident.set_languages(list(langs))
            return lambda text: ident.classify(text[:cap])[0]
        return build

    timed("py3langid, all 140", py3langid(None))
    timed(f"py3langid, {len(PY3LANGID_SET)} langs", py3langid(PY3LANGID_SET))

    codes = {"INDONESIAN": "id", "MALAY": "ms", "ENGLISH": "en", "TAGALOG": "tl", "DUTCH": "nl"}

    def lingua(langs, low=False):
        def build():
            from lingua import Language, LanguageDetectorBuilder

            if langs:
                b = LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in langs))
            else:
                b = LanguageDetectorBuilder.from_all_languages()
            b = b.with_preloaded_language_models()
            if low:
                b = b.with_low_accuracy_mode()
            det = b.build()

            def detect(text: str) -> str | None:
                lang = det.detect_language_of(text[:cap])
                return None if lang is None else codes.get(lang.name, lang.name.lower()[:3])
            return detect
        return build

    if lingua_all:
        timed("lingua, all 75", lingua(None))
    timed(f"lingua, {len(LINGUA_SET)} langs", lingua(LINGUA_SET))
    timed(f"lingua, {len(LINGUA_SET)} langs, low acc.", lingua(LINGUA_SET, low=True))

    def cld2(best_effort: bool):
        def build():
            import pycld2

            def detect(text: str) -> str | None:
                data = text[:cap].encode("utf-8", "ignore")
                try:
                    _, _, found = pycld2.detect(data, isPlainText=True, bestEffort=best_effort)
                except pycld2.error:
                    return None
                code = found[0][1]
                return code if code != "un" else None
            return detect
        return build

    timed("pycld2", cld2(False))
    timed("pycld2, best effort", cld2(True))

    def shipped():
        from monitor.collect.extract.language import detect_language
        return detect_language

    def gate():
        from monitor.analyse.classify import language_problem

        return lambda text: "id" if language_problem("", text) is None else "xx"

    timed("monitor: detect_language", shipped)
    timed("monitor: classify gate", gate)
    return out


def threshold_sweep(texts: list[Text]) -> list[dict]:
    """The shipped identifier (windows included) with other cuts on P(id): a text is Indonesian
    when Indonesian is the most probable language or has at least the cut (one cut for all
    lengths; then the shipped pair, a lower cut under SHORT_WORDS words)."""
    from monitor.collect.extract import language

    shipped = (language.INDONESIAN_MIN_PROB_SHORT, language.INDONESIAN_MIN_PROB)
    rows = []
    try:
        for short, full in [(c, c) for c in (0.5, 0.4, 0.3, 0.2, 0.1)] + [shipped]:
            language.INDONESIAN_MIN_PROB_SHORT, language.INDONESIAN_MIN_PROB = short, full
            said = [language.identify(t.text).indonesian for t in texts]
            row: dict = {"cut_short": short, "cut": full, "shipped": (short, full) == shipped}
            for b in ("title", "20", "54", "whole"):
                sel = [s for t, s in zip(texts, said) if t.group == "id-news" and t.bucket == b]
                row[f"id_recall_{b}"] = sum(sel) / max(1, len(sel))
            for g in ("en", "ms", "tl", "nl"):
                sel = [s for t, s in zip(texts, said) if t.group == g]
                row[f"reject_{g}"] = 1 - sum(sel) / max(1, len(sel))
            rows.append(row)
    finally:
        language.INDONESIAN_MIN_PROB_SHORT, language.INDONESIAN_MIN_PROB = shipped
    return rows


# ------------------------------------------------------------------ report

def run(cands: list[Candidate], texts: list[Text]) -> None:
    for c in cands:
        fn, answers = c.detect, []
        t0 = time.perf_counter()
        for t in texts:
            answers.append(fn(t.text))
        c.seconds = time.perf_counter() - t0
        c.answers = answers
        print(f"  ran {c.name}: {len(texts) / c.seconds:,.0f} texts/s", file=sys.stderr, flush=True)


def _share(pairs: list[tuple[Text, str | None]], want_id: bool, groups: set[str], bucket: str | None = None) -> float | None:
    sel = [(t, a) for t, a in pairs if t.group in groups and (bucket is None or t.bucket == bucket)]
    if not sel:
        return None
    return sum((a == "id") == want_id for _, a in sel) / len(sel)


def report(cands: list[Candidate], texts: list[Text]) -> dict:
    results: dict = {"texts": dict(Counter(f"{t.group}/{t.bucket}" for t in texts)), "candidates": {}}
    for c in cands:
        pairs = list(zip(texts, c.answers))
        r = {"load_s": round(c.load_s, 2), "texts_per_s": round(len(texts) / c.seconds, 1)}
        for b in BUCKETS:
            r[f"id_recall_{b}"] = _share(pairs, True, {"id-news"}, b)
        r["id_recall_news"] = _share(pairs, True, {"id-news"})
        r["id_recall_news_short"] = _share([p for p in pairs if p[0].bucket in ("title", "20", "40", "54")],
                                           True, {"id-news"})
        r["id_recall_ui"] = _share(pairs, True, {"id-ui"})
        for g in ("en", "ms", "tl", "nl"):
            r[f"reject_{g}"] = _share(pairs, False, {g})
            for b in ("20", "54", "whole"):
                r[f"reject_{g}_{b}"] = _share(pairs, False, {g}, b)
        news = [a for t, a in pairs if t.group == "id-news"]
        r["id_as_ms"] = sum(a == "ms" for a in news) / max(1, len(news))
        r["id_as_none"] = sum(a is None for a in news) / max(1, len(news))
        r["id_other_answers"] = dict(Counter(a for a in news if a != "id").most_common(6))
        mal = [a for t, a in pairs if t.group == "ms"]
        r["ms_as_id"] = sum(a == "id" for a in mal) / max(1, len(mal))
        r["ms_answers"] = dict(Counter(mal).most_common(5))
        results["candidates"][c.name] = r
    return results


def _pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def print_tables(results: dict, texts: list[Text]) -> None:
    counts = Counter((t.group, t.bucket) for t in texts)
    groups = Counter(t.group for t in texts)
    print(f"\ntexts: {len(texts)} ({', '.join(f'{g} {n}' for g, n in sorted(groups.items()))}); "
          "Indonesian news per bucket: " + ", ".join(f"{b} {counts['id-news', b]}" for b in BUCKETS))
    cands = results["candidates"]
    w = max(len(n) for n in cands) + 1
    print("\nIndonesian news recognised as Indonesian, by length (headline, first N words, whole body)")
    print(f"{'candidate':{w}s} " + " ".join(f"{b:>6s}" for b in BUCKETS) + "    all   id->ms  id UI")
    for n, r in cands.items():
        print(f"{n:{w}s} " + " ".join(_pct(r[f"id_recall_{b}"]) for b in BUCKETS)
              + f" {_pct(r['id_recall_news'])} {_pct(r['id_as_ms'])} {_pct(r['id_recall_ui'])}")
    print("\nNon-Indonesian text rejected (not called Indonesian): all lengths, and at 20 words / whole")
    print(f"{'candidate':{w}s}  English  en@20  Malay  ms@20 ms@whole  Tagalog tl@20  Dutch  ms->id")
    for n, r in cands.items():
        print(f"{n:{w}s} {_pct(r['reject_en'])} {_pct(r['reject_en_20'])} {_pct(r['reject_ms'])} "
              f"{_pct(r['reject_ms_20'])} {_pct(r['reject_ms_whole'])}  {_pct(r['reject_tl'])} "
              f"{_pct(r['reject_tl_20'])} {_pct(r['reject_nl'])} {_pct(r['ms_as_id'])}")
    ref = cands.get("monitor: detect_language") or next(iter(cands.values()))
    print("\nSpeed, one core, same pass (candidates read the first --cap characters; the monitor its windows)")
    print(f"{'candidate':{w}s} {'texts/s':>9s} {'vs monitor':>10s} {'load s':>7s}  errors (id missed + others taken)")
    for n, r in cands.items():
        missed = 1 - r["id_recall_news"]
        taken = 1 - (r["reject_en"] + r["reject_ms"] + r["reject_tl"] + r["reject_nl"]) / 4
        print(f"{n:{w}s} {r['texts_per_s']:9,.0f} {r['texts_per_s'] / ref['texts_per_s']:9.2f}x {r['load_s']:7.2f}  "
              f"{_pct(missed)} + {_pct(taken)}")
    from monitor.collect.extract import language

    print(f"\nThe shipped identifier (py3langid, {len(language.LANGUAGES)} languages, windows) with other cuts: "
          f"Indonesian when most probable or P(id) >= cut (the cut under {language.SHORT_WORDS} words / otherwise)")
    print(f"{'P(id) >=':>12s}  title     20     54  whole | rejected: English  Malay Tagalog  Dutch")
    for r in results["sweep"]:
        cut = f"{r['cut_short']:.1f} / {r['cut']:.1f}" + (" *" if r["shipped"] else "")
        print(f"{cut:>12s} " + " ".join(_pct(r[f"id_recall_{b}"]) for b in ("title", "20", "54", "whole"))
              + f" |          {_pct(r['reject_en'])} {_pct(r['reject_ms'])}  {_pct(r['reject_tl'])} {_pct(r['reject_nl'])}")
    print("  (* shipped)")
    try:
        from spacy.lang.ms.examples import sentences

        g = language.identify(" ".join(sentences))
        print(f"Natural Malay sentences (spaCy's ms examples, {g.words} words): {g.lang}, P(id) = {g.p_indonesian:.3f}, "
              f"{'taken as' if g.indonesian else 'not'} Indonesian. The catalogue Malay above is UI text (fail, "
              "ralat, lalai, tetikus) that the model has seen little of.")
    except ImportError:
        pass
    print("\nWhat Indonesian news was called instead, and what Malay was called:")
    for n, r in cands.items():
        print(f"  {n}: id-news -> {r['id_other_answers']}; ms -> {r['ms_answers']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-corpus", type=int, default=200, help="Indonesian articles per shared corpus")
    ap.add_argument("--per-source", type=int, default=120, help="texts per non-Indonesian source")
    ap.add_argument("--cap", type=int, default=None,
                    help="characters an identifier reads (default: the monitor's window, language.WINDOW)")
    ap.add_argument("--corpus-dir", default=None)
    ap.add_argument("--skip-lingua-all", action="store_true", help="skip lingua with all languages (23 s load)")
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if args.cap is None:
        from monitor.collect.extract.language import WINDOW

        args.cap = WINDOW
    texts = indonesian_news(args.per_corpus, args.corpus_dir) + other_texts(args.per_source, args.corpus_dir)
    cands = candidates(args.cap, not args.skip_lingua_all)
    run(cands, texts)
    results = report(cands, texts)
    results["sweep"] = threshold_sweep(texts)
    results["args"] = vars(args)
    print_tables(results, texts)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
