"""The package layout: three stages in order, no import circles, modules of readable size.

Imports are read from the source with ``ast`` (module-level and function-level alike), so a
lazy import inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "monitor"
# A stage may import the top-level helpers and any earlier stage, never a later one.
STAGE_ORDER = ["collect", "analyse", "deliver"]
TOP_HELPERS = {"monitor.models", "monitor.config", "monitor.clock", "monitor.paths", "monitor.store",
               "monitor.console"}
# The scheduler is the one delivery module that drives a whole cycle.
ALLOWED = {("monitor.deliver.schedule", "monitor.pipeline")}
MAX_LINES = 800


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The project modules a file imports (``from monitor.x import y`` counts monitor.x.y if it is a module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("monitor")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("monitor") and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in known}
    return {m for m in found if m in known}


def stage(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGE_ORDER else None


def test_each_stage_has_its_home() -> None:
    names = set(modules())
    for expected in ("monitor.collect.fetch", "monitor.collect.extract", "monitor.collect.dates",
                     "monitor.collect.dedupe", "monitor.collect.urls", "monitor.collect.discover",
                     "monitor.analyse.classify", "monitor.analyse.train", "monitor.analyse.partners",
                     "monitor.analyse.textnorm", "monitor.analyse.features",
                     "monitor.deliver.export", "monitor.deliver.serve", "monitor.deliver.alerts",
                     "monitor.deliver.schedule", "monitor.pipeline", "monitor.store", "monitor.config",
                     "monitor.models", "monitor.cli"):
        assert expected in names, expected


def test_no_stage_imports_a_later_one() -> None:
    known = set(modules())
    wrong = []
    for name, path in modules().items():
        here = stage(name)
        if here is None:
            continue
        for target in imports_of(path, known):
            there = stage(target)
            if there is not None and STAGE_ORDER.index(there) > STAGE_ORDER.index(here):
                wrong.append(f"{name} -> {target}")
            if there is None and target not in TOP_HELPERS and target != "monitor" and (name, target) not in ALLOWED:
                wrong.append(f"{name} -> {target} (a stage imports only top-level helpers)")
    assert wrong == []


def test_no_import_circles() -> None:
    known = set(modules())
    graph = {name: imports_of(path, known) - {name} for name, path in modules().items()}
    # A package imports its own submodules to re-export them; that is not a circle back.
    for name in graph:
        graph[name] = {t for t in graph[name] if not t.startswith(name + ".")}
    circles = []

    def visit(node: str, trail: list[str], done: set[str]) -> None:
        if node in trail:
            circles.append(" -> ".join(trail[trail.index(node):] + [node]))
            return
        if node in done:
            return
        for nxt in sorted(graph.get(node, ())):
            if not (nxt.startswith(node + ".") or node.startswith(nxt + ".")):  # parent <-> child re-exports
                visit(nxt, trail + [node], done)
        done.add(node)

    done: set[str] = set()
    for start in sorted(graph):
        visit(start, [], done)
    assert circles == []


@pytest.mark.parametrize("name, path", sorted(modules().items()))
def test_module_size(name: str, path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines: split it by concern"
