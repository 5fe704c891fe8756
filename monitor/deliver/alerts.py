"""Email alerts and digests: rules, rendering in Indonesian, an outbox sent exactly once.

Flow, at the end of every cycle (:func:`process_alerts`):
1. :func:`queue_due` turns each rule into messages for the outbox (``outbox`` table). A message's
   ``dedupe_key`` is unique, and the rule's cursor moves in the same transaction, so a message is
   queued once whatever happens around it.
2. :func:`send_outbox` sends unsent messages through SMTP and marks each one sent right after the
   server accepted it. When the server is down the messages stay queued for the next run.

The bodies (summary, chart, articles grouped by issue) are written by :mod:`monitor.deliver.digest`;
a chart travels in the outbox as a ``data:`` URI and becomes an inline ``cid:`` part when the
email is built (:func:`_email`).

SMTP settings come from the ``[smtp]`` table of alerts.toml (host, port, security, sender) and
from the environment (``OGI_SMTP_HOST``, ``OGI_SMTP_PORT``, ``OGI_SMTP_SECURITY``, ``OGI_SMTP_FROM``,
``OGI_SMTP_USER``, ``OGI_SMTP_PASSWORD``); credentials only ever from the environment.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import os
import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path
from typing import Any, Sequence
from zoneinfo import ZoneInfo

from monitor import clock
from monitor.config import (
    ISSUE_KEYS,
    ConfigError,
    Settings,
    _load_toml,
    _Reader,
    config_dir,
    table_label,
)
from monitor.deliver import digest, trends, wording
from monitor.deliver.export import ExportFilter, build_query
from monitor.store import Store, utcnow

log = logging.getLogger(__name__)

MODES = ("immediate", "daily", "weekly")
MAX_SEND_ATTEMPTS = 20
MAX_RECONNECTS = 3  # per run, after a connection dropped mid-send


@dataclass
class AlertRule:
    name: str
    recipients: list[str]
    mode: str = "daily"
    issues: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    query: str | None = None
    min_score: float | None = None


@dataclass
class SpikeRule:
    name: str
    recipients: list[str]
    issues: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    factor: float = 3.0  # today's count above factor x the trailing 14-day mean ...
    min_count: int = 5  # ... and at least this many articles
    cooldown_hours: float = 72.0


@dataclass
class SmtpConfig:
    host: str | None = None
    port: int = 587
    security: str = "starttls"  # starttls | ssl | none
    sender: str = "ogi-monitor <monitor@localhost>"
    user: str | None = None
    password: str | None = None
    timeout: float = 20.0

    @classmethod
    def from_env(cls, base: "SmtpConfig | None" = None) -> "SmtpConfig":
        c = base or cls()
        env = os.environ
        c.host = env.get("OGI_SMTP_HOST", c.host)
        c.port = int(env.get("OGI_SMTP_PORT", c.port))
        c.security = env.get("OGI_SMTP_SECURITY", c.security).strip().lower()
        c.sender = env.get("OGI_SMTP_FROM", c.sender)
        c.user = env.get("OGI_SMTP_USER") or None
        c.password = env.get("OGI_SMTP_PASSWORD") or None
        return c

    def __repr__(self) -> str:  # never print the password
        return f"SmtpConfig(host={self.host!r}, port={self.port}, security={self.security!r}, user={self.user!r})"


@dataclass
class Message:
    rule: str
    recipients: list[str]
    subject: str
    body_text: str
    body_html: str
    dedupe_key: str


# ------------------------------------------------------------------ configuration

def _valid_email(v: str) -> bool:
    """An address, bare or with a display name ("Name <a@b>")."""
    _, addr = parseaddr(v)
    return "@" in addr and " " not in addr and len(v) < 255


def load_alert_rules(path: str | os.PathLike | None = None) -> list[AlertRule | SpikeRule]:
    """Read alerts.toml ([[rule]] and [[spike]] tables). Missing file: no rules."""
    path = Path(path) if path else config_dir() / "alerts.toml"
    if not path.is_file():
        return []
    problems: list[str] = []
    data = _load_toml(path, problems)
    r = _Reader(path, problems)
    rules: list[AlertRule | SpikeRule] = []
    names: set[str] = set()
    for kind in ("rule", "spike"):
        tables = data.get(kind, [])
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            r.fail(kind, f"an array of [[{kind}]] tables")
            continue
        for n, t in enumerate(tables):
            p = table_label(kind, n, t) + ": "
            name = r.get(t, "name", p, str, None, "a non-empty name", lambda v: bool(v.strip()))
            if name is None:
                r.fail(p + "name", "a non-empty name (missing)")
                continue
            if name in names:
                r.fail(p + "name", "a name not used by another rule", name)
            names.add(name)
            recipients = r.str_list(t, "recipients", p, "a list of email addresses")
            if not recipients or not all(_valid_email(x) for x in recipients):
                r.fail(p + "recipients", "a non-empty list of email addresses", recipients)
            issues = r.str_list(t, "issues", p, "a list of issue keys")
            for i in issues:
                if i not in ISSUE_KEYS:
                    r.fail(p + "issues", "issue keys among " + ", ".join(ISSUE_KEYS), i)
            partners = r.str_list(t, "partners", p, "a list of organisation names or acronyms")
            if kind == "rule":
                rules.append(AlertRule(
                    name=name, recipients=recipients, issues=issues, partners=partners,
                    mode=r.get(t, "mode", p, str, "daily", "one of " + ", ".join(MODES), lambda v: v in MODES),
                    sources=r.str_list(t, "sources", p), regions=r.str_list(t, "regions", p),
                    keywords=r.str_list(t, "keywords", p), query=r.get(t, "query", p, str, None, "search words"),
                    min_score=r.get(t, "min_score", p, float, None, "a number between 0 and 1",
                                    lambda v: 0 <= v <= 1)))
            else:
                if not issues and not partners:
                    r.fail(p + "issues/partners", "at least one issue or partner to watch")
                rules.append(SpikeRule(
                    name=name, recipients=recipients, issues=issues, partners=partners,
                    factor=r.get(t, "factor", p, float, 3.0, "a number > 1", lambda v: v > 1),
                    min_count=r.get(t, "min_count", p, int, 5, "an integer >= 1", lambda v: v >= 1),
                    cooldown_hours=r.get(t, "cooldown_hours", p, float, 72.0, "hours >= 0", lambda v: v >= 0)))
    if problems:
        raise ConfigError(problems)
    return rules


SECURITY_MODES = ("starttls", "ssl", "none")


def load_smtp(path: str | os.PathLike | None = None) -> SmtpConfig:
    path = Path(path) if path else config_dir() / "alerts.toml"
    base = SmtpConfig()
    if path.is_file():
        problems: list[str] = []
        t = _load_toml(path, problems).get("smtp", {})
        r = _Reader(path, problems)
        if not isinstance(t, dict):
            r.fail("smtp", "a [smtp] table")
            t = {}
        for secret in ("password", "user"):
            if secret in t:
                r.fail(f"smtp.{secret}", f"no {secret} in the file: set OGI_SMTP_{secret.upper()} in the environment")
        base.host = r.get(t, "host", "smtp.", str, None, "a host name")
        base.port = r.get(t, "port", "smtp.", int, 587, "a port number", lambda v: 0 < v < 65536)
        base.security = r.get(t, "security", "smtp.", str, "starttls", "starttls, ssl or none",
                              lambda v: v in ("starttls", "ssl", "none"))
        base.sender = r.get(t, "sender", "smtp.", str, base.sender, "an email address", _valid_email)
        if problems:
            raise ConfigError(problems)
    cfg = SmtpConfig.from_env(base)
    if cfg.security not in SECURITY_MODES:
        raise ConfigError([f"OGI_SMTP_SECURITY: expected starttls, ssl or none, got {cfg.security!r}"])
    if cfg.security == "none" and cfg.user and cfg.password:
        raise ConfigError(["OGI_SMTP_SECURITY: expected starttls or ssl when OGI_SMTP_USER and OGI_SMTP_PASSWORD "
                           "are set (credentials are never sent over an unencrypted connection)"])
    return cfg


# ------------------------------------------------------------------ selecting articles

def _filter(rule: AlertRule, settings: Settings, **bounds: Any) -> ExportFilter:
    return ExportFilter(issues=rule.issues, partners=rule.partners, sources=rule.sources, regions=rule.regions,
                        keywords=rule.keywords, query=rule.query, min_score=rule.min_score,
                        timezone=settings.timezone, **bounds)


def matching_articles(store: Store, rule: AlertRule, settings: Settings, **bounds: Any) -> list[dict]:
    """Articles matching the rule (with duplicates folded under their first copy)."""
    sql, args = build_query(_filter(rule, settings, **bounds))
    cur = store.conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r)) for r in cur.fetchall()]
    return group_duplicates(store, rows)


def group_duplicates(store: Store, rows: list[dict]) -> list[dict]:
    """One item per story: syndicated copies listed under the first copy (``copies``).

    A story is its first copy's id (``duplicate_of`` or the article's own id). The item shows the
    first copy when it is among the rows, else the earliest-listed copy.
    """
    present = {r["id"] for r in rows}
    items: dict[int, dict] = {}
    for row in rows:
        story = row.get("duplicate_of") or row["id"]
        is_head = row["id"] == story or (story not in present and story not in items)
        if is_head and story not in items:
            items[story] = {**row, "copies": []}
    for row in rows:
        story = row.get("duplicate_of") or row["id"]
        if items[story]["id"] != row["id"]:
            items[story]["copies"].append(row)
    ordered = sorted(items.values(), key=lambda item: next(i for i, r in enumerate(rows)
                                                           if (r.get("duplicate_of") or r["id"]) ==
                                                           (item.get("duplicate_of") or item["id"])))
    names = dict(store.conn.execute("SELECT id, name FROM sources"))
    for item in ordered:
        item["evidence"] = _evidence(store, item["id"])
        for row in [item, *item["copies"]]:
            row["source"] = names.get(row["source"], row["source"])  # the outlet's name, not its id
    return ordered


def _evidence(store: Store, article_id: int) -> dict[str, str]:
    out = {}
    for issue, ev in store.conn.execute("SELECT issue, evidence FROM article_issues WHERE article_id=? AND "
                                        "assigned=1 ORDER BY score DESC", (article_id,)):
        if ev:
            sentences = json.loads(ev).get("sentences") or []
            if sentences:
                out[issue] = sentences[0]
    return out


# ------------------------------------------------------------------ queueing

def _cursor(store: Store, rule: str) -> int | None:
    row = store.conn.execute("SELECT last_article_id FROM alert_state WHERE rule=? AND subject_key='cursor'",
                             (rule,)).fetchone()
    return row[0] if row else None


def digest_window(mode: str, now: dt.datetime, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime, str] | None:
    """The first-seen window (UTC start, UTC end, local period label) of a digest sent at ``now``.

    A daily digest covers the previous local day, a weekly one the previous Monday-to-Sunday
    and is sent on Mondays only (None on other days).
    """
    today = now.astimezone(tz).date()
    span = 1 if mode == "daily" else 7
    if mode == "weekly" and today.isoweekday() != 1:
        return None
    end_local = dt.datetime.combine(today, dt.time(0), tz)
    start_local = end_local - dt.timedelta(days=span)
    period = start_local.date().isoformat() + (
        "" if span == 1 else f"..{(end_local.date() - dt.timedelta(days=1)).isoformat()}")
    return start_local.astimezone(dt.timezone.utc), end_local.astimezone(dt.timezone.utc), period


def due_messages(store: Store, settings: Settings, rules: Sequence[AlertRule | SpikeRule],
                 now: dt.datetime | None = None, *, days: int | None = None) -> list[tuple[Message, dict]]:
    """Messages due now, each with the state change that records it (applied when queued)."""
    now = now or clock.now()
    local = now.astimezone(settings.tz)
    today = local.date()
    out: list[tuple[Message, dict]] = []
    max_id = store.conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
    for rule in rules:
        if isinstance(rule, SpikeRule):
            out += spike_messages(store, settings, rule, now)
            continue
        if rule.mode == "immediate":
            cursor = _cursor(store, rule.name)
            if cursor is None and days is None:
                # A new rule starts from now, not with the whole archive.
                out.append((None, {"rule": rule.name, "cursor": max_id}))  # type: ignore[arg-type]
                continue
            bounds = {"after_id": cursor or 0, "up_to_id": max_id} if days is None else \
                {"first_seen_from": (now - dt.timedelta(days=days)).isoformat(timespec="seconds")}
            items = matching_articles(store, rule, settings, **bounds)
            if items:
                ids = sorted(i["id"] for i in items)
                subject = f"[ogi-monitor] {len(items)} berita baru: {rule.name}"
                text, body = digest.render(
                    rule.name, f"Berita baru untuk \u201c{rule.name}\u201d",
                    "Berita yang baru dikumpulkan monitor. Tanggal pada setiap berita adalah tanggal terbitnya.",
                    items, settings, issues=rule.issues)
                out.append((Message(rule.name, rule.recipients, subject, text, body,
                                    f"{rule.name}:immediate:{ids[0]}-{ids[-1]}:{max_id}"),
                            {"rule": rule.name, "cursor": max_id}))
            continue
        span = 1 if rule.mode == "daily" else 7
        if days is not None:  # preview: the last `days` days up to now
            start_utc, end_utc = now - dt.timedelta(days=days), None
            period = f"{(local - dt.timedelta(days=days)).date().isoformat()}..{today.isoformat()}"
        else:
            window = digest_window(rule.mode, now, settings.tz)
            if window is None:
                continue
            start_utc, end_utc, period = window
        items = matching_articles(store, rule, settings,
                                  first_seen_from=start_utc.isoformat(timespec="seconds"),
                                  first_seen_to=end_utc.isoformat(timespec="seconds") if end_utc else None)
        if not items:
            continue
        label = "Ringkasan harian" if span == 1 else "Ringkasan mingguan"
        subject = f"[ogi-monitor] {label} {period}: {rule.name} ({len(items)} berita)"
        text, body = _digest_bodies(store, settings, rule, label, items, start_utc, end_utc, now, days)
        out.append((Message(rule.name, rule.recipients, subject, text, body, f"{rule.name}:{rule.mode}:{period}"), {}))
    return out


def _digest_bodies(store: Store, settings: Settings, rule: AlertRule, label: str, items: list[dict],
                   start_utc: dt.datetime, end_utc: dt.datetime | None, now: dt.datetime,
                   days: int | None) -> tuple[str, str]:
    """A digest's bodies: collection window in words, summary against the previous window, chart."""
    tz, zone = settings.tz, wording.zone_name(settings.timezone)
    end = end_utc or now
    length = end - start_utc
    previous = matching_articles(store, rule, settings,
                                 first_seen_from=(start_utc - length).isoformat(timespec="seconds"),
                                 first_seen_to=start_utc.isoformat(timespec="seconds"))
    first = start_utc.astimezone(tz).date()
    last = (end.astimezone(tz) - dt.timedelta(microseconds=1)).date() if end_utc else now.astimezone(tz).date()
    if days is not None:
        when = (f"dalam {days} hari terakhir ({wording.date_range(first, last)}, sampai pukul "
                f"{now.astimezone(tz):%H:%M} {zone})")
        before = f"{days} hari sebelumnya"
    elif first == last:
        when = f"pada {wording.long_date(first, weekday=True)} ({zone})"
        before = wording.long_date(first - dt.timedelta(days=1), weekday=True)
    else:
        when = f"pada {wording.date_range(first, last)} ({zone})"
        before = wording.date_range(first - length, last - length)
    intro = f"Berita yang dikumpulkan monitor {when}. Tanggal pada setiap berita adalah tanggal terbitnya."
    names = wording.issue_names()
    chart_first = last - dt.timedelta(days=digest.CHART_DAYS - 1)
    chart_items = trends.load_items(store.conn, _filter(rule, settings, since=chart_first, until=last))
    summary = digest.summarise(store.conn, rule.issues, items, previous, chart_items, last, before, tz, names)
    return digest.render(rule.name, f"{label} \u201c{rule.name}\u201d", intro, items, settings,
                         issues=rule.issues, summary=summary, names=names)


