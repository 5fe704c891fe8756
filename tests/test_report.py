"""`monitor report` on a database built here with known counts: every figure of the HTML tables and
CSV files, spikes against a baseline that starts before the period, Datasette's canned queries
agreeing with the CSVs, a report that loads nothing from anywhere, charts that parse as SVG, and a
headless-Chromium render (skipped, with the reason, when Chromium is not installed).

The data (publication dates in WITA; period 2026-10-01 (Thu) .. 2026-11-30 (Mon)):

===========  ====  ===  ===  ===  ===  ===  =====  =================================
week (Mon)   days  A    C    S    J    E    all    notes
===========  ====  ===  ===  ===  ===  ===  =====  =================================
09-28        4     1    0    1    0    0    2      Oct 1 08:00 counts; Sep 30 23:30 not
10-05        7     3    0    0    0    2    5      A: no spike (baseline 7 before, 1.75)
10-12        7     0    3    0    0    2    5      C spike (baseline 0)
10-19        7     0    2    0    0    2    4
10-26        7     0    0    0    0    3    3      E: 3 = 2 x 1.5, not more: no spike
11-02        7     4    0    0    0    0    4      A spike (baseline 0.75); copy not counted
11-09        7     1    0    0    0    0    1
11-16        7     0    3    0    0    0    3      C spike (baseline 0.5)
11-23        7     1    0    0    1    0    1      one article with A and J
11-30        1     0    0    1    0    1    2      Nov 30 23:30 counts; Dec 1 00:30 not
===========  ====  ===  ===  ===  ===  ===  =====  =================================

A anti_corruption_budget, C civic_space_democracy, S inclusive_public_services, J access_to_justice,
E energy_environment_resources; gender_disability_inclusion has none. Also stored and never counted:
an untagged article (Oct 16), a syndicated copy (Nov 3), and before the period five A articles
(Sep 9, 10, 16, 17, 23, 29) and an untagged one on Aug 31 (the earliest: spikes are judged from
the week of Sep 28 on).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import requests

from monitor.config import ISSUE_KEYS
from monitor.deliver.report import CSV_FILES, build_report, write_report
from monitor.deliver.serve import start_datasette
from monitor.deliver.trends import canned_queries
from monitor.deliver.wording import issue_names
from monitor.models import IssueScore, Partner, Tags
from monitor.store import Store
from tests.helpers import free_port, wait_for_datasette

ROOT = Path(__file__).resolve().parent.parent
NAMES = issue_names(ROOT / "config" / "issues.toml")
A, C, S, J, G, E = ISSUE_KEYS[0], ISSUE_KEYS[1], ISSUE_KEYS[2], ISSUE_KEYS[3], ISSUE_KEYS[4], ISSUE_KEYS[5]
SINCE, UNTIL = dt.date(2026, 10, 1), dt.date(2026, 11, 30)


class Source:
    def __init__(self, id: str, region: str | None):
        self.id, self.name, self.homepage, self.region = id, id.capitalize(), f"https://{id}.example/", region
        self.region_level, self.kind = "kabupaten", "media"


SOURCES = [Source("suarantb", "Nusa Tenggara Barat"), Source("radarlombok", "Lombok Tengah"),
           Source("lomboktimur", "Lombok Timur"), Source("nasional", None)]
ORGS = {
    "kpk": Partner("Komisi Pemberantasan Korupsi", "KPK", "government", key="kpk"),
    "fitra": Partner("Forum Indonesia untuk Transparansi Anggaran NTB", "FITRA NTB", "civil_society", key="fitra_ntb"),
    "bpk": Partner("Badan Pemeriksa Keuangan", "BPK", "government", key="bpk"),
    "bawaslu": Partner("Badan Pengawas Pemilihan Umum Provinsi Nusa Tenggara Barat", "Bawaslu NTB", "government",
                       key="bawaslu_ntb"),
    "walhi": Partner("Wahana Lingkungan Hidup Indonesia NTB", "WALHI NTB", "civil_society", key="walhi_ntb"),
    "aman": Partner("Aliansi Masyarakat Adat Nusantara", "AMAN", "civil_society", key="aman"),
}

# (label, published, source, {issue: score} (all assigned), organisations, duplicate of label)
ARTICLES = [
    ("base0", "2026-08-31T09:00:00+08:00", "suarantb", {}, [], None),
    ("base1", "2026-09-09T09:00:00+08:00", "suarantb", {A: 0.8}, [], None),
    ("base2", "2026-09-10T09:00:00+08:00", "suarantb", {A: 0.8}, [], None),
    ("base3", "2026-09-16T09:00:00+08:00", "suarantb", {A: 0.8}, [], None),
    ("base4", "2026-09-17T09:00:00+08:00", "suarantb", {A: 0.8}, [], None),
    ("base5", "2026-09-23T09:00:00+08:00", "radarlombok", {A: 0.8}, [], None),
    ("base6", "2026-09-29T09:00:00+08:00", "suarantb", {A: 0.8}, [], None),
    ("early", "2026-09-30T23:30:00+08:00", "suarantb", {S: 0.9}, [], None),
    ("a01", "2026-10-01T08:00:00+08:00", "suarantb", {S: 0.7}, [], None),
    ("a02", "2026-10-02T09:00:00+08:00", "suarantb", {A: 0.62}, ["kpk"], None),
    ("a03", "2026-10-06T09:00:00+08:00", "lomboktimur", {E: 0.9}, ["aman"], None),
    ("a04", "2026-10-07T09:00:00+08:00", "suarantb", {A: 0.55}, [], None),
    ("a04b", "2026-10-08T09:00:00+08:00", "suarantb", {A: 0.81}, [], None),
    ("a04c", "2026-10-09T09:00:00+08:00", "radarlombok", {A: 0.58}, [], None),
    ("a05", "2026-10-08T10:00:00+08:00", "lomboktimur", {E: 0.8}, [], None),
    ("a06", "2026-10-13T09:00:00+08:00", "radarlombok", {C: 0.9}, ["bawaslu", "fitra"], None),
    ("a07", "2026-10-13T10:00:00+08:00", "lomboktimur", {E: 0.7}, [], None),
    ("a08", "2026-10-14T09:00:00+08:00", "radarlombok", {C: 0.6}, ["bawaslu"], None),
    ("a09", "2026-10-14T10:00:00+08:00", "lomboktimur", {E: 0.7}, [], None),
    ("a10", "2026-10-15T09:00:00+08:00", "suarantb", {C: 0.7}, ["bawaslu"], None),
    ("off", "2026-10-16T09:00:00+08:00", "suarantb", {}, ["kpk"], None),
    ("a11", "2026-10-20T09:00:00+08:00", "radarlombok", {C: 0.5}, [], None),
    ("a12", "2026-10-20T10:00:00+08:00", "lomboktimur", {E: 0.7}, [], None),
    ("a13", "2026-10-21T09:00:00+08:00", "radarlombok", {C: 0.52}, [], None),
    ("a14", "2026-10-22T09:00:00+08:00", "lomboktimur", {E: 0.7}, [], None),
    ("a15", "2026-10-27T09:00:00+08:00", "lomboktimur", {E: 0.95}, ["walhi"], None),
    ("a16", "2026-10-28T09:00:00+08:00", "lomboktimur", {E: 0.7}, ["walhi"], None),
    ("a17", "2026-10-29T09:00:00+08:00", "nasional", {E: 0.6}, [], None),
    ("a18", "2026-11-03T09:00:00+08:00", "suarantb", {A: 0.97}, ["kpk", "fitra"], None),
    ("copy", "2026-11-03T11:00:00+08:00", "radarlombok", {A: 0.96}, ["kpk"], "a18"),
    ("a19", "2026-11-04T09:00:00+08:00", "suarantb", {A: 0.91}, ["kpk"], None),
    ("a20", "2026-11-05T09:00:00+08:00", "radarlombok", {A: 0.88}, ["kpk"], None),
    ("a21", "2026-11-06T09:00:00+08:00", "suarantb", {A: 0.45}, ["fitra"], None),
    ("a22", "2026-11-10T09:00:00+08:00", "suarantb", {A: 0.70}, [], None),
    ("a23", "2026-11-17T09:00:00+08:00", "radarlombok", {C: 0.9}, ["bawaslu"], None),
    ("a24", "2026-11-18T09:00:00+08:00", "radarlombok", {C: 0.65}, [], None),
    ("a25", "2026-11-19T09:00:00+08:00", "suarantb", {C: 0.58}, [], None),
    ("a26", "2026-11-24T09:00:00+08:00", "suarantb", {J: 0.8, A: 0.66}, ["bpk"], None),
    ("a27", "2026-11-30T10:00:00+08:00", "lomboktimur", {E: 0.75}, [], None),
    ("a28", "2026-11-30T23:30:00+08:00", "suarantb", {S: 0.9}, [], None),
    ("late", "2026-11-30T16:30:00+00:00", "suarantb", {S: 0.9}, [], None),  # 1 Dec 00:30 WITA
]


def build_db(path: Path) -> dict[str, int]:
    """The database above; returns label -> article id."""
    store = Store(path)
    store.upsert_sources(SOURCES)
    from monitor.config import load_issues

    store.upsert_issues(load_issues(ROOT / "config" / "issues.toml"))
    ids: dict[str, int] = {}
    for n, (label, published, source, issues, orgs, dup) in enumerate(ARTICLES):
        scores = {k: issues.get(k, 0.02) for k in ISSUE_KEYS}
        evidence = {k: IssueScore(k, scores[k], [f"Bukti {label} untuk {k}."], ["istilah"]) for k in issues}
        url = f"https://{source}.example/berita/{label}"
        rec = {"url": url, "source_id": source, "title": f"Berita {label}", "text": f"Isi berita {label}.",
               "lead": f"Berita {label}", "published": published, "content_hash": f"h{n}",
               "duplicate_of": ids[dup] if dup else None}
        ids[label], _ = store.save_article(rec, seen_url=url, tags=Tags(sorted(issues), scores, evidence, "t"),
                                           partners=[ORGS[o] for o in orgs])
    store.close()
    return ids


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("report") / "monitor.sqlite"
    return path, build_db(path)


@pytest.fixture(scope="module")
def written(db, tmp_path_factory):
    path, _ = db
    out = tmp_path_factory.mktemp("out")
    report = write_report(path, out / "report.html", SINCE, UNTIL, issue_names=NAMES, csv_dir=out / "csv",
                          now=dt.datetime(2026, 12, 6, 5, 48, tzinfo=dt.timezone.utc))
    return report, out


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


ISSUE_HEADER = [NAMES[k] for k in ISSUE_KEYS]
#               start         end           days  A    C    S    J    G    E    all
WEEKS = [["2026-09-28", "2026-10-04", "4", "1", "0", "1", "0", "0", "0", "2"],
         ["2026-10-05", "2026-10-11", "7", "3", "0", "0", "0", "0", "2", "5"],
         ["2026-10-12", "2026-10-18", "7", "0", "3", "0", "0", "0", "2", "5"],
         ["2026-10-19", "2026-10-25", "7", "0", "2", "0", "0", "0", "2", "4"],
         ["2026-10-26", "2026-11-01", "7", "0", "0", "0", "0", "0", "3", "3"],
         ["2026-11-02", "2026-11-08", "7", "4", "0", "0", "0", "0", "0", "4"],
         ["2026-11-09", "2026-11-15", "7", "1", "0", "0", "0", "0", "0", "1"],
         ["2026-11-16", "2026-11-22", "7", "0", "3", "0", "0", "0", "0", "3"],
         ["2026-11-23", "2026-11-29", "7", "1", "0", "0", "1", "0", "0", "1"],
         ["2026-11-30", "2026-12-06", "1", "0", "0", "1", "0", "0", "1", "2"]]
#           region                 A    C    S    J    G    E    all
REGIONS = [["Nusa Tenggara Barat", "8", "2", "2", "1", "0", "0", "12"],
           ["Lombok Timur", "0", "0", "0", "0", "0", "9", "9"],
           ["Lombok Tengah", "2", "6", "0", "0", "0", "0", "8"],
           ["(tanpa wilayah)", "0", "0", "0", "0", "0", "1", "1"]]
TOTALS = {A: 10, C: 8, S: 2, J: 1, G: 0, E: 10}
ORGANISATIONS = [
    [A, NAMES[A], "1", "Komisi Pemberantasan Korupsi", "KPK", "4"],
    [A, NAMES[A], "2", "Forum Indonesia untuk Transparansi Anggaran NTB", "FITRA NTB", "2"],
    [A, NAMES[A], "3", "Badan Pemeriksa Keuangan", "BPK", "1"],
    [C, NAMES[C], "1", "Badan Pengawas Pemilihan Umum Provinsi Nusa Tenggara Barat", "Bawaslu NTB", "4"],
    [C, NAMES[C], "2", "Forum Indonesia untuk Transparansi Anggaran NTB", "FITRA NTB", "1"],
    [J, NAMES[J], "1", "Badan Pemeriksa Keuangan", "BPK", "1"],
    [E, NAMES[E], "1", "Wahana Lingkungan Hidup Indonesia NTB", "WALHI NTB", "2"],
    [E, NAMES[E], "2", "Aliansi Masyarakat Adat Nusantara", "AMAN", "1"],
]
SPIKES = [["2026-10-12", "2026-10-18", C, NAMES[C], "3", "0.0"],
          ["2026-11-02", "2026-11-08", A, NAMES[A], "4", "0.75"],
          ["2026-11-16", "2026-11-22", C, NAMES[C], "3", "0.5"]]


def test_csv_tables_match_the_data(written) -> None:
    report, out = written
    folder = out / "csv"
    assert sorted(p.name for p in folder.iterdir()) == sorted(CSV_FILES)
    summary = read_csv(folder / "ringkasan_isu.csv")
    assert summary[0] == ["issue", "isu", "berita"]
    assert summary[1:] == [[k, NAMES[k], str(TOTALS[k])] for k in ISSUE_KEYS] + [["", "Semua berita", "30"]]
    weekly = read_csv(folder / "volume_mingguan.csv")
    assert weekly[0] == ["minggu_mulai", "minggu_akhir", "hari_dalam_periode", *ISSUE_HEADER, "semua"]
    assert weekly[1:] == WEEKS
    regions = read_csv(folder / "wilayah.csv")
    assert regions == [["wilayah", *ISSUE_HEADER, "semua"], *REGIONS]
    orgs = read_csv(folder / "organisasi_per_isu.csv")
    assert orgs == [["issue", "isu", "peringkat", "organisasi", "singkatan", "berita"], *ORGANISATIONS]
    spikes = read_csv(folder / "lonjakan.csv")
    assert spikes == [["minggu_mulai", "minggu_akhir", "issue", "isu", "berita", "rata_rata_sebelumnya"], *SPIKES]
    strongest = read_csv(folder / "berita_terkuat.csv")
    assert strongest[0] == ["issue", "isu", "peringkat", "id", "terbit", "sumber", "wilayah", "judul", "url", "skor",
                            "keyakinan", "bukti"]
    by_issue: dict[str, list[list[str]]] = {}
    for row in strongest[1:]:
        by_issue.setdefault(row[0], []).append(row)
    assert [(r[7], r[9], r[10]) for r in by_issue[A]] == [
        ("Berita a18", "0.97", "tinggi"), ("Berita a19", "0.91", "tinggi"), ("Berita a20", "0.88", "tinggi"),
        ("Berita a04b", "0.81", "tinggi"), ("Berita a22", "0.7", "sedang")]
    # equal scores: the newer article first
    assert [(r[7], r[9]) for r in by_issue[C]][:2] == [("Berita a23", "0.9"), ("Berita a06", "0.9")]
    assert [r[7] for r in by_issue[S]] == ["Berita a28", "Berita a01"]
    first = by_issue[A][0]
    assert first[4:7] == ["2026-11-03 09:00", "Suarantb", "Nusa Tenggara Barat"]
    assert first[8] == "https://suarantb.example/berita/a18" and first[11] == f"Bukti a18 untuk {A}."
    assert G not in by_issue
    assert report.total == 30 and report.judged_from == dt.date(2026, 9, 28)


def test_csv_delimiter_and_decimal(db, tmp_path: Path) -> None:
    path, _ = db
    write_report(path, tmp_path / "r.html", SINCE, UNTIL, issue_names=NAMES, csv_dir=tmp_path / "csv",
                 delimiter=";", decimal=",")
    with open(tmp_path / "csv" / "lonjakan.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert [r[5] for r in rows[1:]] == ["0,0", "0,75", "0,5"]


def _tables(page: str) -> list[list[list[str]]]:
    from lxml import html as lhtml

    doc = lhtml.fromstring(page)
    return [[[c.text_content().strip() for c in tr.xpath("./th|./td")] for tr in t.xpath(".//tr")]
            for t in doc.xpath("//table")]


def test_html_tables_show_the_same_figures(written) -> None:
    _, out = written
    page = (out / "report.html").read_text(encoding="utf-8")
    tables = _tables(page)
    summary, weekly, regions = tables[0], tables[1], tables[2]
    assert summary == [["Isu", "Berita"], *[[NAMES[k], str(TOTALS[k])] for k in ISSUE_KEYS], ["Semua berita", "30"]]
    assert weekly[0] == ["Minggu", "Hari", *ISSUE_HEADER, "Semua"]
    assert [row[2:] for row in weekly[1:]] == [w[3:] for w in WEEKS]
    assert [row[1] for row in weekly[1:]] == ["4 dari 7"] + ["7"] * 8 + ["1 dari 7"]
    assert weekly[1][0] == "28 Sep\u20134 Okt 2026" and weekly[-1][0] == "30 Nov\u20136 Des 2026"
    assert regions == [["Wilayah", *ISSUE_HEADER, "Semua"], *REGIONS]
    orgs = tables[3:3 + 4]  # the issues that have organisations: A, C, J, E (S and G say there are none)
    assert orgs[0] == [["#", "Organisasi", "Berita"], ["1", "Komisi Pemberantasan Korupsi (KPK)", "4"],
                       ["2", "Forum Indonesia untuk Transparansi Anggaran NTB (FITRA NTB)", "2"],
                       ["3", "Badan Pemeriksa Keuangan (BPK)", "1"]]
    assert orgs[3][1:] == [["1", "Wahana Lingkungan Hidup Indonesia NTB (WALHI NTB)", "2"],
                           ["2", "Aliansi Masyarakat Adat Nusantara (AMAN)", "1"]]
    spikes = tables[7]
    assert [row[1:4] for row in spikes[1:]] == [[NAMES[C], "3", "0,00"], [NAMES[A], "4", "0,75"],
                                                 [NAMES[C], "3", "0,50"]]
    assert [row[4] for row in spikes[1:]] == ["\u2014", "5,33\u00d7", "6,00\u00d7"]
    text = re.sub(r"\s+", " ", page)
    assert "Berita yang terbit 1 Oktober \u2013 30 November 2026 (WITA)" in text
    assert "Dibuat 6 Desember 2026 pukul 13:48 WITA" in text
    assert "Bukti a18 untuk anti_corruption_budget." in page and "keyakinan tinggi (0,97)" in page


def test_region_and_issue_filters(db) -> None:
    path, _ = db
    store = Store(path, readonly=True)
    try:
        from monitor.deliver.export import resolve_regions, stored_regions

        regions = resolve_regions(["Loteng"], stored_regions(store.conn), ROOT / "config" / "partners.toml")
        assert "Lombok Tengah" in regions
        r = build_report(store.conn, SINCE, UNTIL, regions=regions, issue_names=NAMES)
        assert r.total == 8 and r.totals == {A: 2, C: 6, S: 0, J: 0, G: 0, E: 0}
        assert [(x.region, x.total) for x in r.region_rows] == [("Lombok Tengah", 8)]
        assert r.regions == ["Lombok Tengah"]  # as this database names it
        assert r.spikes == []  # two a week at most in Lombok Tengah
        only = build_report(store.conn, SINCE, UNTIL, issues=[C, A], issue_names=NAMES)
        assert only.issues == [A, C] and only.total == 18
        assert [w.total for w in only.weeks] == [1, 3, 3, 2, 0, 4, 1, 3, 1, 0]
        with pytest.raises(ValueError, match="after --until"):
            build_report(store.conn, UNTIL, SINCE)
    finally:
        store.close()


def test_no_external_resources_and_charts_parse(written, db) -> None:
    _, out = written
    page = (out / "report.html").read_text(encoding="utf-8")
    from lxml import html as lhtml

    doc = lhtml.fromstring(page)
    assert not doc.xpath("//script|//link|//iframe|//object|//embed|//img|//video|//audio|//source")
    article_urls = {f"https://{src}.example/berita/{a[0]}" for a in ARTICLES for src in [a[2]]}
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            local = name.rsplit("}", 1)[-1]
            if local in ("src", "srcset", "poster", "action", "data", "background"):
                pytest.fail(f"{el.tag} has {name}={value!r}")
            if local == "href":
                # in-page anchors, and links to the articles themselves (a click, never a load)
                assert value.startswith("#") or (el.tag == "a" and value in article_urls), (el.tag, value)
    assert "@import" not in page
    # url(...) only for the charts' own clip paths (#id) or inline data
    assert all(u.startswith(("#", "data:")) for u in re.findall(r"url\(\s*['\"]?([^'\")]*)", page))
    assert not re.search(r"(?:src|href)\s*=\s*['\"]?\s*(?:https?:)?//(?![a-z]+\.example/berita/)", page, re.I)
    svgs = re.findall(r"<svg\b.*?</svg>", page, flags=re.S)
    assert len(svgs) == 2  # weekly volume, regions
    for svg in svgs:
        root = ET.fromstring(svg)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert len(list(root.iter())) > 50  # drawn, not empty
    weekly_texts = [t.text for t in ET.fromstring(svgs[0]).iter("{http://www.w3.org/2000/svg}text")]
    assert NAMES[A] in weekly_texts and "2 Nov" in weekly_texts
    region_texts = [t.text for t in ET.fromstring(svgs[1]).iter("{http://www.w3.org/2000/svg}text")]
    assert "Nusa Tenggara Barat" in region_texts and "12" in region_texts
    assert "@media print" in page and "break-before: page" in page and "@page" in page


def test_canned_queries_agree_with_the_csv(written, db) -> None:
    _, out = written
    path, _ = db
    queries = canned_queries(NAMES, 480)
    import sqlite3

    conn = sqlite3.connect(path)
    params = {"since": SINCE.isoformat(), "until": UNTIL.isoformat()}

    def run(name: str, p=params) -> list[list[str]]:
        return [[str(v) for v in row] for row in conn.execute(queries[name]["sql"], p)]

    weekly = read_csv(out / "csv" / "volume_mingguan.csv")[1:]
    assert run("volume_per_issue_per_week") == [r[:2] + r[3:] for r in weekly]
    assert run("volume_per_region") == read_csv(out / "csv" / "wilayah.csv")[1:]
    assert run("top_organisations_per_issue") == read_csv(out / "csv" / "organisasi_per_isu.csv")[1:]
    assert run("spikes") == read_csv(out / "csv" / "lonjakan.csv")[1:]
    everything = run("volume_per_issue_per_week", {"since": "", "until": ""})
    assert everything[0][0] == "2026-09-07" and everything[-1][0] == "2026-11-30"
    conn.close()


def test_canned_queries_in_datasette(db, tmp_path: Path) -> None:
    path, _ = db
    copy = tmp_path / "monitor.sqlite"
    shutil.copy(path, copy)
    port = free_port()
    proc = start_datasette(copy, port=port, workdir=tmp_path, config_dir=ROOT / "config")
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_datasette(base, proc)
        got = requests.get(base + "/monitor/spikes.json", params={"since": "2026-10-01", "until": "2026-11-30",
                                                                   "_shape": "array"}, timeout=30).json()
        assert [(r["minggu_mulai"], r["issue"], r["berita"]) for r in got] == [
            ("2026-10-12", C, 3), ("2026-11-02", A, 4), ("2026-11-16", C, 3)]
        regions = requests.get(base + "/monitor/volume_per_region.json", params={"_shape": "array"}, timeout=30).json()
        assert regions[0]["wilayah"] == "Nusa Tenggara Barat" and regions[0]["semua"] == 19  # 12 + 5 before and 2 after the period
        home = requests.get(base + "/", timeout=30).text
        assert "monitor report" in home
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_report_command(db, tmp_path: Path) -> None:
    path, _ = db
    out = tmp_path / "r.html"
    run = subprocess.run([sys.executable, "-m", "monitor.cli", "--db", str(path), "report", "--since", "2026-10-01",
                          "--until", "2026-11-30", "--region", "Loteng", "--issue", C, "-o", str(out),
                          "--csv-dir", str(tmp_path / "csv")], capture_output=True, text=True, timeout=300,
                         cwd=ROOT, env={**os.environ})
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.splitlines()[0] == f"report of 6 articles (2026-10-01..2026-11-30) -> {out}"
    assert read_csv(tmp_path / "csv" / "ringkasan_isu.csv")[1:] == [[C, NAMES[C], "6"], ["", "Semua berita", "6"]]
    assert "wilayah sumber: Lombok Tengah" in out.read_text(encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "monitor.cli", "--db", str(path), "report", "--since", "2026-10-01",
                          "--until", "2026-11-30", "--region", "Lotengg", "-o", str(out)], capture_output=True,
                         text=True, timeout=300, cwd=ROOT)
    assert bad.returncode == 2 and bad.stderr.startswith("error: unknown region 'Lotengg'; did you mean Loteng")
    assert "Traceback" not in bad.stderr


CHROMIUM = next((c for c in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser")
                             or "") if c and Path(c).exists()), None)


def screenshot(page: Path, shot: Path, profile: Path, size: str = "1200,1600") -> None:
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-sync", f"--user-data-dir={profile}",
                    f"--screenshot={shot}", f"--window-size={size}", page.resolve().as_uri()],
                   capture_output=True, timeout=120, check=False)


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium)")
def test_report_renders_in_headless_chromium(written, tmp_path: Path) -> None:
    from PIL import Image

    _, out = written
    shot = tmp_path / "report.png"
    screenshot(out / "report.html", shot, tmp_path / "profile")
    assert shot.is_file(), "Chromium wrote no screenshot"
    image = Image.open(shot).convert("RGB")
    assert image.size == (1200, 1600)
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # text, tables and a chart, not a blank page
    # the chart's issue colours are on screen (the weekly chart is in the first 1600 pixels)
    pixels = {image.getpixel((x, y)) for x in range(0, 1200, 2) for y in range(0, 1600, 2)}
    assert (0xD5, 0x5E, 0x00) in pixels or any(abs(r - 0xD5) + abs(g - 0x5E) + abs(b) < 30 for r, g, b in pixels)


@pytest.mark.slow
def test_demo_writes_the_report(tmp_path: Path) -> None:
    import sqlite3

    out = tmp_path / "demo"
    run = subprocess.run([sys.executable, "-m", "monitor.cli", "demo", "--dir", str(out)], capture_output=True,
                         text=True, timeout=600, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    assert f"Report: {out / 'report.html'} (articles published 2025-10-16..2025-11-21)" in run.stdout
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Berita yang terbit 16 Oktober \u2013 21 November 2025 (WITA)" in page
    conn = sqlite3.connect(out / "monitor.sqlite")
    tagged = conn.execute("SELECT count(DISTINCT a.id) FROM articles a JOIN article_issues ai ON ai.article_id = a.id "
                          "AND ai.assigned = 1 WHERE a.duplicate_of IS NULL").fetchone()[0]
    conn.close()
    assert _tables(page)[0][-1] == ["Semua berita", str(tagged)] and tagged >= 25
    assert len(re.findall(r"<svg\b", page)) == 2 and "<script" not in page
