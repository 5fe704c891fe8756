"""The gazetteer, ``config/partners.toml``: loading and validating its organisations (names,
aliases, short forms), regions, unit templates, open heads and rule word lists into a
``PartnerConfig`` (cached by path and mtime)."""

from __future__ import annotations

import functools
import logging
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from monitor.config import GazetteerError  # noqa: F401 - re-exported
from monitor.paths import PROJECT_ROOT

from .text import norm_name, strip_legal

log = logging.getLogger(__package__)

DEFAULT_GAZETTEER = PROJECT_ROOT / "config" / "partners.toml"

TYPES = ("government", "civil_society", "international", "academic", "business",
         "political_party", "media", "other")
CHAPTER_STYLES = ("bare", "full", "perwakilan")
LEVELS = ("province", "kabupaten", "kota")
LEVEL_WORDS = {"provinsi": "province", "propinsi": "province", "prov": "province",
               "kabupaten": "kabupaten", "kab": "kabupaten", "kota": "kota", "kotamadya": "kota"}
LEVEL_TITLE = {"province": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}

MAX_NAME_CHARS = 140  # longer than any real Indonesian official name we have seen
MAX_NAME_TOKENS = 16
_KEY_RE = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class GazetteerEntry:
    """One canonical organisation of the gazetteer."""

    key: str
    name: str
    acronym: str | None
    type: str
    region: str
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    parent: str | None = None
    chapters: str | None = None
    chapters_only: bool = False
    not_near: str | None = None
    not_in_article: str | None = None
    match_acronym: bool = True
    product: bool = False  # a brand also sold as a product: "motor Honda" is not the company

    def surface_forms(self) -> Iterator[tuple[str, bool]]:
        """(text, is_short_form) for every written form that names this organisation."""
        yield self.name, False
        for alias in self.aliases:
            yield alias, False
        if self.acronym and self.match_acronym:
            yield self.acronym, True
        for s in self.short:
            yield s, True


@dataclass(frozen=True)
class Region:
    """A province or kabupaten/kota; ``level`` is province, kabupaten, kota or both."""

    name: str
    level: str
    short: str
    province: str | None = None

    def levels(self) -> tuple[str, ...]:
        return ("kabupaten", "kota") if self.level == "both" else (self.level,)

    def written_as(self, written: str, caps: bool = False) -> bool:
        """Whether ``written`` (one of this region's forms) names it here: a short alias of four
        letters or fewer ("NTB", "DKI", "KSB") counts only in capitals, unless it is the name."""
        return not (len(written) <= 4 and written.lower() != self.name.lower() and not caps
                    and written != written.upper())


@dataclass(frozen=True)
class Unit:
    """A template naming a regional body: head + region."""

    key: str
    heads: tuple[str, ...]
    name: str
    short: str
    style: str
    levels: tuple[str, ...]
    type: str
    open_region: bool = False
    level_required: bool = False
    short_by_level: tuple[tuple[str, str], ...] = ()
    chapter_of: str | None = None  # gazetteer key when the unit is an entry's regional chapter


@dataclass(frozen=True)
class OpenHead:
    type: str
    position: str
    words: tuple[str, ...]
    max_tokens: int


@dataclass
class PartnerConfig:
    """Everything partners.toml holds."""

    path: Path
    entries: list[GazetteerEntry]
    regions: list[tuple[str, Region]]  # (written form, region)
    units: list[Unit]
    open_heads: list[OpenHead]
    expand: dict[str, str]
    stop_words: frozenset[str]
    connectors: frozenset[str]
    comma_heads: tuple[str, ...]
    countries: tuple[str, ...]
    credit_cues: frozenset[str]
    not_orgs: frozenset[str] = frozenset()
    not_org_prefixes: tuple[str, ...] = ()
    title_words: frozenset[str] = frozenset()
    initials_cues: frozenset[str] = frozenset()
    event_words: frozenset[str] = frozenset()
    landmark_words: frozenset[str] = frozenset()
    product_cues: frozenset[str] = frozenset()
    named_heads: dict[str, tuple[str, str]] = field(default_factory=dict)  # written head -> (full head, type)
    club_prefixes: frozenset[str] = frozenset()
    not_club_words: frozenset[str] = frozenset()
    by_key: dict[str, GazetteerEntry] = field(default_factory=dict)
    by_name: dict[str, GazetteerEntry] = field(default_factory=dict)
    by_form: dict[str, GazetteerEntry] = field(default_factory=dict)  # every surface form, short ones too

    def __post_init__(self) -> None:
        self.by_key = {e.key: e for e in self.entries}
        for e in self.entries:
            for form, is_short in e.surface_forms():
                self.by_form.setdefault(norm_name(form), e)
                if not is_short:
                    self.by_name.setdefault(norm_name(form), e)
                    self.by_name.setdefault(strip_legal(norm_name(form)), e)

    def lookup(self, name: str) -> "GazetteerEntry | None":
        """The entry a derived or discovered name denotes, ignoring PT/Tbk/(Persero)."""
        n = norm_name(name)
        return self.by_name.get(n) or self.by_name.get(strip_legal(n))


