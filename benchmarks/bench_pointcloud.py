"""Point clouds (issue 24): a generated 1 km² scan, ~10 points/m² (10 million points), 20,000 trees.

7 pulses/m²: the crowns of 20,000 trees give second and last returns, ~10 points/m² in all.

Side by side in one run, each step as its own process (wall time, peak RSS of the process and its
children, sampled every 0.1 s):

* laspy merely reading and writing the same file (the floor for any conversion);
* ``gdi pointcloud`` conversion: py3dtiles octree + our glb rewrite (validator-clean) -> 3D Tiles 1.1;
* tree metrics for 20,000 trees (target <= 60 s).

    .venv/bin/python benchmarks/bench_pointcloud.py [--quick] [--keep DIR]

``--viewer``: the citizen viewer's time to first points with the buildings loaded, instead of the steps
above. A var dir with the demo buildings (100,000, ``bench_viewer``'s tileset) and a scan generated over
them (500 m x 500 m around the city centre at the demo's 8 pulses/m², the demo footprints as its roofs,
the demo DGM as its ground) converted by ``gdi pointcloud convert``; ``gdi serve``; headless Chromium with
SwiftShader, each run a fresh browser profile (cold), ``/viewer`` with the buildings and the layer
"Laserpunkte (3D)" on, and as the baseline in the same run, interleaved, the same page with the layer off.
Times are the page's ``performance.now()`` from navigation start: the buildings' ``allTilesLoaded``
(``gdiViewer.timings``), and for the point-cloud tileset its first ``tileLoad``, its first ``tileVisible``
(a point tile selected for drawing: the frame that draws the first points) and its ``allTilesLoaded``.
That the points really render: the tiles loaded and points drawn, and the share of pixels that differ
between the layer on and off (same view, screenshots after loading).

    .venv/bin/python benchmarks/bench_pointcloud.py --viewer [--runs N] [--buildings N] [--var DIR]
"""
from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GENERATE = """
import sys, json, numpy as np
from pathlib import Path
from citymodel.terrain import make_demo_dgm
from pointcloud.dgm import Dgm
from pointcloud.generate import Scene, Trees, blocks_between, generate_las
d, side, ntrees, density = Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
bbox = (560000.0, 5778000.0, 560000.0 + side, 5778000.0 + side)
rng = np.random.default_rng(7)
h = rng.uniform(6, 28, ntrees)
trees = Trees(np.array([f"T{i:06d}" for i in range(ntrees)]), rng.uniform(bbox[0] + 5, bbox[2] - 5, ntrees),
              rng.uniform(bbox[1] + 5, bbox[3] - 5, ntrees), h, np.clip(h * rng.uniform(0.3, 0.5, ntrees), 2.5, 12))
dgm = make_demo_dgm(d / "dgm.tif", bbox, res=1.0)
blocks, hts = blocks_between(trees, bbox, int(side * side / 4000), seed=7)
rep = generate_las(d / "scan.las", Scene(bbox, trees, blocks, hts), Dgm(dgm), density=density, seed=7)
np.savez(d / "trees.npz", ids=trees.ids, x=trees.x, y=trees.y, h=trees.height, c=trees.crown)
print(json.dumps(rep))
"""

LASPY_COPY = """
import sys, laspy
las = laspy.read(sys.argv[1])
las.write(sys.argv[2])
print(len(las.points))
"""

CONVERT = """
import sys, json
from pathlib import Path
from pointcloud.convert import ConvertOptions, convert_tiles
rep = convert_tiles([Path(sys.argv[1])], Path(sys.argv[2]), ConvertOptions(name="bench", jobs=2))
print(json.dumps({k: rep[k] for k in ("points", "seconds", "tiles")}))
"""

METRICS = """
import sys, json, numpy as np
from pathlib import Path
from pointcloud.generate import Trees
from pointcloud.trees import measure
d = Path(sys.argv[1])
z = np.load(d / "trees.npz")
rec = Trees(z["ids"], z["x"], z["y"], z["h"], z["c"])
df, rep = measure(rec, [d / "scan.las"], d / "dgm.tif", d / "report")
print(json.dumps({"trees": len(df), "quality": rep["quality"], "seconds_read": rep["seconds_read"],
                  "seconds_metrics": rep["seconds_metrics"], "vegetation_returns": rep["vegetation_returns"]}))
"""


def run(code: str, *args: str) -> tuple[float, float, str]:
    """(wall s, peak RSS MB of the process tree, stdout)."""
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True)
    proc = psutil.Process(p.pid)
    peak = 0
    while p.poll() is None:
        try:
            rss = proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    out = p.stdout.read() if p.stdout else ""
    if p.returncode != 0:
        raise SystemExit(f"step failed ({p.returncode}): {code[:60]}")
    return time.perf_counter() - t0, peak / 2**20, out.strip().splitlines()[-1] if out.strip() else ""


