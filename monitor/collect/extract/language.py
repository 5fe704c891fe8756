"""Language of a text, "id" or "en", from the share of each language's commonest words."""

from __future__ import annotations

import re

_ID_WORDS = frozenset(
    "yang dan di ke dari ini itu dengan untuk dalam tidak akan pada juga adalah oleh bahwa atau"
    " ada sudah karena saat telah tersebut kata para bisa lebih mereka kami kita ia sebagai hingga"
    " namun menjadi masih tak dia belum agar bagi secara seperti kepada sejak sangat".split()
)
_EN_WORDS = frozenset(
    "the and of to in is that for it with as was on be by are this from at have has which not"
    " an or said were but will their they been would who its after more about than".split()
)


def detect_language(text: str) -> str | None:
    """Language of ``text``: "id", "en", or None when too short or neither.

    Decided by the share of each language's commonest function words (stopwords).
    """
    words = re.findall(r"[a-z]+", text[:5000].lower())
    if len(words) < 5:
        return None
    ids = sum(w in _ID_WORDS for w in words) / len(words)
    ens = sum(w in _EN_WORDS for w in words) / len(words)
    if max(ids, ens) < 0.06:
        return None
    return "id" if ids >= ens else "en"