def _fail(path: Path, where: str, msg: str) -> GazetteerError:
    return GazetteerError(f"{path}: {where}: {msg}")


def _str_list(path: Path, where: str, d: dict, fld: str) -> tuple[str, ...]:
    val = d.get(fld, [])
    if not isinstance(val, list) or not all(isinstance(v, str) and v.strip() for v in val):
        raise _fail(path, where, f"field '{fld}' must be a list of non-empty strings")
    return tuple(v.strip() for v in val)


def _entry(path: Path, i: int, d: Any) -> GazetteerEntry:
    if not isinstance(d, dict):
        raise _fail(path, f"org[{i}]", "must be a table")
    key = d.get("key")
    where = f"org[{i}] key={key!r}"
    if not isinstance(key, str) or not _KEY_RE.match(key):
        raise _fail(path, where, "field 'key' must match [a-z0-9_]+")
    for fld in ("name", "type"):
        if not isinstance(d.get(fld), str) or not d[fld].strip():
            raise _fail(path, where, f"field '{fld}' is required")
    if d["type"] not in TYPES:
        raise _fail(path, where, f"field 'type' must be one of {', '.join(TYPES)}; got {d['type']!r}")
    if len(d["name"]) > MAX_NAME_CHARS:
        raise _fail(path, where, f"field 'name' is longer than {MAX_NAME_CHARS} characters")
    acronym = d.get("acronym", "")
    if not isinstance(acronym, str):
        raise _fail(path, where, "field 'acronym' must be a string (\"\" for none)")
    chapters = d.get("chapters")
    if chapters is not None and chapters not in CHAPTER_STYLES:
        raise _fail(path, where, f"field 'chapters' must be one of {', '.join(CHAPTER_STYLES)}")
    for fld in ("not_near", "not_in_article"):
        if d.get(fld) is not None:
            try:
                re.compile(d[fld])
            except (re.error, TypeError) as exc:
                raise _fail(path, where, f"field '{fld}' is not a valid regex ({exc})") from exc
    known = {"key", "name", "acronym", "aliases", "short", "type", "region", "parent", "chapters",
             "chapters_only", "not_near", "not_in_article", "match_acronym", "product"}
    extra = set(d) - known
    if extra:
        raise _fail(path, where, f"unknown field(s) {', '.join(sorted(extra))}")
    return GazetteerEntry(
        key=key, name=d["name"].strip(), acronym=acronym.strip() or None, type=d["type"],
        region=str(d.get("region", "national")), aliases=_str_list(path, where, d, "aliases"),
        short=_str_list(path, where, d, "short"), parent=d.get("parent"), chapters=chapters,
        chapters_only=bool(d.get("chapters_only", False)), not_near=d.get("not_near"),
        not_in_article=d.get("not_in_article"), match_acronym=bool(d.get("match_acronym", True)),
        product=bool(d.get("product", False)))


def _units(path: Path, raw: list, entries: list[GazetteerEntry]) -> list[Unit]:
    units = []
    for i, d in enumerate(raw):
        where = f"unit[{i}] key={d.get('key')!r}"
        if d.get("type") not in TYPES:
            raise _fail(path, where, f"field 'type' must be one of {', '.join(TYPES)}")
        if d.get("style") not in CHAPTER_STYLES:
            raise _fail(path, where, f"field 'style' must be one of {', '.join(CHAPTER_STYLES)}")
        levels = _str_list(path, where, d, "levels")
        if not levels or any(lv not in LEVELS for lv in levels):
            raise _fail(path, where, f"field 'levels' must list some of {', '.join(LEVELS)}")
        units.append(Unit(key=d["key"], heads=_str_list(path, where, d, "heads"), name=d["name"],
                          short=d.get("short", ""), style=d["style"], levels=levels, type=d["type"],
                          open_region=bool(d.get("open_region", False)),
                          level_required=bool(d.get("level_required", False)),
                          short_by_level=tuple(sorted(d.get("short_by_level", {}).items()))))
    # Regional chapters of gazetteer organisations are units too ("KPU NTB", "FITRA NTB").
    for e in entries:
        if not e.chapters:
            continue
        heads = tuple(dict.fromkeys(f for f, _ in e.surface_forms()))
        units.append(Unit(key=f"chapter:{e.key}", heads=heads, name=e.name, short=e.acronym or "",
                          style=e.chapters, levels=LEVELS, type=e.type, chapter_of=e.key))
    return units


