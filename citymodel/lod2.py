"""LoD2 surfaces as they are (no roof reconstruction) in the city model's tiles.

Rows of the footprint table with a ``lod2`` value (:class:`transforms.readers.citygml_lod2.Surfaces`, from a
LoD2 CityGML file) are drawn from their Roof-/Wall-Surfaces; rows without one keep the footprint method
(extrusion + reconstructed roof), so a mixed source builds one tileset. ``citymodel.tile.build_tile`` calls
:func:`add_lod2` after its footprint meshes; ``citymodel.build`` adds :func:`lod2_hashes` to the row hashes so
that a changed LoD2 building rebuilds its tile only.

Triangulation, robust for real data: each polygon (exterior + holes) is projected on its best-fit plane
(Newell normal) and triangulated there with ``mapbox_earcut``; the triangles keep the original 3D vertices
(roofs stay at their measured heights) and are wound to face along the polygon's own normal (CityGML rings
are counter-clockwise seen from outside). Convex triangles and quads without holes (most walls) take a
vectorised fan. A polygon is left out with a warning naming its gml:id where its ring is degenerate (no
area: collinear or repeated points) or self-touching/self-intersecting (the triangles do not cover the
ring's area); a non-planar polygon (more than ``PLANAR_TOL`` off its plane) is drawn on its plane's
triangulation with its own vertices and reported.

Heights: the surfaces' z are absolute (NHN). A row's z becomes ``z - base + ground`` where ``base`` is its
ground height in the source (the lowest point of its GroundSurface, else of its surfaces) and ``ground`` is
the base the tile job gives every building (source or DGM ground + the tileset's vertical shift): LoD2 and
footprint buildings stand on the same ground in both vertical modes.
"""
from __future__ import annotations

import logging

import mapbox_earcut as earcut
import numpy as np
import pandas as pd

LOGGER = logging.getLogger(__name__)
PLANAR_TOL = 0.10     # m off the best-fit plane before a polygon is reported as non-planar
AREA_TOL = 0.02       # relative difference of triangle area vs ring area before a ring counts as broken
ROOF = 0               # transforms.readers.citygml_lod2.ROOF (kept here: the tile worker imports no reader)


def lod2_mask(df) -> np.ndarray:
    """Rows that carry LoD2 surfaces."""
    if "lod2" not in df.columns:
        return np.zeros(len(df), dtype=bool)
    return np.array([s is not None and not (isinstance(s, float) and np.isnan(s)) and len(s) > 0
                     for s in df["lod2"]], dtype=bool)


def lod2_hashes(col) -> np.ndarray:
    """Per row a 64-bit hash of its LoD2 coordinates (mm), structure and surface kinds; 0 without LoD2."""
    out = np.zeros(len(col), dtype=np.uint64)
    for i, s in enumerate(col):
        if s is None or (isinstance(s, float) and np.isnan(s)):
            continue
        q = np.round(np.asarray(s.xyz) * 1000).astype(np.int64)
        parts = [q.ravel(), np.asarray(s.ring_start, np.int64), np.asarray(s.poly_start, np.int64),
                 np.asarray(s.kind, np.int64)]
        h = pd.util.hash_array(np.concatenate(parts))
        k = np.arange(1, len(h) + 1, dtype=np.uint64)
        out[i] = np.bitwise_xor.reduce(h * k) if len(h) else np.uint64(0)
    return out


def _basis(n: tuple[float, float, float]) -> np.ndarray:
    """(2, 3): two unit vectors spanning the plane of normal ``n``, (u, v, n) right-handed."""
    nx, ny, nz = n
    ax, ay, az = (1.0, 0.0, 0.0) if abs(nx) < 0.9 else (0.0, 1.0, 0.0)
    ux, uy, uz = ny * az - nz * ay, nz * ax - nx * az, nx * ay - ny * ax
    lu = (ux * ux + uy * uy + uz * uz) ** 0.5
    ux, uy, uz = ux / lu, uy / lu, uz / lu
    return np.array([[ux, uy, uz], [ny * uz - nz * uy, nz * ux - nx * uz, nx * uy - ny * ux]])


