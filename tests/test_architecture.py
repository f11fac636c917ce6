"""The dependency direction of the packages (docs/architecture.md), checked on every module's imports.

core <- transforms <- gdi;  core <- metadata, citymodel <- services <- gdi. Nothing imports gdi; the core
imports none of the others; transforms imports only core; services, metadata and citymodel import no
transforms; metadata and citymodel import no services.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "transforms", "services", "metadata", "citymodel", "pointcloud", "gdi")

FORBIDDEN: dict[str, set[str]] = {
    "core": {"transforms", "services", "metadata", "citymodel", "pointcloud", "gdi"},
    "transforms": {"services", "metadata", "citymodel", "pointcloud", "gdi"},
    "metadata": {"transforms", "services", "citymodel", "pointcloud", "gdi"},
    "citymodel": {"transforms", "services", "metadata", "pointcloud", "gdi"},
    "pointcloud": {"transforms", "services", "metadata", "gdi"},
    "services": {"transforms", "gdi"},
}


def imported_packages(path: Path) -> list[tuple[int, str]]:
    """(line, top-level package) of every absolute import in a module, including imports inside
    functions; relative imports stay inside the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name.split(".")[0]) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.append((node.lineno, node.module.split(".")[0]))
    return out


def dotted_paths(path: Path) -> list[tuple[int, str]]:
    """Plugin paths written as strings (``"package.module:attr"``) count as dependencies too."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and ":" in node.value:
            head = node.value.split(":", 1)[0]
            if head.split(".")[0] in PACKAGES and all(p.isidentifier() for p in head.split(".")):
                out.append((node.lineno, head.split(".")[0]))
    return out


def violations(package: str) -> list[str]:
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for line, dep in imported_packages(path) + dotted_paths(path):
            if dep in FORBIDDEN[package]:
                bad.append(f"{path.relative_to(ROOT)}:{line} depends on {dep}")
    return bad


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_dependency_direction(package: str) -> None:
    assert (ROOT / package).is_dir()
    assert violations(package) == []


def test_checker_sees_a_violation(tmp_path: Path) -> None:
    """The checker itself finds imports at module level, inside functions and as plugin paths."""
    mod = tmp_path / "m.py"
    mod.write_text("import os\nfrom services.app import create_app\n"
                   "def f():\n    from transforms import pipeline\n"
                   "PLUGIN = 'citymodel.build:build_tileset'\n")
    deps = {d for _, d in imported_packages(mod) + dotted_paths(mod)}
    assert {"services", "transforms", "citymodel"} <= deps
