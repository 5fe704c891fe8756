"""Digest and alert bodies in Indonesian (plain text and HTML with the same content), and their chart.

A digest (daily, weekly, or ``monitor alerts preview``) is laid out as:

1. a header saying the window is when the monitor **collected** the articles (each article then
   shows its own publication date);
2. a summary: articles per issue in the window against the previous window of the same length,
   the organisations named in most articles, the articles per region of their outlets;
3. a chart of the last four weeks' daily volume per issue (publication dates, up to the last day
   of the window; syndicated copies left out), with its numbers per week in a table (and per day
   in the plain text);
4. the articles grouped by their main issue (the highest-scored of the issues the rule watches),
   each with publication date, outlet, confidence in words (:func:`wording.confidence`),
   organisations named and the evidence sentence.

The chart is a PNG drawn offline (:mod:`monitor.deliver.charts`) and kept in the HTML as a
``data:`` URI, so a saved digest.html shows it anywhere; :func:`inline_images` turns those into
MIME parts referenced by ``cid:`` when the email is built, which mail clients show without
loading anything. Scraped text is always escaped in the HTML.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from monitor.config import ISSUE_KEYS
from monitor.deliver import trends, wording
from monitor.deliver.trends import Item, OrgCount

MAX_ITEMS = 50  # per message; the rest is summarised as a count
TOP_ORGANISATIONS = 5
CHART_DAYS = 28
NO_ISSUE = "Tanpa isu"
GROUPING_NOTE = "Setiap berita dicantumkan sekali, di bawah isu dengan skor tertingginya."

_DATA_IMG = re.compile(r'src="data:image/(png|jpeg|gif);base64,([A-Za-z0-9+/=]+)"')


@dataclass
class Summary:
    issues: list[str]  # the issues shown (the rule's, or all six)
    counts: dict[str, int]
    previous: dict[str, int]
    total: int
    previous_total: int
    previous_period: str  # e.g. "Jumat, 21 November 2026"
    organisations: list[OrgCount]
    regions: list[tuple[str, int]]
    chart_first: dt.date
    chart_last: dt.date
    chart: dict[str, list[int]] = field(default_factory=dict)  # issue -> articles per day
    chart_png: bytes | None = None

    def weeks(self) -> list[tuple[dt.date, dt.date, dict[str, int]]]:
        """The chart's days in four 7-day spans ending on ``chart_last``: (first, last, issue -> articles)."""
        out = []
        for start in range(0, len(next(iter(self.chart.values()), [])), 7):
            first = self.chart_first + dt.timedelta(days=start)
            out.append((first, first + dt.timedelta(days=6), {k: sum(v[start:start + 7]) for k, v in self.chart.items()}))
        return out


def summarise(conn, issues: Sequence[str], current: Sequence[Mapping], previous: Sequence[Mapping],
              chart_items: Sequence[Item], chart_last: dt.date, previous_period: str, tz,
              names: Mapping[str, str], *, draw: bool = True) -> Summary:
    """The summary block's figures. ``current``/``previous`` are the messages' items (stories)."""
    issues = list(issues) or list(ISSUE_KEYS)
    now_items = trends.items_from_rows(conn, current, tz)
    before = trends.items_from_rows(conn, previous, tz)
    regions: dict[str, int] = {}
    for item in now_items:
        key = item.region or wording.NO_REGION
        regions[key] = regions.get(key, 0) + 1
    first = chart_last - dt.timedelta(days=CHART_DAYS - 1)
    summary = Summary(issues=issues, counts=trends.count_by_issue(now_items, issues),
                      previous=trends.count_by_issue(before, issues), total=len(now_items),
                      previous_total=len(before), previous_period=previous_period,
                      organisations=trends.top_organisations(now_items, TOP_ORGANISATIONS),
                      regions=sorted(regions.items(), key=lambda kv: (-kv[1], kv[0])),
                      chart_first=first, chart_last=chart_last,
                      chart=trends.daily_volume(chart_items, issues, first, chart_last))
    if draw and any(any(v) for v in summary.chart.values()):
        from monitor.deliver.charts import daily_issue_png

        days = [first + dt.timedelta(days=d) for d in range(CHART_DAYS)]
        summary.chart_png = daily_issue_png(days, summary.chart, names)
    return summary


