"""Plain data objects passed between pipeline stages.

Each stage is a function from one of these to the next:
fetch -> Page, extract -> Article, classify -> Tags, partners -> list[Partner].
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Page:
    """A fetched HTTP response, decoded."""

    url: str  # the URL that was asked for
    final_url: str  # after redirects
    status: int
    html: str = ""
    content_type: str = ""
    encoding: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    elapsed: float = 0.0
    nbytes: int = 0
    error: str | None = None  # a reason when the fetch failed
    not_modified: bool = False  # 304 on a conditional GET

    @property
    def ok(self) -> bool:
        return self.error is None and 200 <= self.status < 300


@dataclass
class Article:
    """What extraction gets out of an article page."""

    url: str
    title: str = ""
    published: str | None = None  # ISO 8601 with UTC offset
    author: list[str] = field(default_factory=list)
    text: str = ""  # paragraphs separated by "\n"
    lang: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    dateline: str | None = None  # e.g. "MATARAM.LombokJournal.com"
    canonical_url: str | None = None
    source_id: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n") if p.strip()]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IssueScore:
    """One issue's probability and the evidence behind it."""

    issue: str
    score: float
    sentences: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)


@dataclass
class Tags:
    """The classifier's verdict on one article."""

    issues: list[str]  # keys over their threshold
    scores: dict[str, float]  # all six keys
    evidence: dict[str, IssueScore] = field(default_factory=dict)
    model_version: str = ""


@dataclass
class Partner:
    """One canonical organisation found in an article."""

    name: str
    acronym: str | None
    type: str
    region: str | None = None
    mentions: int = 1
    first_offset: int = 0
    known: bool = True  # False when not in the gazetteer
    key: str | None = None  # gazetteer id

    def public(self) -> dict[str, Any]:
        """The fields of the `partners` contract in `monitor classify`."""
        return {"name": self.name, "acronym": self.acronym, "type": self.type}
