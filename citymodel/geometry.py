"""Building meshes: walls, flat/shed roofs and skeleton-based hip/gable roofs on any footprint.

All coordinates are local metres (east, north, up) relative to an origin chosen by the caller, so the
numbers stay small. A building is returned as a triangle array ``(T, 3, 3)``; triangles are wound
counter-clockwise seen from outside (outward normals), bottoms are left out (never visible).

Hip and gable roofs come from the straight skeleton of the footprint (``py-straight-skeleton``, BSD):
every footprint edge gets one roof face rising at the same pitch, which is a hip roof on any shape
(L, T, U, courtyards). A gable roof is the hip roof whose triangular end faces are made vertical by
moving their apex onto the footprint edge; a half-hip (Krüppelwalm) moves it half way. Rectangles,
the most common case, get their skeleton analytically (no search), the rest through the library.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

import mapbox_earcut as earcut
import numpy as np

LOGGER = logging.getLogger(__name__)

_EMPTY = np.zeros((0, 3, 3))

# straight skeleton: node positions (N, 2), node times, faces (node ids per footprint edge)
Skeleton = tuple[np.ndarray, np.ndarray, list[list[int]]]


class SkeletonFailed(RuntimeError):
    pass


def _earcut(rings: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    verts = np.concatenate(rings)
    ends = np.cumsum([len(r) for r in rings]).astype(np.uint32)
    idx = earcut.triangulate_float64(verts, ends)
    return verts, idx.reshape(-1, 3)


def flat_roof(rings: list[np.ndarray], z: float | Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """Horizontal roof (or any roof whose height is a function ``z(xy)``) over the polygon with holes."""
    verts, tris = _earcut(rings)
    if len(tris) == 0:
        return _EMPTY
    zs = z(verts) if callable(z) else np.full(len(verts), float(z))
    v3 = np.column_stack([verts, zs])
    t = v3[tris]
    return _upward(t)


def _upward(t: np.ndarray) -> np.ndarray:
    e1, e2 = t[:, 1, :2] - t[:, 0, :2], t[:, 2, :2] - t[:, 0, :2]
    flip = (e1[:, 0] * e2[:, 1] - e1[:, 1] * e2[:, 0]) < 0
    t[flip] = t[flip][:, [0, 2, 1]]
    return t


def _is_rectangle(shell: np.ndarray) -> bool:
    if len(shell) != 4:
        return False
    e = np.roll(shell, -1, axis=0) - shell
    ln = np.linalg.norm(e, axis=1)
    if ln.min() < 0.05:
        return False
    u = e / ln[:, None]
    return bool(np.all(np.abs(np.sum(u * np.roll(u, -1, axis=0), axis=1)) < 0.02))


def skeleton(shell: np.ndarray, holes: list[np.ndarray]) -> Skeleton:
    """Straight skeleton: node positions (N,2), times (distance to the outline) and one face (node ids,
    counter-clockwise, starting with its footprint edge) per footprint edge."""
    if not holes and _is_rectangle(shell):
        p = shell
        a = np.linalg.norm(p[1] - p[0])
        b = np.linalg.norm(p[2] - p[1])
        if a < b:
            p = np.roll(p, -1, axis=0)
            a, b = b, a
        u = (p[1] - p[0]) / a
        c = p.mean(axis=0)
        s = b / 2
        r1, r2 = c - u * (a / 2 - s), c + u * (a / 2 - s)
        nodes = np.vstack([p, r1, r2])
        times = np.array([0, 0, 0, 0, s, s])
        return nodes, times, [[0, 1, 5, 4], [1, 2, 5], [2, 3, 4, 5], [3, 0, 4]]
    from py_straight_skeleton import compute_skeleton
    c = shell.mean(axis=0)
    try:
        sk = compute_skeleton([tuple(v) for v in shell - c], [[tuple(v) for v in h - c] for h in holes])
        faces = [f[:-1] if f[0] == f[-1] else f for f in sk.get_faces()]
    except Exception as exc:  # the library raises plain RuntimeError/ValueError on degenerate input
        raise SkeletonFailed(str(exc)) from exc
    nodes = np.array([(n.position.x, n.position.y) for n in sk.nodes]) + c
    times = np.array([n.time for n in sk.nodes])
    return nodes, times, faces


def skeleton_roof(nodes: np.ndarray, times: np.ndarray, faces: list[list[int]], eaves: float,
                  slope: float, kind: str) -> np.ndarray:
    """Roof faces over a skeleton: hip (as is), gable (triangular ends vertical), half-hip (half way).
    ``slope`` = rise per metre of skeleton time (tangent of the pitch)."""
    if not len(times) or float(times.max()) <= 1e-9:
        raise SkeletonFailed("empty skeleton")
    nodes = nodes.copy()
    z = eaves + times * slope
    if kind in ("gable", "halfhip"):
        share = 1.0 if kind == "gable" else 0.5
        moved: set[int] = set()
        for f in faces:
            if len(f) != 3 or f[2] in moved or times[f[2]] <= 1e-9:
                continue
            o1, o2, n = nodes[f[0]], nodes[f[1]], nodes[f[2]]
            d = o2 - o1
            dd = float(d @ d)
            if dd < 1e-12:
                continue
            proj = o1 + d * float((n - o1) @ d) / dd
            nodes[f[2]] = n + share * (proj - n)
            moved.add(f[2])
    out = []
    for f in faces:
        if len(f) < 3:
            continue
        pts = np.column_stack([nodes[f], z[f]])
        if len(f) == 3:
            out.append(pts[None])
            continue
        idx = earcut.triangulate_float64(nodes[f], np.array([len(f)], dtype=np.uint32)).reshape(-1, 3)
        if len(idx):
            out.append(_upward(pts[idx]))
    return np.concatenate(out) if out else _EMPTY


def shed_plane(shell: np.ndarray, holes: list[np.ndarray]) -> tuple[np.ndarray, float, float]:
    """Direction (across the longest edge), min projection and span of a single-pitch roof."""
    e = np.roll(shell, -1, axis=0) - shell
    ln = np.linalg.norm(e, axis=1)
    longest = e[np.argmax(ln)]
    v = np.array([-longest[1], longest[0]]) / max(float(ln.max()), 1e-9)
    proj = np.concatenate([shell, *holes]) @ v
    return v, float(proj.min()), max(float(proj.max() - proj.min()), 1e-6)


def roof_mesh(parts: list[tuple[np.ndarray, list[np.ndarray]]], z0: float, total: float, eaves: float,
              kind: str, skeletons: list[Skeleton | None] | None = None, slope: float = 0.0
              ) -> tuple[np.ndarray, float, bool]:
    """Roof triangles of one building (all polygon parts), the height where its walls end (above the
    datum; shed roofs: the eaves, walls follow the plane) and whether a pitched roof fell back to flat.

    ``kind``: flat | shed | gable | hip | halfhip | mansard | lod1. ``total`` = ridge/top and ``eaves`` =
    where the roof starts, both above ``z0``; ``skeletons`` per part and ``slope`` (rise per metre of
    skeleton time) for pitched kinds. Mansard is approximated by a hip roof over the same skeleton.
    """
    out = []
    if kind in ("flat", "lod1") or total - eaves < 0.05:
        for shell, holes in parts:
            out.append(flat_roof([shell, *holes], z0 + total))
        return (np.concatenate(out) if out else _EMPTY), z0 + total, False
    if kind == "shed":
        for shell, holes in parts:
            v, pmin, span = shed_plane(shell, holes)

            def shed_z(xy: np.ndarray, v: np.ndarray = v, p: float = pmin, s: float = span) -> np.ndarray:
                return z0 + eaves + (xy @ v - p) / s * (total - eaves)
            out.append(flat_roof([shell, *holes], shed_z))
        return (np.concatenate(out) if out else _EMPTY), z0 + eaves, False
    try:
        for i, (shell, holes) in enumerate(parts):
            sk: Skeleton | None = skeletons[i] if skeletons else skeleton(shell, holes)
            if sk is None:
                raise SkeletonFailed("no skeleton")
            out.append(skeleton_roof(*sk, z0 + eaves, slope, "hip" if kind == "mansard" else kind))
        return (np.concatenate(out) if out else _EMPTY), z0 + eaves, False
    except SkeletonFailed as exc:
        LOGGER.debug("roof skeleton failed, flat roof instead: %s", exc)
        out = [flat_roof([shell, *holes], z0 + total) for shell, holes in parts]
        return (np.concatenate(out) if out else _EMPTY), z0 + total, True


def tile_rings(geoms, origin: tuple[float, float]):
    """All rings of a tile's footprints at once (shapely, vectorised): per building a list of parts
    ``(shell CCW, [holes CW])`` relative to ``origin``, plus the wall edges ``(a, b, building)``."""
    import shapely
    g = shapely.orient_polygons(shapely.remove_repeated_points(geoms, 0.001))
    parts, part_b = shapely.get_parts(g, return_index=True)
    rings, ring_p = shapely.get_rings(parts, return_index=True)
    xy, ci = shapely.get_coordinates(rings, return_index=True)
    xy = xy - np.asarray(origin)
    per_b: list[list] = [[] for _ in range(len(geoms))]
    if len(xy) == 0:  # no ring at all (every footprint empty after cleaning): no parts, no walls
        return per_b, np.empty((0, 2)), np.empty((0, 2)), np.empty(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, ci[1:] != ci[:-1]])
    ring_arrays = np.split(xy, starts[1:])
    first_ring = np.r_[True, ring_p[1:] != ring_p[:-1]]
    for r, arr, is_shell in zip(range(len(rings)), ring_arrays, first_ring, strict=True):
        ring = arr[:-1]
        b = part_b[ring_p[r]]
        if is_shell:
            per_b[b].append((ring, []))
        elif len(ring) >= 3 and per_b[b]:
            per_b[b][-1][1].append(ring)
    m = ci[1:] == ci[:-1]
    a, bb = xy[:-1][m], xy[1:][m]
    edge_b = part_b[ring_p[ci[:-1][m]]]
    return per_b, a, bb, edge_b


def wall_triangles(a: np.ndarray, b: np.ndarray, z0: np.ndarray, za: np.ndarray, zb: np.ndarray) -> np.ndarray:
    """Vertical quads for edges a->b (outline counter-clockwise, holes clockwise: outward normals)."""
    ba = np.column_stack([a, z0])
    bb = np.column_stack([b, z0])
    ta = np.column_stack([a, za])
    tb = np.column_stack([b, zb])
    return np.concatenate([np.stack([ba, bb, tb], 1), np.stack([ba, tb, ta], 1)])
