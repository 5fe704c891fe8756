"""Main-text selection: which lines of a page are the article body (generic, any site).

1. Boilerplate is removed (:mod:`monitor.collect.extract.boilerplate`).
2. The remaining tree is cut into lines at block elements and ``<br>``; each line keeps the
   length of its link text and the block that holds it (``segment``).
3. Lines of running text score their container (readability-style: length and commas,
   halved per level up); the best container, scaled by its link density, wins, with
   siblings that score nearly as well (``score_containers``, ``main_lines``).
4. Its lines, minus link lists, dates and counters, are the paragraphs; when that finds too
   little text, figure captions (photo pages) or trafilatura's extraction are used instead
   (``body_paragraphs``).

Elements marked by a per-source body selector (:mod:`monitor.collect.extract.rules`) win
over the search where they hold text.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from lxml import etree

from monitor.collect.extract.boilerplate import (
    _BLOCK_TAGS,
    is_junk_line,
    strip_boilerplate,
)
from monitor.collect.extract.cleanup import _SENTENCE_END, is_date_line
from monitor.collect.extract.parse import parse_html
from monitor.collect.extract.rules import RULE_ATTR
from monitor.collect.extract.text import _norm

log = logging.getLogger(__name__)


_CONTAINER_TAGS = frozenset("div section article main td body form blockquote center html".split())


@dataclass(slots=True)
class Line:
    """A run of text between block boundaries, with the length of its link text."""

    text: str
    links: int
    owner: etree._Element

    @property
    def link_density(self) -> float:
        return self.links / max(len(self.text), 1)


def segment(root: etree._Element) -> list[Line]:
    """Cut ``root`` into lines at block elements and ``<br>``."""
    lines: list[Line] = []
    buf: list[str] = []
    link = 0
    in_a = 0
    owners = [root]

    def flush() -> None:
        nonlocal link
        if buf:
            text = _norm("".join(buf))
            if text:
                lines.append(Line(text, min(link, len(text)), owners[-1]))
            buf.clear()
        link = 0

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if not isinstance(tag, str):
            if event == "end" and el.tail:
                buf.append(el.tail)
            continue
        if event == "start":
            if tag in _BLOCK_TAGS:
                flush()
                owners.append(el)
            elif tag == "br":
                flush()
            elif tag == "a":
                in_a += 1
            if el.text:
                buf.append(el.text)
                if in_a:
                    link += len(el.text.strip())
        else:
            if tag in _BLOCK_TAGS:
                flush()
                owners.pop()
            elif tag == "a":
                in_a -= 1
            if el.tail and el is not root:
                buf.append(el.tail)
                if in_a:
                    link += len(el.tail.strip())
    flush()
    return lines


def _is_text_line(line: Line) -> bool:
    return len(line.text) >= 25 and line.link_density < 0.34 and not is_junk_line(line.text)


def _good_paragraph(line: Line) -> bool:
    """A stand-alone paragraph worth taking from next to the chosen container."""
    text = line.text
    if is_junk_line(text):
        return False
    return (len(text) > 80 and line.link_density < 0.25) or (
        len(text) > 25 and line.links == 0 and _SENTENCE_END.search(text) is not None
    )


def score_containers(lines: list[Line]) -> dict[etree._Element, float]:
    """Text score of each element, scaled by its link density (see ``main_lines``)."""
    per_owner = Counter(line.owner for line in lines)
    has_blocks: dict[etree._Element, bool] = {}

    def container(el: etree._Element) -> etree._Element:
        while el.getparent() is not None:
            if el.tag in _CONTAINER_TAGS:
                if el not in has_blocks:
                    has_blocks[el] = any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el)
                if has_blocks[el] or per_owner[el] >= 3:
                    return el
            el = el.getparent()
        return el

    scores: Counter = Counter()
    chars: Counter = Counter()
    links: Counter = Counter()
    for line in lines:
        for anc in _ancestors(line.owner):
            chars[anc] += len(line.text)
            links[anc] += line.links
        if not _is_text_line(line):
            continue
        score = 1 + line.text.count(",") + min(len(line.text) // 100, 3)
        for level, anc in enumerate(_ancestors(container(line.owner))):
            if level > 3:
                break
            scores[anc] += score / (1 if level == 0 else level + 1)
    return {el: s * (1 - links[el] / max(chars[el], 1)) for el, s in scores.items()}


def main_lines(lines: list[Line]) -> list[Line]:
    """The lines of the best-scoring text container and its similar siblings.

    A line scores the element that contains it as text: a block holding several lines, or
    else the parent of the line's paragraph (a ``<p>``, or a ``<div>`` used as one).
    """
    final = score_containers(lines)
    per_owner = Counter(line.owner for line in lines)
    if not final:
        return []
    best = max(final, key=final.get)
    parent = best.getparent()
    chosen = {best}
    if parent is not None:
        threshold = max(10.0, final[best] * 0.2)
        for sib in parent:
            if sib is not best and final.get(sib, 0) >= threshold:
                chosen.add(sib)
    out = []
    for line in lines:
        owner = line.owner
        if parent is not None and (owner is parent or owner.getparent() is parent) and owner not in chosen:
            # text right beside the container: a lead line or a paragraph-like sibling
            if _good_paragraph(line) and (owner is parent or per_owner[owner] == 1):
                out.append(line)
            continue
        for anc in _ancestors(owner):
            if anc in chosen:
                out.append(line)
                break
            if anc is parent:
                break
    return out


def _ancestors(el: etree._Element) -> Iterable[etree._Element]:
    yield el
    yield from el.iterancestors()


def _keep_line(line: Line) -> bool:
    """Lines of the chosen container that are text: not link lists, dates or counters."""
    text = line.text
    if line.link_density >= 0.5 and len(text) <= 200:
        return False
    if not re.search(r"[^\W\d_]{2}", text):  # "0", "1/3", "|": counters and separators
        return False
    if len(text) < 80 and is_date_line(text):
        return False
    return True


def _trafilatura_paragraphs(tree: etree._Element, url: str) -> list[str]:
    try:
        import trafilatura

        text = trafilatura.extract(tree, url=url, include_comments=False, include_tables=False, favor_precision=True)
    except Exception as exc:  # the fallback must not break extraction
        log.debug("trafilatura failed on %s: %s", url, exc)
        return []
    return [p for p in (text or "").split("\n") if p.strip()]


def body_paragraphs(tree: etree._Element, url: str = "", html: str | None = None) -> list[str]:
    """Main-text paragraphs of a page tree (the tree is modified: boilerplate is removed).

    When the container search finds under 200 characters, a fresh parse of ``html`` is
    tried for figure captions (photo pages), then for trafilatura's extraction.
    """
    body = tree.find(".//body")
    root = body if body is not None else tree
    marked = root.xpath(f".//*[@{RULE_ATTR}='body']")
    strip_boilerplate(root, keep=marked)
    if marked:
        paras = [ln.text for el in marked for ln in segment(el) if _keep_line(ln)]
        if paras:
            return paras
        log.info("body selector matched no text on %s; using the generic search", url)
    paras = [ln.text for ln in main_lines(segment(root)) if _keep_line(ln)]
    if sum(len(p) for p in paras) >= 200 or not html:
        return paras
    fresh = parse_html(html)
    if fresh is None:
        return paras
    # photo/video pages: their text is the captions; odd layouts: trafilatura's own search
    for alternative in (lambda: _captions(fresh), lambda: _trafilatura_paragraphs(fresh, url)):
        found = alternative()
        if sum(len(p) for p in found) >= 200:
            return found
    return paras


def _captions(tree: etree._Element) -> list[str]:
    out: list[str] = []
    for el in tree.iter("figcaption"):
        text = _norm(el.text_content())
        if len(text) >= 30 and text not in out and not any(a.tag == "a" for a in el.iterancestors()):
            out.append(text)
    return out