# --- viewer: time to first points with the buildings loaded (--viewer) ----------------------------------

SCAN_SIDE, SCAN_DENSITY = 500.0, 8.0      # the demo scan's size and density (gdi pointcloud demo)
LAYER = "pointcloud-bench"                # the viewer's layer id of <var>/3dtiles/pointcloud/bench

CITY_SCAN = """
import sys, json
from pathlib import Path
from pointcloud.generate import scan_over_buildings
out, gpkg, dgm, cx, cy, side, density = (Path(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4]),
                                         float(sys.argv[5]), float(sys.argv[6]), float(sys.argv[7]))
bbox = (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2)
rep = scan_over_buildings(out, Path(gpkg), Path(dgm), bbox, density=density, seed=7)
print(json.dumps({**rep, "bbox": bbox}))
"""

# Installed before the page's own scripts: hooks the point-cloud tileset the moment viewer.js creates it
# (checked before every frame, so before its first update and long before its first tile arrives).
HOOK = """
(() => {
  const rec = window.__benchPc = {tilesLoaded: 0, tilesDrawn: 0, pointsDrawn: 0};
  const now = () => Math.round(performance.now());
  function attach() {
    const G = window.gdiViewer;
    if (rec.id || !G || !G.planned) return;
    const id = Object.keys(G.planned).find((k) => k.startsWith("pointcloud-"));
    if (!id) return;
    const ts = G.planned[id];
    rec.id = id; rec.created = now();
    ts.tileLoad.addEventListener(() => {
      rec.tilesLoaded += 1;
      if (!rec.firstTileLoaded) rec.firstTileLoaded = now();
    });
    const seen = new Set();   // each tile counted once, however many frames draw it
    ts.tileVisible.addEventListener((tile) => {
      if (!rec.firstTileVisible) rec.firstTileVisible = now();
      if (seen.has(tile)) return;
      seen.add(tile);
      rec.tilesDrawn += 1;
      rec.pointsDrawn += (tile.content && tile.content.pointsLength) || 0;
    });
    ts.allTilesLoaded.addEventListener(() => { if (!rec.allTilesLoaded) rec.allTilesLoaded = now(); });
  }
  const iv = setInterval(() => {
    const G = window.gdiViewer;
    if (G && G.viewer && !rec.hooked) { rec.hooked = true; G.viewer.scene.preRender.addEventListener(attach); }
    attach();
    if (rec.id || (G && G.phase === "error")) clearInterval(iv);
  }, 5);
})();
"""


