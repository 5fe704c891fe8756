"""Publication dates of (Indonesian) news pages, as ISO 8601 with a UTC offset.

Sources, most trusted first: JSON-LD ``datePublished`` (also inside ``@graph``), ``<meta>``
tags, ``<time datetime>`` / ``itemprop=datePublished``, the visible date line near the
headline ("Senin, 11 November 2024 - 14:30 WITA", "05/11/2015 10:08 WIB", ...), and last
htmldate (date only). Regexes do the work; no dateparser on the hot path.

Time zones: WIB = +07:00, WITA = +08:00, WIT = +09:00. A time without a zone takes the zone
the page itself writes next to its dates (the most frequent of WIB/WITA/WIT in its text),
else ``default_tz`` (Asia/Makassar, i.e. WITA: NTB). Machine dates stamped "Z" whose wall
clock equals a visible "... WIB" date on the same page are local times mislabelled as UTC
(detik does this) and take the visible zone.

Future dates: a date later than ``now + FUTURE_SKEW`` (one hour) is rejected and the next
source is tried; the hour absorbs clock skew between the outlet's server and ours but not
the 7-9 h error of a local time mislabelled as UTC. Dates before ``MIN_YEAR`` are rejected.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from collections import Counter
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Iterator, NamedTuple
from zoneinfo import ZoneInfo

import lxml.html
from lxml import etree

from monitor import clock

log = logging.getLogger(__name__)

DEFAULT_TZ = "Asia/Makassar"
FUTURE_SKEW = timedelta(hours=1)
MIN_YEAR = 1990

ZONES: dict[str, tzinfo] = {
    "WIB": timezone(timedelta(hours=7), "WIB"),
    "WITA": timezone(timedelta(hours=8), "WITA"),
    "WIT": timezone(timedelta(hours=9), "WIT"),
}

MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# Optional time after a date: "14:30", "- 14:30:05", "| 21:04", ", pukul 14.30", "at 09:10".
_TIME = (
    r"(?:\s*(?:,|-|–|\||•|/|at|@)?\s*(?P<pk>pukul|jam)?\s*"
    r"(?P<H>[012]?\d)(?P<sep>[:.])(?P<M>[0-5]\d)(?:[:.](?P<S>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[ap]\.?m\b\.?))?)?"
)
_ZONE = r"(?:\s*(?P<tz>WITA|WIB|WIT|UTC|GMT)\b(?:\s*(?P<tzoff>[+-]\d{1,2}(?::?\d{2})?))?)?"

_TEXT_DATES = [
    # "Senin, 11 November 2024 - 14:30 WITA", "4 Nov 2024", "04 November, 2015 | 07:28 WIB"
    re.compile(
        rf"(?<!\w)(?P<d>[0-3]?\d)(?:\s+|\s*-\s*)(?P<mon>{_MONTH})\.?,?(?:\s+|\s*-\s*)(?P<y>(?:19|20)\d\d)(?!\d)"
        + _TIME + _ZONE,
        re.I,
    ),
    # "November 4, 2015 10:00"
    re.compile(
        rf"(?<!\w)(?P<mon>{_MONTH})\.?\s+(?P<d>[0-3]?\d),?\s+(?P<y>(?:19|20)\d\d)(?!\d)" + _TIME + _ZONE,
        re.I,
    ),
    # "Kamis (11/11/2024)", "05/11/2015 10:08 WIB", "02/11/2023, 21:34 WIB", "11-11-2024"
    re.compile(
        r"(?<![\d/.-])(?P<d>[0-3]?\d)(?P<ds>[/.-])(?P<m>[01]?\d)(?P=ds)(?P<y>(?:19|20)\d\d)(?![\d/])" + _TIME + _ZONE,
        re.I,
    ),
    # "2023/11/02 20:59:53", "2024-11-11 14:30" (machine-ish dates written as text)
    re.compile(
        r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)(?P<ds>[/.-])(?P<m>[01]?\d)(?P=ds)(?P<d>[0-3]?\d)(?![\d/])"
        r"(?:[T\s]+(?P<H>[012]?\d)(?P<sep>:)(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:\.\d+)?)?"
        r"(?P<off>Z|[+-][01]\d:?[0-5]\d)?)?" + _ZONE,
        re.I,
    ),
]

_INDONESIAN_OFFSETS = {timedelta(hours=h) for h in (7, 8, 9)}
_MACHINE = re.compile(r"\d{10}|\d{13}|\d{4}-\d\d-\d\d(?:[T ]\S+)?")  # epoch or ISO 8601, alone
_ZONE_WORD = re.compile(r"\b(WITA|WIB|WIT)\b", re.I)

# <meta> names/properties/itemprops giving the publication time, best first.
_META_KEYS = [
    "article:published_time", "og:article:published_time", "og:published_time",
    "article:published", "published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "dtk:publishdate", "content_publisheddate",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date",
    "dcterms.date", "dc.date.created", "dcterms.created", "originalpublicationdate",
    "article.published", "date", "datecreated", "createdate", "dtk:createddate",
]  # fmt: skip
_META_RANK = {k: i for i, k in enumerate(_META_KEYS)}

_ARTICLE_TYPES = re.compile(r"Article|Posting|Report", re.I)
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_HINT_ATTR = re.compile(r"date|time|tanggal|tgl|publish|posted|waktu|jam|byline|meta|info", re.I)


class Candidate(NamedTuple):
    """A publication time found on the page, with how much its zone can be trusted."""

    dt: datetime
    source: str
    zone: str  # "explicit" (offset or WIB/WITA/WIT given), "utc" (a bare Z/UTC), "none"
    timed: bool = True  # False for a bare date (read as midnight)


def _tz(name: str | tzinfo | None) -> tzinfo:
    if isinstance(name, tzinfo):
        return name
    name = name or DEFAULT_TZ
    if name.upper() in ZONES:
        return ZONES[name.upper()]
    return ZoneInfo(name)


def _now(now: datetime | None) -> datetime:
    if now is None:
        return clock.now()
    return now if now.tzinfo else now.replace(tzinfo=timezone.utc)


def acceptable(dt: datetime, now: datetime | None = None) -> bool:
    """True when ``dt`` is plausible as a publication time: not in the future, not ancient."""
    return dt.year >= MIN_YEAR and dt <= _now(now) + FUTURE_SKEW


def _offset(text: str) -> timezone:
    m = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", text)
    if not m:
        return timezone.utc
    delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
    return timezone(-delta if m.group(1) == "-" else delta)


def _from_match(m: re.Match, default: tzinfo) -> tuple[datetime, str, bool] | None:
    """Build a datetime from one of the ``_TEXT_DATES`` matches; None when out of range."""
    g = m.groupdict()
    month = MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"])
    hour = minute = second = 0
    # "14.30" only counts as a time with a zone or "pukul": otherwise it may be a number.
    timed = g.get("H") is not None and not (g.get("sep") == "." and not (g.get("tz") or g.get("pk")))
    if timed:
        hour, minute, second = int(g["H"]), int(g["M"]), int(g.get("S") or 0)
        ampm = (g.get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    tzname = (g.get("tz") or "").upper()
    if g.get("off"):
        tz = timezone.utc if g["off"] == "Z" else _offset(g["off"])
        zone = "utc" if g["off"] == "Z" else "explicit"
    elif tzname in ZONES:
        tz, zone = ZONES[tzname], "explicit"
    elif tzname in ("UTC", "GMT"):
        tz = _offset(g["tzoff"]) if g.get("tzoff") else timezone.utc
        zone = "explicit"
    else:
        tz, zone = default, "none"
    try:
        dt = datetime(int(g["y"]), month, int(g["d"]), hour, minute, second)
    except ValueError:
        return None
    return dt.replace(tzinfo=tz), zone, timed


class TextDate(NamedTuple):
    """A date written in running text."""

    pos: int
    dt: datetime
    zone: str  # as in Candidate
    timed: bool
    end: int = 0  # where the date's text ends


def iter_text_dates(text: str, default_tz: str | tzinfo = DEFAULT_TZ) -> Iterator[TextDate]:
    """All dates written in ``text``, in text order."""
    tz = _tz(default_tz)
    found: list[TextDate] = []
    taken: list[tuple[int, int]] = []
    for rx in _TEXT_DATES:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # an earlier, more specific pattern already read this span
            built = _from_match(m, tz)
            if built:
                taken.append(m.span())
                found.append(TextDate(m.start(), *built, m.end()))
    found.sort(key=lambda x: x.pos)
    return iter(found)


def parse_machine_date(value: str, default_tz: str | tzinfo = DEFAULT_TZ) -> Candidate | None:
    """Parse a machine-written date (ISO 8601 and its common misspellings, epoch seconds/ms).

    Falls back to the text patterns; never raises.
    """
    v = (value or "").strip()
    if not v:
        return None
    tz = _tz(default_tz)
    if re.fullmatch(r"\d{10}|\d{13}", v):
        secs = int(v) / (1000 if len(v) == 13 else 1)
        return Candidate(datetime.fromtimestamp(secs, timezone.utc), "epoch", "explicit")
    v = re.sub(r"^(\d{4})/(\d{2})/(\d{2})", r"\1-\2-\3", v)
    v = re.sub(r"^(\d{4}-\d{2}-\d{2})\s*T\s*", r"\1T", v)  # "2015-11-05 T10:08:58Z"
    v = re.sub(r"T(\d{2})-(\d{2})-(\d{2})", r"T\1:\2:\3", v)  # "2023-11-02T20-59-53Z"
    try:
        dt = datetime.fromisoformat(v)
    except ValueError:
        dt = None
    if dt is not None:
        if dt.tzinfo is None:
            return Candidate(dt.replace(tzinfo=tz), "iso", "none", len(v) > 10)
        bare_utc = dt.utcoffset() == timedelta(0) and v.endswith(("Z", "z", "+00:00", "+0000"))
        return Candidate(dt, "iso", "utc" if bare_utc else "explicit")
    for td in iter_text_dates(value, tz):
        return Candidate(td.dt, "text", td.zone, td.timed)
    return None


def parse_indonesian_date(
    text: str, default_tz: str | tzinfo = DEFAULT_TZ, now: datetime | None = None
) -> datetime | None:
    """The first acceptable date written in ``text`` (Indonesian or English, or ISO 8601).

    Handles "Senin, 11 November 2024 - 14:30 WITA", "4 Nov 2024", "Kamis (11/11/2024)",
    "11/11/2024 14:30 WIB", "Rabu, 17 Jun 2026 16:31 WIB", Mei/Agu/Agt/Okt/Des, and times
    with ":" or "." ("pukul 14.30"). A date without a zone is read in ``default_tz``. Dates in
    the future (beyond ``FUTURE_SKEW`` after ``now``) or before ``MIN_YEAR`` are skipped.
    Returns an aware datetime, or None.
    """
    if not text:
        return None
    stripped = text.strip()
    if _MACHINE.fullmatch(stripped):
        cand = parse_machine_date(stripped, default_tz)
        return cand.dt if cand and acceptable(cand.dt, now) else None
    for td in iter_text_dates(text, default_tz):
        if acceptable(td.dt, now):
            return td.dt
    return None


# ---------------------------------------------------------------------------- page level


def _as_tree(html_or_tree: str | bytes | etree._Element) -> etree._Element | None:
    if isinstance(html_or_tree, etree._Element):
        return html_or_tree
    if isinstance(html_or_tree, str):
        html_or_tree = re.sub(r"^\s*<\?xml[^>]*\?>", "", html_or_tree)  # lxml refuses it in str
    try:
        return lxml.html.fromstring(html_or_tree) if html_or_tree else None
    except (etree.ParserError, ValueError, TypeError):
        return None


def visible_text(tree: etree._Element) -> str:
    """The text of the page body outside scripts and styles, whitespace-collapsed."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    parts = root.xpath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")
    return re.sub(r"\s+", " ", " ".join(parts))