def _daily_counts(store: Store, settings: Settings, kind: str, key: str, today: dt.date) -> list[int]:
    """Articles per local day for the last 15 days (index 14 = today), by first_seen."""
    tz = settings.tz
    start = dt.datetime.combine(today - dt.timedelta(days=14), dt.time(0), tz).astimezone(dt.timezone.utc)
    if kind == "issue":
        sql = ("SELECT a.first_seen FROM articles a JOIN article_issues ai ON ai.article_id = a.id "
               "WHERE ai.issue = ? AND ai.assigned = 1 AND a.duplicate_of IS NULL AND a.first_seen >= ?")
        args = (key, start.isoformat(timespec="seconds"))
    else:
        sql = ("SELECT a.first_seen FROM articles a JOIN article_partners ap ON ap.article_id = a.id "
               "JOIN partners p ON p.id = ap.partner_id WHERE (lower(p.name) = ? OR lower(p.acronym) = ?) "
               "AND a.duplicate_of IS NULL AND a.first_seen >= ?")
        args = (key.lower(), key.lower(), start.isoformat(timespec="seconds"))
    counts = [0] * 15
    for (seen,) in store.conn.execute(sql, args):
        day = dt.datetime.fromisoformat(seen).astimezone(tz).date()
        idx = 14 - (today - day).days
        if 0 <= idx <= 14:
            counts[idx] += 1
    return counts


