"""Digest v2 on a database built here with known counts: the summary's every figure (per issue
against the previous day, organisations, regions), the four-week chart's numbers, grouping by
issue with publication dates and confidence in words, the same content in text and HTML, the chart
as an inline MIME part referenced by cid (real SMTP through aiosmtpd), sent exactly once, and a
headless-Chromium render of the saved digest (skipped, with the reason, without Chromium).

The daily digest is sent at 08:30 WITA on 23 Nov 2026 for a rule on anti-corruption (A) and civic
space (C); it covers what was collected on 22 Nov (WITA):

=====  =========  ===========  =========  =====================  ==========================
label  published  source       collected  issues (score)         organisations
=====  =========  ===========  =========  =====================  ==========================
d1     20 Nov     suarantb     22 Nov     A 0.93                 KPK, FITRA NTB
d1c    20 Nov     radarlombok  22 Nov     A 0.88 (copy of d1)    KPK
d2     21 Nov     radarlombok  22 Nov     C 0.80, A 0.62         KPK
d3     22 Nov     radarlombok  22 Nov     C 0.45 (assigned)      Bawaslu NTB
d4     21 Nov     suarantb     22 Nov     S 0.90 (not the rule)  -
p1     15 Nov     suarantb     21 Nov     A 0.70                 -
o1     30 Oct     suarantb     1 Nov      A 0.80                 -
o2     25 Oct     suarantb     1 Nov      C 0.80 (before chart)  -
=====  =========  ===========  =========  =====================  ==========================
"""

from __future__ import annotations

import base64
import datetime as dt
import email
import io
import re
import shutil
import subprocess
from email import policy
from pathlib import Path

import pytest

from monitor.config import ISSUE_KEYS, Settings
from monitor.deliver.alerts import AlertRule, preview, process_alerts
from monitor.deliver.digest import inline_images
from monitor.deliver.wording import confidence, issue_names
from monitor.models import IssueScore, Partner, Tags
from monitor.store import Store

ROOT = Path(__file__).resolve().parent.parent
NAMES = issue_names(ROOT / "config" / "issues.toml")
A, C, S = "anti_corruption_budget", "civic_space_democracy", "inclusive_public_services"
NOW = dt.datetime(2026, 11, 23, 0, 30, tzinfo=dt.timezone.utc)  # 08:30 WITA
SETTINGS = Settings()
RULE = AlertRule("Antikorupsi dan ruang sipil", ["analis@example.org"], mode="daily", issues=[A, C])


class Source:
    def __init__(self, id: str, region: str):
        self.id, self.name, self.homepage, self.region = id, id, f"https://{id}.example/", region
        self.region_level, self.kind = "kabupaten", "media"


KPK = Partner("Komisi Pemberantasan Korupsi", "KPK", "government", key="kpk")
FITRA = Partner("Forum Indonesia untuk Transparansi Anggaran NTB", "FITRA NTB", "civil_society", key="fitra_ntb")
BAWASLU = Partner("Badan Pengawas Pemilihan Umum Provinsi Nusa Tenggara Barat", "Bawaslu NTB", "government",
                  key="bawaslu_ntb")

# label, published (WITA), source, issues, organisations, collected (UTC), copy of
ARTICLES = [
    ("o1", "2026-10-30T09:00:00+08:00", "suarantb", {A: 0.8}, [], "2026-11-01T02:00:00+00:00", None),
    ("o2", "2026-10-25T09:00:00+08:00", "suarantb", {C: 0.8}, [], "2026-11-01T02:00:00+00:00", None),
    ("p1", "2026-11-15T09:00:00+08:00", "suarantb", {A: 0.7}, [], "2026-11-21T02:00:00+00:00", None),
    ("d1", "2026-11-20T09:00:00+08:00", "suarantb", {A: 0.93}, [KPK, FITRA], "2026-11-22T02:00:00+00:00", None),
    ("d1c", "2026-11-20T11:00:00+08:00", "radarlombok", {A: 0.88}, [KPK], "2026-11-22T03:00:00+00:00", "d1"),
    ("d2", "2026-11-21T10:15:00+08:00", "radarlombok", {C: 0.8, A: 0.62}, [KPK], "2026-11-22T04:00:00+00:00", None),
    ("d3", "2026-11-22T07:00:00+08:00", "radarlombok", {C: 0.45}, [BAWASLU], "2026-11-22T05:00:00+00:00", None),
    ("d4", "2026-11-21T09:00:00+08:00", "suarantb", {S: 0.9}, [], "2026-11-22T02:00:00+00:00", None),
]