def page_zone(text: str, default_tz: str | tzinfo = DEFAULT_TZ) -> tzinfo:
    """The zone the page writes beside its dates (most frequent WIB/WITA/WIT), else the default."""
    counts = Counter(z.upper() for z in _ZONE_WORD.findall(text))
    if counts:
        return ZONES[counts.most_common(1)[0][0]]
    return _tz(default_tz)


def _jsonld_dates(tree: etree._Element, tz: tzinfo) -> list[Candidate]:
    typed: list[str] = []
    untyped: list[str] = []

    def walk(obj: object) -> None:
        if isinstance(obj, list):
            for x in obj:
                walk(x)
        elif isinstance(obj, dict):
            value = obj.get("datePublished")
            if isinstance(value, str):
                kind = obj.get("@type", "")
                kind = " ".join(kind) if isinstance(kind, list) else str(kind)
                (typed if _ARTICLE_TYPES.search(kind) else untyped).append(value)
            for key in ("@graph", "mainEntity", "itemListElement"):
                if key in obj:
                    walk(obj[key])

    for script in tree.xpath('//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]'):
        raw = script.text or ""
        try:
            walk(json.loads(raw, strict=False))
        except ValueError:
            untyped.extend(_LD_DATE.findall(raw))  # broken JSON is common; the key still reads
    out = []
    for value in typed + untyped:
        cand = parse_machine_date(value, tz)
        if cand:
            out.append(cand._replace(source="jsonld"))
    return out


