"""Cesium terrain from the DGM: a quantized-mesh tile pyramid with its ``layer.json``.

Tiling: Cesium's default for quantized-mesh, the geographic scheme (EPSG:4326, TMS rows from the south,
two root tiles at level 0, tile size 180° / 2^level). Levels 0..``max_zoom``-3 hold the tiles over the
DGM's extent plus ``margin_m``, the three finest levels those over the DGM only; ``layer.json``'s
``available`` lists exactly those, so Cesium upsamples a parent where a child is missing and never asks
for a tile that is not there. ``max_zoom`` (auto) is the
first level whose grid (``grid`` cells a tile side) is as fine as the DGM (1 m DGM1 -> 16, the 20 m demo
DGM -> 12).

Heights: each tile's ``(grid+1)²`` vertices are transformed to EPSG:25832 and read bilinearly from the DGM
(averaged to the tile's cell size where the tile is coarser than the DGM; gaps filled from the nearest
cell), then ``geoid_undulation_m`` is added: the same shift ``CityModelOptions(vertical="absolute")`` gives
the buildings, so they stand on this surface. Outside the DGM the surface falls linearly to the ellipsoid
(height 0, Cesium's terrain elsewhere) within ``margin_m``: no cliff at the edge of the extent, and
buildings outside the DGM (on the ellipsoid) keep standing on the ground. The TIN may deviate from the grid
by ``max_error_m`` at ``max_zoom``, twice that a level up, and so on.

Rebuild rule: the output is keyed by the DGM's signature (:func:`citymodel.dgm_tiles.signature`) and the
options. A build writes ``<out>/.build-<key>-<pid>/``, renames it to ``<out>/<key>/`` and then replaces
``<out>/layer.json`` (whose tile URLs name ``<key>/``) atomically; the previous version stays until the
next build, so a client holding the old ``layer.json`` never mixes tiles of two DGMs. An unchanged DGM
is not rebuilt.
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from core.errors import SourceError

from .dgm_tiles import DgmSpec, signature
from .qmesh import encode_tile

LOGGER = logging.getLogger(__name__)
FORMAT_VERSION = "3"      # bump when the tiles change for the same DGM and options
M_PER_DEG = 111_320.0     # metres per degree of latitude (enough for choosing levels and margins)
RAMP_LEVELS = 3           # the finest levels over the DGM only, not over the ramp around it


def terrain_on() -> bool:
    """Whether the demo shows the DGM as Cesium terrain (``GDI_TERRAIN``, default ``on``). With it every demo
    tileset on the DGM is built with absolute heights (DHHN + geoid undulation), without it relative to
    the lowest terrain point, for Cesium's bare ellipsoid."""
    return os.environ.get("GDI_TERRAIN", "on").strip().lower() not in ("off", "0", "false", "no")


def terrain_vertical() -> Literal["relative", "absolute"]:
    """The ``vertical`` of city-model tilesets on the DGM that matches :func:`terrain_on`."""
    return "absolute" if terrain_on() else "relative"


class TerrainOptions(BaseModel):
    """Options of ``gdi citymodel terrain`` (all part of the output key except ``workers``)."""
    model_config = ConfigDict(extra="forbid")
    geoid_undulation_m: float = 43.6       # as CityModelOptions: ellipsoid height = DHHN2016 + this
    max_zoom: int | None = Field(default=None, ge=0, le=20)   # None: where the grid reaches the DGM's resolution
    grid: int = Field(default=256, ge=16, le=512)  # cells a tile side before triangulation
    max_error_m: float = Field(default=0.2, gt=0)  # TIN tolerance at max_zoom (doubles per level up)
    margin_m: float = Field(default=2000.0, gt=0)  # the surface falls to the ellipsoid within this distance
    normals: bool = True                   # octvertexnormals extension (lit hillsides)
    workers: int = Field(default=2, ge=1)
    name: str = "Gelände (DGM)"

    def key(self, dgm: DgmSpec) -> str:
        d = self.model_dump(mode="json", exclude={"workers", "name"})
        d["dgm"] = signature(dgm)
        d["format"] = FORMAT_VERSION
        return hashlib.sha1(json.dumps(d, sort_keys=True).encode()).hexdigest()[:12]


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """(west, south, east, north) in degrees of tile z/x/y of the geographic TMS scheme."""
    size = 180.0 / 2 ** z
    return (-180.0 + x * size, -90.0 + y * size, -180.0 + (x + 1) * size, -90.0 + (y + 1) * size)


