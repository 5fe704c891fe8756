"""CSV export: columns, filters, formula neutralisation, Excel BOM, streaming; partner words, region short forms,
Indonesian issue names, delimiter and decimal options (the .xlsx export is in test_export_excel.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.config import ISSUE_KEYS, load_issues
from monitor.deliver.export import (
    ExportFilter,
    columns,
    export_csv,
    iter_rows,
    neutralise,
    resolve_regions,
    to_string,
)
from monitor.models import Partner
from tests.helpers import FakeSource, add_article, sample_store

# The columns as first published: a public contract (same names, same order); new ones only appended.
CONTRACT_COLUMNS = ["id", "published", "source", "region", "title", "url"] + [f"score_{k}" for k in ISSUE_KEYS] + [
    "issues", "partners", "partner_types", "lead", "duplicate_of"]
NAMES_ID = {i.key: i.name_id for i in load_issues()}


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


def test_original_columns_kept_and_isu_appended(store) -> None:
    assert columns()[:len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS
    assert columns()[len(CONTRACT_COLUMNS):] == ["isu"]
    out = {r["id"]: r for r in rows(store, issue_names=NAMES_ID)}  # what the CLI passes, from issues.toml
    assert out["1"]["isu"] == NAMES_ID["anti_corruption_budget"] == "Antikorupsi dan pengelolaan anggaran"
    assert out["2"]["isu"] == "Perlindungan ruang kewargaan dan demokrasi"
    assert out["3"]["isu"] == "" and out["3"]["issues"] == ""
    named = {r["id"]: r for r in rows(store, issue_names={"anti_corruption_budget": "Antikorupsi"})}
    assert named["1"]["isu"] == "Antikorupsi" and named["2"]["isu"] == "civic_space_democracy"
    # without names: the database's issues table (keys until a cycle or `monitor serve` fills in the names)
    assert {r["id"]: r["isu"] for r in rows(store)}["1"] == "anti_corruption_budget"
    store.upsert_issues(load_issues())
    assert {r["id"]: r["isu"] for r in rows(store)} == {r["id"]: r["isu"] for r in out.values()}


def test_isu_follows_the_issues_order(tmp_path: Path) -> None:
    store = sample_store(tmp_path / "m.sqlite")
    add_article(store, 5, title="Dana desa dan pilkada", published="2026-11-23T08:00:00+08:00",
                issues={"civic_space_democracy": 0.6, "anti_corruption_budget": 0.9})
    row = next(r for r in rows(store, issue_names=NAMES_ID) if r["id"] == "5")
    assert row["issues"] == "anti_corruption_budget; civic_space_democracy"
    assert row["isu"] == "Antikorupsi dan pengelolaan anggaran; Perlindungan ruang kewargaan dan demokrasi"
    store.close()


def number(row: dict) -> int:
    """The number add_article puts in the URL (the id for the sample store's articles 1-4)."""
    return int(row["url"].rsplit("/", 1)[1])


@pytest.fixture()
def orgs_store(tmp_path: Path):
    """Articles 11-16, one per organisation, named as the extractor stores them."""
    s = sample_store(tmp_path / "orgs.sqlite")
    orgs = [
        Partner("Forum Indonesia untuk Transparansi Anggaran NTB", "FITRA NTB", "civil_society", key="fitra-ntb"),
        Partner("Lembaga Bantuan Hukum Mataram", "LBH Mataram", "civil_society", key="lbh-mataram"),
        Partner("DPRD Kabupaten Lombok Timur", None, "government", key="dprd-lotim"),
        Partner("Kantor Pelayanan Kekayaan Negara dan Lelang Mataram", "KPKNL Mataram", "government", key="kpknl"),
        Partner("Yayasan Lembaga Bantuan Hukum Indonesia", "YLBHI", "civil_society", key="ylbhi"),
        Partner("Pokja-30 Samarinda (Kelompok Kerja 30)", None, "civil_society", key="pokja30"),
    ]
    for n, org in enumerate(orgs, 11):
        add_article(s, n, title=f"Berita {n}", partners=[org], published=f"2026-11-{n:02d}T10:00:00+08:00")
    yield s
    s.close()


def test_partner_matches_whole_words_of_name_or_acronym(orgs_store) -> None:
    def ids(*partners: str) -> list[int]:
        return sorted(number(r) for r in rows(orgs_store, partners=list(partners)))

    assert ids("FITRA") == [1, 11]  # "FITRA NTB" in sample article 1 and here: the acronym less its region
    assert ids("fitra") == ids("Fitra Ntb") == ids("FITRA NTB") == [1, 11]
    assert ids("LBH") == [12]  # "LBH Mataram", not YLBHI
    assert ids("DPRD") == [13]
    assert ids("Lombok Timur") == ids("lombok") == [13]
    assert ids("Transparansi") == ids("forum ntb") == [1, 11]  # any whole words of the name, in any order
    assert ids("Lembaga Bantuan Hukum") == [12, 15]
    assert ids("KPK") == [1, 4]  # Komisi Pemberantasan Korupsi; never KPKNL
    assert ids("KPKNL") == [14]
    assert ids("Mataram") == [12, 14]
    assert ids("pokja-30") == ids("Pokja 30") == ids("kelompok kerja") == [16]
    assert ids("FITRA", "LBH") == [1, 11, 12]  # repeated --partner: any of them
    assert ids("Transpar") == ids("NT") == ids("%") == ids("_") == []  # no prefixes, no LIKE wildcards
    with pytest.raises(ValueError, match="no words"):
        rows(orgs_store, partners=["***"])


def test_region_short_forms_from_the_gazetteer(tmp_path: Path) -> None:
    stored = ["Kota Mataram", "Lombok Tengah", "Nusa Tenggara Barat"]
    assert resolve_regions(["NTB"], stored) == ["Nusa Tenggara Barat"]
    assert resolve_regions(["ntb"], stored) == resolve_regions(["Nusa Tenggara Barat"], stored)
    assert "Lombok Tengah" in resolve_regions(["Loteng"], stored)
    assert "Lombok Timur" in resolve_regions(["Lotim"], stored)
    assert "Lombok Barat" in resolve_regions(["Lobar"], stored)
    assert "Lombok Utara" in resolve_regions(["KLU"], stored)
    assert "Sumbawa Barat" in resolve_regions(["KSB"], stored)
    assert {"Mataram", "Kota Mataram"} <= set(resolve_regions(["Mataram"], stored))
    assert {"Bima", "Kota Bima", "Kabupaten Bima"} <= set(resolve_regions(["Bima"], stored))
    assert resolve_regions(["Kota Bima"], stored) == ["Kota Bima"]
    # the short forms come from the gazetteer's region table, not from code
    gaz = tmp_path / "partners.toml"
    gaz.write_text('org = [{ key = "x", name = "Organisasi X", acronym = "", aliases = [], short = [], '
                   'type = "other", region = "national" }]\n'
                   'province = [{ name = "Nusa Tenggara Barat", short = "NTB", aliases = ["Bumi Gora"] }]\n',
                   encoding="utf-8")
    assert resolve_regions(["bumi gora"], stored, gaz) == ["Nusa Tenggara Barat"]
    with pytest.raises(ValueError, match="unknown region 'Lotim'"):
        resolve_regions(["Lotim"], stored, gaz)
    # a region the sources use is accepted as written, known to the gazetteer or not
    assert resolve_regions(["nasional"], ["Nasional"]) == ["Nasional"]
    with pytest.raises(ValueError) as err:
        resolve_regions(["Lotimm"], stored)
    assert str(err.value).startswith("unknown region 'Lotimm'; did you mean Lotim (Lombok Timur)")
    assert str(err.value).endswith("Regions in this database: Kota Mataram, Lombok Tengah, Nusa Tenggara Barat")


def cli_ids(db: Path, tmp_path: Path, *args: str) -> list[int]:
    out = tmp_path / "cli.csv"
    r = CliRunner().invoke(main, ["--db", str(db), "export", "-o", str(out), *args])
    assert r.exit_code == 0, r.output
    return sorted(number(x) for x in csv.DictReader(out.open(encoding="utf-8")))


def test_cli_partner_and_region(orgs_store, tmp_path: Path) -> None:
    orgs_store.upsert_sources([FakeSource("lombokpost", "Kota Mataram")])
    add_article(orgs_store, 21, title="Wali kota Mataram", source="lombokpost")
    db = orgs_store.path
    assert cli_ids(db, tmp_path, "--partner", "FITRA") == [1, 11]
    assert cli_ids(db, tmp_path, "--partner", "LBH") == [12]
    assert cli_ids(db, tmp_path, "--partner", "DPRD") == [13]
    assert cli_ids(db, tmp_path, "--region", "Loteng") == [2, 4]
    assert cli_ids(db, tmp_path, "--region", "Mataram") == [21]
    assert cli_ids(db, tmp_path, "--region", "NTB", "--partner", "FITRA") == [1, 11]
    assert cli_ids(db, tmp_path, "--region", "NTB") == cli_ids(db, tmp_path, "--region", "Nusa Tenggara Barat")
    assert cli_ids(db, tmp_path, "--region", "NTB") == [1, 3, 11, 12, 13, 14, 15, 16]
    bad = CliRunner().invoke(main, ["--db", str(db), "export", "-o", str(tmp_path / "x.csv"), "--region", "Lotimm"])
    assert bad.exit_code == 2
    assert "unknown region 'Lotimm'; did you mean Lotim (Lombok Timur)" in bad.output
    assert "Regions in this database: Kota Mataram, Lombok Tengah, Nusa Tenggara Barat" in bad.output
    assert not (tmp_path / "x.csv").exists()


def test_cli_grammar(store, tmp_path: Path) -> None:
    out = tmp_path / "g.csv"
    one = CliRunner().invoke(main, ["--db", str(store.path), "export", "-o", str(out), "--query", "taliwang"])
    assert one.exit_code == 0 and one.output.strip() == f"exported 1 article -> {out}"
    two = CliRunner().invoke(main, ["--db", str(store.path), "export", "-o", str(out), "--issue",
                                    "anti_corruption_budget"])
    assert two.output.strip() == f"exported 2 articles -> {out}"
    none = CliRunner().invoke(main, ["--db", str(store.path), "export", "-o", str(out), "--query", "gempa"])
    assert none.output.strip() == f"exported 0 articles -> {out}"


def test_delimiter_and_decimal(store) -> None:
    text = to_string(store.conn, ExportFilter(), delimiter=";", decimal=",")
    parsed = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert parsed[0] == columns() and all(len(r) == len(columns()) for r in parsed)
    first = dict(zip(parsed[0], next(r for r in parsed if r[0] == "1")))
    assert first["score_anti_corruption_budget"] == "0,93"
    assert first["partners"] == "Komisi Pemberantasan Korupsi; Forum Indonesia untuk Transparansi Anggaran NTB"
    assert first["id"] == "1" and first["published"] == "2026-11-20T09:00:00+08:00"  # only floats change
    assert to_string(store.conn, ExportFilter()) == to_string(store.conn, ExportFilter(), delimiter=",", decimal=".")
    with pytest.raises(ValueError, match="also the column delimiter"):
        to_string(store.conn, ExportFilter(), decimal=",")
    with pytest.raises(ValueError, match="--delimiter"):
        to_string(store.conn, ExportFilter(), delimiter="|")