def _meta_dates(tree: etree._Element, tz: tzinfo) -> list[Candidate]:
    ranked: list[tuple[int, str]] = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        rank = _META_RANK.get(key)
        if rank is None and (meta.get("itemprop") or "").lower() == "datepublished":
            rank = _META_RANK["datepublished"]
        content = meta.get("content")
        if rank is not None and content:
            ranked.append((rank, content))
    out = []
    for _rank, value in sorted(ranked, key=lambda x: x[0]):
        cand = parse_machine_date(value, tz)
        if cand:
            out.append(cand._replace(source="meta"))
    return out


def _time_dates(tree: etree._Element, tz: tzinfo) -> list[Candidate]:
    """``<time datetime>`` and ``itemprop=datePublished`` elements, published ones first."""
    first: list[Candidate] = []
    rest: list[Candidate] = []
    for el in tree.xpath("//time | //*[@itemprop='datePublished'][not(self::meta)]"):
        value = el.get("datetime") or el.get("content") or el.get("title") or ""
        cand = parse_machine_date(value, tz) if value else None
        if cand is None:
            text = " ".join(el.itertext())
            dates = list(iter_text_dates(text, tz))
            cand = Candidate(dates[0].dt, "time-text", dates[0].zone, dates[0].timed) if dates else None
        if cand is None:
            continue
        marks = " ".join(filter(None, [el.get("itemprop"), el.get("class"), el.get("pubdate")]))
        published = re.search(r"publish|pubdate|datePublished|created", marks, re.I) or el.get("pubdate") is not None
        (first if published else rest).append(cand._replace(source="time"))
    # only the first unmarked <time> is trusted: later ones usually date related links
    return first + rest[:1]