def _area2(p: np.ndarray) -> float:
    """Twice the signed area of a 2D ring (n x 2, not closed)."""
    x, y = p[:, 0], p[:, 1]
    return float(x[:-1] @ y[1:] - x[1:] @ y[:-1] + x[-1] * y[0] - x[0] * y[-1])


def triangulate_polygon(rings: list[np.ndarray], gid: str, warnings: list[str]) -> np.ndarray:
    """Triangles (T, 3, 3) of one planar-ish polygon with holes, wound along its Newell normal.

    Written for many small polygons: few numpy calls each (Newell sums, one projection, one earcut)."""
    ext = rings[0]
    allp = ext if len(rings) == 1 else np.concatenate(rings)
    centre = ext.mean(axis=0)
    e = ext - centre
    en = np.concatenate([e[1:], e[:1]])
    d, sm = e - en, e + en
    nx, ny, nz = float(d[:, 1] @ sm[:, 2]), float(d[:, 2] @ sm[:, 0]), float(d[:, 0] @ sm[:, 1])
    ln = (nx * nx + ny * ny + nz * nz) ** 0.5
    if ln < 1e-6:
        warnings.append(f"gml:id {gid}: degenerate polygon (no area: collinear or repeated points), left out")
        return np.zeros((0, 3, 3))
    n = (nx / ln, ny / ln, nz / ln)
    rel = allp - centre
    dev = float(np.abs(rel @ np.array(n)).max())
    if dev > PLANAR_TOL:
        warnings.append(f"gml:id {gid}: non-planar polygon ({dev:.2f} m off its best-fit plane), "
                        "triangulated on that plane with its own vertices")
    p2 = rel @ _basis(n).T
    lens = [len(r) for r in rings]
    ends = np.cumsum(lens).astype(np.uint32)
    idx = earcut.triangulate_float64(p2, ends).reshape(-1, 3)
    # the triangles must cover the polygon: exterior area minus holes (else the ring touches or crosses itself)
    want = abs(_area2(p2[:lens[0]]))
    start = lens[0]
    for m in lens[1:]:
        want -= abs(_area2(p2[start:start + m]))
        start += m
    t2 = p2[idx]
    signed = ((t2[:, 1, 0] - t2[:, 0, 0]) * (t2[:, 2, 1] - t2[:, 0, 1])
              - (t2[:, 2, 0] - t2[:, 0, 0]) * (t2[:, 1, 1] - t2[:, 0, 1]))
    got = float(np.abs(signed).sum())
    if want <= 1e-9 or abs(got - want) > AREA_TOL * want:
        warnings.append(f"gml:id {gid}: self-touching or self-intersecting ring (triangles cover {got / 2:.2f} m² "
                        f"of {max(want, 0) / 2:.2f} m²), left out")
        return np.zeros((0, 3, 3))
    flip = signed < 0       # counter-clockwise in (u, v) = along n: flip the others
    idx[flip] = idx[flip][:, [0, 2, 1]]
    return allp[idx]


