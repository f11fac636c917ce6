"""The viewer in real headless Chromium (Debian's, WebGL through SwiftShader) against ``gdi serve``:
no request leaves 127.0.0.1, buildings are drawn, clicking a known building shows its attributes,
the share link restores the view, switching layers changes pixels, keyboard use, and axe-core.
Screenshots are kept in ``test-artifacts/viewer/``."""
from __future__ import annotations

import io
import math
import re
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

import numpy as np
import pytest
import requests

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Request

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts" / "viewer"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LOCAL = {"127.0.0.1", "localhost"}



@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    assert Path(CHROMIUM).exists(), f"Debian chromium not installed at {CHROMIUM} (setup installs it)"
    from playwright.sync_api import sync_playwright
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(tmp_path_factory.mktemp("chromium-profile")),
                                                   executable_path=CHROMIUM, args=FLAGS, headless=True,
                                                   viewport={"width": 1280, "height": 800}, locale="de-DE")
        yield ctx
        ctx.close()


@pytest.fixture(scope="module")
def browser_requests(browser: BrowserContext) -> list[str]:
    """Every URL any page of the browser context asked for (from now on)."""
    seen: list[str] = []

    def record(request: Request) -> None:
        seen.append(request.url)

    browser.on("request", record)
    return seen


def wait_ready(page, what: str = "window.gdiViewer && window.gdiViewer.ready", timeout: float = 90) -> None:
    """Poll (the page's CSP forbids Playwright's eval-based wait_for_function)."""
    end = time.time() + timeout
    while time.time() < end:
        if page.evaluate(f"!!({what})"):
            return
        time.sleep(0.1)
    state = page.evaluate("JSON.stringify(window.gdiViewer && {phase: gdiViewer.phase, error: gdiViewer.error})")
    raise AssertionError(f"viewer not ready after {timeout}s: {state}")


def open_viewer(browser, url: str, *, globe: bool = False, viewport: dict | None = None):
    page = browser.new_page()
    if viewport:
        page.set_viewport_size(viewport)
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(url)
    wait_ready(page)
    if globe:   # imagery overlays: wait for the globe's tiles too
        wait_ready(page, "gdiViewer.viewer.scene.globe.tilesLoaded && gdiViewer.imageryReady")
    page.wait_for_timeout(300)   # one more frame after the last tile
    return page


def map_pixels(page, name: str):
    from PIL import Image
    box = page.locator("#map").bounding_box()
    png = page.screenshot(path=str(ARTIFACTS / f"{name}.png"), clip=box)
    return Image.open(io.BytesIO(png)).convert("RGB")


def changed_fraction(a, b, tol: int = 24) -> float:
    import numpy as np
    d = np.abs(np.asarray(a, dtype=np.int16) - np.asarray(b, dtype=np.int16)).max(axis=2)
    return float((d > tol).mean())


def centre_view(height: float = 700.0, pitch: float = -45.0) -> str:
    """A view of the demo town's old town: camera south of the Marktplatz, looking north at ``pitch``."""
    from pyproj import Transformer

    from core.area import MARKT_25832
    lon, lat = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True).transform(*MARKT_25832)
    back = height / math.tan(math.radians(-pitch))
    return f"{lon:.6f},{lat - back / 111_320:.6f},{height},0,{pitch},0"


@pytest.fixture(scope="module")
def tiles(server):
    r = requests.get(server + "/3dtiles/buildings/tileset.json", timeout=30)
    assert r.status_code == 200, (f"the demo built no building tileset: /3dtiles/buildings/tileset.json answers "
                                  f"HTTP {r.status_code}")
    return r.json()


