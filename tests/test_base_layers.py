"""External base layers (gdi.yml ``basemap.external``: WMTS, WMS, XYZ with attribution) in the viewer and the
participation maps, and the offline base map under the plan maps.

The "external" hosts are the session demo's own ``/basemap`` and ``/wms`` reached as ``http://localhost:PORT``:
another origin than the page's ``http://127.0.0.1:PORT2`` (a second ``gdi serve`` on the same publications),
so the Content-Security-Policy and CORS are exercised as with basemap.de or LGLN, without the internet.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import requests
import yaml
from pydantic import ValidationError

from core.config import BasemapSettings
from tests.test_viewer_browser import browser, open_viewer, wait_ready  # noqa: F401 - fixture

from .conftest import free_port

pytestmark = pytest.mark.store


def _layers(port: int) -> list[dict]:
    ext = f"http://localhost:{port}"
    return [{"id": "stadt", "title": "Stadtplan (extern)", "kind": "xyz", "url": ext + "/basemap/{z}/{x}/{y}.png",
             "attribution": "Testkarte XYZ © Beispielamt 2026"},
            {"id": "wmts", "title": "Stadtplan (WMTS)", "kind": "wmts", "layer": "stadtplan",
             "tile_matrix_set": "GLOBAL_WEBMERCATOR",
             "url": ext + "/basemap/{TileMatrix}/{TileCol}/{TileRow}.png", "attribution": "Test-WMTS"},
            {"id": "luftbild", "title": "Bäume als WMS", "kind": "wms", "url": ext + "/wms",
             "layer": "SD.SpeciesDistribution", "attribution": "Test-WMS Bäume"}]


@pytest.mark.parametrize("layer, message", [
    ({"kind": "wmts", "url": "https://x.example/wmts"}, "needs layer, tile_matrix_set and a REST url"),
    ({"kind": "wms", "url": "https://x.example/wms"}, "(wms) needs layer"),
    ({"kind": "xyz", "url": "https://x.example/tiles.png"}, "needs a url with {z}, {x} and {y}"),
    ({"kind": "xyz", "url": "javascript:alert(1)/{z}/{x}/{y}"}, "String should match pattern"),
    ({"kind": "xyz", "url": "https://x.example/{z}/{x}/{y}.png\" onerror=\"x"}, "String should match pattern"),
])
def test_incomplete_or_hostile_base_layer_is_a_config_error(layer, message):
    with pytest.raises(ValidationError) as exc:
        BasemapSettings.model_validate({"external": [{"id": "b", "title": "B", "attribution": "A", **layer}]})
    assert message in str(exc.value)


def test_base_layer_ids_unique_and_origins_for_the_csp():
    one = {"title": "B", "kind": "xyz", "attribution": "A", "url": "https://sg.geodatenzentrum.de/{z}/{x}/{y}.png"}
    with pytest.raises(ValidationError, match="base layer ids must be unique: b"):
        BasemapSettings.model_validate({"external": [{"id": "b", **one}, {"id": "b", **one}]})
    s = BasemapSettings.model_validate({"external": [{"id": "a", **one},
                                                    {"id": "b", **one, "url": "/basemap/{z}/{x}/{y}.png"}]})
    assert s.origins() == ["https://sg.geodatenzentrum.de"]


@pytest.fixture(scope="module")
def second(demo_settings, demo_env, server, tmp_path_factory):
    """A second ``gdi serve`` on the demo's publications with three external base layers configured."""
    from gdi import server as gdi_server
    root = tmp_path_factory.mktemp("baselayers")
    demo_port = int(demo_env["GDI_PORT"])
    (root / "gdi.yml").write_text(yaml.safe_dump({"basemap": {"external": _layers(demo_port)}}), encoding="utf-8")
    port = free_port()
    # the demo's var dir, so the same public URL: what a node writes there at start (service configurations
    # naming the public URL) must stay what the session's server wrote, or later tests see this node's port
    env = dict(demo_env, GDI_PORT=str(port), GDI_SETTINGS=str(root / "gdi.yml"), GDI_RUN_DIR=str(root / "run"),
               GDI_PUBLIC_URL=server)
    proc = gdi_server.start(env, root / "serve.log")
    yield {"base": f"http://127.0.0.1:{port}", "external": f"http://localhost:{demo_port}"}
    gdi_server.stop(proc)


def test_viewer_page_lists_the_base_layers_and_allows_their_host(second):
    r = requests.get(second["base"] + "/viewer/", timeout=60)
    assert r.status_code == 200
    csp = r.headers["Content-Security-Policy"]
    img = csp.split("img-src")[1].split(";")[0]
    connect = csp.split("connect-src")[1].split(";")[0]
    assert second["external"] in img and second["external"] in connect, csp
    m = re.search(r'data-config="([^"]*)"', r.text)
    assert m, r.text[:2000]
    cfg = json.loads(html.unescape(m.group(1)))
    assert [b["id"] for b in cfg["baseLayers"]] == ["stadt", "wmts", "luftbild"]
    assert cfg["baseLayers"][0]["attribution"] == "Testkarte XYZ © Beispielamt 2026"


