"""Point clouds (issue 24): a real LAZ sample and a generated scan through py3dtiles into 3D Tiles 1.1,
every glb through Khronos' gltf-validator, the tileset's own checks (3d-tiles-validator is not on this
project's npm registry), placement on the globe, incremental/atomic rebuild, /3dtiles serving, and the tree
metrics against the generated crowns (heights within 0.5 m, a felled tree reported)."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import laspy
import numpy as np
import pytest
import requests
from click.testing import CliRunner
from pyproj import Transformer
from werkzeug.test import Client

from citymodel.terrain import make_demo_dgm
from pointcloud.check import check_pointcloud_tileset, glb_points
from pointcloud.convert import ConvertOptions, convert_tiles
from pointcloud.dgm import Dgm
from pointcloud.generate import Scene, blocks_between, generate_las, read_tree_csv, standing_trees, visible_tops
from pointcloud.glb import fix_glb
from pointcloud.trees import MetricOptions, measure
from tests.gltfcheck import gltf_validate
from tests.tileserve import viewer_and_tiles

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "pointcloud" / "autzen_trim.laz"
TREES_CSV = ROOT / "datasets" / "trees" / "baumkataster_muenster.csv"
WINDOW = (404_500.0, 5_755_000.0, 404_700.0, 5_755_200.0)   # 200 m × 200 m of the bundled cadastre
DENSITY = 8.0

def extent_lonlat(mins, maxs, crs) -> tuple[float, float, float, float]:
    t = Transformer.from_crs(crs, 4258, always_xy=True)
    lon, lat = t.transform([mins[0], maxs[0], mins[0], maxs[0]], [mins[1], mins[1], maxs[1], maxs[1]])
    return min(lon), min(lat), max(lon), max(lat)


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    d = tmp_path_factory.mktemp("real")
    out = d / "tiles"
    rep = convert_tiles([SAMPLE], out, ConvertOptions(name="Autzen", crs_in="EPSG:2994", vertical="ellipsoidal"))
    return {"dir": d, "out": out, "report": rep}


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    """A generated scan of the cadastre's trees in WINDOW, its tileset and the tree report."""
    d = tmp_path_factory.mktemp("scan")
    dgm_path = make_demo_dgm(d / "dgm.tif", WINDOW, res=5.0)
    rec = read_tree_csv(TREES_CSV)
    rec = rec.subset((rec.x > WINDOW[0]) & (rec.x < WINDOW[2]) & (rec.y > WINDOW[1]) & (rec.y < WINDOW[3]))
    stand, grown, gone = standing_trees(rec, seed=3)
    blocks, heights = blocks_between(stand, WINDOW, 12, seed=3)
    scene = Scene(WINDOW, stand, blocks, heights)
    gen = generate_las(d / "scan.laz", scene, Dgm(dgm_path), density=DENSITY, seed=3)
    df, rep = measure(rec, [d / "scan.laz"], dgm_path, d / "report", MetricOptions(tolerance_m=3.0))
    tiles = convert_tiles([d / "scan.laz"], d / "3dtiles" / "pointcloud" / "scan", ConvertOptions(name="Scan"))
    return {"dir": d, "dgm": dgm_path, "recorded": rec, "standing": stand, "grown": grown, "gone": gone,
            "scene": scene, "gen": gen, "df": df, "report": rep, "tiles": tiles}


# --- the real sample -------------------------------------------------------------------------------------

def test_real_sample_is_small_and_documented():
    assert SAMPLE.stat().st_size < 2_000_000
    src = (SAMPLE.parent / "SOURCE.md").read_text(encoding="utf-8")
    assert "laspy" in src and "BSD" in src


def test_real_sample_every_glb_passes_khronos_validator(real):
    glbs = sorted(real["out"].rglob("*.glb"))
    assert len(glbs) > 5
    res = gltf_validate(glbs)
    bad = {f: r for f, r in res.items() if r["errors"] or r["warnings"]}
    assert bad == {}


def test_real_sample_tileset_checks_and_placement(real):
    with laspy.open(SAMPLE) as f:
        h = f.header
        mins, maxs, count = h.mins, h.maxs, h.point_count
        classes = set(np.unique(f.read().classification).tolist())
    res = check_pointcloud_tileset(real["out"] / "tileset.json", extent_lonlat(mins, maxs, "EPSG:2994"))
    assert res.ok, res.errors
    ts = json.loads((real["out"] / "tileset.json").read_text())
    assert ts["asset"]["version"] == "1.1" and ts["asset"]["extras"]["points"] == count == 110_000
    # classification survives py3dtiles (formats 0-5 keep it in raw_classification; we upgrade to format 7)
    assert set(res.classes) == classes == {1, 2}
    # ellipsoidal: heights come out as the file's z (the check samples points, so within the range)
    assert mins[2] - 0.05 <= res.heights[0] < res.heights[1] <= maxs[2] + 0.05
    assert res.heights[1] - res.heights[0] > 0.9 * (maxs[2] - mins[2])


