"""The demo site *Warta Rinjani* rendered in memory: every page, feed and sitemap as bytes.

``DemoSite(base_url).lookup(path)`` gives the ``Resource`` to send for a request path; the
HTTP server in :mod:`monitor.demo.site` only sends it. Pages are built once, from the article
data of :mod:`monitor.demo.articles` and the templates below, with every absolute URL
pointing at ``base_url``. Static assets (CSS, logo, image, sitemap XSL) are files under
``monitor/demo/site/``.
"""

from __future__ import annotations

import hashlib
import html
import json
import mimetypes
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from monitor.demo import articles as data
from monitor.demo.articles import Article

STATIC_DIR = Path(__file__).resolve().parent / "site"
WITA = timezone(timedelta(hours=8), "WITA")
WIB = timezone(timedelta(hours=7), "WIB")
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]
HTML_TYPE = "text/html; charset=UTF-8"
LOGO = "/wp-content/uploads/warta-rinjani-logo.svg"
IMAGE = "/wp-content/uploads/warta-rinjani-og.png"
STYLE = "/wp-content/themes/warta-rinjani/style.css"
PAGES_DATE = "2025-01-15T09:00:00+08:00"  # when the static pages were last edited


# ------------------------------------------------------------------------------ date helpers

def _long_date(dt: datetime) -> str:
    return f"{HARI[dt.weekday()]}, {dt.day} {BULAN[dt.month - 1]} {dt.year}"


def _short_date(dt: datetime) -> str:
    return f"{dt.day} {BULAN[dt.month - 1]} {dt.year}"


def _utc_iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat(timespec="seconds")


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# ------------------------------------------------------------------------------ posts

@dataclass
class Post:
    """One article as served: the data plus its id, URL and (possibly shifted) dates."""

    art: Article
    post_id: int
    rank: int  # 0 = newest
    url: str
    path: str
    published: datetime
    modified: datetime

    @property
    def machine_dated(self) -> bool:
        return self.art.date_style == "machine"

    def shown_date(self) -> str:
        """The publication date as the page shows it to readers."""
        dt, style = self.published, self.art.date_style
        if style in ("machine", "text_dash"):
            return f"{_long_date(dt)} - {dt:%H:%M} WITA"
        if style == "text_wib":
            w = dt.astimezone(WIB)
            return f"{_long_date(w)} | {w:%H:%M} WIB"
        if style == "text_paren":
            return f"{HARI[dt.weekday()]} ({dt.day}/{dt.month}/{dt.year})"
        if style == "text_pukul":
            return f"{_short_date(dt)} pukul {dt:%H.%M} WITA"
        raise ValueError(f"unknown date_style {style!r}")

    def paragraphs(self) -> list[str]:
        """The paragraph texts with weekdays filled in, the opener and the editor initials."""
        today = HARI[self.published.weekday()]
        before = HARI[(self.published.weekday() - 1) % 7]
        out = [p.replace("{hari}", today).replace("{hari-1}", before) for p in self.art.paragraphs]
        out[-1] = f"{out[-1]} {self.art.editor}"
        return out

    def opener(self) -> str:
        return self.art.lead if self.art.lead is not None else f"{self.art.dateline}, {data.SITE_NAME} ~ "

    def word_count(self) -> int:
        return len(self.opener().split()) + sum(len(p.split()) for p in self.paragraphs())

    def excerpt(self, words: int = 40) -> str:
        first = (self.opener() + self.paragraphs()[0]).split()
        return " ".join(first[:words]) + (" […]" if len(first) > words else "")


# ------------------------------------------------------------------------------ resources

@dataclass
class Resource:
    """A prepared answer: status, body bytes, content type and caching metadata."""

    body: bytes
    content_type: str | None = HTML_TYPE
    status: int = 200
    location: str | None = None
    last_modified: datetime | None = None
    conditional: bool = False  # send ETag/Last-Modified and honour If-None-Match/-Modified-Since
    slow: bool = False
    etag: str = field(init=False, default="")

    def __post_init__(self) -> None:
        if self.conditional:
            self.etag = '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'


