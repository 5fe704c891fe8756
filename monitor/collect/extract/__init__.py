"""Article extraction from news pages: metadata, main text and Indonesian clean-up.

``extract_article`` never raises for bad input: broken markup, empty pages and non-HTML
bytes give an ``Article`` with empty text, which the caller records as "no article text".

Modules (each imports only those above it; this package re-exports their public names):

- ``text``: whitespace normalisation and comparison keys;
- ``language``: ``detect_language`` (py3langid over 20 languages: "id", "ms", "en"...);
- ``parse``: binary sniffing, charset decoding, lxml parsing (``decode_html``, ``parse_html``);
- ``rules``: per-source ``ExtractionRules`` (CSS selectors that win over the heuristics);
- ``metadata``: title, authors, section, tags, image, canonical URL (meta tags, JSON-LD);
- ``boilerplate``: elements, blocks and lines that are never article text;
- ``cleanup``: Indonesian clean-up of paragraphs (``clean_paragraphs``, datelines, initials);
- ``body``: which lines are the article body (segmentation, container scoring, fallbacks);
- ``article``: the entry point ``extract_article``;
- ``pages``: multi-page articles (``next_page_urls``, ``join_pages``);
- ``pagekind``: error and soft-404 pages, declared page type (``is_error_page``, ``page_kind``);
- ``evaluate``: token F1 and the gold-page loader, for the tests and the bench.
"""

from __future__ import annotations

from monitor.collect.extract.article import extract_article
from monitor.collect.extract.body import (
    Line,
    body_paragraphs,
    main_lines,
    score_containers,
    segment,
)
from monitor.collect.extract.boilerplate import is_junk_line, strip_boilerplate
from monitor.collect.extract.cleanup import (
    clean_paragraphs,
    is_date_line,
    split_dateline,
    strip_initials,
)
from monitor.collect.extract.language import detect_language
from monitor.collect.extract.metadata import clean_title, split_authors
from monitor.collect.extract.pagekind import is_error_page, page_kind
from monitor.collect.extract.pages import join_pages, next_page_urls
from monitor.collect.extract.parse import decode_html, looks_binary, parse_html
from monitor.collect.extract.rules import RULE_ATTR, ExtractionRules, apply_rules

__all__ = [
    "RULE_ATTR",
    "ExtractionRules",
    "Line",
    "apply_rules",
    "body_paragraphs",
    "clean_paragraphs",
    "clean_title",
    "decode_html",
    "detect_language",
    "extract_article",
    "is_date_line",
    "is_error_page",
    "is_junk_line",
    "join_pages",
    "looks_binary",
    "main_lines",
    "next_page_urls",
    "page_kind",
    "parse_html",
    "score_containers",
    "segment",
    "split_authors",
    "split_dateline",
    "strip_boilerplate",
    "strip_initials",
]