def tile_range(z: int, lonlat: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    """(startX, startY, endX, endY) of the level-``z`` tiles covering the lon/lat box (both root tiles at 0)."""
    if z == 0:
        return (0, 0, 1, 0)
    size = 180.0 / 2 ** z
    w, s, e, n = lonlat
    x0, x1 = int((w + 180) // size), int((e + 180) // size)
    y0, y1 = int((s + 90) // size), int((n + 90) // size)
    return (max(0, x0), max(0, y0), min(2 ** (z + 1) - 1, x1), min(2 ** z - 1, y1))


def auto_max_zoom(res_m: float, grid: int) -> int:
    """First level whose grid cell (north-south) is at most 1.25 x the DGM cell."""
    for z in range(0, 21):
        if 180.0 / 2 ** z / grid * M_PER_DEG <= 1.25 * res_m:
            return max(z, 8)
    return 20


class _Dgm:
    """The DGM opened once per process: bounds, resolution, and bilinear reads at any cell size."""

    def __init__(self, source: str):
        import rasterio
        self.ds = rasterio.open(source)
        b = self.ds.bounds
        self.bounds = (b.left, b.bottom, b.right, b.top)
        self.res = (float(self.ds.transform.a), float(-self.ds.transform.e))

    def sample(self, x: np.ndarray, y: np.ndarray, spacing_m: float) -> np.ndarray:
        """Bilinear heights at points inside the DGM, read at about ``spacing_m`` (cells averaged where
        coarser than the DGM); gaps take the nearest height of the window (0 when it has none)."""
        from rasterio.enums import Resampling
        from rasterio.windows import Window
        from scipy import ndimage
        left, _, _, top = self.bounds
        rx, ry = self.res
        c0 = max(0, math.floor((x.min() - left) / rx) - 1)
        c1 = min(self.ds.width, math.ceil((x.max() - left) / rx) + 2)
        r0 = max(0, math.floor((top - y.max()) / ry) - 1)
        r1 = min(self.ds.height, math.ceil((top - y.min()) / ry) + 2)
        f = max(1, int(spacing_m / max(rx, ry)))
        ww, wh = c1 - c0, r1 - r0
        shape = (max(1, math.ceil(wh / f)), max(1, math.ceil(ww / f)))
        a = self.ds.read(1, window=Window(c0, r0, ww, wh), out_shape=shape, masked=True,
                         resampling=Resampling.average if f > 1 else Resampling.nearest)
        z = np.ma.filled(a.astype(np.float64), np.nan)
        bad = ~np.isfinite(z)
        if bad.all():
            return np.zeros(len(x))
        if bad.any():
            idx = ndimage.distance_transform_edt(bad, return_distances=False, return_indices=True)
            z = z[tuple(idx)]
        cx, cy = ww * rx / shape[1], wh * ry / shape[0]          # cell size of the array read
        fc = (x - (left + c0 * rx)) / cx - 0.5
        fr = ((top - r0 * ry) - y) / cy - 0.5
        fc = np.clip(fc, 0, shape[1] - 1)
        fr = np.clip(fr, 0, shape[0] - 1)
        i0 = np.minimum(np.floor(fr).astype(np.int64), shape[0] - 2) if shape[0] > 1 else np.zeros(len(x), int)
        j0 = np.minimum(np.floor(fc).astype(np.int64), shape[1] - 2) if shape[1] > 1 else np.zeros(len(x), int)
        i1, j1 = np.minimum(i0 + 1, shape[0] - 1), np.minimum(j0 + 1, shape[1] - 1)
        tr, tc = fr - i0, fc - j0
        return ((z[i0, j0] * (1 - tc) + z[i0, j1] * tc) * (1 - tr)
                + (z[i1, j0] * (1 - tc) + z[i1, j1] * tc) * tr)


_TO_UTM: dict[int, Any] = {}
# the DGM opened once per process and file version: a forked worker must not read through its parent's
# GDAL handle (a shared file offset), and a DGM replaced at the same path must be opened anew
_OPEN: dict[tuple[int, str, int, int], _Dgm] = {}


def tile_heights(dgm: _Dgm, bounds: tuple[float, float, float, float], lonlat: tuple[float, float, float, float],
                 opts: TerrainOptions) -> np.ndarray:
    """The north-up ``(grid+1)²`` ellipsoid heights of one tile (see the module docstring)."""
    from pyproj import Transformer
    n = opts.grid
    w, s, e, nn = bounds
    lon, lat = np.meshgrid(np.linspace(w, e, n + 1), np.linspace(nn, s, n + 1))
    out = np.zeros(lon.shape)
    lw, ls, le, ln = lonlat               # the DGM's lon/lat box with the margin
    near = (lon >= lw) & (lon <= le) & (lat >= ls) & (lat <= ln)
    if not near.any():
        return out
    tr = _TO_UTM.get(os.getpid())
    if tr is None:                       # creating a Transformer costs ~7 ms: once per process
        tr = _TO_UTM[os.getpid()] = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)
    if e - w <= 0.5 and n % 8 == 0:
        # a small tile: UTM is smooth across it, so every 8th vertex is transformed and the rest interpolated
        # linearly (off by micrometres at 30-75 m spacing); a fifth of the time of transforming every vertex
        from scipy import ndimage
        xc, yc = tr.transform(lon[::8, ::8], lat[::8, ::8])
        f = (n + 1) / (n // 8 + 1)
        x, y = ndimage.zoom(xc, f, order=1)[near], ndimage.zoom(yc, f, order=1)[near]
    else:
        x, y = tr.transform(lon[near], lat[near])
    bx0, by0, bx1, by1 = dgm.bounds
    cx, cy = np.clip(x, bx0, bx1), np.clip(y, by0, by1)
    wgt = np.clip(1.0 - np.hypot(x - cx, y - cy) / opts.margin_m, 0.0, 1.0)
    sel = wgt > 0
    if sel.any():
        spacing = (nn - s) / n * M_PER_DEG * min(1.0, math.cos(math.radians((s + nn) / 2)))
        vals = np.zeros(len(x))
        vals[sel] = (dgm.sample(cx[sel], cy[sel], spacing) + opts.geoid_undulation_m) * wgt[sel]
        out[near] = vals
    return out


def _build_tile(job: dict[str, Any]) -> dict[str, Any]:
    st = os.stat(job["source"])
    key = (os.getpid(), job["source"], st.st_size, st.st_mtime_ns)
    dgm = _OPEN.get(key)
    if dgm is None:
        for k in [k for k in _OPEN if k[:2] == key[:2]]:
            _OPEN.pop(k).ds.close()
        dgm = _OPEN[key] = _Dgm(job["source"])
    opts = TerrainOptions(**job["options"])
    z, x, y = job["tile"]
    bounds = tile_bounds(z, x, y)
    grid = tile_heights(dgm, bounds, tuple(job["lonlat"]), opts)
    data, nv = encode_tile(grid, bounds, job["max_error"], normals=opts.normals)
    path = Path(job["dir"]) / str(z) / str(x) / f"{y}.terrain"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return {"tile": (z, x, y), "bytes": len(data), "vertices": nv,
            "min": float(grid.min()), "max": float(grid.max())}


def layer_json(key: str | None, max_zoom: int, ranges: list[tuple[int, int, int, int]],
               lonlat: tuple[float, float, float, float], opts: TerrainOptions, extras: dict) -> dict:
    prefix = f"{key}/" if key else ""
    return {
        "tilejson": "2.1.0", "name": opts.name, "version": "1.0.0", "format": "quantized-mesh-1.0",
        "scheme": "tms", "projection": "EPSG:4326",
        "tiles": [prefix + "{z}/{x}/{y}.terrain?v={version}"],
        "minzoom": 0, "maxzoom": max_zoom, "bounds": [round(v, 7) for v in lonlat],
        "available": [[{"startX": r[0], "startY": r[1], "endX": r[2], "endY": r[3]}] for r in ranges],
        "extensions": ["octvertexnormals"] if opts.normals else [],
        # no "attribution": Cesium would turn it into a lightbox credit behind a "Data attribution" link,
        # and the offline viewer shows no links (its credits are text, services/web/static/cesium-fast.js)
        "extras": {**extras, "source": "Gelände: DGM (EPSG:25832, DHHN2016)"},
    }


def _lonlat_box(bounds: tuple[float, float, float, float], margin_m: float) -> tuple[float, float, float, float]:
    from pyproj import Transformer
    tr = Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True)
    x0, y0, x1, y1 = bounds[0] - margin_m, bounds[1] - margin_m, bounds[2] + margin_m, bounds[3] + margin_m
    t = np.linspace(0, 1, 21)
    xs = np.concatenate([x0 + (x1 - x0) * t, np.full(21, x1), x1 - (x1 - x0) * t, np.full(21, x0)])
    ys = np.concatenate([np.full(21, y0), y0 + (y1 - y0) * t, np.full(21, y1), y1 - (y1 - y0) * t])
    lon, lat = tr.transform(xs, ys)
    return (float(np.min(lon)), float(np.min(lat)), float(np.max(lon)), float(np.max(lat)))


def current_key(out_root: Path) -> str | None:
    """The version ``<out>/layer.json`` serves (None without terrain)."""
    try:
        return str(json.loads((Path(out_root) / "layer.json").read_text())["tiles"][0].split("/")[0])
    except (OSError, ValueError, KeyError, IndexError):
        return None


def build_terrain(dgm: DgmSpec, out_root: Path, options: TerrainOptions | None = None,
                  force: bool = False) -> dict:
    """Build (or keep) the terrain of ``dgm`` under ``out_root``; returns the report (also in
    ``<out>/<key>/report.json``); ``report["kept"]`` is True when nothing had to be built."""
    from .terrain import Terrain
    opts = options or TerrainOptions()
    out_root = Path(out_root)
    t0 = time.perf_counter()
    key = opts.key(dgm)
    final = out_root / key
    if not force and current_key(out_root) == key and (final / "report.json").exists():
        rep = json.loads((final / "report.json").read_text())
        return {**rep, "kept": True, "seconds": round(time.perf_counter() - t0, 2)}
    info = Terrain(dgm)                     # checks CRS and orientation; builds the mosaic of a tile folder
    source = str(info.source)
    res = min(info.res)
    max_zoom = opts.max_zoom if opts.max_zoom is not None else auto_max_zoom(res, opts.grid)
    lonlat = _lonlat_box(info.bounds, opts.margin_m)
    # the ramp outside the DGM is a plane or nearly: its tiles stop RAMP_LEVELS above max_zoom (Cesium
    # upsamples them), the finest levels cover the DGM only
    inner = _lonlat_box(info.bounds, 1.0)
    ranges = [tile_range(z, lonlat if z <= max_zoom - RAMP_LEVELS else inner) for z in range(max_zoom + 1)]
    tmp = out_root / f".build-{key}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    jobs = []
    for z, (x0, y0, x1, y1) in enumerate(ranges):
        err = opts.max_error_m * 2 ** (max_zoom - z)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                jobs.append({"source": source, "tile": (z, x, y), "lonlat": lonlat, "max_error": err,
                             "options": opts.model_dump(mode="json"), "dir": str(tmp)})
    try:
        if opts.workers > 1 and len(jobs) > 4:
            import multiprocessing as mp
            with ProcessPoolExecutor(opts.workers, mp_context=mp.get_context("fork")) as ex:
                results = list(ex.map(_build_tile, jobs, chunksize=4))
        else:
            results = [_build_tile(j) for j in jobs]
    except Exception:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    per_level = [sum(1 for r in results if r["tile"][0] == z) for z in range(max_zoom + 1)]
    extras = {"dgm": str(dgm) if isinstance(dgm, (str, Path)) else [str(p) for p in dgm],
              "dgm_signature": signature(dgm), "dgm_bounds_25832": list(info.bounds), "dgm_res_m": res,
              "geoid_undulation_m": opts.geoid_undulation_m,
              "height_note": f"ellipsoid height = DGM (DHHN2016) + {opts.geoid_undulation_m} m, as the "
                             "buildings' vertical='absolute'", "key": key}
    (tmp / "layer.json").write_text(json.dumps(layer_json(None, max_zoom, ranges, lonlat, opts, extras)))
    report = {"key": key, "tiles": len(results), "tiles_per_level": per_level, "max_zoom": max_zoom,
              "bytes": sum(r["bytes"] for r in results), "vertices": sum(r["vertices"] for r in results),
              "height_range": [min(r["min"] for r in results), max(r["max"] for r in results)],
              "dgm_res_m": res, "workers": opts.workers, "build_seconds": round(time.perf_counter() - t0, 2),
              "options": opts.model_dump(mode="json")}
    (tmp / "report.json").write_text(json.dumps(report, indent=1))
    if final.exists():                      # a forced rebuild, or a half-published older run
        shutil.rmtree(final, ignore_errors=True)
    try:
        os.replace(tmp, final)
    except OSError as exc:                  # another process published the same key meanwhile
        shutil.rmtree(tmp, ignore_errors=True)
        if not (final / "report.json").exists():
            raise SourceError(f"cannot publish the terrain: {exc}", file=str(final)) from exc
    previous = current_key(out_root)
    lj = out_root / f".layer-{os.getpid()}.json"
    lj.write_text(json.dumps(layer_json(key, max_zoom, ranges, lonlat, opts, extras), ensure_ascii=False))
    os.replace(lj, out_root / "layer.json")
    for old in out_root.iterdir():          # keep the current and the previous version only
        if old.is_dir() and old.name not in (key, previous) and not old.name.startswith(".build-"):
            shutil.rmtree(old, ignore_errors=True)
    report["seconds"] = round(time.perf_counter() - t0, 2)
    report["kept"] = False
    LOGGER.info("terrain %s: %d tiles (levels 0-%d), %.1f MB in %.1f s", key, report["tiles"], max_zoom,
                report["bytes"] / 1e6, report["seconds"])
    return report


def tile_of(z: int, lon: float, lat: float) -> tuple[int, int]:
    """(x, y) of the level-``z`` tile holding a point."""
    size = 180.0 / 2 ** z
    return int((lon + 180) // size), int((lat + 90) // size)


def terrain_heights(out_root: Path, x: np.ndarray, y: np.ndarray, z: int | None = None) -> np.ndarray:
    """Heights of the served terrain at EPSG:25832 points: the mesh of level ``z`` (default: the finest
    level that has a tile there, what Cesium draws once its finest tiles are loaded); NaN without a tile."""
    from pyproj import Transformer

    from .qmesh import decode_tile, height_at
    out_root = Path(out_root)
    lj = json.loads((out_root / "layer.json").read_text())
    levels = list(range(lj["maxzoom"], -1, -1)) if z is None else [z]
    template = lj["tiles"][0].split("?")[0]
    lon, lat = Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True).transform(
        np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    lon, lat = np.atleast_1d(lon), np.atleast_1d(lat)
    out = np.full(len(lon), np.nan)
    meshes: dict[tuple[int, int, int], Any] = {}
    for i in range(len(lon)):
        for lz in levels:
            tx, ty = tile_of(lz, float(lon[i]), float(lat[i]))
            if (lz, tx, ty) not in meshes:
                f = out_root / template.format(z=lz, x=tx, y=ty)
                meshes[(lz, tx, ty)] = decode_tile(f.read_bytes(), tile_bounds(lz, tx, ty)) if f.exists() else None
            mesh = meshes[(lz, tx, ty)]
            if mesh is not None:
                out[i] = height_at(mesh, lon[i:i + 1], lat[i:i + 1])[0]
                break
    return out


def check_terrain(out_root: Path, dgm: DgmSpec, samples: int = 300, seed: int = 0) -> dict:
    """Decode every tile ``layer.json`` lists (each must exist and decode, with its edge vertices on the
    tile's edges) and compare the finest mesh with the DGM (nearest cell + geoid undulation) at random
    points inside the DGM. Returns counts, the height differences' statistics and the problems found."""
    from .qmesh import Q, TerrainTileError, decode_tile
    from .terrain import Terrain
    out_root = Path(out_root)
    lj = json.loads((out_root / "layer.json").read_text())
    template = lj["tiles"][0].split("?")[0]
    problems: list[str] = []
    tiles = 0
    for z, ranges in enumerate(lj["available"]):
        for r in ranges:
            for tx in range(r["startX"], r["endX"] + 1):
                for ty in range(r["startY"], r["endY"] + 1):
                    f = out_root / template.format(z=z, x=tx, y=ty)
                    tiles += 1
                    if not f.exists():
                        problems.append(f"tile {z}/{tx}/{ty} listed in layer.json is missing")
                        continue
                    try:
                        m = decode_tile(f.read_bytes(), tile_bounds(z, tx, ty))
                    except TerrainTileError as exc:
                        problems.append(f"tile {z}/{tx}/{ty}: {exc}")
                        continue
                    if not (len(m.edges["west"]) >= 2 and (m.u[m.edges["west"]] == 0).all()
                            and (m.v[m.edges["north"]] == Q).all() and m.u.max() == Q and m.v.min() == 0):
                        problems.append(f"tile {z}/{tx}/{ty}: edge vertices off the tile's edges")
    t = Terrain(dgm)
    rng = np.random.default_rng(seed)
    b, res = t.bounds, max(t.res)
    x = rng.uniform(b[0] + res, b[2] - res, samples)
    y = rng.uniform(b[1] + res, b[3] - res, samples)
    ref = t.sample(x, y) + float(lj.get("extras", {}).get("geoid_undulation_m", 43.6))
    d = terrain_heights(out_root, x, y) - ref
    ok = np.isfinite(d)
    if not ok.any():
        problems.append("no terrain mesh over the DGM at the finest level")
    stats = {"max_abs_m": float(np.abs(d[ok]).max()) if ok.any() else None,
             "mean_abs_m": float(np.abs(d[ok]).mean()) if ok.any() else None,
             "p99_abs_m": float(np.percentile(np.abs(d[ok]), 99)) if ok.any() else None}
    return {"tiles": tiles, "samples": int(ok.sum()), **stats, "problems": problems}
