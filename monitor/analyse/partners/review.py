"""The review queue: the most frequent organisations the gazetteer lacks, with an example
sentence each, ready to check and add to ``config/partners.toml``."""

from __future__ import annotations

import os
import re
from collections import Counter
from typing import Iterable, Sequence

from .extractor import PartnerExtractor
from .gazetteer import Region
from .text import norm_name
from .tokenizer import _tk


def review_candidates(articles_texts: Iterable[str], gazetteer: str | os.PathLike | PartnerExtractor | None = None,
                      top: int = 50) -> list[dict]:
    """The most frequent organisations the gazetteer lacks, for `monitor partners review`.

    Returns dicts with ``name``, ``acronym``, ``type``, ``count`` (articles naming it),
    ``mentions`` and ``example`` (the sentence of its first mention).
    """
    ex = gazetteer if isinstance(gazetteer, PartnerExtractor) else PartnerExtractor(gazetteer)
    stats: dict[str, dict] = {}
    prepared = (ex._prepare(t) for t in articles_texts)
    for doc in ex.nlp.pipe(prepared, batch_size=64):
        for p in ex.partners(doc):
            if p.known:
                continue
            k = norm_name(p.name)
            s = stats.setdefault(k, {"name": p.name, "acronym": p.acronym, "type": p.type, "count": 0,
                                     "mentions": 0, "example": ""})
            s["count"] += 1
            s["mentions"] += p.mentions
            s["acronym"] = s["acronym"] or p.acronym
            if not s["example"]:
                text = _tk(doc).text
                a = text.rfind("\n", 0, p.first_offset) + 1
                b = text.find("\n", p.first_offset)
                line = text[a:b if b >= 0 else None]
                o = p.first_offset - a
                s["example"] = " ".join(line[max(0, o - 100): o + 140].split())
    ranked = sorted(stats.values(), key=lambda s: (-s["count"], -s["mentions"], s["name"]))
    return ranked[:top]


def infer_region(name: str, source_regions: Counter, regions: Sequence[tuple[str, Region]]) -> str:
    """The region to propose for an organisation the gazetteer lacks.

    A region written in its name wins ("Forum Lingkungan Lombok Timur" -> Lombok Timur);
    otherwise the region of the regional outlets that name it (their `region`, when the level is
    not national), the most frequent first; otherwise "national".
    """
    for form, region in sorted(regions, key=lambda fr: -len(fr[0])):
        if re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", name, flags=re.I):
            return region.name
    regional = Counter({region: n for (region, level), n in source_regions.items()
                        if region and (level or "").lower() not in ("", "national", "nasional")})
    if regional:
        return max(regional, key=lambda r: (regional[r], r))
    return "national"
