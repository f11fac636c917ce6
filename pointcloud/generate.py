"""A deterministic synthetic airborne laser scan (LAS 1.4, point format 7, EPSG:25832).

Pulses fall uniformly at ``density`` per m² (state surveys deliver 4–20; 10 is typical of current
flights). A pulse returns from the highest surface under it: a tree crown (half ellipsoid, top exactly at
the tree's height above the DGM at its trunk), a building block (flat roof at base + height, base = lowest
DGM height under the outline, as in ``citymodel``) or the ground (DGM, bilinear, ±3 cm). Crown pulses also
give a return inside the crown (40 %) and a last return on the ground (35 %), as real first/last-pulse
data does. Classes (ASPRS): 2 ground, 5 high vegetation (4 below 2 m), 6 building, 1 a few low objects.
Colours by class with noise (16-bit RGB). Generated strip by strip, so memory stays bounded.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .dgm import Dgm

LOGGER = logging.getLogger(__name__)
RES = 0.25  # metres per cell of the crown and roof lookup rasters


@dataclass
class Trees:
    """Tree positions (EPSG:25832) with height and crown diameter in metres (NaN = unknown)."""
    ids: np.ndarray
    x: np.ndarray
    y: np.ndarray
    height: np.ndarray
    crown: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)

    def subset(self, mask: np.ndarray) -> Trees:
        return Trees(self.ids[mask], self.x[mask], self.y[mask], self.height[mask], self.crown[mask])


@dataclass
class Scene:
    bbox: tuple[float, float, float, float]
    trees: Trees                                       # as they stand (true heights and crowns)
    blocks: list = field(default_factory=list)         # shapely polygons
    block_heights: np.ndarray = field(default_factory=lambda: np.zeros(0))


def crown_depth(height: np.ndarray) -> np.ndarray:
    return np.clip(0.6 * height, 1.0, None)


def visible_tops(scene: Scene, dgm: Dgm) -> np.ndarray:
    """True for trees whose own crown is the surface above their trunk (not overtopped by a neighbour):
    only these can be measured from the air."""
    minx, miny, maxx, maxy = scene.bbox
    shape = (math.ceil((maxy - miny) / RES), math.ceil((maxx - minx) / RES))
    t = scene.trees
    ras = _tree_raster(scene, dgm.sample(t.x, t.y), shape)
    col = np.clip(((t.x - minx) / RES).astype(np.int64), 0, shape[1] - 1)
    row = np.clip(((maxy - t.y) / RES).astype(np.int64), 0, shape[0] - 1)
    return np.asarray(ras[row, col] == np.arange(1, len(t) + 1))


def _tree_raster(scene: Scene, ground: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Index+1 of the tree whose crown is highest-topped over each cell (0: none); later (taller) trees
    overwrite earlier ones."""
    minx, _, _, maxy = scene.bbox
    out = np.zeros(shape, np.int32)
    t = scene.trees
    order = np.argsort(ground + t.height)
    h, w = shape
    for i in order:
        r = t.crown[i] / 2
        c0, c1 = int((t.x[i] - r - minx) / RES), math.ceil((t.x[i] + r - minx) / RES)
        r0, r1 = int((maxy - t.y[i] - r) / RES), math.ceil((maxy - t.y[i] + r) / RES)
        c0, r0, c1, r1 = max(c0, 0), max(r0, 0), min(c1, w), min(r1, h)
        if c0 >= c1 or r0 >= r1:
            continue
        cx = minx + (np.arange(c0, c1) + 0.5) * RES - t.x[i]
        cy = maxy - (np.arange(r0, r1) + 0.5) * RES - t.y[i]
        inside = cx[None, :] ** 2 + cy[:, None] ** 2 <= r * r
        out[r0:r1, c0:c1][inside] = i + 1
    return out


def _block_raster(scene: Scene, shape: tuple[int, int]) -> np.ndarray:
    if not scene.blocks:
        return np.zeros(shape, np.int32)
    from rasterio.features import rasterize
    from rasterio.transform import from_origin
    minx, _, _, maxy = scene.bbox
    return rasterize(((g, i + 1) for i, g in enumerate(scene.blocks)), out_shape=shape,
                     transform=from_origin(minx, maxy, RES, RES), fill=0, dtype="int32")


