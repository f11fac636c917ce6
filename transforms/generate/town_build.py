"""Buildings of the demo town: placed lot by lot along the edges of each block, front to the street.

Per district kind: perimeter blocks (old town, Gründerzeit: continuous frontage with corner
buildings), detached houses with garages (suburbs), farmsteads with barns (villages), halls
(industry, commerce). Footprints that would overlap an earlier one are dropped, so the result is a
clean ALKIS-like set. All vectorised over the edges and lots of the whole town (~1 s per 100k).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .town_layout import Layout

# kind: frontage range, setback range, depth range (for perimeter kinds the corner depth is the max),
#       perimeter, gap between neighbours (m)
KINDS: dict[str, tuple[tuple[float, float], tuple[float, float], tuple[float, float], bool, float]] = {
    "altstadt": ((8.0, 14.0), (0.0, 0.0), (10.0, 15.0), True, 0.3),
    "gruenderzeit": ((13.0, 20.0), (0.0, 0.0), (11.0, 14.0), True, 0.3),
    "suburb": ((14.0, 19.0), (4.0, 7.0), (8.0, 11.0), False, 3.0),
    "rows": ((6.0, 8.0), (4.0, 6.0), (9.0, 11.0), False, 0.3),
    "village": ((16.0, 26.0), (1.0, 5.0), (10.0, 13.0), False, 3.0),
    "industrie": ((35.0, 70.0), (5.0, 10.0), (20.0, 45.0), False, 8.0),
    "gewerbe": ((30.0, 50.0), (6.0, 10.0), (15.0, 30.0), False, 6.0),
}
KIND_CODE = {k: i for i, k in enumerate(KINDS)}
HOUSE, GARAGE, BARN, CORNER, CHURCH = range(5)


@dataclass
class Footprints:
    geom: np.ndarray
    kind: np.ndarray  # district kind code (KIND_CODE)
    role: np.ndarray  # HOUSE, GARAGE, BARN, CORNER, CHURCH
    front: np.ndarray  # [n, 2] point in front of the building, on the street side
    block: np.ndarray  # block index


def _edges(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Edges of the blocks' exteriors (counter-clockwise): p0, p1, block index, turn angle at p0."""
    ext = shapely.get_exterior_ring(shapely.orient_polygons(blocks, exterior_cw=False))
    xy, idx = shapely.get_coordinates(ext, return_index=True)
    same = idx[1:] == idx[:-1]
    p0, p1, bi = xy[:-1][same], xy[1:][same], idx[:-1][same]
    t = p1 - p0
    ang = np.arctan2(t[:, 1], t[:, 0])
    # previous edge of the same ring (cyclic)
    first = np.r_[True, bi[1:] != bi[:-1]]
    starts = np.flatnonzero(first)
    counts = np.diff(np.r_[starts, len(bi)])
    ring_start = np.repeat(starts, counts)
    ring_end = ring_start + np.repeat(counts, counts) - 1
    prev = np.where(first, ring_end, np.arange(len(bi)) - 1)
    turn = (ang - ang[prev] + np.pi) % (2 * np.pi) - np.pi
    return p0, p1, bi, turn


def _rect(o: np.ndarray, t: np.ndarray, n: np.ndarray, a: np.ndarray, b: np.ndarray, w: np.ndarray,
          d: np.ndarray) -> np.ndarray:
    """Rectangles in edge frames: origin o, along t from a to a+w, inward n from b to b+d."""
    pts = [(a, b), (a + w, b), (a + w, b + d), (a, b + d), (a, b)]
    ring = np.stack([o + t * u[:, None] + n * v[:, None] for u, v in pts], 1)
    return shapely.polygons(np.round(ring, 2))


