"""Partner organisations in an article (codebook section 2) on ``spacy.blank("id")``.

The blank pipeline gets a fast regex tokenizer (``OgiTokenizer``) that also keeps the token texts
and offsets on the Doc, so the rules below work on plain lists. Pipeline (each a registered spaCy
component reading ``config/partners.toml``):

- ``ogi_org_gazetteer``: a case-insensitive PhraseMatcher (attr LOWER) over the names, aliases
  and short forms of the gazetteer's organisations.
- ``ogi_org_units``: regional bodies from unit templates plus a region table ("Dinas Kesehatan
  NTB", "Pemkab Lombok Timur", "Polres Sukabumi", "KPU NTB", "FITRA NTB").
- ``ogi_org_rules``: organisations the gazetteer lacks: "Long Name (ACR)" definitions,
  capitalised names after an organisation head ("Universitas ...", "PT ... Tbk", "Partai ...")
  or after a describing noun ("perusahaan keamanan siber Kaspersky"), national teams, listed
  companies by stock code, and sub-units in front of a known body ("Komisi VIII DPR",
  "Ditreskrimsus Polda Riau").
- ``ogi_org_resolver``: one span per place (longest wins, a known name beats an open guess),
  parents written inside a sub-unit's name, article-local acronyms, and news outlets cited
  only as the story's source dropped.

``PartnerExtractor`` masks noise first (HTML leftovers, "Baca juga" / video teasers) without
moving offsets, runs the pipeline and folds mentions into one ``Partner`` per organisation.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import logging
import operator
import os
import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from monitor.models import Partner
from monitor.paths import PROJECT_ROOT

log = logging.getLogger(__name__)

DEFAULT_GAZETTEER = PROJECT_ROOT / "config" / "partners.toml"
DEFAULT_SPLIT = PROJECT_ROOT / "corpora" / "partners_split.json"

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
_ROMAN_RE = re.compile(r"^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_HTMLISH_RE = re.compile(r"[<>{}=|\\@#_*~^]|https?:|www\.")
_ACR_RE = re.compile(r"^(?:(?=.*[A-Z].*[A-Z])[A-Za-z][A-Za-z0-9&\-/.]{1,14}|[A-Z][a-z]{3,14})$")


class GazetteerError(ValueError):
    """An invalid gazetteer file; the message names the file, the entry and the field."""


# ---------------------------------------------------------------------------------------- config

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
    by_key: dict[str, GazetteerEntry] = field(default_factory=dict)
    by_name: dict[str, GazetteerEntry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_key = {e.key: e for e in self.entries}
        for e in self.entries:
            for form, is_short in e.surface_forms():
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
        product_cues=frozenset(w.lower() for w in rules.get("product_cues", [])))
    log.debug("partners config %s: %d organisations, %d units", p, len(entries), len(cfg.units))
    return cfg


def load_gazetteer(path: str | os.PathLike | None = None) -> list[GazetteerEntry]:
    """The validated organisations of a gazetteer file; errors name the file, entry and key."""
    return load_config(path).entries


# ---------------------------------------------------------------------------------------- text helpers

_NON_WORD_RE = re.compile(r"[^\w]+")


@functools.lru_cache(maxsize=1 << 16)
def norm_name(s: str | None) -> str:
    """Case-, accent-, punctuation- and spacing-insensitive form used for matching names."""
    if not s:
        return ""
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(_NON_WORD_RE.sub(" ", s.lower()).split())


_LEGAL_RE = re.compile(r"^(pt|perum|perusahaan umum)\s+|\s+(persero|perseroda|tbk)\b")


def strip_legal(normalised: str) -> str:
    """Drop legal-form words from a normalised company name."""
    return " ".join(_LEGAL_RE.sub(" ", normalised).split())


def clean_name(s: str) -> str:
    """Tidy a name taken from text: IndoSum's spaced hyphens, doubled spaces, stray punctuation."""
    s = re.sub(r"\s*-\s*(?=\w)", "-", s) if " - " in s else s
    s = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", s))
    s = " ".join(s.split())
    return s.strip(" ,.;:-–—\"'")


_NOISE_PATTERNS = [
    # teaser lines: "Baca juga: ...", "(Baca: ...)", "SIMAK JUGA - ...", "Simak Video '...':"
    re.compile(r"(?im)\(\s*(?:baca|lihat|simak)(?: juga)?\s*:[^)\n]{0,250}\)"),
    re.compile(r"(?im)^[ \t]*[\[(]?\s*(?:baca|simak|lihat|tonton|saksikan)(?: juga| pula)?\s*[:\-–][^\n]{0,250}"),
    re.compile(r"(?i)\b(?:baca juga|simak juga|lihat juga|tonton juga|saksikan juga|simak video|tonton video"
               r"|lihat video|saksikan video)\b[^\n]{0,250}"),
    re.compile(r"\[Gambas:[^\]]{0,60}\]"),
    # detik's stripped video teaser at the very end: ". : Title"
    re.compile(r"(?<=[.!?\"”])\s+:\s+[^\n]{0,200}$"),
    # HTML tags, comments and entities
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"</?[A-Za-z][^<>]{0,300}>"),
    re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});"),
]


