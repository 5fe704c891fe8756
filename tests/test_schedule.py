"""The scheduler: persistent job state, a missed run made up once, graceful shutdown."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from monitor.config import load_settings
from monitor.deliver.alerts import digest_window
from monitor.deliver.schedule import (
    JOB_ID,
    build_scheduler,
    catch_up,
    cron_trigger,
    ensure_job,
)
from monitor.demo.run import write_demo_config
from monitor.demo.site import serve_demo_site
from monitor.store import Store


@pytest.fixture()
def demo_config(tmp_path: Path):
    server, base = serve_demo_site(slow_seconds=0)
    cfg = write_demo_config(tmp_path, base)
    yield cfg
    server.shutdown()


def runs(db: Path) -> list[str]:
    if not db.exists():
        return []
    return [r[0] for r in Store(db).conn.execute("SELECT status FROM runs ORDER BY id")]


def test_trigger_from_settings(tmp_path: Path) -> None:
    f = tmp_path / "settings.toml"
    f.write_text('[schedule]\ntimes = ["06:00", "18:30"]\n', encoding="utf-8")
    trig = cron_trigger(load_settings(f))
    tz = load_settings(f).tz
    fires, now = [], dt.datetime(2026, 11, 27, 0, 0, tzinfo=tz)
    for _ in range(4):
        now = trig.get_next_fire_time(None, now + dt.timedelta(seconds=1))
        fires.append(now.strftime("%d %H:%M %Z"))
    assert fires == ["27 06:00 WITA", "27 18:30 WITA", "28 06:00 WITA", "28 18:30 WITA"]


WITA = dt.timezone(dt.timedelta(hours=8), "WITA")
# "Now" in these tests is fixed, never the wall clock. It lies far ahead of any real date, so
# the daily job (next due after that "now") never comes due while a test runs; only a make-up
# run, which APScheduler starts at once, can fire.
DAY = dt.date(2099, 1, 15)


def wita(day: dt.date, hhmm: str) -> dt.datetime:
    hour, minute = map(int, hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), WITA)


# Schedule 06:00 WITA, grace 12 h; the machine was off since a fire time two days earlier.
CASES = [  # (now, latest missed fire time, made up?, next daily run)
    ("00:30", wita(DAY - dt.timedelta(days=1), "06:00"), False, wita(DAY, "06:00")),  # 18 h 30 late
    ("06:00", wita(DAY, "06:00"), True, wita(DAY + dt.timedelta(days=1), "06:00")),  # due this minute
    ("13:48", wita(DAY, "06:00"), True, wita(DAY + dt.timedelta(days=1), "06:00")),  # 7 h 48 late
    ("21:59", wita(DAY, "06:00"), False, wita(DAY + dt.timedelta(days=1), "06:00")),  # 15 h 59 late
]


@pytest.mark.parametrize("hhmm, missed, made_up, next_run", CASES, ids=[c[0] for c in CASES])
def test_catch_up_at_any_hour(tmp_path: Path, hhmm: str, missed: dt.datetime, made_up: bool,
                              next_run: dt.datetime) -> None:
    f = tmp_path / "settings.toml"
    f.write_text('[schedule]\ntimes = ["06:00"]\nmisfire_grace_hours = 12\n', encoding="utf-8")
    settings = load_settings(f)
    trigger = cron_trigger(settings)
    now = wita(DAY, hhmm)
    off_since = wita(DAY - dt.timedelta(days=2), "06:00")
    decision = catch_up(trigger, off_since, now, dt.timedelta(hours=12))
    assert (decision.missed, decision.run_now, decision.next_run) == (missed, made_up, next_run)
    # A stored next run still ahead of now: nothing missed, the job keeps its time.
    ahead = catch_up(trigger, next_run, now, dt.timedelta(hours=12))
    assert (ahead.missed, ahead.run_now, ahead.next_run) == (None, False, next_run)
    # Alert windows at the same instant: the daily digest covers the previous local day, whatever
    # the hour; the weekly one goes out on Mondays only (15 January 2099 is a Thursday).
    start, end, period = digest_window("daily", now, settings.tz)
    yesterday = DAY - dt.timedelta(days=1)
    assert (start, end, period) == (wita(yesterday, "00:00"), wita(DAY, "00:00"), yesterday.isoformat())
    assert digest_window("weekly", now, settings.tz) is None
    monday = now + dt.timedelta(days=4)
    start, end, period = digest_window("weekly", monday, settings.tz)
    assert (start, end) == (wita(DAY - dt.timedelta(days=3), "00:00"), wita(DAY + dt.timedelta(days=4), "00:00"))
    assert period == "2099-01-12..2099-01-18"


MACHINE_OFF = """
import datetime as dt, os, sys, time
from pathlib import Path
from monitor.config import load_settings
from monitor.deliver.schedule import JOB_ID, build_scheduler, ensure_job
cfg, store = Path(sys.argv[1]), Path(sys.argv[2])
started, last_due = dt.datetime.fromisoformat(sys.argv[3]), dt.datetime.fromisoformat(sys.argv[4])
settings = load_settings(cfg / "settings.toml")
sched = build_scheduler(settings, cfg, jobstore_path=store)
sched.start(paused=True)
ensure_job(sched, settings, cfg, now=started)
sched.modify_job(JOB_ID, next_run_time=last_due)
time.sleep(0.5)
os._exit(0)  # the machine goes off: no shutdown
"""


def machine_was_off(cfg: Path, jobs: Path, since_due: dt.datetime) -> None:
    """A scheduler process that stored its job, then died with ``since_due`` as its next fire time."""
    started = since_due - dt.timedelta(hours=1)
    subprocess.run([sys.executable, "-c", MACHINE_OFF, str(cfg), str(jobs), started.isoformat(),
                    since_due.isoformat()], check=True, timeout=60)


def restart(cfg: Path, jobs: Path, now: dt.datetime, wait_for_run: bool):
    """Start the scheduler again at ``now`` over the stored job; return the runs and the job's next time."""
    settings = load_settings(cfg / "settings.toml")
    again = build_scheduler(settings, cfg, jobstore_path=jobs)
    again.start(paused=True)
    decision = ensure_job(again, settings, cfg, now=now)
    again.resume()
    deadline = time.monotonic() + (60 if wait_for_run else 3)
    while time.monotonic() < deadline and runs(settings.db_path) != ["ok"]:
        time.sleep(0.5)
    time.sleep(1.0)  # a second (wrong) run would show up here
    next_run = again.get_job(JOB_ID).next_run_time
    again.shutdown(wait=True)
    return decision, runs(settings.db_path), next_run