def place(layout: Layout, seed: int) -> Footprints:
    rng = np.random.default_rng(seed + 11)
    blocks = layout.blocks
    bkind = np.array([KIND_CODE[k] for k in layout.block_kind])
    usable = layout.block_use != "gruen"
    mrr = shapely.minimum_rotated_rectangle(blocks)
    c = shapely.get_coordinates(mrr).reshape(len(blocks), 5, 2)
    side = np.hypot(*(c[:, 1] - c[:, 0]).T), np.hypot(*(c[:, 2] - c[:, 1]).T)
    half = np.minimum(*side) / 2

    p0, p1, bi, turn = _edges(blocks)
    keep = usable[bi]
    p0, p1, bi, turn = p0[keep], p1[keep], bi[keep], turn[keep]
    ne = len(bi)
    k = bkind[bi]
    par = [KINDS[name] for name in KINDS]
    fr_lo, fr_hi = np.array([p[0][0] for p in par])[k], np.array([p[0][1] for p in par])[k]
    sb_lo, sb_hi = np.array([p[1][0] for p in par])[k], np.array([p[1][1] for p in par])[k]
    d_lo, d_hi = np.array([p[2][0] for p in par])[k], np.array([p[2][1] for p in par])[k]
    perim = np.array([p[3] for p in par])[k]
    gap = np.array([p[4] for p in par])[k]
    dmax = np.minimum(d_hi, np.maximum(half[bi] - sb_hi - 1.0, 0.0))
    reach = np.where(perim, dmax, sb_lo + np.minimum(d_lo, dmax))
    # margins at both ends of each edge, from the turn at that vertex (convex corners need room)
    nxt = np.r_[np.arange(1, ne), 0]
    same_next = np.r_[bi[1:] == bi[:-1], False]
    # the turn at p1 is the turn of the next edge of the same ring; wrap to the ring's first edge
    first = np.r_[True, bi[1:] != bi[:-1]]
    starts = np.flatnonzero(first)
    counts = np.diff(np.r_[starts, ne])
    ring_first = np.repeat(starts, counts)
    nxt = np.where(same_next, nxt, ring_first)
    turn1 = turn[nxt]
    m0 = gap + reach * np.tan(np.clip(turn, 0, 2.3) / 2)
    m1 = gap + reach * np.tan(np.clip(turn1, 0, 2.3) / 2)
    vec = p1 - p0
    length = np.hypot(vec[:, 0], vec[:, 1])
    t = vec / np.maximum(length, 1e-9)[:, None]
    nrm = np.column_stack([-t[:, 1], t[:, 0]])
    usable_len = length - m0 - m1
    f = rng.uniform(fr_lo, fr_hi)
    nlots = np.where((usable_len > fr_lo) & (dmax > 4), np.floor(np.maximum(usable_len, 0) / f), 0).astype(int)
    lot_w = usable_len / np.maximum(nlots, 1)

    # lots
    e = np.repeat(np.arange(ne), nlots)
    pos = np.arange(len(e)) - np.repeat(np.cumsum(nlots) - nlots, nlots)
    a0 = m0[e] + pos * lot_w[e]
    lw = lot_w[e]
    nl = len(e)
    u = rng.random((nl, 6))
    ke = k[e]
    is_per = perim[e]
    sb = sb_lo[e] + u[:, 0] * (sb_hi[e] - sb_lo[e])
    depth = np.minimum(d_lo[e] + u[:, 1] * (d_hi[e] - d_lo[e]), dmax[e])
    # width: the whole lot for perimeter blocks, a house with side yards otherwise
    w_house = np.where(ke == KIND_CODE["suburb"], 8.0 + 4.0 * u[:, 2],
                       np.where(ke == KIND_CODE["village"], 10.0 + 5.0 * u[:, 2], lw - gap[e]))
    w = np.where(is_per | (ke == KIND_CODE["rows"]), lw - gap[e], np.minimum(w_house, lw - gap[e]))
    slack = lw - w
    a = a0 + np.where(is_per | (ke == KIND_CODE["rows"]), gap[e] / 2, slack * (0.15 + 0.35 * u[:, 3]))
    o, tt, nn = p0[e], t[e], nrm[e]
    houses = _rect(o, tt, nn, a, sb, w, depth)
    # Gründerzeit and old town: a rear wing (Seitenflügel) on some lots
    wing = is_per & (u[:, 4] < 0.35) & (dmax[e] > depth + 6)
    if wing.any():
        m = np.flatnonzero(wing)
        ww = np.minimum(w[m] * 0.4, 6.0)
        d2 = np.minimum(depth[m] + 4 + 6 * u[m, 5], dmax[e][m])
        rings = np.stack([o[m] + tt[m] * x[:, None] + nn[m] * y[:, None] for x, y in
                          [(a[m], sb[m]), (a[m] + w[m], sb[m]), (a[m] + w[m], sb[m] + d2),
                           (a[m] + w[m] - ww, sb[m] + d2), (a[m] + w[m] - ww, sb[m] + depth[m]),
                           (a[m], sb[m] + depth[m]), (a[m], sb[m])]], 1)
        houses[m] = shapely.polygons(np.round(rings, 2))
    front = o + tt * (a + w / 2)[:, None] - nn * 4.0
    geoms, kinds, roles, fronts, blks = [houses], [ke], [np.full(nl, HOUSE)], [front], [bi[e]]

    # garages beside suburban houses, barns behind village houses
    gar = (ke == KIND_CODE["suburb"]) & (slack > 5.5) & (u[:, 5] < 0.55)
    m = np.flatnonzero(gar)
    if len(m):
        ga = a[m] + w[m] + 1.0
        g = _rect(o[m], tt[m], nn[m], ga, sb[m] + 1.5, np.full(len(m), 3.2), np.full(len(m), 6.0))
        geoms.append(g)
        kinds.append(ke[m])
        roles.append(np.full(len(m), GARAGE))
        fronts.append(front[m])
        blks.append(bi[e][m])
    barn = (ke == KIND_CODE["village"]) & (dmax[e] > depth + 14) & (u[:, 5] < 0.7)
    m = np.flatnonzero(barn)
    if len(m):
        bd = np.minimum(8 + 5 * u[m, 4], dmax[e][m] - depth[m] - 5)
        g = _rect(o[m], tt[m], nn[m], a[m], sb[m] + depth[m] + 4, np.minimum(w[m] * 1.1, lw[m] - 3), bd)
        geoms.append(g)
        kinds.append(ke[m])
        roles.append(np.full(len(m), BARN))
        fronts.append(front[m])
        blks.append(bi[e][m])

    # corner buildings of perimeter blocks (convex corners of 35°-125°)
    cm = perim & (turn > 0.6) & (turn < 2.2) & (dmax > 6)
    m = np.flatnonzero(cm)
    if len(m):
        prev_t = np.column_stack([np.cos(np.arctan2(t[m, 1], t[m, 0]) - turn[m]),
                                  np.sin(np.arctan2(t[m, 1], t[m, 0]) - turn[m])])
        D = dmax[m]
        mm = m0[m] - gap[m]
        v = p0[m]
        A = v + t[m] * mm[:, None]
        C = A + nrm[m] * D[:, None]
        B = v - prev_t * mm[:, None]
        rings = np.stack([v, A - t[m] * gap[m, None] / 2, C - t[m] * gap[m, None] / 2, B, v], 1)
        geoms.append(shapely.polygons(np.round(rings, 2)))
        kinds.append(k[m])
        roles.append(np.full(len(m), CORNER))
        fronts.append(v - nrm[m] * 4.0 - t[m] * 2.0)
        blks.append(bi[m])
    return Footprints(geom=np.concatenate(geoms), kind=np.concatenate(kinds), role=np.concatenate(roles),
                      front=np.concatenate(fronts), block=np.concatenate(blks))


