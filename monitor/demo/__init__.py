"""The bundled demo news site for ``monitor demo`` (no network needed).

``monitor.demo.site.serve_demo_site`` serves an invented regional outlet, *Warta Rinjani*,
on 127.0.0.1: a WordPress-style site with a feed, sitemaps, paginated listings and some 40
Indonesian articles about Nusa Tenggara Barat, plus deliberate faults (a 404, a slow page,
a windows-1252 page without a charset, a two-page article, a syndicated duplicate, pages
dated only in text). ``sources.toml`` beside this file is the matching source definition.
See docs/demo.md.
"""

from monitor.demo.site import DemoSite, serve_demo_site

__all__ = ["DemoSite", "serve_demo_site"]
