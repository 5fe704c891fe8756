"""Alerts against a real SMTP server (aiosmtpd) on 127.0.0.1: right messages, none twice, none lost."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from monitor.config import ConfigError, Settings
from monitor.deliver.alerts import (
    AlertRule,
    SmtpConfig,
    SpikeRule,
    load_alert_rules,
    load_smtp,
    preview,
    process_alerts,
)
from tests.helpers import add_article, free_port, sample_store


@pytest.fixture()
def store(tmp_path: Path):
    s = sample_store(tmp_path / "m.sqlite")
    yield s
    s.close()


SETTINGS = Settings()
NOW = dt.datetime(2026, 11, 23, 0, 30, tzinfo=dt.timezone.utc)  # 08:30 WITA on 23 Nov


def set_first_seen(store, when: dt.datetime) -> None:
    store.conn.execute("UPDATE articles SET first_seen = ?", (when.isoformat(timespec="seconds"),))


def test_daily_digest_sent_once_with_grouped_copies_and_escaping(store, smtp) -> None:
    inbox, cfg = smtp
    add_article(store, 9, title="<script>alert(1)</script> Dana BOS diselewengkan",
                issues={"anti_corruption_budget": 0.8})
    set_first_seen(store, dt.datetime(2026, 11, 22, 3, 0, tzinfo=dt.timezone.utc))  # yesterday, local
    rule = AlertRule("Antikorupsi", ["analis@example.org"], mode="daily", issues=["anti_corruption_budget"])
    stats = process_alerts(store, SETTINGS, rules=[rule], smtp=cfg, now=NOW)
    assert stats["queued"] == 1 and stats["sent"] == 1
    again = process_alerts(store, SETTINGS, rules=[rule], smtp=cfg, now=NOW + dt.timedelta(hours=3))
    assert again["queued"] == 0 and again["sent"] == 0
    assert len(inbox.messages) == 1
    msg = inbox.messages[0]
    assert msg["To"] == "analis@example.org" and "Ringkasan harian" in msg["Subject"]
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert "Isu: Antikorupsi dan pengelolaan anggaran (keyakinan tinggi)" in text  # a word, not 0.93
    assert "Juga dimuat: radarlombok" in text  # the syndicated copy under the first one
    assert text.count("KPK periksa dana desa") == 1
    assert "Bukti:" in text and "Organisasi: Komisi Pemberantasan Korupsi" in text and "Mitra" not in text
    # the window is when the articles were collected; each article shows its own publication date
    assert "Berita yang dikumpulkan monitor pada Minggu, 22 November 2026 (WITA)" in text
    assert "Terbit 20-11-2026 09:00 WITA" in text
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_immediate_rule_starts_from_now_then_alerts_new_articles(store, smtp) -> None:
    inbox, cfg = smtp
    rule = AlertRule("Segera", ["a@example.org"], mode="immediate", issues=["civic_space_democracy"])
    assert process_alerts(store, SETTINGS, rules=[rule], smtp=cfg, now=NOW)["queued"] == 0  # archive not sent
    add_article(store, 10, title="Jurnalis diintimidasi saat meliput demo", issues={"civic_space_democracy": 0.9})
    assert process_alerts(store, SETTINGS, rules=[rule], smtp=cfg, now=NOW)["sent"] == 1
    assert process_alerts(store, SETTINGS, rules=[rule], smtp=cfg, now=NOW)["queued"] == 0
    assert [m["Subject"] for m in inbox.messages] == ["[ogi-monitor] 1 berita baru: Segera"]


def test_server_down_then_back_nothing_lost_nothing_twice(store, smtp, caplog) -> None:
    inbox, cfg = smtp
    set_first_seen(store, dt.datetime(2026, 11, 22, 3, 0, tzinfo=dt.timezone.utc))
    rules = [AlertRule("A", ["a@example.org"], mode="daily", issues=["anti_corruption_budget"]),
             AlertRule("B", ["b@example.org"], mode="daily", issues=["civic_space_democracy"]),
             AlertRule("C", ["c@example.org"], mode="daily")]
    down = SmtpConfig(host="127.0.0.1", port=free_port(), security="none", password="s3cret-pass")
    with caplog.at_level(logging.WARNING):
        stats = process_alerts(store, SETTINGS, rules=rules, smtp=down, now=NOW)
    assert stats["queued"] == 3 and stats["sent"] == 0 and stats["pending"] == 3
    assert "s3cret-pass" not in caplog.text
    errors = [r[0] for r in store.conn.execute("SELECT last_error FROM outbox")]
    assert all(e and "s3cret" not in e for e in errors)
    # The server comes back but drops the second message mid-send.
    inbox.refuse = 1
    first = process_alerts(store, SETTINGS, rules=rules, smtp=cfg, now=NOW + dt.timedelta(hours=1))
    assert first["queued"] == 0 and first["sent"] == 2 and first["failed"] == 1
    second = process_alerts(store, SETTINGS, rules=rules, smtp=cfg, now=NOW + dt.timedelta(hours=2))
    assert second["sent"] == 1
    third = process_alerts(store, SETTINGS, rules=rules, smtp=cfg, now=NOW + dt.timedelta(hours=3))
    assert third == {"queued": 0, "sent": 0, "failed": 0, "pending": 0}
    assert sorted(m["To"] for m in inbox.messages) == ["a@example.org", "b@example.org", "c@example.org"]
    assert len({m["Message-ID"] for m in inbox.messages}) == 3


def test_spike_alert_with_cooldown(store, smtp) -> None:
    inbox, cfg = smtp
    today = dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.timezone.utc)
    # a quiet baseline: one article every other day for two weeks ...
    for d in range(1, 15, 2):
        aid = add_article(store, 100 + d, title=f"Layanan puskesmas hari {d}", issues={"inclusive_public_services": 0.9})
        store.conn.execute("UPDATE articles SET first_seen=? WHERE id=?",
                           ((today - dt.timedelta(days=d)).isoformat(timespec="seconds"), aid))
    # ... then eight today
    for n in range(8):
        aid = add_article(store, 200 + n, title=f"Antrean BPJS mengular {n}", issues={"inclusive_public_services": 0.9})
        store.conn.execute("UPDATE articles SET first_seen=? WHERE id=?", (today.isoformat(timespec="seconds"), aid))
    store.conn.execute("UPDATE articles SET first_seen=? WHERE id <= 4",
                       ((today - dt.timedelta(days=20)).isoformat(timespec="seconds"),))
    rule = SpikeRule("Lonjakan", ["s@example.org"], issues=["inclusive_public_services", "access_to_justice"],
                     factor=3.0, min_count=5, cooldown_hours=72)
    assert process_alerts(store, SETTINGS, rules=[rule], smtp=cfg, now=today)["sent"] == 1
    assert process_alerts(store, SETTINGS, rules=[rule], smtp=cfg, now=today + dt.timedelta(hours=5))["queued"] == 0
    assert len(inbox.messages) == 1 and "Lonjakan pemberitaan: Layanan publik yang inklusif" in inbox.messages[0]["Subject"]


def test_preview_does_not_queue(store) -> None:
    rule = AlertRule("P", ["p@example.org"], mode="weekly", partners=["FITRA NTB"])
    messages = preview(store, SETTINGS, [rule], days=3650)
    assert len(messages) == 1 and "Forum Indonesia untuk Transparansi Anggaran NTB" in messages[0].body_text
    assert store.conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def test_rule_file_validation(tmp_path: Path, monkeypatch) -> None:
    f = tmp_path / "alerts.toml"
    f.write_text('[smtp]\nhost = "mail.example.org"\npassword = "x"\n'
                 '[[rule]]\nname = "r"\nrecipients = ["not-an-address"]\nissues = ["sport"]\nmode = "hourly"\n'
                 '[[spike]]\nname = "s"\nrecipients = ["a@b.id"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_alert_rules(f)
    text = str(err.value)
    assert "rule #1 ('r'): recipients: expected a non-empty list of email addresses" in text
    assert "('r'): issues: expected issue keys" in text and "('r'): mode: expected one of immediate" in text
    assert "spike #1 ('s'): issues/partners: expected at least one issue or partner" in text
    with pytest.raises(ConfigError, match="smtp.password: expected no password in the file"):
        load_smtp(f)
    f.write_text('[smtp]\nhost = "mail.example.org"\nport = 465\nsecurity = "ssl"\n', encoding="utf-8")
    monkeypatch.setenv("OGI_SMTP_PASSWORD", "from-env")
    monkeypatch.setenv("OGI_SMTP_USER", "monitor")
    cfg = load_smtp(f)
    assert (cfg.host, cfg.port, cfg.security, cfg.user, cfg.password) == ("mail.example.org", 465, "ssl", "monitor",
                                                                         "from-env")
    assert "from-env" not in repr(cfg)
