"""The instrumentation of ``benchmarks/bench_pointcloud.py --viewer`` against the real viewer (issue 24).

The benchmark's times come from listeners it hooks onto the point-cloud tileset viewer.js creates
(``gdiViewer.planned['pointcloud-…']``). If viewer.js changes how it keeps that tileset, the benchmark
would silently report nothing; this test opens the viewer in Chromium (SwiftShader) through the
benchmark's own ``open_viewer`` with the real LAZ sample as the only tileset and checks that the hook saw
tiles load and points drawn, and that the layer changes the pixels. No timing assertions.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from pyproj import Transformer

from benchmarks import bench_pointcloud
from pointcloud.convert import ConvertOptions, convert_tiles
from tests.tileserve import viewer_and_tiles

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "pointcloud" / "autzen_trim.laz"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def viewer_base(tmp_path_factory):
    """/viewer and /3dtiles over HTTP on 127.0.0.1; the sample converted as ``pointcloud/bench``, no buildings."""
    var = tmp_path_factory.mktemp("bench-pc-var")
    convert_tiles([SAMPLE], var / "3dtiles" / "pointcloud" / "bench",
                  ConvertOptions(name="bench", crs_in="EPSG:2994", vertical="ellipsoidal"))
    with viewer_and_tiles(var, var / "3dtiles") as base:
        yield f"{base}/viewer/"


@pytest.mark.browser
def test_bench_hook_sees_point_tiles_drawn(viewer_base):
    assert Path(CHROMIUM).exists(), f"Debian chromium not installed at {CHROMIUM} (setup installs it)"
    from playwright.sync_api import sync_playwright
    # the sample's centre (EPSG:2994, feet), looked at from straight above
    lon, lat = Transformer.from_crs("EPSG:2994", "OGC:CRS84", always_xy=True).transform(636_590.0, 849_216.0)
    view = f"view={lon:.6f},{lat:.6f},600,0,-90,0"
    with sync_playwright() as p:
        on = bench_pointcloud.open_viewer(p, f"{viewer_base}#{view}&layers={bench_pointcloud.LAYER}", True,
                                          timeout=90)
        off = bench_pointcloud.open_viewer(p, f"{viewer_base}#{view}&layers=", False, timeout=90)
    assert on["page_errors"] == [] and off["page_errors"] == []
    assert on["tile_errors"] == 0
    assert 1 <= on["pc_tiles_drawn"] <= on["pc_tiles"], on
    # py3dtiles' tiles hold a few points twice (113,562 in the glbs for the sample's 110,000)
    assert 0 < on["pc_points_drawn"] <= 1.1 * 110_000, on
    for key in ("pc_created", "pc_first_load", "pc_first_drawn", "pc_all"):
        assert on[key] == on[key], f"{key} not recorded: {on}"    # NaN when the hook missed the event
    assert on["pc_created"] <= on["pc_first_load"] <= on["pc_first_drawn"]
    assert off["pc_tiles"] == 0 and off["pc_first_drawn"] != off["pc_first_drawn"]
    changed = float((np.abs(on["shot"] - off["shot"]).max(axis=2) > 24).mean())
    assert changed > 0.02, changed