@pytest.fixture(scope="module")
def known_building(demo_settings, tiles):
    """One building of the demo's footprint source: id, attributes and a point inside it (lon/lat)."""
    from pyproj import Transformer
    from shapely import wkb

    from citymodel.codes import function_label
    from core.alkis import DACHFORM
    # the demo's generated footprints (what /3dtiles/buildings is built from) first
    candidates = sorted((demo_settings.var_dir / "citymodel").glob("town_*.gpkg")) or \
        sorted(demo_settings.var_dir.rglob("*.gpkg"))
    for gpkg in candidates:
        con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
        try:
            for (table,) in con.execute("SELECT table_name FROM gpkg_geometry_columns"):
                cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
                if not {"dachform", "gebaeudefunktion"} <= set(cols):
                    continue
                key = "oid" if "oid" in cols else "key"
                storeys = "anzahlDerOberirdischenGeschosse"
                row = con.execute(f'SELECT "{key}", gebaeudefunktion, dachform, "{storeys}", geom FROM "{table}" '
                                  f'WHERE dachform IS NOT NULL AND "{storeys}" >= 2 ORDER BY fid LIMIT 1').fetchone()
                if row is None:
                    continue
                blob = row[4]
                # GeoPackage binary header: magic, version, flags (envelope size in bits 1-3), srs id
                env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(blob[3] >> 1) & 7]
                geom = wkb.loads(bytes(blob[8 + env:]))
                pt = geom.representative_point() if geom.area > 60 else None
                if pt is None:
                    continue
                lon, lat = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True).transform(pt.x, pt.y)
                return {"id": str(row[0]), "function": function_label(row[1]), "roof": DACHFORM[int(row[2])],
                        "storeys": str(int(row[3])), "lon": lon, "lat": lat, "source": str(gpkg)}
        finally:
            con.close()
    pytest.fail(f"no ALKIS-style footprint GeoPackage under {demo_settings.var_dir} to take a known building from "
                "(the demo's town buildings, var/citymodel/town_*.gpkg, are missing)")


def test_page_loads_offline_and_draws_buildings(browser, browser_requests, server, tiles):
    browser_requests.clear()
    page = open_viewer(browser, server + "/viewer/#layers=buildings")
    assert page.evaluate("gdiViewer.phase") == "ready"
    map_pixels(page, "city_wide")
    page.close()
    page = open_viewer(browser, server + f"/viewer/#view={centre_view()}&layers=buildings")
    with_b = map_pixels(page, "centre_buildings")
    page.close()
    page = open_viewer(browser, server + f"/viewer/#view={centre_view()}&layers=")
    without = map_pixels(page, "city_empty")
    page.close()
    hosts = {urlparse(u).hostname for u in browser_requests
             if urlparse(u).scheme in ("http", "https", "ws", "wss")}
    assert hosts <= LOCAL, f"requests to foreign hosts: {hosts - LOCAL}"
    assert any("/3dtiles/buildings/" in u and u.endswith(".glb") for u in browser_requests), "no tile content loaded"
    # the empty globe is one flat colour; the buildings must cover a visible share of the map
    assert changed_fraction(with_b, without) > 0.02


def test_click_known_building_shows_attributes(browser, server, known_building):
    kb = known_building
    page = open_viewer(browser, server + f"/viewer/#view={kb['lon']:.7f},{kb['lat']:.7f},350,0,-90,0&layers=buildings")
    box = page.locator("#map canvas").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(200)
    map_pixels(page, "street_selected")
    info = {el.get_attribute("data-attr"): el.inner_text() for el in page.locator("#building-info dd").all()}
    assert info, f"no attributes shown; panel says: {page.locator('#building-info').inner_text()}"
    assert info["id"] == kb["id"]
    assert info["function"] == kb["function"]
    assert info["roof"] == kb["roof"]
    assert info["storeys"] == kb["storeys"]
    assert info["height"].endswith(" m") and float(info["height"][:-2].replace(",", ".")) > 2
    # the same building in English: the UI and the ENUM labels are translated
    page.close()
    page = open_viewer(browser,
                       server + f"/viewer/?lang=en#view={kb['lon']:.7f},{kb['lat']:.7f},350,0,-90,0&layers=buildings")
    page.locator("#btn-pick").click()   # keyboard-reachable alternative: pick the building in the centre
    labels = page.locator("#building-info dt").all_inner_texts()
    assert "Roof form" in labels and "Storeys" in labels
    assert page.locator("#building-info dd[data-attr=id]").inner_text() == kb["id"]
    page.close()


