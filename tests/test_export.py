"""CSV export: columns, filters, formula neutralisation, Excel BOM, streaming."""

from __future__ import annotations

import csv
import datetime as dt
import io
import types
from pathlib import Path

import pytest

from monitor.config import ISSUE_KEYS
from monitor.deliver.export import (
    ExportFilter,
    columns,
    export_csv,
    iter_rows,
    neutralise,
    to_string,
)
from tests.helpers import sample_store


@pytest.fixture()
def store(tmp_path: Path):
    s = sample_store(tmp_path / "m.sqlite")
    yield s
    s.close()


def rows(store, **kw) -> list[dict]:
    return list(csv.DictReader(io.StringIO(to_string(store.conn, ExportFilter(**kw)))))


def test_columns_and_content(store) -> None:
    out = rows(store)
    assert list(out[0].keys()) == columns()
    assert {"id", "published", "source", "region", "title", "url", "issues", "partners", "partner_types", "lead",
            "duplicate_of"} <= set(columns())
    assert [f"score_{k}" for k in ISSUE_KEYS] == [c for c in columns() if c.startswith("score_")]
    first = next(r for r in out if r["id"] == "1")
    assert first["issues"] == "anti_corruption_budget"
    assert first["partners"] == "Komisi Pemberantasan Korupsi; Forum Indonesia untuk Transparansi Anggaran NTB"
    assert first["partner_types"] == "government; civil_society"
    assert float(first["score_anti_corruption_budget"]) == pytest.approx(0.93)
    assert first["region"] == "Nusa Tenggara Barat"
    assert next(r for r in out if r["id"] == "4")["duplicate_of"] == "1"


def test_formula_cells_neutralised(store) -> None:
    out = {r["id"]: r for r in rows(store)}
    assert out["2"]["title"].startswith("'=HYPERLINK")
    assert out["2"]["lead"].startswith("'+62")
    assert out["3"]["lead"].startswith("'-Sate")
    for bad in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(bad) == "'" + bad
    assert neutralise("Aman") == "Aman" and neutralise(0.5) == 0.5


def test_filters(store) -> None:
    ids = lambda **kw: sorted(int(r["id"]) for r in rows(store, **kw))  # noqa: E731
    assert ids(issues=["anti_corruption_budget"]) == [1, 4]
    assert ids(issues=["anti_corruption_budget"], min_score=0.9) == [1]
    assert ids(min_score=0.7) == [1, 2, 4]
    assert ids(partners=["fitra ntb"]) == [1]
    assert ids(partners=["KPK"]) == [1, 4]
    assert ids(sources=["radarlombok"]) == [2, 4]
    assert ids(regions=["lombok tengah"]) == [2, 4]
    assert ids(query="dana desa") == [1, 4]
    assert ids(query="ayam taliwang") == [3]
    assert ids(include_duplicates=False) == [1, 2, 3]
    # local dates (Asia/Makassar): 23:30 WITA on the 21st belongs to the 21st
    assert ids(since=dt.date(2026, 11, 21), until=dt.date(2026, 11, 21)) == [2]
    assert ids(since=dt.date(2026, 11, 22)) == [3]
    with pytest.raises(ValueError, match="unknown issue"):
        rows(store, issues=["sport"])
    with pytest.raises(ValueError, match="no searchable words"):
        rows(store, query="***")


def test_excel_bom_and_file(store, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    n = export_csv(str(store.path), str(path), ExportFilter(), excel=True)
    raw = path.read_bytes()
    assert n == 4 and raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    text = raw.decode("utf-8-sig")
    assert "Festival kuliner Mataram" in text


def test_rows_are_streamed(store) -> None:
    it = iter_rows(store.conn, ExportFilter())
    assert isinstance(it, types.GeneratorType)
    assert len(next(it)) == len(columns())
