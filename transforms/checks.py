"""Checks shared by all themes: CRS area of use, swapped axes, geometry validity, duplicate keys.

Notes are appended to each record's ``_issues`` list, prefixed with the outcome:
``rejected:`` (not published), ``repaired:`` (published after a change that is stated) or
``flagged:`` (published as is, but a person should look at it).
"""
from __future__ import annotations

import bisect
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import shapely
from pyproj import CRS, Transformer

from core.errors import SourceError

from .localid import local_ids


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


class KeyIndex:
    """The keys seen so far in a run, kept compactly for the duplicate-key check.

    A dict of key -> row label costs ~180 bytes a record for the whole run (1.3 GB at 5 million trees).
    Here each key is two independent 64-bit hashes (a false "duplicate" needs both to collide: about
    n² / 2^129) and the ordinal of its first record, 20 bytes, in sorted runs that are merged as they
    grow (lookups stay ``searchsorted``). Row labels are kept per chunk, a consecutive ``line N`` range as
    two numbers, anything else as one Arrow string array.
    """

    _K1, _K2 = "gdi-key-index-01", "gdi-key-index-02"  # 16-byte siphash keys: two independent hashes

    def __init__(self) -> None:
        self._runs: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (h1 sorted, h2, ordinal)
        self._labels: list[tuple[int, int | None, pa.Array | None]] = []  # (first ordinal, line no., labels)
        self._starts: list[int] = []
        self.records = 0

    def __len__(self) -> int:
        return sum(len(r[0]) for r in self._runs)

    @property
    def nbytes(self) -> int:
        """Memory held (hash runs and row labels), for tests and benchmarks."""
        return (sum(a.nbytes + b.nbytes + c.nbytes for a, b, c in self._runs)
                + sum(lab.nbytes for _, _, lab in self._labels if lab is not None))

    def hashes(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return (pd.util.hash_array(keys, hash_key=self._K1, categorize=False),
                pd.util.hash_array(keys, hash_key=self._K2, categorize=False))

    def add_labels(self, rows: list) -> int:
        """Keep the row labels of the next ``len(rows)`` records; returns the ordinal of the first."""
        first = self.records
        n = len(rows)
        arr = pa.array([str(r) for r in rows] if rows and not isinstance(rows[0], str) else rows, pa.string())
        line0: int | None = None
        if n and isinstance(rows[0], str) and rows[0].startswith("line ") and rows[0][5:].isdigit():
            start = int(rows[0][5:])
            expected = pc.binary_join_element_wise(
                "line ", pc.cast(pa.array(np.arange(start, start + n)), pa.string()), "")
            if pc.all(pc.equal(arr, expected)).as_py():
                line0 = start
        self._labels.append((first, line0, None if line0 is not None else arr))
        self._starts.append(first)
        self.records += n
        return first

    def label(self, ordinal: int) -> str:
        i = bisect.bisect_right(self._starts, ordinal) - 1
        first, line0, arr = self._labels[i]
        if line0 is not None:
            return f"line {line0 + ordinal - first}"
        return str(arr[ordinal - first].as_py()) if arr is not None else ""

    def lookup(self, h1: np.ndarray, h2: np.ndarray) -> np.ndarray:
        """Ordinal of the first record with each (h1, h2) seen before, -1 where none."""
        found = np.full(len(h1), -1, dtype=np.int64)
        for r1, r2, ords in self._runs:
            pos = np.searchsorted(r1, h1)
            hit = np.flatnonzero((pos < len(r1)) & (r1[np.minimum(pos, len(r1) - 1)] == h1))
            for i in hit:  # rare: a duplicate (or a collision of h1 alone)
                j = int(pos[i])
                while j < len(r1) and r1[j] == h1[i]:
                    if r2[j] == h2[i] and (found[i] < 0 or ords[j] < found[i]):
                        found[i] = int(ords[j])
                    j += 1
        return found

    def insert(self, h1: np.ndarray, h2: np.ndarray, ordinals: np.ndarray) -> None:
        if not len(h1):
            return
        order = np.argsort(h1, kind="stable")
        run = (h1[order], h2[order], ordinals[order].astype(np.uint32 if self.records < 2**32 else np.uint64))
        self._runs.append(run)
        # merge runs of similar size (a log-structured merge): O(n log n) over the run, few runs to search
        while len(self._runs) > 1 and len(self._runs[-2][0]) <= 2 * len(self._runs[-1][0]):
            b, a = self._runs.pop(), self._runs.pop()
            # merge two sorted runs by scattering (no sort, no index array over both)
            pos_b = np.searchsorted(a[0], b[0], side="right") + np.arange(len(b[0]))
            from_a = np.ones(len(a[0]) + len(b[0]), dtype=bool)
            from_a[pos_b] = False
            merged = []
            for xa, xb in zip(a, b, strict=True):
                out = np.empty(len(from_a), dtype=np.result_type(xa, xb))
                out[pos_b] = xb
                out[from_a] = xa
                merged.append(out)
            self._runs.append((merged[0], merged[1], merged[2]))


def check_keys(gdf: gpd.GeoDataFrame, key_col: str, seen: KeyIndex, field: str) -> None:
    """Reject records without a key and repeated keys (the first occurrence wins)."""
    n = len(gdf)
    rows = gdf["_row"].tolist()
    first_ordinal = seen.add_labels(rows)
    if n == 0:
        return
    raw = gdf[key_col].fillna("").astype(str).str.strip()
    # duplicates by INSPIRE localId (transforms.localid): two keys that encode alike would clash in the GML
    keys = local_ids(raw).to_numpy(dtype=object)
    shown = raw.to_numpy(dtype=object)
    issues = gdf["_issues"]
    empty = keys == ""
    for i in np.flatnonzero(empty):
        issues.iat[i].append(f"rejected: key field '{field}' is empty")
    idx = np.flatnonzero(~empty)
    if not len(idx):
        return
    present = keys[idx]
    codes, _uniques = pd.factorize(present)
    _, first_of_code = np.unique(codes, return_index=True)  # position (in ``present``) of each key's first
    firsts = idx[first_of_code]
    h1, h2 = seen.hashes(keys[firsts])
    earlier = seen.lookup(h1, h2)
    new = earlier < 0
    seen.insert(h1[new], h2[new], firsts[new] + first_ordinal)
    dup = np.ones(len(idx), dtype=bool)
    dup[first_of_code[new]] = False
    for p in np.flatnonzero(dup):
        c = codes[p]
        prev = earlier[c]
        where = seen.label(int(prev)) if prev >= 0 else rows[firsts[c]]
        issues.iat[int(idx[p])].append(f"rejected: duplicate key '{field}' = {shown[idx[p]]!r} (first seen at {where})")


def status_of(notes: list[str]) -> str:
    if any(n.startswith("rejected:") for n in notes):
        return "rejected"
    if any(n.startswith("repaired:") for n in notes):
        return "repaired"
    return "published"