# The article's own header: the smallest element around the headline (or, failing that, the
# byline just after it) that shows a date, as long as it stays header-sized. Its date beats
# every date outside it (related posts, sidebars, "latest" widgets), machine-marked or not.
HEADER_MAX_CHARS = 600  # title, kicker, subtitle, author, date, counters: never the article text
BYLINE_MAX_CHARS = 300
BYLINE_REACH = 300  # characters of text between the headline and a byline that still belongs to it
_HEADER_STOP = frozenset({"body", "html", "main"})
_SKIP_TEXT = frozenset({"script", "style", "noscript", "template"})
_BYLINE_MARK = re.compile(r"author|byline|penulis|reporter|wartawan|pewarta", re.I)
# "Diperbarui: ...", "Update ...": a date after one of these labels is the modified one
_WEEKDAY = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_UPDATED_LABEL = re.compile(
    r"(?:diperbarui|diupdate|update[d]?|pembaruan|modified|edited|disunting)\W{0,3}(?:pada|on|at)?\W{0,3}"
    rf"(?:{_WEEKDAY}\W{{0,3}})?$",
    re.I,
)
_UPDATED_CLASS = re.compile(r"\bupdated\b|modified", re.I)
_PUBLISHED_CLASS = re.compile(r"publish|pubdate|entry-date|created", re.I)


def _norm_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _headline(tree: etree._Element) -> etree._Element | None:
    """The article's headline: an ``<h1>`` (or ``<h2>``) the page title repeats, else the first
    ``<h1>`` of three words or more. Short ``<h1>``s are site names and section labels."""
    titles = [
        _norm_space(m.get("content") or "").lower()
        for m in tree.iter("meta")
        if (m.get("property") or m.get("name") or "").lower() in ("og:title", "twitter:title")
    ]
    titles += [_norm_space(t.text_content()).lower() for t in tree.iter("title")]
    titles = [t for t in titles if t]
    first = None
    for tag in ("h1", "h2"):
        for h in tree.iter(tag):
            text = _norm_space(" ".join(h.itertext()))
            if len(text.split()) < 3:
                continue
            if any(text.lower() in t for t in titles):
                return h
            if first is None and tag == "h1":
                first = h
        if first is not None:
            return first
    return None