def test_real_sample_points_are_the_input_points(real):
    """Every leaf point is an input point, exactly (µm), after the y-up rotation and the transforms."""
    las = laspy.read(SAMPLE)
    t = Transformer.from_crs("EPSG:2994", "EPSG:4978", always_xy=True)
    src = np.column_stack(t.transform(np.asarray(las.x), np.asarray(las.y), np.asarray(las.z)))
    ts = json.loads((real["out"] / "tileset.json").read_text())

    def leaves(node, m):
        if "transform" in node:
            m = m @ np.asarray(node["transform"], float).reshape(4, 4).T
        if "content" in node and not node.get("children"):
            yield node["content"]["uri"], m
        for c in node.get("children", []):
            yield from leaves(c, m)
    checked = 0
    for uri, m in list(leaves(ts["root"], np.eye(4)))[:4]:
        p, _ = glb_points(real["out"] / uri)
        ecef = p[:20] @ m[:3, :3].T + m[:3, 3]
        for q in ecef:
            assert np.min(np.linalg.norm(src - q, axis=1)) < 0.01
            checked += 1
    assert checked > 20


def test_real_sample_each_input_point_once_at_full_refinement(real):
    """All glb together hold 113,562 points for the 110,000 input points: not duplicates of our rewrite but
    py3dtiles' level-of-detail copies. Its octree root ``r.glb`` (1,781 points) is ``refine: REPLACE`` and
    its points are repeated in its children, and its merger adds ``preview.glb`` above it (REPLACE, a copy
    of the inputs' roots: here of ``r``, computed by py3dtiles in float32 ECEF, up to 0.46 m off, so
    ``exact_preview`` rewrites it). A viewer hides both once the children are loaded; the other tiles (ADD
    and leaves) hold every input point exactly once."""
    from scipy.spatial import cKDTree
    t = real["report"]["tiles"]["autzen_trim.laz"]
    assert t["points_in_tiles"] == 110_000 and t["lod_copy_points"] == 113_562 - 110_000
    res = check_pointcloud_tileset(real["out"] / "tileset.json")
    assert (res.points, res.refined_points) == (113_562, 110_000)
    las = laspy.read(SAMPLE)
    tr = Transformer.from_crs("EPSG:2994", "EPSG:4978", always_xy=True)
    src = cKDTree(np.column_stack(tr.transform(np.asarray(las.x), np.asarray(las.y), np.asarray(las.z))))
    ts = json.loads((real["out"] / "tileset.json").read_text())
    found: dict[str, list[np.ndarray]] = {"shown": [], "copies": []}

    def walk(node, m, refine):
        refine = node.get("refine", refine)
        if "transform" in node:
            m = m @ np.asarray(node["transform"], float).reshape(4, 4).T
        if "content" in node:
            p, _ = glb_points(real["out"] / node["content"]["uri"])
            dist, idx = src.query(p @ m[:3, :3].T + m[:3, 3])
            assert dist.max() < 0.01, node["content"]["uri"]    # preview.glb too: rewritten exactly
            found["copies" if refine == "REPLACE" and node.get("children") else "shown"].append(idx)
        for c in node.get("children", []):
            walk(c, m, refine)
    walk(ts["root"], np.eye(4), "ADD")
    shown = np.concatenate(found["shown"])
    assert len(shown) == len(np.unique(shown)) == 110_000   # each input point once
    assert len(np.concatenate(found["copies"])) == 113_562 - 110_000