def generate_las(out: Path, scene: Scene, dgm: Dgm, density: float = 10.0, seed: int = 1,
                 strip: float = 50.0) -> dict:
    """Write the scan of ``scene`` to ``out`` (.las or .laz); returns point counts per class."""
    import laspy
    import shapely
    from pyproj import CRS
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = scene.bbox
    shape = (math.ceil((maxy - miny) / RES), math.ceil((maxx - minx) / RES))
    t = scene.trees
    tground = dgm.sample(t.x, t.y)
    traster = _tree_raster(scene, tground, shape)
    braster = _block_raster(scene, shape)
    bbase = np.array([np.nanmin(dgm.sample(*np.asarray(shapely.get_coordinates(g)).T)) for g in scene.blocks])
    broof = bbase + scene.block_heights if len(scene.blocks) else np.zeros(0)
    hdr = laspy.LasHeader(version="1.4", point_format=7)
    hdr.offsets = [math.floor(minx), math.floor(miny), 0.0]
    hdr.scales = [0.01, 0.01, 0.01]
    hdr.add_crs(CRS.from_epsg(25832))
    counts: dict[int, int] = {}
    gps = 0.0
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    colours = {1: (120, 120, 110), 2: (110, 100, 75), 4: (90, 130, 60), 5: (55, 105, 45), 6: (160, 80, 65)}
    with laspy.open(out, mode="w", header=hdr, do_compress=out.suffix.lower() == ".laz") as w:
        y0 = miny
        while y0 < maxy:
            y1 = min(y0 + strip, maxy)
            n = rng.poisson(density * (maxx - minx) * (y1 - y0))
            x = rng.uniform(minx, maxx, n)
            y = rng.uniform(y0, y1, n)
            col = np.minimum(((x - minx) / RES).astype(np.int64), shape[1] - 1)
            row = np.minimum(((maxy - y) / RES).astype(np.int64), shape[0] - 1)
            g = dgm.sample(x, y)
            z = g + rng.normal(0, 0.03, n)
            cls = np.full(n, 2, np.uint8)
            nret = np.ones(n, np.uint8)
            ti = traster[row, col] - 1
            crown_hit = np.zeros(n, bool)
            if len(t):
                has = ti >= 0
                k = ti[has]
                d = np.hypot(x[has] - t.x[k], y[has] - t.y[k])
                r = t.crown[k] / 2
                c = crown_depth(t.height[k])
                inside = d <= r
                zt = tground[k] + t.height[k] - c + c * np.sqrt(np.clip(1 - (d / r) ** 2, 0, 1))
                zt = zt - np.abs(rng.normal(0, 0.04, len(k)))  # leaves: a little below the ideal surface
                idx = np.flatnonzero(has)[inside]
                z[idx] = zt[inside]
                cls[idx] = np.where(zt[inside] - g[idx] > 2.0, 5, 4)
                crown_hit[idx] = True
            bi = braster[row, col] - 1
            roof = bi >= 0
            if roof.any():
                zr = broof[bi[roof]] + rng.normal(0, 0.03, int(roof.sum()))
                higher = zr > z[roof]
                idx = np.flatnonzero(roof)[higher]
                z[idx] = zr[higher]
                cls[idx] = 6
                crown_hit[idx] = False
            low = (cls == 2) & (rng.random(n) < 0.005)
            z[low] = g[low] + rng.uniform(0.2, 1.5, int(low.sum()))
            cls[low] = 1
            # extra returns of crown pulses: inside the crown, and on the ground below
            hit = np.flatnonzero(crown_hit)
            mid = hit[rng.random(len(hit)) < 0.40]
            last = hit[rng.random(len(hit)) < 0.35]
            nret[mid] += 1
            nret[last] += 1
            zmid = g[mid] + (z[mid] - g[mid]) * rng.uniform(0.35, 0.95, len(mid))
            xs = np.concatenate([x, x[mid], x[last]])
            ys = np.concatenate([y, y[mid], y[last]])
            zs = np.concatenate([z, zmid, g[last] + rng.normal(0, 0.03, len(last))])
            cs = np.concatenate([cls, np.where(zmid - g[mid] > 2.0, 5, 4).astype(np.uint8),
                                 np.full(len(last), 2, np.uint8)])
            rn = np.concatenate([np.ones(n, np.uint8), np.full(len(mid), 2, np.uint8),
                                 nret[last]])
            nr = np.concatenate([nret, nret[mid], nret[last]])
            m = len(xs)
            rec = laspy.ScaleAwarePointRecord.zeros(m, header=hdr)
            rec.x, rec.y, rec.z = xs, ys, zs
            rec.classification = cs
            rec.return_number, rec.number_of_returns = rn, nr
            rec.gps_time = gps + np.arange(m) * 1e-5
            gps += m * 1e-5
            rgb = np.zeros((m, 3))
            for k_, v in colours.items():
                rgb[cs == k_] = v
            rgb = np.clip(rgb + rng.normal(0, 8, (m, 3)), 0, 255) * 257
            rec.red, rec.green, rec.blue = (rgb[:, i].astype(np.uint16) for i in range(3))
            rec.intensity = np.where(cs == 5, 900, np.where(cs == 6, 1800, 1400)).astype(np.uint16)
            w.write_points(rec)
            for k_, v in zip(*np.unique(cs, return_counts=True), strict=True):
                counts[int(k_)] = counts.get(int(k_), 0) + int(v)
            y0 = y1
    return {"file": str(out), "points": int(sum(counts.values())), "classes": counts,
            "area_m2": (maxx - minx) * (maxy - miny), "pulses_per_m2": density}


