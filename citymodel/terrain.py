"""Terrain (DGM) for building base heights: a GeoTIFF in EPSG:25832 read with rasterio.

The base height of a building is the lowest terrain height under its outline vertices, so no building
floats above a slope. ``make_demo_dgm`` writes a small deterministic DGM for the Hildesheim extent
(Innerste valley ~75 m NHN, rising towards the Hildesheimer Wald in the south-west) for the demo.
"""
from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from core.errors import SourceError

LOGGER = logging.getLogger(__name__)
MAX_CELLS = 4000 * 4000  # larger DGMs are read decimated (base heights need no sub-metre detail)


class Terrain:
    def __init__(self, path: Path):
        import rasterio
        from rasterio.enums import Resampling
        try:
            with rasterio.open(path) as ds:
                if ds.crs is not None and ds.crs.to_epsg() not in (25832, None):
                    raise SourceError(f"DGM must be in EPSG:25832, is {ds.crs}", file=str(path), field="crs",
                                      value=str(ds.crs))
                f = max(1.0, (ds.width * ds.height / MAX_CELLS) ** 0.5)
                shape = (int(ds.height / f), int(ds.width / f))
                self.z = ds.read(1, out_shape=shape, resampling=Resampling.bilinear, masked=True).astype(
                    np.float64).filled(np.nan)
                b = ds.bounds
                self.bounds = (b.left, b.bottom, b.right, b.top)
        except SourceError:
            raise
        except Exception as exc:  # rasterio raises RasterioIOError etc.
            raise SourceError(f"cannot read DGM: {exc}", file=str(path)) from exc
        self.path = Path(path)
        h, w = self.z.shape
        self.dx = (self.bounds[2] - self.bounds[0]) / w
        self.dy = (self.bounds[3] - self.bounds[1]) / h
        self.min = float(np.nanmin(self.z))

    def sample(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Nearest-cell terrain height; NaN outside the DGM or on nodata."""
        h, w = self.z.shape
        col = np.floor((np.asarray(x) - self.bounds[0]) / self.dx).astype(np.int64)
        row = np.floor((self.bounds[3] - np.asarray(y)) / self.dy).astype(np.int64)
        ok = (col >= 0) & (col < w) & (row >= 0) & (row < h)
        out = np.full(len(col), np.nan)
        out[ok] = self.z[row[ok], col[ok]]
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
