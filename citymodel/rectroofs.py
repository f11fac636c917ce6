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
               ) -> np.ndarray:
    """Roof triangles (m*k, 3, 3) for rectangles ``p`` (m, 4, 2). ``kind``: 0 flat, 1 hip, 2 gable,
    3 half-hip; pitched roofs rise from ``eaves_z`` with ``slope`` per metre, flat ones sit at ``top_z``.
    Returns the triangles and the rectangle index of each."""
    out, owner = [], []
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

        def v3(xy, z):
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