def test_py3dtiles_glb_fails_validator_and_our_fix_passes(tmp_path):
    """Why pointcloud/glb.py exists: py3dtiles' own glb has 3 validator errors."""
    from py3dtiles.points import Points
    from py3dtiles.tileset.content.gltf_utils import gltf_from_points
    rng = np.random.default_rng(1)
    pts = Points(positions=rng.random((100, 3)).astype(np.float32),
                 colors=rng.integers(0, 255, (100, 3)).astype(np.uint8),
                 extra_fields={"classification": np.full(100, 5, np.uint8)})
    f = tmp_path / "raw.glb"
    gltf_from_points(pts).save_binary(str(f))
    before = gltf_validate([f])[str(f)]
    assert before["errors"] >= 2, before
    assert any("UNALIGNED" in m for m in before["messages"])
    assert fix_glb(f) == 100
    after = gltf_validate([f])[str(f)]
    assert after["errors"] == 0 and after["warnings"] == 0, after
    p, cls = glb_points(f)
    assert cls is not None and np.allclose(p, pts.positions, atol=1e-6) and bool(np.all(cls == 5))


def test_missing_crs_is_an_error_naming_the_file(tmp_path):
    hdr = laspy.LasHeader(version="1.4", point_format=6)
    las = laspy.LasData(hdr)
    las.x, las.y, las.z = np.arange(10.0), np.arange(10.0), np.zeros(10)
    las.write(tmp_path / "nocrs.las")
    r = CliRunner().invoke(_cli(), ["pointcloud", "convert", str(tmp_path / "nocrs.las"), "--out",
                                    str(tmp_path / "t")], env={"GDI_VAR": str(tmp_path / "var")})
    assert r.exit_code == 1
    assert "nocrs.las" in r.output and "declares no CRS" in r.output


def _cli():
    from gdi.cli import cli
    return cli


def test_cli_convert_with_check(tmp_path):
    r = CliRunner().invoke(_cli(), ["pointcloud", "convert", str(SAMPLE), "--crs", "EPSG:2994", "--name", "Autzen",
                                    "--jobs", "1"], env={"GDI_VAR": str(tmp_path / "var")})
    assert r.exit_code == 0, r.output
    assert "110,000 points" in r.output and "ok" in r.output
    assert (tmp_path / "var" / "3dtiles" / "pointcloud" / "autzen" / "tileset.json").is_file()


# --- incremental and atomic ------------------------------------------------------------------------------

def test_rerun_keeps_unchanged_tiles_and_switches_atomically(tmp_path):
    a, b = tmp_path / "a.laz", tmp_path / "b.laz"
    shutil.copy(SAMPLE, a)
    shutil.copy(SAMPLE, b)
    out = tmp_path / "tiles"
    opts = ConvertOptions(crs_in="EPSG:2994", jobs=1)
    r1 = convert_tiles([a, b], out, opts)
    assert sorted(r1["converted"]) == ["a.laz", "b.laz"]
    first = {d.name for d in (out / "tiles").iterdir()}
    r2 = convert_tiles([a, b], out, opts)
    assert r2["converted"] == [] and sorted(r2["kept"]) == ["a.laz", "b.laz"]
    os.utime(b, ns=(b.stat().st_atime_ns, b.stat().st_mtime_ns + 10**9))   # b.laz "delivered again"
    r3 = convert_tiles([a, b], out, opts)
    assert r3["converted"] == ["b.laz"] and r3["kept"] == ["a.laz"]
    now = {d.name for d in (out / "tiles").iterdir()}
    ts = json.loads((out / "tileset.json").read_text())
    used = {c["content"]["uri"].split("/")[1] for c in ts["root"]["children"]}
    assert len(used) == 2 and used <= now
    assert first <= now                     # the previous generation stays for clients that loaded it
    assert not (out / ".staging").exists()
    assert check_pointcloud_tileset(out / "tileset.json").ok
    convert_tiles([a], out, opts)           # b dropped: its old folders go after one more generation
    convert_tiles([a], out, opts)
    assert len(list((out / "tiles").iterdir())) == 1


# --- the generated scan ----------------------------------------------------------------------------------

def test_generated_scan_has_classes_and_realistic_density(scan):
    gen = scan["gen"]
    assert {2, 5, 6} <= set(gen["classes"])
    las = laspy.read(scan["dir"] / "scan.laz")
    assert las.header.parse_crs().to_epsg() == 25832
    first = int((np.asarray(las.return_number) == 1).sum())
    area = (WINDOW[2] - WINDOW[0]) * (WINDOW[3] - WINDOW[1])
    assert first / area == pytest.approx(DENSITY, rel=0.05)
    # ground returns lie on the DGM (bilinear), roofs on the blocks
    g = np.asarray(las.classification) == 2
    dz = np.asarray(las.z)[g] - Dgm(scan["dgm"]).sample(np.asarray(las.x)[g], np.asarray(las.y)[g])
    assert abs(float(np.median(dz))) < 0.02 and float(np.percentile(np.abs(dz), 99)) < 0.15