def test_viewer_draws_the_first_external_layer_with_its_text_credit(second, browser):  # noqa: F811
    from pyproj import Transformer

    from core.area import MARKT_25832
    lon, lat = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True).transform(*MARKT_25832)
    seen: list[str] = []
    refused: list[str] = []
    page = browser.new_page()
    page.on("request", lambda q: seen.append(q.url))
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(second["base"] + f"/viewer/#view={lon:.6f},{lat:.6f},1500,0,-90,0")
    wait_ready(page)
    wait_ready(page, "gdiViewer.imageryReady && gdiViewer.viewer.scene.globe.tilesLoaded")
    assert page.locator("#layer-base-stadt").is_checked()
    assert not page.locator("#layer-base-wmts").is_checked() and not page.locator("#layer-base-luftbild").is_checked()
    assert not page.locator("#layer-basemap").is_checked()   # the offline base map gives way to the external one
    ext = second["external"]
    tiles = [u for u in seen if u.startswith(ext + "/basemap/")]
    assert tiles, f"no tile of the external base layer requested: {seen[:20]}"
    credit = page.evaluate("""() => Array.from(document.querySelectorAll('.cesium-widget-credits, '
                              + '.cesium-credit-lightbox, .cesium-viewer-bottom')).map(e => e.innerHTML).join(' ')""")
    assert "Testkarte XYZ © Beispielamt 2026" in credit, credit[:2000]
    assert "<a " not in credit.split("Testkarte XYZ")[0][-200:] and "href" not in credit, credit[:2000]
    # the WMS and the WMTS base layers on request
    seen.clear()
    page.locator("#layer-base-luftbild").check()
    page.locator("#layer-base-wmts").check()
    wait_ready(page, "gdiViewer.viewer.scene.globe.tilesLoaded")
    page.wait_for_timeout(500)
    wms = [u for u in seen if u.startswith(ext + "/wms") and "REQUEST=GetMap" in u.replace("request=", "REQUEST=")]
    assert wms and all("SD.SpeciesDistribution" in u for u in wms), seen[:20]
    assert any(u.startswith(ext + "/basemap/") for u in seen), seen[:20]
    assert "layers=" in page.evaluate("location.hash") and "base-luftbild" in page.evaluate("location.hash")
    assert not refused, refused
    page.close()


def test_plan_map_has_a_base_map_with_its_source_note(second, browser):  # noqa: F811
    seen: list[str] = []
    page = browser.new_page()
    page.on("request", lambda q: seen.append(q.url))
    page.goto(second["base"] + "/beteiligung/verfahren/bplan_lerchenfeld")
    page.wait_for_selector(".leaflet-tile-loaded", timeout=60_000)
    page.wait_for_timeout(500)
    ext = second["external"]
    assert any(u.startswith(ext + "/basemap/") for u in seen), seen[:20]
    text = page.locator(".leaflet-control-attribution").inner_text()
    assert "Testkarte XYZ © Beispielamt 2026" in text, text
    csp = requests.get(second["base"] + "/beteiligung/verfahren/bplan_lerchenfeld", timeout=30).headers[
        "Content-Security-Policy"]
    assert ext in csp.split("img-src")[1].split(";")[0], csp
    page.close()


def test_plan_map_without_external_layers_uses_the_offline_base_map(server, browser, demo_settings):  # noqa: F811
    if demo_settings.basemap.path(demo_settings.datasets_dir) is None:
        pytest.fail("the demo has no offline base map (datasets/stadtplan)")
    seen: list[str] = []
    page = browser.new_page()
    page.on("request", lambda q: seen.append(q.url))
    page.goto(server + "/beteiligung/verfahren/bplan_lerchenfeld")
    page.wait_for_selector(".leaflet-tile-loaded", timeout=60_000)
    assert any("/basemap/" in u for u in seen), seen[:20]
    assert "Stadtplan: Stadt Hildesheim" in page.locator(".leaflet-control-attribution").inner_text()
    page.close()


def test_documented_settings_example_is_valid():
    doc = (Path(__file__).resolve().parent.parent / "docs" / "basemap.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(basemap:.*?)```", doc, re.S)
    assert block, "docs/basemap.md has no basemap: example"
    s = BasemapSettings.model_validate(yaml.safe_load(block.group(1))["basemap"])
    assert {b.kind for b in s.external} == {"wmts", "wms"}
