"""Where the project's own folders are: config/, models/, corpora/ and the shared corpora beside it."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