class DemoSite:
    """The rendered site for one origin: ``lookup(path)`` gives the Resource to send."""

    def __init__(self, base_url: str, newest: date | None = None):
        self.base = base_url.rstrip("/")
        newest_art = data.ARTICLES[0]
        shift = timedelta(0)
        if newest is not None:
            shift = timedelta(days=(newest - datetime.fromisoformat(newest_art.published).date()).days)
        self.shift = shift
        ordered = sorted(data.ARTICLES, key=lambda a: a.published)
        ids = {a.slug: 20480 + 13 * i for i, a in enumerate(ordered)}
        self.posts: list[Post] = []
        for rank, a in enumerate(data.ARTICLES):
            pub = datetime.fromisoformat(a.published).astimezone(WITA) + shift
            mod = datetime.fromisoformat(a.modified).astimezone(WITA) + shift if a.modified else pub
            self.posts.append(Post(a, ids[a.slug], rank, f"{self.base}/{a.slug}/", f"/{a.slug}/", pub, mod))
        self.by_slug = {p.art.slug: p for p in self.posts}
        self.by_id = {p.post_id: p for p in self.posts}
        self.today = self.posts[0].published  # the site's "now", shown in the header
        self.pages_date = datetime.fromisoformat(PAGES_DATE).astimezone(WITA) + shift
        self.deleted_path = f"/{data.DELETED[0]}/"
        self.deleted_modified = datetime.fromisoformat(data.DELETED[1]).astimezone(WITA) + shift
        self.routes: dict[str, Resource] = {}
        self._build()

    # ---------------------------------------------------------------- membership

    def feed_posts(self) -> list[Post]:
        return self.posts[: data.FEED_SIZE]

    def sitemap_posts(self) -> list[Post]:
        return self.posts[: data.SITEMAP_SIZE]

    def news_sitemap_posts(self) -> list[Post]:
        return self.posts[: data.NEWS_SITEMAP_SIZE]

    # ---------------------------------------------------------------- lookup

    def lookup(self, raw_path: str) -> Resource:
        parts = urlsplit(raw_path)
        path = unquote(parts.path) or "/"
        query = parse_qs(parts.query)
        if path == "/" and query.get("p", [""])[0].isdigit():
            post = self.by_id.get(int(query["p"][0]))
            if post:
                return Resource(b"", None, 301, location=post.url)
        if query.get("page") == ["2"] and path + "?page=2" in self.routes:
            return self.routes[path + "?page=2"]
        if path in self.routes:
            return self.routes[path]
        if not path.endswith("/") and path + "/" in self.routes:
            target = self.base + quote(path + "/") + (f"?{parts.query}" if parts.query else "")
            return Resource(b"", None, 301, location=target)
        static = self._static(path)
        return static if static is not None else self.routes["__404__"]

    def _static(self, path: str) -> Resource | None:
        if not (path.startswith("/wp-content/") or path in ("/main-sitemap.xsl", "/favicon.ico")):
            return None
        file = (STATIC_DIR / path.lstrip("/")).resolve()
        if STATIC_DIR not in file.parents or not file.is_file():
            return None
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if file.suffix == ".xsl":
            kind = "text/xsl"
        if kind.startswith("text/") or kind.endswith(("xml", "svg+xml")):
            kind += "; charset=UTF-8"
        modified = datetime.fromtimestamp(int(file.stat().st_mtime), timezone.utc)
        return Resource(file.read_bytes(), kind, last_modified=modified, conditional=True)

    # ---------------------------------------------------------------- build

    def _build(self) -> None:
        r = self.routes
        for post in self.posts:
            if post.art.page_break:
                r[post.path] = self._article(post, page=1)
                r[post.path + "?page=2"] = self._article(post, page=2)
            else:
                r[post.path] = self._article(post)
        for slug, (title, paras) in data.PAGES.items():
            r[f"/{slug}/"] = self._static_page(slug, title, paras)
        self._archive("/", self.posts, title=None, kind="home")
        for cat, name in data.CATEGORIES.items():
            posts = [p for p in self.posts if p.art.category == cat]
            self._archive(f"/category/{cat}/", posts, title=f"Kategori: {name}", kind="category")
        for slug, name in data.AUTHORS.items():
            posts = [p for p in self.posts if p.art.author == slug]
            if posts:
                self._archive(f"/author/{slug}/", posts, title=f"Penulis: {name}", kind="author")
        tags: dict[str, tuple[str, list[Post]]] = {}
        for p in self.posts:
            for t in p.art.tags:
                tags.setdefault(_slugify(t), (t, []))[1].append(p)
        for slug, (name, posts) in tags.items():
            self._archive(f"/tag/{slug}/", posts, title=f"Tag: {name}", kind="tag")
        r["/feed/"] = self._feed()
        r["/sitemap_index.xml"] = self._sitemap_index()
        r["/post-sitemap.xml"] = self._post_sitemap()
        r["/page-sitemap.xml"] = self._page_sitemap()
        r["/news-sitemap.xml"] = self._news_sitemap()
        r["/robots.txt"] = self._robots()
        r["__404__"] = Resource(self._not_found().encode("utf-8"), status=404)

    # ---------------------------------------------------------------- page pieces

    def _u(self, path: str) -> str:
        return self.base + path

    def _head(self, title: str, *, description: str, canonical: str, og_type: str = "website",
              extra: str = "", charset: bool = True) -> str:
        e = html.escape
        meta_charset = '<meta charset="UTF-8">\n' if charset else ""
        return f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
{meta_charset}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<meta name="description" content="{e(description)}">
<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1">
<link rel="canonical" href="{e(canonical)}">
<meta property="og:locale" content="id_ID">
<meta property="og:type" content="{og_type}">
<meta property="og:title" content="{e(title)}">
<meta property="og:description" content="{e(description)}">
<meta property="og:url" content="{e(canonical)}">
<meta property="og:site_name" content="{data.SITE_NAME}">
<meta property="og:image" content="{self._u(IMAGE)}">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta name="twitter:card" content="summary_large_image">
{extra}<link rel="alternate" type="application/rss+xml" title="{data.SITE_NAME} &raquo; Feed" href="{self._u('/feed/')}">
<link rel="stylesheet" id="warta-style-css" href="{self._u(STYLE)}" media="all">
<link rel="icon" href="{self._u(LOGO)}" type="image/svg+xml">
</head>
"""

    def _header(self) -> str:
        e = html.escape
        menu = "".join(f'<li class="menu-item"><a href="{self._u(f"/category/{c}/")}">{e(n)}</a></li>'
                       for c, n in data.CATEGORIES.items())
        trending = "".join(f'<a class="td-trending-now-post" href="{p.url}">{e(p.art.title)}</a>'
                           for p in self.posts[:3])
        return f"""<div id="page" class="site td-theme-wrap">
