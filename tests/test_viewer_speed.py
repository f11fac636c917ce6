"""What keeps the first view fast: the precomputed BRDF table (instead of Cesium's 1,024-sample GPU pass)
must equal what Cesium itself would render, and the viewer must really use it."""
from __future__ import annotations

import numpy as np
import pytest

from services.web.brdf_lut import LUT_FILE, SIZE, brdf_lut, integrate_brdf
from tests.test_viewer_browser import browser, open_viewer, tiles  # noqa: F401 - fixtures

CESIUM_LUT_JS = """() => {
  const scene = gdiViewer.viewer.scene;
  const g = new Cesium.BrdfLutGenerator();
  g.update(scene.frameState);
  const fb = new Cesium.Framebuffer({
    context: scene.context, colorTextures: [g.colorTexture], destroyAttachments: false });
  const px = scene.context.readPixels({ x: 0, y: 0, width: 256, height: 256, framebuffer: fb });
  fb.destroy(); g.destroy();
  return Array.from(px);
}"""


def committed_table() -> np.ndarray:
    return np.frombuffer(LUT_FILE.read_bytes(), dtype=np.uint8).reshape(SIZE, SIZE, 2)


def test_committed_table_is_the_generators_output():
    assert np.array_equal(brdf_lut(), committed_table()), \
        "static/brdf_lut.rg8 is stale: run python -m services.web.brdf_lut"


def test_split_sum_terms_behave_physically():
    n_dot_v = (np.arange(SIZE) + 0.5) / SIZE
    a, b = integrate_brdf(0.5 / SIZE, n_dot_v)       # almost a mirror
    assert np.all(a + b <= 1.0 + 1e-6)
    assert a[-1] + b[-1] == pytest.approx(1.0, abs=0.01)   # head-on mirror reflects everything
    a_rough, b_rough = integrate_brdf(1.0 - 0.5 / SIZE, n_dot_v)
    assert (a_rough + b_rough)[-1] < (a + b)[-1]     # rough surfaces lose energy to masking
    assert np.all(np.diff(b[SIZE // 4:]) <= 1e-9)    # Fresnel bias falls towards normal incidence


def test_table_matches_cesiums_own_gpu_output(browser, server):  # noqa: F811
    page = open_viewer(browser, server + "/viewer/#layers=")
    gpu = np.array(page.evaluate(CESIUM_LUT_JS), dtype=np.int16).reshape(SIZE, SIZE, 4)[:, :, :2]
    page.close()
    diff = np.abs(gpu - committed_table().astype(np.int16))
    assert diff.max() <= 1, f"largest difference {diff.max()} at {np.unravel_index(diff.argmax(), diff.shape)}"
    assert (diff == 0).mean() > 0.99


def test_viewer_hands_the_table_to_cesium(browser, server, tiles):  # noqa: F811
    page = open_viewer(browser, server + "/viewer/#layers=buildings")
    state = page.evaluate("""() => { const g = gdiViewer.viewer.scene._brdfLutGenerator;
        return { how: gdiViewer.brdfLut, texture: !!(g && g.colorTexture), cesiumRan: !!(g && g._drawCommand),
                 tiles: gdiViewer.tilesLoadedCount || 0 }; }""")
    page.close()
    assert state == {"how": "precomputed", "texture": True, "cesiumRan": False, "tiles": state["tiles"]}
    assert state["tiles"] > 0


def _largest_block_ecef(tiles_dir) -> list[float]:
    """ECEF centre of the largest roof triangle in the root's generalised content."""
    import json

    from citymodel.check import accessor, read_glb
    ts = json.loads((tiles_dir / "tileset.json").read_text())
    gltf, blob = read_glb(tiles_dir / ts["root"]["content"]["uri"])
    node = gltf["nodes"][0]
    s, t = np.asarray(node.get("scale", [1, 1, 1])), np.asarray(node.get("translation", [0, 0, 0]))
    roof = gltf["meshes"][0]["primitives"][1]
    yup = accessor(gltf, blob, roof["attributes"]["POSITION"]).astype(float) * s + t
    tri = accessor(gltf, blob, roof["indices"]).ravel().astype(int).reshape(-1, 3)
    p = yup[tri]
    area = np.linalg.norm(np.cross(p[:, 1] - p[:, 0], p[:, 2] - p[:, 0]), axis=1)
    c = p[area.argmax()].mean(axis=0)
    enu = np.array([c[0], -c[2], c[1], 1.0])
    m = np.asarray(ts["root"]["transform"]).reshape(4, 4).T
    return (m @ enu)[:3].tolist()


def test_city_wide_view_loads_only_the_generalised_root_and_explains_a_block(browser, server, tiles,  # noqa: F811
                                                                              demo_settings):
    tiles_dir = demo_settings.var_dir / "3dtiles" / "buildings"
    assert "content" in tiles["root"], "the demo tileset's root carries no generalised blocks"
    glbs = []
    page = browser.new_page()
    page.on("request", lambda r: glbs.append(r.url.rsplit("/", 1)[-1]) if r.url.endswith(".glb") else None)
    page.goto(server + "/viewer/#layers=buildings")
    from tests.test_viewer_browser import wait_ready
    wait_ready(page)
    assert glbs == [tiles["root"]["content"]["uri"].rsplit("/", 1)[-1]]
    xyz = _largest_block_ecef(tiles_dir)
    sel = page.evaluate("""(p) => { const s = gdiViewer.viewer.scene;
        const w = Cesium.SceneTransforms.worldToWindowCoordinates(s, new Cesium.Cartesian3(p[0], p[1], p[2]));
        return w ? [w.x, w.y, gdiViewer.pickAt(w.x, w.y)] : null; }""", xyz)
    assert sel is not None, "the block's position is not on the screen"
    sel = sel[2]
    text = page.locator("#building-info").inner_text()
    page.close()
    assert sel and "block" in sel, f"no block under the largest block's roof centre: {sel}"
    assert "Baublock aus" in text and "Zoomen Sie näher heran" in text
