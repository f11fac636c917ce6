"""Coarse content for the parent tiles (HLOD): generalised LoD1 building blocks.

Without it, a city-wide view has to load every leaf tile (100,000 LoD2 buildings, ~15 MB) before it
shows anything complete. Each parent tile therefore carries a block model of everything below it, and
its children *replace* it when the camera comes closer:

* each leaf tile writes a raster summary of its buildings (built area and height per sub-pixel, number
  and lowest base by centroid) to ``summary/<tile>.<format>.npz`` next to the tiles (not served); each inner
  node adds up its children's summaries at its own resolution, level by level, so memory is bounded by
  a tile's rasters, not by the size of the city;
* a parent of side *s* generalises on cells of ``d = min(s / 400, 40 m)`` (see ``generalise_raster``):
  built-up cells joined by a closing become flat-topped blocks at their area's mean height on the lowest
  base of their buildings, towering cells (churches, high-rises) stay as their own blocks;
* the parent's geometric error is ``s / 100`` (= 4·d), halving per level, 0 at the leaves.

The blocks carry a small property table (``baublock``: number of buildings, mean height, the
generalisation distance), never a building's attributes.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import numpy as np

from .geometry import flat_roof, tile_rings, wall_triangles
from .gltf import ROOF_COLOUR, WALL_COLOUR, write_glb
from .tiling import Georef

VERSION = "coarse-7"   # bump when the generalisation changes: parents are rebuilt
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
MIN_TOLERANCE = 8.0      # finer parents would be as large as their children: they stay empty


def min_cover(d: float) -> float:
    """Built-up share that makes a cell of side d part of a block: 0.4 at 10 m, 0.3 at 20 m, 0.2 at 40 m.
    Seen from afar a village of sub-pixel houses should still read as built-up land; closer up,
    blocks should not look denser than the buildings that replace them."""
    return float(np.clip(0.5 - 0.1 * np.log2(d / 5.0), 0.2, 0.4))


MAX_CONTENT_SIDE = 32_000.0   # wider parents (a county's, a state's) carry no blocks and no summary


def has_content(side: float) -> bool:
    """Blocks in a parent of this side: from d = 8 m (4 km) up to 32 km wide. Above that d stays at 40 m,
    so a wider parent's rasters would grow with its area (the 512 km root of Lower Saxony: 51,200² cells
    per raster) and its blocks would be as many as its children's: such parents stay empty and refine to
    the 32 km parents below them, and nothing combines summaries above 32 km."""
    return tolerance(side) >= MIN_TOLERANCE and side <= MAX_CONTENT_SIDE


def tolerance(side: float) -> float:
    """Generalisation distance (m) of a parent tile of this side length."""
    return min(side / 400.0, 40.0)


def geometric_error(side: float) -> float:
    return round(side / 100.0, 3)


SUMMARY_FORMAT = "r3"   # part of the file name: summaries of another format are rebuilt, not misread


def summary_path(out_dir: Path, tile: str) -> Path:
    return Path(out_dir) / "summary" / f"{tile}.{SUMMARY_FORMAT}.npz"


def grid_for(root: tuple[float, float, float]) -> dict | None:
    """The raster grid all summaries share: anchored at the root square's top-left corner, cells of the
    root's generalisation distance D; ``rmin`` = the finest sub-pixel any parent needs (its d / 4).
    None when no parent gets blocks (small data sets)."""
    minx, miny, side = root
    s = side
    while s > MAX_CONTENT_SIDE:   # a state-wide root: the widest parents with blocks are further down
        s /= 2
    if not has_content(s):
        return None
    while has_content(s / 2):
        s /= 2
    return {"x0": minx, "top": miny + side, "D": tolerance(side), "rmin": tolerance(s) / 4}


def resolution(side: float, grid: dict) -> float:
    """Sub-pixel size of a node's summary: d / 4 for a parent with blocks, else the finest one."""
    return tolerance(side) / 4 if has_content(side) else grid["rmin"]


def _save(path: Path, agg: dict) -> None:
    """npz, uncompressed, the rasters kept sparse: only the sub-pixels with a building (built area or a
    centroid) are stored, as flat indices and values, so writing needs no deflate and reading no inflate
    (deflating dense rasters of mostly zeros took a quarter of the parent tiles' time)."""
    n, g = agg["n"].ravel(), agg["gmin"].ravel()
    at = np.flatnonzero((agg["area"].ravel() != 0) | (n != 0))
    arrays: dict[str, Any] = {k: np.asarray(v) for k, v in agg.items() if k not in ("n", "gmin", "area", "hsum")}
    arrays.update(shape=np.asarray(agg["area"].shape, np.int64), pidx=at, pa=agg["area"].ravel()[at],
                  ph=agg["hsum"].ravel()[at], pn=n[at], pg=g[at])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.stem + f".{os.getpid()}.tmp.npz")
    with open(tmp, "wb") as fh:
        np.savez(fh, **arrays)
    os.replace(tmp, path)


