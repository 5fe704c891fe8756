"""Publication dates: Indonesian text formats, zones, page sources and the future rule."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest

from monitor.collect.dates import (
    FUTURE_SKEW,
    find_published,
    parse_indonesian_date,
    parse_machine_date,
)

NOW = datetime(2026, 6, 20, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Senin, 11 November 2024 - 14:30 WITA", "2024-11-11T14:30:00+08:00"),
        ("4 Nov 2024", "2024-11-04T00:00:00+08:00"),
        ("Kamis (11/11/2024)", "2024-11-11T00:00:00+08:00"),
        ("11/11/2024 14:30 WIB", "2024-11-11T14:30:00+07:00"),
        ("Rabu, 17 Jun 2026 16:31 WIB", "2026-06-17T16:31:00+07:00"),
        ("Jumat, 3 Mei 2024 09:15 WIT", "2024-05-03T09:15:00+09:00"),
        ("Sabtu, 17 Agu 2024", "2024-08-17T00:00:00+08:00"),
        ("17 Agt 2024 pukul 08.00 WITA", "2024-08-17T08:00:00+08:00"),
        ("Selasa, 1 Okt 2024 | 21:04 WIB", "2024-10-01T21:04:00+07:00"),
        ("Rabu, 25 Des 2024 - 07:00", "2024-12-25T07:00:00+08:00"),
        ("Diterbitkan 2 Januari 2025, 10:00:05 WITA", "2025-01-02T10:00:05+08:00"),
        ("Senin, 3 Februari 2025", "2025-02-03T00:00:00+08:00"),
        ("Kamis, 13 Maret 2025 13.45 WIB", "2025-03-13T13:45:00+07:00"),
        ("Ahad, 6 April 2025", "2025-04-06T00:00:00+08:00"),
        ("Minggu, 1 Juni 2025", "2025-06-01T00:00:00+08:00"),
        ("Senin, 14 Juli 2025", "2025-07-14T00:00:00+08:00"),
        ("Selasa, 16 September 2025", "2025-09-16T00:00:00+08:00"),
        ("Wednesday, 04 November, 2015 |  07:28 WIB", "2015-11-04T07:28:00+07:00"),
        ("on 16 Feb 2016 at 09:10 WIB", "2016-02-16T09:10:00+07:00"),
        ("Kamis, 05/11/2015 10:08 WIB", "2015-11-05T10:08:00+07:00"),
        ("02/11/2023, 21:34 WIB", "2023-11-02T21:34:00+07:00"),
        ("2024-11-11T14:30:00+08:00", "2024-11-11T14:30:00+08:00"),
    ],
)
def test_indonesian_text_dates(text, expected):
    dt = parse_indonesian_date(text, now=NOW)
    assert dt is not None, text
    assert dt.isoformat() == expected


def test_default_zone_is_a_parameter():
    assert parse_indonesian_date("4 Nov 2024 10:00", default_tz="Asia/Jakarta", now=NOW).isoformat() == (
        "2024-11-04T10:00:00+07:00"
    )
    assert parse_indonesian_date("4 Nov 2024 10:00", now=NOW).utcoffset() == timedelta(hours=8)
    # an explicit offset wins over the default
    iso = parse_indonesian_date("2024-11-11T14:30:00+09:00", default_tz="Asia/Jakarta", now=NOW)
    assert iso.isoformat() == "2024-11-11T14:30:00+09:00"


def test_numbers_that_are_not_times_or_dates():
    # "2.000 warga" after a date is not 2 o'clock; "(11/11)" has no year
    assert parse_indonesian_date("4 Nov 2024 2.000 warga hadir", now=NOW).isoformat() == "2024-11-04T00:00:00+08:00"
    assert parse_indonesian_date("Kamis (11/11) warga hadir", now=NOW) is None
    assert parse_indonesian_date("31 Februari 2024", now=NOW) is None
    assert parse_indonesian_date("", now=NOW) is None


def test_future_dates_are_rejected():
    assert parse_indonesian_date("Senin, 11 November 2030 - 14:30 WITA", now=NOW) is None
    # the next date in the text is used instead of the future one
    text = "Jadwal 1 Januari 2030; terbit 2 Januari 2025"
    assert parse_indonesian_date(text, now=NOW).isoformat() == "2025-01-02T00:00:00+08:00"
    # within the allowed clock skew: kept; beyond it: dropped
    soon = (NOW + FUTURE_SKEW - timedelta(minutes=5)).astimezone(timezone(timedelta(hours=8)))
    late = (NOW + FUTURE_SKEW + timedelta(minutes=5)).astimezone(timezone(timedelta(hours=8)))
    fmt = "%d/%m/%Y %H:%M WITA"
    assert parse_indonesian_date(soon.strftime(fmt), now=NOW) is not None
    assert parse_indonesian_date(late.strftime(fmt), now=NOW) is None


def test_future_meta_date_falls_back_to_the_visible_one():
    html = """<html><head><meta property="article:published_time" content="2031-01-01T00:00:00+08:00">
    </head><body><h1>Judul berita yang panjang</h1><div class="date">Senin, 11 November 2024 - 14:30 WITA</div>
    <p>Isi.</p></body></html>"""
    assert find_published(html, now=NOW) == "2024-11-11T14:30:00+08:00"


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body><h1>Pemkab Lombok Timur buka data anggaran</h1>{body}</body></html>"


def test_json_ld_graph():
    head = """<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebPage","datePublished":"2020-01-01T00:00:00+00:00"},
      {"@type":"NewsArticle","datePublished":"2024-11-11T06:30:00Z","dateModified":"2024-11-12T00:00:00Z"}]}
    </script>"""
    # the article's date, shown in the page's zone (WITA from its text), same instant
    assert find_published(page(head, "<p>Jam 14:30 WITA</p>"), now=NOW) == "2024-11-11T14:30:00+08:00"


def test_broken_json_ld_still_gives_its_date():
    head = '<script type="application/ld+json">{"@type":"NewsArticle", "datePublished": "2024-11-11T14:30:00+08:00",}</script>'
    assert find_published(page(head), now=NOW) == "2024-11-11T14:30:00+08:00"


@pytest.mark.parametrize(
    "meta",
    [
        '<meta property="article:published_time" content="2024-11-11T14:30:00+08:00">',
        '<meta property="og:published_time" content="2024-11-11T14:30:00+08:00">',
        '<meta name="pubdate" content="2024-11-11T14:30:00+08:00">',
        '<meta name="publishdate" content="2024-11-11T14:30:00+0800">',
        '<meta name="DC.date.issued" content="2024-11-11T06:30:00Z">',
        '<meta itemprop="datePublished" content="2024-11-11T14:30:00+08:00">',
        '<meta name="dtk:publishdateunix" content="x"><meta name="dtk:publishdate" content="2024/11/11 14:30:00">',
    ],
)
def test_meta_tags(meta):
    assert find_published(page(meta), now=NOW) == "2024-11-11T14:30:00+08:00"


def test_time_element():
    body = '<time datetime="2024-11-11T14:30:00+08:00">Senin</time>'
    assert find_published(page(body=body), now=NOW) == "2024-11-11T14:30:00+08:00"
    body = '<time class="tgl">Kamis, 5 November 2015 - 15:56 wib</time>'
    assert find_published(page(body=body), now=NOW) == "2015-11-05T15:56:00+07:00"


def test_utc_stamp_that_is_really_local_time():
    # detik: meta says "Z" but the clock is the WIB one printed on the page
    head = '<meta name="pubdate" content="2015-11-05 T10:08:58Z">'
    body = '<div class="date">Kamis, 05/11/2015 10:08 WIB</div>'
    assert find_published(page(head, body), now=NOW) == "2015-11-05T10:08:58+07:00"
    # a real UTC stamp (the page shows the converted WIB time) is kept as it is
    head = '<meta property="article:published_time" content="2016-02-16T02:10:56Z">'
    body = "<span>16 Feb 2016 at 09:10 WIB</span>"
    assert find_published(page(head, body), now=NOW) == "2016-02-16T09:10:56+07:00"


def test_zoneless_machine_date_takes_the_page_zone():
    head = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2017-02-17 13:30:08"}</script>'
    assert find_published(page(head, "<p>Update 14:00 WIB</p>"), now=NOW) == "2017-02-17T13:30:08+07:00"
    assert find_published(page(head), now=NOW) == "2017-02-17T13:30:08+08:00"  # default WITA
    assert find_published(page(head), default_tz="Asia/Jayapura", now=NOW) == "2017-02-17T13:30:08+09:00"


def test_visible_date_after_the_headline_beats_the_header_clock():
    html = """<html><body><div class="top-date">Jumat, 19 Juni 2026</div>
    <h1>Pemkab Lombok Timur buka data anggaran</h1><div class="meta">Oleh Redaksi</div>
    <p>Lombok Timur - Pada Kamis (11/6/2026) pukul 09.00 WITA pemkab membuka data.</p>
    <span class="posted-on">Kamis, 11 Juni 2026 - 10:15 WITA</span></body></html>"""
    assert find_published(html, now=NOW) == "2026-06-11T10:15:00+08:00"


def test_no_date_and_bad_input():
    assert find_published(page(body="<p>Tanpa tanggal.</p>"), now=NOW) is None
    assert find_published("", now=NOW) is None
    assert find_published(b"\x00\x01", now=NOW) is None


def test_machine_date_variants():
    assert parse_machine_date("2023-11-02T20-59-53Z").dt.isoformat() == "2023-11-02T20:59:53+00:00"
    assert parse_machine_date("1698933593000").dt.isoformat() == "2023-11-02T13:59:53+00:00"
    assert parse_machine_date("nonsense") is None


def test_text_dates_are_fast():
    texts = ["Senin, 11 November 2024 - 14:30 WITA", "Kamis (11/11/2024)", "Rabu, 17 Jun 2026 16:31 WIB"] * 1000
    start = time.perf_counter()
    for text in texts:
        parse_indonesian_date(text, now=NOW)
    assert time.perf_counter() - start < 1.5  # ~0.1 ms each; dateparser would take ~100x


# ---------------------------------------------------------------------- the article's own header

RELATED = """<div class="related-posts"><h3>Berita terkait</h3><ul>
    <li><a href="/a">Warga Sembalun minta data bansos dibuka</a>
        <time class="entry-date published" datetime="2026-06-02T08:00:00+08:00">2 Juni 2026</time></li>
    <li><a href="/b">Pemkot Mataram luncurkan kanal aduan</a>
        <time datetime="2026-06-01T10:00:00+08:00">1 Juni 2026</time></li></ul></div>"""
BODY = "<p>" + "Pemkab Lombok Timur membuka data anggaran desa kepada warga melalui portal baru. " * 8 + "</p>"


def test_header_date_beats_marked_time_elements_of_related_posts():
    html = f"""<html><body><article><div class="post-head"><h1>Pemkab Lombok Timur buka data anggaran desa</h1>
    <div class="post-meta"><span class="by">Oleh Redaksi</span> <span>Senin, 8 Juni 2026 - 14:35 WITA</span></div></div>
    {BODY}</article>{RELATED}</body></html>"""
    assert find_published(html, now=NOW) == "2026-06-08T14:35:00+08:00"


def test_byline_date_next_to_the_article_text_counts_as_the_header():
    # headline, byline and paragraphs share one container, too big to be a header: the byline is
    html = f"""<html><body><div class="content"><h1>Pemkab Lombok Timur buka data anggaran desa</h1>
    <div class="byline">Penulis: Baiq Aini | Senin, 8 Juni 2026 - 14:35 WITA</div>{BODY}{BODY}</div>
    {RELATED}</body></html>"""
    assert find_published(html, now=NOW) == "2026-06-08T14:35:00+08:00"


def test_updated_date_in_the_header_comes_after_the_published_one():
    html = f"""<html><body><header class="entry-header"><h1>Pemkab Lombok Timur buka data anggaran desa</h1>
    <div class="meta">Diperbarui: Selasa, 9 Juni 2026 - 09:00 WITA &middot; Terbit: Senin, 8 Juni 2026 - 14:35 WITA</div>
    </header>{BODY}</body></html>"""
    assert find_published(html, now=NOW) == "2026-06-08T14:35:00+08:00"


def test_metadata_still_beats_the_header():
    head = '<meta property="article:published_time" content="2026-06-08T14:35:00+08:00">'
    html = f"""<html><head>{head}</head><body><header><h1>Pemkab Lombok Timur buka data anggaran desa</h1>
    <div class="meta">Selasa, 9 Juni 2026</div></header>{BODY}</body></html>"""
    assert find_published(html, now=NOW) == "2026-06-08T14:35:00+08:00"


def test_a_short_site_h1_is_not_the_headline():
    # the site bar's "today" beside a one-word section <h1> is not the article's header
    html = f"""<html><body><div class="topbar"><h1 class="section">Internasional</h1>
    <span>Jumat, 19 Juni 2026</span></div><div class="main"><h2>Pemkab Lombok Timur buka data anggaran desa</h2>
    {BODY}<div class="date">Kamis, 11 Juni 2026 - 10:15 WITA</div></div></body></html>"""
    assert find_published(html, now=NOW) == "2026-06-11T10:15:00+08:00"
