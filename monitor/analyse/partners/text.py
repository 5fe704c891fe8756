"""Name normalisation and text tests shared by every stage: matching keys (``norm_name``,
``strip_legal``), tidying names taken from text (``clean_name``, ``expand_countries``) and
spotting shouting articles (``is_all_caps``)."""

from __future__ import annotations

import functools
import re
import unicodedata

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