def _load(path: str) -> dict:
    with np.load(path) as z:
        agg = {k: z[k] for k in z.files}
    shape = tuple(agg.pop("shape"))
    idx = agg.pop("pidx")
    out = {}
    for key, src, fill in (("area", "pa", 0.0), ("hsum", "ph", 0.0), ("n", "pn", 0.0), ("gmin", "pg", np.inf)):
        a = np.full(shape, fill, np.float32)
        a.ravel()[idx] = agg.pop(src)
        out[key] = a
    return {**agg, **out}


def write_summary(path: Path | None, geoms, height: np.ndarray, ground: np.ndarray, grid: dict,
                  r: float | None = None) -> dict:
    """A leaf's buildings as rasters on the shared grid at ``rmin``: built area and area × height per
    sub-pixel (the taller building wins it), number of buildings and lowest base by centroid. Parents
    add these up level by level, so no parent ever holds more than its own rasters (memory bounded
    by the tile, not by the city)."""
    import shapely
    r = grid["rmin"] if r is None else r
    big_d, x0, top = grid["D"], grid["x0"], grid["top"]
    k = round(big_d / r)
    geoms = np.asarray(geoms)
    height = np.asarray(height, float)
    ground = np.asarray(ground, float)
    ok = ~shapely.is_empty(geoms) & np.isfinite(height) & (height > 0)
    geoms, height, ground = geoms[ok], height[ok], ground[ok]
    if len(geoms) == 0:
        agg = {"r": np.float64(r), "ix0": np.int64(0), "iy0": np.int64(0),
               **{a: np.zeros((0, 0), np.float32) for a in ("area", "hsum", "n", "gmin")}}
        if path is not None:
            _save(path, agg)
        return agg
    b = shapely.bounds(geoms)
    ix0, ix1 = int(np.floor((b[:, 0].min() - x0) / big_d)), int(np.ceil((b[:, 2].max() - x0) / big_d))
    iy0, iy1 = int(np.floor((top - b[:, 3].max()) / big_d)), int(np.ceil((top - b[:, 1].min()) / big_d))
    ny, nx = max(iy1 - iy0, 1) * k, max(ix1 - ix0, 1) * k
    left, upper = x0 + ix0 * big_d, top - iy0 * big_d
    order = np.argsort(height, kind="stable")
    burnt = _burn(geoms[order], height[order], (ny, nx), (left, r, 0.0, upper, 0.0, -r))
    c = shapely.centroid(geoms)
    col = np.clip(np.floor((shapely.get_x(c) - left) / r).astype(np.int64), 0, nx - 1)
    row = np.clip(np.floor((upper - shapely.get_y(c)) / r).astype(np.int64), 0, ny - 1)
    idx = row * nx + col
    gmin = np.full(ny * nx, np.inf, np.float32)
    np.minimum.at(gmin, idx, ground.astype(np.float32))
    agg = {"r": np.float64(r), "ix0": np.int64(ix0), "iy0": np.int64(iy0),
           "area": ((burnt > 0) * (r * r)).astype(np.float32), "hsum": (burnt * (r * r)).astype(np.float32),
           "n": np.bincount(idx, minlength=ny * nx).astype(np.float32).reshape(ny, nx),
           "gmin": gmin.reshape(ny, nx)}
    if path is not None:
        _save(path, agg)
    return agg


