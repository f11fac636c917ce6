"""Checks shared by all themes: CRS area of use, swapped axes, geometry validity, duplicate keys.

Notes are appended to each record's ``_issues`` list, prefixed with the outcome:
``rejected:`` (not published), ``repaired:`` (published after a change that is stated) or
``flagged:`` (published as is, but a person should look at it).
"""
from __future__ import annotations

from functools import lru_cache

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer

from core.errors import SourceError


@lru_cache(maxsize=32)
def crs_bounds(crs_text: str) -> tuple[float, float, float, float] | None:
    """Area of use of a CRS, in that CRS's own x/y (lon/lat for geographic CRSs, as GDAL delivers them)."""
    crs = CRS.from_user_input(crs_text)
    aou = crs.area_of_use
    if aou is None:
        return None
    if crs.is_geographic:
        return (aou.west, aou.south, aou.east, aou.north)
    tr = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    xs, ys = tr.transform(np.linspace(aou.west, aou.east, 21).repeat(21),
                          np.tile(np.linspace(aou.south, aou.north, 21), 21))
    xs, ys = np.asarray(xs), np.asarray(ys)
    ok = np.isfinite(xs) & np.isfinite(ys)
    # a little tolerance: the area of use is a legal statement, data at its rim is legitimate
    pad_x = (xs[ok].max() - xs[ok].min()) * 0.02
    pad_y = (ys[ok].max() - ys[ok].min()) * 0.02
    return (xs[ok].min() - pad_x, ys[ok].min() - pad_y, xs[ok].max() + pad_x, ys[ok].max() + pad_y)


def check_crs_extent(gdf: gpd.GeoDataFrame, crs_text: str, file: str) -> None:
    """Reject records outside the CRS's area of use; repair records whose axes are swapped.

    If no record at all lies inside, the CRS declaration itself is wrong: the whole file is refused
    with one clear message rather than thousands of rejected records.
    """
    bounds = crs_bounds(crs_text)
    if bounds is None or len(gdf) == 0:
        return
    minx, miny, maxx, maxy = bounds
    geoms = gdf.geometry.to_numpy()
    present = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    if not present.any():
        return
    b = shapely.bounds(geoms)
    inside = present & (b[:, 0] >= minx) & (b[:, 2] <= maxx) & (b[:, 1] >= miny) & (b[:, 3] <= maxy)
    swapped = present & ~inside & (b[:, 1] >= minx) & (b[:, 3] <= maxx) & (b[:, 0] >= miny) & (b[:, 2] <= maxy)
    outside = present & ~inside & ~swapped
    if not inside.any() and not swapped.any():
        first = int(np.flatnonzero(present)[0])
        x, y = b[first, 0], b[first, 1]
        raise SourceError(
            f"no coordinate lies inside the area of use of the declared CRS {crs_text} "
            f"(first: {x:.6g} {y:.6g}; expected x {minx:.6g}..{maxx:.6g}, y {miny:.6g}..{maxy:.6g}); "
            "is the CRS declared correctly?", file=file, record=gdf["_row"].iat[first], field="crs", value=crs_text)
    issues = gdf["_issues"]
    if swapped.any():
        idx = np.flatnonzero(swapped)
        fixed = shapely.transform(geoms[idx], lambda c: c[:, ::-1])
        geoms = geoms.copy()
        geoms[idx] = fixed
        gdf.geometry = gpd.GeoSeries(geoms, index=gdf.index, crs=gdf.crs)
        for i in idx:
            issues.iat[i].append(f"repaired: coordinates were swapped (y/x or lat/lon): "
                                 f"{b[i, 0]:.6g} {b[i, 1]:.6g} read as {b[i, 1]:.6g} {b[i, 0]:.6g}")
    for i in np.flatnonzero(outside):
        issues.iat[i].append(f"rejected: coordinates {b[i, 0]:.6g} {b[i, 1]:.6g} lie outside the area of use "
                             f"of {crs_text}")


def check_polygons(gdf: gpd.GeoDataFrame) -> None:
    """Repair invalid polygons with make_valid (reported); reject zero-area polygons."""
    geoms = gdf.geometry.to_numpy()
    present = ~shapely.is_missing(geoms)
    poly = present & np.isin(shapely.get_type_id(geoms), [3, 6])
    if not poly.any():
        return
    issues = gdf["_issues"]
    invalid = poly & ~shapely.is_valid(geoms)
    geoms = geoms.copy()
    for i in np.flatnonzero(invalid):
        reason = shapely.is_valid_reason(geoms[i])
        fixed = shapely.make_valid(geoms[i])
        if fixed.geom_type == "GeometryCollection":
            parts = [g for g in fixed.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
            fixed = shapely.union_all(parts) if parts else shapely.Polygon()
        if fixed.is_empty or fixed.area == 0:
            issues.iat[i].append(f"rejected: polygon is invalid ({reason}) and has no area after repair")
        else:
            issues.iat[i].append(f"repaired: invalid polygon ({reason}) made valid with make_valid")
            geoms[i] = fixed
    zero = poly & ~invalid & (shapely.area(geoms) <= 0)
    for i in np.flatnonzero(zero):
        issues.iat[i].append("rejected: polygon has zero area")
    gdf.geometry = gpd.GeoSeries(geoms, index=gdf.index, crs=gdf.crs)


def check_keys(gdf: gpd.GeoDataFrame, key_col: str, seen: dict[str, str], field: str) -> None:
    """Reject records without a key and repeated keys (the first occurrence wins)."""
    issues = gdf["_issues"].tolist()
    rows = gdf["_row"].tolist()
    keys = gdf[key_col].fillna("").astype(str).str.strip().tolist()
    for i, k in enumerate(keys):
        if not k:
            issues[i].append(f"rejected: key field '{field}' is empty")
        elif k in seen:
            issues[i].append(f"rejected: duplicate key '{field}' = {k!r} (first seen at {seen[k]})")
        else:
            seen[k] = rows[i]


def status_of(notes: list[str]) -> str:
    if any(n.startswith("rejected:") for n in notes):
        return "rejected"
    if any(n.startswith("repaired:") for n in notes):
        return "repaired"
    return "published"
