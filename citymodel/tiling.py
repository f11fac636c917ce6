"""Georeference (EPSG:25832 -> ENU -> ECEF), the quadtree of tiles and ``tileset.json``.

The tileset's root carries a float64 ENU->ECEF ``transform`` at the centre of the root square; all
bounding boxes and content live in that ENU frame (metres east, north, up). Because UTM grid north is
not true north (meridian convergence ~0.8° in Hildesheim, 100 m over 8 km), footprints are not used as
ENU directly: each tile gets an exact affine map UTM -> ENU from four points converted with pyproj,
which is exact to millimetres over a tile (the curvature term is < 2 cm at 500 m).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

A_GRS80 = 6378137.0
F_GRS80 = 1 / 298.257222101
E2 = F_GRS80 * (2 - F_GRS80)


def _transformer(src: str, dst: str):
    from pyproj import Transformer
    return Transformer.from_crs(src, dst, always_xy=True)


def geodetic_to_ecef(lon, lat, h):
    lon, lat = np.radians(lon), np.radians(lat)
    n = A_GRS80 / np.sqrt(1 - E2 * np.sin(lat) ** 2)
    x = (n + h) * np.cos(lat) * np.cos(lon)
    y = (n + h) * np.cos(lat) * np.sin(lon)
    z = (n * (1 - E2) + h) * np.sin(lat)
    return np.stack([x, y, z], -1)


def ecef_to_geodetic(xyz: np.ndarray):
    t = _transformer("EPSG:4978", "EPSG:4937")
    lon, lat, h = t.transform(xyz[:, 0], xyz[:, 1], xyz[:, 2])
    return np.asarray(lon), np.asarray(lat), np.asarray(h)


@dataclass
class Georef:
    """ENU frame at ``origin`` (EPSG:25832 easting/northing, ellipsoidal height 0)."""
    e0: float
    n0: float

    def __post_init__(self) -> None:
        self._tr = _transformer("EPSG:25832", "EPSG:4258")
        lon, lat = self._tr.transform(self.e0, self.n0)
        self.lon0, self.lat0 = float(lon), float(lat)
        self.ecef0 = geodetic_to_ecef(self.lon0, self.lat0, 0.0)
        lo, la = math.radians(self.lon0), math.radians(self.lat0)
        self.rot = np.array([  # rows: east, north, up in ECEF
            [-math.sin(lo), math.cos(lo), 0.0],
            [-math.sin(la) * math.cos(lo), -math.sin(la) * math.sin(lo), math.cos(la)],
            [math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)]])

    def root_transform(self) -> list[float]:
        """4x4 column-major ENU->ECEF matrix (float64) for the tileset root."""
        m = np.eye(4)
        m[:3, :3] = self.rot.T
        m[:3, 3] = self.ecef0
        return [float(v) for v in m.T.ravel()]

    def utm_to_enu(self, e, n, h) -> np.ndarray:
        lon, lat = self._tr.transform(np.asarray(e, float), np.asarray(n, float))
        ecef = geodetic_to_ecef(np.asarray(lon), np.asarray(lat), np.asarray(h, float))
        return (ecef - self.ecef0) @ self.rot.T

    def affine(self, ox: float, oy: float) -> tuple[np.ndarray, np.ndarray]:
        """(A, b) with ENU = (dx, dy, h) @ A.T + b for UTM offsets (dx, dy) from (ox, oy)."""
        d = 100.0
        p = self.utm_to_enu([ox, ox + d, ox, ox], [oy, oy, oy + d, oy], [0.0, 0.0, 0.0, d])
        a = np.column_stack([(p[1] - p[0]) / d, (p[2] - p[0]) / d, (p[3] - p[0]) / d])
        return a, p[0]

    def enu_to_lonlat(self, enu: np.ndarray):
        return ecef_to_geodetic(enu @ self.rot + self.ecef0)


def root_square(bounds: tuple[float, float, float, float], leaf: float = 250.0) -> tuple[float, float, float]:
    """Root square (minx, miny, side) snapped to a 1 km grid, side = leaf * 2^k: stable across runs."""
    minx, miny = math.floor(bounds[0] / 1000) * 1000, math.floor(bounds[1] / 1000) * 1000
    extent = max(bounds[2] - minx, bounds[3] - miny, 1.0)
    side = leaf
    while side < extent:
        side *= 2
    return float(minx), float(miny), float(side)


def quadtree(cx: np.ndarray, cy: np.ndarray, root: tuple[float, float, float], max_features: int,
             min_side: float = 125.0, max_side: float = 2000.0) -> list[tuple[str, np.ndarray, tuple[float, float]]]:
    """Leaves as (tile id ``level_x_y``, member indices, cell centre) splitting where a cell has more
    than ``max_features`` buildings (by centroid) or is wider than ``max_side`` (culling, precision).
    Deterministic for the same centroids."""
    minx, miny, side = root
    out = []
    stack = [(0, 0, 0, np.arange(len(cx)))]
    while stack:
        lvl, x, y, idx = stack.pop()
        s = side / (2 ** lvl)
        x0, y0 = minx + x * s, miny + y * s
        if len(idx) == 0:
            continue
        if (len(idx) <= max_features and s <= max_side) or s / 2 < min_side:
            out.append((f"{lvl}_{x}_{y}", idx, (x0 + s / 2, y0 + s / 2)))
            continue
        right = cx[idx] >= x0 + s / 2
        top = cy[idx] >= y0 + s / 2
        for dx in (0, 1):
            for dy in (0, 1):
                m = (right == bool(dx)) & (top == bool(dy))
                stack.append((lvl + 1, 2 * x + dx, 2 * y + dy, idx[m]))
    out.sort(key=lambda t: t[0])
    return out


def _box(lo, hi) -> list[float]:
    c = (np.asarray(lo) + np.asarray(hi)) / 2
    h = np.maximum((np.asarray(hi) - np.asarray(lo)) / 2, 0.01)
    return [float(c[0]), float(c[1]), float(c[2]), float(h[0]), 0.0, 0.0, 0.0, float(h[1]), 0.0, 0.0, 0.0,
            float(h[2])]


def tileset_json(georef: Georef, leaves: dict[str, dict], root_side: float, extras: dict | None = None,
                 parents: dict[str, dict] | None = None) -> dict:
    """Explicit quadtree tileset: LoD1/LoD2 content at the leaves (``tiles/<id>.glb``), every parent's box the
    union of its children's (and its own content's). Parents listed in ``parents`` with blocks carry
    coarse content (``citymodel.coarse``) that their children REPLACE, with the geometric error of that
    generalisation (side / 100). Empty parents are left out (their children hang from the next tile
    up), only an empty root stays, with a geometric error that always refines. Leaves: error 0."""
    from .coarse import geometric_error
    parents = parents or {}
    replace = any(p.get("blocks") for p in parents.values())
    nodes: dict[tuple[int, int, int], dict] = {}
    for tid, info in leaves.items():
        lvl, x, y = (int(v) for v in tid.split("_"))
        nodes[(lvl, x, y)] = {"lo": np.array(info["lo"]), "hi": np.array(info["hi"]), "children": [],
                              "content": tid}
    maxlvl = max((k[0] for k in nodes), default=0)

    def blocks_of(key) -> dict | None:
        """The parent's state if it carries generalised blocks (and the tileset refines by REPLACE)."""
        c = parents.get("_".join(str(v) for v in key))
        return c if replace and nodes[key]["content"] is None and c and c.get("blocks") and "lo" in c else None

    def own_content(key) -> None:   # a parent's box also holds its own blocks (set before it propagates)
        c = blocks_of(key)
        if c:
            nodes[key]["lo"] = np.minimum(nodes[key]["lo"], c["lo"])
            nodes[key]["hi"] = np.maximum(nodes[key]["hi"], c["hi"])

    for lvl in range(maxlvl, 0, -1):
        for key in [k for k in nodes if k[0] == lvl]:
            own_content(key)
            pkey = (lvl - 1, key[1] // 2, key[2] // 2)
            par = nodes.setdefault(pkey, {"lo": nodes[key]["lo"].copy(), "hi": nodes[key]["hi"].copy(),
                                          "children": [], "content": None})
            par["lo"] = np.minimum(par["lo"], nodes[key]["lo"])
            par["hi"] = np.maximum(par["hi"], nodes[key]["hi"])
            if key not in par["children"]:
                par["children"].append(key)

    if (0, 0, 0) in nodes:
        own_content((0, 0, 0))

    def ge(lvl: int) -> float:
        return round(root_side * math.sqrt(2) / 10 / (2 ** lvl), 3)

    def kids(key) -> list:
        """Children with content; empty nodes are skipped (their children move up). An empty tile whose
        geometric error is met would stop the refinement there and leave a hole in the view."""
        out = []
        for c in sorted(nodes[key]["children"]):
            out += [c] if nodes[c]["content"] is not None or blocks_of(c) else kids(c)
        return out

    def emit(key) -> dict:
        nd = nodes[key]
        t: dict = {"boundingVolume": {"box": _box(nd["lo"], nd["hi"])}}
        if nd["content"] is not None:
            t["geometricError"] = 0.0
            t["content"] = {"uri": f"tiles/{nd['content']}.glb"}
        elif blocks_of(key):
            t["geometricError"] = geometric_error(root_side / 2 ** key[0])
            t["refine"] = "REPLACE"
            t["content"] = {"uri": f"tiles/{'_'.join(str(v) for v in key)}.glb"}
            t["children"] = [emit(c) for c in kids(key)]
        else:   # an empty root: always refines
            t["geometricError"] = ge(key[0])
            t["refine"] = "REPLACE" if replace else "ADD"
            t["children"] = [emit(c) for c in kids(key)]
        return t

    if (0, 0, 0) in nodes:
        root = emit((0, 0, 0))
    else:
        root = {"boundingVolume": {"box": _box([0, 0, 0], [1, 1, 1])}, "geometricError": 0.0}
    root["transform"] = georef.root_transform()
    root.setdefault("refine", "ADD")
    return {"asset": {"version": "1.1", "generator": "gdi-hildesheim citymodel", "extras": extras or {}},
            # Cesium shows nothing while the root's error, measured with this one, is below its maximum
            "geometricError": max(ge(0) * 2, root["geometricError"] * 2), "root": root}