def spike_messages(store: Store, settings: Settings, rule: SpikeRule, now: dt.datetime) -> list[tuple[Message, dict]]:
    today = now.astimezone(settings.tz).date()
    out = []
    names = wording.issue_names()
    oldest = store.conn.execute("SELECT min(first_seen) FROM articles").fetchone()[0]
    if oldest is None or now - dt.datetime.fromisoformat(oldest) < dt.timedelta(days=7):
        return out  # no baseline yet: a new installation's first days are not a spike
    for kind, keys in (("issue", rule.issues), ("partner", rule.partners)):
        for key in keys:
            counts = _daily_counts(store, settings, kind, key, today)
            mean = sum(counts[:14]) / 14
            if counts[14] < rule.min_count or counts[14] < rule.factor * max(mean, 0.5):
                continue
            subject_key = f"{kind}:{key}"
            row = store.conn.execute("SELECT last_sent FROM alert_state WHERE rule=? AND subject_key=?",
                                     (rule.name, subject_key)).fetchone()
            if row and row[0] and now - dt.datetime.fromisoformat(row[0]) < dt.timedelta(hours=rule.cooldown_hours):
                continue
            label = names.get(key, key)
            subject = f"[ogi-monitor] Lonjakan pemberitaan: {label} ({counts[14]} berita hari ini)"
            text = (f"Lonjakan pemberitaan untuk {label}: {counts[14]} berita hari ini, rata-rata 14 hari "
                    f"sebelumnya {mean:.1f} per hari.\n\nDikirim oleh ogi-monitor, aturan \u201c{rule.name}\u201d.")
            body = (f"<html><body><p>Lonjakan pemberitaan untuk <b>{html.escape(label)}</b>: {counts[14]} berita "
                    f"hari ini, rata-rata 14 hari sebelumnya {mean:.1f} per hari.</p></body></html>")
            out.append((Message(rule.name, rule.recipients, subject, text, body,
                                f"{rule.name}:spike:{subject_key}:{today.isoformat()}"),
                         {"rule": rule.name, "subject_key": subject_key, "last_sent": now.isoformat()}))
    return out