<div class="td-header-top-menu">
<span class="td-header-date">{_long_date(self.today)}</span>
<ul class="top-header-menu"><li><a href="{self._u('/tentang-kami/')}">Tentang Kami</a></li><li><a href="{self._u('/redaksi/')}">Redaksi</a></li><li><a href="{self._u('/pedoman-media-siber/')}">Pedoman Media Siber</a></li></ul>
</div>
<header id="masthead" class="site-header td-header-wrap">
<div class="site-branding td-logo-wrap"><a href="{self._u('/')}" rel="home"><img class="td-retina-data" src="{self._u(LOGO)}" alt="{data.SITE_NAME}" width="272" height="60"></a>
<p class="site-description">{data.SITE_TAGLINE}</p></div>
<nav id="site-navigation" class="main-navigation td-header-menu-wrap"><ul id="primary-menu" class="menu"><li class="menu-item menu-item-home"><a href="{self._u('/')}">Beranda</a></li>{menu}</ul>
<form role="search" method="get" class="search-form" action="{self._u('/')}"><label><span class="screen-reader-text">Cari:</span><input type="search" class="search-field" placeholder="Cari berita &hellip;" name="s"></label><button type="submit" class="search-submit">Cari</button></form></nav>
<div class="td-trending-now-wrapper"><span class="td-trending-now-title">Terkini</span>{trending}</div>
</header>
<div id="content" class="site-content td-container">
"""

    def _sidebar(self) -> str:
        e = html.escape
        recent = "".join(f'<li><a href="{p.url}">{e(p.art.title)}</a> <span class="post-date">{_short_date(p.published)}</span></li>'
                         for p in self.posts[:5])
        popular_slugs = ["kejari-lombok-timur-tetapkan-kepala-desa-tersangka-korupsi-dana-desa-rp11-miliar",
                         "menelusuri-ayam-taliwang-kuliner-pedas-yang-jadi-buruan-wisatawan-di-mataram",
                         "tambang-emas-ilegal-di-sekotong-kembali-marak-warga-khawatir-merkuri-cemari-sungai",
                         "ribuan-warga-padati-festival-gendang-beleq-di-praya"]
        popular = "".join(f'<li><a href="{self.by_slug[s].url}">{e(self.by_slug[s].art.title)}</a></li>'
                          for s in popular_slugs)
        cats = "".join(
            f'<li class="cat-item"><a href="{self._u(f"/category/{c}/")}">{e(n)}</a> '
            f'({sum(p.art.category == c for p in self.posts)})</li>' for c, n in data.CATEGORIES.items())
        return f"""<aside id="secondary" class="widget-area td-ss-main-sidebar">
<section class="widget widget_recent_entries"><h2 class="widget-title">Berita Terbaru</h2><ul>{recent}</ul></section>
<section class="widget widget_popular_posts"><h2 class="widget-title">Terpopuler</h2><ol>{popular}</ol></section>
<section class="widget widget_categories"><h2 class="widget-title">Kategori</h2><ul>{cats}</ul></section>
<section class="widget widget_text"><div class="textwidget"><p>Kirim rilis dan informasi ke redaksi@contoh.invalid</p></div></section>
</aside>
"""

    def _footer(self) -> str:
        return f"""</div><!-- #content -->
<footer id="colophon" class="site-footer td-footer-wrap">
<div class="footer-widgets"><p><strong>{data.SITE_NAME}</strong> &mdash; {data.SITE_TAGLINE}. Media daring fiktif yang dibuat untuk demonstrasi ogi-monitor; semua berita dan tokoh di dalamnya rekaan.</p></div>
<nav class="footer-navigation"><a href="{self._u('/tentang-kami/')}">Tentang Kami</a> | <a href="{self._u('/redaksi/')}">Redaksi</a> | <a href="{self._u('/pedoman-media-siber/')}">Pedoman Media Siber</a> | <a href="{self._u('/feed/')}">RSS</a></nav>
<div class="site-info">&copy; {self.today.year} {data.SITE_NAME}. Hak cipta dilindungi.</div>
</footer>
</div><!-- #page -->
</body>
</html>
"""

    def _share(self, post: Post, where: str) -> str:
        u, t = quote(post.url, safe=""), quote(post.art.title, safe="")
        return f"""<div class="td-post-sharing td-post-sharing-{where}"><span class="td-post-share-title">Bagikan:</span>
