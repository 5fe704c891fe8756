"""Load the TOML configuration into validated dataclasses.

Files (in a config directory; see :func:`config_dir`):
- ``settings.toml``: database, timezone, fetch politeness and limits, schedule;
- ``sources.toml``: news sources and how to discover their articles;
- ``issues.toml``: the six-issue taxonomy (keys, names, descriptions, lexicon);
- ``alerts.toml``: alert rules (see :mod:`monitor.deliver.alerts`);
- ``partners.toml``: the partner-organisation gazetteer (see :mod:`monitor.analyse.partners`).

Every problem is reported as one line naming the file, the key and the expected form, and all
problems of a file are reported together (:class:`ConfigError`).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from monitor.paths import PROJECT_ROOT

ISSUE_KEYS = ("anti_corruption_budget", "civic_space_democracy", "inclusive_public_services",
              "access_to_justice", "gender_disability_inclusion", "energy_environment_resources")


class ConfigError(ValueError):
    """Invalid configuration: ``problems`` holds one message per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def config_dir(path: str | os.PathLike | None = None) -> Path:
    """The config directory: explicit, $OGI_CONFIG_DIR, ./config, or the project's own."""
    if path:
        return Path(path)
    if os.environ.get("OGI_CONFIG_DIR"):
        return Path(os.environ["OGI_CONFIG_DIR"])
    if Path("config/settings.toml").is_file() or Path("config/sources.toml").is_file():
        return Path("config")
    return PROJECT_ROOT / "config"


