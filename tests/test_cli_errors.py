"""What a new user trips over (issue 10): every bad input gets one clear line and an honest exit code.

Each test runs the real ``monitor`` command in a subprocess, as a user would, and checks that no
Python traceback reaches the terminal.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.demo.run import write_demo_config
from tests.helpers import sample_store

ROOT = Path(__file__).resolve().parent.parent

NEWS = ("Kejaksaan Tinggi NTB menahan Kepala Bappeda Lombok Timur atas dugaan korupsi anggaran perjalanan dinas "
        "tahun 2024. Penyidik menyebut kerugian negara mencapai Rp 2 miliar dan menyita dokumen pengadaan dari "
        "kantor dinas. Kepala Kejati NTB mengatakan tersangka ditahan selama 20 hari ke depan di Lapas Mataram.")


def monitor(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "monitor.cli", *args], capture_output=True, text=True,
                          cwd=cwd, input=stdin, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def error_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return [l for l in proc.stderr.splitlines() if l.strip() and "WARNING" not in l]


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "monitor.sqlite"
    sample_store(path).close()
    return path


@pytest.mark.parametrize("command", [
    ["classify", "{inp}", "-o", "/no/such/dir/out.jsonl"],
    ["extract", "{page}", "-o", "/no/such/dir/x.jsonl"],
    ["--db", "{db}", "export", "-o", "/no/such/dir/x.csv"],
])
def test_output_in_missing_folder(tmp_path: Path, db: Path, command: list[str]) -> None:
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "a", "title": "x", "text": NEWS}) + "\n", encoding="utf-8")
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>" + NEWS + "</p></body></html>", encoding="utf-8")
    args = [a.format(inp=inp, page=page, db=db) for a in command]
    proc = monitor(*args)
    assert proc.returncode == 2
    assert "folder /no/such/dir does not exist" in proc.stderr


def test_db_that_is_not_sqlite(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("catatan rapat\n" * 50, encoding="utf-8")
    for args in (["export", "-o", str(tmp_path / "x.csv")], ["alerts", "preview"], ["partners", "review"]):
        proc = monitor("--db", str(notes), *args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert error_lines(proc) == [f"error: {notes} is not an SQLite database (file is not a database)"]
    assert notes.read_text(encoding="utf-8") == "catatan rapat\n" * 50


@pytest.mark.parametrize("args", [["alerts", "preview"], ["export", "-o", "x.csv"], ["serve"],
                                  ["partners", "review"], ["retag"], ["label", "1", "--issues", ""],
                                  ["alerts", "send"]])
def test_reading_commands_never_create_a_database(tmp_path: Path, args: list[str]) -> None:
    typo = tmp_path / "typo.sqlite"
    proc = monitor("--db", str(typo), *args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert f"no database at {typo}" in proc.stderr
    assert not typo.exists()


def test_classify_indonesian_headers_and_semicolons(tmp_path: Path) -> None:
    sheet = tmp_path / "berita.csv"
    sheet.write_text("No;Judul;Isi\n7;Kejati NTB tahan kepala Bappeda;" + NEWS + "\n", encoding="utf-8-sig")
    out = tmp_path / "out.jsonl"
    proc = monitor("classify", str(sheet), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    (row,) = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert row["id"] == "7"
    assert "anti_corruption_budget" in row["issues"]
    assert "classified 1 article," in proc.stderr


def test_classify_names_found_and_needed_columns(tmp_path: Path) -> None:
    sheet = tmp_path / "data.csv"
    sheet.write_text("foo,bar\n1,2\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = monitor("classify", str(sheet), "-o", str(out))
    assert proc.returncode == 2
    assert "found columns 'foo', 'bar'; need `text` (or `isi`)" in proc.stderr
    assert not out.exists()


@pytest.mark.parametrize("name, content", [("empty.jsonl", ""), ("blank.jsonl", "\n\n"), ("header.csv", "id,title,text\n")])
def test_classify_empty_input(tmp_path: Path, name: str, content: str) -> None:
    inp = tmp_path / name
    inp.write_text(content, encoding="utf-8")
    proc = monitor("classify", str(inp), "-o", str(tmp_path / "out.jsonl"))
    assert proc.returncode == 2
    assert "nothing to classify" in proc.stderr and "classified 0" not in proc.stderr


def test_extract_refuses_non_html_and_never_invents_a_date(tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text(json.dumps({"id": 1, "title": "Rapat 2024-01-01", "text": NEWS}) + "\n", encoding="utf-8")
    proc = monitor("extract", str(items))
    assert proc.returncode == 2
    (row,) = [json.loads(l) for l in proc.stdout.splitlines()]
    assert "not an HTML page" in row["error"] and "published" not in row


def test_extract_output_chains_into_classify(tmp_path: Path) -> None:
    page = tmp_path / "berita.html"
    page.write_text("<html><head><title>Kejati NTB tahan kepala Bappeda</title></head><body><article>"
                    "<h1>Kejati NTB tahan kepala Bappeda</h1><p>" + NEWS + "</p></article></body></html>",
                    encoding="utf-8")
    extracted = monitor("extract", str(page))
    assert extracted.returncode == 0, extracted.stderr
    (row,) = [json.loads(l) for l in extracted.stdout.splitlines()]
    assert row["id"] == str(page)
    out = tmp_path / "tagged.jsonl"
    proc = monitor("classify", "/dev/stdin", "-o", str(out), stdin=extracted.stdout)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == str(page)


def test_sources_check_reads_all_five_files(tmp_path: Path) -> None:
    cfg = tmp_path / "cfg"
    cfg.mkdir()
    for name in ("settings.toml", "sources.toml", "issues.toml", "partners.toml", "alerts.toml"):
        (cfg / name).write_bytes((ROOT / "config" / name).read_bytes())
    ok = monitor("--config", str(cfg), "sources", "check")
    assert ok.returncode == 0 and "configuration OK" in ok.stdout
    (cfg / "alerts.toml").unlink()
    (cfg / "partners.toml").write_text("org = [ { key = 1 }\n", encoding="utf-8")
    proc = monitor("--config", str(cfg), "sources", "check")
    assert proc.returncode == 2
    assert f"{cfg / 'alerts.toml'}: file not found" in proc.stderr
    assert f"{cfg / 'partners.toml'}: invalid TOML" in proc.stderr
    assert "configuration OK" not in proc.stdout


def test_classify_uses_the_config_folders_gazetteer(tmp_path: Path) -> None:
    cfg = tmp_path / "cfg"
    cfg.mkdir()
    for name in ("settings.toml", "issues.toml"):
        (cfg / name).write_bytes((ROOT / "config" / name).read_bytes())
    gazetteer = (ROOT / "config" / "partners.toml").read_text(encoding="utf-8")
    entry = ('{ key = "sapu_lidi", name = "Perkumpulan Sapu Lidi Lombok", acronym = "PSLL", aliases = [], '
             'short = [], type = "civil_society", region = "national" },\n')
    gazetteer = gazetteer.replace("org = [\n", "org = [\n" + entry, 1)
    (cfg / "partners.toml").write_text(gazetteer, encoding="utf-8")
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "a", "title": "Diskusi anggaran", "text": "Aktivis PSLL mengkritik " + NEWS})
                   + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = monitor("--config", str(cfg), "classify", str(inp), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    names = [p["name"] for p in json.loads(out.read_text(encoding="utf-8"))["partners"]]
    assert "Perkumpulan Sapu Lidi Lombok" in names
    default = monitor("classify", str(inp), "-o", str(out))
    assert default.returncode == 0
    assert "Perkumpulan Sapu Lidi Lombok" not in [p["name"] for p in json.loads(out.read_text())["partners"]]


def test_label_import_and_alert_rule_messages(tmp_path: Path, db: Path) -> None:
    sheet = tmp_path / "labels.csv"
    sheet.write_text("artikel,isu\n1,anti_corruption_budget\n", encoding="utf-8")
    proc = monitor("--db", str(db), "label", "--import", str(sheet))
    assert proc.returncode == 2
    assert error_lines(proc) == [f"error: {sheet}: found columns 'artikel', 'isu'; need `article_id` (or `id`) "
                                 "and `issues`, optionally `labeller` and `note`"]
    cfg = tmp_path / "cfg"
    cfg.mkdir()
    (cfg / "alerts.toml").write_text('[[rule]]\nname = 5\nrecipients = ["a@b.id"]\n', encoding="utf-8")
    proc = monitor("--config", str(cfg), "--db", str(db), "alerts", "preview")
    assert proc.returncode == 2
    assert f"{cfg / 'alerts.toml'}: rule #1: name: expected a non-empty name, got the number 5" in proc.stderr


def test_run_with_every_source_unreachable(tmp_path: Path) -> None:
    # Port 9 on loopback: nothing listens, every connection is refused at once.
    cfg = write_demo_config(tmp_path, "http://127.0.0.1:9")
    proc = monitor("--config", str(cfg), "run", "--no-alerts")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "blocked by robots 0" in proc.stdout
    assert "blocked by robots.txt" not in proc.stdout
    assert "site unreachable (robots.txt unavailable" in proc.stdout or "discovery failed" in proc.stdout
    assert error_lines(proc)[-1].startswith("error: every source failed (1 source): nothing was collected")


def test_partners_review_infers_the_region(tmp_path: Path) -> None:
    from monitor.models import Partner
    from monitor.store import Store
    from tests.helpers import FakeSource, add_article

    db = tmp_path / "monitor.sqlite"
    store = Store(db)
    lotim = FakeSource("lomboktimurkab", "Lombok Timur")
    lotim.region_level = "kabupaten"
    national = FakeSource("nasional", "Indonesia")
    national.region_level = "national"
    store.upsert_sources([lotim, national])
    forum = Partner("Forum Peduli Sungai Jangkok", None, "civil_society", key=None, known=False)
    named = Partner("Lembaga Kajian Desa Lombok Barat", None, "civil_society", key=None, known=False)
    far = Partner("Yayasan Cahaya Nusantara", None, "civil_society", key=None, known=False)
    add_article(store, 1, title="Forum warga bersihkan sungai", source="lomboktimurkab", partners=[forum, named])
    add_article(store, 2, title="Forum warga tanam pohon", source="lomboktimurkab", partners=[forum])
    add_article(store, 3, title="Yayasan salurkan beasiswa", source="nasional", partners=[far, named])
    store.close()
    proc = monitor("--db", str(db), "partners", "review")
    assert proc.returncode == 0, proc.stderr
    lines = {l.split('name = "')[1].split('"')[0]: l for l in proc.stdout.splitlines() if l.startswith("{ key")}
    assert 'region = "Lombok Timur"' in lines["Forum Peduli Sungai Jangkok"]  # from its outlets
    assert 'region = "Lombok Barat"' in lines["Lembaga Kajian Desa Lombok Barat"]  # written in its name
    assert 'region = "national"' in lines["Yayasan Cahaya Nusantara"]  # only a national outlet names it
    assert "2 articles" in proc.stdout and "1 article," in proc.stdout
