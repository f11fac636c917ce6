"""Terrain (DGM) for building base heights: EPSG:25832 rasters read with rasterio, at full resolution.

The base height of a building is the lowest terrain height under its outline vertices, so no building
floats above a slope. The DGM may be one GeoTIFF, a ``.vrt``, an XYZ grid, a folder of DGM1 tiles, a glob
pattern or a list of tiles (:mod:`citymodel.dgm_tiles` makes one raster of them: a VRT mosaic). Heights
are read in windows around the points asked for (at most ``BLOCK`` x ``BLOCK`` cells at a time), so a
city-wide 1 m DGM is never held in memory and a building's base height comes from the 1 m cells.
``make_demo_dgm`` writes a small deterministic DGM for the Hildesheim extent (Innerste valley ~75 m NHN,
rising towards the Hildesheimer Wald in the south-west) for the demo.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np

from core.errors import SourceError

from .dgm_tiles import DgmSpec, open_source

LOGGER = logging.getLogger(__name__)
MAX_CELLS = 4000 * 4000  # the whole-raster overview ``z`` (old API, pointcloud) is read decimated to this
BLOCK = 1000             # cells a side of one windowed read (4 MB of float32): one 1 km DGM1 tile at 1 m
CACHE_MB = 64            # GDAL block cache while reading: each block is read once, a bigger cache only costs


class Terrain:
    """Heights of a DGM at points. ``bounds`` (minx, miny, maxx, maxy), ``res`` (cell size x, y) and
    ``min`` (lowest height, computed on first use) describe the full-resolution raster; ``z``/``dx``/``dy``
    are a decimated whole-raster overview (at most ``MAX_CELLS``), read only when asked for."""

    def __init__(self, path: DgmSpec, cache_dir: Path | None = None):
        import rasterio
        self.path = Path(path) if isinstance(path, (str, Path)) else Path(str(path[0]) if path else "")
        self.source = open_source(path, cache_dir)  # a GeoTIFF or VRT; SourceError for bad input
        try:
            with rasterio.open(self.source) as ds:
                if ds.crs is not None and ds.crs.to_epsg() not in (25832, None):
                    raise SourceError(f"DGM must be in EPSG:25832, is {ds.crs}", file=str(self.source),
                                      field="crs", value=str(ds.crs))
                b, t = ds.bounds, ds.transform
                self.width, self.height = ds.width, ds.height
        except SourceError:
            raise
        except Exception as exc:  # rasterio raises RasterioIOError etc.
            raise SourceError(f"cannot read DGM: {exc}", file=str(self.source)) from exc
        if t.b != 0 or t.d != 0 or t.e >= 0:
            raise SourceError("DGM raster is rotated or south-up (expected a north-up grid)",
                              file=str(self.source), field="geotransform", value=tuple(t)[:6])
        self.bounds = (b.left, b.bottom, b.right, b.top)
        self.res = (float(t.a), float(-t.e))
        self._min: float | None = None
        self._overview: tuple[np.ndarray, float, float] | None = None

    # -- full resolution ---------------------------------------------------------------------------
    def _cells(self, x: Any, y: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        with np.errstate(invalid="ignore"):
            col = np.floor((x - self.bounds[0]) / self.res[0])
            row = np.floor((self.bounds[3] - y) / self.res[1])
            ok = (col >= 0) & (col < self.width) & (row >= 0) & (row < self.height)
        return (np.where(ok, row, 0).astype(np.int64), np.where(ok, col, 0).astype(np.int64), ok)

    def sample(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Nearest-cell terrain height at full resolution; NaN outside the DGM, on nodata and in gaps.

        Points are grouped by ``BLOCK`` x ``BLOCK`` cell blocks; each block is read once, as the window
        around its points (buildings cluster, so windows stay small)."""
        import rasterio
        from rasterio.windows import Window
        row, col, ok = self._cells(x, y)
        out = np.full(len(row), np.nan)
        idx = np.flatnonzero(ok)
        if not len(idx):
            return out
        nbc = self.width // BLOCK + 1
        key = (row[idx] // BLOCK) * nbc + col[idx] // BLOCK
        order = np.argsort(key, kind="stable")
        idx, key = idx[order], key[order]
        cuts = np.flatnonzero(np.diff(key)) + 1
        with rasterio.Env(GDAL_CACHEMAX=CACHE_MB), rasterio.open(self.source) as ds:
            nodata = ds.nodata
            for part in np.split(idx, cuts):
                r, c = row[part], col[part]
                r0, c0 = int(r.min()), int(c.min())
                win = Window(c0, r0, int(c.max()) - c0 + 1, int(r.max()) - r0 + 1)
                out[part] = ds.read(1, window=win)[r - r0, c - c0]   # native type: no float64 window copy
        if nodata is not None and not np.isnan(nodata):
            out[out == nodata] = np.nan
        return out

    def base_heights(self, geoms) -> np.ndarray:
        """Lowest terrain height under each geometry's vertices (NaN where entirely outside)."""
        import shapely
        xy, idx = shapely.get_coordinates(geoms, return_index=True)
        z = self.sample(xy[:, 0], xy[:, 1])
        out = np.full(len(geoms), np.inf)
        np.fmin.at(out, idx, z)
        out[~np.isfinite(out)] = np.nan
        return out

    @property
    def min(self) -> float:
        """Lowest height of the whole DGM at full resolution (read in strips; NaN when all nodata)."""
        if self._min is None:
            import rasterio
            from rasterio.windows import Window
            lows = []
            with rasterio.Env(GDAL_CACHEMAX=CACHE_MB), rasterio.open(self.source) as ds:
                nodata = ds.nodata
                for r0 in range(0, self.height, BLOCK):     # blocks, not strips: one tile at a time
                    for c0 in range(0, self.width, BLOCK):
                        a = ds.read(1, window=Window(c0, r0, min(BLOCK, self.width - c0),
                                                     min(BLOCK, self.height - r0)))
                        ok = ~np.isnan(a) if a.dtype.kind == "f" else np.ones(a.shape, bool)
                        if nodata is not None and not np.isnan(nodata):
                            ok &= a != nodata
                        if ok.any():
                            lows.append(float(a[ok].min()))
            self._min = min(lows) if lows else float("nan")
        return self._min

    # -- decimated overview (the old whole-array API) -----------------------------------------------
    def _read_overview(self) -> tuple[np.ndarray, float, float]:
        if self._overview is None:
            import rasterio
            from rasterio.enums import Resampling
            f = max(1.0, (self.width * self.height / MAX_CELLS) ** 0.5)
            shape = (max(1, int(self.height / f)), max(1, int(self.width / f)))
            with rasterio.Env(GDAL_CACHEMAX=CACHE_MB), rasterio.open(self.source) as ds:
                z = ds.read(1, out_shape=shape, resampling=Resampling.bilinear, masked=True).astype(
                    np.float64).filled(np.nan)
            h, w = z.shape
            self._overview = (z, (self.bounds[2] - self.bounds[0]) / w, (self.bounds[3] - self.bounds[1]) / h)
        return self._overview

    @property
    def z(self) -> np.ndarray:
        """The whole DGM as one array, decimated to at most ``MAX_CELLS`` cells (bilinear)."""
        return self._read_overview()[0]

    @property
    def dx(self) -> float:
        """Cell width of :attr:`z`."""
        return self._read_overview()[1]

    @property
    def dy(self) -> float:
        """Cell height of :attr:`z`."""
        return self._read_overview()[2]


def make_demo_dgm(path: Path, bounds: tuple[float, float, float, float], res: float = 20.0) -> Path:
    """A smooth deterministic DGM (float32 GeoTIFF, EPSG:25832) covering ``bounds``."""
    import rasterio
    from rasterio.transform import from_origin
    minx, miny, maxx, maxy = bounds
    w, h = int(np.ceil((maxx - minx) / res)), int(np.ceil((maxy - miny) / res))
    xs = minx + (np.arange(w) + 0.5) * res
    ys = maxy - (np.arange(h) + 0.5) * res
    gx, gy = np.meshgrid((xs - minx) / 1000.0, (ys - miny) / 1000.0)
    z = (78.0 + 2.0 * gy
         + 110.0 * np.exp(-((gx - 2.0) ** 2 + (gy - 3.0) ** 2) / 12.0)      # Hildesheimer Wald (SW)
         + 40.0 * np.exp(-((gx - 13.0) ** 2 + (gy - 4.0) ** 2) / 8.0)       # Vorholz (SE)
         - 8.0 * np.exp(-((gx - 8.5 + 0.25 * gy) ** 2) / 0.8)              # Innerste valley (S->N)
         + 3.0 * np.sin(gx * 1.7) * np.cos(gy * 1.3))
    path.parent.mkdir(parents=True, exist_ok=True)
    with rasterio.open(path, "w", driver="GTiff", width=w, height=h, count=1, dtype="float32",
                       crs="EPSG:25832", transform=from_origin(minx, maxy, res, res), nodata=-9999.0,
                       compress="deflate") as ds:
        ds.write(z.astype(np.float32), 1)
    return path