def _own_text(el: etree._Element, skip: etree._Element | None = None) -> str:
    """The visible text inside ``el`` (no scripts or styles, nor the ``skip`` subtree)."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node is skip or not isinstance(node.tag, str) or node.tag in _SKIP_TEXT:
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return _norm_space(" ".join(parts))


def _header_candidates(region: etree._Element, headline: etree._Element, tz: tzinfo) -> list[Candidate]:
    """The dates shown in the header ``region``: best quality first, modified dates last."""
    ranked: list[tuple[bool, int, int, int, Candidate]] = []
    for i, el in enumerate(region.xpath(".//time | .//*[@itemprop='datePublished'][not(self::meta)]")):
        value = el.get("datetime") or el.get("content") or ""
        cand = parse_machine_date(value, tz) if value else None
        if cand is None:
            continue  # its text is read below with the rest of the header
        marks = " ".join(filter(None, [el.get("class"), el.get("itemprop")]))
        modified = bool(_UPDATED_CLASS.search(marks)) and not _PUBLISHED_CLASS.search(marks)
        ranked.append((modified, -_quality(cand.zone, cand.timed), 0, i, cand._replace(source="header")))
    text = _own_text(region, skip=headline)
    for td in iter_text_dates(text, tz):
        modified = bool(_UPDATED_LABEL.search(text[max(0, td.pos - 30) : td.pos]))
        cand = Candidate(td.dt, "header", td.zone, td.timed)
        ranked.append((modified, -_quality(td.zone, td.timed), 1, td.pos, cand))
    ranked.sort(key=lambda r: r[:4])
    return [r[4] for r in ranked]


def _dated_ancestor(
    start: etree._Element, headline: etree._Element, tz: tzinfo, limit: int
) -> list[Candidate]:
    """Dates of the smallest ancestor of ``start`` (itself included) that shows one, within ``limit``."""
    el: etree._Element | None = start
    for _ in range(8):
        if el is None or not isinstance(el.tag, str) or el.tag in _HEADER_STOP:
            break
        if len(_own_text(el)) > limit:
            break
        cands = _header_candidates(el, headline, tz)
        if cands:
            return cands
        el = el.getparent()
    return []


def _byline_near(headline: etree._Element) -> etree._Element | None:
    """The first byline/author element after the headline, when little text stands between them."""
    seen = 0
    for el in headline.itersiblings():
        for node in el.iter():
            if not isinstance(node.tag, str) or node.tag in _SKIP_TEXT:
                continue
            marks = " ".join(filter(None, [node.get("class"), node.get("id"), node.get("rel"), node.get("itemprop")]))
            if _BYLINE_MARK.search(marks):
                return node
            seen += len((node.text or "").strip())
            if seen > BYLINE_REACH:
                return None
        seen += len((el.tail or "").strip())
    return None


def _header_dates(tree: etree._Element, tz: tzinfo) -> list[Candidate]:
    """Dates shown in the article's own header: around the headline, else around the byline after it."""
    headline = _headline(tree)
    if headline is None:
        return []
    cands = _dated_ancestor(headline.getparent(), headline, tz, HEADER_MAX_CHARS)
    if not cands:
        # the headline's container holds the article text too: the byline line may still be dated
        node: etree._Element | None = headline
        byline = None
        while node is not None and byline is None and node.tag not in _HEADER_STOP:
            byline = _byline_near(node)
            node = node.getparent()
            if node is not None and len(_own_text(node)) > HEADER_MAX_CHARS:
                break
        if byline is not None:
            cands = _dated_ancestor(byline, headline, tz, BYLINE_MAX_CHARS)
    return cands


def _headline_pos(tree: etree._Element) -> int:
    for i, el in enumerate(tree.iter()):
        if el.tag == "h1":
            return i
    return 0


def _headline_offset(tree: etree._Element, text: str) -> int:
    for h1 in tree.iter("h1"):
        head = re.sub(r"\s+", " ", " ".join(h1.itertext())).strip()
        if len(head) > 10 and head in text:
            return text.index(head)
    return 0


def _quality(zone: str, timed: bool) -> int:
    return 2 if timed and zone == "explicit" else 1 if timed else 0


