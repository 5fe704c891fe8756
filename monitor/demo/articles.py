"""The articles of the demo outlet *Warta Rinjani*, read from the data files beside this module.

Everything in them is fiction written for the demo: the outlet, its reporters, the people
quoted, the villages, companies and figures. Public institutions of Nusa Tenggara Barat are
named because the monitor must recognise them, but the events are invented. No text was
copied from any real article.

Files:

- ``outlet.toml``: the site's name and tagline, feed/sitemap/listing sizes, categories,
  reporters, static pages and the deleted post (``SITE_NAME`` ... ``PAGES``, ``DELETED``);
- ``articles/<slug>.md``: one post per file, the file name being its slug. Between ``+++``
  lines, TOML front matter with the ``Article`` fields below; then the body: paragraphs of
  plain text (not Markdown; the site HTML-escapes them) separated by blank lines, a
  paragraph's lines joined with single spaces. Two markers may stand between paragraphs,
  each as a block of its own: ``<!-- baca-juga: <slug> -->`` puts a "Baca juga" link to that
  post there (``read_also``), and ``<!--nextpage-->`` starts the second page of a two-page
  article (``page_break``). Comments are ``[[comments]]`` tables (author, posted, text).
  A syndicated copy has no body: ``syndicated_from = "<slug>"`` and ``changes = [{ old = "..",
  new = ".." }, ...]``; its text is the original's with those replacements, and the fields it
  does not give are the original's, except that it has no ``read_also`` and no comments.

Rendering rules (see :mod:`monitor.demo.site`):

- ``paragraphs`` are plain text; the first gets the dateline opener
  ``"<DATELINE>, Warta Rinjani ~ "`` unless ``lead`` replaces it, and the last gets the
  editor initials, e.g. ``"(lrp/ron)"``.
- ``{hari}`` / ``{hari-1}`` in a paragraph become the Indonesian weekday of the publication
  date / of the day before, so texts stay consistent when the site's calendar is shifted.
- ``published`` is the true publication time (WITA, +08:00). ``date_style`` says how the page
  shows it: ``machine`` (JSON-LD, meta and ``<time datetime>``, plus visible text) or one of
  the text-only styles (no machine-readable date on the page at all).
- ``read_also``: (after paragraph n, counted from 1, slug of the linked article).
- ``page_break``: a two-page article; paragraphs from this index on are on ``?page=2``.
- ``charset``: ``cp1252`` pages are sent as windows-1252 bytes with no charset declared.

Which issues and organisations each article is about is NOT recorded in the data (the front
matter's ``#`` comments are notes for whoever edits the text): that is the test-only answer
key (``answer_key.json``), which the product never reads.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent
ARTICLES_DIR = DEMO_DIR / "articles"
OUTLET_FILE = DEMO_DIR / "outlet.toml"


@dataclass(frozen=True)
class Comment:
    author: str
    posted: str  # ISO 8601, +08:00
    text: str


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    category: str  # a key of CATEGORIES
    author: str  # a key of AUTHORS
    published: str  # ISO 8601 with +08:00
    paragraphs: tuple[str, ...]
    editor: str  # trailing editor initials, e.g. "(lrp/ron)"
    dateline: str = "MATARAM"
    lead: str | None = None  # replaces "<DATELINE>, Warta Rinjani ~ " (syndicated copies)
    modified: str | None = None
    date_style: str = "machine"  # machine | text_dash | text_wib | text_paren | text_pukul
    read_also: tuple[tuple[int, str], ...] = ()
    read_also_box: bool = False  # a plugin "Baca Juga" box instead of an inline paragraph
    tags: tuple[str, ...] = ()
    caption: str = ""
    page_break: int | None = None
    charset: str = "utf-8"
    slow: bool = False
    comments: tuple[Comment, ...] = ()


# ------------------------------------------------------------------------------ reading

_FRONT_MATTER = re.compile(r"\A\+\+\+\n(.*?)^\+\+\+[ \t]*\n?(.*)\Z", re.S | re.M)
_READ_ALSO = re.compile(r"<!--\s*baca-juga:\s*(\S+)\s*-->")
_PAGE_BREAK = re.compile(r"<!--\s*nextpage\s*-->")
# fields that come from the body or the file name, not from the front matter
_NOT_IN_FRONT = {"slug", "paragraphs", "read_also", "page_break"}
_FRONT_KEYS = {f.name for f in fields(Article)} - _NOT_IN_FRONT
_SYNDICATION_KEYS = {"syndicated_from", "changes"}


def read_article_file(path: Path) -> tuple[dict, str]:
    """(front matter, body text) of one article file."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    m = _FRONT_MATTER.match(text)
    if not m:
        raise ValueError(f"{path}: no +++ front matter +++ at the top")
    try:
        front = tomllib.loads(m.group(1))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: front matter: {exc}") from None
    unknown = set(front) - _FRONT_KEYS - _SYNDICATION_KEYS
    if unknown:
        raise ValueError(f"{path}: unknown front matter keys {sorted(unknown)}")
    return front, m.group(2)


