"""Coarse content for the parent tiles (HLOD): generalised LoD1 building blocks.

Without it, a city-wide view has to load every leaf tile (100,000 LoD2 buildings, ~15 MB) before it
shows anything complete. Each parent tile therefore carries a block model of everything below it, and
its children *replace* it when the camera comes closer:

* each leaf tile writes a summary of its buildings (footprint, height above ground, base height) to
  ``summary/<tile>.npz`` next to the tiles (not served: ``/3dtiles`` only serves tile content);
* a parent of side *s* merges the footprints of its subtree by a morphological closing with
  ``d = min(s / 400, 40 m)`` (buildings less than 2·d apart become one block), simplifies the outline
  by d/2 and drops blocks smaller than d²; every block is a flat-topped prism at the area-weighted
  mean height of its buildings, standing on their lowest base;
* buildings that stand out of their block (height ≥ 1.5 × the block's and ≥ 10 m more: towers,
  churches, high-rises) stay as their own prisms, so the skyline survives;
* the parent's geometric error is ``s / 100`` (= 4·d), halving per level, 0 at the leaves.

The blocks carry a small property table (``baublock``: number of buildings, mean height, the
generalisation distance), never a building's attributes.
"""
from __future__ import annotations

import hashlib
import itertools
import os
from pathlib import Path

import numpy as np

from .geometry import flat_roof, tile_rings, wall_triangles
from .gltf import ROOF_COLOUR, WALL_COLOUR, write_glb
from .tiling import Georef

VERSION = "coarse-6"   # bump when the generalisation changes: parents are rebuilt
CLASS_ID = "baublock"
SCHEMA = {
    "id": "gdi_hildesheim_baubloecke",
    "name": "Baublöcke (vereinfacht)",
    "classes": {CLASS_ID: {"name": "Baublock (vereinfachte Darstellung)", "properties": {
        "anzahl_gebaeude": {"name": "Anzahl Gebäude", "type": "SCALAR", "componentType": "UINT32"},
        "mittlere_hoehe": {"name": "Mittlere Höhe über Gelände (m)", "type": "SCALAR", "componentType": "FLOAT32"},
        "vereinfachung_m": {"name": "Vereinfachung (m)", "type": "SCALAR", "componentType": "FLOAT32"},
    }}},
}



def min_cover(d: float) -> float:
    """Built-up share that makes a cell of side d part of a block: 0.4 at 10 m, 0.3 at 20 m, 0.2 at 40 m.
    Seen from afar a village of sub-pixel houses should still read as built-up land; closer up,
    blocks should not look denser than the buildings that replace them."""
    return float(np.clip(0.5 - 0.1 * np.log2(d / 5.0), 0.2, 0.4))

MIN_TOLERANCE = 8.0      # finer parents would be as large as their children: they stay empty


def has_content(side: float) -> bool:
    return tolerance(side) >= MIN_TOLERANCE


def tolerance(side: float) -> float:
    """Generalisation distance (m) of a parent tile of this side length."""
    return min(side / 400.0, 40.0)


def geometric_error(side: float) -> float:
    return round(side / 100.0, 3)


def summary_path(out_dir: Path, tile: str) -> Path:
    return Path(out_dir) / "summary" / f"{tile}.npz"


def write_summary(path: Path, geoms, height: np.ndarray, ground: np.ndarray) -> None:
    """Footprints (EPSG:25832, as WKB), height above ground and base height of one leaf's buildings."""
    import shapely
    wkb = shapely.to_wkb(np.asarray(geoms))
    lens = np.fromiter((len(w) for w in wkb), dtype=np.int64, count=len(wkb))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.stem + f".{os.getpid()}.tmp.npz")
    np.savez(tmp, wkb=np.frombuffer(b"".join(wkb), dtype=np.uint8), off=np.r_[0, np.cumsum(lens)],
             h=np.asarray(height, np.float32), g=np.asarray(ground, np.float32))
    os.replace(tmp, path)


def read_summaries(paths: list[str]):
    import shapely
    geoms, hs, gs = [], [], []
    for p in paths:
        with np.load(p) as z:
            blob, off = z["wkb"].tobytes(), z["off"]
            geoms.append(shapely.from_wkb([blob[a:b] for a, b in itertools.pairwise(off)]))
            hs.append(z["h"])
            gs.append(z["g"])
    if not geoms:
        return np.zeros(0, object), np.zeros(0), np.zeros(0)
    return np.concatenate(geoms), np.concatenate(hs).astype(float), np.concatenate(gs).astype(float)


def parent_hash(leaf_hashes: list[tuple[str, str]], side: float) -> str:
    h = hashlib.sha1(f"{VERSION}|{side}".encode())
    for tid, th in sorted(leaf_hashes):
        h.update(f"|{tid}:{th}".encode())
    return h.hexdigest()[:16]


def _filter(a: np.ndarray, op) -> np.ndarray:
    """3 × 3 max or min filter (numpy only)."""
    p = np.pad(a, 1, mode="edge")
    out = a.copy()
    h, w = a.shape
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            op(out, p[dy:dy + h, dx:dx + w], out=out)
    return out


