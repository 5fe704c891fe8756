"""Configuration loading: defaults, the shipped files, and one clear message per problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.config import (
    ISSUE_KEYS,
    ConfigError,
    load_issues,
    load_settings,
    load_sources,
)

ROOT = Path(__file__).resolve().parent.parent


def test_shipped_config_is_valid() -> None:
    s = load_settings(ROOT / "config" / "settings.toml")
    assert s.timezone == "Asia/Makassar" and s.fetch.per_host_delay > 0
    sources = load_sources(ROOT / "config" / "sources.toml")
    ids = {x.id for x in sources}
    assert {"suarantb", "radarlombok", "lombokjournal", "antaramataram", "ntbprov", "diskominfotik-ntb"} <= ids
    assert all(x.feeds or x.sitemaps or x.listings for x in sources)
    assert [i.key for i in load_issues(ROOT / "config" / "issues.toml")] == list(ISSUE_KEYS)


def test_missing_settings_file_gives_defaults(tmp_path: Path) -> None:
    s = load_settings(tmp_path / "settings.toml")
    assert s.db_path == Path("data/monitor.sqlite") and s.schedule_times == ["06:00"]


def test_every_problem_named_with_file_key_and_form(tmp_path: Path) -> None:
    f = tmp_path / "settings.toml"
    f.write_text('[general]\ntimezone = "Mars/Olympus"\n[fetch]\nper_host_delay = -1\nretries = "three"\n'
                 '[schedule]\ntimes = ["25:00"]\n[bogus]\nx = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(f)
    problems = err.value.problems
    assert len(problems) == 5
    assert f"{f}: general.timezone: expected an IANA time zone" in problems[0]
    assert any("fetch.per_host_delay: expected seconds >= 0, got the number -1" in p for p in problems)
    assert any("fetch.retries: expected an integer 0..10, got the text 'three'" in p for p in problems)
    assert any("schedule.times" in p and "25:00" in p for p in problems)
    assert any("bogus: unknown section" in p for p in problems)


def test_invalid_toml_reported(tmp_path: Path) -> None:
    f = tmp_path / "sources.toml"
    f.write_text("[[source]\nid = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_sources(f)


def test_source_problems(tmp_path: Path) -> None:
    f = tmp_path / "sources.toml"
    f.write_text("""
[[source]]
id = "Bad Id"
name = "x"
homepage = "https://x.id/"
feeds = ["https://x.id/feed/"]

[[source]]
id = "ok"
name = "ok"
homepage = "ftp://x.id/"
feeds = ["not a url"]
region_level = "planet"

[[source]]
id = "ok"
name = "dup"
homepage = "https://y.id/"
""", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_sources(f)
    text = str(err.value)
    assert "source #1: id: expected a lowercase id" in text
    assert "('ok'): homepage: expected an http(s) URL, got the text 'ftp://x.id/'" in text
    assert "('ok'): feeds: expected a list of http(s) URLs, got the text 'not a url'" in text
    assert "('ok'): region_level: expected one of province" in text
    assert "('ok'): id: expected an id not used by another source" in text
    assert "('ok'): feeds/sitemaps/listings: expected at least one discovery method" in text


def test_issue_taxonomy_must_hold_the_six_keys(tmp_path: Path) -> None:
    f = tmp_path / "issues.toml"
    f.write_text('[[issue]]\nkey = "anti_corruption_budget"\nname_id = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="expected the six codebook keys"):
        load_issues(f)
