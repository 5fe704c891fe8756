"""Exports that open right in Excel with Indonesian and English settings alike, read back as a spreadsheet would.

* ``.xlsx`` (``-o x.xlsx`` or ``--format xlsx``): read back with openpyxl; numbers are numbers,
  ``published`` an Excel date-time (local time), text never a formula, same cells as the CSV.
* CSV with ``--delimiter ';' --decimal ','`` (what Excel with Indonesian settings expects) and
  ``--excel`` (BOM, CRLF): read back with the csv module as Excel would split it.

Every export runs the real ``monitor export`` command (click's runner on ``monitor.cli:main``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from monitor.cli import main
from monitor.deliver.export import columns
from tests.helpers import add_article, sample_store


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    store = sample_store(tmp_path / "m.sqlite")
    # published in WIB (+07:00): 22:30 WIB is 23:30 WITA, the export's local time
    add_article(store, 5, title="Rapat\x0bDPRD\x00 soal APBD", published="2026-11-23T22:30:00+07:00",
                issues={"anti_corruption_budget": 0.61, "civic_space_democracy": 0.55})
    store.close()
    return tmp_path / "m.sqlite"


def export(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), "export", *args])


def read_xlsx(path: Path) -> list[tuple]:
    wb = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True)  # any file name
    assert wb.sheetnames == ["articles"]
    width = len(columns())  # a streamed sheet has no dimensions: pad the empty cells at a row's end
    rows = [tuple(row) + (None,) * (width - len(row)) for row in wb["articles"].iter_rows(values_only=True)]
    wb.close()
    return rows


def test_xlsx_reads_back_with_types(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ntb.xlsx"
    r = export(db, "-o", str(out))
    assert r.exit_code == 0, r.output
    assert r.output.strip() == f"exported 5 articles -> {out}"
    rows = read_xlsx(out)
    assert list(rows[0]) == columns()
    by_id = {row[0]: dict(zip(columns(), row)) for row in rows[1:]}
    assert sorted(by_id) == [1, 2, 3, 4, 5]  # ids are numbers
    first = by_id[1]
    assert isinstance(first["score_anti_corruption_budget"], float)
    assert first["score_anti_corruption_budget"] == pytest.approx(0.93)
    assert first["published"] == dt.datetime(2026, 11, 20, 9, 0)
    assert by_id[5]["published"] == dt.datetime(2026, 11, 23, 23, 30)  # WIB shown in WITA
    assert by_id[4]["duplicate_of"] == 1 and first["duplicate_of"] is None
    assert first["isu"] == "Antikorupsi dan pengelolaan anggaran"
    assert by_id[5]["issues"] == "anti_corruption_budget; civic_space_democracy"
    assert by_id[5]["isu"] == "Antikorupsi dan pengelolaan anggaran; Perlindungan ruang kewargaan dan demokrasi"
    assert by_id[5]["title"] == "RapatDPRD soal APBD"  # characters Excel refuses are dropped
    assert by_id[2]["title"].startswith("'=HYPERLINK")  # neutralised as in the CSV
    assert by_id[2]["lead"].startswith("'+62") and by_id[3]["lead"].startswith("'-Sate")


def test_xlsx_has_no_formulas_and_a_date_format(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ntb.xlsx"
    assert export(db, "-o", str(out)).exit_code == 0
    wb = openpyxl.load_workbook(out)  # not read-only: cell types and formats
    ws = wb["articles"]
    assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
    published = columns().index("published") + 1
    assert ws.cell(row=2, column=published).is_date
    assert ws.cell(row=2, column=published).number_format == "yyyy-mm-dd hh:mm"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:{ws.cell(1, len(columns())).column_letter}6"


def test_xlsx_has_the_csv_cells(db: Path, tmp_path: Path) -> None:
    xlsx, plain = tmp_path / "a.xlsx", tmp_path / "a.csv"
    assert export(db, "-o", str(xlsx)).exit_code == 0
    assert export(db, "-o", str(plain)).exit_code == 0
    sheet = read_xlsx(xlsx)
    table = list(csv.reader(plain.open(encoding="utf-8")))
    assert len(sheet) == len(table)
    published = columns().index("published")  # a date-time in the sheet
    for srow, crow in zip(sheet, table):
        assert ["" if v is None else str(v) for i, v in enumerate(srow) if i != published] == \
               [ILLEGAL_CHARACTERS_RE.sub("", v) for i, v in enumerate(crow) if i != published]


def test_format_option_and_csv_only_options(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.dat"
    assert export(db, "-o", str(out), "--format", "xlsx", "--issue", "civic_space_democracy").exit_code == 0
    assert zipfile.is_zipfile(out)
    assert [row[0] for row in read_xlsx(out)[1:]] == [5, 2]
    upper = tmp_path / "EXPORT.XLSX"
    assert export(db, "-o", str(upper)).exit_code == 0 and zipfile.is_zipfile(upper)
    as_csv = tmp_path / "data.xlsx.txt"
    assert export(db, "-o", str(as_csv)).exit_code == 0 and as_csv.read_text(encoding="utf-8").startswith("id,")
    for extra in (["--delimiter", ";"], ["--decimal", ","], ["--excel"]):
        r = export(db, "-o", str(tmp_path / "bad.xlsx"), *extra)
        assert r.exit_code == 2 and "are CSV options" in r.output
        assert not (tmp_path / "bad.xlsx").exists()


def test_xlsx_replaces_the_file_only_when_complete(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ntb.xlsx"
    out.write_bytes(b"previous export")
    bad = export(db, "-o", str(out), "--query", "***")
    assert bad.exit_code == 2 and out.read_bytes() == b"previous export"
    assert export(db, "-o", str(out)).exit_code == 0
    assert len(read_xlsx(out)) == 6
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_csv_for_indonesian_excel(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ntb.csv"
    r = export(db, "-o", str(out), "--excel", "--delimiter", ";", "--decimal", ",")
    assert r.exit_code == 0, r.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert table[0] == columns() and all(len(row) == len(columns()) for row in table)
    first = dict(zip(table[0], next(row for row in table if row[0] == "1")))
    assert first["score_anti_corruption_budget"] == "0,93"
    assert float(first["score_anti_corruption_budget"].replace(",", ".")) == pytest.approx(0.93)
    assert first["partners"] == "Komisi Pemberantasan Korupsi; Forum Indonesia untuk Transparansi Anggaran NTB"
    assert first["isu"] == "Antikorupsi dan pengelolaan anggaran"
    assert next(row for row in table if row[0] == "2")[columns().index("title")].startswith("'=HYPERLINK")
    # English settings: the default comma CSV is unchanged
    default = tmp_path / "en.csv"
    assert export(db, "-o", str(default)).exit_code == 0
    en = list(csv.DictReader(default.open(encoding="utf-8")))
    assert next(x for x in en if x["id"] == "1")["score_anti_corruption_budget"] == "0.93"


def test_decimal_comma_needs_semicolons(db: Path, tmp_path: Path) -> None:
    r = export(db, "-o", str(tmp_path / "x.csv"), "--decimal", ",")
    assert r.exit_code == 2 and "--delimiter ';' with --decimal ','" in r.output
    assert not (tmp_path / "x.csv").exists()
    r = export(db, "-o", str(tmp_path / "x.csv"), "--delimiter", "|")
    assert r.exit_code == 2 and "Invalid value for '--delimiter'" in r.output
