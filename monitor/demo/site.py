"""Serve the demo news site *Warta Rinjani* on a local port, with deliberate faults.

    server, base_url = serve_demo_site()            # http://127.0.0.1:<free port>
    ...                                              # fetch base_url + "/feed/" etc.
    server.shutdown()                                # stops the thread and closes the socket

The whole site is rendered in memory when the server starts (:mod:`monitor.demo.render`),
from the article data in :mod:`monitor.demo.articles`, with every absolute URL pointing at the
server's own origin (``base_url``). Static assets (CSS, logo, image, sitemap XSL) are files
under ``monitor/demo/site/``. Nothing is fetched from or linked to the network except the
share buttons' targets, which a crawler has no reason to follow.

What is served (see docs/demo.md for why):

- ``/`` and ``/page/N/``: the homepage listing, 8 posts a page, ``a.next.page-numbers``;
- ``/category/<slug>/`` (+ ``page/N/``), ``/author/<slug>/``, ``/tag/<slug>/``: archives;
- ``/<slug>/``: an article; the two-page article also has ``/<slug>/?page=2``;
- ``/feed/``: RSS 2.0, newest 15 posts, summaries only;
- ``/sitemap_index.xml`` -> ``/post-sitemap.xml`` (newest 30 posts plus a deleted one) and
  ``/page-sitemap.xml`` (static pages); ``/news-sitemap.xml`` (newest 10, Google News);
- ``/robots.txt`` (everything but ``/wp-admin/``, ``Crawl-delay: 0``, the sitemaps);
- feed, sitemaps, robots.txt and static files carry ``ETag`` and ``Last-Modified`` and answer
  ``304`` to ``If-None-Match`` / ``If-Modified-Since``; ``HEAD`` is supported;
- faults: a deleted post (``404``), a slow article (sleeps ``slow_seconds`` before answering),
  a windows-1252 article sent as ``text/html`` with no charset anywhere, a syndicated
  duplicate, four articles dated only in visible Indonesian text, ``/?p=<id>`` shortlinks
  and slash-less paths (``301``).

The server logs nothing to stderr: requests go to this module's logger at DEBUG level.
"""

from __future__ import annotations

import argparse
import logging
import threading
import time
from datetime import date, datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from monitor.demo.render import DemoSite, Resource

__all__ = ["DemoServer", "DemoSite", "serve_demo_site"]

log = logging.getLogger(__name__)


def _http_date(dt: datetime) -> str:
    return format_datetime(dt.astimezone(timezone.utc), usegmt=True)


# ------------------------------------------------------------------------------ HTTP server

class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Apache"
    sys_version = ""
    server: "DemoServer"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib signature)
        log.debug("%s - %s", self.address_string(), format % args)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(head=True)

    def _answer(self, head: bool) -> None:
        res = self.server.site.lookup(self.path)
        if res.slow and self.server.slow_seconds > 0:
            time.sleep(self.server.slow_seconds)
        status, body = res.status, res.body
        if res.conditional and self._not_modified(res):
            status, body = 304, b""
        self.send_response(status)
        if res.location:
            self.send_header("Location", res.location)
        if res.content_type and status != 304:
            self.send_header("Content-Type", res.content_type)
        if res.conditional:
            self.send_header("ETag", res.etag)
            if res.last_modified:
                self.send_header("Last-Modified", _http_date(res.last_modified))
        if res.content_type and res.content_type.startswith("text/html"):
            self.send_header("Link", f'<{self.server.site.base}/wp-json/>; rel="https://api.w.org/"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head and body:
            self.wfile.write(body)

    def _not_modified(self, res: Resource) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
            return "*" in tags or res.etag in tags
        ims = self.headers.get("If-Modified-Since")
        if ims and res.last_modified:
            try:
                since = parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
            if since.tzinfo is None:
                since = since.replace(tzinfo=timezone.utc)
            return res.last_modified.replace(microsecond=0) <= since
        return False


class DemoServer(ThreadingHTTPServer):
    """The demo site's HTTP server; ``shutdown()`` stops it and closes the socket."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], slow_seconds: float = 2.0):
        super().__init__(address, _Handler)
        self.slow_seconds = slow_seconds
        self.site: DemoSite  # set by serve_demo_site before serving
        self.base_url = ""
        self._thread: threading.Thread | None = None
        self._stopped = False

    def handle_error(self, request, client_address) -> None:  # quiet: clients that hang up are normal
        log.debug("request from %s failed", client_address, exc_info=True)

    def shutdown(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        if self._thread is not None:
            super().shutdown()
            self._thread.join(timeout=5)
        self.server_close()

    def __exit__(self, *exc) -> None:
        self.shutdown()


def serve_demo_site(host: str = "127.0.0.1", port: int = 0, slow_seconds: float = 2.0, *,
                    newest: date | None = None) -> tuple[DemoServer, str]:
    """Start the demo site in a daemon thread; return ``(server, base_url)``.

    ``port=0`` picks a free port. ``slow_seconds`` is how long the slow article waits before
    answering (0 disables the delay). ``newest``, when given, shifts every date of the site by
    whole days so that the newest article is published on that day (e.g. ``date.today()``);
    by default the site keeps its fixed calendar (October-November 2025), which the test
    answer key records. Stop with ``server.shutdown()``.
    """
    server = DemoServer((host, port), slow_seconds)
    bound_host, bound_port = server.server_address[:2]
    shown = "127.0.0.1" if bound_host in ("0.0.0.0", "") else bound_host
    base_url = f"http://{shown}:{bound_port}"
    try:
        server.site = DemoSite(base_url, newest=newest)
    except BaseException:
        server.server_close()
        raise
    server.base_url = base_url
    server._thread = threading.Thread(target=server.serve_forever, name="demo-site", daemon=True)
    server._thread.start()
    return server, base_url


def main(argv: list[str] | None = None) -> None:
    """``python -m monitor.demo.site [--port N] [--slow S]``: serve until interrupted."""
    ap = argparse.ArgumentParser(description="Serve the Warta Rinjani demo news site.")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--slow", type=float, default=2.0, help="delay of the slow article, seconds")
    ap.add_argument("--today", action="store_true", help="shift dates so the newest article is today")
    args = ap.parse_args(argv)
    server, base_url = serve_demo_site(args.host, args.port, args.slow,
                                       newest=date.today() if args.today else None)
    print(f"Warta Rinjani demo site at {base_url}/  (Ctrl-C to stop)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