def queue_due(store: Store, settings: Settings, rules: Sequence[AlertRule | SpikeRule],
              now: dt.datetime | None = None) -> int:
    """Put due messages into the outbox; each message and its state change in one transaction."""
    queued = 0
    for message, state in due_messages(store, settings, rules, now):
        with store.transaction():
            if message is not None:
                cur = store.conn.execute(
                    "INSERT OR IGNORE INTO outbox (dedupe_key, rule, recipients, subject, body_text, body_html, created)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (message.dedupe_key, message.rule, json.dumps(message.recipients), message.subject,
                     message.body_text, message.body_html, utcnow()))
                queued += cur.rowcount
            if "cursor" in state:
                store.conn.execute(
                    "INSERT INTO alert_state (rule, subject_key, last_article_id) VALUES (?, 'cursor', ?) "
                    "ON CONFLICT(rule, subject_key) DO UPDATE SET last_article_id=excluded.last_article_id",
                    (state["rule"], state["cursor"]))
            elif "subject_key" in state:
                store.conn.execute(
                    "INSERT INTO alert_state (rule, subject_key, last_sent) VALUES (?,?,?) "
                    "ON CONFLICT(rule, subject_key) DO UPDATE SET last_sent=excluded.last_sent",
                    (state["rule"], state["subject_key"], state["last_sent"]))
    return queued


