"""DGM1 tiles (issue 18, item 4): base heights of 100,000 building outlines over a 4 km² mosaic.

Four generated 1 km tiles at 1 m (LGLN-style: ``dgm1_32_<e>_<n>_1_ni``, cell centres on .5 m, XYZ lines
``x y z`` by ascending northing, ~28 MB each; and the same as float32 GeoTIFF). Each variant runs in a
process of its own (wall time; peak RSS over the RSS after the imports):

* ``old``: the previous ``Terrain`` — one merged GeoTIFF read whole (decimated to at most 4000² cells),
  nearest cell;
* ``tif``: the mosaic of the GeoTIFF tiles (VRT), windowed full-resolution reads;
* ``xyz-cold``: the XYZ tiles, converted to cached GeoTIFFs on the way; ``xyz-warm``: the same again
  (cache hit);
* ``gdal-xyz``: GDAL's XYZ driver reading one tile directly (for the comparison only).

``--km 16`` (a city: 256 GeoTIFF tiles, no XYZ) compares ``old`` on a VRT of the tiles (it reads the
whole extent decimated to 4000² cells, i.e. 4 m) with ``tif``.

    .venv/bin/python benchmarks/bench_dgm_tiles.py [--km 2] [--buildings 100000] [--keep DIR]
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

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
X0, Y0 = 556_000.0, 5_770_000.0


def _surface(gx: np.ndarray, gy: np.ndarray) -> np.ndarray:
    return (80.0 + 0.004 * (gx - X0) + 0.006 * (gy - Y0) + 3.0 * np.sin((gx - X0) / 90.0)
            * np.cos((gy - Y0) / 70.0)).astype(np.float32)


def generate(d: Path, n: int, km: int) -> None:
    import rasterio
    import shapely
    from affine import Affine
    (d / "xyz").mkdir(parents=True)
    (d / "tif").mkdir()
    xyz = km <= 2
    whole = np.empty((km * 1000, km * 1000), np.float32) if xyz else None
    for i in range(km):
        for j in range(km):
            xs = X0 + i * 1000 + 0.5 + np.arange(1000)
            ys = Y0 + (j + 1) * 1000 - 0.5 - np.arange(1000)
            gx, gy = np.meshgrid(xs, ys)
            z = _surface(gx, gy)
            name = f"dgm1_32_{int(X0 / 1000) + i}_{int(Y0 / 1000) + j}_1_ni"
            if whole is not None:
                whole[(km - 1 - j) * 1000:(km - j) * 1000, i * 1000:(i + 1) * 1000] = z
                a = np.column_stack([gx[::-1].ravel(), gy[::-1].ravel(), z[::-1].ravel()])
                np.savetxt(d / "xyz" / f"{name}.xyz", a, fmt="%.2f %.2f %.2f")
            with rasterio.open(d / "tif" / f"{name}.tif", "w", driver="GTiff", width=1000, height=1000, count=1,
                               dtype="float32", crs="EPSG:25832", nodata=-9999.0, compress="deflate",
                               tiled=True, transform=Affine(1, 0, X0 + i * 1000, 0, -1, Y0 + (j + 1) * 1000)) as ds:
                ds.write(z, 1)
    if whole is not None:
        with rasterio.open(d / "whole.tif", "w", driver="GTiff", width=km * 1000, height=km * 1000, count=1,
                           dtype="float32", crs="EPSG:25832", nodata=-9999.0, compress="deflate", tiled=True,
                           transform=Affine(1, 0, X0, 0, -1, Y0 + km * 1000)) as ds:
            ds.write(whole, 1)
    else:  # the old code given a VRT of the tiles (it opens whatever rasterio opens)
        from osgeo import gdal
        gdal.BuildVRT(str(d / "whole.vrt"), [str(f) for f in sorted((d / "tif").glob("*.tif"))])
    rng = np.random.default_rng(11)
    cx, cy = X0 + rng.uniform(20, km * 1000 - 20, n), Y0 + rng.uniform(20, km * 1000 - 20, n)
    w, h, a = rng.uniform(6, 16, n), rng.uniform(6, 14, n), rng.uniform(0, np.pi, n)
    corners = np.array([(-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1)], float)
    u, v = corners[:, 0] * w[:, None] / 2, corners[:, 1] * h[:, None] / 2
    c, s = np.cos(a[:, None]), np.sin(a[:, None])
    px, py = cx[:, None] + u * c - v * s, cy[:, None] + u * s + v * c
    geoms = shapely.polygons(np.stack([px, py], axis=-1))
    np.save(d / "outlines.npy", shapely.to_wkb(geoms), allow_pickle=True)


class OldTerrain:
    """The previous citymodel.terrain.Terrain (before issue 18.4), reduced to what base heights use."""

    def __init__(self, path: Path):
        import rasterio
        from rasterio.enums import Resampling
        with rasterio.open(path) as ds:
            f = max(1.0, (ds.width * ds.height / (4000 * 4000)) ** 0.5)
            shape = (int(ds.height / f), int(ds.width / f))
            self.z = ds.read(1, out_shape=shape, resampling=Resampling.bilinear, masked=True).astype(
                np.float64).filled(np.nan)
            b = ds.bounds
            self.bounds = (b.left, b.bottom, b.right, b.top)
        h, w = self.z.shape
        self.dx, self.dy = (self.bounds[2] - self.bounds[0]) / w, (self.bounds[3] - self.bounds[1]) / h
        self.min = float(np.nanmin(self.z))

    def base_heights(self, geoms: np.ndarray) -> np.ndarray:
        import shapely
        xy, idx = shapely.get_coordinates(geoms, return_index=True)
        h, w = self.z.shape
        col = np.floor((xy[:, 0] - self.bounds[0]) / self.dx).astype(np.int64)
        row = np.floor((self.bounds[3] - xy[:, 1]) / self.dy).astype(np.int64)
        ok = (col >= 0) & (col < w) & (row >= 0) & (row < h)
        z = np.full(len(col), np.nan)
        z[ok] = self.z[row[ok], col[ok]]
        out = np.full(len(geoms), np.inf)
        np.fmin.at(out, idx, z)
        out[~np.isfinite(out)] = np.nan
        return out


def run(variant: str, d: Path) -> dict:
    import psutil
    import rasterio  # imported before the baseline
    import shapely

    from citymodel.terrain import Terrain
    geoms = shapely.from_wkb(np.load(d / "outlines.npy", allow_pickle=True))
    base = psutil.Process().memory_info().rss
    t0 = time.perf_counter()
    if variant == "gdal-xyz":
        with rasterio.open(next((d / "xyz").glob("*.xyz"))) as ds:
            ds.read(1)
        return {"variant": variant, "seconds": round(time.perf_counter() - t0, 3)}
    if variant == "old":
        whole = d / "whole.tif"
        t: OldTerrain | Terrain = OldTerrain(whole if whole.exists() else d / "whole.vrt")
    else:
        t = Terrain(d / ("tif" if variant == "tif" else "xyz"), cache_dir=d / "cache")
    t_open = time.perf_counter() - t0
    h = t.base_heights(geoms)
    t_sample = time.perf_counter() - t0 - t_open
    zmin = t.min
    total = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    np.save(d / f"heights-{variant}.npy", h)
    return {"variant": variant, "open_s": round(t_open, 3), "sample_s": round(t_sample, 3),
            "total_s": round(total, 3), "min": round(zmin, 3), "peak_rss_mb": round(peak / 1e6),
            "peak_over_baseline_mb": round((peak - base) / 1e6), "nan": int(np.isnan(h).sum())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--buildings", type=int, default=100_000)
    ap.add_argument("--km", type=int, default=2, help="side of the mosaic in 1 km tiles (XYZ only up to 2)")
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--run", nargs=2, metavar=("VARIANT", "DIR"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        print(json.dumps(run(args.run[0], Path(args.run[1]))))
        return
    d = args.keep or Path(tempfile.mkdtemp(prefix="bench-dgm-"))
    if not (d / "outlines.npy").exists():
        t0 = time.perf_counter()
        generate(d, args.buildings, args.km)
        print(f"generated {args.km ** 2} tiles + {args.buildings} outlines in {time.perf_counter() - t0:.1f} s -> {d}")
    shutil.rmtree(d / "cache", ignore_errors=True)
    results = []
    xyz = any((d / "xyz").glob("*.xyz"))
    for v in ("old", "tif", "xyz-cold", "xyz-warm", "gdal-xyz") if xyz else ("old", "tif"):
        r = subprocess.run([sys.executable, __file__, "--run", v, str(d)], capture_output=True, text=True,
                           cwd=ROOT, check=True)
        results.append(json.loads(r.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]))
    old = np.load(d / "heights-old.npy")
    for v in ("tif", "xyz-warm") if xyz else ("tif",):
        diff = np.abs(np.load(d / f"heights-{v}.npy") - old)
        print(f"{v} vs old: max |diff| {np.nanmax(diff):.4f} m")
    if args.keep is None:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main()
