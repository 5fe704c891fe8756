"""The report as one self-contained HTML page in Indonesian: inline CSS, inline SVG charts, print-ready.

Nothing is loaded from anywhere: no scripts, no external styles, fonts or images (the only
links are to the articles themselves). ``@media print`` and ``@page`` give A4 pages with each
main section on a new page, table headers repeated and rows kept whole.
"""

from __future__ import annotations

import html
from zoneinfo import ZoneInfo

from monitor.config import ISSUE_KEYS
from monitor.deliver import charts, trends, wording
from monitor.deliver.report_data import Report

CSS = """
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --band: #f6f8fa; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: var(--ink);
       margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 18px 0 6px; }
p { margin: 6px 0; }
.muted { color: var(--muted); }
.meta { color: var(--muted); font-size: 14px; }
nav ol { columns: 2; margin: 8px 0; padding-left: 20px; font-size: 14px; }
a { color: #0550ae; }
table { border-collapse: collapse; margin: 8px 0 12px; font-size: 13.5px; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { text-align: left; background: var(--band); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td:first-child, td:nth-child(2).n { white-space: nowrap; }
tr.total td { font-weight: 600; border-top: 2px solid var(--line); }
.key { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: 0; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; min-width: 150px; flex: 1 1 150px; }
.card b { display: block; font-size: 24px; }
.card span { font-size: 12.5px; color: var(--muted); }
figure { margin: 8px 0 4px; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 13px; color: var(--muted); }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 4px 24px; }
.article { margin: 8px 0 12px; padding-left: 10px; border-left: 3px solid var(--line); break-inside: avoid; }
.article .t { font-weight: 600; }
.article blockquote { margin: 4px 0 0; font-style: italic; color: #333; }
.spike td:first-child { white-space: nowrap; }
.wide { overflow-x: auto; }
footer { margin-top: 36px; font-size: 12.5px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  h2 { break-before: page; break-after: avoid; }
  h2.first { break-before: auto; }
  h3 { break-after: avoid; }
  figure, .card, tr, .article { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  .wide { overflow: visible; }
}
"""

SECTIONS = (("ringkasan", "Ringkasan"), ("mingguan", "Volume mingguan per isu"), ("wilayah", "Berita per wilayah"),
            ("organisasi", "Organisasi teratas per isu"), ("lonjakan", "Lonjakan pemberitaan"),
            ("terkuat", "Berita terkuat per isu"), ("metode", "Catatan metode"))

esc = html.escape


def _key(issue: str) -> str:
    return f"<span class=\"key\" style=\"background:{charts.ISSUE_COLOURS.get(issue, '#888')}\"></span>"


def _num(value: float) -> str:
    """Indonesian decimal comma: 1,25."""
    return f"{value:.2f}".replace(".", ",") if isinstance(value, float) else str(value)


def _table(header: list[str], rows: list[list[str]], numeric_from: int, total_last: bool = False,
           raw_header: bool = False) -> str:
    head = "".join(f"<th class=\"{'n' if i >= numeric_from else ''}\">{h if raw_header else esc(h)}</th>"
                   for i, h in enumerate(header))
    body = []
    for n, row in enumerate(rows):
        cls = " class=\"total\"" if total_last and n == len(rows) - 1 else ""
        body.append(f"<tr{cls}>" + "".join(f"<td class=\"{'n' if i >= numeric_from else ''}\">{c}</td>"
                                            for i, c in enumerate(row)) + "</tr>")
    return f"<div class=\"wide\"><table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"


def _issue_header(r: Report) -> list[str]:
    return [_key(k) + esc(r.names[k]) for k in r.issues]


def _header(r: Report) -> str:
    zone = wording.zone_name(r.timezone)
    filters = []
    if r.regions:
        filters.append("wilayah sumber: " + ", ".join(r.regions))
    if len(r.issues) < len(ISSUE_KEYS):
        filters.append("isu: " + ", ".join(r.names[k] for k in r.issues))
    nav = "".join(f"<li><a href=\"#{anchor}\">{esc(title)}</a></li>" for anchor, title in SECTIONS)
    return (f"<header><h1>Laporan pemberitaan isu Open Government Indonesia</h1>"
            f"<p class=\"meta\">Berita yang terbit {esc(wording.date_range(r.since, r.until))} ({esc(zone)})"
            + (f"; {esc('; '.join(filters))}" if filters else "") + ".<br>"
            f"Dibuat {esc(wording.long_date(r.generated.date()))} pukul {r.generated:%H:%M} {esc(zone)} oleh "
            f"ogi-monitor" + (f" dari {esc(r.source)}" if r.source else "") + ".</p>"
            f"<nav aria-label=\"Daftar isi\"><ol>{nav}</ol></nav></header>")