def preview(store: Store, settings: Settings, rules: Sequence[AlertRule | SpikeRule], *, days: int = 7) -> list[Message]:
    """What the rules would send, looking back ``days`` days; nothing is queued or sent."""
    return [m for m, _ in due_messages(store, settings, rules, days=days) if m is not None]


# ------------------------------------------------------------------ sending

def _connect(cfg: SmtpConfig) -> smtplib.SMTP:
    if cfg.security == "ssl":
        server: smtplib.SMTP = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout,
                                                context=ssl.create_default_context())
    else:
        server = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
        if cfg.security == "starttls":
            server.starttls(context=ssl.create_default_context())
    if cfg.user and cfg.password:
        if cfg.security not in ("starttls", "ssl"):
            raise smtplib.SMTPException("refusing to send credentials without TLS")
        server.login(cfg.user, cfg.password)
    return server


def _email(row: tuple, cfg: SmtpConfig) -> EmailMessage:
    _id, _key, _rule, recipients, subject, text, body_html, message_id = row
    msg = EmailMessage()
    msg["From"] = cfg.sender
    msg["To"] = ", ".join(json.loads(recipients))
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = message_id
    msg.set_content(text)
    body_html, images = digest.inline_images(body_html)
    msg.add_alternative(body_html, subtype="html")
    if images:  # multipart/related: the HTML and the images it shows by cid
        html_part = msg.get_payload()[1]
        for cid, subtype, data in images:
            html_part.add_related(data, maintype="image", subtype=subtype, cid=f"<{cid}>",
                                  disposition="inline", filename=f"grafik.{subtype}")
    return msg


