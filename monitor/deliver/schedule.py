"""The long-running scheduler: the daily cycle on a cron trigger, with persistent job state.

- Job state lives in ``scheduler.sqlite`` next to the database (APScheduler's SQLAlchemy job
  store), so a fire time missed while the machine was off is known at the next start.
  :func:`catch_up` decides at start, from an injectable "now": the latest missed fire time is
  made up once if it lies within the grace (``misfire_grace_hours``), however many were missed,
  and the daily job resumes at its next fire time. While running, APScheduler's ``coalesce``
  and ``misfire_grace_time`` apply the same rule to a fire time missed during a long pause.
- ``max_instances=1`` inside this process, and the database lock of :func:`run_cycle` across
  processes (a concurrent ``monitor run`` makes the scheduled cycle skip, and vice versa).
- SIGTERM/SIGINT stop the current cycle at the next article boundary (it is recorded as
  interrupted; everything stored stays) and shut the scheduler down.
"""

from __future__ import annotations

import datetime as dt
import logging
import signal
import threading
from dataclasses import dataclass
from pathlib import Path

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.combining import OrTrigger
from apscheduler.triggers.cron import CronTrigger

from monitor import clock
from monitor.config import Settings, load_settings, load_sources

log = logging.getLogger(__name__)

JOB_ID = "daily-cycle"
MAKE_UP_ID = "missed-cycle"
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


@dataclass(frozen=True)
class CatchUp:
    """What to do at start about fire times missed while the scheduler was not running."""

    missed: dt.datetime | None  # the latest missed fire time, if any
    run_now: bool  # make it up once now
    next_run: dt.datetime  # the daily job's next fire time after now

    def describe(self) -> str:
        if self.missed is None:
            return f"nothing missed; next run {self.next_run.isoformat()}"
        verdict = "making it up now" if self.run_now else "beyond the grace, skipped"
        return f"missed {self.missed.isoformat()} ({verdict}); next run {self.next_run.isoformat()}"


def catch_up(trigger, stored_next: dt.datetime | None, now: dt.datetime, grace: dt.timedelta) -> CatchUp:
    """The start-up decision for a stored job whose next fire time may lie in the past.

    Every fire time from ``stored_next`` up to ``now`` was missed; only the latest counts
    (coalesced), and it runs once when ``now`` is no later than that time plus ``grace``.
    """
    missed = None
    fire = stored_next
    while fire is not None and fire <= now:
        missed = fire
        fire = trigger.get_next_fire_time(fire, fire + dt.timedelta(seconds=1))
    next_run = trigger.get_next_fire_time(None, now + dt.timedelta(microseconds=1))
    return CatchUp(missed, missed is not None and now - missed <= grace, next_run)


def ensure_job(scheduler: BackgroundScheduler, settings: Settings, config_dir: Path,
               now: dt.datetime | None = None) -> CatchUp:
    """Add the daily job, or keep a stored one and make up its latest missed run (see :func:`catch_up`).

    ``now`` defaults to the project clock; the scheduler must be started paused.
    """
    now = now or clock.now()
    trigger = cron_trigger(settings)
    kwargs = {"config_dir": str(Path(config_dir).resolve()), "db_path": str(Path(settings.db_path).resolve())}
    job = scheduler.get_job(JOB_ID)
    grace = int(settings.misfire_grace_hours * 3600)
    kept = job is not None and _trigger_key(job.trigger) == _trigger_key(trigger) and job.kwargs == kwargs \
        and job.misfire_grace_time == grace
    decision = catch_up(trigger, job.next_run_time if kept else None, now, dt.timedelta(seconds=grace))
    if kept:
        scheduler.modify_job(JOB_ID, next_run_time=decision.next_run)
    else:
        scheduler.add_job(scheduled_cycle, trigger, id=JOB_ID, kwargs=kwargs, replace_existing=True,
                          name="ogi-monitor daily cycle", misfire_grace_time=grace, next_run_time=decision.next_run)
    if decision.run_now:
        scheduler.add_job(scheduled_cycle, id=MAKE_UP_ID, kwargs=kwargs, replace_existing=True,
                          name="ogi-monitor missed cycle", misfire_grace_time=None)
    log.info("%s job: %s", "stored" if kept else "new", decision.describe())
    return decision


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
