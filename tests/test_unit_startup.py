"""A part that cannot load stops start-up with its name: mounts, sidecars, post-publish hooks, demo steps."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import PluginError


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GDI_VAR", str(tmp_path / "var"))
    from core.config import load_settings
    return load_settings()


def test_broken_mount_stops_the_app(settings, monkeypatch: pytest.MonkeyPatch) -> None:
    import services.app as app_module
    monkeypatch.setattr(app_module, "MOUNTS", {"/karte": "services.karte_fehlt.app:create"})
    with pytest.raises(PluginError) as exc:
        app_module.create_app(settings)
    assert "mount /karte" in str(exc.value)
    assert "services.karte_fehlt.app:create" in str(exc.value)
    assert "ModuleNotFoundError" in str(exc.value)


def test_mount_module_with_an_import_error_inside(settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An existing module whose own import fails is reported with that import error, not skipped."""
    pkg = tmp_path / "brokenmount"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("import not_installed_dependency_xyz\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import services.app as app_module
    monkeypatch.setattr(app_module, "MOUNTS", {"/x": "brokenmount:create"})
    with pytest.raises(PluginError, match="not_installed_dependency_xyz"):
        app_module.create_app(settings)


def test_broken_sidecar_stops_serve(settings, monkeypatch: pytest.MonkeyPatch) -> None:
    import services.sidecars as sidecars
    monkeypatch.setattr(sidecars, "SIDECARS", ["services.csw.sidecar:no_such_function"])
    with pytest.raises(PluginError, match="has no attribute 'no_such_function'"):
        sidecars.start_sidecars(settings)


def test_broken_post_publish_hook_stops_the_run(settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.hooks import POST_PUBLISH, run_post_publish
    POST_PUBLISH.names()  # scan the entry points first
    monkeypatch.setattr(POST_PUBLISH, "_paths", {"05_broken": "metadata.nothing_here:write"})
    monkeypatch.setattr(POST_PUBLISH, "_loaded", {})
    with pytest.raises(PluginError) as exc:
        run_post_publish(settings)
    assert "05_broken" in str(exc.value) and "metadata.nothing_here:write" in str(exc.value)


def test_hooks_run_in_name_order(settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.hooks import POST_PUBLISH, run_post_publish
    calls: list[str] = []
    monkeypatch.setattr(POST_PUBLISH, "_paths", {})
    monkeypatch.setattr(POST_PUBLISH, "_loaded", {"20_b": lambda s: calls.append("b"),
                                                  "10_a": lambda s: calls.append("a")})
    assert run_post_publish(settings) == ["10_a", "20_b"]
    assert calls == ["a", "b"]


def test_builtin_hooks_are_registered() -> None:
    from core.hooks import POST_PUBLISH
    assert POST_PUBLISH.names() == ["10_ogcapi_config", "20_wms_mapfile", "25_tile_cache", "30_metadata_records",
                                    "40_csw_load", "50_qgis_project", "60_plan_variants"]


def test_broken_demo_step_stops_the_demo(settings, monkeypatch: pytest.MonkeyPatch) -> None:
    import gdi.demo as demo
    monkeypatch.setattr(demo, "DEMO_STEPS", ["gdi.kein_schritt:run"])
    with pytest.raises(PluginError, match=r"demo step 'gdi\.kein_schritt:run'"):
        demo.prepare_demo(settings)
