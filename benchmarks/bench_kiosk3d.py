"""Kiosk 3D screen benchmark (issue 17: the kiosk's 3D screen ≤ 3 s): time from opening the 3D screen on an
enrolled kiosk to the screen being complete (the city model's tiles ``allTilesLoaded``, then the globe's
terrain and base-map tiles loaded: the kiosk's ``gdiKiosk.timings.ready``), in headless Chromium with
SwiftShader, on the var dir of a finished demo (``make demo``: 100,000 town buildings, the DGM terrain, the
offline base map, the demo procedure).

Rows, in the same run: the kiosk as shipped (terrain + base map + buildings) and the same kiosk on the
ellipsoid without base map (a second server on a var dir that shares everything but the terrain, with
``GDI_BASEMAP=off``). The column "Cesium ready" is when the Cesium viewer existed (script loaded and the
viewer created): what CesiumJS itself costs before any tile. Cold = fresh browser profile; warm = the 3D
screen opened again in the same profile.

    .venv/bin/python benchmarks/bench_kiosk3d.py [--var DIR] [--runs R]

The machine is shared (2 cores) and SwiftShader renders on the CPU: figures are noisy.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.bench_viewer import CHROMIUM, FLAGS, free_port, start_server  # noqa: E402

TARGET_S = 3.0
SHARED = ("3dtiles", "citymodel", "publish", "plans", "participation", "pygeoapi", "wms", "metadata", "csw",
          "ogcapi", "qgis", "reports", "pointcloud")


def plain_var(var: Path) -> Path:
    """A var dir sharing the demo's data but without the terrain (the ellipsoid row)."""
    plain = var.with_name(var.name + "-kiosk-ellipsoid")
    plain.mkdir(exist_ok=True)
    for sub in SHARED:
        link = plain / sub
        if (var / sub).exists() and not link.exists():
            link.symlink_to(var / sub)
    return plain


def enrolment_code(var: Path) -> str:
    """A one-time kiosk enrolment code, as the staff area would issue it."""
    code = ("from core.config import load_settings\nfrom services.participation.config import load_config\n"
            "from services.participation.core import Participation\n"
            "from services.participation.devices import create_kiosk\n"
            "print(create_kiosk(Participation(load_config(load_settings())), 'bench-kiosk', 'benchmark'))")
    r = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, GDI_VAR=str(var)), cwd=ROOT,
                       check=True, capture_output=True, text=True)
    return r.stdout.strip().splitlines()[-1]


def open_3d(page, base: str, timeout: float = 60.0) -> dict:
    from services.participation.demo import DEMO_ID
    page.goto(f"{base}/kiosk?verfahren={DEMO_ID}")   # the demo town's plan (an older demo var has others too)
    page.wait_for_selector("#k-open-3d")
    page.tap("#k-open-3d")
    end = time.time() + timeout
    while time.time() < end:
        marks = page.evaluate("window.gdiKiosk ? gdiKiosk.timings : {}")
        if marks.get("ready") is not None:
            return marks
        time.sleep(0.05)
    return page.evaluate("window.gdiKiosk ? gdiKiosk.timings : {}")


def run(args) -> list[dict]:
    from playwright.sync_api import sync_playwright
    var = Path(args.var).resolve()
    if not (var / "3dtiles" / "buildings" / "tileset.json").exists() or not (var / "participation").exists():
        raise SystemExit(f"{var} holds no finished demo: run `make demo` (or gdi demo --no-serve) first")
    plain = plain_var(var)
    port, port2 = free_port(), free_port()
    procs = [start_server(var, port), start_server(plain, port2, {"GDI_BASEMAP": "off"})]
    variants = (("terrain + base map + buildings (ours)", var, f"http://127.0.0.1:{port}/beteiligung"),
                ("ellipsoid, no base map, buildings", plain, f"http://127.0.0.1:{port2}/beteiligung"))
    rows = []
    try:
        with sync_playwright() as p:
            for what, v, base in variants:
                cold, warm = [], []
                for _ in range(args.runs):
                    with tempfile.TemporaryDirectory() as prof:
                        ctx = p.chromium.launch_persistent_context(
                            prof, executable_path=CHROMIUM, args=FLAGS, headless=True, has_touch=True,
                            viewport={"width": 1366, "height": 1024})
                        page = ctx.new_page()
                        page.goto(f"{base}/kiosk/anmelden?code={enrolment_code(v)}")
                        page.click("#kiosk-enroll")
                        page.wait_for_url(f"{base}/kiosk")
                        cold.append(open_3d(page, base))
                        warm.append(open_3d(page, base))
                        ctx.close()
                load = os.getloadavg()[0]
                for kind, res in (("cold", cold), ("warm", warm)):
                    secs = [(m.get("ready") or float("nan")) / 1000 for m in res]
                    rows.append({"what": what, "cache": kind, "load": load, "seconds": statistics.median(secs),
                                 "runs": [round(x, 2) for x in secs],
                                 "viewer_created": statistics.median(m.get("viewerCreated") or 0 for m in res),
                                 "buildings": statistics.median(m.get("buildingsLoaded") or 0 for m in res)})
                    print(rows[-1], flush=True)
    finally:
        from gdi import server
        for pr in procs:
            server.stop(pr)
    return rows


def table(rows: list[dict]) -> str:
    out = ["Kiosk 3D screen: tap on „3D“ → buildings, terrain and base map loaded, headless Chromium + "
           "SwiftShader, 1366×1024 (median of runs)", "",
           "| content | cache | seconds (median) | runs | target | Cesium ready (ms) | buildings loaded (ms) "
           "| load avg |",
           "|---|---|---:|---|---:|---:|---:|---:|"]
    for r in rows:
        target = f"≤ {TARGET_S:.0f} s" if "(ours)" in r["what"] and r["cache"] == "cold" else "–"
        out.append(f"| {r['what']} | {r['cache']} | {r['seconds']:.2f} | {r['runs']} | {target} | "
                   f"{r['viewer_created']:.0f} | {r['buildings']:.0f} | {r['load']:.1f} |")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--var", default=str(ROOT / "var"), help="var dir of a finished demo (default: var/)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    rows = run(args)
    print()
    print(table(rows))


if __name__ == "__main__":
    main()