def test_generated_scan_tileset_validates(scan):
    out = scan["dir"] / "3dtiles" / "pointcloud" / "scan"
    glbs = sorted(out.rglob("*.glb"))
    res = gltf_validate(glbs)
    assert {f: r for f, r in res.items() if r["errors"] or r["warnings"]} == {}
    check = check_pointcloud_tileset(out / "tileset.json", extent_lonlat(WINDOW[:2], WINDOW[2:], "EPSG:25832"))
    assert check.ok, check.errors
    assert {2, 5, 6} <= set(check.classes)
    # relative heights: the lowest point sits at 0 (like the city model on a globe without terrain)
    assert check.heights[0] == pytest.approx(0.0, abs=0.1)


def test_tree_heights_match_the_generated_crowns(scan):
    df, stand = scan["df"], scan["standing"]
    vis = dict(zip(stand.ids, visible_tops(scan["scene"], Dgm(scan["dgm"])), strict=True))
    truth = dict(zip(stand.ids, stand.height, strict=True))
    good = df[(df["quality"] == "good") & df["id"].map(lambda i: vis.get(i, False))]
    visible = sum(vis.values())
    assert len(good) >= 0.3 * visible and len(good) >= 20
    err = good["height_measured_m"].to_numpy() - np.array([truth[i] for i in good["id"]])
    assert np.abs(err).max() <= 0.5, good.assign(err=err)[np.abs(err) > 0.5]
    crowns = dict(zip(stand.ids, stand.crown, strict=True))
    cerr = good["crown_measured_m"].to_numpy() - np.array([crowns[i] for i in good["id"]])
    assert abs(float(np.median(cerr))) < 0.5


def test_report_lists_felled_and_grown_trees(scan):
    rep = scan["report"]
    assert scan["gone"] and scan["grown"]
    assert [t["id"] for t in rep["no_vegetation_returns"]] == scan["gone"]
    assert set(scan["grown"]) <= {t["id"] for t in rep["height_deviations"]}
    for t in rep["height_deviations"]:
        if t["id"] in scan["grown"]:
            assert t["height_difference_m"] == pytest.approx(5.0, abs=0.5)
    table = (scan["dir"] / "report" / "tree_metrics.csv").read_text()
    assert table.splitlines()[0].startswith("id,x,y,ground_m,height_recorded_m")
    assert len(table.splitlines()) == len(scan["recorded"]) + 1
    assert (scan["dir"] / "report" / "tree_metrics.gpkg").is_file()


def test_tolerance_is_configurable(scan):
    from pointcloud.trees import deviations
    many, _, _ = deviations(scan["df"], 0.01)
    few, _, _ = deviations(scan["df"], 3.0)
    assert len(many) > len(few) >= len(scan["grown"])


# --- served under /3dtiles ---------------------------------------------------------------------------------

def test_served_under_3dtiles(scan):
    from services.tiles.app import TilesApp
    c = Client(TilesApp(scan["dir"] / "3dtiles"))
    r = c.get("/pointcloud/scan/tileset.json")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    ts = json.loads(r.get_data())
    first = ts["root"]["children"][0]["content"]["uri"]
    r = c.get(f"/pointcloud/scan/{first}")
    assert r.status_code == 200 and r.headers["Content-Type"] == "model/gltf-binary"
    assert c.get("/pointcloud/scan/state.json").status_code == 404      # build state stays private
    idx = json.loads(c.get("/index.json").get_data())["tilesets"]
    assert [(e["id"], e["kind"]) for e in idx] == [("pointcloud/scan", "pointcloud")]


# --- the citizen viewer (real Chromium) ------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def viewer_url(scan, tmp_path_factory):
    """/viewer and /3dtiles (nothing else) over HTTP on 127.0.0.1, the scan's tileset the only one."""
    with viewer_and_tiles(tmp_path_factory.mktemp("viewer-var"), scan["dir"] / "3dtiles") as base:
        yield base