def ensure_scan(var: Path, buildings: int) -> dict:
    """The scan over the demo buildings, converted with ``gdi pointcloud convert`` (once per var dir)."""
    from core.area import MARKT_25832
    from gdi.citymodel_demo import demo_buildings
    work = var / "pointcloud" / "bench"
    info = work / "scan.json"
    if info.exists() and (var / "3dtiles" / "pointcloud" / "bench" / "tileset.json").exists():
        return json.loads(info.read_text())
    work.mkdir(parents=True, exist_ok=True)
    os.environ["GDI_DEMO_BUILDINGS"] = str(buildings)
    gpkg = demo_buildings(var, write=False)   # written by bench_viewer.ensure_tiles
    print("generating and converting the scan over the demo buildings (once) …", flush=True)
    t, _, out = run(CITY_SCAN, str(work / "scan.las"), str(gpkg), str(var / "citymodel" / "dgm_demo.tif"),
                    str(MARKT_25832[0]), str(MARKT_25832[1]), str(SCAN_SIDE), str(SCAN_DENSITY))
    gen = json.loads(out)
    env = dict(os.environ, GDI_VAR=str(var))
    t0 = time.perf_counter()
    conv = subprocess.run([str(Path(sys.executable).with_name("gdi")), "pointcloud", "convert", str(work / "scan.las"),
                           "--name", "bench"], env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    gen.update(seconds_generate=round(t, 1), seconds_convert=round(time.perf_counter() - t0, 1),
               convert=conv.stdout.strip().splitlines())
    info.write_text(json.dumps(gen, indent=1))
    return gen


def _pixels(page) -> Any:
    import numpy as np
    from PIL import Image
    png = page.screenshot(clip=page.locator("#map").bounding_box())
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def open_viewer(p, url: str, points: bool, timeout: float = 180.0) -> dict:
    """One cold navigation (fresh profile): the page's marks in seconds, the point-cloud record, a screenshot."""
    from benchmarks.bench_viewer import CHROMIUM, FLAGS
    load0 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as prof:
        ctx = p.chromium.launch_persistent_context(prof, executable_path=CHROMIUM, args=FLAGS, headless=True,
                                                   viewport={"width": 1280, "height": 800})
        try:
            ctx.add_init_script(HOOK)
            page = ctx.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url)
            # ready = the buildings' allTilesLoaded (or, with no buildings tileset, the globe's tiles)
            done = ("window.gdiViewer && (gdiViewer.ready || gdiViewer.phase === 'error')"
                    + (" && window.__benchPc && __benchPc.allTilesLoaded" if points else ""))
            end = time.time() + timeout
            while time.time() < end and not page.evaluate(f"!!({done})"):
                time.sleep(0.05)
            page.wait_for_timeout(600)   # the last frame drawn (render on demand), then the screenshot
            shot = _pixels(page)
            state = page.evaluate("({t: gdiViewer.timings, pc: window.__benchPc, phase: gdiViewer.phase,"
                                  " errors: gdiViewer.tileErrors || 0})")
        finally:
            ctx.close()

    def sec(v: Any) -> float:
        return v / 1000.0 if v else float("nan")
    pc = state["pc"] or {}
    return {"buildings": sec(state["t"].get("allTilesLoaded")), "pc_created": sec(pc.get("created")),
            "pc_first_load": sec(pc.get("firstTileLoaded")), "pc_first_drawn": sec(pc.get("firstTileVisible")),
            "pc_all": sec(pc.get("allTilesLoaded")), "pc_tiles": pc.get("tilesLoaded", 0),
            "pc_tiles_drawn": pc.get("tilesDrawn", 0), "pc_points_drawn": pc.get("pointsDrawn", 0),
            "tile_errors": state["errors"],
            "page_errors": errors, "load": (load0, os.getloadavg()[0]), "shot": shot}


