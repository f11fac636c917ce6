"""City model benchmark: generated Hildesheim buildings -> 3D Tiles, end to end (read -> tiles on disk).

Side by side in one run (the machine is shared and noisy; CPU seconds are printed next to wall time):
  * baseline A: ``ogr2ogr`` copying the same footprints GeoPackage -> GeoPackage (plain writing);
  * baseline B: our LoD1 (flat extrusion);
  * ours: LoD2 (roofs by ALKIS dachform, straight skeleton), quantized; and with meshopt.
Each variant runs in its own process; peak memory is the largest resident set of that process (VmHWM) or
any of its workers (``getrusage``; dask workers report their own). ``--million`` adds one 1,000,000-building
LoD2 run on a dask.distributed
LocalCluster (2 workers) to show scaling, ``--dask`` the same on the n buildings; ``--quick`` uses 20,000.

    .venv/bin/python benchmarks/bench_citymodel.py [--quick] [--n 100000] [--million]
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child(variant: str, src: str, out: str, dgm: str) -> None:
    """One measured run; prints a JSON line."""
    t0 = time.perf_counter()
    n = None
    rep: dict = {}
    if variant == "ogr2ogr":
        import psutil
        import pyogrio
        proc = psutil.Popen(["ogr2ogr", "-f", "GPKG", str(Path(out) / "copy.gpkg"), src])
        while proc.poll() is None:  # sample the copy's own memory (ru_maxrss of a fork+exec child is inflated)
            try:
                rep["ogr_peak_kb"] = max(rep.get("ogr_peak_kb", 0), proc.memory_info().rss // 1024)
            except psutil.NoSuchProcess:
                break
            time.sleep(0.02)
        assert proc.returncode == 0
        n = pyogrio.read_info(src)["features"]
    else:
        from citymodel.build import CityModelOptions, build_tileset
        opts: dict[str, Any] = {"lod1": {"lod": 1}, "lod2": {"lod": 2}, "lod2_meshopt": {"lod": 2, "meshopt": True},
                "lod2_dask": {"lod": 2}, "lod2_leaves_only": {"lod": 2, "coarse": False}}[variant]
        client = None
        if variant == "lod2_dask":
            from distributed import Client, LocalCluster
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        rep = build_tileset(Path(src), Path(out), CityModelOptions(dgm=Path(dgm), **opts), client=client)
        n = rep["buildings"]
        if client is not None:
            # workers' peak memory (their processes are not our children)
            mem = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
            rep["worker_peak_kb"] = max(mem.values())
            client.close()
            cluster.close()
    wall = time.perf_counter() - t0
    me, ch = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + ch.ru_utime + ch.ru_stime
    # own peak from VmHWM (ru_maxrss would include the parent's memory at fork time); forked pool
    # workers via RUSAGE_CHILDREN (they share the builder's pages); dask workers asked directly
    status = Path("/proc/self/status").read_text().splitlines()
    hwm = next(int(ln.split()[1]) for ln in status if ln.startswith("VmHWM"))
    peak_kb = rep.get("ogr_peak_kb") or max(hwm, ch.ru_maxrss, rep.get("worker_peak_kb", 0))
    if rep:  # after the clock: what gzip transfer compression (as /3dtiles serves) makes of the tiles
        import gzip
        rep["bytes_gzip"] = sum(len(gzip.compress(f.read_bytes(), 6)) for f in Path(out).glob("tiles/*.glb"))
    print(json.dumps({"variant": variant, "n": n, "wall": wall, "cpu": cpu, "peak_mb": peak_kb / 1024,
                      "bytes": (rep.get("bytes") or 0) + rep.get("parent_bytes", 0) or None,
                      "coarse_bytes": rep.get("parent_bytes"), "bytes_gzip": rep.get("bytes_gzip"),
                      "tiles": rep.get("tiles"),
                      "roofs": rep.get("roofs")}))


def run(variant: str, src: Path, work: Path, dgm: Path) -> dict:
    out = work / variant
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    r = subprocess.run([sys.executable, __file__, "--child", variant, str(src), str(out), str(dgm)],
                       capture_output=True, text=True, check=False)
    if r.returncode != 0:
        raise RuntimeError(f"{variant} failed:\n{r.stderr[-3000:]}")
    res = json.loads(r.stdout.strip().splitlines()[-1])
    if variant != "ogr2ogr":
        shutil.rmtree(out, ignore_errors=True)
    return res


def table(rows: list[dict]) -> str:
    head = ("| variant | buildings | wall s | buildings/s (wall) | CPU s | buildings/CPU-s | bytes/bldg | "
            "bytes/bldg gzip | peak MB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    lines = [head]
    for r in rows:
        bpb = f"{r['bytes'] / r['n']:.0f}" if r.get("bytes") else "–"
        gz = f"{r['bytes_gzip'] / r['n']:.0f}" if r.get("bytes_gzip") else "–"
        lines.append(f"| {r['variant']} | {r['n']:,} | {r['wall']:.1f} | {r['n'] / r['wall']:,.0f} | {r['cpu']:.1f} | "
                     f"{r['n'] / r['cpu']:,.0f} | {bpb} | {gz} | {r['peak_mb']:.0f} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--child", nargs=4, metavar=("VARIANT", "SRC", "OUT", "DGM"))
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--million", action="store_true")
    ap.add_argument("--dask", action="store_true", help="also LoD2 on a dask LocalCluster (same n)")
    ap.add_argument("--work", type=Path)
    a = ap.parse_args()
    if a.child:
        child(*a.child)
        return
    from citymodel.terrain import make_demo_dgm
    from core.area import HILDESHEIM_BBOX_25832
    from transforms.generate.buildings import generate_buildings
    n = 20_000 if a.quick else a.n
    work = a.work or Path(tempfile.mkdtemp(prefix="bench_citymodel_"))
    work.mkdir(parents=True, exist_ok=True)
    dgm = make_demo_dgm(work / "dgm.tif", HILDESHEIM_BBOX_25832)
    t = time.perf_counter()
    src = generate_buildings(n, work / f"buildings_{n}.gpkg", seed=1)
    print(f"generated {n:,} footprints in {time.perf_counter() - t:.1f} s ({src.stat().st_size / 1e6:.0f} MB)",
          flush=True)
    rows = []
    for v in ("ogr2ogr", "lod1", "lod2_leaves_only", "lod2", "lod2_meshopt"):
        rows.append(run(v, src, work, dgm))
        print(f"  {v}: {rows[-1]['n'] / rows[-1]['wall']:,.0f} buildings/s", flush=True)
    if a.dask:
        rows.append(run("lod2_dask", src, work, dgm))
    if a.million:
        src_m = generate_buildings(1_000_000, work / "buildings_1m.gpkg", seed=1)
        rows.append(run("lod2_dask", src_m, work, dgm))
        src_m.unlink()
    print()
    print(table(rows))
    print(f"\nLoD2 roofs: {rows[3]['roofs']}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
