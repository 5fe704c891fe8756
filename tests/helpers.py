"""Small builders shared by tests: a store filled with articles, tags and partners."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

from monitor.config import ISSUE_KEYS
from monitor.models import IssueScore, Partner, Tags
from monitor.store import Store


class FakeSource:
    def __init__(self, id: str, region: str):
        self.id, self.name, self.homepage, self.region = id, id, f"https://{id}.example/", region
        self.region_level, self.kind = "province", "media"


def tags_for(issues: dict[str, float], threshold: float = 0.5) -> Tags:
    scores = {k: issues.get(k, 0.01) for k in ISSUE_KEYS}
    assigned = [k for k, v in scores.items() if v >= threshold]
    ev = {k: IssueScore(k, scores[k], [f"Kalimat bukti untuk {k}."], ["istilah"]) for k in assigned}
    return Tags(assigned, scores, ev, "test-model")


def add_article(store: Store, n: int, *, title: str, text: str = "", source: str = "suarantb",
                published: str = "2026-11-20T10:00:00+08:00", issues: dict[str, float] | None = None,
                partners: list[Partner] | None = None, duplicate_of: int | None = None) -> int:
    url = f"https://{source}.example/berita/{n}"
    rec = {"url": url, "source_id": source, "title": title, "text": text or f"{title}. Isi berita nomor {n}.",
           "lead": text.split("\n")[0] if text else title, "published": published, "content_hash": f"h{n}",
           "duplicate_of": duplicate_of}
    aid, _ = store.save_article(rec, seen_url=url, tags=tags_for(issues or {}), partners=partners or [])
    return aid


def sample_store(path: Path) -> Store:
    store = Store(path)
    store.upsert_sources([FakeSource("suarantb", "Nusa Tenggara Barat"), FakeSource("radarlombok", "Lombok Tengah")])
    kpk = Partner("Komisi Pemberantasan Korupsi", "KPK", "government", key="kpk", mentions=2)
    fitra = Partner("Forum Indonesia untuk Transparansi Anggaran NTB", "FITRA NTB", "civil_society", key="fitra-ntb")
    add_article(store, 1, title="KPK periksa dana desa di Lombok Timur", issues={"anti_corruption_budget": 0.93},
                partners=[kpk, fitra], published="2026-11-20T09:00:00+08:00",
                text="Penyidik memeriksa penggunaan dana desa.\nFITRA NTB meminta audit terbuka.")
    add_article(store, 2, title="=HYPERLINK(\"http://evil\") Bawaslu awasi pilkada", source="radarlombok",
                issues={"civic_space_democracy": 0.71}, published="2026-11-21T23:30:00+08:00",
                text="+62 pemantau pemilu hadir di Mataram.")
    add_article(store, 3, title="Festival kuliner Mataram", issues={}, published="2026-11-22T08:00:00+08:00",
                text="-Sate rembiga dan ayam taliwang memikat pengunjung.")
    add_article(store, 4, title="KPK periksa dana desa (salinan)", source="radarlombok",
                issues={"anti_corruption_budget": 0.88}, partners=[kpk], duplicate_of=1,
                published="2026-11-20T11:00:00+08:00", text="Penyidik memeriksa penggunaan dana desa.")
    return store


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_datasette(base: str, proc: subprocess.Popen, tries: int = 150) -> None:
    """Wait until a Datasette started by the test answers; fail with its stderr otherwise."""
    for _ in range(tries):
        try:
            if requests.get(base + "/-/versions.json", timeout=1).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail("datasette did not start: " + proc.stderr.read().decode()[-2000:])
