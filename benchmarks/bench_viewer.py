"""Viewer benchmark: time from navigation to the tileset's ``allTilesLoaded`` in headless Chromium
(SwiftShader WebGL) for the 100,000-building demo tileset, at a city-wide and at a street view, with
the bytes transferred. Baseline in the same run: the same views with an empty globe (no tileset shown,
time to the globe's tiles loaded), i.e. what CesiumJS itself costs before any building. An ablation row
runs the viewer with Cesium's own BRDF pass (``?brdf=cesium``) instead of the precomputed table.

Each view is measured cold (fresh browser profile, empty HTTP cache) and warm (second navigation in the
same profile: Cesium and tiles come from the browser cache or are revalidated).

    .venv/bin/python benchmarks/bench_viewer.py [--quick] [--var DIR] [--buildings N] [--runs R] [--terrain]

``--terrain`` (issue 17's targets: city-wide ≤ 3 s, street ≤ 2 s cold, with terrain and base map): the demo
DGM as Cesium terrain and the offline base map (the demo town's streets and blocks) in the var dir; rows
"buildings + terrain + base map" beside the same buildings on the ellipsoid without base map (a second var
dir sharing the tileset) and the empty globe.

The machine is shared (2 cores) and SwiftShader renders on the CPU: figures are noisy.
"""
from __future__ import annotations

import argparse
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
TARGETS = {"city": 5.0, "street": 3.0}
TERRAIN_TARGETS = {"city": 3.0, "street": 2.0}   # issue 17, cold, with terrain and base map


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_tiles(var: Path, n: int) -> None:
    ts = var / "3dtiles" / "buildings" / "tileset.json"
    report = ts.with_name("report.json")
    if ts.exists() and report.exists():
        import json
        have = json.loads(ts.read_text()).get("asset", {}).get("extras", {}).get("buildings")
        if have == n and "coarse_tiles" in json.loads(report.read_text()):
            return
    print(f"building the {n:,}-building demo tileset in {var} (once) …", flush=True)
    env = dict(os.environ, GDI_VAR=str(var), GDI_DEMO_BUILDINGS=str(n))
    code = "from core.config import load_settings\nfrom gdi.citymodel_demo import build_demo_tiles\n" \
           "build_demo_tiles(load_settings())"
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True)


def ensure_terrain(var: Path) -> Path:
    """Terrain of the demo DGM and the base-map mapfile in ``var``; returns a second var dir that shares the
    tileset but has neither (the ellipsoid row)."""
    env = dict(os.environ, GDI_VAR=str(var))
    if not (var / "terrain" / "layer.json").exists():
        print("building the demo terrain (once) …", flush=True)
    code = ("from core.config import load_settings\nfrom gdi.commands.terrain import demo_step\n"
            "from services.wms.mapfile import write_mapfile\ns = load_settings()\ndemo_step(s)\nwrite_mapfile(s)")
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True)
    plain = var.with_name(var.name + "-ellipsoid")
    plain.mkdir(exist_ok=True)
    for sub in ("3dtiles", "citymodel"):
        link = plain / sub
        if not link.exists():
            link.symlink_to(var / sub)
    return plain


def start_server(var: Path, port: int, env: dict | None = None) -> subprocess.Popen:
    from gdi import server
    return server.start(dict(os.environ, GDI_VAR=str(var), GDI_PORT=str(port), **(env or {})),
                        var / "bench_viewer_serve.log", timeout=120)


def street_view() -> str:
    from pyproj import Transformer

    from core.area import MARKT_25832
    lon, lat = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True).transform(*MARKT_25832)
    height, pitch = 150.0, -30.0
    back = height / math.tan(math.radians(-pitch))
    return f"{lon:.6f},{lat - back / 111_320:.6f},{height},0,{pitch},0"


def measure(ctx, url: str, mark: str, timeout: float = 120.0) -> dict:
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Network.enable")
    urls: dict[str, str] = {}
    sizes = {"tiles": 0, "other": 0, "n_tiles": 0, "n_requests": 0}

    def on_response(e):
        urls[e["requestId"]] = e["response"]["url"]

    def on_finished(e):
        u = urls.get(e["requestId"], "")
        sizes["n_requests"] += 1
        if "/3dtiles/" in u and u.endswith(".glb"):
            sizes["tiles"] += e["encodedDataLength"]
            sizes["n_tiles"] += 1
        else:
            sizes["other"] += e["encodedDataLength"]

    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.loadingFinished", on_finished)
    page.goto(url)
    end = time.time() + timeout
    t = None
    while time.time() < end:
        t = page.evaluate(f"window.gdiViewer && gdiViewer.timings && gdiViewer.timings['{mark}']")
        if t:
            break
        time.sleep(0.05)
    time.sleep(0.3)   # let the last responses' loadingFinished events arrive
    timings = page.evaluate("window.gdiViewer ? gdiViewer.timings : {}")
    page.close()
    return {"seconds": (t or float("nan")) / 1000.0, "timings": timings, **sizes}