@pytest.mark.browser
def test_viewer_point_cloud_layer_on_off(viewer_url, tmp_path):
    assert Path(CHROMIUM).exists(), f"Debian chromium not installed at {CHROMIUM} (setup installs it)"
    import io
    import time

    from PIL import Image
    from playwright.sync_api import sync_playwright
    lon, lat = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True).transform(
        (WINDOW[0] + WINDOW[2]) / 2, (WINDOW[1] + WINDOW[3]) / 2)
    view = f"{lon:.6f},{lat:.6f},450,0,-90,0"

    def wait(page, what: str, timeout: float = 120) -> None:
        end = time.time() + timeout
        while time.time() < end:
            if page.evaluate(f"!!({what})"):
                return
            time.sleep(0.1)
        raise AssertionError(f"not {what} after {timeout}s: " + str(page.evaluate(
            "JSON.stringify(window.gdiViewer && {phase: gdiViewer.phase, error: gdiViewer.error})")))

    artifacts = ROOT / "test-artifacts" / "viewer"
    artifacts.mkdir(parents=True, exist_ok=True)

    def pixels(page, name: str) -> np.ndarray:
        box = page.locator("#map").bounding_box()
        png = page.screenshot(clip=box, path=str(artifacts / f"{name}.png"))
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)

    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(tmp_path / "profile"), executable_path=CHROMIUM, args=FLAGS,
                                                   headless=True, viewport={"width": 1000, "height": 700},
                                                   locale="de-DE")
        try:
            page = ctx.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"{viewer_url}/viewer/#view={view}&layers=pointcloud-scan")
            wait(page, "window.gdiViewer && gdiViewer.ready")
            label = page.locator("label[for='layer-pointcloud-scan']").inner_text()
            assert label.startswith("Laserpunkte (3D)")
            wait(page, "gdiViewer.loaded['pointcloud-scan']")
            assert page.evaluate("gdiViewer.planned['pointcloud-scan'].pointCloudShading.attenuation") is True
            page.wait_for_timeout(500)
            on = pixels(page, "pointcloud_on")
            page.locator("#layer-pointcloud-scan").uncheck()   # the real checkbox, as a user would
            page.wait_for_timeout(500)
            off = pixels(page, "pointcloud_off")
            assert "pointcloud-scan" not in page.evaluate("location.hash")
            changed = float((np.abs(on - off).max(axis=2) > 24).mean())
            assert changed > 0.05, changed
            assert errors == []
        finally:
            ctx.close()


def test_cli_trees_from_a_vector_file(scan, tmp_path):
    """The published source view's field names (key, height_m, crown_diameter_m) as the CLI's defaults."""
    import geopandas as gpd
    rec = scan["recorded"]
    gdf = gpd.GeoDataFrame({"key": rec.ids, "height_m": rec.height, "crown_diameter_m": rec.crown},
                           geometry=gpd.points_from_xy(rec.x, rec.y), crs="EPSG:25832")
    gdf.to_file(tmp_path / "trees.gpkg", layer="trees_source", driver="GPKG")
    r = CliRunner().invoke(_cli(), ["pointcloud", "trees", "--las", str(scan["dir"] / "scan.laz"), "--dgm",
                                    str(scan["dgm"]), "--trees", str(tmp_path / "trees.gpkg"), "--tolerance", "3",
                                    "--scan-date", "2025-03-14", "--out", str(tmp_path / "rep")],
                           env={"GDI_VAR": str(tmp_path / "var")})
    assert r.exit_code == 0, r.output
    rep = json.loads((tmp_path / "rep" / "tree_report.json").read_text())
    assert rep["measured_on"] == "2025-03-14" and rep["trees"] == len(rec)
    assert [t["id"] for t in rep["no_vegetation_returns"]] == scan["gone"]


def test_demo_scan_of_the_centre_stands_with_the_city_model(demo_settings, server):
    """`gdi demo` scans Hildesheim's centre over the demo city model: a validator-clean tileset with the
    buildings tileset's ground reference (so points and blocks line up on the viewer's globe), roofs of the
    demo footprints and trees between them, offered in the viewer as its own layer."""
    from pointcloud.check import check_pointcloud_tileset
    var = Path(demo_settings.var_dir)
    ts_path = var / "3dtiles" / "pointcloud" / "innenstadt" / "tileset.json"
    assert check_pointcloud_tileset(ts_path).ok
    extras = json.loads(ts_path.read_text())["asset"]["extras"]
    buildings = json.loads((var / "3dtiles" / "buildings" / "tileset.json").read_text())["asset"]["extras"]
    assert extras["ground_reference_m"] == buildings["ground_reference_m"]
    gen = json.loads((var / "pointcloud" / "innenstadt" / "scan_innenstadt.json").read_text())
    assert gen["buildings"] > 0 and gen["classes"]["6"] > 1000 and gen["classes"]["5"] > 1000, gen["classes"]
    html = requests.get(f"{server}/viewer/", timeout=60).text
    assert "Laserpunkte Innenstadt (3D, Beispiel)" in html