def _fan(xyz: np.ndarray, first: np.ndarray, count: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Triangles of convex rings of 3 or 4 points (no holes), vectorised; and which of them are convex."""
    idx = first[:, None] + np.minimum(np.arange(4)[None, :], (count - 1)[:, None])
    p = xyz[idx]                                  # (P, 4, 3); triangles repeat their last point
    n = np.cross(p[:, 1] - p[:, 0], p[:, 2] - p[:, 0]) + np.cross(p[:, 2] - p[:, 0], p[:, 3] - p[:, 0])
    c1 = np.cross(p[:, 1] - p[:, 0], p[:, 2] - p[:, 1])
    c2 = np.cross(p[:, 2] - p[:, 1], p[:, 3] - p[:, 2])
    c3 = np.cross(p[:, 3] - p[:, 2], p[:, 0] - p[:, 3])
    c4 = np.cross(p[:, 0] - p[:, 3], p[:, 1] - p[:, 0])
    quad = count == 4
    ok = np.einsum("ij,ij->i", c1, n) > 0
    for c in (c2, c3, c4):
        ok &= ~quad | (np.einsum("ij,ij->i", c, n) > 0)
    ln = np.linalg.norm(n, axis=1)
    ok &= ln > 1e-6
    # planar within tolerance: the 4th point on the plane of the first three
    nn = n / np.maximum(ln, 1e-12)[:, None]
    ok &= ~quad | (np.abs(np.einsum("ij,ij->i", p[:, 3] - p[:, 0], nn)) <= PLANAR_TOL)
    return p, ok


def surfaces_triangles(s, warnings: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(triangles (T, 3, 3), is_roof (T,)) of one row's LoD2 surfaces, ground surfaces left out (never seen)."""
    rs, ps = np.asarray(s.ring_start), np.asarray(s.poly_start)
    kind = np.asarray(s.kind)
    draw = kind != 2
    nrings = ps[1:] - ps[:-1]
    first = rs[ps[:-1]]
    count = rs[ps[:-1] + 1] - first
    simple = draw & (nrings == 1) & (count <= 4)
    out, roof = [], []
    if simple.any():
        p, ok = _fan(s.xyz, first[simple], count[simple])
        sel = np.flatnonzero(simple)
        good = sel[ok]
        pg, cg = p[ok], count[simple][ok]
        t1 = pg[:, [0, 1, 2]]
        t2 = pg[cg == 4][:, [0, 2, 3]]
        out += [t1, t2]
        roof += [kind[good] == ROOF, kind[good][cg == 4] == ROOF]
        simple[sel[~ok]] = False          # non-convex or non-planar quads: the general path
    for pi in np.flatnonzero(draw & ~simple):
        rings = [s.xyz[rs[r]:rs[r + 1]] for r in range(ps[pi], ps[pi + 1])]
        t = triangulate_polygon(rings, s.ids[pi], warnings)
        out.append(t)
        roof.append(np.full(len(t), kind[pi] == ROOF))
    if not out:
        return np.zeros((0, 3, 3)), np.zeros(0, dtype=bool)
    return np.concatenate(out), np.concatenate(roof)


def add_lod2(df, mask: np.ndarray, origin: tuple[float, float], ground: np.ndarray, walls: np.ndarray,
             wall_fid: np.ndarray, roofs: np.ndarray, roof_fids: list, stats: dict, warnings: list[str]):
    """The tile's footprint meshes plus the LoD2 rows' own surfaces (local metres around ``origin``, z on
    the job's ``ground``). Returns (walls, wall_fid, roofs, roof_fids)."""
    ox, oy = origin
    src_ground = df["ground_height_m"].to_numpy(float)
    w_list, wf_list, r_list = [walls], [np.asarray(wall_fid)], [roofs]
    for i in np.flatnonzero(mask):
        s = df["lod2"].iat[i]
        file_warn: list[str] = []
        tris, is_roof = surfaces_triangles(s, file_warn)
        warnings += [f"building {df['key'].iat[i]}: {w}" for w in file_warn]
        base = src_ground[i] if np.isfinite(src_ground[i]) else s.zmin()
        tris = tris - np.array([ox, oy, base - float(ground[i])])
        w_list.append(tris[~is_roof])
        wf_list.append(np.full(int((~is_roof).sum()), i))
        r_list.append(tris[is_roof])
        roof_fids.append(np.full(int(is_roof.sum()), i))
        stats["lod2_as_is"] = stats.get("lod2_as_is", 0) + 1
        if file_warn:
            stats["lod2_polygon_warnings"] = stats.get("lod2_polygon_warnings", 0) + len(file_warn)
    return np.concatenate(w_list), np.concatenate(wf_list), np.concatenate(r_list), roof_fids