def _summary(r: Report) -> str:
    top = max(r.issues, key=lambda k: (r.totals[k], -r.issues.index(k)))
    cards = [("Berita", r.total, "dengan sedikitnya satu isu"), ("Minggu", len(r.weeks), "Senin\u2013Minggu"),
             ("Wilayah", len(r.region_rows), "wilayah sumber berita"), ("Lonjakan", len(r.spikes), "minggu \u00d7 isu")]
    out = ["<h2 id=\"ringkasan\" class=\"first\">Ringkasan</h2><div class=\"cards\">"
           + "".join(f"<div class=\"card\"><b>{v}</b>{esc(t)}<br><span>{esc(d)}</span></div>" for t, v, d in cards)
           + "</div>"]
    if r.total:
        out.append(f"<p>Isu dengan berita terbanyak: <b>{esc(r.names[top])}</b> ({r.totals[top]} berita). "
                   "Satu berita dapat memiliki lebih dari satu isu, jadi jumlah per isu dapat melebihi jumlah berita."
                   "</p>")
    else:
        out.append("<p>Tidak ada berita dengan isu OGI pada periode dan filter ini.</p>")
    rows = [[_key(k) + esc(r.names[k]), str(r.totals[k])] for k in r.issues] + [["Semua berita", str(r.total)]]
    out.append(_table(["Isu", "Berita"], rows, 1, total_last=True))
    return "\n".join(out)


def _weekly(r: Report) -> str:
    out = ["<h2 id=\"mingguan\">Volume mingguan per isu</h2>"]
    if r.total:
        svg = charts.weekly_issue_svg([w.start for w in r.weeks], {k: [w.counts[k] for w in r.weeks] for k in r.issues},
                                      r.names, salt="report-weekly")
        out.append(f"<figure>{svg}<figcaption>Berita per minggu menurut tanggal terbit; titik = minggu yang "
                   "dimulai pada tanggal itu (Senin).</figcaption></figure>")
    rows = []
    for w in r.weeks:
        label = wording.short_range(w.start, w.end) + f" {w.end.year}"
        days = f"{w.days} dari 7" if w.days < 7 else "7"
        rows.append([esc(label), days, *(str(w.counts[k]) for k in r.issues), str(w.total)])
    out.append(_table(["Minggu", "Hari", *_issue_header(r), "Semua"], rows, 1, raw_header=True))
    if any(w.days < 7 for w in r.weeks):
        out.append("<p class=\"muted\">Minggu pertama dan terakhir hanya menghitung hari di dalam periode "
                   "(kolom Hari).</p>")
    return "\n".join(out)


def _regions(r: Report) -> str:
    out = ["<h2 id=\"wilayah\">Berita per wilayah</h2>",
           "<p class=\"muted\">Wilayah adalah wilayah sumber berita (media atau situs pemerintah).</p>"]
    if r.region_rows:
        svg = charts.region_bars_svg([x.region for x in r.region_rows], [x.total for x in r.region_rows],
                                     salt="report-regions")
        out.append(f"<figure>{svg}<figcaption>Berita per wilayah (setiap berita dihitung sekali).</figcaption></figure>")
    rows = [[esc(x.region), *(str(x.counts[k]) for k in r.issues), str(x.total)] for x in r.region_rows]
    out.append(_table(["Wilayah", *_issue_header(r), "Semua"], rows, 1, raw_header=True))
    return "\n".join(out)


def _organisations(r: Report) -> str:
    out = ["<h2 id=\"organisasi\">Organisasi teratas per isu</h2>",
           f"<p class=\"muted\">Organisasi yang disebut dalam berita terbanyak untuk setiap isu "
           f"({trends.TOP_ORGANISATIONS} teratas); angka = jumlah berita yang menyebutnya.</p><div class=\"grid\">"]
    for k in r.issues:
        orgs = r.organisations[k]
        out.append(f"<section><h3>{_key(k)}{esc(r.names[k])}</h3>")
        if orgs:
            rows = [[str(n), esc(wording.organisation_label(o.name, o.acronym)), str(o.articles)]
                    for n, o in enumerate(orgs, 1)]
            out.append(_table(["#", "Organisasi", "Berita"], rows, 2))
        else:
            out.append("<p class=\"muted\">Tidak ada organisasi yang disebut.</p>")
        out.append("</section>")
    out.append("</div>")
    return "\n".join(out)