def run(args) -> list[dict]:
    from playwright.sync_api import sync_playwright
    var = Path(args.var)
    var.mkdir(parents=True, exist_ok=True)
    ensure_tiles(var, args.buildings)
    port = free_port()
    plain = ensure_terrain(var) if args.terrain else None
    proc = start_server(var, port)
    procs = [proc]
    base = f"http://127.0.0.1:{port}/viewer/"
    if plain is not None:
        port2 = free_port()
        procs.append(start_server(plain, port2, {"GDI_BASEMAP": "off"}))
        base2 = f"http://127.0.0.1:{port2}/viewer/"
        variants = (("buildings + terrain + base map (ours)", base, "", "buildings,basemap", "allTilesLoaded"),
                    ("buildings on the ellipsoid, no base map", base2, "", "buildings", "allTilesLoaded"),
                    ("empty globe (baseline)", base2, "", "", "globeTilesLoaded"))
    else:
        variants = (("3D Tiles (ours)", base, "", "buildings", "allTilesLoaded"),
                    ("3D Tiles, Cesium's BRDF pass", base, "?brdf=cesium", "buildings", "allTilesLoaded"),
                    ("empty globe (baseline)", base, "", "", "globeTilesLoaded"))
    views = {"city": "", "street": f"view={street_view()}&"}
    rows = []
    try:
        with sync_playwright() as p:
            for view, frag in views.items():
                for what, site, query, layers, mark in variants:
                    cold, warm = [], []
                    for _ in range(args.runs):
                        with tempfile.TemporaryDirectory() as prof:
                            ctx = p.chromium.launch_persistent_context(prof, executable_path=CHROMIUM, args=FLAGS,
                                                                       headless=True,
                                                                       viewport={"width": 1280, "height": 800})
                            url = f"{site}{query}#{frag}layers={layers}"
                            cold.append(measure(ctx, url, mark))
                            warm.append(measure(ctx, url, mark))
                            ctx.close()
                    load = os.getloadavg()[0]
                    for kind, res in (("cold", cold), ("warm", warm)):
                        rows.append({"view": view, "what": what, "cache": kind, "load": load,
                                     "seconds": statistics.median(r["seconds"] for r in res),
                                     "runs": [round(r["seconds"], 2) for r in res],
                                     "tiles": res[0]["n_tiles"], "tile_bytes": res[0]["tiles"],
                                     "other_bytes": res[0]["other"], "requests": res[0]["n_requests"],
                                     "viewer_created": res[0]["timings"].get("viewerCreated")})
                        print(rows[-1], flush=True)
    finally:
        from gdi import server
        for pr in procs:
            server.stop(pr)
    return rows


def table(rows: list[dict], n: int) -> str:
    out = [(f"Viewer: navigation → `allTilesLoaded`, {n:,}-building tileset, headless Chromium + SwiftShader "
           "(median of runs; bytes as transferred, gzip)"), "",
           ("| view | content | cache | seconds (median) | runs | target | tiles | tile bytes | other bytes |"
           " Cesium ready (ms) | load avg |"),
           "|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        target = (f"≤ {TARGETS[r['view']]:.0f} s" if r["what"] == "3D Tiles (ours)" else
                  f"≤ {TERRAIN_TARGETS[r['view']]:.0f} s" if "(ours)" in r["what"] and r["cache"] == "cold" else "–")
        out.append(f"| {r['view']} | {r['what']} | {r['cache']} | {r['seconds']:.2f} | {r['runs']} | {target} | "
                   f"{r['tiles']} | {r['tile_bytes']:,} | {r['other_bytes']:,} | {r['viewer_created']} | "
                   f"{r['load']:.1f} |")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="10,000 buildings, one run")
    ap.add_argument("--var", default=None, help="var dir for the benchmark tileset (default /tmp/gdi-bench-viewer-N)")
    ap.add_argument("--buildings", type=int, default=None)
    ap.add_argument("--runs", type=int, default=None)
    ap.add_argument("--terrain", action="store_true", help="with the demo terrain and base map (issue 17)")
    args = ap.parse_args()
    args.buildings = args.buildings or (10_000 if args.quick else 100_000)
    args.runs = args.runs or (1 if args.quick else 3)
    args.var = args.var or f"/tmp/gdi-bench-viewer-{args.buildings}"
    rows = run(args)
    print()
    print(table(rows, args.buildings))


if __name__ == "__main__":
    main()