def _visible_dates(tree: etree._Element, text: str, shown: list[TextDate], tz: tzinfo) -> list[Candidate]:
    """Dates the reader sees: short date/time-classed elements and the text after the headline.

    A dated, zoned, timed line beats a bare date; nearer after the headline beats farther;
    before the headline (site header "today" dates, menus) comes last.
    """
    h1 = _headline_pos(tree)
    ranked: list[tuple[int, int, int, Candidate]] = []
    for i, el in enumerate(tree.iter()):
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "a", "option", "head", "meta"):
            continue
        marks = (el.get("class") or "") + " " + (el.get("id") or "")
        if not _HINT_ATTR.search(marks):
            continue
        el_text = " ".join(el.itertext())
        if len(el_text) > 200 or any(a.tag == "a" for a in el.iterancestors()):
            continue
        for td in iter_text_dates(el_text, tz):
            group = 0 if i >= h1 else 2
            ranked.append((-_quality(td.zone, td.timed), group, i, Candidate(td.dt, "visible", td.zone, td.timed)))
            break
    start = _headline_offset(tree, text)
    for td in shown:
        if td.pos >= start:
            ranked.append((-_quality(td.zone, td.timed), 1, td.pos, Candidate(td.dt, "text", td.zone, td.timed)))
    ranked.sort(key=lambda r: r[:3])
    return [r[3] for r in ranked]


def _fix_zone(cand: Candidate, shown: list[TextDate], tz: tzinfo) -> datetime:
    """Correct a bare-UTC or zoneless machine date with the visible date showing the same clock."""
    if cand.zone == "explicit":
        return cand.dt
    wall = cand.dt.replace(tzinfo=None)
    for td in shown:
        if td.zone == "explicit" and td.timed and td.dt.replace(tzinfo=None, second=0) == wall.replace(second=0):
            return wall.replace(tzinfo=td.dt.tzinfo)
    if cand.zone == "none":
        return wall.replace(tzinfo=tz)
    return cand.dt


def _htmldate(tree: etree._Element, url: str | None, tz: tzinfo) -> Candidate | None:
    try:
        from htmldate import find_date

        found = find_date(copy.deepcopy(tree), url=url, original_date=True, extensive_search=True)
    except Exception as exc:  # htmldate is a best-effort fallback; never let it break extraction
        log.debug("htmldate failed: %s", exc)
        return None
    if not found:
        return None
    try:
        return Candidate(datetime.fromisoformat(found).replace(tzinfo=tz), "htmldate", "none")
    except ValueError:
        return None


def published_candidates(
    tree: etree._Element,
    url: str | None = None,
    default_tz: str | tzinfo = DEFAULT_TZ,
    text: str | None = None,
) -> tuple[list[Candidate], tzinfo, list[TextDate]]:
    """Every publication-time candidate in trust order, the page zone, and the visible dates."""
    text = visible_text(tree) if text is None else text
    tz = page_zone(text, default_tz)
    shown = list(iter_text_dates(text, tz))
    machine = _jsonld_dates(tree, tz) + _meta_dates(tree, tz)
    page = _header_dates(tree, tz) + _time_dates(tree, tz) + _visible_dates(tree, text, shown, tz)
    return machine + page, tz, shown


def published_datetime(
    html_or_tree: str | bytes | etree._Element,
    url: str | None = None,
    default_tz: str | tzinfo = DEFAULT_TZ,
    now: datetime | None = None,
) -> datetime | None:
    """The publication time as an aware datetime in the page's zone, or None (see module doc)."""
    tree = _as_tree(html_or_tree)
    if tree is None:
        return None
    cands, tz, shown = published_candidates(tree, url, default_tz)
    for cand in cands:
        dt = _fix_zone(cand, shown, tz)
        if acceptable(dt, now):
            # keep a WIB/WITA/WIT the page gave; show UTC and other offsets in the page zone
            return dt if dt.utcoffset() in _INDONESIAN_OFFSETS else dt.astimezone(tz)
        log.debug("rejected %s date %s (future or too old)", cand.source, dt)
    cand = _htmldate(tree, url, tz)
    if cand and acceptable(cand.dt, now):
        return cand.dt
    return None


def find_published(
    html_or_tree: str | bytes | etree._Element,
    url: str | None = None,
    default_tz: str | tzinfo = DEFAULT_TZ,
    now: datetime | None = None,
) -> str | None:
    """The publication time of an article page as ISO 8601 with offset, or None.

    ``html_or_tree`` is markup or an lxml tree (not modified). ``default_tz`` applies only
    when the page names no zone; ``now`` (default: the current time) bounds future dates.
    """
    dt = published_datetime(html_or_tree, url, default_tz, now)
    return dt.isoformat(timespec="seconds") if dt else None