def build(path: Path) -> Store:
    store = Store(path)
    store.upsert_sources([Source("suarantb", "Nusa Tenggara Barat"), Source("radarlombok", "Lombok Tengah")])
    from monitor.config import load_issues

    store.upsert_issues(load_issues(ROOT / "config" / "issues.toml"))
    ids: dict[str, int] = {}
    for n, (label, published, source, issues, orgs, seen, dup) in enumerate(ARTICLES):
        scores = {k: issues.get(k, 0.02) for k in ISSUE_KEYS}
        evidence = {k: IssueScore(k, scores[k], [f"Kalimat bukti {label} untuk {k}."], []) for k in issues}
        url = f"https://{source}.example/{label}"
        rec = {"url": url, "source_id": source, "title": f"Judul {label}", "text": f"Isi {label}.", "lead": "",
               "published": published, "content_hash": f"h{n}", "duplicate_of": ids[dup] if dup else None}
        ids[label], _ = store.save_article(rec, seen_url=url, tags=Tags(list(issues), scores, evidence, "t"),
                                           partners=orgs)
        store.conn.execute("UPDATE articles SET first_seen = ? WHERE id = ?", (seen, ids[label]))
    return store


@pytest.fixture()
def store(tmp_path: Path):
    s = build(tmp_path / "m.sqlite")
    yield s
    s.close()


DAILY_A = ["0"] * 28
DAILY_C = ["0"] * 28
for day, series in ((4, DAILY_A), (20, DAILY_A), (25, DAILY_A), (26, DAILY_A), (26, DAILY_C), (27, DAILY_C)):
    series[day] = "1"  # 26 Oct + day: o1 30 Oct, p1 15 Nov, d1 20 Nov, d2 21 Nov (A and C), d3 22 Nov

SUMMARY_TEXT = f"""RINGKASAN
Berita per isu, dibandingkan dengan periode sebelumnya (Sabtu, 21 November 2026):
- {NAMES[A]}: 2 (sebelumnya 1, perubahan +1 (+100%))
- {NAMES[C]}: 2 (sebelumnya 0, perubahan +2)
- Semua berita: 3 (sebelumnya 1, perubahan +2 (+200%))
  Satu berita dapat memiliki lebih dari satu isu.
Organisasi yang paling sering disebut: Komisi Pemberantasan Korupsi (KPK): 2 berita; Badan Pengawas Pemilihan Umum \
Provinsi Nusa Tenggara Barat (Bawaslu NTB): 1 berita; Forum Indonesia untuk Transparansi Anggaran NTB (FITRA NTB): 1 berita
Wilayah sumber berita: Lombok Tengah: 2 berita; Nusa Tenggara Barat: 1 berita

Berita per hari per isu menurut tanggal terbit, 26 Oktober \u2013 22 November 2026:
  Per minggu: 26 Okt\u20131 Nov | 2\u20138 Nov | 9\u201315 Nov | 16\u201322 Nov
- {NAMES[A]}: 1 | 0 | 1 | 2 (jumlah 4); per hari: {' '.join(DAILY_A)}
- {NAMES[C]}: 0 | 0 | 0 | 2 (jumlah 2); per hari: {' '.join(DAILY_C)}"""


def _digest(store):
    from monitor.deliver.alerts import due_messages

    messages = [m for m, _ in due_messages(store, SETTINGS, [RULE], NOW) if m is not None]
    assert len(messages) == 1
    return messages[0]


