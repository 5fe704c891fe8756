"""The command line: public contracts (extract JSONL, export CSV), exit codes, the demo."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.demo.site import serve_demo_site
from tests.helpers import sample_store

PAGE = """<html><head><title>Warga Desa Sembalun Tolak Tambang | Kabar Rinjani</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2025-11-03T09:30:00+08:00">
</head><body><article><h1>Warga Desa Sembalun Tolak Tambang</h1><p class="byline">Oleh Baiq Nurul</p>
<div class="content"><p>SEMBALUN, Kabar Rinjani ~ Ratusan warga Desa Sembalun menolak rencana tambang batu apung di lereng
Rinjani karena khawatir sumber air desa tercemar dan lahan pertanian rusak.</p>
<p>BACA JUGA: <a href="/x">Harga bawang naik</a></p>
<p>Kepala desa menyatakan pemerintah desa akan menyampaikan keberatan resmi kepada Dinas Lingkungan Hidup dan
Kehutanan Provinsi NTB serta meminta kajian analisis dampak lingkungan dibuka kepada publik.</p>
<p>Warga juga meminta DPRD NTB memanggil perusahaan pemegang izin untuk menjelaskan rencana reklamasi. (ron/adm)</p>
</div></article></body></html>"""


def test_extract_files_and_folders(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.html").write_text(PAGE, encoding="utf-8")
    single = tmp_path / "b.html"
    single.write_bytes(PAGE.encode("cp1252", errors="replace"))
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"\x00\x01\x02 not html")
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(main, ["extract", str(folder), str(single), str(broken), str(tmp_path / "missing.html"),
                                  "-o", str(out)])
    assert r.exit_code == 0, r.output
    rows = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in rows] == [str(folder / "sub" / "a.html"), str(single), str(broken),
                                          str(tmp_path / "missing.html")]
    first = rows[0]
    assert {"source", "url", "title", "published", "author", "text", "lang"} <= set(first)
    assert first["title"] == "Warga Desa Sembalun Tolak Tambang"
    assert first["published"] == "2025-11-03T09:30:00+08:00"
    assert first["lang"] == "id" and "BACA JUGA" not in first["text"] and "(ron/adm)" not in first["text"]
    assert first["text"].startswith("Ratusan warga")
    assert len(first["text"].split("\n")) == 3
    assert rows[2]["error"] and rows[3]["error"].startswith("cannot read")


def test_extract_url_from_local_site() -> None:
    server, base = serve_demo_site(slow_seconds=0)
    try:
        key = json.loads((Path(__file__).resolve().parent.parent / "monitor/demo/answer_key.json").read_text())
        article = next(iter(key["articles"].values()))
        url = base + article["path"]
        refused = CliRunner().invoke(main, ["extract", url])
        assert json.loads(refused.stdout.splitlines()[0])["error"].startswith("refused")  # loopback, no flag
        ok = CliRunner().invoke(main, ["extract", "--allow-local", url])
        row = json.loads(ok.stdout.splitlines()[0])
        assert row["source"] == url and row["title"] == article["title"]
    finally:
        server.shutdown()


def test_export_cli_and_errors(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite"
    sample_store(db).close()
    out = tmp_path / "x.csv"
    r = CliRunner().invoke(main, ["--db", str(db), "export", "-o", str(out), "--issue", "anti_corruption_budget",
                                  "--no-duplicates", "--excel"])
    assert r.exit_code == 0 and "exported 1 article" in r.output
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert [x["id"] for x in rows] == ["1"]
    bad = CliRunner().invoke(main, ["--db", str(tmp_path / "none.sqlite"), "export", "-o", str(out)])
    assert bad.exit_code == 2 and "no database" in bad.output
    bad_issue = CliRunner().invoke(main, ["--db", str(db), "export", "-o", str(out), "--issue", "sport"])
    assert bad_issue.exit_code == 2


def test_bad_config_exit_code(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text('[fetch]\nretries = -1\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["--config", str(tmp_path), "sources", "check"])
    assert r.exit_code == 2
    assert f"{tmp_path / 'settings.toml'}: fetch.retries: expected an integer 0..10, got the number -1" in r.output


def test_sources_list_and_check() -> None:
    r = CliRunner().invoke(main, ["--config", str(Path(__file__).resolve().parent.parent / "config"), "sources", "list"])
    assert r.exit_code == 0 and "suarantb" in r.output and "(unverified)" in r.output
    r = CliRunner().invoke(main, ["--config", str(Path(__file__).resolve().parent.parent / "config"), "sources", "check"])
    assert r.exit_code == 0 and "configuration OK" in r.output


@pytest.mark.slow
def test_demo_command_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    proc = subprocess.run([sys.executable, "-m", "monitor.cli", "demo", "--dir", str(out)], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "run 1 ok" in proc.stdout and "Tagged CSV" in proc.stdout and "monitor --db" in proc.stdout
    assert "new 0, updated 0" in proc.stdout  # the second, incremental cycle
    rows = list(csv.DictReader((out / "articles.csv").open(encoding="utf-8")))
    assert len(rows) == 39 and sum(bool(r["issues"]) for r in rows) >= 25
    assert (out / "digest.html").read_text(encoding="utf-8").count("<a href=") >= 10
