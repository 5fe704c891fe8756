"""The one source of "now" for everything that depends on the date or the hour.

Schedules, digest and spike windows, ``--since``/``--until`` defaults, the plausibility of
page dates and the timestamps stored with each article all ask :func:`now`. Setting
``OGI_NOW`` (an ISO 8601 time with its offset, e.g. ``2026-11-27T13:48:00+08:00``) fixes it:
the tests use it to run the real ``monitor`` command at any chosen hour, and an operator can
replay a past day's digest. Durations (timeouts, delays between requests) use the monotonic
clock and are not affected.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

ENV_VAR = "OGI_NOW"


class ClockError(ValueError):
    """OGI_NOW is set but is not an ISO time with an offset."""


def fixed_now() -> datetime | None:
    """The time fixed by ``OGI_NOW``, or None when the wall clock is in force."""
    value = os.environ.get(ENV_VAR, "").strip()
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ClockError(f"{ENV_VAR}={value!r} is not an ISO 8601 time "
                         "(expected e.g. 2026-11-27T13:48:00+08:00)") from None
    if moment.tzinfo is None:
        raise ClockError(f"{ENV_VAR}={value!r} has no UTC offset (add e.g. +08:00 for WITA)")
    return moment


def now() -> datetime:
    """The current time, aware and in UTC (``OGI_NOW`` when set)."""
    moment = fixed_now()
    return (moment or datetime.now(timezone.utc)).astimezone(timezone.utc)


def now_iso() -> str:
    """:func:`now` to the second, as stored in the database."""
    return now().replace(microsecond=0).isoformat()