def _reason(exc: BaseException, cfg: SmtpConfig) -> str:
    reason = f"{type(exc).__name__}: {exc}"
    if cfg.password:
        reason = reason.replace(cfg.password, "***")
    return reason[:300]


def send_outbox(store: Store, cfg: SmtpConfig) -> dict[str, int]:
    """Send every unsent outbox message; a failure leaves it queued for the next run."""
    rows = store.conn.execute(
        "SELECT id, dedupe_key, rule, recipients, subject, body_text, body_html, message_id FROM outbox "
        "WHERE sent_at IS NULL AND attempts < ? ORDER BY id", (MAX_SEND_ATTEMPTS,)).fetchall()
    stats = {"sent": 0, "failed": 0, "pending": len(rows)}
    if not rows:
        return stats
    if not cfg.host:
        log.warning("SMTP not configured (OGI_SMTP_HOST); %d message(s) stay queued", len(rows))
        return stats
    # A stable Message-ID per message lets receivers drop a copy resent after a mid-send drop.
    for row in rows:
        if not row[7]:
            mid = make_msgid(domain="ogi-monitor")
            with store.transaction():
                store.conn.execute("UPDATE outbox SET message_id=? WHERE id=?", (mid, row[0]))
    rows = store.conn.execute(
        "SELECT id, dedupe_key, rule, recipients, subject, body_text, body_html, message_id FROM outbox "
        "WHERE sent_at IS NULL AND attempts < ? ORDER BY id", (MAX_SEND_ATTEMPTS,)).fetchall()
    server = None
    try:
        server = _connect(cfg)
    except (OSError, smtplib.SMTPException) as exc:
        reason = _reason(exc, cfg)
        log.warning("SMTP server %s:%s unavailable (%s); %d message(s) stay queued", cfg.host, cfg.port, reason,
                    len(rows))
        with store.transaction():
            store.conn.executemany("UPDATE outbox SET attempts=attempts+1, last_error=? WHERE id=?",
                                   [(reason, r[0]) for r in rows])
        stats["failed"] = len(rows)
        return stats
    reconnects = 0
    try:
        for row in rows:
            if server is None:  # the connection dropped on the previous message: try once more
                if reconnects >= MAX_RECONNECTS:
                    stats["failed"] += 1
                    continue
                reconnects += 1
                try:
                    server = _connect(cfg)
                except (OSError, smtplib.SMTPException) as exc:
                    log.warning("SMTP reconnect failed (%s); the rest stays queued", _reason(exc, cfg))
                    reconnects = MAX_RECONNECTS
                    stats["failed"] += 1
                    continue
            try:
                server.send_message(_email(row, cfg))
            except (OSError, smtplib.SMTPException) as exc:
                reason = _reason(exc, cfg)
                with store.transaction():
                    store.conn.execute("UPDATE outbox SET attempts=attempts+1, last_error=? WHERE id=?",
                                       (reason, row[0]))
                stats["failed"] += 1
                log.warning("sending %s failed: %s (queued for the next run)", row[1], reason)
                if isinstance(exc, OSError) or getattr(server, "sock", None) is None:
                    server = None  # dropped (smtplib closes the socket on a 421)
                continue
            with store.transaction():
                store.conn.execute("UPDATE outbox SET sent_at=?, attempts=attempts+1, last_error=NULL WHERE id=?",
                                   (utcnow(), row[0]))
            stats["sent"] += 1
    finally:
        if server is not None:
            try:
                server.quit()
            except (OSError, smtplib.SMTPException):
                pass
    stats["pending"] = len(rows) - stats["sent"]
    return stats


def process_alerts(store: Store, settings: Settings, *, rules: Sequence | None = None,
                   smtp: SmtpConfig | None = None, now: dt.datetime | None = None,
                   config_path: str | os.PathLike | None = None) -> dict[str, int]:
    """Queue what is due and send the outbox; returns counts (queued, sent, failed, pending)."""
    if rules is None:
        rules = load_alert_rules(config_path)
    queued = queue_due(store, settings, rules, now)
    stats = send_outbox(store, smtp or load_smtp(config_path))
    return {"queued": queued, **stats}