def _spikes(r: Report) -> str:
    definition = (f"Lonjakan: minggu dengan sedikitnya {trends.SPIKE_MIN_ARTICLES} berita pada satu isu dan lebih dari "
                  f"{trends.SPIKE_FACTOR:g} kali rata-rata {trends.SPIKE_BASELINE_WEEKS} minggu penuh sebelumnya "
                  "(dengan filter yang sama, juga sebelum awal periode).")
    out = ["<h2 id=\"lonjakan\">Lonjakan pemberitaan</h2>", f"<p class=\"muted\">{esc(definition)}"]
    if r.judged_from is None or r.judged_from > r.weeks[-1].start:
        out[-1] += (" Belum ada cukup data sebelum periode ini untuk menilai lonjakan.</p>")
        return "\n".join(out)
    if r.judged_from > r.weeks[0].start:
        out[-1] += (f" Data tersimpan baru cukup untuk menilai minggu mulai "
                    f"{esc(wording.long_date(r.judged_from))}.")
    out[-1] += "</p>"
    if not r.spikes:
        out.append("<p>Tidak ada lonjakan pada periode ini.</p>")
        return "\n".join(out)
    rows = [[esc(wording.short_range(s.start, s.end) + f" {s.end.year}"), _key(s.issue) + esc(r.names[s.issue]),
             str(s.articles), _num(s.baseline),
             ("\u2014" if not s.baseline else _num(s.articles / s.baseline) + "\u00d7")] for s in r.spikes]
    out.append(_table(["Minggu", "Isu", "Berita", f"Rata-rata {trends.SPIKE_BASELINE_WEEKS} minggu sebelumnya",
                       "Kelipatan"], rows, 2).replace("<table>", "<table class=\"spike\">"))
    return "\n".join(out)


def _strongest(r: Report) -> str:
    tz, zone = ZoneInfo(r.timezone), wording.zone_name(r.timezone)
    out = ["<h2 id=\"terkuat\">Berita terkuat per isu</h2>",
           f"<p class=\"muted\">Untuk setiap isu, {trends.STRONGEST_ARTICLES} berita dengan skor model tertinggi, "
           "dengan kalimat bukti yang membuat model menandainya.</p>"]
    for k in r.issues:
        out.append(f"<h3>{_key(k)}{esc(r.names[k])}</h3>")
        if not r.strongest[k]:
            out.append("<p class=\"muted\">Tidak ada berita.</p>")
        for item in r.strongest[k]:
            score = item.scores.get(k, 0.0)
            when = wording.local_datetime(item.published, tz)
            evidence = r.evidence.get((item.id, k))
            out.append(
                f"<div class=\"article\"><div class=\"t\"><a href=\"{esc(item.url, quote=True)}\">"
                f"{esc(item.title or '(tanpa judul)')}</a></div>"
                f"<div class=\"meta\">Terbit {esc(when)} {esc(zone)} \u00b7 {esc(item.source)}"
                + (f" ({esc(item.region)})" if item.region else "")
                + f" \u00b7 keyakinan {wording.confidence(score)} ({_num(round(score, 2))})</div>"
                + (f"<blockquote>\u201c{esc(evidence)}\u201d</blockquote>" if evidence else "") + "</div>")
    return "\n".join(out)


def _method(r: Report) -> str:
    points = [
        "Berita dihitung menurut tanggal terbit di zona waktu yang dikonfigurasi; minggu berjalan Senin sampai Minggu.",
        "Salinan berita sindikasi (berita yang sama di media lain) tidak dihitung: setiap cerita dihitung sekali.",
        "Sebuah berita dihitung pada setiap isu yang ditetapkan model untuknya; \u201cSemua\u201d menghitungnya sekali.",
        "Keyakinan: skor model untuk isu itu; tinggi \u2265 0,75, sedang \u2265 0,50, rendah di bawahnya.",
        f"Lonjakan: sedikitnya {trends.SPIKE_MIN_ARTICLES} berita dalam seminggu dan lebih dari "
        f"{trends.SPIKE_FACTOR:g} kali rata-rata {trends.SPIKE_BASELINE_WEEKS} minggu sebelumnya; hanya dinilai bila "
        "basis data sudah berisi berita sejak awal minggu-minggu pembanding.",
        "Tabel yang sama tersedia sebagai CSV (monitor report --csv-dir) dan sebagai kueri di Datasette (monitor serve).",
    ]
    return ("<h2 id=\"metode\">Catatan metode</h2><ul>" + "".join(f"<li>{esc(p)}</li>" for p in points) + "</ul>")


def render_html(r: Report) -> str:
    body = "\n".join([_header(r), _summary(r), _weekly(r), _regions(r), _organisations(r), _spikes(r),
                      _strongest(r), _method(r),
                      "<footer>ogi-monitor \u00b7 teks berita milik media masing-masing.</footer>"])
    title = f"Laporan pemberitaan OGI, {wording.date_range(r.since, r.until)}"
    return ("<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>\n{body}\n</body></html>\n")