def chart_title(s: Summary) -> str:
    return f"Berita per hari per isu menurut tanggal terbit, {wording.date_range(s.chart_first, s.chart_last)}"


# ------------------------------------------------------------------ rendering

def _main_issue(item: Mapping, shown: Sequence[str]) -> str | None:
    issues = [s.strip() for s in (item.get("issues") or "").split(";") if s.strip()]
    return next((k for k in issues if k in shown), issues[0] if issues else None)


def group_by_issue(items: Sequence[Mapping], shown: Sequence[str]) -> list[tuple[str | None, list[Mapping]]]:
    """Items under their main issue: shown issues in codebook order, then other issues, then none."""
    groups: dict[str | None, list[Mapping]] = {}
    for item in items:
        groups.setdefault(_main_issue(item, shown), []).append(item)
    order = [k for k in ISSUE_KEYS if k in shown] + [k for k in ISSUE_KEYS if k not in shown] + [None]
    return [(k, groups[k]) for k in order if k in groups]


def _summary_text(s: Summary, names: Mapping[str, str]) -> list[str]:
    out = ["RINGKASAN", f"Berita per isu, dibandingkan dengan periode sebelumnya ({s.previous_period}):"]
    for k in s.issues:
        out.append(f"- {names.get(k, k)}: {s.counts[k]} (sebelumnya {s.previous[k]}, "
                   f"perubahan {wording.change(s.counts[k], s.previous[k])})")
    out.append(f"- Semua berita: {s.total} (sebelumnya {s.previous_total}, "
               f"perubahan {wording.change(s.total, s.previous_total)})")
    if len(s.issues) > 1:
        out.append("  Satu berita dapat memiliki lebih dari satu isu.")
    orgs = "; ".join(f"{wording.organisation_label(o.name, o.acronym)}: {o.articles} berita" for o in s.organisations)
    out.append(f"Organisasi yang paling sering disebut: {orgs or '-'}")
    out.append("Wilayah sumber berita: " + ("; ".join(f"{r}: {n} berita" for r, n in s.regions) or "-"))
    out += ["", f"{chart_title(s)}:"]
    if not any(any(v) for v in s.chart.values()):
        out.append(f"  Tidak ada berita yang terbit dalam {CHART_DAYS} hari ini.")
        return out
    weeks = s.weeks()
    out.append("  Per minggu: " + " | ".join(wording.short_range(a, b) for a, b, _ in weeks))
    for k in s.issues:
        out.append(f"- {names.get(k, k)}: " + " | ".join(str(c[k]) for _, _, c in weeks)
                   + f" (jumlah {sum(s.chart[k])}); per hari: " + " ".join(str(v) for v in s.chart[k]))
    return out


def _cell(text: object, head: bool = False, align: str = "left") -> str:
    tag = "th" if head else "td"
    return (f"<{tag} style='text-align:{align};padding:3px 8px;border-bottom:1px solid #ddd;"
            f"font-weight:{'bold' if head else 'normal'}'>{html.escape(str(text))}</{tag}>")


