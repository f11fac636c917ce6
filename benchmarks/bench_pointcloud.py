"""Point clouds (issue 24): a generated 1 km² scan, ~10 points/m² (10 million points), 20,000 trees.

7 pulses/m²: the crowns of 20,000 trees give second and last returns, ~10 points/m² in all.

Side by side in one run, each step as its own process (wall time, peak RSS of the process and its
children, sampled every 0.1 s):

* laspy merely reading and writing the same file (the floor for any conversion);
* ``gdi pointcloud`` conversion: py3dtiles octree + our glb rewrite (validator-clean) -> 3D Tiles 1.1;
* tree metrics for 20,000 trees (target <= 60 s).

    .venv/bin/python benchmarks/bench_pointcloud.py [--quick] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent

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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="200 m x 200 m, 800 trees (a check that it runs)")
    ap.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    a = ap.parse_args()
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