def blocks_between(trees: Trees, bbox: tuple[float, float, float, float], n: int, seed: int = 1,
                   clearance: float = 2.0) -> tuple[list, np.ndarray]:
    """Rectangular building blocks (10–28 m × 8–14 m, 4–20 m high) that keep ``clearance`` off every
    crown and off each other (for windows where no building footprints exist)."""
    import shapely
    rng = np.random.default_rng(seed)
    crowns = shapely.buffer(shapely.points(trees.x, trees.y), np.nan_to_num(trees.crown, nan=6.0) / 2 + clearance)
    tree_idx = shapely.STRtree(crowns)
    blocks: list = []
    heights: list[float] = []
    minx, miny, maxx, maxy = bbox
    for _ in range(n * 20):
        if len(blocks) >= n:
            break
        w, d = rng.uniform(10, 28), rng.uniform(8, 14)
        cx, cy = rng.uniform(minx + 20, maxx - 20), rng.uniform(miny + 20, maxy - 20)
        b = shapely.box(cx - w / 2, cy - d / 2, cx + w / 2, cy + d / 2)
        if len(tree_idx.query(b, predicate="intersects")):
            continue
        if any(b.buffer(clearance).intersects(o) for o in blocks):
            continue
        blocks.append(b)
        heights.append(float(rng.uniform(4, 20)))
    return blocks, np.asarray(heights)


def read_tree_csv(path: Path) -> Trees:
    """The bundled tree cadastre (Münster schema: latin-1, ';', WKT points, height in m, crown diameter
    in m despite the column's '_cm' name). Rows without a usable point are skipped."""
    import pandas as pd
    import shapely
    df = pd.read_csv(path, sep=";", encoding="latin-1", decimal=",", dtype={"ID": str})
    geom = shapely.from_wkt(df["gis_komplex_UTM"].astype(str).str.replace("POINT (", "POINT(", regex=False),
                            on_invalid="ignore")
    x, y = np.asarray(shapely.get_x(geom), float), np.asarray(shapely.get_y(geom), float)
    ok = np.isfinite(x) & np.isfinite(y)
    h = pd.to_numeric(df["Baumhoehe_akt_m"], errors="coerce").to_numpy(float)
    c = pd.to_numeric(df["Kronendurchmesser_akt_cm"], errors="coerce").to_numpy(float)
    return Trees(df["ID"].to_numpy(str)[ok], x[ok], y[ok], h[ok], c[ok])


