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
from monitor.deliver.schedule import JOB_ID, build_scheduler, cron_trigger, ensure_job
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


MACHINE_OFF = """
import datetime as dt, os, sys, time
from pathlib import Path
from monitor.config import load_settings
from monitor.deliver.schedule import JOB_ID, build_scheduler, ensure_job
cfg, store, hours = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3])
settings = load_settings(cfg / "settings.toml")
sched = build_scheduler(settings, cfg, jobstore_path=store)
sched.start(paused=True)
ensure_job(sched, settings, cfg)
sched.modify_job(JOB_ID, next_run_time=dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=hours))
time.sleep(0.5)
os._exit(0)  # the machine goes off: no shutdown
"""


def machine_was_off(cfg: Path, jobs: Path, hours: float) -> None:
    """A scheduler process that stored its job, then died with a fire time `hours` ago."""
    subprocess.run([sys.executable, "-c", MACHINE_OFF, str(cfg), str(jobs), str(hours)], check=True, timeout=60)


def test_missed_run_made_up_once_after_restart(demo_config: Path, tmp_path: Path) -> None:
    settings = load_settings(demo_config / "settings.toml")
    jobs = tmp_path / "jobs.sqlite"
    machine_was_off(demo_config, jobs, hours=3)  # within the 12 h grace
    again = build_scheduler(settings, demo_config, jobstore_path=jobs)
    again.start(paused=True)
    ensure_job(again, settings, demo_config)  # same trigger: the stored (missed) fire time is kept
    again.resume()
    deadline = time.time() + 60
    while time.time() < deadline and runs(settings.db_path) != ["ok"]:
        time.sleep(0.5)
    time.sleep(1.0)
    job = again.get_job(JOB_ID)
    again.shutdown(wait=True)
    assert runs(settings.db_path) == ["ok"]  # once, however many fire times were missed
    assert job.next_run_time > dt.datetime.now(dt.timezone.utc)


def test_run_beyond_grace_is_skipped(demo_config: Path, tmp_path: Path) -> None:
    settings = load_settings(demo_config / "settings.toml")
    jobs = tmp_path / "jobs.sqlite"
    machine_was_off(demo_config, jobs, hours=48)
    sched = build_scheduler(settings, demo_config, jobstore_path=jobs)
    sched.start(paused=True)
    ensure_job(sched, settings, demo_config)
    sched.resume()
    time.sleep(3)
    sched.shutdown(wait=True)
    assert runs(settings.db_path) == []


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