def test_share_link_restores_view_and_layers(browser, server, tiles):
    page = open_viewer(browser, server + "/viewer/#layers=buildings")
    canvas = page.locator("#map canvas")
    canvas.focus()
    for key in ("+", "+", "ArrowUp", "e", "PageDown"):   # move by keyboard only
        canvas.press(key)
    page.locator("#btn-share").click()
    url = page.locator("#share-url").input_value()
    before = page.evaluate("gdiViewer.cameraState()")
    page.close()
    assert "#view=" in url and "layers=buildings" in url
    page = open_viewer(browser, url)
    after = page.evaluate("gdiViewer.cameraState()")
    map_pixels(page, "share_restored")
    assert abs(after["lon"] - before["lon"]) < 1e-5 and abs(after["lat"] - before["lat"]) < 1e-5
    assert abs(after["height"] - before["height"]) < 0.5
    assert abs(((after["heading"] - before["heading"] + 180) % 360) - 180) < 0.2
    assert abs(after["pitch"] - before["pitch"]) < 0.2
    assert page.locator("#layer-buildings").is_checked()
    page.close()


def test_layer_switch_changes_pixels(browser, server, tiles):
    page = open_viewer(browser, server + f"/viewer/#view={centre_view()}&layers=buildings", globe=True)
    on = map_pixels(page, "switch_on")
    page.locator("#layer-buildings").uncheck()   # the real checkbox, as a user would
    page.wait_for_timeout(500)
    off = map_pixels(page, "switch_off")
    assert "layers=&" in page.evaluate("location.hash") or page.evaluate("location.hash").endswith("layers=")
    assert changed_fraction(on, off) > 0.02
    page.close()


def test_wms_overlay_switch_changes_pixels(browser, server, demo_settings):
    from pyproj import Transformer

    from core.area import MARKT_25832
    from core.publication import current_manifest
    assert current_manifest(demo_settings.publish_dir, "trees") is not None
    # the old town: the demo's Hildesheim street trees (the Münster extract lies elsewhere)
    lon, lat = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True).transform(*MARKT_25832)
    page = open_viewer(browser, server + f"/viewer/#view={lon:.6f},{lat:.6f},1500,0,-90,0&layers=",
                       globe=True)
    assert not page.locator("#layer-trees").is_disabled(), \
        "the viewer's trees switch is disabled: the WMS offers no SD.SpeciesDistribution layer"
    off = map_pixels(page, "trees_off")
    page.locator("#layer-trees").check()
    wait_ready(page, "gdiViewer.layers.trees.imagery && gdiViewer.layers.trees.imagery.ready !== false")
    page.wait_for_timeout(1000)   # let the globe start requesting the new layer's tiles
    wait_ready(page, "gdiViewer.viewer.scene.globe.tilesLoaded")
    page.wait_for_timeout(500)
    on = map_pixels(page, "trees_on")
    assert changed_fraction(on, off) > 0.001
    assert page.locator("li:has(#layer-trees) img").get_attribute("src").startswith("/wms")
    page.close()