def describe_value(value: Any) -> str:
    """A TOML value as a person reads it: "the number 5", "the text 'x'", "true", "a list [...]"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}" if value.strip() else "an empty text"
    if isinstance(value, list):
        return f"a list {value!r}" if value else "an empty list"
    if isinstance(value, dict):
        return "a table"
    return repr(value)


def table_label(kind: str, index: int, table: Any, key: str = "name") -> str:
    """How a problem names the n-th [[kind]] table: 'rule #6 ("harian")', or 'rule #6'."""
    name = table.get(key) if isinstance(table, dict) else None
    return f"{kind} #{index + 1}" + (f" ({name!r})" if isinstance(name, str) and name.strip() else "")


class GazetteerError(ValueError):
    """An invalid gazetteer file (partners.toml); the message names the file, the entry and the field.

    Defined here, below the partner extractor, so the command line can report it without importing spaCy.
    """


class _Reader:
    """Typed access to a TOML table that records problems instead of raising at once."""

    def __init__(self, file: Path | str, problems: list[str]):
        self.file = str(file)
        self.problems = problems

    def fail(self, key: str, expected: str, got: Any = None) -> None:
        shown = "" if got is None else f", got {describe_value(got)}"
        self.problems.append(f"{self.file}: {key}: expected {expected}{shown}")

    def get(self, table: dict, key: str, path: str, kind: type | tuple, default: Any,
            expected: str, check: Callable[[Any], bool] | None = None) -> Any:
        if key not in table:
            return default
        value = table[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if float in kinds and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if isinstance(value, bool) and bool not in kinds or not isinstance(value, kinds) \
                or (check is not None and not check(value)):
            self.fail(f"{path}{key}", expected, table[key])
            return default
        return value

    def str_list(self, table: dict, key: str, path: str, expected: str = "a list of strings") -> list[str]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{path}{key}", expected, value)
            return []
        return value


def _load_toml(path: Path, problems: list[str]) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        problems.append(f"{path}: file not found")
    except tomllib.TOMLDecodeError as exc:
        problems.append(f"{path}: not valid TOML ({exc})")
    return {}


# ---------------------------------------------------------------- settings

@dataclass
class FetchConfig:
    user_agent: str = "ogi-monitor/0.1 (open-government news monitor)"
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    per_host_delay: float = 2.0
    max_page_bytes: int = 5_000_000
    max_redirects: int = 5
    retries: int = 3
    concurrency: int = 4
    max_articles_per_source: int = 200


@dataclass
class Settings:
    db_path: Path = Path("data/monitor.sqlite")
    timezone: str = "Asia/Makassar"
    log_file: Path | None = Path("data/monitor.log")
    fetch: FetchConfig = field(default_factory=FetchConfig)
    model_dir: Path = PROJECT_ROOT / "models"
    schedule_times: list[str] = field(default_factory=lambda: ["06:00"])
    misfire_grace_hours: float = 12.0
    config_dir: Path | None = None  # where issues.toml, partners.toml and alerts.toml are read

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def _valid_tz(name: str) -> bool:
    try:
        ZoneInfo(name)
        return True
    except (ZoneInfoNotFoundError, ValueError):
        return False


_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def load_settings(path: str | os.PathLike | None = None) -> Settings:
    """Read settings.toml (missing file -> defaults). Raises ConfigError."""
    path = Path(path) if path else config_dir() / "settings.toml"
    problems: list[str] = []
    data = _load_toml(path, problems) if path.is_file() else {}
    r = _Reader(path, problems)
    s = Settings(config_dir=path.parent)
    db = data.get("database", {})
    s.db_path = Path(r.get(db, "path", "database.", str, str(s.db_path), "a file path such as \"data/monitor.sqlite\"",
                           lambda v: bool(v.strip())))
    gen = data.get("general", {})
    s.timezone = r.get(gen, "timezone", "general.", str, s.timezone,
                       "an IANA time zone such as \"Asia/Makassar\"", _valid_tz)
    log_file = r.get(gen, "log_file", "general.", str, str(s.log_file), "a file path, or \"\" for no log file")
    s.log_file = Path(log_file) if log_file else None
    f = data.get("fetch", {})
    fc = FetchConfig()
    positive = lambda v: v > 0  # noqa: E731
    fc.user_agent = r.get(f, "user_agent", "fetch.", str, fc.user_agent, "a non-empty string", lambda v: bool(v.strip()))
    fc.connect_timeout = r.get(f, "connect_timeout", "fetch.", float, fc.connect_timeout, "seconds > 0", positive)
    fc.read_timeout = r.get(f, "read_timeout", "fetch.", float, fc.read_timeout, "seconds > 0", positive)
    fc.per_host_delay = r.get(f, "per_host_delay", "fetch.", float, fc.per_host_delay, "seconds >= 0", lambda v: v >= 0)
    fc.max_page_bytes = r.get(f, "max_page_bytes", "fetch.", int, fc.max_page_bytes,
                              "an integer number of bytes >= 10000", lambda v: v >= 10_000)
    fc.max_redirects = r.get(f, "max_redirects", "fetch.", int, fc.max_redirects, "an integer 0..20", lambda v: 0 <= v <= 20)
    fc.retries = r.get(f, "retries", "fetch.", int, fc.retries, "an integer 0..10", lambda v: 0 <= v <= 10)
    fc.concurrency = r.get(f, "concurrency", "fetch.", int, fc.concurrency, "an integer 1..64", lambda v: 1 <= v <= 64)
    fc.max_articles_per_source = r.get(f, "max_articles_per_source", "fetch.", int, fc.max_articles_per_source,
                                       "an integer >= 1", lambda v: v >= 1)
    s.fetch = fc
    cl = data.get("classify", {})
    model_dir = r.get(cl, "model_dir", "classify.", str, None, "a directory path")
    if model_dir:
        s.model_dir = Path(model_dir) if Path(model_dir).is_absolute() or Path(model_dir).exists() \
            else PROJECT_ROOT / model_dir
    sch = data.get("schedule", {})
    s.schedule_times = r.str_list(sch, "times", "schedule.", "a list of \"HH:MM\" local times") or s.schedule_times
    for t in s.schedule_times:
        if not _HHMM.match(t):
            r.fail("schedule.times", "a list of \"HH:MM\" local times", t)
    s.misfire_grace_hours = r.get(sch, "misfire_grace_hours", "schedule.", float, s.misfire_grace_hours,
                                  "hours > 0", positive)
    for section, table in data.items():
        if section not in ("database", "general", "fetch", "classify", "schedule"):
            problems.append(f"{path}: {section}: unknown section (expected one of database, general, fetch, "
                            "classify, schedule)")
    if problems:
        raise ConfigError(problems)
    return s


# ---------------------------------------------------------------- sources

REGION_LEVELS = ("province", "kabupaten", "kota", "national")


@dataclass
class Listing:
    url: str
    item_selector: str | None = None
    link_selector: str | None = None
    next_selector: str | None = None
    featured_selector: str | None = None  # a featured grid on page 1 only
    date_selector: str | None = None
    max_pages: int = 3


@dataclass
class SourceExtraction:
    title_selector: str | None = None
    date_selector: str | None = None
    body_selector: str | None = None
    author_selector: str | None = None
    remove_selectors: list[str] = field(default_factory=list)


@dataclass
class Source:
    id: str
    name: str
    homepage: str
    region: str  # e.g. "Nusa Tenggara Barat" or "Lombok Timur"
    region_level: str = "province"
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    listings: list[Listing] = field(default_factory=list)
    extraction: SourceExtraction = field(default_factory=SourceExtraction)
    kind: str = "media"  # media | government
    verified: bool = False  # discovery URLs checked against the live site
    local: bool = False  # allowed to resolve to loopback/private addresses (the demo)
    enabled: bool = True
    note: str = ""


_URL = re.compile(r"^https?://[^\s/]+", re.I)
_SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def load_sources(path: str | os.PathLike | None = None) -> list[Source]:
    """Read sources.toml: a list of [[source]] tables. Raises ConfigError."""
    path = Path(path) if path else config_dir() / "sources.toml"
    problems: list[str] = []
    data = _load_toml(path, problems)
    r = _Reader(path, problems)
    out: list[Source] = []
    seen: set[str] = set()
    is_url = lambda v: bool(_URL.match(v))  # noqa: E731
    tables = data.get("source", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        r.fail("source", "an array of [[source]] tables")
        tables = []
    for n, t in enumerate(tables):
        p = table_label("source", n, t, "id") + ": "
        sid = r.get(t, "id", f"source #{n + 1}: ", str, None, "a lowercase id of letters, digits, - or _",
                    lambda v: bool(_SOURCE_ID.match(v)))
        if sid is None:
            if "id" not in t:
                r.fail(f"source[#{n + 1}].id", "a lowercase id of letters, digits, - or _ (missing)")
            continue
        if sid in seen:
            r.fail(p + "id", "an id not used by another source", sid)
        seen.add(sid)
        name = r.get(t, "name", p, str, None, "a non-empty name", lambda v: bool(v.strip()))
        if name is None:
            r.fail(p + "name", "a non-empty name (missing)")
        homepage = r.get(t, "homepage", p, str, "", "an http(s) URL", is_url)
        if not homepage:
            r.fail(p + "homepage", "an http(s) URL (missing)")
        region = r.get(t, "region", p, str, "Nusa Tenggara Barat", "a region name")
        level = r.get(t, "region_level", p, str, "province", "one of " + ", ".join(REGION_LEVELS),
                      lambda v: v in REGION_LEVELS)
        src = Source(id=sid, name=name or sid, homepage=homepage, region=region, region_level=level)
        for key in ("feeds", "sitemaps"):
            urls = r.str_list(t, key, p, "a list of http(s) URLs")
            for u in urls:
                if not is_url(u):
                    r.fail(p + key, "a list of http(s) URLs", u)
            setattr(src, key, [u for u in urls if is_url(u)])
        listings = t.get("listings", [])
        if not isinstance(listings, list):
            r.fail(p + "listings", "an array of {url, item_selector, link_selector, next_selector} tables")
            listings = []
        for k, lt in enumerate(listings):
            lp = f"{p}listings[{k}]."
            if not isinstance(lt, dict):
                r.fail(lp[:-1], "a table with url and CSS selectors", lt)
                continue
            url = r.get(lt, "url", lp, str, None, "an http(s) URL", is_url)
            if url is None:
                if "url" not in lt:
                    r.fail(lp + "url", "an http(s) URL (missing)")
                continue
            src.listings.append(Listing(
                url=url,
                item_selector=r.get(lt, "item_selector", lp, str, None, "a CSS selector"),
                link_selector=r.get(lt, "link_selector", lp, str, None, "a CSS selector"),
                next_selector=r.get(lt, "next_selector", lp, str, None, "a CSS selector"),
                featured_selector=r.get(lt, "featured_selector", lp, str, None, "a CSS selector"),
                date_selector=r.get(lt, "date_selector", lp, str, None, "a CSS selector"),
                max_pages=r.get(lt, "max_pages", lp, int, 3, "an integer 1..50", lambda v: 1 <= v <= 50)))
        ex = t.get("extraction", {})
        if ex:
            ep = p + "extraction."
            src.extraction = SourceExtraction(
                title_selector=r.get(ex, "title", ep, str, None, "a CSS selector"),
                date_selector=r.get(ex, "date", ep, str, None, "a CSS selector"),
                body_selector=r.get(ex, "body", ep, str, None, "a CSS selector"),
                author_selector=r.get(ex, "author", ep, str, None, "a CSS selector"),
                remove_selectors=r.str_list(ex, "remove", ep, "a list of CSS selectors"))
        src.kind = r.get(t, "kind", p, str, "media", "\"media\" or \"government\"", lambda v: v in ("media", "government"))
        src.verified = r.get(t, "verified", p, bool, False, "true or false")
        src.local = r.get(t, "local", p, bool, False, "true or false")
        src.enabled = r.get(t, "enabled", p, bool, True, "true or false")
        src.note = r.get(t, "note", p, str, "", "a string")
        if not (src.feeds or src.sitemaps or src.listings):
            r.fail(p + "feeds/sitemaps/listings", "at least one discovery method")
        out.append(src)
    if problems:
        raise ConfigError(problems)
    return out


# ---------------------------------------------------------------- issues

@dataclass
class Issue:
    key: str
    name_id: str
    name_en: str
    description: str
    lexicon: list[str] = field(default_factory=list)


def load_issues(path: str | os.PathLike | None = None) -> list[Issue]:
    """Read issues.toml: exactly the six codebook keys, in codebook order. Raises ConfigError."""
    path = Path(path) if path else config_dir() / "issues.toml"
    if not path.is_file():
        path = PROJECT_ROOT / "config" / "issues.toml"
    problems: list[str] = []
    data = _load_toml(path, problems)
    r = _Reader(path, problems)
    out = []
    tables = data.get("issue", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        r.fail("issue", "an array of [[issue]] tables")
        tables = []
    for n, t in enumerate(tables):
        p = table_label("issue", n, t, "key") + ": "
        key = r.get(t, "key", p, str, None, "one of " + ", ".join(ISSUE_KEYS), lambda v: v in ISSUE_KEYS)
        if key is None:
            continue
        out.append(Issue(key=key,
                         name_id=r.get(t, "name_id", p, str, key, "a string"),
                         name_en=r.get(t, "name_en", p, str, key, "a string"),
                         description=r.get(t, "description", p, str, "", "a string"),
                         lexicon=r.str_list(t, "lexicon", p)))
    keys = [i.key for i in out]
    if not problems and sorted(keys) != sorted(ISSUE_KEYS):
        problems.append(f"{path}: issue: expected the six codebook keys once each, got {keys}")
    if problems:
        raise ConfigError(problems)
    return out
