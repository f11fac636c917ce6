"""The overview of a point dataset: a density grid drawn instead of the points at small scales.

A million street trees drawn as dots at city scale are a green blanket, and drawing them is what makes a
city-wide GetMap slow (every point is read and rendered). Every publication of a point dataset therefore
carries one more table beside its INSPIRE and source views: square cells of ``CELL_M`` metres (100 m, one
hectare) in EPSG:25832 with the number of features in each (``count``; per hectare, as the cell is one).
The WMS draws it beyond the point style's scale for datasets with many features
(``services.wms.mapfile``, ``settings.wms.overview_min_features``); the QGIS project shows it through the
WMS there (``services.qgis``).

The grid is counted chunk by chunk while the pipeline writes the views (:class:`DensityGrid`), so it costs
one ``numpy.unique`` per chunk; :func:`grid_of_layer` counts an existing table (the benchmarks' synthetic
publications). The table is listed in the manifest under ``overview``, not under ``collections``: it is no
INSPIRE or source view and is not offered by OGC API Features or the download service.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

CELL_M = 100.0
CRS = "EPSG:25832"


def overview_table(collection: str) -> str:
    """The table name of the overview of ``collection`` (in the version's GeoPackage and PostGIS schema)."""
    return f"{collection}_dichte"


def manifest_entry(collection: str, cells: int, features: int) -> dict[str, Any]:
    """The manifest's ``overview``: where the grid of ``collection`` lies and how many features it counts
    (``services.wms.overview`` compares these with ``wms.overview_min_features``)."""
    return {"layer": overview_table(collection), "cell_m": CELL_M, "cells": int(cells), "features": int(features)}


class DensityGrid:
    """Features per ``cell`` metres square, counted from chunks of point geometries in EPSG:25832."""

    def __init__(self, cell: float = CELL_M):
        self.cell = float(cell)
        self.counts: Counter[tuple[int, int]] = Counter()

    def add(self, geoms: Any) -> None:
        """Count the points of a GeoSeries (or shapely array); empty and non-point geometries are skipped."""
        arr = np.asarray(getattr(geoms, "values", geoms))
        if not len(arr):
            return
        xy = shapely.get_coordinates(arr[shapely.get_type_id(arr) == 0])
        self.add_xy(xy[:, 0], xy[:, 1])

    def add_xy(self, x: np.ndarray, y: np.ndarray) -> None:
        ok = np.isfinite(x) & np.isfinite(y)
        if not ok.any():
            return
        cells = np.stack([np.floor(x[ok] / self.cell), np.floor(y[ok] / self.cell)], axis=1).astype(np.int64)
        keys, n = np.unique(cells, axis=0, return_counts=True)
        self.counts.update({(int(i), int(j)): int(c) for (i, j), c in zip(keys, n, strict=True)})

    def frame(self) -> gpd.GeoDataFrame:
        """One square polygon per non-empty cell, with ``count`` and ``cell_m``, sorted by cell."""
        keys = sorted(self.counts)
        ij = np.array(keys, dtype=np.float64).reshape(-1, 2) * self.cell
        geoms = shapely.box(ij[:, 0], ij[:, 1], ij[:, 0] + self.cell, ij[:, 1] + self.cell)
        return gpd.GeoDataFrame({"count": np.array([self.counts[k] for k in keys], dtype=np.int64),
                                 "cell_m": np.full(len(keys), int(self.cell), dtype=np.int64)},
                                geometry=geoms, crs=CRS)


def grid_of_layer(gpkg: Path, layer: str, cell: float = CELL_M, batch: int = 200_000) -> gpd.GeoDataFrame:
    """The density grid of the points of ``layer`` in a GeoPackage, read in batches (bounded memory)."""
    from pyogrio import read_arrow
    grid = DensityGrid(cell)
    meta, table = read_arrow(gpkg, layer=layer, columns=[], batch_size=batch)
    col = meta.get("geometry_name") or "wkb_geometry"
    for chunk in table.column(col).chunks:
        grid.add(shapely.from_wkb(np.asarray(chunk.to_numpy(zero_copy_only=False), dtype=object)))
    return grid.frame()