def standing_trees(recorded: Trees, seed: int = 1, grown: int = 3, removed: int = 1,
                   grow_by: float = 5.0) -> tuple[Trees, list[str], list[str]]:
    """The trees as the scan finds them: recorded heights where plausible (else 12 m, crowns 6 m), a few
    trees ``grow_by`` metres taller than recorded and ``removed`` trees felled (their crowns gone). Felled
    and grown trees are chosen among free-standing ones so the test can see them. Returns (standing trees,
    ids grown, ids removed)."""
    rng = np.random.default_rng(seed)
    h = np.where((recorded.height > 1.5) & (recorded.height <= 45), recorded.height, 12.0)
    # a crown narrower than 2.5 m is a young tree's or a recording error; the scan sees at least that
    c = np.where((recorded.crown >= 2.5) & (recorded.crown <= 25), recorded.crown, np.clip(0.5 * h, 2.5, 10))
    t = Trees(recorded.ids.copy(), recorded.x.copy(), recorded.y.copy(), h.astype(float), c.astype(float))
    n = len(t)
    if n == 0:
        return t, [], []
    # free-standing: nearest neighbour farther than both crowns + 2 m
    dx = t.x[:, None] - t.x[None, :] if n <= 5000 else None
    free = np.zeros(n, bool)
    if dx is not None:
        d = np.hypot(dx, t.y[:, None] - t.y[None, :])
        np.fill_diagonal(d, np.inf)
        need = t.crown[:, None] / 2 + t.crown[None, :] / 2 + grow_by + 2
        free = (d > need).all(1)
    cand = np.flatnonzero(free)
    rng.shuffle(cand)
    gone, grow = cand[:removed], cand[removed:removed + grown]
    t.height[grow] += grow_by
    keep = np.ones(n, bool)
    keep[gone] = False
    return t.subset(keep), [str(v) for v in t.ids[grow]], [str(v) for v in t.ids[gone]]


def scene_over_buildings(bbox: tuple[float, float, float, float], footprints: list, heights: np.ndarray,
                         seed: int = 7, trees_per_ha: float = 66.0) -> Scene:
    """A scene of real footprints (roofs at ``heights`` above the ground) with street trees between them
    (random, none touching a building): the demo scan over the demo city model, so the viewer shows the
    points where the buildings stand."""
    import shapely
    rng = np.random.default_rng(seed)
    n = int((bbox[2] - bbox[0]) * (bbox[3] - bbox[1]) / 10_000 * trees_per_ha)
    x, y = rng.uniform(bbox[0] + 5, bbox[2] - 5, n), rng.uniform(bbox[1] + 5, bbox[3] - 5, n)
    th = rng.uniform(6, 24, n)
    cr = np.clip(th * rng.uniform(0.3, 0.5, n), 2.5, 12)
    index = shapely.STRtree(np.asarray(footprints, dtype=object))
    crowns = shapely.buffer(shapely.points(x, y), cr / 2 + 1)
    hit = index.query(crowns, predicate="intersects")[0] if len(footprints) else np.zeros(0, dtype=int)
    free = np.ones(n, bool)
    free[np.unique(hit)] = False
    trees = Trees(np.array([f"T{i:05d}" for i in range(int(free.sum()))]), x[free], y[free], th[free], cr[free])
    return Scene(bbox, trees, list(footprints), np.asarray(heights, dtype=float))


def scan_over_buildings(out: Path, footprints_gpkg: Path, dgm_path: Path, bbox: tuple[float, float, float, float],
                        density: float = 8.0, seed: int = 7, layer: str = "gebaeude") -> dict:
    """Write a scan of ``bbox`` over the generated demo buildings (``transforms.generate.buildings``: roofs at
    ``hoehe``, else ``traufhoehe``, else 6 m, clipped to 3-60 m) with street trees between them; returns
    the point counts per class and the numbers of buildings and trees."""
    import geopandas as gpd
    import shapely

    from .dgm import Dgm
    b = gpd.read_file(footprints_gpkg, layer=layer, bbox=bbox)
    b = b[b.geometry.within(shapely.box(*bbox).buffer(-2))]
    h = b["hoehe"].astype(float).fillna(b["traufhoehe"].astype(float)).fillna(6.0).clip(3, 60).to_numpy()
    scene = scene_over_buildings(bbox, list(b.geometry), h, seed=seed)
    rep = generate_las(Path(out), scene, Dgm(dgm_path), density=density, seed=seed)
    return {**rep, "buildings": len(b), "trees": len(scene.trees)}
