"""Vectorised roofs for rectangular footprint parts (most buildings): the straight skeleton of a
rectangle is known in closed form (a ridge along the long axis, ends half the short side in), so
hip, gable, half-hip and flat roofs of all rectangles of a tile are built in a few numpy operations.
Topology per rectangle p0..p3 (counter-clockwise, p0->p1 a long side), ridge nodes r1 (near p3/p0)
and r2 (near p1/p2): faces [p0 p1 r2 r1], [p1 p2 r2], [p2 p3 r1 r2], [p3 p0 r1] — as in
``geometry.skeleton`` — so results are identical to the per-building path."""
from __future__ import annotations

import numpy as np


def rect_corners(shells: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Which shells (4 vertices) are rectangles, and their corners rolled so p0->p1 is a long side."""
    four = np.array([len(s) == 4 for s in shells], dtype=bool)
    idx = np.flatnonzero(four)
    if not len(idx):
        return np.zeros(len(shells), bool), np.zeros((0, 4, 2))
    p = np.stack([shells[i] for i in idx])
    e = np.roll(p, -1, axis=1) - p
    ln = np.linalg.norm(e, axis=2)
    u = e / np.maximum(ln, 1e-12)[..., None]
    cos = np.abs((u * np.roll(u, -1, axis=1)).sum(2))
    ok = np.all(cos < 0.02, axis=1) & (ln.min(1) > 0.05)
    mask = np.zeros(len(shells), bool)
    mask[idx[ok]] = True
    p = p[ok]
    short_first = ln[ok, 0] < ln[ok, 1]
    p[short_first] = np.roll(p[short_first], -1, axis=1)
    return mask, p


def rect_roofs(p: np.ndarray, kind: np.ndarray, eaves_z: np.ndarray, slope: np.ndarray, top_z: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray]:
    """Roof triangles (m*k, 3, 3) for rectangles ``p`` (m, 4, 2). ``kind``: 0 flat, 1 hip, 2 gable,
    3 half-hip; pitched roofs rise from ``eaves_z`` with ``slope`` per metre, flat ones sit at ``top_z``.
    Returns the triangles and the rectangle index of each."""
    out: list[np.ndarray] = []
    owner: list[np.ndarray] = []
    flat = kind == 0
    if flat.any():
        q = p[flat]
        z = np.repeat(top_z[flat][:, None], 4, axis=1)
        v = np.concatenate([q, z[..., None]], axis=2)
        t = np.concatenate([v[:, [0, 1, 2]], v[:, [0, 2, 3]]])
        out.append(t)
        i = np.flatnonzero(flat)
        owner.append(np.concatenate([i, i]))
    pit = ~flat
    if pit.any():
        q = p[pit]
        a = np.linalg.norm(q[:, 1] - q[:, 0], axis=1)
        b = np.linalg.norm(q[:, 2] - q[:, 1], axis=1)
        u = (q[:, 1] - q[:, 0]) / a[:, None]
        c = q.mean(axis=1)
        s = b / 2
        r1 = c - u * (a / 2 - s)[:, None]
        r2 = c + u * (a / 2 - s)[:, None]
        share = np.select([kind[pit] == 2, kind[pit] == 3], [1.0, 0.5], 0.0)[:, None]
        r2 = r2 + share * ((q[:, 1] + q[:, 2]) / 2 - r2)
        r1 = r1 + share * ((q[:, 3] + q[:, 0]) / 2 - r1)
        ze = eaves_z[pit]
        zr = ze + s * slope[pit]

        def v3(xy: np.ndarray, z: np.ndarray) -> np.ndarray:
            return np.column_stack([xy, z])
        P = [v3(q[:, k], ze) for k in range(4)]
        R1, R2 = v3(r1, zr), v3(r2, zr)
        tris = [(P[0], P[1], R2), (P[0], R2, R1), (P[1], P[2], R2), (P[2], P[3], R1), (P[2], R1, R2),
                (P[3], P[0], R1)]
        out.append(np.concatenate([np.stack(t, 1) for t in tris]))
        i = np.flatnonzero(pit)
        owner.append(np.tile(i, len(tris)))
    if not out:
        return np.zeros((0, 3, 3)), np.zeros(0, int)
    return np.concatenate(out), np.concatenate(owner)


def _inside(px: float, py: float, rings: list[list[tuple[float, float]]]) -> bool:
    """Even-odd point in polygon (with holes), plain Python: faster than numpy for a dozen cells."""
    ins = False
    for r in rings:
        n = len(r)
        x1, y1 = r[-1]
        for k in range(n):
            x2, y2 = r[k]
            if (y1 > py) != (y2 > py) and px < x1 + (py - y1) * (x2 - x1) / (y2 - y1):
                ins = not ins
            x1, y1 = x2, y2
    return ins


def orthogonal_rects(shell: np.ndarray, holes: list[np.ndarray], tol: float = 0.02, max_cells: int = 144
                     ) -> np.ndarray | None:
    """Maximal rectangles of an orthogonal footprint (all edges parallel to its longest edge or
    perpendicular, within ``tol`` metres), as corners (m, 4, 2) counter-clockwise with p0->p1 a long side;
    None if the footprint is not orthogonal or too complex.

    Why: for an orthogonal polygon the straight-skeleton roof height at p is slope x the L-infinity
    distance from p to the outline, and every axis-parallel square inside the polygon lies in some
    maximal rectangle, so the hip roof is the upper envelope of the maximal rectangles' hip roofs.
    Drawing all of them lets the depth buffer show exactly that envelope (the hidden parts stay inside
    the building), at a fraction of the skeleton's cost. Gable ends then appear at every wing end."""
    e = np.roll(shell, -1, axis=0) - shell
    k = int(np.argmax(np.hypot(e[:, 0], e[:, 1])))
    ang = np.arctan2(e[k, 1], e[k, 0])
    c, s = np.cos(ang), np.sin(ang)
    rot = np.array([[c, s], [-s, c]])  # world -> frame with the longest edge along +x
    o = shell[k]
    rings = [(r - o) @ rot.T for r in [shell, *holes]]
    for r in rings:
        d = np.abs(np.roll(r, -1, axis=0) - r)
        if np.any(np.minimum(d[:, 0], d[:, 1]) > tol):
            return None
    allp = np.concatenate(rings)

    def lines(v: np.ndarray) -> list[float]:
        v = np.sort(v).tolist()
        out = [v[0]]
        for x in v[1:]:
            if x - out[-1] > 0.05:
                out.append(x)
        return out
    xs, ys = lines(allp[:, 0]), lines(allp[:, 1])
    kx, ky = len(xs) - 1, len(ys) - 1
    if kx < 1 or ky < 1 or kx * ky > max_cells:
        return None
    pr = [[(float(x), float(y)) for x, y in r] for r in rings]
    inside = [[_inside((xs[i] + xs[i + 1]) / 2, (ys[j] + ys[j + 1]) / 2, pr) for i in range(kx)]
              for j in range(ky)]
    # column runs: full[j][i0][i1] = cells i0..i1-1 of row j all inside
    rowfull = []
    for j in range(ky):
        f = {}
        for i0 in range(kx):
            i1 = i0
            while i1 < kx and inside[j][i1]:
                i1 += 1
                f[(i0, i1)] = True
        rowfull.append(f)
    out = []
    for i0 in range(kx):
        for i1 in range(i0 + 1, kx + 1):
            j = 0
            while j < ky:
                if (i0, i1) not in rowfull[j]:
                    j += 1
                    continue
                j0 = j
                while j < ky and (i0, i1) in rowfull[j]:
                    j += 1
                j1 = j  # rows j0..j1-1 full for [i0, i1): maximal vertically by construction
                left = i0 > 0 and all((i0 - 1, i1) in rowfull[r] for r in range(j0, j1))
                right = i1 < kx and all((i0, i1 + 1) in rowfull[r] for r in range(j0, j1))
                if not (left or right):
                    out.append((xs[i0], xs[i1], ys[j0], ys[j1]))
    if not out:
        return None
    p = [((x0, y0), (x1, y0), (x1, y1), (x0, y1)) if x1 - x0 >= y1 - y0 else
         ((x1, y0), (x1, y1), (x0, y1), (x0, y0)) for x0, x1, y0, y1 in out]
    return np.array(p) @ rot + o
