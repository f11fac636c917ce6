"""LoD2 CityGML (issue 18, items 2 and 3): one LoD2 tile of about 50 MB, read as it is vs the footprint method
vs ``ogr2ogr``, all in the same run (the machine is noisy).

The tile: the real Bavarian LoD2 building of ``tests/data/lod2`` (AdV CityGML 2.0, 84 surfaces) copied on a
200 m grid until the file has ``--mb`` MB (``citymodel.lod2_replicate``; a real LGLN 1 km tile has about the
same size with more, smaller buildings: compare MB/s and polygons/s across files, buildings/s within this
one). Each variant runs in a process of its own; wall time and peak RSS (the variant's process and its
children, ``getrusage``) are measured there:

* ``read``: ``read_lod2`` alone (streamed iterparse, surfaces as arrays);
* ``lod2``: ``build_tileset`` on ``read_lod2(file)`` — LoD2 surfaces as they are (read + tiles);
* ``footprint``: the same file read without surfaces, tiles from footprints with reconstructed roofs
  (roof type and measured height of the file);
* ``core3d``: read + INSPIRE BU core3D GML (``write_core3d``, without XSD validation);
* ``ogr2ogr``: GDAL's GML driver reading the same file into a GeoPackage (``ogr2ogr -f GPKG``).

    .venv/bin/python benchmarks/bench_lod2.py [--mb 50] [--workers 2] [--keep DIR] [--quick]
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

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "lod2" / "DEBY_LOD2_4959457.gml"
ORIGIN = (560_000.0, 5_775_000.0)   # Hildesheim's 1 km grid (the copies are lowered to its heights)


def _rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024.0


def run_variant(name: str, src: Path, work: Path, workers: int) -> dict:
    """One variant in this process; returns its figures (seconds exclude the imports)."""
    sys.path.insert(0, str(ROOT))
    if name == "ogr2ogr":
        t0 = time.perf_counter()
        out = work / "ogr.gpkg"
        r = subprocess.run(["ogr2ogr", "-f", "GPKG", str(out), str(src), "-oo", "REMOVE_UNUSED_LAYERS=YES",
                            "-oo", "WRITE_GFS=NO"], capture_output=True, text=True, check=False)
        dt = time.perf_counter() - t0
        n = 0
        if r.returncode == 0:
            info = subprocess.run(["ogrinfo", "-so", "-al", str(out)], capture_output=True, text=True, check=False)
            counts = [int(line.split(":")[1]) for line in info.stdout.splitlines() if line.startswith("Feature Count")]
            n = max(counts) if counts else 0
        return {"seconds": dt, "rss_mb": _rss_mb(), "features": n, "ok": r.returncode == 0,
                "note": (r.stderr.strip().splitlines() or [""])[-1][:120]}
    from citymodel.build import CityModelOptions, build_tileset
    from transforms.readers.citygml_lod2 import read_lod2
    from transforms.themes.bu_core3d import write_core3d
    t0 = time.perf_counter()
    res: dict = {}
    if name == "read":
        gdf = read_lod2(src)
        res = {"features": len(gdf), "polygons": int(sum(len(s) for s in gdf["lod2"] if s is not None))}
    elif name == "lod2":
        rep = build_tileset(read_lod2(src), work / "lod2", CityModelOptions(workers=workers))
        res = {"features": rep["buildings"], "tiles": rep["tiles"], "mb_out": rep["bytes"] / 1e6,
               "roofs": rep["roofs"]}
    elif name == "footprint":
        gdf = read_lod2(src, surfaces=False).drop(columns=["lod2"])
        rep = build_tileset(gdf, work / "fp", CityModelOptions(workers=workers))
        res = {"features": rep["buildings"], "tiles": rep["tiles"], "mb_out": rep["bytes"] / 1e6,
               "roofs": rep["roofs"]}
    elif name == "core3d":
        n = write_core3d([read_lod2(src)], work / "core3d.gml", "https://registry.gdi-de.org/id/de.ni.hildesheim/lod2")
        res = {"features": n, "mb_out": (work / "core3d.gml").stat().st_size / 1e6}
    else:
        raise SystemExit(f"unknown variant {name}")
    res.update(seconds=time.perf_counter() - t0, rss_mb=_rss_mb(), ok=True)
    return res


VARIANTS = ("read", "lod2", "footprint", "core3d", "ogr2ogr")
LABELS = {"read": "read LoD2 (surfaces as arrays)", "lod2": "3D tiles, LoD2 as is (read + tiles)",
          "footprint": "3D tiles, footprint reconstruction (read + tiles)",
          "core3d": "INSPIRE BU core3D GML (read + write)",
          "ogr2ogr": "`ogr2ogr -f GPKG` (GDAL GML driver)"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--quick", action="store_true", help="a 5 MB tile")
    ap.add_argument("--variant", help=argparse.SUPPRESS)
    ap.add_argument("--src", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.variant:
        print(json.dumps(run_variant(a.variant, a.src, a.work, a.workers)))
        return
    sys.path.insert(0, str(ROOT))
    from citymodel.lod2_replicate import replicate
    mb = 5.0 if a.quick else a.mb
    d = Path(a.keep or tempfile.mkdtemp(prefix="bench-lod2-"))
    d.mkdir(parents=True, exist_ok=True)
    src = d / "LoD2_32_560_5775_1_generated.gml"
    n = replicate(SAMPLE, src, target_bytes=int(mb * 1e6), origin=(ORIGIN[0] + 60, ORIGIN[1] + 60), spacing=160.0,
                  dz=-420.0)
    size = src.stat().st_size / 1e6
    print(f"LoD2 tile: {src.name}, {size:.1f} MB, {n} buildings (x 84 surfaces), workers={a.workers}")
    rows = []
    for v in VARIANTS:
        work = d / v
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        r = subprocess.run([sys.executable, __file__, "--variant", v, "--src", str(src), "--work", str(work),
                            "--workers", str(a.workers)], capture_output=True, text=True, check=False)
        if r.returncode != 0:
            print(f"{v}: failed\n{r.stderr[-2000:]}")
            continue
        res = json.loads(r.stdout.strip().splitlines()[-1])
        rows.append((v, res))
    print()
    print("| variant | s | buildings/s | MB/s | peak RSS (MB) | notes |")
    print("|---|---:|---:|---:|---:|---|")
    for v, res in rows:
        s = res["seconds"]
        feats = res.get("features", 0)
        note = {"read": f"{res.get('polygons', 0)} polygons",
                "lod2": f"{res.get('tiles')} tiles, {res.get('mb_out', 0):.1f} MB glb",
                "footprint": f"{res.get('tiles')} tiles, {res.get('mb_out', 0):.1f} MB glb",
                "core3d": f"{res.get('mb_out', 0):.1f} MB GML",
                "ogr2ogr": f"{feats} features" + ("" if res.get("ok") else f" (failed: {res.get('note')})")}[v]
        bps = (n / s) if v != "ogr2ogr" else (n / s if res.get("ok") else float("nan"))
        print(f"| {LABELS[v]} | {s:.1f} | {bps:,.0f} | {size / s:.1f} | {res['rss_mb']:.0f} | {note} |")
    if not a.keep:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main()