def _summary_html(s: Summary, names: Mapping[str, str]) -> str:
    rows = [_cell("Isu", True) + _cell("Periode ini", True, "right") + _cell("Sebelumnya", True, "right")
            + _cell("Perubahan", True, "right")]
    for k in s.issues:
        rows.append(_cell(names.get(k, k)) + _cell(s.counts[k], align="right") + _cell(s.previous[k], align="right")
                    + _cell(wording.change(s.counts[k], s.previous[k]), align="right"))
    rows.append(_cell("Semua berita", True) + _cell(s.total, True, "right") + _cell(s.previous_total, True, "right")
                + _cell(wording.change(s.total, s.previous_total), True, "right"))
    esc = html.escape
    parts = ["<h3 style='margin:1em 0 0.3em'>Ringkasan</h3>",
             f"<p style='margin:0 0 0.4em'>Berita per isu, dibandingkan dengan periode sebelumnya "
             f"({esc(s.previous_period)})"
             + (". Satu berita dapat memiliki lebih dari satu isu." if len(s.issues) > 1 else ".") + "</p>",
             "<table style='border-collapse:collapse;font-size:14px'>"
             + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"]
    orgs = "; ".join(f"{esc(wording.organisation_label(o.name, o.acronym))}: {o.articles} berita"
                     for o in s.organisations)
    parts.append(f"<p><b>Organisasi yang paling sering disebut:</b> {orgs or '-'}<br>"
                 "<b>Wilayah sumber berita:</b> "
                 + ("; ".join(f"{esc(r)}: {n} berita" for r, n in s.regions) or "-") + "</p>")
    parts.append(f"<h4 style='margin:1em 0 0.3em'>{esc(chart_title(s))}</h4>")
    if s.chart_png is None:
        parts.append(f"<p>Tidak ada berita yang terbit dalam {CHART_DAYS} hari ini.</p>")
        return "\n".join(parts)
    data = base64.b64encode(s.chart_png).decode("ascii")
    parts.append(f"<img src=\"data:image/png;base64,{data}\" width=\"640\" style='max-width:100%;height:auto' "
                 f"alt=\"{esc(chart_title(s), quote=True)}\">")
    weeks = s.weeks()
    head = _cell("Per minggu", True) + "".join(_cell(wording.short_range(a, b), True, "right") for a, b, _ in weeks)
    body = [_cell(names.get(k, k)) + "".join(_cell(c[k], align="right") for _, _, c in weeks) for k in s.issues]
    parts.append("<table style='border-collapse:collapse;font-size:13px;margin-top:0.3em'>"
                 + "".join(f"<tr>{r}</tr>" for r in [head, *body]) + "</table>")
    return "\n".join(parts)


def _issue_line(item: Mapping, names: Mapping[str, str]) -> str:
    issues = [s.strip() for s in (item.get("issues") or "").split(";") if s.strip()]
    return ", ".join(f"{names.get(k, k)} (keyakinan {wording.confidence(item.get('score_' + k))})"
                     for k in issues) or "-"


def _where(item: Mapping, tz, zone: str) -> str:
    when = wording.local_datetime(item.get("published"), tz)
    terbit = f"Terbit {when} {zone}" if item.get("published") else "Tanggal terbit tidak diketahui"
    region = f" ({item['region']})" if item.get("region") else ""
    return f"{terbit} \u00b7 {item['source']}{region}"


def render(rule_name: str, heading: str, intro: str, items: Sequence[Mapping], settings, *,
           issues: Sequence[str] = (), summary: Summary | None = None,
           names: Mapping[str, str] | None = None) -> tuple[str, str]:
    """Plain-text and HTML bodies of one message, same content."""
    tz, zone = settings.tz, wording.zone_name(settings.timezone)
    names = names or wording.issue_names()
    shown = list(issues) or list(ISSUE_KEYS)
    esc = html.escape
    text = [heading, "=" * len(heading), intro, ""]
    parts = [f"<h2 style='margin:0 0 0.2em'>{esc(heading)}</h2>", f"<p style='color:#444'>{esc(intro)}</p>"]
    if summary is not None:
        text += _summary_text(summary, names) + ["", "BERITA PER ISU"]
        parts.append(_summary_html(summary, names))
        parts.append("<h3 style='margin:1.4em 0 0'>Berita per isu</h3>")
    if len(shown) > 1:
        text.append(GROUPING_NOTE)
        parts.append(f"<p style='color:#555;margin:0.2em 0'>{esc(GROUPING_NOTE)}</p>")
    listed = 0
    for issue, group in group_by_issue(items, shown):
        if listed >= MAX_ITEMS:
            break
        title = f"{names.get(issue, issue) if issue else NO_ISSUE} ({len(group)} berita)"
        text += ["", f"== {title} =="]
        parts.append(f"<h4 style='margin:1.2em 0 0.4em;border-bottom:2px solid #ccc;font-size:1.05em'>"
                     f"{esc(title)}</h4>")
        for item in group[:MAX_ITEMS - listed]:
            listed += 1
            evidence = item.get("evidence", {})
            sentence = evidence.get(issue) or next(iter(evidence.values()), None)
            partners = item.get("partners") or "-"
            copies = item.get("copies") or []
            text += [f"{listed}. {item['title']}", f"   {_where(item, tz, zone)}", f"   Isu: {_issue_line(item, names)}",
                     f"   Organisasi: {partners}"]
            if sentence:
                text.append(f"   Bukti: \u201c{sentence}\u201d")
            text.append(f"   Tautan: {item['url']}")
            if copies:
                text.append("   Juga dimuat: " + "; ".join(f"{c['source']} ({c['url']})" for c in copies))
            text.append("")
            parts.append(
                "<div style='margin-bottom:1em'>"
                f"<p style='margin:0'><a href=\"{esc(item['url'], quote=True)}\"><b>"
                f"{esc(item['title'] or '(tanpa judul)')}</b></a><br>"
                f"<small style='color:#555'>{esc(_where(item, tz, zone))}</small></p>"
                f"<p style='margin:0.2em 0'>Isu: {esc(_issue_line(item, names))}<br>Organisasi: {esc(partners)}</p>"
                + (f"<blockquote style='margin:0.3em 0 0.3em 1em;color:#333;border-left:3px solid #ccc;"
                   f"padding-left:0.6em'>Bukti: \u201c{esc(sentence)}\u201d</blockquote>" if sentence else "")
                + ("<p style='margin:0'><small>Juga dimuat: " + "; ".join(
                    f"<a href=\"{esc(c['url'], quote=True)}\">{esc(str(c['source']))}</a>" for c in copies)
                   + "</small></p>" if copies else "")
                + "</div>")
    if len(items) > listed:
        more = f"... dan {len(items) - listed} berita lainnya."
        text.append(more)
        parts.append(f"<p>{esc(more)}</p>")
    footer = (f"Dikirim oleh ogi-monitor, aturan \u201c{rule_name}\u201d. Keyakinan: skor model untuk isu itu, "
              "tinggi >= 0,75, sedang >= 0,50, rendah di bawahnya.")
    text += ["", footer]
    parts.append(f"<hr><p><small style='color:#555'>{esc(footer)}</small></p>")
    body_html = ("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>" + esc(heading)
                 + "</title></head><body style='font-family:Arial,Helvetica,sans-serif;max-width:720px;"
                 "margin:0 auto;padding:8px;color:#222'>" + "\n".join(parts) + "</body></html>")
    return "\n".join(text), body_html


# ------------------------------------------------------------------ email

def inline_images(body_html: str) -> tuple[str, list[tuple[str, str, bytes]]]:
    """``data:`` images -> ``cid:`` references and their parts: (html, [(cid, subtype, bytes)]).

    The Content-ID is derived from the image bytes, so a message built twice is the same.
    """
    parts: dict[str, tuple[str, str, bytes]] = {}

    def swap(m: re.Match) -> str:
        data = base64.b64decode(m.group(2))
        cid = f"chart-{hashlib.sha256(data).hexdigest()[:16]}@ogi-monitor"
        parts.setdefault(cid, (cid, m.group(1), data))
        return f'src="cid:{cid}"'

    return _DATA_IMG.sub(swap, body_html), list(parts.values())