def _burn(geoms, values: np.ndarray, shape: tuple[int, int], geotransform: tuple) -> np.ndarray:
    """Rasterise polygons with a value each (later ones win) through GDAL directly: 4x faster than
    rasterio's Python-side GeoJSON conversion of shapely geometries."""
    import shapely
    from osgeo import gdal, ogr
    gdal.UseExceptions()
    ds = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = ds.CreateLayer("b", geom_type=ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("v", ogr.OFTReal))
    defn = layer.GetLayerDefn()
    for wkb, v in zip(shapely.to_wkb(geoms), values.tolist()):
        f = ogr.Feature(defn)
        f.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        f.SetField(0, v)
        layer.CreateFeature(f)
    h, w = shape
    raster = gdal.GetDriverByName("MEM").Create("", w, h, 1, gdal.GDT_Float32)
    raster.SetGeoTransform(geotransform)
    gdal.RasterizeLayer(raster, [1], layer, options=["ATTRIBUTE=v"])
    return np.frombuffer(raster.GetRasterBand(1).ReadRaster(), dtype=np.float32).reshape(h, w).copy()


def generalise(geoms, height: np.ndarray, ground: np.ndarray, d: float, bounds: tuple[float, float, float, float]):
    """Blocks: (polygons, top height above ground, base height, building count).

    Raster generalisation on cells of d: footprints are burnt in at d/4 (the taller building wins a
    sub-pixel); a cell whose built-up share is at least ``min_cover(d)`` is built, at the mean height of
    its built sub-pixels. One cell of closing joins built cells less than d apart; every connected
    built-up area becomes one flat-topped block at its mean height (outline simplified by d/2, blocks
    under d² dropped). Cells towering over their area (≥ 1.5 × and ≥ 10 m above its mean: churches,
    high-rises) form their own blocks, heights in steps of 3 m (6 m from d = 20 m), so the skyline
    stays; thinly built-up land (villages seen from far away) disappears.
    """
    import shapely
    from affine import Affine
    from rasterio import features
    ok = ~shapely.is_empty(geoms) & np.isfinite(height) & (height > 0)
    geoms, height, ground = geoms[ok], height[ok], ground[ok]
    empty = (np.zeros(0, object), np.zeros(0), np.zeros(0), np.zeros(0, np.int64))
    if len(geoms) == 0:
        return empty
    sub = 4
    x0, y0, x1, y1 = bounds
    w, h = max(int(np.ceil((x1 - x0) / d)), 1), max(int(np.ceil((y1 - y0) / d)), 1)
    top = y0 + h * d
    order = np.argsort(height, kind="stable")
    fine = _burn(geoms[order], height[order], (h * sub, w * sub), (x0, d / sub, 0.0, top, 0.0, -d / sub))
    blocks4 = fine.reshape(h, sub, w, sub)
    built = (blocks4 > 0).sum(axis=(1, 3))
    cover = built / sub ** 2
    mean_h = np.where(built > 0, blocks4.sum(axis=(1, 3)) / np.maximum(built, 1), 0.0)
    cells = np.where(cover >= min_cover(d), mean_h, 0.0).astype(np.float32)
    cells = _filter(_filter(cells, np.maximum), np.minimum)        # grey closing: join cells < d apart
    transform = Affine(d, 0, x0, 0, -d, top)
    built = cells > 0
    # connected built-up areas: one block each at their mean height, except towering cells
    comps = [shapely.geometry.shape(gj) for gj, _ in features.shapes(built.astype(np.uint8), mask=built,
                                                                       connectivity=4, transform=transform)]
    if not comps:
        return empty
    labels = features.rasterize(zip(comps, range(1, len(comps) + 1)), out_shape=cells.shape, transform=transform,
                                fill=0, dtype="int32")
    n_l = len(comps) + 1
    mean_l = np.bincount(labels.ravel(), weights=cells.ravel(), minlength=n_l) / \
        np.maximum(np.bincount(labels.ravel(), minlength=n_l), 1)
    m = mean_l[labels]
    tall = built & (cells >= 1.5 * m) & (cells >= m + 10.0)
    step = 3.0 if d < 20 else 6.0
    tall_cls = np.where(tall, np.ceil(cells / step), 0).astype(np.int64)
    key = np.where(built, labels.astype(np.int64) * 1000 + tall_cls, 0)
    uniq, inv = np.unique(key, return_inverse=True)           # compact ids for the int32 polygoniser
    cls = inv.reshape(key.shape).astype(np.int32)
    top_of = np.where(uniq % 1000 > 0, (uniq % 1000 - 0.5) * step, mean_l[np.minimum(uniq // 1000, n_l - 1)])
    polys, vals, ids = [], [], []
    for gj, v in features.shapes(cls, mask=built, connectivity=4, transform=transform):
        polys.append(shapely.geometry.shape(gj))
        vals.append(top_of[int(v)])
        ids.append(int(v))
    if not polys:
        return empty
    polys = shapely.simplify(np.array(polys, dtype=object), d / 2, preserve_topology=True)
    vals, ids = np.asarray(vals, float), np.asarray(ids, np.int64)
    big = shapely.area(polys) >= d * d
    polys, vals, ids = polys[big], vals[big], ids[big]
    # buildings per block by the cell under their centroid (a block of one id split in parts: the first)
    c = shapely.centroid(geoms)
    col = np.floor((shapely.get_x(c) - x0) / d).astype(np.int64)
    row = np.floor((top - shapely.get_y(c)) / d).astype(np.int64)
    ok = (col >= 0) & (col < w) & (row >= 0) & (row < h)
    block_of_id = np.full(len(uniq), -1, np.int64)
    block_of_id[ids[::-1]] = np.arange(len(ids))[::-1]
    member = np.flatnonzero(ok)
    block = block_of_id[cls[row[ok], col[ok]]]
    member, block = member[block >= 0], block[block >= 0]
    nb = len(polys)
    count = np.bincount(block, minlength=nb)
    base = np.full(nb, np.inf)
    np.minimum.at(base, block, ground[member])
    base[~np.isfinite(base)] = float(ground.min())
    return polys, np.round(vals, 1), base, count


def build_parent(job: dict) -> dict:
    """One parent tile's coarse glb (runs in a worker process, like ``tile.build_tile``)."""
    geoms, height, ground = read_summaries(job["summaries"])
    d = tolerance(job["side"])
    ox, oy = job["origin"]
    half = job["side"] / 2
    polys, tops, bases, counts = generalise(geoms, height, ground, d, (ox - half, oy - half, ox + half, oy + half))
    rings, ea, eb, edge_b = tile_rings(polys, (ox, oy))
    walls = wall_triangles(ea, eb, bases[edge_b], (bases + tops)[edge_b], (bases + tops)[edge_b])
    wfid = np.concatenate([edge_b, edge_b])
    roofs, rfid = [], []
    for i, parts in enumerate(rings):
        for shell, holes in parts:
            r = flat_roof([shell, *holes], bases[i] + tops[i])
            roofs.append(r)
            rfid.append(np.full(len(r), i))
    roofs_a = np.concatenate(roofs) if roofs else np.zeros((0, 3, 3))
    geo = Georef(*job["georef"])
    a, b = geo.affine(ox, oy)
    walls = walls @ a.T + b
    roofs_a = roofs_a @ a.T + b
    allv = np.concatenate([walls.reshape(-1, 3), roofs_a.reshape(-1, 3)]) if len(polys) else np.zeros((1, 3))
    table = {"anzahl_gebaeude": ("SCALAR", counts.astype(np.uint32)),
             "mittlere_hoehe": ("SCALAR", np.round(tops, 1).astype(np.float32)),
             "vereinfachung_m": ("SCALAR", np.full(len(polys), d, np.float32))}
    opts = job["options"]
    glb = write_glb(walls, wfid, roofs_a, np.concatenate(rfid) if rfid else np.zeros(0, int), SCHEMA, CLASS_ID,
                    table, len(polys), quantize=opts["quantize"], meshopt=opts["meshopt"],
                    colours=(WALL_COLOUR, ROOF_COLOUR))
    path = Path(job["path"])
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(glb)
    os.replace(tmp, path)
    return {"tile": job["tile"], "hash": job["hash"], "blocks": len(polys), "buildings": int(counts.sum()),
            "lo": [float(v) for v in allv.min(0)], "hi": [float(v) for v in allv.max(0)], "bytes": len(glb),
            "tolerance": d}


def parent_jobs(out_dir: Path, leaves: dict[str, dict], root: tuple[float, float, float], georef: Georef,
                options: dict, old: dict[str, dict]) -> tuple[list[dict], dict[str, dict]]:
    """Jobs for the parents whose subtree changed, and the state of the parents kept as they are."""
    minx, miny, side0 = root
    subtree: dict[str, list[str]] = {}
    for tid in leaves:
        lvl, x, y = (int(v) for v in tid.split("_"))
        for k in range(1, lvl + 1):
            subtree.setdefault(f"{lvl - k}_{x >> k}_{y >> k}", []).append(tid)
    jobs, kept = [], {}
    for pid, tids in sorted(subtree.items()):
        lvl, x, y = (int(v) for v in pid.split("_"))
        s = side0 / 2 ** lvl
        ph = parent_hash([(t, leaves[t]["hash"]) for t in tids], s)
        path = Path(out_dir) / "tiles" / f"{pid}.glb"
        if not has_content(s):
            kept[pid] = {"hash": ph, "blocks": 0, "buildings": 0, "bytes": 0, "tolerance": tolerance(s)}
            continue
        prev = old.get(pid)
        if prev and prev.get("hash") == ph and path.exists():
            kept[pid] = prev
            continue
        jobs.append({"tile": pid, "hash": ph, "side": s, "origin": (minx + (x + 0.5) * s, miny + (y + 0.5) * s),
                     "summaries": [str(summary_path(out_dir, t)) for t in sorted(tids)],
                     "georef": (georef.e0, georef.n0), "options": options, "path": str(path)})
    return jobs, kept