def _axe(page) -> list[dict]:
    page.evaluate(AXE.read_text(encoding="utf-8"))   # CDP evaluation is not subject to the page's CSP
    res = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', "
                        "'wcag21aa']}}).then(r => r.violations.map(v => ({id: v.id, impact: v.impact, "
                        "nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))")
    return [v for v in res if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("path", ["/viewer/", "/viewer/?lang=en", "/viewer/barrierefreiheit"])
def test_axe_core_no_serious_violations(browser, server, path):
    page = browser.new_page()
    # the controls do not depend on what the map shows: an empty map keeps the test fast
    page.goto(server + path + ("#layers=" if "barriere" not in path else ""))
    if path.startswith("/viewer/") and "barriere" not in path:
        wait_ready(page)
        wait_ready(page, "gdiViewer.imageryReady")
        page.locator("#search-input").fill("weg")
        page.locator("#search-form button[type=submit]").click()
        page.wait_for_timeout(500)
    bad = _axe(page)
    page.screenshot(path=str(ARTIFACTS / f"axe_{path.strip('/').replace('/', '_').replace('?', '_') or 'root'}.png"))
    page.close()
    assert bad == [], bad


def test_every_control_reachable_by_keyboard_with_visible_focus(browser, server):
    page = open_viewer(browser, server + "/viewer/#layers=")
    wait_ready(page, "gdiViewer.imageryReady")
    controls = page.evaluate("""Array.from(document.querySelectorAll(
        'a[href], button, input:not([type=hidden]):not([disabled]), textarea, select, summary, canvas[tabindex]'))
        .filter(e => e.offsetParent !== null).map(e => e.id || e.textContent.trim().slice(0, 30))""")
    seen, outlines = [], []
    for _ in range(len(controls) + 10):
        page.keyboard.press("Tab")
        cur = page.evaluate("""(() => { const e = document.activeElement; if (e === document.body) return {key: ""};
            const s = getComputedStyle(e);
            return {key: e.id || e.textContent.trim().slice(0, 30), outline: s.outlineStyle,
                    width: parseFloat(s.outlineWidth), shadow: s.boxShadow}; })()""")
        seen.append(cur["key"])
        outlines.append(cur)
    missing = [c for c in controls if c not in seen]
    assert not missing, f"not reachable by Tab: {missing}"
    invisible = [o["key"] for o in outlines if o["key"] and (o["outline"] == "none" or o["width"] < 2)
                 and o["shadow"] == "none"]
    # the map canvas shows its focus ring on the surrounding region (.map:focus-within)
    invisible = [k for k in invisible if k != ""]
    assert not invisible, f"focus not visible on: {invisible}"
    # the search works from the keyboard alone
    page.locator("#search-input").focus()
    page.keyboard.type("weg")
    page.keyboard.press("Enter")
    wait_ready(page, "document.getElementById('search-status').textContent.length > 0", timeout=20)
    page.close()


def test_measure_distance_between_two_clicks(browser, server):
    page = open_viewer(browser, server + "/viewer/#view=9.95,52.15,2000,0,-90,0&layers=")
    page.locator("#btn-measure").click()
    assert page.locator("#btn-measure").get_attribute("aria-pressed") == "true"
    box = page.locator("#map canvas").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(cx - 200, cy)
    page.mouse.click(cx + 200, cy)
    page.wait_for_timeout(200)
    m = page.evaluate("gdiViewer.lastMeasure")
    assert m and page.locator("#measure-result").inner_text().startswith("Entfernung")
    # 400 px across a top-down view from 2000 m with Cesium's 60° field of view: about 2*2000*tan(30°)*400/width
    expected = 2 * 2000 * math.tan(math.radians(30)) * 400 / box["width"]
    assert 0.6 * expected < m["horizontal"] < 1.4 * expected
    page.close()


def test_planned_buildings_toggle(browser, server, tiles):
    index = requests.get(server + "/3dtiles/index.json", timeout=30).json()
    planned = [t for t in index.get("tilesets", []) if t.get("kind") == "planned"]
    assert planned, f"/3dtiles/index.json lists no planned tileset (the demo plans' variants): {index}"
    from pyproj import Transformer
    entry = planned[0]
    ts = requests.get(server + "/3dtiles/" + entry["url"], timeout=30).json()
    x0, y0, x1, y1 = ts["asset"]["extras"]["bbox_25832"]
    lon, lat = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True).transform((x0 + x1) / 2, (y0 + y1) / 2)
    # the camera above the volumes' tops (on the terrain they stand 120-240 m above the ellipsoid)
    box = ts["root"]["boundingVolume"]["box"]
    centre = np.asarray(ts["root"].get("transform", np.eye(4).ravel())).reshape(4, 4).T @ np.array([*box[:3], 1.0])
    top = Transformer.from_crs("EPSG:4978", "EPSG:4979", always_xy=True).transform(*centre[:3])[2] + abs(box[11])
    height = top + max(x1 - x0, y1 - y0) * 1.2
    layer_id = "planned-" + entry["id"].removeprefix("planned/").replace("/", "_")
    page = open_viewer(browser, server + f"/viewer/#view={lon:.6f},{lat:.6f},{height:.0f},0,-90,0&layers=")
    wait_ready(page, f"document.getElementById('layer-{layer_id}')", timeout=30)
    off = map_pixels(page, "planned_off")
    page.locator(f"#layer-{layer_id}").check()
    wait_ready(page, f"gdiViewer.loaded['{layer_id}']")
    page.wait_for_timeout(500)
    on = map_pixels(page, "planned_on")
    assert changed_fraction(on, off) > 0.002
    assert f"layers={layer_id}" in page.evaluate("location.hash")
    page.close()