def viewer_bench(a) -> None:
    import numpy as np
    from playwright.sync_api import sync_playwright

    from benchmarks import bench_viewer
    from gdi import server
    var = Path(a.var)
    var.mkdir(parents=True, exist_ok=True)
    bench_viewer.ensure_tiles(var, a.buildings)
    scan = ensure_scan(var, a.buildings)
    port = bench_viewer.free_port()
    proc = server.start(dict(os.environ, GDI_VAR=str(var), GDI_PORT=str(port)), var / "bench_pc_serve.log",
                        timeout=120)
    base = f"http://127.0.0.1:{port}/viewer/"
    views = {"city": "", "street": f"view={bench_viewer.street_view()}&"}
    started = datetime.now(UTC)
    res: dict[tuple[str, bool], list[dict]] = {}
    try:
        with sync_playwright() as p:
            for view, frag in views.items():
                for i in range(a.runs):
                    for points in ((True, False) if i % 2 == 0 else (False, True)):   # interleaved
                        layers = "buildings" + (f",{LAYER}" if points else "")
                        r = open_viewer(p, f"{base}#{frag}layers={layers}", points)
                        res.setdefault((view, points), []).append(r)
                        print(view, "on " if points else "off", {k: (round(v, 2) if isinstance(v, float) else v)
                                                                for k, v in r.items() if k != "shot"}, flush=True)
    finally:
        server.stop(proc)
    finished = datetime.now(UTC)

    def med(rs: list[dict], key: str) -> str:
        v = [r[key] for r in rs]
        ok = [x for x in v if x == x]
        if not ok:
            return "–"
        return f"{statistics.median(ok):.2f} ({min(ok):.2f}–{max(ok):.2f})" + (
            f", {len(v) - len(ok)} missing" if len(ok) < len(v) else "")

    pts = scan["points"]
    print(f"\nViewer, time to first points with the buildings loaded ({started:%Y-%m-%d %H:%M}–{finished:%H:%M} UTC): "
          f"{a.buildings:,} demo buildings + a generated scan of {SCAN_SIDE:.0f} m x {SCAN_SIDE:.0f} m over them "
          f"({pts:,} points, {scan['buildings']:,} footprints as roofs, {scan['trees']:,} trees), headless Chromium "
          f"+ SwiftShader, 1280x800, cold (fresh profile) each run, {a.runs} runs per row, on/off interleaved; "
          "seconds from navigation start, median (min–max)\n")
    print("| view | point-cloud layer | buildings loaded | first point tile loaded | first points drawn | "
          "points after buildings | all point tiles loaded | point tiles loaded / drawn | points in tiles drawn | "
          "pixels changed vs off | load avg |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for view in views:
        on, off = res[(view, True)], res[(view, False)]
        for points, rs in ((False, off), (True, on)):
            loads = [x for r in rs for x in r["load"]]
            la = f"{min(loads):.1f}–{max(loads):.1f}"
            if not points:
                print(f"| {view} | off (baseline) | {med(rs, 'buildings')} | – | – | – | – | – | – | – | {la} |")
                continue
            for r in rs:
                r["gap"] = r["pc_first_drawn"] - r["buildings"]
            changed = [float((np.abs(r_on["shot"] - r_off["shot"]).max(axis=2) > 24).mean())
                       for r_on, r_off in zip(on, off, strict=True)]
            tiles = sorted(r["pc_tiles"] for r in rs)
            tdrawn = sorted(r["pc_tiles_drawn"] for r in rs)
            drawn = sorted(r["pc_points_drawn"] for r in rs)
            print(f"| {view} | **on** | {med(rs, 'buildings')} | {med(rs, 'pc_first_load')} | "
                  f"**{med(rs, 'pc_first_drawn')}** | {med(rs, 'gap')} | {med(rs, 'pc_all')} | "
                  f"{tiles[len(tiles) // 2]} ({tiles[0]}–{tiles[-1]}) / {tdrawn[len(tdrawn) // 2]} | "
                  f"{drawn[len(drawn) // 2]:,} | "
                  f"{100 * statistics.median(changed):.1f} % ({100 * min(changed):.1f}–{100 * max(changed):.1f}) | "
                  f"{la} |")
    errs = [e for rs in res.values() for r in rs for e in r["page_errors"]]
    terr = sum(r["tile_errors"] for rs in res.values() for r in rs)
    keys = ("points", "seconds_generate", "seconds_convert")
    print(f"\npage errors: {len(errs)} {errs[:3]}; tile errors: {terr}; scan: {json.dumps({k: scan[k] for k in keys})}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="200 m x 200 m, 800 trees (a check that it runs)")
    ap.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    ap.add_argument("--viewer", action="store_true", help="viewer time to first points (instead of the steps)")
    ap.add_argument("--runs", type=int, default=5, help="--viewer: cold runs per view and layer setting")
    ap.add_argument("--buildings", type=int, default=100_000, help="--viewer: demo buildings")
    ap.add_argument("--var", default=None, help="--viewer: var dir (default /tmp/gdi-bench-pc-viewer-N)")
    a = ap.parse_args()
    if a.viewer:
        a.var = a.var or f"/tmp/gdi-bench-pc-viewer-{a.buildings}"
        viewer_bench(a)
        return
    side, ntrees, density = (200.0, 800, 7.0) if a.quick else (1000.0, 20_000, 7.0)
    work = a.keep or Path(tempfile.mkdtemp(prefix="bench_pc_"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    t, m, out = run(GENERATE, str(work), str(side), str(ntrees), str(density))
    gen = json.loads(out)
    size = (work / "scan.las").stat().st_size / 2**20
    rows.append(("generate the scan (synthetic, laspy writer)", t, m,
                 f"{gen['points']:,} points ({gen['points'] / side ** 2:.1f}/m²), {size:.0f} MB LAS"))
    t_copy, m, out = run(LASPY_COPY, str(work / "scan.las"), str(work / "copy.las"))
    rows.append(("laspy: read + write the same LAS (baseline)", t_copy, m, f"{int(out):,} points"))
    (work / "copy.las").unlink(missing_ok=True)
    t, m, out = run(CONVERT, str(work / "scan.las"), str(work / "tiles"))
    conv = json.loads(out)
    tile = next(iter(conv["tiles"].values()))
    rows.append(("gdi pointcloud convert (py3dtiles + glb rewrite)", t, m,
                 f"{tile['glbs']} glb; py3dtiles {tile['seconds_py3dtiles']} s, rewrite {tile['seconds_fix']} s; "
                 f"{t / t_copy:.1f}x laspy"))
    t, m, out = run(METRICS, str(work))
    met = json.loads(out)
    rows.append((f"tree metrics, {met['trees']:,} trees", t, m,
                 f"read {met['seconds_read']} s + metrics {met['seconds_metrics']} s; "
                 f"{met['vegetation_returns']:,} vegetation returns; {met['quality']}"))
    print(f"\n{side:.0f} m x {side:.0f} m, {density:g} pulses/m², {ntrees:,} trees ({work})\n")
    print("| step | wall s | peak RSS MB | notes |")
    print("|---|---:|---:|---|")
    for name, t, m, note in rows:
        print(f"| {name} | {t:.1f} | {m:.0f} | {note} |")


if __name__ == "__main__":
    main()
