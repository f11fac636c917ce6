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
  const fb = new Cesium.Framebuffer({ context: scene.context, colorTextures: [g.colorTexture], destroyAttachments: false });
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