<a class="td-social-sharing-button td-social-facebook" href="https://www.facebook.com/sharer.php?u={u}" rel="nofollow">Facebook</a>
<a class="td-social-sharing-button td-social-twitter" href="https://twitter.com/intent/tweet?text={t}&amp;url={u}" rel="nofollow">Twitter</a>
<a class="td-social-sharing-button td-social-whatsapp" href="https://api.whatsapp.com/send?text={t}%20{u}" rel="nofollow">WhatsApp</a>
<a class="td-social-sharing-button td-social-telegram" href="https://t.me/share/url?url={u}" rel="nofollow">Telegram</a>
<a class="td-social-sharing-button td-social-copy" href="#" data-url="{html.escape(post.url)}">Salin Tautan</a></div>
"""

    def _jsonld(self, post: Post) -> str:
        a, url = post.art, post.url
        cat_name = data.CATEGORIES[a.category]
        graph: list[dict] = []
        if post.machine_dated:
            graph += [
                {"@type": "NewsArticle", "@id": url + "#article", "isPartOf": {"@id": url},
                 "author": {"name": data.AUTHORS[a.author], "@id": self._u(f"/#/schema/person/{a.author}")},
                 "headline": a.title, "datePublished": post.published.isoformat(),
                 "dateModified": post.modified.isoformat(), "mainEntityOfPage": {"@id": url},
                 "wordCount": post.word_count(), "publisher": {"@id": self._u("/#organization")},
                 "image": {"@id": url + "#primaryimage"}, "thumbnailUrl": self._u(IMAGE),
                 "keywords": list(a.tags), "articleSection": [cat_name], "inLanguage": "id"},
                {"@type": "WebPage", "@id": url, "url": url, "name": f"{a.title} - {data.SITE_NAME}",
                 "isPartOf": {"@id": self._u("/#website")}, "datePublished": post.published.isoformat(),
                 "dateModified": post.modified.isoformat(), "breadcrumb": {"@id": url + "#breadcrumb"},
                 "inLanguage": "id"},
                {"@type": "ImageObject", "@id": url + "#primaryimage", "url": self._u(IMAGE),
                 "width": 1200, "height": 630, "caption": a.caption},
                {"@type": "Person", "@id": self._u(f"/#/schema/person/{a.author}"),
                 "name": data.AUTHORS[a.author], "url": self._u(f"/author/{a.author}/")},
            ]
        graph += [
            {"@type": "BreadcrumbList", "@id": url + "#breadcrumb", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Beranda", "item": self._u("/")},
                {"@type": "ListItem", "position": 2, "name": cat_name, "item": self._u(f"/category/{a.category}/")},
                {"@type": "ListItem", "position": 3, "name": a.title}]},
            {"@type": "WebSite", "@id": self._u("/#website"), "url": self._u("/"), "name": data.SITE_NAME,
             "description": data.SITE_TAGLINE, "publisher": {"@id": self._u("/#organization")},
             "inLanguage": "id"},
            {"@type": "Organization", "@id": self._u("/#organization"), "name": data.SITE_NAME,
             "url": self._u("/"), "logo": {"@type": "ImageObject", "url": self._u(LOGO)}},
        ]
        text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
        return '<script type="application/ld+json" class="yoast-schema-graph">' + text.replace("</", "<\\/") + "</script>\n"

    def _read_also(self, post: Post, slug: str) -> str:
        target = self.by_slug[slug]
        title = html.escape(target.art.title)
        if post.art.read_also_box:
            return (f'<div class="baca-juga"><span class="baca-juga-title">Baca Juga</span>'
                    f'<ul><li><a href="{target.url}">{title}</a></li></ul></div>\n')
        return f'<p><strong>BACA JUGA:</strong> <a href="{target.url}">{title}</a></p>\n'

    def _related(self, post: Post) -> str:
        e = html.escape
        same = [p for p in self.posts if p.art.category == post.art.category and p is not post]
        others = [p for p in self.posts if p not in same and p is not post]
        chosen = (same + others)[:3]
        items = "".join(
            f'<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title"><a href="{p.url}">{e(p.art.title)}</a></h4>'
            f'<p class="jp-relatedposts-post-date">{_short_date(p.published)}</p>'
            f'<p class="jp-relatedposts-post-context">Dalam &quot;{e(data.CATEGORIES[p.art.category])}&quot;</p></div>'
            for p in chosen)
        return (f'<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Terkait</em></h3>'
                f'<div class="jp-relatedposts-items">{items}</div></div>\n')

    def _comments(self, post: Post) -> str:
        e = html.escape
        items = ""
        for i, c in enumerate(post.art.comments, 1):
            posted = datetime.fromisoformat(c.posted).astimezone(WITA) + self.shift
            cid = post.post_id * 10 + i
            items += (f'<li id="comment-{cid}" class="comment even depth-1"><article class="comment-body">'
                      f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{e(c.author)}</b> '
                      f'<span class="says">berkata:</span></div><div class="comment-metadata"><a href="{post.url}#comment-{cid}">'
                      f'<time datetime="{posted.isoformat()}">{_short_date(posted)} pukul {posted:%H.%M}</time></a></div></footer>'
                      f'<div class="comment-content"><p>{e(c.text)}</p></div></article></li>\n')
        n = len(post.art.comments)
        listing = (f'<h2 class="comments-title">{n} Komentar</h2>\n<ol class="comment-list">\n{items}</ol>\n' if n else "")
        return f"""<div id="comments" class="comments-area">
{listing}<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan</h3>
<form action="{self._u('/wp-comments-post.php')}" method="post" id="commentform" class="comment-form">
<p class="comment-notes">Alamat email Anda tidak akan dipublikasikan.</p>
<p class="comment-form-comment"><label for="comment">Komentar</label><textarea id="comment" name="comment" rows="6"></textarea></p>
<p class="comment-form-author"><label for="author">Nama</label><input id="author" name="author" type="text"></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Kirim Komentar"><input type="hidden" name="comment_post_ID" value="{post.post_id}"></p>
</form></div>
</div>
"""

    # ---------------------------------------------------------------- articles

    def _article(self, post: Post, page: int | None = None) -> Resource:
        e, a = html.escape, post.art
        paras = post.paragraphs()
        first_index = 0
        if page is not None:
            cut = a.page_break
            paras = paras[:cut] if page == 1 else paras[cut:]
            first_index = 0 if page == 1 else cut
        canonical = post.url if page in (None, 1) else post.url + "?page=2"
        title = a.title if page in (None, 1) else f"{a.title} - Halaman 2"
        cat_name = data.CATEGORIES[a.category]
        extra = f'<meta name="author" content="{e(data.AUTHORS[a.author])}">\n'
        extra += f'<meta property="article:section" content="{e(cat_name)}">\n'
        for t in a.tags:
            extra += f'<meta property="article:tag" content="{e(t)}">\n'
        if post.machine_dated:
            extra += f'<meta property="article:published_time" content="{post.published.isoformat()}">\n'
            if post.modified != post.published:
                extra += f'<meta property="article:modified_time" content="{post.modified.isoformat()}">\n'
        if page == 1:
            extra += f'<link rel="next" href="{e(post.url)}?page=2">\n'
        elif page == 2:
            extra += f'<link rel="prev" href="{e(post.url)}">\n'
        extra += f'<link rel="shortlink" href="{self._u(f"/?p={post.post_id}")}">\n'
        extra += self._jsonld(post)
        head = self._head(f"{title} - {data.SITE_NAME}", description=post.excerpt(25), canonical=canonical,
                          og_type="article", extra=extra, charset=a.charset.lower() == "utf-8")

        if post.machine_dated:
            date_html = (f'<time class="entry-date published" datetime="{post.published.isoformat()}">'
                         f'{post.shown_date()}</time>')
            if post.modified != post.published:
                date_html += (f' <time class="updated" datetime="{post.modified.isoformat()}">(Diperbarui: '
                              f'{_long_date(post.modified)} - {post.modified:%H:%M} WITA)</time>')
        else:
            date_html = f'<span class="entry-date">{post.shown_date()}</span>'
        byline = (f'<span class="byline td-post-author-name">Penulis: <span class="author vcard">'
                  f'<a class="url fn n" href="{self._u(f"/author/{a.author}/")}">{e(data.AUTHORS[a.author])}</a></span></span>')

        body = ""
        if first_index == 0:
            body += (f'<figure class="wp-block-image size-large"><img src="{self._u(IMAGE)}" alt="{e(a.caption)}" '
                     f'width="1200" height="630"><figcaption class="wp-element-caption">{e(a.caption)} '
                     f'(Foto: {data.SITE_NAME}/{e(data.AUTHORS[a.author])})</figcaption></figure>\n')
        after = dict(a.read_also)
        for i, text in enumerate(paras, start=first_index):
            opener = ""
            if i == 0:
                opener = (e(a.lead) if a.lead is not None
                          else f"<strong>{e(a.dateline)}, {data.SITE_NAME}</strong> ~ ")
            body += f"<p>{opener}{e(text)}</p>\n"
            if i + 1 in after:
                body += self._read_also(post, after[i + 1])
        if page == 1:
            body += (f'<div class="page-links">Halaman: <span class="post-page-numbers current" aria-current="page">1</span> '
                     f'<a href="{e(post.url)}?page=2" class="post-page-numbers">2</a> '
                     f'<a href="{e(post.url)}?page=2" class="post-page-numbers next" rel="next">Halaman 2 &raquo;</a></div>\n')
        elif page == 2:
            body += (f'<div class="page-links">Halaman: <a href="{e(post.url)}" class="post-page-numbers" rel="prev">1</a> '
                     f'<span class="post-page-numbers current" aria-current="page">2</span></div>\n')
        body += ('<div class="printfriendly pf-button pf-alignleft"><a href="#" rel="nofollow" '
                 'onclick="window.print(); return false;" title="Cetak, PDF &amp; Email">'
                 '<span class="pf-print">Cetak</span> | <span class="pf-pdf">Simpan Sebagai PDF</span></a></div>\n')
        body += self._related(post)
        tags = ", ".join(f'<a href="{self._u(f"/tag/{_slugify(t)}/")}" rel="tag">{e(t)}</a>' for t in a.tags)

        page_html = head + f"""<body class="post-template-default single single-post postid-{post.post_id} single-format-standard td-standard-pack">
{self._header()}<div class="td-crumb-container"><div class="entry-crumbs"><a href="{self._u('/')}">Beranda</a> &raquo; <a href="{self._u(f'/category/{a.category}/')}">{e(cat_name)}</a></div></div>
<div class="td-main-content-wrap">
<main id="main" class="site-main td-ss-main-content">
<article id="post-{post.post_id}" class="post-{post.post_id} post type-post status-publish format-standard has-post-thumbnail category-{a.category}">
<header class="entry-header td-post-title">
<ul class="td-category"><li class="entry-category"><a href="{self._u(f'/category/{a.category}/')}">{e(cat_name)}</a></li></ul>
<h1 class="entry-title">{e(title)}</h1>
<div class="entry-meta td-module-meta-info"><span class="posted-on td-post-date">{date_html}</span> {byline}</div>
</header>
{self._share(post, "top")}<div class="entry-content td-post-content tagdiv-type">
{body}</div>
<footer class="entry-footer"><span class="tags-links">Tag: {tags}</span></footer>
{self._share(post, "bottom")}<div class="author-box-wrap"><div class="desc"><span class="td-author-name">{e(data.AUTHORS[a.author])}</span> adalah jurnalis {data.SITE_NAME}.</div></div>
</article>
<nav class="navigation post-navigation"><div class="nav-links">{self._neighbours(post)}</div></nav>
{self._comments(post)}</main>
{self._sidebar()}</div>
{self._footer()}"""
        encoding = a.charset.lower()
        body_bytes = page_html.encode(encoding)  # strict: the cp1252 page must be cp1252 throughout
        content_type = HTML_TYPE if encoding == "utf-8" else "text/html"
        return Resource(body_bytes, content_type, slow=a.slow and page in (None, 1))

    def _neighbours(self, post: Post) -> str:
        e, out = html.escape, ""
        if post.rank + 1 < len(self.posts):
            older = self.posts[post.rank + 1]
            out += f'<div class="nav-previous"><a href="{older.url}" rel="prev">&laquo; {e(older.art.title)}</a></div>'
        if post.rank > 0:
            newer = self.posts[post.rank - 1]
            out += f'<div class="nav-next"><a href="{newer.url}" rel="next">{e(newer.art.title)} &raquo;</a></div>'
        return out

    def _static_page(self, slug: str, title: str, paras: tuple[str, ...]) -> Resource:
        e = html.escape
        url = self._u(f"/{slug}/")
        head = self._head(f"{title} - {data.SITE_NAME}", description=paras[0][:150], canonical=url)
        body = "".join(f"<p>{e(p)}</p>\n" for p in paras)
        page = head + f"""<body class="page-template-default page">
{self._header()}<main id="main" class="site-main">
<article class="page type-page status-publish"><header class="entry-header"><h1 class="entry-title">{e(title)}</h1></header>
<div class="entry-content">
{body}</div></article></main>
{self._sidebar()}{self._footer()}"""
        return Resource(page.encode("utf-8"))

    # ---------------------------------------------------------------- archives

    def _archive(self, base_path: str, posts: list[Post], title: str | None, kind: str) -> None:
        e = html.escape
        per = data.PER_PAGE
        pages = max(1, -(-len(posts) // per))

        def page_path(n: int) -> str:
            return base_path if n == 1 else f"{base_path}page/{n}/"

        for n in range(1, pages + 1):
            chunk = posts[(n - 1) * per: n * per]
            items = ""
            for p in chunk:
                if p.machine_dated:
                    d = f'<time class="entry-date published" datetime="{p.published.isoformat()}">{p.shown_date()}</time>'
                else:
                    d = f'<span class="entry-date">{p.shown_date()}</span>'
                items += f"""<article id="post-{p.post_id}" class="post-{p.post_id} post type-post status-publish format-standard has-post-thumbnail category-{p.art.category} td_module_wrap">