def test_missed_run_made_up_once_after_restart(demo_config: Path, tmp_path: Path) -> None:
    jobs = tmp_path / "jobs.sqlite"
    machine_was_off(demo_config, jobs, since_due=wita(DAY - dt.timedelta(days=2), "06:00"))
    decision, done, next_run = restart(demo_config, jobs, now=wita(DAY, "13:48"), wait_for_run=True)
    assert decision.missed == wita(DAY, "06:00") and decision.run_now
    assert done == ["ok"]  # once, however many fire times were missed
    assert next_run == wita(DAY + dt.timedelta(days=1), "06:00")


def test_run_beyond_grace_is_skipped(demo_config: Path, tmp_path: Path) -> None:
    jobs = tmp_path / "jobs.sqlite"
    machine_was_off(demo_config, jobs, since_due=wita(DAY - dt.timedelta(days=2), "06:00"))
    decision, done, next_run = restart(demo_config, jobs, now=wita(DAY, "21:59"), wait_for_run=False)
    assert decision.missed == wita(DAY, "06:00") and not decision.run_now
    assert done == []
    assert next_run == wita(DAY + dt.timedelta(days=1), "06:00")


def test_sigterm_stops_gracefully(demo_config: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "monitor.cli", "--config", str(demo_config), "schedule"],
                            stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    try:
        lines = []
        deadline = time.time() + 30
        while time.time() < deadline:
            line = proc.stderr.readline()
            lines.append(line)
            if "scheduler started" in line:
                break
        assert any("scheduler started" in l for l in lines), "".join(lines)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    assert "scheduler stopped" in err
    log_file = Path(load_settings(demo_config / "settings.toml").log_file)
    assert "scheduler started" in log_file.read_text(encoding="utf-8")
