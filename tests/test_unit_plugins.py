"""Unit tests (no demo run) of the plugin registries: unknown names list the valid ones, registration by
path and by decorator, strict loading (a plugin that cannot load raises a PluginError naming its path),
and every built-in entry point (readers, mappers, encoders, generators, post-publish hooks) loads."""
from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from core.errors import PluginError
from core.hooks import POST_PUBLISH
from core.plugins import ENCODERS, GENERATORS, MAPPERS, READERS, Encoder, Mapper, Reader, Registry, require

from .conftest import ROOT


@pytest.fixture
def pkg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A throw-away package ``gdi_testplugins`` on sys.path (removed from sys.modules afterwards)."""
    root = tmp_path / "gdi_testplugins"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "good.py").write_text("def reader():\n    return 'good reader'\nVALUE = 42\n")
    (root / "broken.py").write_text("import gdi_dependency_that_is_not_installed\nVALUE = 1\n")
    (root / "raises.py").write_text("raise ImportError('libfoo.so.3: cannot open shared object file')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield root
    for name in [m for m in sys.modules if m == "gdi_testplugins" or m.startswith("gdi_testplugins.")]:
        del sys.modules[name]


# --------------------------------------------------------------------------- require

def test_require_resolves_module_and_attribute(pkg: Path) -> None:
    assert require("gdi_testplugins.good:VALUE") == 42


@pytest.mark.parametrize(("path", "fragments"), [
    ("gdi_testplugins.missing:reader",
     ["'gdi_testplugins.missing:reader' cannot be loaded", "ModuleNotFoundError", "gdi_testplugins.missing"]),
    ("gdi_no_such_package.mod:reader", ["'gdi_no_such_package.mod:reader'", "ModuleNotFoundError"]),
    ("gdi_testplugins.broken:VALUE",
     ["'gdi_testplugins.broken:VALUE' cannot be loaded", "gdi_dependency_that_is_not_installed"]),
    ("gdi_testplugins.raises:VALUE", ["'gdi_testplugins.raises:VALUE'", "ImportError", "libfoo.so.3"]),
    ("gdi_testplugins.good:nothing",
     ["'gdi_testplugins.good:nothing' cannot be loaded", "module 'gdi_testplugins.good' has no attribute 'nothing'"]),
    ("gdi_testplugins.good", ["'gdi_testplugins.good' is not of the form 'package.module:attribute'"]),
    (":reader", ["is not of the form"]),
])
def test_require_failures_name_the_path_and_the_cause(pkg: Path, path: str, fragments: list[str]) -> None:
    with pytest.raises(PluginError) as exc:
        require(path, what="reader 'x'")
    msg = str(exc.value)
    assert msg.startswith("reader 'x' ")
    for f in fragments:
        assert f in msg, (f, msg)


# --------------------------------------------------------------------------- Registry

def test_unknown_name_lists_the_valid_names() -> None:
    reg: Registry[Any] = Registry("reader", builtins={"csv": "x:y", "vector": "x:z"})
    reg.register("zeta", object())
    with pytest.raises(PluginError) as exc:
        reg.get("shp")
    assert str(exc.value) == "unknown reader 'shp'; valid readers: csv, vector, zeta"
    assert isinstance(exc.value, LookupError)


def test_register_by_path_loads_lazily_and_caches(pkg: Path) -> None:
    reg: Registry[Callable[[], str]] = Registry("reader")
    reg.register("good", "gdi_testplugins.good:reader")
    reg.register("broken", "gdi_testplugins.broken:VALUE")  # registering does not import
    assert "gdi_testplugins.good" not in sys.modules
    assert reg.names() == ["broken", "good"] and "good" in reg and "other" not in reg
    assert reg.path("good") == "gdi_testplugins.good:reader"
    fn = reg.get("good")
    assert fn() == "good reader" and reg.get("good") is fn
    with pytest.raises(PluginError, match=r"reader 'broken'.*gdi_dependency_that_is_not_installed"):
        reg.get("broken")


def test_register_a_path_over_a_loaded_plugin_replaces_it(pkg: Path) -> None:
    reg: Registry[Any] = Registry("encoder")
    reg.register("x", "gdi_testplugins.good:reader")
    assert reg.get("x")() == "good reader"
    reg.register("x", "gdi_testplugins.good:VALUE")
    assert reg.get("x") == 42


def test_register_by_decorator_returns_the_object() -> None:
    reg: Registry[Callable[[], int]] = Registry("generator")
    deco = reg.register("answer")
    assert deco is not None

    @deco
    def answer() -> int:
        return 42

    assert answer() == 42  # the decorator hands the function back unchanged
    assert reg.get("answer") is answer
    assert reg.path("answer") is None and reg.names() == ["answer"]


def test_register_an_object_directly() -> None:
    reg: Registry[object] = Registry("mapper")
    obj = object()
    assert reg.register("m", obj) is None
    assert reg.get("m") is obj


def test_items_loads_every_plugin_and_a_broken_one_raises(pkg: Path) -> None:
    reg: Registry[Any] = Registry("post-publish hook", builtins={"10_good": "gdi_testplugins.good:reader"})
    assert [n for n, _ in reg.items()] == ["10_good"]
    reg.register("20_broken", "gdi_testplugins.good:gone")
    with pytest.raises(PluginError, match=r"post-publish hook '20_broken'.*has no attribute 'gone'"):
        list(reg.items())


def test_entry_points_of_a_group_are_found_and_registration_adds_to_them() -> None:
    reg: Registry[Any] = Registry("reader", "gdi.readers")
    assert {"csv", "vector"} <= set(reg.names())
    reg.register("mine", object())
    assert {"csv", "vector", "mine"} <= set(reg.names())
    assert not Registry("reader", "gdi.no_such_group").names()


# --------------------------------------------------------------------------- the built-in plugins

def _declared(group: str) -> dict[str, str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"][group]


@pytest.mark.parametrize(("registry", "group", "check"), [
    (READERS, "gdi.readers", lambda o: isinstance(o, Reader)),
    (MAPPERS, "gdi.mappers", lambda o: isinstance(o, type) and issubclass(o, Mapper)),
    (ENCODERS, "gdi.encoders", lambda o: isinstance(o, type) and issubclass(o, Encoder)),
    (GENERATORS, "gdi.generators", callable),
    (POST_PUBLISH, "gdi.post_publish", callable),
], ids=["readers", "mappers", "encoders", "generators", "post_publish"])
def test_builtin_entry_points_all_load(registry: Registry[Any], group: str, check: Callable[[Any], bool]) -> None:
    declared = _declared(group)
    assert declared, f"pyproject.toml declares no {group}"
    # the installed metadata matches pyproject.toml (else: re-run `pip install -e .`, scripts/setup.sh does)
    assert {n: registry.path(n) for n in declared} == declared
    for name, obj in registry.items():
        assert check(obj), f"{group} {name!r} ({registry.path(name)}) is {obj!r}"


def test_threads_never_see_a_half_read_registry() -> None:
    """The first lookups of a web worker come from several threads at once: each sees every plugin (the
    entry points were read under a lock before the registry counts as read)."""
    import threading

    from core.plugins import Registry
    for _ in range(20):
        reg: Registry[object] = Registry("mapper", "gdi.mappers")
        barrier = threading.Barrier(8)
        seen: list[list[str]] = []

        def look(reg: Registry[object] = reg, barrier: threading.Barrier = barrier,
                 seen: list[list[str]] = seen) -> None:
            barrier.wait()
            seen.append(reg.names())
        threads = [threading.Thread(target=look) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert all("sd_trees" in names and "plu_zoning" in names for names in seen), seen