<div class="post-thumbnail td-module-thumb"><a href="{p.url}" title="{e(p.art.title)}"><img src="{self._u(IMAGE)}" alt="" width="300" height="158" loading="lazy"></a></div>
<header class="entry-header"><h2 class="entry-title td-module-title"><a href="{p.url}" rel="bookmark">{e(p.art.title)}</a></h2>
<div class="entry-meta td-editor-date"><span class="posted-on">{d}</span> <span class="byline">oleh <span class="author vcard"><a class="url fn n" href="{self._u(f'/author/{p.art.author}/')}">{e(data.AUTHORS[p.art.author])}</a></span></span></div></header>
<div class="entry-summary td-excerpt"><p>{e(p.excerpt())}</p></div>
</article>
"""
            nav = ""
            if pages > 1:
                links = []
                if n > 1:
                    links.append(f'<a class="prev page-numbers" href="{self._u(page_path(n - 1))}">&laquo; Sebelumnya</a>')
                for k in range(1, pages + 1):
                    if k == n:
                        links.append(f'<span aria-current="page" class="page-numbers current">{k}</span>')
                    else:
                        links.append(f'<a class="page-numbers" href="{self._u(page_path(k))}">{k}</a>')
                if n < pages:
                    links.append(f'<a class="next page-numbers" href="{self._u(page_path(n + 1))}">Berikutnya &raquo;</a>')
                nav = f'<nav class="navigation pagination" aria-label="Pos"><h2 class="screen-reader-text">Navigasi pos</h2><div class="nav-links">{"".join(links)}</div></nav>\n'
            extra = ""
            if n > 1:
                extra += f'<link rel="prev" href="{self._u(page_path(n - 1))}">\n'
            if n < pages:
                extra += f'<link rel="next" href="{self._u(page_path(n + 1))}">\n'
            name = title or f"{data.SITE_NAME} - {data.SITE_TAGLINE}"
            full = name if n == 1 else f"{name} - Halaman {n}"
            head = self._head(full if kind == "home" else f"{full} - {data.SITE_NAME}",
                              description=f"{data.SITE_NAME}: {data.SITE_TAGLINE}", canonical=self._u(page_path(n)),
                              extra=extra)
            featured = ""
            if kind == "home" and n == 1:
                feats = "".join(
                    f'<div class="td_module_mx1 td-big-grid-post"><a href="{p.url}"><img src="{self._u(IMAGE)}" alt="" width="533" height="280"></a>'
                    f'<h3 class="entry-title td-module-title"><a href="{p.url}">{e(p.art.title)}</a></h3></div>'
                    for p in posts[:4])
                featured = f'<section class="td-featured-block"><h2 class="block-title">Sorotan</h2>{feats}</section>\n'
            header = f'<header class="page-header"><h1 class="page-title">{e(title)}</h1></header>\n' if title else ""
            body_class = {"home": "home blog", "category": "archive category", "author": "archive author",
                          "tag": "archive tag"}[kind]
            page = head + f"""<body class="{body_class}{' paged paged-' + str(n) if n > 1 else ''}">
{self._header()}{featured}<div class="td-main-content-wrap">
<main id="main" class="site-main td-ss-main-content">
{header}{items}{nav}</main>
{self._sidebar()}</div>
{self._footer()}"""
            self.routes[page_path(n)] = Resource(page.encode("utf-8"))

    def _not_found(self) -> str:
        head = self._head(f"Halaman tidak ditemukan - {data.SITE_NAME}", description="Halaman tidak ditemukan",
                          canonical=self._u("/"))
        return head + f"""<body class="error404">
{self._header()}<main id="main" class="site-main"><section class="error-404 not-found">
<header class="page-header"><h1 class="page-title">Ups! Halaman tidak ditemukan.</h1></header>
<div class="page-content"><p>Halaman yang Anda cari mungkin telah dihapus atau dipindahkan. Coba cari berita lain.</p></div>
</section></main>
{self._sidebar()}{self._footer()}"""

    # ---------------------------------------------------------------- feed and sitemaps

    def _feed(self) -> Resource:
        e = html.escape
        posts = self.feed_posts()
        items = ""
        for p in posts:
            items += f"""	<item>
		<title>{e(p.art.title)}</title>
		<link>{e(p.url)}</link>
		<comments>{e(p.url)}#respond</comments>
		<dc:creator><![CDATA[{data.AUTHORS[p.art.author]}]]></dc:creator>
		<pubDate>{format_datetime(p.published.astimezone(timezone.utc))}</pubDate>
		<category><![CDATA[{data.CATEGORIES[p.art.category]}]]></category>