def test_kiosk_mode_hides_share_and_returns_home_when_idle(browser, server, tiles):
    page = open_viewer(browser, server + f"/viewer/?kiosk=1&idle=3#view={centre_view()}&layers=buildings")
    assert page.locator("#btn-share").is_hidden()
    canvas = page.locator("#map canvas")
    canvas.focus()
    # a citizen zooms into a street (the idle timer may already have fired while the page loaded)
    canvas.press("Shift")   # any input restarts the idle timer
    page.evaluate("gdiViewer.viewer.camera.setView({destination: Cesium.Cartesian3.fromDegrees(9.95, 52.15, 300)})")
    before = page.evaluate("gdiViewer.kioskResets || 0")
    canvas.press("ArrowUp")
    assert page.evaluate("gdiViewer.cameraState().height") < 1000
    wait_ready(page, f"(gdiViewer.kioskResets || 0) > {before}", timeout=30)
    assert page.evaluate("gdiViewer.cameraState().height") > 3000   # back at the city-wide home view
    page.close()


# ---- tracker issue 17, item 5 (viewer): 2D, keyboard help, Escape, layer names, phone, credit ----

def wait_tiles(page) -> None:
    """After a camera change: the building tileset has every tile the new view needs."""
    page.wait_for_timeout(500)
    wait_ready(page, "gdiViewer.tileset.tilesLoaded && gdiViewer.viewer.scene.globe.tilesLoaded")
    page.wait_for_timeout(300)