def _reduce(a: np.ndarray, f: int, op) -> np.ndarray:
    h, w = a.shape
    return op(a.reshape(h // f, f, w // f, f), axis=(1, 3)) if f > 1 else a


def combine(paths: list[str], r: float, grid: dict) -> dict:
    """A node's rasters at sub-pixel ``r`` from its children's (sums; lowest base: minimum)."""
    big_d = grid["D"]
    k = round(big_d / r)
    heads = []
    for p in paths:
        with np.load(p) as z:
            hc, wc = (int(v) for v in z["shape"])
            if hc and wc:
                kc = round(big_d / float(z["r"]))
                heads.append((p, int(z["ix0"]), int(z["iy0"]), wc // kc, hc // kc))
    if not heads:
        return {"r": np.float64(r), "ix0": np.int64(0), "iy0": np.int64(0),
                **{a: np.zeros((0, 0), np.float32) for a in ("area", "hsum", "n", "gmin")}}
    ix0, iy0 = min(h[1] for h in heads), min(h[2] for h in heads)
    ix1, iy1 = max(h[1] + h[3] for h in heads), max(h[2] + h[4] for h in heads)
    shape = ((iy1 - iy0) * k, (ix1 - ix0) * k)
    out = {a: np.zeros(shape, np.float32) for a in ("area", "hsum", "n")}
    out["gmin"] = np.full(shape, np.inf, np.float32)
    for p, cx, cy, _, _ in heads:     # one child in memory at a time
        ch = _load(p)
        f = round(r / float(ch["r"]))
        oy, ox = (cy - iy0) * k, (cx - ix0) * k
        for a in ("area", "hsum", "n"):
            part = _reduce(ch[a], f, np.sum)
            out[a][oy:oy + part.shape[0], ox:ox + part.shape[1]] += part
        part = _reduce(ch["gmin"], f, np.min)
        view = out["gmin"][oy:oy + part.shape[0], ox:ox + part.shape[1]]
        np.minimum(view, part, out=view)
    return {"r": np.float64(r), "ix0": np.int64(ix0), "iy0": np.int64(iy0), **out}


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
    for wkb, v in zip(shapely.to_wkb(geoms), values.tolist(), strict=True):
        f = ogr.Feature(defn)
        f.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        f.SetField(0, v)
        layer.CreateFeature(f)
    h, w = shape
    raster = gdal.GetDriverByName("MEM").Create("", w, h, 1, gdal.GDT_Float32)
    raster.SetGeoTransform(geotransform)
    # neither side carries a CRS (both are the footprints' EPSG:25832): without the quiet handler GDAL
    # warns once per call that it cannot build a transformer
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        gdal.RasterizeLayer(raster, [1], layer, options=["ATTRIBUTE=v"])
    finally:
        gdal.PopErrorHandler()
    return np.frombuffer(raster.GetRasterBand(1).ReadRaster(), dtype=np.float32).reshape(h, w).copy()


def generalise(geoms, height: np.ndarray, ground: np.ndarray, d: float, bounds: tuple[float, float, float, float]):
    """Blocks of the given buildings on cells of d anchored at the top-left of ``bounds`` (see
    ``generalise_raster``)."""
    grid = {"x0": bounds[0], "top": bounds[3], "D": d, "rmin": d / 4}
    return generalise_raster(write_summary(None, geoms, height, ground, grid), d, grid)


def generalise_raster(agg: dict, d: float, grid: dict):
    """Blocks: (polygons, top height above ground, base height, building count).

    On cells of d (4 × 4 sub-pixels of the summary): a cell whose built-up share is at least
    ``min_cover(d)`` is built, at the area-weighted mean height of its buildings. One cell of grey
    closing joins built cells less than d apart; every connected built-up area becomes one flat-topped
    block at its mean height (outline simplified by d/2, blocks under d² dropped). Cells towering over
    their area (≥ 1.5 × and ≥ 10 m above its mean: churches, high-rises) form their own blocks, heights
    in steps of 3 m (6 m from d = 20 m), so the skyline stays; thinly built-up land (villages seen from
    far away) disappears. Building count and lowest base per block come from the buildings' centroids.
    """
    import shapely
    from affine import Affine
    from rasterio import features
    empty = (np.zeros(0, object), np.zeros(0), np.zeros(0), np.zeros(0, np.int64))
    if agg["area"].size == 0:
        return empty
    sub = round(d / float(agg["r"]))
    area_c = _reduce(agg["area"], sub, np.sum)
    hsum_c = _reduce(agg["hsum"], sub, np.sum)
    n_c = _reduce(agg["n"], sub, np.sum)
    gmin_c = _reduce(agg["gmin"], sub, np.min)
    mean_h = np.where(area_c > 0, hsum_c / np.maximum(area_c, 1e-9), 0.0)
    cells = np.where(area_c / (d * d) >= min_cover(d), mean_h, 0.0).astype(np.float32)
    cells = _filter(_filter(cells, np.maximum), np.minimum)        # grey closing: join cells < d apart
    transform = Affine(d, 0, grid["x0"] + int(agg["ix0"]) * grid["D"], 0, -d, grid["top"] - int(agg["iy0"]) * grid["D"])
    built = cells > 0
    # connected built-up areas: one block each at their mean height, except towering cells
    comps = [shapely.geometry.shape(gj) for gj, _ in features.shapes(built.astype(np.uint8), mask=built,
                                                                       connectivity=4, transform=transform)]
    if not comps:
        return empty
    shapes = zip(comps, range(1, len(comps) + 1), strict=True)
    labels = features.rasterize(shapes, out_shape=cells.shape, transform=transform,
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
    polys, id_list = [], []
    for gj, v in features.shapes(cls, mask=built, connectivity=4, transform=transform):
        polys.append(shapely.geometry.shape(gj))
        id_list.append(int(v))
    polys = shapely.simplify(np.array(polys, dtype=object), d / 2, preserve_topology=True)
    ids = np.asarray(id_list, np.int64)
    big = shapely.area(polys) >= d * d
    polys, ids = polys[big], ids[big]
    count_of_id = np.bincount(cls.ravel(), weights=n_c.ravel(), minlength=len(uniq))
    base_of_id = np.full(len(uniq), np.inf)
    np.minimum.at(base_of_id, cls.ravel(), gmin_c.ravel().astype(float))
    _, first = np.unique(ids, return_index=True)               # an id split in parts: counted once
    counts = np.zeros(len(ids), np.int64)
    counts[first] = np.rint(count_of_id[ids[first]]).astype(np.int64)
    base = base_of_id[ids]
    finite = gmin_c[np.isfinite(gmin_c)]
    base[~np.isfinite(base)] = float(finite.min()) if finite.size else 0.0
    return polys, np.round(top_of[ids], 1), base, counts


def build_parent(job: dict) -> dict:
    """One node's summary from its children's, and its blocks as glb when it has content (runs in a
    worker process, like ``tile.build_tile``; the nodes of one level after those of the level below)."""
    grid, side = job["grid"], job["side"]
    agg = combine(job["children"], resolution(side, grid), grid)
    _save(Path(job["summary"]), agg)
    d = tolerance(side)
    state = {"tile": job["tile"], "hash": job["hash"], "blocks": 0, "buildings": 0, "bytes": 0, "tolerance": d}
    if not has_content(side):
        return state
    polys, tops, bases, counts = generalise_raster(agg, d, grid)
    ox, oy = job["origin"]
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
    path = Path(job["path"])
    if len(polys):
        glb = write_glb(walls, wfid, roofs_a, np.concatenate(rfid) if rfid else np.zeros(0, int), SCHEMA,
                        CLASS_ID, table, len(polys), quantize=opts["quantize"], meshopt=opts["meshopt"],
                        colours=(WALL_COLOUR, ROOF_COLOUR))
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(glb)
        os.replace(tmp, path)
        state.update(bytes=len(glb), lo=[float(v) for v in allv.min(0)], hi=[float(v) for v in allv.max(0)])
    else:
        path.unlink(missing_ok=True)
    state.update(blocks=len(polys), buildings=int(counts.sum()))
    return state


def parent_jobs(out_dir: Path, leaves: dict[str, dict], root: tuple[float, float, float], georef: Georef,
                options: dict, old: dict[str, dict]) -> tuple[list[list[dict]], dict[str, dict]]:
    """Jobs for the inner nodes whose subtree changed, deepest level first (a node combines its children's
    summaries), and the state of the nodes kept as they are."""
    minx, miny, side0 = root
    grid = grid_for(root)
    if grid is None:
        return [], {}
    subtree: dict[str, list[str]] = {}
    children: dict[str, set[str]] = {}
    for tid in leaves:
        lvl, x, y = (int(v) for v in tid.split("_"))
        below = tid
        for k in range(1, lvl + 1):
            pid = f"{lvl - k}_{x >> k}_{y >> k}"
            subtree.setdefault(pid, []).append(tid)
            children.setdefault(pid, set()).add(below)
            below = pid
    by_level: dict[int, list[dict]] = {}
    kept = {}
    for pid, tids in sorted(subtree.items()):
        lvl, x, y = (int(v) for v in pid.split("_"))
        s = side0 / 2 ** lvl
        if s > MAX_CONTENT_SIDE:   # no blocks, and no parent above needs its summary
            continue
        ph = parent_hash([(t, leaves[t]["hash"]) for t in tids], s)
        path = Path(out_dir) / "tiles" / f"{pid}.glb"
        prev = old.get(pid)
        if prev and prev.get("hash") == ph and summary_path(out_dir, pid).exists() and \
                (not prev.get("blocks") or path.exists()):
            kept[pid] = prev
            continue
        by_level.setdefault(lvl, []).append({
            "tile": pid, "hash": ph, "side": s, "origin": (minx + (x + 0.5) * s, miny + (y + 0.5) * s),
            "children": [str(summary_path(out_dir, c)) for c in sorted(children[pid])],
            "summary": str(summary_path(out_dir, pid)), "grid": grid,
            "georef": (georef.e0, georef.n0), "options": options, "path": str(path)})
    return [by_level[lv] for lv in sorted(by_level, reverse=True)], kept