def mask_noise(text: str) -> str:
    """Blank teasers and HTML leftovers with spaces so character offsets stay valid."""
    spans = [(m.start(), m.end()) for pat in _NOISE_PATTERNS for m in pat.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        frag = text[a:b]
        # keep "&" of "&amp;" so "Ernst &amp; Young" still reads as one name
        chars[a:b] = "&" + " " * (b - a - 1) if frag.lower() == "&amp;" else " " * (b - a)
    return "".join(chars)


_COUNTRY_SHORT = {"AS": "Amerika Serikat", "RI": "Republik Indonesia", "Korsel": "Korea Selatan",
                  "Korut": "Korea Utara", "UEA": "Uni Emirat Arab"}


def expand_countries(name: str) -> str:
    """Write out country abbreviations inside a discovered name ("Departemen Keuangan AS")."""
    words = name.split()
    if len(words) < 2:
        return name
    return " ".join([words[0]] + [_COUNTRY_SHORT.get(w, w) for w in words[1:]])


_NON_LETTER_RE = re.compile(r"[\W\d_]+")


def is_all_caps(text: str) -> bool:
    """True for shouting articles, where capitalisation says nothing about names."""
    letters = _NON_LETTER_RE.sub("", text[:5000])
    return len(letters) > 40 and sum(map(str.isupper, letters)) / len(letters) > 0.6


# ---------------------------------------------------------------------------------------- mentions

@dataclass
class Mention:
    """One candidate organisation span in a Doc."""

    start: int  # token indexes
    end: int
    ident: str  # gazetteer key, derived key or "unk:<normalised name>"
    name: str
    acronym: str | None
    type: str
    region: str | None
    known: bool
    source: str  # gazetteer | unit | subunit | definition | open | local
    key: str | None = None
    written_short: str | None = None  # the short form as the article writes it
    parent: "Mention | None" = None
    is_media: bool = False
    board: bool = False  # a party's or association's board: the parent is listed only if the board is dropped

    @property
    def length(self) -> int:
        return self.end - self.start


class _Toks:
    """Plain-Python views of a Doc's tokens, built once per Doc: rules index these lists
    instead of creating spaCy Token/Span objects in their loops."""

    __slots__ = ("text", "words", "idx", "_lower", "_positions", "_lowerset")

    def __init__(self, text: str, words: list[str], idx: list[int]):
        self.text = text
        self.words = words
        self.idx = idx
        self._lower: list[str] | None = None
        self._positions: dict[str, list[int]] | None = None
        self._lowerset: set[str] | None = None

    @property
    def lower(self) -> list[str]:
        if self._lower is None:
            self._lower = [w.lower() for w in self.words]
        return self._lower

    @property
    def positions(self) -> dict[str, list[int]]:
        """Capitalised word -> its token indexes."""
        if self._positions is None:
            pos: dict[str, list[int]] = {}
            for i, w in enumerate(self.words):
                if w[:1].isupper():
                    pos.setdefault(w, []).append(i)
            self._positions = pos
        return self._positions

    @property
    def lowercase_words(self) -> set[str]:
        if self._lowerset is None:
            self._lowerset = {w for w in self.words if w.islower()}
        return self._lowerset

    def span(self, start: int, end: int) -> str:
        """The exact text of tokens start..end-1."""
        if end <= start:
            return ""
        return self.text[self.idx[start]: self.idx[end - 1] + len(self.words[end - 1])]


def _tk(doc: Doc) -> _Toks:
    tk = doc.user_data.get("ogi_toks")
    if tk is None:
        tk = _Toks(doc.text, [t.text for t in doc], [t.idx for t in doc])
        doc.user_data["ogi_toks"] = tk
    return tk


_PRIORITY = {"gazetteer": 4, "unit": 4, "subunit": 4, "definition": 2, "open": 1, "open_end": 1, "local": 3}

for _name in ("ogi_candidates", "ogi_mentions", "ogi_caps"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _candidates(doc: Doc) -> list[Mention]:
    if doc._.ogi_candidates is None:
        doc._.ogi_candidates = []
    return doc._.ogi_candidates


def _caps(doc: Doc) -> bool:
    tk = _tk(doc)
    if doc._.ogi_caps is None:
        doc._.ogi_caps = is_all_caps(tk.text)
    return doc._.ogi_caps


def _phrase_matcher(nlp: Language, forms: Iterable[str], label_of: Callable[[str], str]) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    groups: dict[str, list[Doc]] = {}
    seen: set[tuple[str, str]] = set()
    for form in forms:
        label = label_of(form)
        if (label, form.lower()) in seen:
            continue
        seen.add((label, form.lower()))
        groups.setdefault(label, []).append(nlp.make_doc(form))
    for label, docs in groups.items():
        matcher.add(label, docs)
    return matcher


def _upper_start(span: Span, caps: bool) -> bool:
    c = span.text[:1]
    return caps or c.isupper() or c.isdigit()


# Indonesian words that are also some body's acronym: in a shouting article "ITU" is "itu".
_COMMON_WORDS = frozenset({"itu", "ini", "dan", "yang", "akan", "ada", "dari", "ke", "di", "untuk", "pada", "juga", "dia",
                           "kami", "saya", "bisa", "tapi", "atau", "oleh", "para", "agar", "lagi", "kata", "masa", "apa",
                           "mana", "jadi", "bagi", "pun", "kita", "nya", "sah", "ibu", "bapak", "adik", "anak", "tim"})


def _case_agrees(written: str, form: str) -> bool:
    """Every capitalised word of a multiword form but the first (whose case the caller judges) is
    capitalised where the article writes it: "Pemerintah pusat" is not "Pemerintah Pusat"."""
    ws, fs = written.split(), form.split()
    return len(ws) != len(fs) or all(w[:1].isupper() or not f[:1].isupper() for w, f in zip(ws[1:], fs[1:]))


def _short_ok(written: str, form: str, caps: bool) -> bool:
    """Short forms: all-caps ones exactly ("MA", "BUMI" is not "Bumi"); mixed-case ones
    ("Kemenkes") in any case but all-lowercase."""
    if written == form:
        return not (caps and written.lower() in _COMMON_WORDS)
    if caps:
        return written.upper() == form.upper() and written.lower() not in _COMMON_WORDS
    if len(form) <= 3 or form.isupper():
        return False
    return written.lower() == form.lower() and not written.islower()


# Words that continue a brand's name as a company ("Honda Team Asia", "Yamaha Motor Indonesia")
_COMPANY_CONTINUATIONS = frozenset({
    "Team", "Racing", "Motor", "Motors", "Group", "Grup", "Indonesia", "Corporation", "Corp", "Company", "Inc",
    "Ltd", "Tbk", "Factory", "Financial", "Services", "Asia", "Global", "International", "Internasional"})


def _is_product(tk: "_Toks", start: int, end: int, cues: frozenset[str]) -> bool:
    """A brand written as a product: after a product word ("motor Honda"), or followed by a model
    name or number ("Wuling Almaz", "Boeing 737", "Samsung Galaxy")."""
    if start > 0 and tk.lower[start - 1] in cues:
        return True
    nxt = tk.words[end] if end < len(tk.words) else ""
    if not nxt:
        return False
    if nxt[0].isdigit():
        return True
    return nxt[0].isupper() and nxt not in _COMPANY_CONTINUATIONS and nxt.isalnum() and \
        not (len(nxt) <= 5 and nxt.isupper())


_GROUP_WORD_RE = re.compile(r"^(grup|group) | (group|grup|holdings)$")
_DATELINE_RE = re.compile(r"\s(?:-\s?-|--|-|–|—)\s")


def _after_landmark(doc: Doc, start: int, landmarks: frozenset[str]) -> bool:
    """The span follows a place or event word ("Jalan", "Stasiun", "Piala Dunia")."""
    tk = _tk(doc)
    if start == 0:
        return False
    if tk.words[start - 1] in landmarks:
        return True
    return start >= 2 and f"{tk.words[start - 2]} {tk.words[start - 1]}" in landmarks


def _body_start(doc: Doc) -> int:
    """Character offset where the article body starts (after a prepended title)."""
    return doc.user_data.get("ogi_body_start", 0)


def _window(doc: Doc, start: int, end: int, chars: int = 40) -> str:
    tk = _tk(doc)
    a = tk.idx[start]
    b = tk.idx[end - 1] + len(tk.words[end - 1])
    return tk.text[max(0, a - chars): b + chars]


# ---------------------------------------------------------------------------------------- components

@Language.factory("ogi_org_gazetteer", default_config={"gazetteer_path": None})
def make_gazetteer_component(nlp: Language, name: str, gazetteer_path: str | None) -> "GazetteerComponent":
    return GazetteerComponent(nlp, load_config(gazetteer_path))


class GazetteerComponent:
    """Known organisations by name, alias or short form (PhraseMatcher on LOWER)."""

    def __init__(self, nlp: Language, cfg: PartnerConfig):
        self.cfg = cfg
        self.forms: dict[str, list[tuple[GazetteerEntry, str, bool]]] = {}
        for e in cfg.entries:
            if e.chapters_only:
                continue
            for form, is_short in e.surface_forms():
                self.forms.setdefault(form.lower(), []).append((e, form, is_short))
        self.matcher = _phrase_matcher(nlp, [f for lst in self.forms.values() for _, f, _ in lst],
                                       lambda f: "ORG")
        self.countries = _phrase_matcher(nlp, cfg.countries, lambda f: "COUNTRY")
        self.not_near = {e.key: re.compile(e.not_near, re.I) for e in cfg.entries if e.not_near}
        self.not_in_article = {e.key: re.compile(e.not_in_article) for e in cfg.entries if e.not_in_article}
        self.max_form_tokens = max(len(nlp.make_doc(f)) for f in self.forms) if self.forms else 1

    def _mention(self, doc: Doc, start: int, end: int, text: str, caps: bool,
                 country_at: dict[int, int], banned: set[str]) -> Mention | None:
        tk = _tk(doc)
        for entry, form, is_short in self.forms.get(text.lower(), []):
            if is_short and not _short_ok(text, form, caps):
                continue
            if not is_short and not (caps or text[:1].isupper() or text[:1].isdigit()):
                continue
            if not caps and " " in form and not _case_agrees(text, form):
                continue  # "pemerintah Indonesia", "Pemerintah pusat": a description, not the name
            if entry.key in banned:
                continue
            nxt = tk.words[end] if end < len(tk.words) else ""
            if nxt in self.cfg.event_words:
                continue  # "Uber Cup", "KPK Award": an event named after the body
            if entry.product and _is_product(tk, start, end, self.cfg.product_cues):
                continue  # "motor Honda", "Wuling Almaz", "Boeing 737": the product, not the company
            pat = self.not_near.get(entry.key)
            if pat and pat.search(_window(doc, start, end)):
                continue
            if end in country_at and entry.region in ("national", "international") and \
                    (entry.type == "government" and entry.region == "national" or
                     entry.type in ("civil_society", "political_party")):
                # "Kementerian Luar Negeri Israel" is Israel's ministry, not Indonesia's;
                # "Gereja Katolik Filipina", "Partai Demokrat AS" are that country's bodies
                cend = country_at[end]
                cname = expand_countries(clean_name(tk.span(start, cend)))
                typ = "international" if entry.type == "government" else entry.type
                return Mention(start, cend, "unk:" + norm_name(cname), cname, None, typ, None, False, "open")
            return Mention(start, end, entry.key, entry.name, entry.acronym, entry.type, entry.region,
                           True, "gazetteer", key=entry.key,
                           written_short=text if is_short else None, is_media=entry.type == "media")
        return None

    def __call__(self, doc: Doc) -> Doc:
        tk = _tk(doc)
        caps = _caps(doc)
        out = _candidates(doc)
        country_at = {s: e for _, s, e in self.countries(doc)}
        # bare "DPD" means a party board in an article that writes "DPD Golkar"
        banned = {k for k, pat in self.not_in_article.items() if pat.search(tk.text)}
        landmarks = self.cfg.landmark_words
        # "berinisial MA", "korban MA": a person's initials, in the whole article
        words, lower = tk.words, tk.lower
        cues = self.cfg.initials_cues
        initials = {words[i] for i in range(len(words)) if len(words[i]) <= 3 and words[i].isupper() and
                    (lower[i - 1] in cues or (i >= 2 and lower[i - 2] in cues))}
        for _, start, end in self.matcher(doc):
            if _after_landmark(doc, start, landmarks):
                continue  # "Jalan Akses UI", "Piala Dunia FIFA": a place or event named after the body
            if end - start == 1 and tk.words[start] in initials:
                continue
            m = self._mention(doc, start, end, tk.span(start, end), caps, country_at, banned)
            if m:
                out.append(m)
        # "Kementerian Koordinator (Kemenko) Polkam", "Pimpinan Pusat (PP) Muhammadiyah"
        n = len(doc)
        for i in [i for i, w in enumerate(words) if w == "("]:
            close = next((k for k in range(i + 2, min(n, i + 5)) if words[k] == ")"), None)
            if close is None:
                continue
            inside = tk.span(i + 1, close)
            for b in range(close + 2, min(n, close + 6) + 1):
                after = tk.span(close + 1, b)
                for a in range(max(0, i - 8), i):
                    text = f"{tk.span(a, i)} {after}"
                    if text.lower() in self.forms:
                        m = self._mention(doc, a, b, text, caps, country_at, banned)
                        if m:
                            out.append(m)
                text = f"{inside} {after}"
                if text.lower() in self.forms and i > 0 and tk.words[i - 1][:1].isupper():
                    m = self._mention(doc, i + 1, b, text, caps, country_at, banned)
                    if m:
                        a = i
                        while a > 0 and i - a < 6 and tk.words[a - 1][:1].isupper():
                            a -= 1
                        m.start = a
                        out.append(m)
        return doc


@Language.factory("ogi_org_units", default_config={"gazetteer_path": None})
def make_units_component(nlp: Language, name: str, gazetteer_path: str | None) -> "UnitComponent":
    return UnitComponent(nlp, load_config(gazetteer_path))


class UnitComponent:
    """Regional bodies: unit head (or an open "Dinas <field>") + optional level word + region."""

    OPEN_FIELD_HEADS = {"dinas": "Dinas", "suku dinas": "Suku Dinas", "sudin": "Suku Dinas", "biro": "Biro"}

    def __init__(self, nlp: Language, cfg: PartnerConfig):
        self.cfg = cfg
        self.units_by_head: dict[str, list[Unit]] = {}
        for u in cfg.units:
            for h in u.heads:
                self.units_by_head.setdefault(h.lower(), []).append(u)
        self.head_matcher = _phrase_matcher(nlp, [h for u in cfg.units for h in u.heads], lambda f: "HEAD")
        self.field_matcher = _phrase_matcher(nlp, ["Dinas", "Suku Dinas", "Sudin", "Biro"], lambda f: "FIELD")
        self.regions_by_form: dict[str, list[Region]] = {}
        for form, reg in cfg.regions:
            self.regions_by_form.setdefault(form.lower(), []).append(reg)
        self.region_matcher = _phrase_matcher(nlp, [f for f, _ in cfg.regions], lambda f: "REGION")
        self.field_units = {norm_name(u.name): u for u in cfg.units if u.name.startswith("Dinas ")}

    # -- region parsing

    def _region_at(self, doc: Doc, i: int, region_spans: dict[int, int], caps: bool) -> tuple[int, list[Region]] | None:
        end = region_spans.get(i)
        if end is None:
            return None
        span = doc[i:end]
        if not _upper_start(span, caps):
            return None
        regs = self.regions_by_form.get(span.text.lower(), [])
        # short all-caps aliases ("NTB", "DKI", "KSB") must be written as such
        regs = [r for r in regs if not (span.text.lower() != r.name.lower() and len(span.text) <= 4
                                        and not caps and span.text != span.text.upper())]
        return (end, regs) if regs else None

    def _open_region(self, doc: Doc, i: int, caps: bool, limit: int = 3) -> int:
        """A capitalised place name the tables lack: up to ``limit`` Titlecase tokens."""
        tk = _tk(doc)
        if caps:
            return i
        j = i
        words = tk.words
        while j < len(words) and j - i < limit:
            t = words[j]
            if t == "-" and j > i and j + 1 < len(words) and words[j + 1][:1].isupper() and words[j + 1].isalpha():
                j += 2  # "Soekarno - Hatta"
                continue
            if not (t[:1].isupper() and t[1:].islower() and t.isalpha()) or t in self.cfg.stop_words:
                break
            j += 1
        return j

    def parse_region(self, doc: Doc, i: int, unit: Unit | None, region_spans: dict[int, int],
                     caps: bool) -> tuple[int, str, str | None, str] | None:
        """After a head at token i: -> (end, region name, level, region text as written)."""
        tk = _tk(doc)
        n = len(doc)
        j = i
        # "(Pemkab)" / "(DPRD)" between head and region
        if j < n and tk.words[j] == "(":
            k = j + 1
            while k < n and k - j <= 4 and tk.words[k] != ")":
                k += 1
            if k < n and tk.words[k] == ")":
                j = k + 1
        if j < n and tk.words[j] == "RI":  # "Ombudsman RI Perwakilan NTB"
            j += 1
        if j < n and tk.lower[j] == "perwakilan":
            j += 1
        level = None
        lj = j
        if j < n and tk.lower[j] in LEVEL_WORDS:
            level = LEVEL_WORDS[tk.lower[j]]
            lj = j + 1
            if lj < n and tk.words[lj] == ".":
                lj += 1
            if level == "kota" and lj < n and tk.lower[lj] == "administrasi":
                lj += 1
        levels = unit.levels if unit else LEVELS
        if level and level not in levels and not (unit and unit.style == "bare"):
            return None
        found = self._region_at(doc, lj, region_spans, caps)
        if found:
            end, regs = found
            if level:
                regs = [r for r in regs if level in r.levels()]
            else:
                regs = [r for r in regs if any(lv in levels for lv in r.levels())]
            if regs:
                reg = regs[0]
                lvl = level or next(lv for lv in LEVELS if lv in reg.levels() and lv in levels)
                # "Polres Bogor Kota", "Polres Metro Bekasi Kota"
                if unit and unit.style == "bare" and end < n and tk.words[end] == "Kota" and \
                        (end + 1 >= n or not tk.words[end + 1][:1].isupper() or
                         tk.words[end + 1] in self.cfg.stop_words):
                    return end + 1, reg.name + " Kota", "kota", tk.span(lj, end + 1)
                written = tk.span(j, end) if level else tk.span(lj, end)
                name = reg.name
                # courts and police keep a city-like province alias: "Pengadilan Tipikor Jakarta"
                if unit and unit.style == "bare" and reg.level == "province" and not level:
                    w = tk.span(lj, end)
                    if w != reg.short and not w.isupper() and w.lower() != reg.name.lower():
                        name = w
                return end, name, lvl, written
        if (level or (unit and unit.open_region)) and not (unit and unit.level_required and not level):
            end = self._open_region(doc, lj, caps)
            if end > lj:
                name = tk.span(lj, end)
                if end < n and tk.words[end] == "Kota" and unit and unit.style == "bare":
                    end += 1
                    name += " Kota"
                return end, name, level, tk.span(j, end)
        return None

    # -- naming

    @staticmethod
    def region_phrase(style: str, region: str, level: str | None, level_written: bool = False) -> str:
        # "full": always the level; "bare": only a level the article writes ("Polres Kota X")
        if level and (style == "full" or (level_written and style == "bare")):
            return f"{LEVEL_TITLE[level]} {region}"
        if style == "perwakilan":
            return f"Perwakilan {region}"
        return region

    def make_mention(self, doc: Doc, start: int, end: int, unit: Unit, head_text: str, region: str,
                     level: str | None, written_region: str) -> Mention:
        cfg = self.cfg
        base = unit.name
        entry = cfg.by_key.get(unit.chapter_of) if unit.chapter_of else None
        level_written = written_region.split()[0].lower().rstrip(".") in LEVEL_WORDS if written_region else False
        name = f"{base} {self.region_phrase(unit.style, region, level, level_written)}"
        short = dict(unit.short_by_level).get(level or "", unit.short)
        head_is_short = head_text.lower() != base.lower() and len(head_text) <= 16
        acronym = f"{head_text if head_is_short else short} {written_region}".strip() if short or head_is_short else None
        typ = unit.type
        # a derived body that is also a gazetteer entry keeps the entry's identity
        known = cfg.by_name.get(norm_name(name))
        if known is not None:
            return Mention(start, end, known.key, known.name, acronym or known.acronym, known.type,
                           known.region, True, "unit", key=known.key,
                           written_short=acronym if head_is_short else None)
        ident = "unit:" + norm_name(name)
        return Mention(start, end, ident, name, acronym, typ, region, True, "unit",
                       key=f"{unit.chapter_of or unit.key}@{norm_name(region)}",
                       written_short=acronym if head_is_short else None,
                       is_media=bool(entry and entry.type == "media"))

    def __call__(self, doc: Doc) -> Doc:
        caps = _caps(doc)
        out = _candidates(doc)
        region_spans: dict[int, int] = {}
        for _, s, e in self.region_matcher(doc):
            region_spans[s] = max(region_spans.get(s, s), e)
        best: dict[int, tuple[int, Mention, int]] = {}
        regions_at: dict[int, tuple[str, str | None, str]] = {}
        bare_heads: list[tuple[int, int]] = []
        for _, s, e in self.head_matcher(doc):
            head = doc[s:e]
            for unit in self.units_by_head.get(head.text.lower(), []):
                if unit.chapter_of:
                    entry = self.cfg.by_key[unit.chapter_of]
                    form_short = head.text.lower() not in (entry.name.lower(), *(a.lower() for a in entry.aliases))
                    if form_short and not any(_short_ok(head.text, f, caps) for f, sh in entry.surface_forms() if sh):
                        continue
                parsed = self.parse_region(doc, e, unit, region_spans, caps)
                if not parsed:
                    continue
                # lowercase heads ("pemerintah Kabupaten Sukabumi") only with a known region
                if not _upper_start(head, caps) and parsed[1] not in {r.name for _, r in self.cfg.regions}:
                    continue
                end, region, level, written = parsed
                m = self.make_mention(doc, s, end, unit, head.text, region, level, written)
                # the longest span wins; on a tie the longer head ("Kepolisian Resor Kota")
                if s not in best or best[s][0] < end or (best[s][0] == end and e > best[s][2]):
                    best[s] = (end, m, e)
                    regions_at[s] = (region, level, written)
            if s not in best:
                bare_heads.append((s, e))
        for _, s, e in self.field_matcher(doc):
            found = self._open_field(doc, s, e, region_spans, caps)
            if found and (s not in best or best[s][0] < found[0].end):
                best[s] = (found[0].end, found[0], e)
                regions_at[s] = found[1]
        self._share_regions(doc, bare_heads, best, regions_at, caps)
        out.extend(m for _, m, _ in best.values())
        return doc

    def _share_regions(self, doc: Doc, bare_heads: list[tuple[int, int]], best: dict, regions_at: dict,
                       caps: bool) -> None:
        """Units listed before one that names its region share it: "Satpol PP, Damkar dan Dinkes
        Kota Bekasi", "Satuan Polisi Pamong Praja (Satpol PP) dan Dinas Perhubungan DKI Jakarta"."""
        if not bare_heads or not regions_at:
            return
        tk = _tk(doc)
        words = tk.words
        n = len(words)
        for s, e in sorted(set(bare_heads), reverse=True):
            if s in best or any(bs < s < b[0] for bs, b in best.items()):
                continue  # inside a longer body
            head_text = tk.span(s, e)
            if not (caps or head_text[:1].isupper()):
                continue
            j = e
            if j < n and words[j] == "(":  # "(Satpol PP)"
                k = next((k for k in range(j + 1, min(n, j + 5)) if words[k] == ")"), None)
                if k is None:
                    continue
                j = k + 1
            if not (j < n and words[j] in (",", "dan", "serta", "&")):
                continue
            j += 1
            if j < n and words[j] in ("dan", "serta"):
                j += 1
            if j not in regions_at or j not in best:
                continue
            region, level, written = regions_at[j]
            for unit in self.units_by_head.get(head_text.lower(), []):
                if unit.chapter_of or (level and level not in unit.levels):
                    continue
                m = self.make_mention(doc, s, e, unit, head_text, region, level, written)
                best[s] = (e, m, e)
                regions_at[s] = (region, level, written)
                break

    def _open_field(self, doc: Doc, s: int, e: int, region_spans: dict[int, int],
                    caps: bool) -> tuple[Mention, tuple[str, str | None, str]] | None:
        """"Dinas <Field words> <region>" for any field; the region must be recognised. Returns the
        mention and its (region, level, region as written)."""
        tk = _tk(doc)
        head = tk.span(s, e)
        if not (caps or head[:1].isupper()):
            return None
        head_norm = self.OPEN_FIELD_HEADS[" ".join(head.lower().split())]
        if head_norm == "Dinas" and s > 0 and tk.words[s - 1] == "Suku":
            return None  # the longer "Suku Dinas" match handles it
        n = len(doc)
        j = e
        while j < n and j - e < (6 if caps else 12):
            t = tk.words[j]
            if self.parse_region(doc, j, None, region_spans, caps) and j > e:
                break
            if t[:1].isupper() and t not in self.cfg.stop_words and (t.isalpha() or t.isupper()):
                j += 1
            elif t in ("dan", ",", "&") and j + 1 < n and tk.words[j + 1][:1].isupper():
                j += 1
            elif t in ("Setda", "Sekretariat") and head_norm == "Biro":
                break
            else:
                return None
        if j == e:
            return None
        fields = tk.span(e, j)
        k = j
        prefix = ""
        if head_norm == "Biro":
            if tk.words[k] == "Setda":
                k += 1
            elif tk.words[k] == "Sekretariat" and k + 1 < n and tk.words[k + 1] == "Daerah":
                k += 2
            prefix = " Sekretariat Daerah"
        style = "bare" if head_norm == "Suku Dinas" else "full"
        parsed = self.parse_region(doc, k, None, region_spans, caps)
        if not parsed:
            return None
        end, region, level, written = parsed
        field_name = clean_name(f"{head_norm} {fields.title() if caps else fields}")
        field_name = re.sub(r"\b(Dan|Untuk)\b", lambda m: m.group(0).lower(), field_name) if caps else field_name
        unit = self.field_units.get(norm_name(field_name))
        name = f"{field_name}{prefix} {self.region_phrase(style, region, level)}"
        known = self.cfg.by_name.get(norm_name(name))
        acronym = f"{unit.short} {written}" if unit else None
        if head != head_norm:  # "Sudin PKP Jakarta Barat" is its own acronym
            acronym = tk.span(s, end)
        if known is not None:
            return Mention(s, end, known.key, known.name, known.acronym, known.type, known.region, True,
                           "unit", key=known.key), (region, level, written)
        return Mention(s, end, "unit:" + norm_name(name), name, acronym, "government", region, True, "unit",
                       key=f"dinas@{norm_name(name)}"), (region, level, written)


@Language.factory("ogi_org_rules", default_config={"gazetteer_path": None, "max_tokens": MAX_NAME_TOKENS})
def make_rules_component(nlp: Language, name: str, gazetteer_path: str | None, max_tokens: int) -> "RuleComponent":
    return RuleComponent(nlp, load_config(gazetteer_path), max_tokens)


_TICKER_RE = re.compile(r"^[A-Z]{4}$")
_MARKET_RE = re.compile(r"\b(saham|IHSG|emiten|Tbk|bursa)\b")

# Heads that can open an Indonesian organisation name in a "Long Name (ACR)" definition.
_ID_HEADS = {
    "bidang", "divisi", "subdirektorat", "bagian",
    "badan", "komisi", "dinas", "lembaga", "kementerian", "asosiasi", "ikatan", "persatuan", "forum",
    "koalisi", "organisasi", "institut", "universitas", "partai", "perusahaan", "bank", "pusat", "direktorat",
    "satuan", "majelis", "dewan", "komite", "federasi", "serikat", "yayasan", "perkumpulan", "aliansi",
    "gerakan", "jaringan", "himpunan", "kesatuan", "front", "korps", "angkatan", "pasukan", "otoritas",
    "sekretariat", "kantor", "balai", "pengadilan", "kejaksaan", "kepolisian", "politeknik", "akademi",
    "sekolah", "perhimpunan", "konfederasi", "mahkamah", "panitia", "perum", "pt", "grup", "rumah", "klinik",
    "biro", "inspektorat", "detasemen", "komando", "konsorsium", "solidaritas", "paguyuban", "komunitas",
    "tentara", "kedutaan", "konsulat", "laboratorium", "pengurus", "pimpinan", "perserikatan", "lpp",
    "kelompok", "gabungan", "wahana",
}
# English heads that close a name: "Syrian Observatory for Human Rights" has one inside.
_EN_HEADS = {
    "agency", "association", "organization", "organisation", "institute", "university", "council",
    "committee", "commission", "federation", "union", "bureau", "department", "foundation", "corporation",
    "company", "inc", "ltd", "center", "centre", "fund", "bank", "network", "watch", "alliance", "party",
    "authority", "office", "ministry", "board", "society", "school", "college", "hospital", "clinic",
    "observatory", "group", "forum", "panel", "programme", "service", "movement", "league", "coalition",
}
_PLACE_CUES = {"di", "ke", "dari", "asal", "kota", "kabupaten", "provinsi", "wilayah", "daerah", "pulau",
               "kawasan", "warga", "masyarakat", "menuju", "sekitar", "kecamatan", "desa", "kampung"}
_BOARD_PREFIXES = {"DPP", "DPD", "DPW", "DPC", "PP", "PB", "PW", "PC", "PWNU", "PCNU", "Dewan Pimpinan Pusat",
                   "Dewan Pimpinan Daerah", "Dewan Pimpinan Wilayah", "Dewan Pimpinan Cabang", "Pimpinan Pusat",
                   "Pengurus Besar", "Pengurus Pusat", "Pengurus Wilayah", "Pimpinan Wilayah"}
_BOARD_EXPAND = {"DPP": "Dewan Pimpinan Pusat", "DPD": "Dewan Pimpinan Daerah", "DPW": "Dewan Pimpinan Wilayah",
                 "DPC": "Dewan Pimpinan Cabang", "PP": "Pimpinan Pusat", "PB": "Pengurus Besar",
                 "PW": "Pengurus Wilayah", "PC": "Pengurus Cabang", "PWNU": "Pengurus Wilayah",
                 "PCNU": "Pengurus Cabang"}


class RuleComponent:
    """Organisations outside the gazetteer: open heads, sub-units and "Long Name (ACR)"."""

    def __init__(self, nlp: Language, cfg: PartnerConfig, max_tokens: int):
        self.cfg = cfg
        self.max_tokens = max_tokens
        self.start_heads: dict[str, OpenHead] = {}
        self.end_heads: dict[str, OpenHead] = {}
        for h in cfg.open_heads:
            for w in h.words:
                (self.start_heads if h.position == "start" else self.end_heads)[w.lower()] = h
        self.start_matcher = _phrase_matcher(nlp, [w for h in cfg.open_heads if h.position == "start"
                                                   for w in h.words], lambda f: "START")
        self.country_matcher = _phrase_matcher(nlp, cfg.countries, lambda f: "COUNTRY")
        self.region_matcher = _phrase_matcher(nlp, [f for f, _ in cfg.regions], lambda f: "REGION")
        self.expand = dict(cfg.expand)
        self.short_forms = {f: e for e in cfg.entries for f, sh in e.surface_forms() if sh}
        self.country_names = {norm_name(c) for c in cfg.countries} | {"usa", "amerika"}
        self.keep_words = ({w for f, _ in cfg.regions for w in norm_name(f).split()} | _ID_HEADS | _EN_HEADS |
                           {w for c in cfg.countries for w in norm_name(c).split()} |
                           {"indonesia", "nasional", "republik", "internasional", "international", "national",
                            "daerah", "pusat", "umum", "negeri", "raya", "utara", "selatan", "barat", "timur",
                            "tengah", "jaya", "kota", "baru", "islam", "kristen", "katolik", "muhammadiyah"})

    # -- capitalised runs

    def name_token(self, doc: Doc, j: int, first: bool = False) -> bool:
        tk = _tk(doc)
        t = tk.words[j]
        if not t or len(t) > 30 or _HTMLISH_RE.search(t) or t in self.cfg.stop_words:
            return False
        if t[0].isdigit():  # "SMKN 1", "PT Sinar 99 Permai"; not years, times or amounts
            return not first and bool(re.fullmatch(r"\d{1,3}(/[A-Za-z]\w*)?", t))
        return t[0].isupper() or bool(_ROMAN_RE.match(t))

    def cap_run(self, doc: Doc, i: int, limit: int, comma: bool = False, allow_dan: bool = True,
                first: bool = True, stops: frozenset[int] = frozenset()) -> int:
        """End (exclusive) of the capitalised name starting at token i; a connector never leads
        into a known body (``stops``): "Partai Gerindra dan UNDP" is two bodies."""
        tk = _tk(doc)
        n = len(doc)
        j = last = i
        connectors = self.cfg.connectors if allow_dan else self.cfg.connectors - {"dan", "and"}
        while j < n and j - i < limit:
            t = tk.words[j]
            if self.name_token(doc, j, first=first and j == i):
                j += 1
                last = j
            elif j > i and j + 1 < n and t.lower() in connectors and self.name_token(doc, j + 1, first=True) \
                    and tk.lower[j + 1] not in _ID_HEADS and j + 1 not in stops:
                j += 1
            elif comma and j > i and t == "," and j + 1 < n and self.name_token(doc, j + 1, first=True) and \
                    any(tk.lower[k] == "dan" for k in range(j + 1, min(n, j + 8))):
                j += 1
            else:
                break
        # "(Persero)" and "Tbk" belong to a company's name
        if last + 2 < n and tk.words[last] == "(" and tk.words[last + 1] in ("Persero", "Perseroda") \
                and tk.words[last + 2] == ")":
            last += 3
        if last < n and tk.words[last] in ("Tbk", "Tbk."):
            last += 1
        return last

    def trim_person(self, doc: Doc, first: int, end: int) -> int:
        """Cut a person's name off the end of a run: "Satgas PKH Barita Simanjuntak".

        A Titlecase word that the article also uses on its own elsewhere (not after the same
        word) is taken as the start of a name ("... kata Barita"); place names and
        organisation words never are.
        """
        tk = _tk(doc)
        pos = tk.positions
        lower = tk.lowercase_words

        def name_like(j: int) -> bool:
            t = tk.words[j]
            # a common word ("jembatan") or a place/organisation word is not a person's name
            return t[:1].isupper() and t[1:].islower() and t.isalpha() and \
                t.lower() not in self.keep_words and t.lower() not in lower

        for j in range(first + 1, end):
            if not name_like(j):
                continue
            t, prev = tk.words[j], tk.words[j - 1]
            for p in pos.get(t, []):
                if p == 0 or tk.words[p - 1] == prev or tk.words[p - 1][:1].isupper():
                    continue
                if tk.lower[p - 1] in _PLACE_CUES:
                    continue  # "di Sumba": a place
                if p + 1 < len(doc) and tk.lower[p + 1] in self.keep_words:
                    continue  # "Salim Group": part of another name
                cut = j
                while cut - 1 >= first and name_like(cut - 1):  # "Teuku Taufikulhadi"
                    cut -= 1
                return cut
        return end

    # -- rule families

    def _region_end(self, doc: Doc) -> dict[int, int]:
        """Token index -> end of the region name starting there (longest; cached per Doc)."""
        if doc.user_data.get("ogi_regions") is None:
            ends: dict[int, int] = {}
            for _, s, e in self.region_matcher(doc):
                ends[s] = max(ends.get(s, s), e)
            doc.user_data["ogi_regions"] = ends
        return doc.user_data["ogi_regions"]

    def _country_spans(self, doc: Doc) -> list[tuple[int, int]]:
        if doc.user_data.get("ogi_countries") is None:
            doc.user_data["ogi_countries"] = [(s, e) for _, s, e in self.country_matcher(doc)]
        return doc.user_data["ogi_countries"]

    def __call__(self, doc: Doc) -> Doc:
        tk = _tk(doc)
        out = _candidates(doc)
        known = [m for m in out if m.known]
        body = _body_start(doc)
        if not _caps(doc):
            out.extend(m for m in self.open_heads(doc) if tk.idx[m.start] >= body)
        out.extend(m for m in self.definitions(doc, out) if tk.idx[m.start] >= body)
        # boards of discovered bodies, but not of guesses that run past a known name
        # ("DPP Partai Golkar Idrus Marham")
        guesses = [m for m in Resolver._drop_extended_guesses(out) if not m.known]
        out.extend(self.subunits_of(doc, known, guesses))
        return doc

    def _finish(self, doc: Doc, start: int, end: int, typ: str, source: str,
                acronym: str | None = None) -> Mention | None:
        tk = _tk(doc)
        name = clean_name(tk.span(start, end))
        if not name or len(name) > MAX_NAME_CHARS or end - start > self.max_tokens:
            return None
        if not re.search(r"[A-Za-z]{2}", name) or _HTMLISH_RE.search(name):
            return None
        words = name.split()
        if words[0] in self.expand:
            if self.expand[words[0]] != "PT" and not acronym:
                acronym = name  # "Satgas PKH" is the short form of "Satuan Tugas PKH"
            words[0] = self.expand[words[0]]
        name = expand_countries(" ".join(words))
        if norm_name(name) in self.cfg.not_orgs or norm_name(name) in self.country_names:
            return None
        if " dan " in name and norm_name(name.split(" dan ")[0]) in self.cfg.not_orgs:
            return None  # "Badan Usaha Milik Negara dan Perseroan Terbatas": a legal category
        nw = norm_name(name).split()
        if any(" ".join(nw[-k:]) in self.country_names and " ".join(nw[:-k]) in self.cfg.not_orgs
               for k in (1, 2, 3) if len(nw) > k):
            return None  # "Lembaga Swadaya Masyarakat USA": a description
        nxt = tk.words[end] if end < len(doc) else ""
        if any(w in self.cfg.event_words for w in name.split()) or nxt in self.cfg.event_words:
            return None  # "Focus Group Discussion", "Indonesia Convention Exhibition": events
        if any(norm_name(name).startswith(p) for p in self.cfg.not_org_prefixes):
            return None  # "Balai Kota DKI": a building
        entry = self.cfg.lookup(name)
        if entry is not None:
            return Mention(start, end, entry.key, entry.name, entry.acronym, entry.type, entry.region, True,
                           "gazetteer", key=entry.key, is_media=entry.type == "media")
        # a government body (or central bank) qualified by a foreign country is that country's
        if (typ == "government" or name.startswith("Bank Sentral")) and any(start <= cs and ce <= end for cs, ce in self._country_spans(doc)):
            typ = "international"
        return Mention(start, end, "unk:" + norm_name(name), name, acronym, typ, None, False, source)

    def open_heads(self, doc: Doc) -> list[Mention]:
        tk = _tk(doc)
        out = []
        n = len(doc)
        stops = frozenset(m.start for m in _candidates(doc) if m.known)
        longest: dict[int, int] = {}  # the longest head wins: "Lembaga Bantuan Hukum" over "Lembaga"
        for _, s, e in self.start_matcher(doc):
            longest[s] = max(e, longest.get(s, e))
        for s, e in sorted(longest.items()):
            head_text = tk.span(s, e)
            h = self.start_heads.get(head_text.lower())
            if h is None or not head_text[:1].isupper() or e >= n:
                continue
            if _after_landmark(doc, s, self.cfg.landmark_words):
                continue
            if any(cs <= s < ce for cs, ce in self._country_spans(doc)):
                continue  # "Amerika Serikat" is a country, not a trade union
            comma = any(head_text.startswith(c) for c in self.cfg.comma_heads)
            # company names rarely carry "dan": "Bank X dan Y Peduli" is two bodies
            end = self.cap_run(doc, e, h.max_tokens, comma=comma, allow_dan=h.type != "business", first=False,
                               stops=stops)
            if any(w in self.cfg.event_words for w in tk.words[e:end]):
                continue
            end = self.trim_person(doc, e, end)
            end = self._cut_trailing_person(doc, e, end)
            if end == e or (head_text in ("Balai", "Pusat", "Biro") and end - e < 2):
                continue
            if not any(len(w) >= 3 and w[0].isalpha() and not _ROMAN_RE.match(w) for w in tk.words[e:end]):
                continue  # "Grup B", "Komisi III": a label, not a name
            m = self._finish(doc, s, end, h.type, "open")
            if m:
                out.append(m)
        out.extend(self._english_names(doc))
        out.extend(self._coded_units(doc))
        out.extend(self._national_teams(doc))
        out.extend(self._described_names(doc))
        # foreign governments and bodies: "Pemerintah Malaysia", "Militer Israel"
        for s, e in self._country_spans(doc):
            if s == 0 or not tk.words[s][:1].isupper():
                continue
            p = s - 1
            if tk.words[p] in FOREIGN_HEADS_1 or tk.words[p] == "pemerintah":
                start = p
            elif s >= 2 and f"{tk.words[s - 2]} {tk.words[p]}" in FOREIGN_HEADS_2:
                start = s - 2
            else:
                continue
            m = self._finish(doc, start, e, "international", "open")
            if m:
                m.name = m.name[0].upper() + m.name[1:]
                out.append(m)
        return out

    def _cut_trailing_person(self, doc: Doc, first: int, end: int) -> int:
        """End a name before a person's name: one followed by a name particle ("Kepolisian Ronald
        dela Rosa"), or Titlecase words after a country ("Angkatan Udara Swiss Aldo Schellenberg")."""
        tk = _tk(doc)
        words = tk.words

        def name_like(j: int) -> bool:
            w = words[j]
            return w[:1].isupper() and w[1:].islower() and w.isalpha() and w.lower() not in self.keep_words

        if end < len(words) and tk.lower[end] in _NAME_PARTICLES:
            while end > first and name_like(end - 1):
                end -= 1
        for cs, ce in self._country_spans(doc):
            if first <= cs and ce < end and all(name_like(j) for j in range(ce, end)):
                return ce
        return end

    def _described_names(self, doc: Doc) -> list[Mention]:
        """A name right after the common noun that describes it: "perusahaan keamanan siber
        Kaspersky", "maskapai asal Vietnam, Vietjet Air", "klub Liga Inggris Everton",
        "kelompok perokok Forest", "koran Xog Ogaal". The noun sets the type."""
        tk = _tk(doc)
        words, lower = tk.words, tk.lower
        n = len(words)
        out = []
        countries = dict(self._country_spans(doc))
        for i in [i for i, w in enumerate(words) if w in _DESCRIBED_BY]:
            typ = _DESCRIBED_BY[words[i]]
            if i > 0 and lower[i - 1] in _ROLE_BEFORE:
                continue  # "presiden klub Achsanul Qosasi": a person
            j = i + 1
            # up to three lowercase describing words ("keamanan siber", "asal Vietnam,")
            while j < n and j - i <= 4:
                w = words[j]
                if lower[j] in ("asal", "dari") and j + 1 in countries:
                    j = countries[j + 1]  # "maskapai asal Vietnam, Vietjet Air"
                elif w.isalpha() and w.islower() and lower[j] not in _DESCRIPTION_STOPS and \
                        not lower[j].startswith(("me", "ber", "ter", "di")):
                    j += 1
                else:
                    break
            if j < n and words[j] == ",":
                j += 1
            if j >= n or not words[j][:1].isupper() or words[j] in self.cfg.stop_words:
                continue
            while j < n and (words[j] in _LEAGUE_WORDS or j in countries or words[j].isdigit()) and \
                    words[j][:1].isupper() | words[j].isdigit():
                j = countries.get(j, j + 1)  # "klub Liga Inggris Everton"
            if j >= n or j in countries or not words[j][:1].isupper():
                continue
            end = self.cap_run(doc, j, 5, allow_dan=False)
            end = self._cut_trailing_person(doc, j, self.trim_person(doc, j - 1, end))
            if end <= j:
                continue
            if all(w.lower() in self.keep_words or w in _GENERIC_WORDS or w.isdigit() for w in words[j:end]) or \
                    lower[j] in _PLACE_CUES:
                continue  # "perusahaan BUMN", "media Jakarta", "kelompok Desa Rembitan": a description
            m = self._finish(doc, j, end, typ, "open")
            if m is not None and not m.known:
                m.type = typ
                m.is_media = typ == "media"
                out.append(m)
        return out

    def _national_teams(self, doc: Doc) -> list[Mention]:
        """National teams: "Timnas Malaysia U-22", "Tim Nasional Panjat Tebing Indonesia"."""
        tk = _tk(doc)
        words = tk.words
        n = len(words)
        out = []
        countries = dict(self._country_spans(doc))
        for i in [i for i, w in enumerate(words) if w in ("Timnas", "Tim")]:
            j = i + 1
            if words[i] == "Tim":
                if not (j < n and words[j] == "Nasional"):
                    continue
                j += 1
            k = j
            while k < n and k - j < 3 and k not in countries and words[k] != "Indonesia" and \
                    words[k][:1].isupper() and words[k].isalpha() and words[k] not in self.cfg.stop_words:
                k += 1
            if k >= n or not (k in countries or words[k] == "Indonesia"):
                continue
            cend = countries.get(k, k + 1)
            end = cend
            if end + 2 < n and words[end] == "U" and words[end + 1] == "-" and words[end + 2].isdigit():
                end += 3
            sport = tk.span(j, k) or "Sepak Bola"
            country = _COUNTRY_SHORT.get(tk.span(k, cend), tk.span(k, cend))
            age = tk.span(cend, end).replace(" ", "")
            name = " ".join(x for x in ("Tim Nasional", sport, country, age) if x)
            written = clean_name(tk.span(i, end))
            entry = self.cfg.lookup(name)
            if entry is not None:
                out.append(Mention(i, end, entry.key, entry.name, entry.acronym, entry.type, entry.region, True,
                                   "gazetteer", key=entry.key, written_short=written))
            else:
                out.append(Mention(i, end, "team:" + norm_name(name), name, written, "other", None, True, "unit"))
        return out

    def _coded_units(self, doc: Doc) -> list[Mention]:
        """Military commands named by a number: "Korem 011/Lilawangsa", "Kodaeral IV"; and police
        sub-units named by their area: "Satlantas Jakarta Selatan"."""
        tk = _tk(doc)
        out = []
        n = len(doc)
        region_end = self._region_end(doc)
        words = tk.words
        for i in range(n - 1):
            w = words[i]
            if w not in MILITARY_UNITS and w not in SUBUNIT_PREFIXES:
                continue
            if w in MILITARY_UNITS:
                j = i + 1
                code = tk.words[j]
                if not (code[:1].isdigit() or _ROMAN_RE.match(code)):
                    continue
                end = j + 1
                if end + 1 < n and tk.words[end] == "/" and tk.words[end + 1][:1].isupper():
                    end += 2
                written = tk.span(i, end)
                name = f"{MILITARY_UNITS[w]} {tk.span(j, end)}"
                out.append(Mention(i, end, "unk:" + norm_name(name), name, written, "government", None,
                                   False, "open"))
            elif w.startswith("Sat") and i + 1 in region_end:
                end = region_end[i + 1]
                name = f"{SUBUNIT_PREFIXES[w]} {tk.span(i + 1, end)}"
                out.append(Mention(i, end, "unk:" + norm_name(name), name, tk.span(i, end), "government",
                                   None, False, "open"))
        return out

    def _english_names(self, doc: Doc) -> list[Mention]:
        """"<Capitalised words> University|Foundation|Inc.", and "University of X"."""
        tk = _tk(doc)
        out = []
        n = len(doc)
        region_end = self._region_end(doc)
        end_heads = self.end_heads
        for j in [j for j, w in enumerate(tk.lower) if w in end_heads]:
            word = tk.words[j]
            h = end_heads[word.lower()]
            if not word[:1].isupper():
                continue
            k = j
            while k > 0 and j - k < h.max_tokens:
                if self.name_token(doc, k - 1) and tk.words[k - 1] not in self.cfg.landmark_words:
                    k -= 1
                elif k >= 2 and tk.words[k - 1] in ("-", "&") and self.name_token(doc, k - 2):
                    k -= 2  # "Duke-NUS Medical School", "Ernst & Young"
                else:
                    break
            end = j + 1
            if end + 1 < n and tk.lower[end] in ("of", "for", "on") and self.name_token(doc, end + 1, first=True):
                end = self.cap_run(doc, end + 1, 5)
            elif end in region_end:  # "Mayapada Hospital Jakarta Selatan"
                end = region_end[end]
            if end - k < 2:
                continue
            m = self._finish(doc, k, end, _end_type(word), "open")
            if m:
                m.source = "open_end" if m.source == "open" else m.source
                out.append(m)
        return out

    def subunits_of(self, doc: Doc, known: list[Mention], guesses: list[Mention]) -> list[Mention]:
        """A sub-unit or board right before a body: "Komisi VIII DPR", "DPP Golkar",
        "Dewan Pimpinan Pusat (DPP) Ikatan Keluarga Minang (IKM)"."""
        tk = _tk(doc)
        out = []
        region_end = self._region_end(doc)
        for k in known + guesses:
            s = k.start
            paren_acr = None
            if s >= 3 and tk.words[s - 1] == ")":  # "Dewan Pimpinan Pusat (DPP) <body>"
                o = next((q for q in range(s - 2, max(0, s - 5), -1) if tk.words[q] == "("), None)
                if o is not None:
                    paren_acr = tk.span(o + 1, s - 1)
                    s = o
            if s == 0:
                continue
            start = None
            prev = tk.words[s - 1]
            two = f"{tk.words[s - 2]} {prev}" if s >= 2 else ""
            three = f"{tk.words[s - 3]} {two}" if s >= 3 else ""
            if three in _BOARD_PREFIXES or three in SUBUNIT_PREFIXES:
                start = s - 3
            elif two in _BOARD_PREFIXES or two in SUBUNIT_PREFIXES:
                start = s - 2
            elif prev in _BOARD_PREFIXES or prev in SUBUNIT_PREFIXES:
                start = s - 1
            elif s >= 2 and tk.words[s - 2] in ("Komisi", "Fraksi") and (_ROMAN_RE.match(prev) or
                                                                          re.fullmatch(r"[A-E]", prev)):
                start = s - 2
            if start is None or (not k.known and tk.span(start, s) not in _BOARD_PREFIXES):
                continue  # sub-units only of known bodies; boards also of discovered ones
            prefix = tk.span(start, s)
            board = prefix in _BOARD_PREFIXES
            long = _BOARD_EXPAND.get(prefix, SUBUNIT_PREFIXES.get(prefix, prefix))
            end = k.end
            name = f"{long} {k.name}"
            if board and end in region_end:  # "DPD PDIP Jatim"
                reg = tk.span(end, region_end[end])
                name = f"{name} {reg}"
                end = region_end[end]
            written = tk.span(start, end)
            if prefix == "Brimob":
                written = "Sat" + written  # "Brimob Polda Riau" is the Satbrimob
            if paren_acr:
                written = f"{paren_acr} {k.acronym or tk.span(k.start, k.end)}"
            typ = k.type if k.type != "government" or not board else "civil_society"
            # a party's or an association's board is the body itself: no separate parent
            out.append(Mention(start, end, "sub:" + norm_name(name), name, written, typ, k.region, True,
                               "subunit", parent=k, board=board))
        return out

    def definitions(self, doc: Doc, cands: list[Mention]) -> list[Mention]:
        """"Long Name (ACR)": name the acronym, or discover a body the other rules missed."""
        tk = _tk(doc)
        out = []
        n = len(doc)
        ends: dict[int, list[Mention]] = {}
        for m in cands:
            ends.setdefault(m.end, []).append(m)
        for i in [i for i, w in enumerate(tk.words) if w == "(" and 1 <= i < n - 2]:
            close = next((k for k in range(i + 2, min(n, i + 5)) if tk.words[k] == ")"), None)
            if close is None:
                continue
            acr = tk.span(i + 1, close)
            if not _ACR_RE.match(acr.replace(" ", "")) or len(acr) > 20:
                continue
            letters = [c.lower() for c in acr if c.isalpha()]
            prior = ends.get(i)
            if prior:
                best = max(prior, key=lambda m: (m.length, _PRIORITY[m.source]))
                entry = self.short_forms.get(acr)
                if not best.known and entry is not None and norm_name(best.name)[:1] == letters[0]:
                    # "Badan Pengelolaan Obat dan Makanan (BPOM)": a variant of a known body
                    out.append(Mention(best.start, best.end, entry.key, entry.name, entry.acronym, entry.type,
                                       entry.region, True, "gazetteer", key=entry.key))
                    continue
                bare = strip_legal(norm_name(best.name))  # "PT Jasamarga Transjawa Tol (JTT)"
                if not best.known and not best.acronym and letters and \
                        bare[:1] == letters[0] and _subsequence(letters, bare):
                    best.acronym = acr
                    out.extend(self._defined_subunit(doc, best, acr, close, cands))
                continue
            if _caps(doc):
                continue
            start = self._long_form(doc, i, letters)
            if start is None:
                ticker = self._ticker_company(doc, i, acr)
                if ticker is not None:
                    out.append(ticker)
                continue
            words = tk.span(start, i).replace(",", " ").split()
            if words[0].lower() not in _ID_HEADS and not ({w.lower() for w in words} & _EN_HEADS):
                # a stock code need not spell the initials ("Mora Telematika Indonesia (MORA)"); one that
                # does is a term's acronym ("Fasilitas Likuiditas Pembiayaan Perumahan (FLPP)")
                if "".join(w[0] for w in words if w[:1].isupper()) != acr:
                    ticker = self._ticker_company(doc, i, acr)
                    if ticker is not None:
                        out.append(ticker)
                continue
            entry = self.short_forms.get(acr)
            if entry is not None:  # "Badan Pengkajian dan Penerapan Teknolgi (BPPT)": a typo of a known body
                out.append(Mention(start, i, entry.key, entry.name, entry.acronym, entry.type, entry.region,
                                   True, "gazetteer", key=entry.key, is_media=entry.type == "media"))
                continue
            m = self._finish(doc, start, i, _guess_type({w.lower() for w in words}), "definition", acronym=acr)
            if m:
                out.append(m)
                out.extend(self._defined_subunit(doc, m, acr, close, cands))
        return out

    def _defined_subunit(self, doc: Doc, m: Mention, acr: str, close: int, cands: list[Mention]) -> list[Mention]:
        """"Pusat Laboratorium Forensik (Puslabfor) Bareskrim Polri", "Bidang Hubungan Masyarakat
        (Bidhumas) Polda Bali": a defined unit followed by the known body it belongs to."""
        parent = max((k for k in cands if k.known and k.start == close + 1
                      and k.source in ("gazetteer", "unit")), key=lambda k: k.length, default=None)
        if parent is None or m.known:
            return []
        name = f"{m.name} {parent.name}"
        written = f"{acr} {_tk(doc).span(parent.start, parent.end)}"
        return [Mention(m.start, parent.end, "sub:" + norm_name(name), name, written, parent.type, parent.region,
                        True, "subunit", parent=parent)]

    def _ticker_company(self, doc: Doc, paren: int, acr: str) -> Mention | None:
        """A listed company with its stock code in a market story: "Mora Telematika Indonesia (MORA)"."""
        tk = _tk(doc)
        if not _TICKER_RE.match(acr) or not _MARKET_RE.search(tk.text):
            return None
        k = paren
        while k > 0 and paren - k < 6 and self.name_token(doc, k - 1) and tk.words[k - 1] not in self.cfg.stop_words:
            k -= 1
        if paren - k < 2 or tk.words[k] in ("Saham", "Emiten", "Indeks"):
            return None
        m = self._finish(doc, k, paren, "business", "definition", acronym=acr)
        if m is not None:
            m.type = "business"
        return m

    def _long_form(self, doc: Doc, paren: int, letters: list[str]) -> int | None:
        """Start of the capitalised words before "(" whose initials spell the acronym."""
        tk = _tk(doc)
        if len(letters) < 2:
            return None
        k = paren
        while k > 0 and paren - k < 14 and (self.name_token(doc, k - 1) or
                                            ((tk.lower[k - 1] in self.cfg.connectors or tk.words[k - 1] == ",")
                                             and k - 2 >= 0 and self.name_token(doc, k - 2))):
            k -= 1
        for start in range(k, paren):
            if not self.name_token(doc, start, first=True):
                continue
            initials = [w[0].lower() for w in tk.words[start:paren] if w[:1].isalpha() and w[0].isupper()]
            if initials and initials[0] == letters[0] and _subsequence(letters, "".join(tk.lower[start:paren])):
                if len(initials) >= 2:
                    return start
            # "Partai Islam, Damai, dan Aman (Idaman)": the acronym spells the words after the head
            if tk.lower[start] in _ID_HEADS and len(initials) >= 3 and initials[1] == letters[0] and \
                    _subsequence(letters, "".join(tk.lower[start + 1:paren])):
                return start
        return None


SUBUNIT_PREFIXES = {
    "Satbrimob": "Satuan Brigade Mobil", "Satreskrim": "Satuan Reserse Kriminal",
    "Satlantas": "Satuan Lalu Lintas", "Brimob": "Satuan Brigade Mobil", "Satresnarkoba": "Satuan Reserse Narkoba",
    "Satsamapta": "Satuan Samapta", "Satpolairud": "Satuan Polisi Perairan dan Udara",
    "Ditreskrimum": "Direktorat Reserse Kriminal Umum", "Ditreskrimsus": "Direktorat Reserse Kriminal Khusus",
    "Ditresnarkoba": "Direktorat Reserse Narkoba", "Ditlantas": "Direktorat Lalu Lintas",
    "Ditpolairud": "Direktorat Kepolisian Perairan dan Udara", "Ditsamapta": "Direktorat Samapta",
    "Ditintelkam": "Direktorat Intelijen Keamanan", "Bidhumas": "Bidang Hubungan Masyarakat",
    "Bidpropam": "Bidang Profesi dan Pengamanan", "Dittipidkor": "Direktorat Tindak Pidana Korupsi",
    "Dittipideksus": "Direktorat Tindak Pidana Ekonomi Khusus", "Dittipidnarkoba": "Direktorat Tindak Pidana Narkoba",
    "Dittipidsiber": "Direktorat Tindak Pidana Siber", "Dittipidum": "Direktorat Tindak Pidana Umum",
    "Dittipidter": "Direktorat Tindak Pidana Tertentu", "Puslabfor": "Pusat Laboratorium Forensik",
    "TMC": "Traffic Management Center", "Banggar": "Badan Anggaran", "Baleg": "Badan Legislasi",
    "Pansus": "Panitia Khusus", "Panja": "Panitia Kerja", "Setjen": "Sekretariat Jenderal",
    "Itjen": "Inspektorat Jenderal", "Ditjen": "Direktorat Jenderal", "Badan Anggaran": "Badan Anggaran",
    "Badan Legislasi": "Badan Legislasi", "Badan Kehormatan": "Badan Kehormatan",
    "Mahkamah Kehormatan": "Mahkamah Kehormatan", "Bid Humas": "Bidang Hubungan Masyarakat",
    "Bid Propam": "Bidang Profesi dan Pengamanan",
}

# Common nouns that introduce a name in running text, and the type they give it.
_DESCRIBED_BY = {
    "perusahaan": "business", "maskapai": "business", "startup": "business", "produsen": "business",
    "pabrikan": "business", "emiten": "business", "korporasi": "business",
    "firma": "business", "konglomerasi": "business", "peritel": "business", "pengembang": "business",
    "klub": "other", "koran": "media", "majalah": "media", "kelompok": "other",
    "organisasi": "civil_society", "lembaga": "civil_society", "komunitas": "civil_society", "ormas": "civil_society",
    "LSM": "civil_society", "yayasan": "civil_society",
}
# Lowercase words that end the description: the name is not coming.
_DESCRIPTION_STOPS = frozenset({"yang", "dan", "atau", "ini", "itu", "tersebut", "untuk", "dengan", "pada", "ke", "dalam",
                                "oleh", "sebagai", "adalah", "akan", "telah", "sudah", "juga", "tidak", "bisa", "dapat",
                                "seperti", "serta", "karena", "agar", "saat", "para", "lain", "lainnya", "milik", "negara",
                                "swasta", "asing", "besar", "kecil", "baru", "lama", "setempat", "nasional", "daerah",
                                "arahan", "asuhan", "pimpinan", "binaan", "raksasa", "malam", "rival", "minoritas",
                                "mayoritas", "penentang", "pendukung", "musik", "dari", "di", "asal", "bernama"})
# Words before the describing noun that make the name a person's: "presiden klub X", "pemilik klub X"
_ROLE_BEFORE = frozenset({"presiden", "pemilik", "pelatih", "pimpinan", "pihak", "bos", "direktur", "ketua", "manajer",
                          "pendiri", "kepala", "juru", "anggota", "pengurus", "wakil", "sekretaris"})
_LEAGUE_WORDS = frozenset({"Liga", "Serie", "Premier", "League", "Ligue", "Bundesliga", "Eredivisie", "La", "Super",
                           "Primer", "Championship", "Divisi", "Utama"})
_GENERIC_WORDS = frozenset({"BUMN", "BUMD", "UMKM", "UKM", "Tbk", "Persero", "PT", "CV", "Indonesia", "Internasional",
                            "International", "Pemerintah", "Negara", "Nasional", "Daerah", "Swasta", "Asing", "AI", "PC",
                            "OLED", "LED", "VR", "AR", "USD", "CPO", "IHSG", "HAM", "SPPG", "Rp", "TV", "HP", "IT", "EV",
                            "BBM", "LPG", "LNG", "SDM", "SDA", "Muslim", "Islam", "Kristen", "Katolik", "Hindu", "Buddha",
                            "Pancasila", "Tanah", "Air", "Internet", "Android", "Masjid", "Pulau", "Valley", "Silicon",
                            "Perangkat", "Eropa", "Asia", "Afrika", "Amerika", "Timur", "Tengah", "Barat", "Selatan",
                            "Utara", "London", "Dolar", "Rupiah", "Cina", "Catalan"})

_NAME_PARTICLES = frozenset({"dela", "de", "del", "della", "van", "von", "bin", "binti", "dos", "da", "el"})

MILITARY_UNITS = {"Kodam": "Komando Daerah Militer", "Korem": "Komando Resor Militer",
                  "Kodim": "Komando Distrik Militer", "Koramil": "Komando Rayon Militer",
                  "Kodaeral": "Komando Daerah TNI Angkatan Laut", "Lantamal": "Pangkalan Utama TNI Angkatan Laut",
                  "Lanal": "Pangkalan TNI Angkatan Laut", "Lanud": "Pangkalan TNI Angkatan Udara",
                  "Yonif": "Batalyon Infanteri", "Brigif": "Brigade Infanteri", "Kodau": "Komando Daerah Angkatan Udara",
                  "Koopsud": "Komando Operasi Udara", "Pomdam": "Polisi Militer Kodam"}
FOREIGN_HEADS_1 = {"Pemerintah", "Militer", "Parlemen", "Kepolisian", "Kedubes", "Kongres", "Pengadilan",
                   "Senat", "Pasukan"}
FOREIGN_HEADS_2 = {"Kedutaan Besar", "Angkatan Laut", "Angkatan Darat", "Angkatan Udara", "Angkatan Bersenjata",
                   "Departemen Keuangan", "Departemen Luar", "Kementerian Pertahanan", "Bank Sentral",
                   "Mahkamah Agung", "Konsulat Jenderal"}


def _subsequence(letters: Sequence[str], text: str) -> bool:
    it = iter(text)
    return all(c in it for c in letters)


def _end_type(head: str) -> str:
    h = head.lower().rstrip(".")
    if h in ("university", "college", "school", "institute"):
        return "academic"
    if h in ("inc", "ltd", "llc", "corporation", "company", "group", "holdings", "technologies",
             "innovations", "airlines", "airways", "tbk", "bank"):
        return "business"
    if h in ("party",):
        return "political_party"
    if h in ("watch", "network", "society", "alliance", "foundation"):
        return "civil_society"
    if h in ("clinic", "hospital", "fc"):
        return "other"
    return "international"


def _guess_type(words: set[str]) -> str:
    if words & {"pengusaha", "industri", "perusahaan", "pedagang", "dagang"}:
        return "business"
    if words & {"universitas", "institut", "politeknik", "akademi", "sekolah", "university", "college", "school"}:
        return "academic"
    if words & {"pt", "perusahaan", "perum", "bank", "grup", "group", "company", "corporation", "inc", "ltd"}:
        return "business"
    if "partai" in words or "party" in words:
        return "political_party"
    if words & {"yayasan", "perkumpulan", "koalisi", "aliansi", "ikatan", "persatuan", "himpunan", "serikat",
                "federasi", "konfederasi", "gerakan", "jaringan", "perhimpunan", "lsm", "solidaritas",
                "masyarakat", "foundation", "watch", "network", "association", "asosiasi", "forum",
                "swadaya", "advokasi", "kajian", "studi", "pemantau"} or {"bantuan", "hukum"} <= words:
        # "Lembaga Bantuan Hukum ...", "Lembaga Kajian ...", "Lembaga Swadaya Masyarakat ...": NGOs
        return "civil_society"
    if words & {"agency", "organization", "organisation", "council", "commission", "fund", "programme"}:
        return "international"
    return "government"


@Language.factory("ogi_org_resolver", default_config={"gazetteer_path": None})
def make_resolver(nlp: Language, name: str, gazetteer_path: str | None) -> "Resolver":
    return Resolver(load_config(gazetteer_path))


class Resolver:
    """Pick one candidate per place and apply the codebook's counting rules."""

    def __init__(self, cfg: PartnerConfig):
        self.cfg = cfg
        self.keep_words = {w for f, _ in cfg.regions for w in norm_name(f).split()} | _ID_HEADS | _EN_HEADS

    def _attach_parents(self, doc: Doc, cands: list[Mention]) -> None:
        """An open guess that contains a known body: "Direktorat Imunisasi Kemenkes" is a sub-unit
        of Kemenkes, and "Pusat Penelitian Politik LIPI Adriana Elisabeth" ends at LIPI."""
        tk = _tk(doc)
        known = [c for c in cands if c.known and c.source in ("gazetteer", "unit")]
        for o in cands:
            if o.known or o.source not in ("open", "open_end", "definition"):
                continue
            inner = [k for k in known if o.start < k.start and k.end <= o.end]
            if not inner:
                continue
            k = max(inner, key=lambda k: (k.end, k.length))
            prefix = clean_name(tk.span(o.start, k.start))
            tail = tk.lower[k.end:o.end]
            if tail and any(w in self.keep_words for w in tail) and prefix not in ("PT", "PT.", "Perum", "Perumda"):
                continue
            words = prefix.split()
            if words and words[0] in self.cfg.expand:
                words[0] = self.cfg.expand[words[0]]
            if norm_name(prefix) in self.cfg.not_orgs:
                o.end = o.start  # "Majelis Hakim Pengadilan Negeri Bandung" is the court itself
                continue
            if norm_name(k.name).startswith(norm_name(" ".join(words)) + " ") or \
                    prefix in ("PT", "PT.", "Perum", "Perumda"):
                # "Partai PAN", "Korps Garda Revolusi Iran": the known body itself; "PT Persib
                # Bandung Bermartabat" is the company behind the known club
                o.ident, o.name, o.acronym, o.type, o.region = k.ident, k.name, k.acronym, k.type, k.region
                o.known, o.key, o.source, o.written_short = True, k.key, "gazetteer", k.written_short
                continue
            o.end = k.end
            o.type = k.type
            o.name = f"{' '.join(words)} {k.name}"
            o.acronym = o.acronym or clean_name(tk.span(o.start, o.end))
            o.ident = "sub:" + norm_name(o.name)
            o.known = True
            o.source = "subunit"
            o.parent = k

    def __call__(self, doc: Doc) -> Doc:
        cands = self._drop_extended_guesses(_candidates(doc))
        self._attach_parents(doc, cands)
        chosen: list[Mention] = []
        taken = [False] * len(doc)
        for m in sorted(cands, key=lambda m: (-m.length, -_PRIORITY[m.source], m.start)):
            if m.length <= 0 or any(taken[m.start:m.end]):
                continue
            chosen.append(m)
            for k in range(m.start, m.end):
                taken[k] = True
        chosen = self._drop_title_subunits(doc, chosen)
        # parents written inside a chosen sub-unit's name ("Komisi VIII DPR" -> DPR)
        extra = []
        for m in chosen:
            if m.parent is not None and not m.board:
                extra.append(m.parent)
            elif m.key and m.key in self.cfg.by_key and self.cfg.by_key[m.key].parent:
                parent = self.cfg.by_key[m.key].parent
                extra.extend(c for c in cands if c.key == parent and m.start <= c.start and c.end <= m.end
                             and c.length < m.length)
        chosen.extend(extra)
        chosen.extend(self._local_acronyms(doc, chosen, taken))
        chosen = self._drop_definitions(doc, chosen)
        doc._.ogi_mentions = sorted(self._drop_sources(doc, chosen), key=lambda m: m.start)
        return doc

    @staticmethod
    def _drop_definitions(doc: Doc, chosen: list[Mention]) -> list[Mention]:
        """"Komisi Pemberantasan Korupsi (KPK)" is one mention: the bracketed acronym that
        defines a name is not counted again."""
        tk = _tk(doc)
        ends = {(m.ident, m.end) for m in chosen}
        ended_at = {m.end: m for m in chosen}
        n = len(doc)
        out = []
        for m in chosen:
            bracketed = m.start >= 2 and tk.words[m.start - 1] == "(" and m.end < n and tk.words[m.end] == ")"
            if bracketed and (m.ident, m.start - 1) in ends:
                continue
            # "Koalisi Perempuan Indonesia (KPI)": the acronym of the body just named, not
            # Komisi Penyiaran Indonesia
            prev = ended_at.get(m.start - 1) if bracketed else None
            if prev is not None and prev.ident != m.ident and m.length == 1:
                continue
            out.append(m)
        return out

    def _drop_title_subunits(self, doc: Doc, chosen: list[Mention]) -> list[Mention]:
        """A sub-unit named only inside job titles ("Wakil Ketua Komisi VI DPR", "Ketua DPP
        Partai Demokrat") does not act under its own name: list its parent instead."""
        tk = _tk(doc)
        titled: dict[str, bool] = {}
        for m in chosen:
            if m.parent is None:
                continue
            before = set(tk.lower[max(0, m.start - 2):m.start])
            # a faculty named as someone's affiliation ("dosen dari Fakultas Peternakan UGM")
            affiliation = m.parent.type == "academic" and bool(before & {"dari", "di", "asal"})
            titled[m.ident] = titled.get(m.ident, True) and (bool(before & self.cfg.title_words) or affiliation)
        out = []
        for m in chosen:
            if titled.get(m.ident):
                out.append(m.parent)
            else:
                out.append(m)
        return out

    def _drop_sources(self, doc: Doc, chosen: list[Mention]) -> list[Mention]:
        """News outlets count only as actors: never the dateline's outlet, and otherwise only
        with two mentions that are not credits ("kata X kepada detikcom", "dilansir AFP")."""
        tk = _tk(doc)
        body = _body_start(doc)
        actor: Counter[str] = Counter()
        dateline: set[str] = set()
        ends = []
        for base in {0, body}:
            dash = _DATELINE_RE.search(tk.text, base, base + 90)
            ends.append((base, dash.start() if dash else base))
        for m in chosen:
            if not m.is_media:
                continue
            offset = tk.idx[m.start]
            if any(a <= offset < b for a, b in ends):
                dateline.add(m.ident)
            elif not self._is_credit(doc, m):
                actor[m.ident] += 1
        return [m for m in chosen if not m.is_media or (m.ident not in dateline and actor[m.ident] >= 2)]

    @staticmethod
    def _drop_extended_guesses(cands: list[Mention]) -> list[Mention]:
        """An open guess that runs past a known name it starts with or cuts into loses
        ("Partai Golkar Airlangga Hartarto" -> "Partai Golkar")."""
        known = [m for m in cands if m.known]

        def loses(o: Mention) -> bool:
            for k in known:
                if o.source == "open_end" and k.start == o.start and o.end - k.end >= 2:
                    continue  # "Gelora Lombok FC" is a club; "BRI Group" is still BRI
                if k.start < o.end and o.start < k.end:  # overlap
                    if k.start == o.start and o.end > k.end:
                        return True
                    if not (o.start <= k.start and k.end <= o.end):  # partial overlap
                        return True
            return False
        return [m for m in cands if m.known or not loses(m)]

    def _local_acronyms(self, doc: Doc, chosen: list[Mention], taken: list[bool]) -> list[Mention]:
        """Bare mentions of an acronym the article defined for an unknown body."""
        acr = {m.acronym: m for m in chosen if not m.known and m.acronym and " " not in m.acronym}
        out = []
        if not acr:
            return out
        for i, w in enumerate(_tk(doc).words):
            m = acr.get(w)
            if m is not None and not taken[i]:
                out.append(Mention(i, i + 1, m.ident, m.name, m.acronym, m.type, m.region, False, "local"))
        return out

    def _is_credit(self, doc: Doc, m: Mention) -> bool:
        """A credit: after a cue word, alone in brackets, or in the closing line."""
        tk = _tk(doc)
        start_char = tk.idx[m.start]
        before = tk.lower[max(0, m.start - 3):m.start]
        if any(w in self.cfg.credit_cues for w in before):
            return True
        prev = tk.words[m.start - 1] if m.start > 0 else ""
        nxt = tk.words[m.end] if m.end < len(doc) else ""
        if prev in ("(", "[") and nxt in (")", "]"):
            return True
        return len(tk.text) - start_char < 60


# ---------------------------------------------------------------------------------------- extractor

_TOKEN_RE = re.compile(r"""
 (https?://[^\s<>"]+|www\.[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+
 |\d+(?:[.,]\d+)+|[^\W\d_]+\.\d+(?:\.\d+)*
 |[^\W_]+(?:\.[^\W_]+)*\.(?:com|co\.id|id|net|org|tv|news|co|info)\b
 |(?:[A-Za-z]\.){2,}|[A-Z]\.(?=\s+[A-Z])
 |[^\W_]+(?:-[^\W_]+)+
 |'s\b
 |[@\#]?\w+(?:'\w+)*
 |\s+
 |.)
 (\ (?=\S))?
""", re.X | re.S)
_HYPHENATED_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


class OgiTokenizer:
    """A regex tokenizer for ``spacy.blank("id")``, several times faster than the default
    rule-based one and just as good for names: words, numbers ("1.500", "5,8"), web addresses
    and domains ("CNNIndonesia.com"), initials ("R.T.") are tokens, every other punctuation mark
    is its own token, and a hyphenated word stays whole only when it is a reduplication or all
    lowercase ("Bangsa-Bangsa", "sehari-hari"; "Soekarno - Hatta", "e - KTP"). Whitespace other
    than one space before a word becomes a token, as in spaCy, so ``doc.text`` is the input
    exactly. The token texts and offsets are kept on the Doc for the components (``_tk``).

    The work is done by ``re.findall`` and C-level iterators; only hyphenated words are looked at
    one by one."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        pairs = _TOKEN_RE.findall(text)
        words = [w for w, _ in pairs]
        spaces = [bool(sp) for _, sp in pairs]
        if "-" in text:
            hyph = [i for i, w in enumerate(words) if "-" in w and _HYPHENATED_RE.fullmatch(w)]
            for i in reversed(hyph):
                parts = words[i].split("-")
                if all(p.isalpha() and p.islower() for p in parts) or \
                        (len(parts) == 2 and parts[0].lower() == parts[1].lower()):
                    continue
                split = [x for k, p in enumerate(parts) for x in ((p,) if k == 0 else ("-", p))]
                words[i:i + 1] = split
                spaces[i:i + 1] = [False] * (len(split) - 1) + [spaces[i]]
        idx = [0, *itertools.accumulate(map(operator.add, map(len, words), spaces))][:-1] if words else []
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["ogi_toks"] = _Toks(text, words, idx)
        return doc

    # spaCy calls these when a pipeline is saved or loaded; the tokenizer has no state
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "OgiTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> "OgiTokenizer":
        return self


def build_nlp(gazetteer_path: str | os.PathLike | None = None) -> Language:
    """spacy.blank("id") with the fast tokenizer and the four partner components, configured by path."""
    path = str(Path(gazetteer_path).resolve()) if gazetteer_path else None
    load_config(path)  # fail early, with the file's name, on a bad gazetteer
    nlp = spacy.blank("id")
    nlp.tokenizer = OgiTokenizer(nlp.vocab)
    for comp in ("ogi_org_gazetteer", "ogi_org_units", "ogi_org_rules", "ogi_org_resolver"):
        nlp.add_pipe(comp, config={"gazetteer_path": path})
    return nlp


class PartnerExtractor:
    """Name the partner organisations of articles (codebook section 2)."""

    def __init__(self, gazetteer_path: str | os.PathLike | None = None):
        self.config = load_config(gazetteer_path)
        self.nlp = build_nlp(gazetteer_path)
        self.nlp.max_length = max(self.nlp.max_length, 2_000_000)

    @staticmethod
    def _compose(text: str, title: str) -> str:
        text = text or ""
        title = (title or "").strip()
        # IndoSum's "title" is the first sentence of the text: do not count it twice
        if not title or text.lstrip().startswith(title[:60]):
            return text
        return f"{title}\n\n{text}"

    def _prepare(self, text: str, title: str = "") -> Doc:
        """Masked text as a Doc; a prepended title is marked so open rules skip its Title Case."""
        composed = self._compose(text, title)
        doc = self.nlp.make_doc(mask_noise(composed))
        doc.user_data["ogi_body_start"] = len(composed) - len(text or "")
        return doc

    def extract(self, text: str, title: str = "") -> list[Partner]:
        """The organisations of one article, in order of first mention.

        ``first_offset`` is a character offset into ``title + "\\n\\n" + text`` when a title
        that is not the text's first sentence is given, else into ``text``.
        """
        return self.partners(self.nlp(self._prepare(text, title)))

    def extract_many(self, texts: Iterable[str | tuple[str, str]], batch_size: int = 64,
                     titles: Sequence[str] | None = None) -> list[list[Partner]]:
        """Batch extraction (nlp.pipe), one list per input in order.

        Items are texts or (text, title) pairs; ``titles`` may instead give one title per text.
        """
        items = list(texts)
        if titles is not None:
            if len(titles) != len(items):
                raise ValueError(f"{len(items)} texts but {len(titles)} titles")
            items = [(t[0] if isinstance(t, tuple) else t, ti) for t, ti in zip(items, titles)]
        prepared = (self._prepare(*t) if isinstance(t, tuple) else self._prepare(t) for t in items)
        return [self.partners(doc) for doc in self.nlp.pipe(prepared, batch_size=batch_size)]

    def mentions(self, text: str, title: str = "") -> list[Mention]:
        """Resolved mentions (for debugging and the review command)."""
        return list(self.nlp(self._prepare(text, title))._.ogi_mentions or [])

    @staticmethod
    def partners(doc: Doc) -> list[Partner]:
        """Fold a processed Doc's mentions into one Partner per organisation."""
        tk = _tk(doc)
        groups: dict[str, list[Mention]] = {}
        for m in doc._.ogi_mentions or []:
            groups.setdefault(m.ident, []).append(m)
        # "Komisi VIII" after "Komisi VIII DPR": the bare form is the same body
        forms = {ident: {norm_name(m.name) for m in ms} | {norm_name(m.acronym) for m in ms if m.acronym}
                 for ident, ms in groups.items()}
        for ident in [i for i, ms in groups.items() if not ms[0].known]:
            mine = norm_name(groups[ident][0].name)
            acr = norm_name(next((m.acronym for m in groups[ident] if m.acronym), ""))
            bare = _GROUP_WORD_RE.sub("", mine)  # "JTT Group" is the group of "JTT"
            target = next((o for o, fs in forms.items() if o != ident and o in groups and
                           (any(f.startswith(mine + " ") for f in fs) or mine in fs or (acr and acr in fs) or
                            (bare != mine and bare in fs))), None)
            if target:
                groups[target].extend(groups.pop(ident))
        # a bare "PWI" in an article about "PWI Sumenep" is that chapter (not for state bodies:
        # a bare "KPU" next to "KPU NTB" is usually the national commission)
        chapters: dict[str, str] = {}
        for ident, ms in groups.items():
            k = ms[0].key or ""
            if "@" in k and ms[0].type != "government":
                chapters.setdefault(k.split("@")[0].removeprefix("chapter:"), ident)
        for ident in list(groups):
            m0 = groups[ident][0]
            k = m0.key
            bare = all(m.written_short in (None, m.acronym) for m in groups[ident])  # not "Seknas FITRA"
            if m0.source == "gazetteer" and k in chapters and chapters[k] in groups and bare:
                groups[chapters[k]].extend(groups.pop(ident))
        out = []
        for ident, ms in groups.items():
            first = min(ms, key=lambda m: m.start)
            rep = max(ms, key=lambda m: (m.known, _PRIORITY[m.source], len(m.name)))
            shorts = [m.written_short for m in sorted(ms, key=lambda m: m.start) if m.written_short]
            acr = next((m.acronym for m in ms if m.acronym), None)
            # the usual acronym if the article writes it, else the first short form it uses
            if acr and any(w.upper() == acr.upper() for w in shorts):
                written = acr
            else:
                written = shorts[0] if shorts else None
            out.append(Partner(name=rep.name, acronym=written or acr, type=rep.type, region=rep.region,
                               mentions=len(ms), first_offset=tk.idx[first.start], known=rep.known,
                               key=rep.key if rep.known else None))
        out.sort(key=lambda p: p.first_offset)
        return out


# ---------------------------------------------------------------------------------------- review

def review_candidates(articles_texts: Iterable[str], gazetteer: str | os.PathLike | PartnerExtractor | None = None,
                      top: int = 50) -> list[dict]:
    """The most frequent organisations the gazetteer lacks, for `monitor partners review`.

    Returns dicts with ``name``, ``acronym``, ``type``, ``count`` (articles naming it),
    ``mentions`` and ``example`` (the sentence of its first mention).
    """
    ex = gazetteer if isinstance(gazetteer, PartnerExtractor) else PartnerExtractor(gazetteer)
    stats: dict[str, dict] = {}
    prepared = (ex._prepare(t) for t in articles_texts)
    for doc in ex.nlp.pipe(prepared, batch_size=64):
        for p in ex.partners(doc):
            if p.known:
                continue
            k = norm_name(p.name)
            s = stats.setdefault(k, {"name": p.name, "acronym": p.acronym, "type": p.type, "count": 0,
                                     "mentions": 0, "example": ""})
            s["count"] += 1
            s["mentions"] += p.mentions
            s["acronym"] = s["acronym"] or p.acronym
            if not s["example"]:
                text = _tk(doc).text
                a = text.rfind("\n", 0, p.first_offset) + 1
                b = text.find("\n", p.first_offset)
                line = text[a:b if b >= 0 else None]
                o = p.first_offset - a
                s["example"] = " ".join(line[max(0, o - 100): o + 140].split())
    ranked = sorted(stats.values(), key=lambda s: (-s["count"], -s["mentions"], s["name"]))
    return ranked[:top]


# ---------------------------------------------------------------------------------------- evaluation

def _norm_acr(s: str | None) -> str:
    return norm_name(s).replace(" ", "")


def orgs_match(pred: dict, gold: dict) -> bool:
    """Names equal, acronyms equal, or one's acronym is the other's name (all normalised)."""
    pn, gn = norm_name(pred.get("name")), norm_name(gold.get("name"))
    pa, ga = _norm_acr(pred.get("acronym")), _norm_acr(gold.get("acronym"))
    if pn and pn == gn:
        return True
    if pa and pa == ga:
        return True
    return bool((pa and pa == gn.replace(" ", "")) or (ga and ga == pn.replace(" ", "")))


def match_article(pred: Sequence[dict], gold: Sequence[dict]) -> list[tuple[int, int]]:
    """One-to-one greedy matching, exact name matches first; returns (pred index, gold index) pairs."""
    pairs: list[tuple[int, int]] = []
    used_p: set[int] = set()
    used_g: set[int] = set()
    for strict in (True, False):
        for i, p in enumerate(pred):
            if i in used_p:
                continue
            for j, g in enumerate(gold):
                if j in used_g:
                    continue
                ok = norm_name(p.get("name")) == norm_name(g.get("name")) if strict else orgs_match(p, g)
                if ok:
                    pairs.append((i, j))
                    used_p.add(i)
                    used_g.add(j)
                    break
    return pairs


def evaluate(gold_rows: Iterable[dict], predict_fn: Callable[[dict], Sequence[dict | Partner]]) -> dict:
    """Micro P/R/F1 of ``predict_fn(row)`` against each row's gold ``partners``.

    ``predict_fn`` gets the gold row (with whatever the caller put in it, e.g. ``text``) and
    returns Partner objects or dicts with name/acronym. The result also lists per-article errors.
    """
    tp = fp = fn = 0
    errors = []
    n = 0
    for row in gold_rows:
        n += 1
        gold = row.get("partners") or []
        pred = [p.public() if isinstance(p, Partner) else p for p in predict_fn(row)]
        pairs = match_article(pred, gold)
        tp += len(pairs)
        fp += len(pred) - len(pairs)
        fn += len(gold) - len(pairs)
        mp = {i for i, _ in pairs}
        mg = {j for _, j in pairs}
        if len(pairs) < max(len(pred), len(gold)):
            errors.append({"corpus": row.get("corpus"), "id": row.get("id"),
                           "false_positives": [p for i, p in enumerate(pred) if i not in mp],
                           "false_negatives": [g for j, g in enumerate(gold) if j not in mg]})
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"articles": n, "tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(f, 4), "errors": errors}


def split_ids(rows: Iterable[dict], dev_size: int = 150) -> dict[str, list[list[str]]]:
    """Deterministic dev/held-out split: sha256("corpus:id") ascending, the first dev_size are dev."""
    keyed = sorted(rows, key=lambda r: hashlib.sha256(f"{r['corpus']}:{r['id']}".encode()).hexdigest())
    return {"dev": [[r["corpus"], r["id"]] for r in keyed[:dev_size]],
            "heldout": [[r["corpus"], r["id"]] for r in keyed[dev_size:]]}


def load_split(path: str | os.PathLike | None = None) -> dict[str, set[tuple[str, str]]]:
    with open(Path(path) if path else DEFAULT_SPLIT, encoding="utf-8") as fh:
        data = json.load(fh)
    return {part: {tuple(k) for k in data[part]} for part in ("dev", "heldout")}


def gold_partner_rows(labels_path: str | os.PathLike, corpus_root: str | os.PathLike | None = None,
                      part: str | None = None, split_path: str | os.PathLike | None = None) -> list[dict]:
    """Gold rows with partners, joined to their article text and title (texts stay in memory)."""
    from monitor.analyse.corpus import load_corpus, read_labels

    rows = [r for r in read_labels(labels_path) if "partners" in r]
    if part:
        keep = load_split(split_path)[part]
        rows = [r for r in rows if (r["corpus"], r["id"]) in keep]
    corpus = load_corpus(corpus_root)
    out = []
    for r in rows:
        art = corpus.get((r["corpus"], r["id"]))
        if art is None:
            log.warning("gold article %s/%s not in the corpus", r["corpus"], r["id"])
            continue
        out.append({**r, "text": art.text, "title": art.title})
    return out
