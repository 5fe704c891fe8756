"""The long-running scheduler: the daily cycle on a cron trigger, with persistent job state.

- Job state lives in ``scheduler.sqlite`` next to the database (APScheduler's SQLAlchemy job
  store), so a fire time missed while the machine was off is known at the next start; with
  ``coalesce`` and ``misfire_grace_time`` it runs once, however many were missed.
- ``max_instances=1`` inside this process, and the database lock of :func:`run_cycle` across
  processes (a concurrent ``monitor run`` makes the scheduled cycle skip, and vice versa).
- SIGTERM/SIGINT stop the current cycle at the next article boundary (it is recorded as
  interrupted; everything stored stays) and shut the scheduler down.
"""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.combining import OrTrigger
from apscheduler.triggers.cron import CronTrigger

from monitor.config import Settings, load_settings, load_sources

log = logging.getLogger(__name__)

JOB_ID = "daily-cycle"
STOP = threading.Event()


def scheduled_cycle(config_dir: str, db_path: str | None = None) -> None:
    """The job: load the current configuration and run one cycle (module-level: job stores pickle it)."""
    from monitor.pipeline import CycleRunning, run_cycle

    settings = load_settings(Path(config_dir) / "settings.toml")
    if db_path:
        settings.db_path = Path(db_path)
    sources = load_sources(Path(config_dir) / "sources.toml")
    try:
        result = run_cycle(settings, sources, stop=STOP)
    except CycleRunning as exc:
        log.warning("scheduled cycle skipped: %s", exc)
        return
    c = result.counts
    log.info("cycle %s %s: new %d, updated %d, duplicate %d, failed %d", result.run_id, result.status,
             c["new"], c["updated"], c["duplicate"], c["failed"])


def cron_trigger(settings: Settings) -> OrTrigger:
    """A trigger firing at exactly the configured local times ("06:00", "18:30", ...)."""
    triggers = []
    for t in sorted(set(settings.schedule_times)):
        hour, minute = t.split(":")
        triggers.append(CronTrigger(hour=int(hour), minute=int(minute), timezone=settings.tz))
    return OrTrigger(triggers)


def _trigger_key(trigger) -> str:
    """What identifies a schedule: the times and their zone (str() of a trigger omits the zone)."""
    parts = getattr(trigger, "triggers", [trigger])
    return "|".join(f"{p}@{getattr(p, 'timezone', '')}" for p in parts)


def build_scheduler(settings: Settings, config_dir: Path, jobstore_path: Path | None = None) -> BackgroundScheduler:
    jobstore_path = jobstore_path or settings.db_path.parent / "scheduler.sqlite"
    jobstore_path.parent.mkdir(parents=True, exist_ok=True)
    grace = int(settings.misfire_grace_hours * 3600)
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=f"sqlite:///{jobstore_path}")},
        executors={"default": ThreadPoolExecutor(1)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": grace},
        timezone=settings.tz)
    return scheduler


def ensure_job(scheduler: BackgroundScheduler, settings: Settings, config_dir: Path) -> None:
    """Add the daily job, keeping a stored one (and its missed fire time) when nothing changed."""
    trigger = cron_trigger(settings)
    kwargs = {"config_dir": str(Path(config_dir).resolve()), "db_path": str(Path(settings.db_path).resolve())}
    job = scheduler.get_job(JOB_ID)
    grace = int(settings.misfire_grace_hours * 3600)
    if job is not None and _trigger_key(job.trigger) == _trigger_key(trigger) and job.kwargs == kwargs \
            and job.misfire_grace_time == grace:
        log.info("keeping stored job; next run %s", job.next_run_time)
        return
    scheduler.add_job(scheduled_cycle, trigger, id=JOB_ID, kwargs=kwargs, replace_existing=True,
                      name="ogi-monitor daily cycle", misfire_grace_time=grace)


def run_scheduler(settings: Settings, config_dir: Path, *, run_now: bool = False) -> None:
    """Run until SIGTERM/SIGINT."""
    scheduler = build_scheduler(settings, config_dir)
    scheduler.start(paused=True)
    ensure_job(scheduler, settings, config_dir)
    if run_now:
        scheduler.add_job(scheduled_cycle, id="run-now", kwargs=scheduler.get_job(JOB_ID).kwargs,
                          replace_existing=True)

    def stop(signum, _frame) -> None:
        log.info("signal %s: stopping after the current article", signal.Signals(signum).name)
        STOP.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    job = scheduler.get_job(JOB_ID)
    log.info("scheduler started; daily cycle at %s %s; next run %s", ", ".join(settings.schedule_times),
             settings.timezone, job.next_run_time if job else "?")
    scheduler.resume()
    while not STOP.wait(1.0):
        pass
    scheduler.shutdown(wait=True)  # the running cycle sees STOP and ends at an article boundary
    log.info("scheduler stopped")
