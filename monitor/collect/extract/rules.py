"""Per-source extraction rules: CSS selectors that win over the generic heuristics.

``apply_rules`` removes the ``remove_selectors`` matches and marks the title, date, author
and body matches with a ``data-ogi-rule`` attribute; the other modules read those marks.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

from monitor.collect.dates import DEFAULT_TZ, parse_indonesian_date, parse_machine_date

log = logging.getLogger(__name__)


RULE_ATTR = "data-ogi-rule"  # marks elements matched by per-source selectors


@dataclass
class ExtractionRules:
    """Per-source extraction config: CSS selectors that override the generic heuristics.

    ``default_tz`` is the source's zone for times the page writes without one.
    """

    title_selector: str | None = None
    date_selector: str | None = None
    body_selector: str | None = None
    author_selector: str | None = None
    remove_selectors: list[str] = field(default_factory=list)
    default_tz: str = DEFAULT_TZ


def apply_rules(html: str, rules: ExtractionRules) -> str:
    """Remove ``remove_selectors`` and mark selector matches with ``data-ogi-rule``.

    CSS matching goes through bs4/soupsieve; the marked markup is then parsed by lxml like
    any page. A bad selector is logged and ignored.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")

    def select(selector: str | None) -> list:
        if not selector:
            return []
        try:
            return soup.select(selector)
        except Exception as exc:  # soupsieve raises its own SelectorSyntaxError
            log.warning("bad selector %r: %s", selector, exc)
            return []

    for selector in rules.remove_selectors:
        for tag in select(selector):
            tag.decompose()
    for role, selector in (
        ("title", rules.title_selector),
        ("date", rules.date_selector),
        ("author", rules.author_selector),
        ("body", rules.body_selector),
    ):
        for tag in select(selector):
            tag[RULE_ATTR] = role
    return str(soup)


def _rule_texts(tree: etree._Element, role: str) -> list[etree._Element]:
    return tree.xpath(f"//*[@{RULE_ATTR}='{role}']")


def _rule_date(tree: etree._Element, tz: str, now: datetime | None) -> str | None:
    for el in _rule_texts(tree, "date"):
        for value in (el.get("datetime"), el.get("content"), el.text_content()):
            if not value:
                continue
            cand = parse_machine_date(value, tz) if re.match(r"\s*\d{4}-\d\d-\d\d", value) else None
            dt = cand.dt if cand else parse_indonesian_date(value, tz, now)
            if dt:
                return dt.isoformat(timespec="seconds")
    return None