def parse_body(body: str, where: object = "") -> tuple[tuple[str, ...], tuple[tuple[int, str], ...], int | None]:
    """(paragraphs, read_also, page_break) from an article body (see the module docstring)."""
    paragraphs: list[str] = []
    read_also: list[tuple[int, str]] = []
    page_break = None
    for block in re.split(r"\n[ \t]*\n", body.strip()):
        block = block.strip()
        if not block:
            continue
        if block.startswith("<!--"):
            if m := _READ_ALSO.fullmatch(block):
                read_also.append((len(paragraphs), m.group(1)))
            elif _PAGE_BREAK.fullmatch(block) and page_break is None:
                page_break = len(paragraphs)
            else:
                raise ValueError(f"{where}: unknown or repeated marker {block!r}")
            continue
        paragraphs.append(" ".join(line.strip() for line in block.split("\n")))
    return tuple(paragraphs), tuple(read_also), page_break


def _article_fields(front: dict, where: object) -> dict:
    """Front matter values as ``Article`` field values (TOML arrays become tuples)."""
    out = {k: v for k, v in front.items() if k not in _SYNDICATION_KEYS}
    for key in ("published", "modified"):
        if key in out and not isinstance(out[key], str):
            raise ValueError(f'{where}: {key}: write the time as a quoted string, "2025-11-21T10:20:00+08:00"')
    if "tags" in out:
        out["tags"] = tuple(out["tags"])
    if "comments" in out:
        try:
            out["comments"] = tuple(Comment(**c) for c in out["comments"])
        except TypeError as exc:
            raise ValueError(f"{where}: comments: {exc}") from None
    return out


def _syndicated(original: Article, changes: list[tuple[str, str]], **kw) -> Article:
    paras = []
    for p in original.paragraphs:
        for old, new in changes:
            p = p.replace(old, new)
        paras.append(p)
    if paras == list(original.paragraphs):
        raise ValueError(f"{kw.get('slug')}: the changes leave the text of {original.slug} unchanged")
    return replace(original, paragraphs=tuple(paras), read_also=(), comments=(), **kw)


def load_articles(directory: Path = ARTICLES_DIR) -> tuple[Article, ...]:
    """Every ``*.md`` post in ``directory``, newest first."""
    originals: dict[str, Article] = {}
    copies: list[tuple[Path, dict]] = []
    for path in sorted(directory.glob("*.md")):
        front, body = read_article_file(path)
        if "syndicated_from" in front:
            if body.strip():
                raise ValueError(f"{path}: a syndicated copy takes its text from the original; no body")
            copies.append((path, front))
            continue
        paragraphs, read_also, page_break = parse_body(body, path)
        try:
            art = Article(slug=path.stem, paragraphs=paragraphs, read_also=read_also, page_break=page_break,
                          **_article_fields(front, path))
        except TypeError as exc:  # a required field is missing
            raise ValueError(f"{path}: {exc}") from None
        originals[art.slug] = art
    found = list(originals.values())
    for path, front in copies:
        original = originals.get(front["syndicated_from"])
        if original is None:
            raise ValueError(f"{path}: syndicated_from {front['syndicated_from']!r}: no such article")
        changes = [(c["old"], c["new"]) for c in front.get("changes", [])]
        found.append(_syndicated(original, changes, slug=path.stem, **_article_fields(front, path)))
    return tuple(sorted(found, key=lambda a: a.published, reverse=True))


# ------------------------------------------------------------------------------ the outlet

_OUTLET = tomllib.loads(OUTLET_FILE.read_text(encoding="utf-8"))

SITE_NAME: str = _OUTLET["name"]
SITE_TAGLINE: str = _OUTLET["tagline"]

CATEGORIES: dict[str, str] = dict(_OUTLET["categories"])
AUTHORS: dict[str, str] = dict(_OUTLET["authors"])

# Static WordPress pages (listed in page-sitemap.xml, linked from the footer): not news.
PAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    slug: (page["title"], tuple(page["paragraphs"])) for slug, page in _OUTLET["pages"].items()
}

# A post that was deleted after the sitemap cache was built: listed in post-sitemap.xml, 404.
DELETED: tuple[str, str] = (_OUTLET["deleted"]["slug"], _OUTLET["deleted"]["lastmod"])

FEED_SIZE: int = _OUTLET["feed_size"]  # /feed/ lists the newest 15 posts
NEWS_SITEMAP_SIZE: int = _OUTLET["news_sitemap_size"]  # /news-sitemap.xml lists the newest 10
SITEMAP_SIZE: int = _OUTLET["sitemap_size"]  # the sitemap plugin's "max entries"
PER_PAGE: int = _OUTLET["per_page"]  # posts per listing page

ARTICLES: tuple[Article, ...] = load_articles()
"""All posts, newest first."""