def _regions(path: Path, data: dict) -> list[tuple[str, Region]]:
    out: list[tuple[str, Region]] = []
    for i, d in enumerate(data.get("province", [])):
        where = f"province[{i}] name={d.get('name')!r}"
        reg = Region(name=d["name"], level="province", short=d.get("short") or d["name"])
        for form in (d["name"], *_str_list(path, where, d, "aliases")):
            out.append((form, reg))
    for i, d in enumerate(data.get("kabkota", [])):
        where = f"kabkota[{i}] name={d.get('name')!r}"
        if d.get("level") not in ("kabupaten", "kota", "both"):
            raise _fail(path, where, "field 'level' must be kabupaten, kota or both")
        reg = Region(name=d["name"], level=d["level"], short=d["name"], province=d.get("province"))
        for form in (d["name"], *_str_list(path, where, d, "aliases")):
            out.append((form, reg))
    return out


def _named(path: Path, d: dict) -> dict:
    """The ``[named]`` table: heads of units with their own name, and sports-club words."""
    heads: dict[str, tuple[str, str]] = {}
    for i, h in enumerate(d.get("unit_heads", [])):
        if not isinstance(h, dict) or h.get("type") not in TYPES or not h.get("heads") or not h.get("name"):
            raise _fail(path, f"named.unit_heads[{i}]", f"needs 'heads', 'name' and a 'type' in {', '.join(TYPES)}")
        for w in _str_list(path, f"named.unit_heads[{i}]", h, "heads"):
            heads[w.lower()] = (h["name"], h["type"])
    return {"named_heads": heads,
            "club_prefixes": frozenset(_str_list(path, "named", d, "club_prefixes")),
            "not_club_words": frozenset(w.lower() for w in _str_list(path, "named", d, "not_club_words"))}


def load_config(path: str | os.PathLike | None = None) -> PartnerConfig:
    """Read and validate partners.toml (default config/partners.toml)."""
    p = Path(path) if path else DEFAULT_GAZETTEER
    return _load_config_cached(str(p.resolve()), p.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _load_config_cached(path: str, _mtime: int) -> PartnerConfig:
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise GazetteerError(f"{p}: invalid TOML ({exc})") from exc
    raw = data.get("org")
    if not isinstance(raw, list) or not raw:
        raise GazetteerError(f"{p}: no [[org]] entries")
    entries = [_entry(p, i, d) for i, d in enumerate(raw)]
    seen: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e.key in seen:
            raise _fail(p, f"org[{i}] key={e.key!r}", f"duplicate key (first at org[{seen[e.key]}])")
        seen[e.key] = i
    for i, e in enumerate(entries):
        if e.parent and e.parent not in seen:
            raise _fail(p, f"org[{i}] key={e.key!r}", f"field 'parent' names unknown key {e.parent!r}")
    rules = data.get("rules", {})
    heads = [OpenHead(type=h["type"], position=h.get("position", "start"), words=tuple(h["words"]),
                      max_tokens=int(h.get("max_tokens", 6))) for h in data.get("open_head", [])]
    for i, h in enumerate(heads):
        if h.type not in TYPES or h.position not in ("start", "end"):
            raise _fail(p, f"open_head[{i}]", "bad 'type' or 'position'")
    cfg = PartnerConfig(
        path=p, entries=entries, regions=_regions(p, data), units=_units(p, data.get("unit", []), entries),
        open_heads=heads, expand=dict(data.get("expand", {})),
        stop_words=frozenset(rules.get("stop_words", [])),
        connectors=frozenset(rules.get("connectors", [])),
        comma_heads=tuple(rules.get("comma_heads", [])), countries=tuple(rules.get("countries", [])),
        credit_cues=frozenset(c.lower() for c in rules.get("credit_cues", [])),
        not_orgs=frozenset(norm_name(x) for x in rules.get("not_orgs", [])),
        landmark_words=frozenset(rules.get("landmark_words", [])),
        event_words=frozenset(rules.get("event_words", [])),
        not_org_prefixes=tuple(norm_name(x) + " " for x in rules.get("not_org_prefixes", [])),
        title_words=frozenset(w.lower() for w in rules.get("title_words", [])),
        initials_cues=frozenset(w.lower() for w in rules.get("initials_cues", [])),
        product_cues=frozenset(w.lower() for w in rules.get("product_cues", [])),
        **_named(p, data.get("named", {})))
    log.debug("partners config %s: %d organisations, %d units", p, len(entries), len(cfg.units))
    return cfg


def load_gazetteer(path: str | os.PathLike | None = None) -> list[GazetteerEntry]:
    """The validated organisations of a gazetteer file; errors name the file, entry and key."""
    return load_config(path).entries
