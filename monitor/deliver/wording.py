"""How digests and reports say things in Indonesian: dates, periods, changes, confidence in words.

Confidence words come from the model's score for an issue (a probability, 0-1):

========  ==============  =====================================================
word      score           meaning for the reader
========  ==============  =====================================================
tinggi    0.75 and above  the model is fairly sure the article is about the issue
sedang    0.50 to 0.749   likely, worth a glance at the evidence sentence
rendah    below 0.50      assigned (the issue's own threshold is lower), but check
========  ==============  =====================================================

Each issue has its own assignment threshold (0.15-0.525, see models/MODEL_CARD.md), so an
assigned issue can be ``rendah``; these words only grade how sure the model was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from monitor.config import ISSUE_KEYS, ConfigError, load_issues

CONFIDENCE_LEVELS: tuple[tuple[float, str], ...] = ((0.75, "tinggi"), (0.50, "sedang"), (0.0, "rendah"))

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
NO_REGION = "(tanpa wilayah)"


def confidence(score: float | None) -> str:
    """'tinggi', 'sedang' or 'rendah' for a model score (see the module docstring)."""
    value = float(score or 0.0)
    return next(word for floor, word in CONFIDENCE_LEVELS if value >= floor)


def issue_names(path=None) -> dict[str, str]:
    """Issue key -> Indonesian name from issues.toml (the key itself when the file is unusable)."""
    try:
        return {i.key: i.name_id for i in load_issues(path)}
    except ConfigError:
        return {k: k for k in ISSUE_KEYS}


def zone_name(timezone: str) -> str:
    return ZONE_NAMES.get(timezone, timezone)


def long_date(day: dt.date, weekday: bool = False) -> str:
    """'5 Desember 2026' (or 'Sabtu, 5 Desember 2026')."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]}, {text}" if weekday else text


def short_date(day: dt.date) -> str:
    """'5 Des 2026'."""
    return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"


def date_range(first: dt.date, last: dt.date) -> str:
    """'5 Desember 2026', '30 November - 6 Desember 2026', '28 Desember 2026 - 3 Januari 2027'."""
    if first == last:
        return long_date(first)
    if first.year != last.year:
        return f"{long_date(first)} \u2013 {long_date(last)}"
    if first.month != last.month:
        return f"{first.day} {MONTHS[first.month - 1]} \u2013 {long_date(last)}"
    return f"{first.day}\u2013{long_date(last)}"


def short_range(first: dt.date, last: dt.date) -> str:
    """'26 Okt–1 Nov' (years left out), '2–8 Nov'."""
    if first.month == last.month and first.year == last.year:
        return f"{first.day}\u2013{last.day} {MONTHS_SHORT[last.month - 1]}"
    return f"{first.day} {MONTHS_SHORT[first.month - 1]}\u2013{last.day} {MONTHS_SHORT[last.month - 1]}"


def local_moment(iso: str | None, tz) -> dt.datetime | None:
    """An ISO timestamp as an aware time in ``tz``; a naive time is UTC (as SQLite reads it); None if unreadable."""
    if not iso:
        return None
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(tz)


def local_datetime(iso: str | None, tz) -> str:
    """'20-11-2026 09:00' in ``tz``; a naive time is UTC (as SQLite reads it)."""
    if not iso:
        return "tanggal tidak diketahui"
    moment = local_moment(iso, tz)
    return moment.strftime("%d-%m-%Y %H:%M") if moment else iso


def change(now: int, before: int) -> str:
    """'+2', '-1', '0'; with the percentage when there was something before ('+2 (+67%)')."""
    diff = now - before
    text = f"{diff:+d}" if diff else "0"
    if before and diff:
        text += f" ({diff / before:+.0%})"
    return text


def organisation_label(name: str, acronym: str | None) -> str:
    """'Komisi Pemberantasan Korupsi (KPK)'; the name alone when the acronym adds nothing."""
    if acronym and acronym.lower() not in name.lower():
        return f"{name} ({acronym})"
    return name


def names_for(keys, names: Mapping[str, str]) -> list[str]:
    return [names.get(k, k) for k in keys]
