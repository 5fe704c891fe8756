"""Read the shared news corpora and the label files that refer to them.

Labels (ours in ``corpora/`` and the shared ones) name an article by ``corpus`` and ``id``;
the texts stay in the corpus directory (default ``../shared/corpora``) and are read from there.
"""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from monitor.paths import PROJECT_ROOT

csv.field_size_limit(1 << 30)

DEFAULT_CORPUS_DIR = PROJECT_ROOT.parent / "shared" / "corpora"


def corpus_dir(path: str | os.PathLike | None = None) -> Path:
    """The corpus directory: an explicit path, $OGI_CORPUS_DIR, or ../shared/corpora."""
    if path:
        return Path(path)
    env = os.environ.get("OGI_CORPUS_DIR")
    return Path(env) if env else DEFAULT_CORPUS_DIR


@dataclass
class CorpusArticle:
    corpus: str
    id: str
    title: str
    text: str
    source: str  # outlet or original split, used for splits by source
    date: str | None  # year or ISO date where known
    category: str | None
    url: str | None

    @property
    def key(self) -> tuple[str, str]:
        return (self.corpus, self.id)


def _csv_rows(path: Path, delimiter: str = ",") -> Iterator[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        yield from csv.DictReader(fh, delimiter=delimiter)


def _indosum(root: Path) -> Iterator[CorpusArticle]:
    with open(root / "indosum_dev" / "indosum_dev_unique.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            text = d.get("text", "")
            # IndoSum has no title field: the first sentence stands in for it.
            first = text.split("\n", 1)[0]
            title = first.split(". ", 1)[0][:200]
            ident = str(d["id"])
            stamp = ident.split("-", 1)[0]
            date = None
            if stamp.isdigit():
                import datetime as _dt

                date = _dt.datetime.fromtimestamp(int(stamp), _dt.timezone.utc).date().isoformat()
            yield CorpusArticle("indosum_dev", ident, title, text, d.get("source") or "indosum",
                                date, d.get("category"), d.get("source_url"))


_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt",
                                       "nov", "des"), 1)}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})")


def _iso_day(text: str | None) -> str | None:
    """'Jumat, 01 Mei 2026 10:00 WIB' -> '2026-05-01' (corpus metadata only; see monitor.collect.dates)."""
    m = _DAY_MONTH_YEAR.search(text or "")
    month = _MONTHS.get(m.group(2).lower()) if m else None
    return f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}" if month else None


def _detik(root: Path) -> Iterator[CorpusArticle]:
    for split in ("train", "val", "test"):
        for r in _csv_rows(root / "detik2026" / f"{split}.csv"):
            yield CorpusArticle("detik2026", r["article_id"], r["judul"], r["isi"], "detik",
                                _iso_day(r.get("tanggal")), r.get("kategori"), r.get("url"))


def _ciletuh(root: Path) -> Iterator[CorpusArticle]:
    for r in _csv_rows(root / "ciletuh" / "raw.csv", delimiter=";"):
        if not r.get("dokumen"):
            continue
        yield CorpusArticle("ciletuh", r["dokumen"], r["judul"], r["isi"],
                            (r.get("media") or "ciletuh").strip(), r.get("tahun"), r.get("label"), r.get("url"))


def _topic_sets(root: Path) -> Iterator[CorpusArticle]:
    # These sets have no ids of their own: the article URL is the id.
    for r in _csv_rows(root / "topic_sets" / "jasminemutia_media_news.csv"):
        yield CorpusArticle("topic_jasminemutia", r["URL"], r["Title"], r["Text"],
                            (r.get("Media") or "").strip() or "unknown", "2023-11", r.get("Label"), r["URL"])
    for r in _csv_rows(root / "topic_sets" / "arielpradhana_berita.csv"):
        yield CorpusArticle("topic_arielpradhana", r["link"], r["judul"], r["konten_berita"], "detik",
                            _iso_day(r.get("tgl_publikasi")) or "2026-06", r.get("kategori"), r["link"])


# clickid2019 sections that carry national, regional, metro and law news (not sport, lifestyle,
# celebrity, economy or world news): the pool for issue labelling and its random test set.
CLICKID_NEWS_DESKS = {"news", "nasional", "daerah", "metro", "regional", "metropolitan", "berita utama",
                      "berita sumut", "berita viral", "kriminal", "fokus", "difabel", "kolom"}
CLICKID_FOREIGN_SUBCATEGORIES = {"internasional", "international"}
# Regional desks: the province/kabupaten/kota stories of national outlets.
CLICKID_REGIONAL = {"regional", "daerah", "nusantara", "berita sumut", "bali", "jabar", "jateng", "jatim",
                    "sulsel", "sumsel", "sumut", "yogya", "batam", "manado"}


def clickid_desk(category: str | None) -> str:
    """'regional', 'news' or 'other' for a clickid2019 'category/subcategory' string."""
    cat, _, sub = (category or "").lower().partition("/")
    if cat in CLICKID_REGIONAL or sub in CLICKID_REGIONAL:
        return "regional"
    if cat in CLICKID_NEWS_DESKS and sub not in CLICKID_FOREIGN_SUBCATEGORIES:
        return "news"
    return "other"


def _clickid(root: Path) -> Iterator[CorpusArticle]:
    import gzip

    with gzip.open(root / "clickid2019" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            sub = d.get("subcategory") or "-"
            category = d.get("category") or ""
            if sub != "-":
                category = f"{category}/{sub}"
            yield CorpusArticle("clickid2019", d["id"], d.get("title") or "", d.get("text") or "",
                                d.get("outlet") or "clickid2019", d.get("date"), category, d.get("url"))


READERS = {"indosum_dev": _indosum, "detik2026": _detik, "ciletuh": _ciletuh,
           "topic_sets": _topic_sets, "clickid2019": _clickid}


def iter_corpus(root: str | os.PathLike | None = None) -> Iterator[CorpusArticle]:
    """Every article of every shared corpus, skipping corpora whose files are missing."""
    base = corpus_dir(root)
    if not base.is_dir():
        raise FileNotFoundError(f"corpus directory not found: {base} (set --corpus-dir or OGI_CORPUS_DIR)")
    for reader in READERS.values():
        try:
            yield from reader(base)
        except FileNotFoundError:
            continue


def load_corpus(root: str | os.PathLike | None = None) -> dict[tuple[str, str], CorpusArticle]:
    """All articles keyed by (corpus, id); the first copy wins on duplicated ids."""
    out: dict[tuple[str, str], CorpusArticle] = {}
    for art in iter_corpus(root):
        out.setdefault(art.key, art)
    return out


def read_labels(path: str | os.PathLike) -> list[dict]:
    """Read a JSONL label file (codebook section 3 plus `corpus`)."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: invalid JSON ({exc.msg})") from exc
    return rows
