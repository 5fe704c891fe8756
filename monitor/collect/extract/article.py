"""``extract_article``: one page to an ``Article`` (metadata, text, language), never raising.

Metadata is read from the untouched tree first; then the body is selected (which strips the
tree) and cleaned. Per-source ``ExtractionRules`` win where their selectors match.
"""

from __future__ import annotations

import logging
from datetime import datetime

from monitor.collect.dates import DEFAULT_TZ, find_published
from monitor.collect.extract.body import body_paragraphs
from monitor.collect.extract.cleanup import clean_paragraphs
from monitor.collect.extract.language import detect_language
from monitor.collect.extract.metadata import (
    _authors,
    _canonical,
    _image,
    _jsonld_objects,
    _meta_map,
    _section,
    _tags,
    _title,
    split_authors,
)
from monitor.collect.extract.parse import (
    _CONTROL,
    decode_html,
    looks_binary,
    parse_html,
)
from monitor.collect.extract.rules import (
    ExtractionRules,
    _rule_date,
    _rule_texts,
    apply_rules,
)
from monitor.collect.extract.text import _norm
from monitor.models import Article

log = logging.getLogger(__name__)


def extract_article(
    html: str | bytes,
    url: str,
    rules: ExtractionRules | None = None,
    *,
    now: datetime | None = None,
) -> Article:
    """Extract title, time, authors, section/tags, image, text, language and canonical URL.

    ``rules`` (per-source selectors) win over the generic heuristics where they match.
    ``now`` bounds publication dates (none in the future; default: the current time).
    Never raises for bad input: the result then has empty text.
    """
    article = Article(url=url)
    try:
        return _extract(html, url, rules, now, article)
    except Exception:  # a broken page must not stop the pipeline; its text stays empty
        log.exception("extraction failed for %s", url)
        return article


def _extract(html: str | bytes, url: str, rules: ExtractionRules | None, now: datetime | None, article: Article) -> Article:
    if isinstance(html, bytes):
        if looks_binary(html):
            log.info("not HTML: %s", url)
            return article
        html = decode_html(html)
    if not isinstance(html, str) or looks_binary(html):
        return article
    html = _CONTROL.sub("", html)  # lxml refuses them in text; they are never content
    tz = rules.default_tz if rules else DEFAULT_TZ
    if rules is not None and any(
        [rules.title_selector, rules.date_selector, rules.body_selector, rules.author_selector, rules.remove_selectors]
    ):
        html = apply_rules(html, rules)
    tree = parse_html(html)
    if tree is None:
        return article
    meta = _meta_map(tree)
    ld = _jsonld_objects(tree)

    rule_title = [_norm(el.text_content()) for el in _rule_texts(tree, "title")]
    article.title = next((t for t in rule_title if t), "") or _title(tree, url, meta, ld)
    article.published = _rule_date(tree, tz, now) or find_published(tree, url, default_tz=tz, now=now)
    rule_authors = [a for el in _rule_texts(tree, "author") for a in split_authors(el.text_content())]
    article.author = rule_authors or _authors(tree, meta, ld)
    article.section = _section(tree, meta, ld)
    article.tags = _tags(meta, ld)
    article.image = _image(tree, url, meta, ld)
    article.canonical_url = _canonical(tree, url, meta)

    paragraphs, article.dateline = clean_paragraphs(body_paragraphs(tree, url, html), article.title)
    article.text = "\n".join(paragraphs)
    article.lang = detect_language(article.text or article.title)
    if not article.text:
        log.info("no article text: %s", url)
    return article
