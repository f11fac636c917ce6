"""Headless Chromium + CesiumJS (offline, no ion) renders the demo tileset served by ``/3dtiles`` and a
pixel check sees buildings: the globe is drawn in pure blue on black space, so any other colour in
the frame comes from the buildings; the same view with the tileset hidden has (almost) none."""
from __future__ import annotations

import functools
import http.server
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pyproj import Transformer

from core.area import MARKT_25832

ROOT = Path(__file__).resolve().parent.parent
CESIUM = ROOT / "node_modules" / "cesium" / "Build" / "Cesium"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script src="Cesium/Cesium.js"></script>
<link href="Cesium/Widgets/widgets.css" rel="stylesheet">
<style>html,body,#c{margin:0;width:800px;height:600px;overflow:hidden}</style></head>
<body><div id="c"></div><script>
window.state = {loaded: false, error: null, features: 0};
const viewer = new Cesium.Viewer('c', {baseLayer: false, geocoder: false, baseLayerPicker: false, timeline: false,
  animation: false, homeButton: false, sceneModePicker: false, navigationHelpButton: false, fullscreenButton: false,
  infoBox: false, selectionIndicator: false, skyBox: false, skyAtmosphere: false,
  terrainProvider: new Cesium.EllipsoidTerrainProvider(),
  contextOptions: {webgl: {preserveDrawingBuffer: true}}});
viewer.scene.globe.baseColor = new Cesium.Color(0, 0, 1, 1);
viewer.scene.globe.enableLighting = false;
viewer.scene.globe.showGroundAtmosphere = false;
viewer.scene.backgroundColor = Cesium.Color.BLACK;
viewer.scene.fog.enabled = false;
viewer.cesiumWidget.creditContainer.style.display = 'none';
viewer.camera.setView({destination: Cesium.Cartesian3.fromDegrees(%(lon)f, %(lat)f - 0.012, 1400),
  orientation: {heading: 0, pitch: Cesium.Math.toRadians(-50), roll: 0}});
Cesium.Cesium3DTileset.fromUrl('%(url)s').then(ts => {
  window.tileset = ts;
  viewer.scene.primitives.add(ts);
  ts.tileLoad.addEventListener(t => { window.state.features += t.content.featuresLength; });
  ts.allTilesLoaded.addEventListener(() => { window.state.loaded = true; });
}).catch(e => { window.state.error = String(e); });
</script></body></html>"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def page_server():
    """A static server for the test page and CesiumJS (the tileset comes from gdi serve via CORS)."""
    if not CESIUM.is_dir():
        pytest.fail("node_modules/cesium missing: run scripts/setup.sh (npm ci)")
    d = Path(tempfile.mkdtemp())
    (d / "Cesium").symlink_to(CESIUM)
    handler = functools.partial(_QuietHandler, directory=str(d))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield d, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    shutil.rmtree(d, ignore_errors=True)


def _building_pixels(png: bytes) -> int:
    import io

    from PIL import Image
    a = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    r, g = a[..., 0], a[..., 1]
    globe_or_space = (r < 40) & (g < 40)  # pure blue globe, black space (any shade of blue)
    return int((~globe_or_space).sum())


@pytest.mark.browser
def test_cesium_renders_buildings(server, page_server):
    from playwright.sync_api import sync_playwright
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing (apt chromium)")
    d, base = page_server
    lon, lat = Transformer.from_crs(25832, 4326, always_xy=True).transform(*MARKT_25832)
    (d / "index.html").write_text(PAGE % {"lon": lon, "lat": lat, "url": f"{server}/3dtiles/buildings/tileset.json"})
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            pg = browser.new_page(viewport={"width": 800, "height": 600})
            errors: list[str] = []
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.goto(f"{base}/index.html")
            pg.wait_for_function("window.state.loaded || window.state.error", timeout=180_000)
            state = pg.evaluate("window.state")
            assert state["error"] is None, state
            assert state["features"] > 50, state
            pg.wait_for_timeout(500)
            shown = _building_pixels(pg.locator("canvas").first.screenshot())
            pg.evaluate("window.tileset.show = false")
            pg.wait_for_timeout(800)
            hidden = _building_pixels(pg.locator("canvas").first.screenshot())
        finally:
            browser.close()
    assert not errors, errors
    assert shown > 10 * max(hidden, 100), (shown, hidden)
    assert hidden < 200, f"the frame without buildings should be blue/black only ({hidden} other pixels)"
    assert shown > 3000, f"buildings cover only {shown} pixels"