def test_summary_figures_and_chart_numbers(store) -> None:
    m = _digest(store)
    assert m.subject == f"[ogi-monitor] Ringkasan harian 2026-11-22: {RULE.name} (3 berita)"
    assert m.dedupe_key == f"{RULE.name}:daily:2026-11-22"  # unchanged: no digest sent twice across the upgrade
    text = m.body_text
    assert SUMMARY_TEXT in text
    lines = text.splitlines()
    assert lines[2] == ("Berita yang dikumpulkan monitor pada Minggu, 22 November 2026 (WITA). "
                        "Tanggal pada setiap berita adalah tanggal terbitnya.")
    assert "Mitra" not in text and "Mitra" not in m.body_html


def test_articles_grouped_by_issue_with_dates_and_confidence(store) -> None:
    text = _digest(store).body_text
    listing = text.split("BERITA PER ISU", 1)[1]
    # d2 goes under civic space, its highest-scored issue; the copy of d1 is listed under d1
    assert re.findall(r"^== (.*) ==$", listing, flags=re.M) == [f"{NAMES[A]} (1 berita)", f"{NAMES[C]} (2 berita)"]
    assert re.findall(r"^\d+\. (.*)$", listing, flags=re.M) == ["Judul d1", "Judul d3", "Judul d2"]  # newest first
    d1 = listing.split("1. Judul d1\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert d1 == ["   Terbit 20-11-2026 09:00 WITA \u00b7 suarantb (Nusa Tenggara Barat)",
                  f"   Isu: {NAMES[A]} (keyakinan tinggi)",
                  "   Organisasi: Forum Indonesia untuk Transparansi Anggaran NTB; Komisi Pemberantasan Korupsi",
                  f"   Bukti: \u201cKalimat bukti d1 untuk {A}.\u201d",
                  "   Tautan: https://suarantb.example/d1",
                  "   Juga dimuat: radarlombok (https://radarlombok.example/d1c)"]
    assert f"   Isu: {NAMES[C]} (keyakinan tinggi), {NAMES[A]} (keyakinan sedang)" in listing
    assert f"   Bukti: \u201cKalimat bukti d2 untuk {C}.\u201d" in listing  # the group's issue's evidence
    assert f"   Isu: {NAMES[C]} (keyakinan rendah)" in listing
    assert "Terbit 22-11-2026 07:00 WITA" in listing and "Judul d4" not in text
    assert [confidence(x) for x in (0.75, 0.7499, 0.5, 0.4999, None)] == ["tinggi", "sedang", "sedang", "rendah",
                                                                          "rendah"]


def _cells(page: str) -> list[list[list[str]]]:
    from lxml import html as lhtml

    doc = lhtml.fromstring(page)
    return [[[c.text_content().strip() for c in tr.xpath("./th|./td")] for tr in t.xpath(".//tr")]
            for t in doc.xpath("//table")]


def test_html_has_the_same_content_and_the_chart(store) -> None:
    from PIL import Image

    m = _digest(store)
    summary, weekly = _cells(m.body_html)
    assert summary == [["Isu", "Periode ini", "Sebelumnya", "Perubahan"], [NAMES[A], "2", "1", "+1 (+100%)"],
                       [NAMES[C], "2", "0", "+2"], ["Semua berita", "3", "1", "+2 (+200%)"]]
    assert weekly == [["Per minggu", "26 Okt\u20131 Nov", "2\u20138 Nov", "9\u201315 Nov", "16\u201322 Nov"],
                      [NAMES[A], "1", "0", "1", "2"], [NAMES[C], "0", "0", "0", "2"]]
    from lxml import html as lhtml

    doc = lhtml.fromstring(m.body_html)
    body = re.sub(r"\s+", " ", doc.text_content())
    for line in ("Komisi Pemberantasan Korupsi (KPK): 2 berita", "Lombok Tengah: 2 berita; Nusa Tenggara Barat: 1",
                 "Berita yang dikumpulkan monitor pada Minggu, 22 November 2026 (WITA)",
                 "Terbit 21-11-2026 10:15 WITA \u00b7 radarlombok (Lombok Tengah)", f"{NAMES[C]} (keyakinan rendah)",
                 "Organisasi: Badan Pengawas Pemilihan Umum Provinsi Nusa Tenggara Barat"):
        assert line in body, line
    assert [h.text_content() for h in doc.xpath("//h4")][1:] == [f"{NAMES[A]} (1 berita)", f"{NAMES[C]} (2 berita)"]
    images = doc.xpath("//img")
    assert len(images) == 1
    src = images[0].get("src")
    assert src.startswith("data:image/png;base64,")
    png = Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1])))
    png.load()
    assert png.format == "PNG" and png.size[0] == 1280
    assert len(png.convert("RGB").getcolors(maxcolors=1 << 16) or []) > 10  # lines and text, not a blank


