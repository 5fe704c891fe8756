"""Reading `monitor classify` input: JSON lines or a CSV with id, title and text.

Analysts' spreadsheets come with Indonesian headers (`judul`, `isi`) and, from Excel in
Indonesian settings, `;` between columns; both are accepted. Problems that make the whole file
unusable raise :class:`InputError` before anything is written.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator


class InputError(Exception):
    """An input file the command cannot use (one line, names the file)."""


# Column names accepted for each field of `monitor classify` input (analysts' spreadsheets are
# often in Indonesian); the first present wins.
COLUMN_ALIASES = {
    "id": ("id", "article_id", "no", "nomor", "url", "link", "tautan"),
    "title": ("title", "judul", "headline", "judul_berita"),
    "text": ("text", "isi", "isi_berita", "konten", "konten_berita", "content", "body", "berita", "teks"),
}


def _header_map(fields: list[str], path: Path) -> dict[str, str]:
    """Which input column feeds id, title and text; an error naming what was found otherwise."""
    by_lower = {f.strip().lower().lstrip("\ufeff"): f for f in fields if f}
    chosen = {key: next((by_lower[a] for a in aliases if a in by_lower), None)
              for key, aliases in COLUMN_ALIASES.items()}
    if chosen["text"] is None and chosen["title"] is None:
        found = ", ".join(repr(f) for f in fields) or "none"
        raise InputError(f"{path}: no text column; found columns {found}; need `text` (or `isi`), "
                         "optionally `id` and `title` (or `judul`)")
    return {k: v for k, v in chosen.items() if v}


def sniff_delimiter(path: Path) -> str:
    """',' or ';' or tab, from the header line (spreadsheets in Indonesian settings write ';')."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        header = fh.readline()
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_records(path: str) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line number, record or None, error) from a JSONL or CSV file with id, title, text.

    CSV may be comma, semicolon or tab separated, with English or Indonesian headers (see
    COLUMN_ALIASES). A record without an id gets its line number as id. An input with no
    records, or a CSV without a text column, raises InputError before anything is written.
    """
    p = Path(path)
    seen = False
    if p.suffix.lower() in (".csv", ".tsv"):
        delimiter = sniff_delimiter(p)
        with open(p, encoding="utf-8-sig", newline="", errors="replace") as fh:
            reader = csv.DictReader(fh, delimiter=delimiter)
            columns = _header_map(reader.fieldnames or [], p)
            for n, row in enumerate(reader, 2):
                seen = True
                rec = {key: row.get(col) for key, col in columns.items()}
                rec.setdefault("id", str(n))
                yield n, rec, None
        if not seen:
            raise InputError(f"{p}: the CSV has a header but no rows: nothing to classify")
        return
    with open(p, encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            seen = True
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, None, f"line {n}: invalid JSON ({exc.msg})"
                continue
            if not isinstance(rec, dict):
                yield n, None, f"line {n}: expected a JSON object"
                continue
            if rec.get("id") in (None, ""):
                rec["id"] = rec.get("url") or str(n)
            yield n, rec, None
    if not seen:
        raise InputError(f"{p} is empty: nothing to classify")