def add_churches(fp: Footprints, layout: Layout, targets: list[tuple[float, float, float, float]]
                 ) -> Footprints:
    """Churches (E-W oriented, length x width) in the block nearest each target; they go first."""
    tree = shapely.STRtree(layout.blocks)
    geoms, fronts, blks = [], [], []
    for x, y, ln, wd in targets:
        bi = int(tree.nearest(shapely.Point(x, y)))
        blk = layout.blocks[bi]
        cx, cy = shapely.get_coordinates(shapely.point_on_surface(blk))[0]
        for s in (1.0, 0.8, 0.64, 0.5):
            g = shapely.box(cx - ln * s / 2, cy - wd * s / 2, cx + ln * s / 2, cy + wd * s / 2)
            if blk.contains(g):
                geoms.append(g)
                fronts.append((cx, cy - wd * s / 2 - 6))
                blks.append(bi)
                break
    n = len(geoms)
    return Footprints(geom=np.concatenate([np.array(geoms, dtype=object), fp.geom]),
                      kind=np.concatenate([np.array([KIND_CODE[layout.block_kind[b]] for b in blks], dtype=int),
                                           fp.kind]),
                      role=np.concatenate([np.full(n, CHURCH), fp.role]),
                      front=np.concatenate([np.array(fronts).reshape(-1, 2), fp.front]),
                      block=np.concatenate([np.array(blks, dtype=int), fp.block]))


def drop_overlaps(fp: Footprints, blocks: np.ndarray) -> Footprints:
    """Keep a footprint only if it is valid, lies in its block (thin curved blocks can be shallower than
    their edges' lots) and overlaps no earlier kept one (by more than 0.05 m²)."""
    g = fp.geom
    ok = shapely.is_valid(g) & (shapely.area(g) > 12)
    ok &= shapely.within(g, shapely.buffer(blocks, 0.05)[fp.block])
    tree = shapely.STRtree(g)
    i, j = tree.query(g, predicate="intersects")
    sel = i < j
    i, j = i[sel], j[sel]
    area = shapely.area(shapely.intersection(g[i], g[j]))
    sel = area > 0.05
    i, j = i[sel], j[sel]
    # greedy in index order: j loses against i unless i itself was dropped
    order = np.lexsort((i, j))
    i, j = i[order], j[order]
    for a, b in zip(i.tolist(), j.tolist(), strict=True):
        if ok[a] and ok[b]:
            ok[b] = False
    return Footprints(geom=g[ok], kind=fp.kind[ok], role=fp.role[ok], front=fp.front[ok], block=fp.block[ok])
