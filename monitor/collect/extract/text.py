"""Small text helpers shared by the extraction modules: whitespace and comparison keys."""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")


def _norm(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
