"""Indonesian news clean-up of body paragraphs: ``clean_paragraphs`` and its parts.

Drops "BACA JUGA"/"Simak juga" lines, share/print widgets, byline labels and trailing
editor initials ("(ant/adm)"), and moves the dateline ("MATARAM - ", "Jakarta (ANTARA) -")
out of the first paragraph into ``Article.dateline``.
"""

from __future__ import annotations

import re

from monitor.collect.dates import iter_text_dates
from monitor.collect.extract.boilerplate import is_junk_line
from monitor.collect.extract.text import _key, _norm

# "MATARAM - ", "Mataram (ANTARA) - ", "Jakarta, CNN Indonesia -- ", "TEMPO.CO, Jakarta - ",
# "MATARAM.LombokJournal.com ~ ", "ISTANBUL, 23 Februari 2016 (Antara/PRNewswire) -"
_DATELINE = re.compile(
    r"^(?P<dl>(?:[A-Z0-9][\w.&'’/]*,?\s+|\([^()]{1,40}\),?\s+){0,7}(?:[A-Z0-9][\w.&'’/]*|\([^()]{1,40}\)))"
    r",?\s*(?:--?|–|—|~|:)\s+(?=\S)|^(?P<only>.{2,80}?)\s*(?:--?|–|—|~)\s*$"
)
# "(ant/adm)", "(kpl/pur/tch)", "(*)", "(red)" anywhere at the end; a lone "(FHM)" only after
# a finished sentence, so that "... Badan Pusat Statistik (BPS)" keeps its acronym
_INITIALS_END = re.compile(
    r"(?:^|\s|(?<=[.!?\"”’']))\((?:\*+|red|[A-Za-z]{2,6}(?:\s*/\s*[A-Za-z0-9]{1,4}){1,4})\)\s*$"
    r"|(?:^|(?<=[.!?\"”’']))\s*\([A-Za-z]{2,6}\)\s*$"
)
_SENTENCE_END = re.compile(r"[.!?\"”’')]$")


def _dateline_strength(dl: str) -> int:
    """2 for an unmistakable dateline (agency, site name, CAPS city), 1 for "Jakarta", 0 none."""
    tokens = re.findall(r"\([^()]*\)|[^\s,]+", dl)
    if not tokens or len(tokens) > 8:
        return 0
    if "(" in dl or re.search(r"\.(?:com|co\.id|id|net)\b", dl, re.I):
        return 2
    if re.fullmatch(r"[A-Z][A-Z.]{2,}", tokens[0]):  # "MATARAM", "TEMPO.CO"
        return 2
    # "Jakarta", "Mataram, NTB", "Jakarta, CNN Indonesia": a few capitalised words
    return 1 if len(tokens) <= 3 and all(t[0].isupper() for t in tokens) else 0


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """("MATARAM", rest) for "MATARAM - rest"; (None, paragraph) when there is no dateline."""
    dl, rest, _strength = _dateline(paragraph)
    return dl, rest


def _dateline(paragraph: str) -> tuple[str | None, str, int]:
    m = _DATELINE.match(paragraph)
    if not m:
        return None, paragraph, 0
    dl = (m.group("dl") or m.group("only") or "").strip(" ,")
    strength = _dateline_strength(dl) if dl else 0
    if not strength:
        return None, paragraph, 0
    return dl, paragraph[m.end() :].strip(), strength


def strip_initials(paragraph: str) -> str:
    """Drop trailing editor initials: "(ant/adm)", "(*)", "(red)", "(FHM)" after a sentence."""
    return _INITIALS_END.sub("", paragraph).rstrip()


_DATE_WORDS = re.compile(
    r"\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|diperbarui|dipublikasikan|diterbitkan|update[d]?|posted|published|on|at|pada|wib|wita|wit)\b"
    r"|[^\w]",
    re.I,
)


def is_date_line(text: str) -> bool:
    """True for a line that is a date and little else ("Kamis, 05 November 2015 | 11:13 WIB")."""
    rest, last = [], 0
    for td in iter_text_dates(text):
        rest.append(text[last : td.pos])
        last = td.end
    if not last:
        return False
    rest.append(text[last:])
    return len(_DATE_WORDS.sub("", " ".join(rest))) < 8


_LABEL_ONLY = re.compile(r"^(?:penulis|editor|reporter|pewarta|redaktur|penyunting|fotografer|sumber|kontributor)\s*:?$", re.I)


def _is_fragment(text: str) -> bool:
    """A short line that is no sentence: a label, section name or widget caption."""
    return len(text) < 40 and not _SENTENCE_END.search(text)


def clean_paragraphs(paragraphs: list[str], title: str = "") -> tuple[list[str], str | None]:
    """Indonesian news clean-up of body paragraphs; returns (paragraphs, dateline).

    Drops "Baca juga"-style lines, widget text, the headline repeated, byline labels
    ("Penulis" / ": Nama"), trailing editor initials, and short non-sentence lines at the
    edges; moves the dateline into the second value. Teaser/caption lines standing before an
    unmistakable dateline ("VIVA.co.id - ...") are dropped: the dateline opens the story.
    """
    title_key = _key(title)
    out: list[str] = []
    after_label = False
    for para in paragraphs:
        para = _norm(para)
        if after_label and para.startswith(":") and len(para) < 80:
            after_label = False
            continue
        after_label = bool(_LABEL_ONLY.match(para))
        if not para or after_label or is_junk_line(para):
            continue
        if title_key and _key(para) == title_key:
            continue
        if out and para == out[-1]:
            continue
        out.append(para)
    dateline = None
    for i, para in enumerate(out[:4]):
        dl, rest, strength = _dateline(para)
        if not dl or (i > 0 and strength < 2):
            continue
        if any(len(p) >= 250 for p in out[:i]):
            break  # real text before it: not the story's opening
        dateline = dl
        out = ([rest] if rest else []) + out[i + 1 :]
        break
    changed = True
    while out and changed:
        changed = False
        # editor initials: on the last paragraph, or standing alone as the last line
        stripped = strip_initials(out[-1])
        if stripped != out[-1]:
            out[-1:] = [stripped] if stripped else []
            changed = True
        for edge in (0, -1):
            if out and _is_fragment(out[edge]):
                del out[edge]
                changed = True
    return out, dateline