def test_email_chart_is_an_inline_part_referenced_by_cid_and_sent_once(store, smtp) -> None:
    from PIL import Image

    inbox, cfg = smtp
    assert process_alerts(store, SETTINGS, rules=[RULE], smtp=cfg, now=NOW)["sent"] == 1
    assert process_alerts(store, SETTINGS, rules=[RULE], smtp=cfg, now=NOW + dt.timedelta(hours=2))["queued"] == 0
    assert len(inbox.raw) == 1
    msg = email.message_from_bytes(inbox.raw[0], policy=policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    plain, related = msg.get_payload()
    assert plain.get_content_type() == "text/plain" and related.get_content_type() == "multipart/related"
    html_part, image_part = related.get_payload()
    page = html_part.get_content()
    assert "data:" not in page
    cids = re.findall(r'src="cid:([^"]+)"', page)
    assert len(cids) == 1 and image_part["Content-ID"] == f"<{cids[0]}>"
    assert image_part.get_content_type() == "image/png" and image_part.get_content_disposition() == "inline"
    Image.open(io.BytesIO(image_part.get_content())).verify()
    assert SUMMARY_TEXT.replace("\n", "\r\n") in plain.get_content() or SUMMARY_TEXT in plain.get_content()
    # the outbox keeps the self-contained HTML: the same message rebuilds with the same cid
    stored = store.conn.execute("SELECT body_html FROM outbox").fetchone()[0]
    assert "data:image/png;base64," in stored and inline_images(stored)[1][0][0] == cids[0]


def test_preview_and_no_chart_without_recent_articles(store) -> None:
    from monitor import clock

    store.conn.execute("UPDATE articles SET published = '2025-01-10T09:00:00+08:00', first_seen = ?",
                       ((clock.now() - dt.timedelta(hours=1)).isoformat(timespec="seconds"),))
    m = preview(store, SETTINGS, [RULE], days=2)[0]
    assert "Berita yang dikumpulkan monitor dalam 2 hari terakhir" in m.body_text
    assert "Tidak ada berita yang terbit dalam 28 hari ini." in m.body_text
    assert "<img" not in m.body_html and "Terbit 10-01-2025 09:00 WITA" in m.body_text


CHROMIUM = next((c for c in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser")
                             or "") if c and Path(c).exists()), None)


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium)")
def test_digest_renders_in_headless_chromium(store, tmp_path: Path) -> None:
    from PIL import Image

    page = tmp_path / "digest.html"
    page.write_text(_digest(store).body_html, encoding="utf-8")
    shot = tmp_path / "digest.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1200,1600",
                    page.as_uri()], capture_output=True, timeout=120, check=False)
    assert shot.is_file(), "Chromium wrote no screenshot"
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # text, tables and the chart, not a blank page
    # the chart's anti-corruption line (#D55E00) is drawn on the page
    pixels = {image.getpixel((x, y)) for x in range(0, 1200, 2) for y in range(0, 1600, 2)}
    assert any(abs(r - 0xD5) + abs(g - 0x5E) + b < 40 for r, g, b in pixels)