def test_2d_view_keeps_buildings_drawn(browser, server, tiles, known_building):
    """In Cesium's SCENE2D the buildings vanished while their layer stayed ticked (the tileset is projected to
    2D only approximately, so a building is not drawn where it stands, and the morph kept the camera over the
    3D camera's position, kilometres south of the city in the home view)."""
    kb = known_building
    # a share link with mode=2d straight over a known building: it is drawn there and picked there
    page = open_viewer(browser, server + f"/viewer/#view={kb['lon']:.7f},{kb['lat']:.7f},350,0,-90,0"
                                         "&layers=buildings&mode=2d")
    assert page.evaluate("gdiViewer.cameraState().mode") == "2d"
    on = map_pixels(page, "2d_known_building")
    picked = page.evaluate("gdiViewer.pickCentre()")
    page.close()
    page = open_viewer(browser, server + f"/viewer/#view={kb['lon']:.7f},{kb['lat']:.7f},350,0,-90,0&layers=&mode=2d")
    off = map_pixels(page, "2d_known_building_empty")
    page.close()
    w, h = on.size
    centre = (w // 2 - 2, h // 2 - 2, w // 2 + 3, h // 2 + 3)
    assert changed_fraction(on.crop(centre), off.crop(centre)) > 0.5, "the building is not drawn where it stands"
    assert picked and picked["id"] == kb["id"], f"2D view over {kb['id']} picked {picked}"

    view = centre_view(350.0, -90.0)   # straight down, roofs only: close enough for them to cover > 1 %
    # a share link with mode=2d
    page = open_viewer(browser, server + f"/viewer/#view={view}&layers=buildings&mode=2d")
    state = page.evaluate("gdiViewer.cameraState()")
    assert state["mode"] == "2d" and abs(state["pitch"] + 90) < 0.01
    assert page.locator("#layer-buildings").is_checked()
    assert page.locator("#btn-mode").inner_text() == "3D-Ansicht"
    on = map_pixels(page, "2d_link_buildings")
    page.close()
    page = open_viewer(browser, server + f"/viewer/#view={view}&layers=&mode=2d")
    off = map_pixels(page, "2d_link_empty")
    page.close()
    assert changed_fraction(on, off) > 0.01, "no buildings drawn in the 2D view of a share link"

    # the 2D button, from an oblique 3D view
    page = open_viewer(browser, server + f"/viewer/#view={centre_view(350.0, -45.0)}&layers=buildings")
    page.locator("#btn-mode").click()
    wait_tiles(page)
    state = page.evaluate("gdiViewer.cameraState()")
    assert state["mode"] == "2d" and abs(state["pitch"] + 90) < 0.01
    assert "mode=2d" in page.evaluate("location.hash")
    assert page.locator("#layer-buildings").is_checked()
    on = map_pixels(page, "2d_button_buildings")
    page.locator("#layer-buildings").uncheck()
    page.wait_for_timeout(500)
    off = map_pixels(page, "2d_button_empty")
    assert changed_fraction(on, off) > 0.01, "the 2D button made the buildings vanish"
    # tilt is locked in 2D (keyboard and Cesium's own mouse/touch tilt)
    page.locator("#map canvas").focus()
    page.keyboard.press("PageDown")
    page.keyboard.press("PageUp")
    page.keyboard.press("PageUp")
    assert abs(page.evaluate("gdiViewer.cameraState().pitch") + 90) < 0.01
    assert page.evaluate("gdiViewer.viewer.scene.screenSpaceCameraController.enableTilt") is False
    # and back to 3D: tilted again, the same layer still drawn
    page.locator("#layer-buildings").check()
    page.locator("#btn-mode").click()
    wait_tiles(page)
    state = page.evaluate("gdiViewer.cameraState()")
    assert state["mode"] == "3d" and state["pitch"] > -80
    assert "mode=2d" not in page.evaluate("location.hash")
    assert page.evaluate("gdiViewer.viewer.scene.screenSpaceCameraController.enableTilt") is True
    assert page.errors == []
    page.close()


def test_escape_ends_measuring_and_clears_selection(browser, server, known_building):
    kb = known_building
    page = open_viewer(browser, server + f"/viewer/#view={kb['lon']:.7f},{kb['lat']:.7f},350,0,-90,0&layers=buildings")
    box = page.locator("#map canvas").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(cx, cy)    # selects the building (and focuses the map)
    assert page.locator("#building-info dd[data-attr=id]").inner_text() == kb["id"]
    page.locator("#btn-measure").click()
    page.mouse.click(cx - 100, cy + 60)   # the first point of a measurement
    assert page.evaluate("gdiViewer.viewer.entities.values.length") == 1
    assert page.locator("#measure-result").inner_text() != ""
    page.keyboard.press("Escape")
    assert page.evaluate("gdiViewer.measuring") is False
    assert page.locator("#btn-measure").get_attribute("aria-pressed") == "false"
    assert page.evaluate("gdiViewer.viewer.entities.values.length") == 0
    assert page.locator("#measure-result").inner_text() == ""
    assert page.evaluate("gdiViewer.selected") is None
    assert page.locator("#building-info dd").count() == 0
    assert page.locator("#building-info").inner_text().startswith("Kein Gebäude ausgewählt")
    assert page.locator("#status").inner_text() == "Messen beendet."
    # clicking the map measures no longer: it selects again; Escape from a panel control clears it too
    page.mouse.click(cx, cy)
    assert page.locator("#building-info dd[data-attr=id]").inner_text() == kb["id"]
    page.locator("#btn-measure").click()
    page.locator("#btn-measure").focus()
    page.keyboard.press("Escape")
    assert page.evaluate("gdiViewer.measuring") is False
    assert page.evaluate("gdiViewer.selected") is None
    page.close()


def test_layer_list_shows_display_names_and_keyboard_help(browser, server, tiles):
    index = requests.get(server + "/3dtiles/index.json", timeout=30).json()["tilesets"]
    for lang, help_label, main in (("de", "Tastaturbedienung", "Gebäude (3D)"),
                                   ("en", "Keyboard use", "Buildings (3D)")):
        page = open_viewer(browser, server + f"/viewer/?lang={lang}#layers=")
        wait_ready(page, "gdiViewer.imageryReady")
        wait_ready(page, f"document.querySelectorAll('#layer-list input[data-layer]').length >= {len(index) + 4}",
                   timeout=30)
        assert page.locator("details.box > summary").inner_text() == help_label
        labels = page.locator("#layer-list label").all_inner_texts()
        page.close()
        assert main in labels
        for label in labels:
            assert "_" not in label, f"an id in the layer list: {label!r}"
            words = [w.casefold() for w in re.findall(r"\w+", label)]
            assert len(words) == len(set(words)), f"repeated word in {label!r}"
        for e in (e for e in index if e["id"] != "buildings"):   # the main one is "Gebäude (3D)" (checked above)
            leaf = re.compile(rf"(?<!\w){re.escape(e['id'].rsplit('/', 1)[-1])}(?!\w)")
            assert not any(leaf.search(label) for label in labels), f"{e['id']} listed by its id: {labels}"


def test_measure_result_visible_over_the_map_on_a_phone(browser, server):
    phone = {"width": 390, "height": 844}
    page = open_viewer(browser, server + "/viewer/#view=9.95,52.15,2000,0,-90,0&layers=", viewport=phone)
    page.locator("#btn-measure").click()    # in the panel below the map
    page.locator("#map").scroll_into_view_if_needed()
    box = page.locator("#map canvas").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= phone["height"], box
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(cx - 120, cy)
    page.mouse.click(cx + 120, cy)
    page.wait_for_timeout(200)
    result = page.locator("#measure-result")
    assert result.inner_text().startswith("Entfernung")
    r = result.bounding_box()
    page.screenshot(path=str(ARTIFACTS / "phone_measure.png"))
    assert r is not None and r["width"] > 0 and r["height"] > 0
    def inside(a: dict, w: float, h: float, x0: float = 0.0, y0: float = 0.0) -> bool:
        return x0 <= a["x"] and a["x"] + a["width"] <= x0 + w and y0 <= a["y"] and a["y"] + a["height"] <= y0 + h
    assert inside(r, phone["width"], phone["height"]), f"the measure result is out of sight: {r}"
    assert inside(r, box["width"], box["height"], box["x"], box["y"]), f"the result is not over the map: {r} / {box}"
    # drawn on top of the map: its white box, not the map's colours, is what the screen shows there
    import numpy as np
    from PIL import Image
    shot = np.asarray(Image.open(io.BytesIO(page.screenshot(clip=r))).convert("RGB"))
    assert (shot.min(axis=2) >= 250).mean() > 0.5, "the measure result is hidden behind the map"
    bad = _axe(page)
    page.close()
    assert bad == [], bad


def test_cesium_credit_has_no_link(browser, server):
    page = open_viewer(browser, server + "/viewer/#layers=")
    credits = page.locator(".cesium-widget-credits")
    assert "CesiumJS" in credits.inner_text()
    assert page.locator(".cesium-widget-credits a[href], .cesium-credit-lightbox a[href]").count() == 0
    assert page.locator(".cesium-widget-credits a:visible").count() == 0
    assert page.locator("#map a[href]").count() == 0
    page.close()