"""
            for t in p.art.tags:
                items += f"\t\t<category><![CDATA[{t}]]></category>\n"
            items += f"""		<guid isPermaLink="false">{e(self._u(f"/?p={p.post_id}"))}</guid>
		<description><![CDATA[{p.excerpt()}]]></description>
		<wfw:commentRss>{e(p.url)}feed/</wfw:commentRss>
		<slash:comments>{len(p.art.comments)}</slash:comments>
	</item>
"""
        built = max(p.modified for p in posts)
        xml = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>{data.SITE_NAME}</title>
	<atom:link href="{self._u('/feed/')}" rel="self" type="application/rss+xml" />
	<link>{self._u('/')}</link>
	<description>{data.SITE_TAGLINE}</description>
	<lastBuildDate>{format_datetime(built.astimezone(timezone.utc))}</lastBuildDate>
	<language>id</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.6.2</generator>
{items}</channel>
</rss>
"""
        return Resource(xml.encode("utf-8"), "application/rss+xml; charset=UTF-8", last_modified=built, conditional=True)

    def _xml_head(self) -> str:
        return (f'<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" '
                f'href="{self._u("/main-sitemap.xsl")}"?>\n')

    def _post_sitemap_entries(self) -> list[tuple[str, datetime]]:
        entries = [(p.url, p.modified) for p in self.sitemap_posts()]
        entries.append((self._u(self.deleted_path), self.deleted_modified))
        return sorted(entries, key=lambda x: x[1])  # Yoast lists oldest first

    def _post_sitemap(self) -> Resource:
        entries = self._post_sitemap_entries()
        urls = "".join(f"\t<url>\n\t\t<loc>{html.escape(u)}</loc>\n\t\t<lastmod>{_utc_iso(m)}</lastmod>\n"
                       f"\t\t<image:image>\n\t\t\t<image:loc>{self._u(IMAGE)}</image:loc>\n\t\t</image:image>\n\t</url>\n"
                       for u, m in entries)
        xml = (self._xml_head() + '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
               'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
               'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd '
               'http://www.google.com/schemas/sitemap-image/1.1 http://www.google.com/schemas/sitemap-image/1.1/sitemap-image.xsd" '
               'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n<!-- XML Sitemap generated by Yoast SEO -->")
        last = max(m for _, m in entries)
        return Resource(xml.encode("utf-8"), "application/xml; charset=UTF-8", last_modified=last, conditional=True)

    def _page_sitemap(self) -> Resource:
        urls = f"\t<url>\n\t\t<loc>{self._u('/')}</loc>\n\t\t<lastmod>{_utc_iso(self.posts[0].modified)}</lastmod>\n\t</url>\n"
        urls += "".join(f"\t<url>\n\t\t<loc>{self._u(f'/{slug}/')}</loc>\n\t\t<lastmod>{_utc_iso(self.pages_date)}</lastmod>\n\t</url>\n"
                        for slug in data.PAGES)
        xml = (self._xml_head() + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls
               + "</urlset>\n<!-- XML Sitemap generated by Yoast SEO -->")
        return Resource(xml.encode("utf-8"), "application/xml; charset=UTF-8",
                        last_modified=self.posts[0].modified, conditional=True)

    def _news_sitemap(self) -> Resource:
        e = html.escape
        posts = self.news_sitemap_posts()
        urls = "".join(f"""	<url>
		<loc>{e(p.url)}</loc>
		<news:news>
			<news:publication>
				<news:name>{data.SITE_NAME}</news:name>
				<news:language>id</news:language>
			</news:publication>
			<news:publication_date>{p.published.isoformat()}</news:publication_date>
			<news:title>{e(p.art.title)}</news:title>
		</news:news>
	</url>
""" for p in posts)
        xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
               'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + urls + "</urlset>\n")
        last = max(p.modified for p in posts)
        return Resource(xml.encode("utf-8"), "application/xml; charset=UTF-8", last_modified=last, conditional=True)

    def _sitemap_index(self) -> Resource:
        post_last = max(m for _, m in self._post_sitemap_entries())
        xml = (self._xml_head() + '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
               f"\t<sitemap>\n\t\t<loc>{self._u('/post-sitemap.xml')}</loc>\n\t\t<lastmod>{_utc_iso(post_last)}</lastmod>\n\t</sitemap>\n"
               f"\t<sitemap>\n\t\t<loc>{self._u('/page-sitemap.xml')}</loc>\n\t\t<lastmod>{_utc_iso(self.posts[0].modified)}</lastmod>\n\t</sitemap>\n"
               "</sitemapindex>\n<!-- XML Sitemap Index generated by Yoast SEO -->")
        return Resource(xml.encode("utf-8"), "application/xml; charset=UTF-8", last_modified=post_last, conditional=True)

    def _robots(self) -> Resource:
        text = ("User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\nCrawl-delay: 0\n\n"
                f"Sitemap: {self._u('/sitemap_index.xml')}\nSitemap: {self._u('/news-sitemap.xml')}\n")
        return Resource(text.encode("utf-8"), "text/plain; charset=utf-8", last_modified=self.pages_date,
                        conditional=True)
