"""Streets, blocks, water and green of the demo town, from the plan in :mod:`town_plan`.

Each district is a warped street grid: its grid lines become streets (clipped to the district and
kept off the river, the parks and the planned field), its grid cells, inset by half a street and a
pavement and cut by the main roads, become the blocks buildings stand in. Vectorised with shapely 2.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import Polygon, box

from . import town_plan as P


@dataclass
class Layout:
    """The town without buildings: arrays of geometries with their attributes."""

    streets: list[tuple[str, str, float, Any]]  # name, class, width, LineString
    blocks: np.ndarray  # Polygon per block
    block_use: np.ndarray  # altstadt / wohnen / gewerbe / industrie / gruen
    block_kind: np.ndarray  # district kind (altstadt, gruenderzeit, suburb, industrie, gewerbe, village)
    block_district: np.ndarray  # district name
    block_brache: np.ndarray  # former industrial lot (bool)
    water: list[tuple[str, Any]]
    green: list[tuple[str, str, Any]]  # name, kind, geometry


class _Names:
    """Hands out unique street names: a district's own list first, then the shared generated pool."""

    def __init__(self, seed: int):
        self.pool = P.name_pool(seed)[520:]
        self.used: set[str] = set()

    def take(self, wanted: list[str]) -> str:
        while wanted:
            nm = wanted.pop(0)
            if nm not in self.used:
                self.used.add(nm)
                return nm
        while self.pool:
            nm = self.pool.pop(0)
            if nm not in self.used:
                self.used.add(nm)
                return nm
        raise RuntimeError("street name pool exhausted")  # the pool has ~630 names for ~500 lines


def _nodes(d: P.District, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """World coordinates of the grid nodes covering the district: array [ni, nj, 2]."""
    a = math.radians(d.angle)
    c, s = math.cos(a), math.sin(a)
    ex = shapely.get_coordinates(d.region.exterior) - np.asarray(d.origin)
    u = ex[:, 0] * c + ex[:, 1] * s
    v = -ex[:, 0] * s + ex[:, 1] * c
    i = np.arange(math.floor(u.min() / d.du) - 1, math.ceil(u.max() / d.du) + 2)
    j = np.arange(math.floor(v.min() / d.dv) - 1, math.ceil(v.max() / d.dv) + 2)
    ii, jj = np.meshgrid(i, j, indexing="ij")
    lu = ii * d.du + d.amp * np.sin(2 * np.pi * jj * d.dv / d.wave + 0.7)
    lv = jj * d.dv + d.amp * np.sin(2 * np.pi * ii * d.du / d.wave + 1.9)
    lu = lu + rng.uniform(-d.jitter, d.jitter, lu.shape)
    lv = lv + rng.uniform(-d.jitter, d.jitter, lv.shape)
    x = d.origin[0] + lu * c - lv * s
    y = d.origin[1] + lu * s + lv * c
    return np.stack([x, y], -1), np.stack([ii, jj], -1)


def _lines(nodes: np.ndarray) -> tuple[list[np.ndarray], list[tuple[str, int]]]:
    """Grid lines as coordinate arrays: along u (constant j) and along v (constant i)."""
    lines, ids = [], []
    for j in range(nodes.shape[1]):
        lines.append(nodes[:, j])
        ids.append(("u", j))
    for i in range(nodes.shape[0]):
        lines.append(nodes[i, :])
        ids.append(("v", i))
    return lines, ids


def _street_class(kind: str, axis: str, idx: int, name: str) -> str:
    if kind == "altstadt":
        return "fussweg" if name in ("Hoher Weg", "Almsstraße", "Schuhstraße", "Marktstraße") else "wohnstrasse"
    if kind in ("industrie", "gewerbe"):
        return "sammelstrasse"
    if kind == "village":
        return "sammelstrasse" if idx % 4 == 0 else "wohnstrasse"
    return "sammelstrasse" if idx % 4 == 0 and axis == "v" else "wohnstrasse"


def build_layout(seed: int = 1) -> Layout:
    rng = np.random.default_rng(seed)
    extent = box(*P.EXTENT)
    river = P.river_polygon()
    meadow_line = P.river_centreline()
    # the river's meadows: wide outside the built-up area, a narrow green strip through the city
    meadow = shapely.unary_union([meadow_line.buffer(55), meadow_line.buffer(160).difference(
        shapely.Point(P.MARKT).buffer(1_400)).difference(box(562_000, 5_780_200, 566_500, 5_783_200))])
    meadow = meadow.intersection(extent).difference(river)
    parks = P.parks()
    green: list[tuple[str, str, Any]] = [("Innerste-Aue", "gruenzug", meadow)]
    green += [(g.name, g.kind, g.geom.difference(river)) for g in parks]
    field = box(*P.GREENFIELD)
    green.append(("Feld an der Bavenstedter Straße (geplantes Baugebiet)", "feld", field))
    green.append(("Marktplatz", "platz", P.MARKTPLATZ))  # an open square (kind platz), drawn paved
    water = [("Innerste", river.intersection(extent)), ("Hohnsensee", P.HOHNSENSEE)]

    roads = P.main_roads()
    ring = P.ring_roads()
    mains = [(n, ln.intersection(extent)) for n, ln in roads] + ring
    road_buf = shapely.unary_union([ln.buffer(P.WIDTH["hauptstrasse"] / 2 + 4, cap_style="flat")
                                    for _, ln in mains])
    no_build = shapely.unary_union([river.buffer(8), meadow, *[g.geom for g in parks], field, P.MARKTPLATZ,
                                    road_buf])
    no_street = shapely.unary_union([river.buffer(4), *[g.geom.buffer(-6) for g in parks], field.buffer(-1),
                                     P.MARKTPLATZ.buffer(-2)])
    shapely.prepare(no_build)

    streets: list[tuple[str, str, float, Any]] = [(n, "hauptstrasse", P.WIDTH["hauptstrasse"], ln)
                                                     for n, ln in mains]
    streets.append(("Markt", "fussweg", P.WIDTH["fussweg"], P.MARKTPLATZ.exterior))
    names = _Names(seed)
    for n, _, _, _ in streets:
        names.used.add(n)
    blocks, kinds, dnames = [], [], []
    claimed = Polygon()
    for d in P.districts(seed):
        region = d.region.intersection(extent).difference(claimed)
        if region.is_empty or region.area < 5_000:
            continue
        claimed = claimed.union(d.region)
        nodes, _ = _nodes(d, rng)
        inset = {"altstadt": 5.0, "gruenderzeit": 8.0, "suburb": 6.5, "rows": 6.0, "industrie": 9.0, "gewerbe": 8.0,
                 "village": 5.5}[d.kind]
        # streets: the grid lines inside the region (plus half a block, so border blocks have their street)
        lines, ids = _lines(nodes)
        geoms = np.array([shapely.linestrings(ln) for ln in lines], dtype=object)
        reach = region.buffer(inset + 3)
        clipped = shapely.difference(shapely.intersection(geoms, reach), no_street)
        own = list(d.names)
        # the famous names go to the lines nearest the Marktplatz (Hoher Weg, Almsstraße in the centre)
        near = np.argsort(shapely.distance(clipped, shapely.Point(P.MARKT)), kind="stable")
        for k in near:
            (axis, idx), g = ids[k], clipped[k]
            if g.is_empty:
                continue
            parts = [p for p in shapely.get_parts(shapely.line_merge(g) if g.geom_type == "MultiLineString" else g)
                     if p.length > 35]
            if not parts:
                continue
            name = names.take(own)
            cls = _street_class(d.kind, axis, idx, name)
            for p in parts:
                streets.append((name, cls, P.WIDTH[cls], p))
        # blocks: grid cells inset and cut
        q = np.stack([nodes[:-1, :-1], nodes[1:, :-1], nodes[1:, 1:], nodes[:-1, 1:], nodes[:-1, :-1]], 2)
        cells = shapely.polygons(q.reshape(-1, 5, 2))
        cells = cells[shapely.intersects(cells, region)]
        cells = shapely.buffer(cells, -inset, join_style="mitre")
        cells = shapely.intersection(cells, region)
        hit = shapely.intersects(cells, no_build)
        cells[hit] = shapely.difference(cells[hit], no_build)
        parts = shapely.get_parts(cells[~shapely.is_empty(cells)])
        parts = parts[shapely.get_type_id(parts) == 3]
        parts = shapely.simplify(parts, 1.0)
        area = shapely.area(parts)
        compact = 4 * np.pi * area / np.maximum(shapely.length(parts) ** 2, 1e-9)
        keep = (area > (600 if d.kind in ("altstadt", "village") else 1_200)) & (compact > 0.25)
        parts = parts[keep]
        blocks.append(parts)
        kinds += [d.kind] * len(parts)
        dnames += [d.name] * len(parts)
    allb = np.concatenate(blocks)
    kind = np.array(kinds, dtype=object)
    use = np.select([kind == "altstadt", kind == "industrie", kind == "gewerbe"],
                    ["altstadt", "industrie", "gewerbe"], "wohnen").astype(object)
    # a few suburban blocks stay green (pocket parks); some industrial lots lie fallow (former industry)
    u = np.random.default_rng(seed + 3).random(len(allb))
    pocket = np.isin(kind, ("suburb", "rows")) & (u < 0.025)
    use[pocket] = "gruen"
    cy = shapely.get_y(shapely.centroid(allb))
    brache = ((kind == "industrie") | (kind == "gewerbe")) & (u > 0.8)
    brache |= (kind == "industrie") & (cy < 5_780_700)  # the old factories near the Nordstadt
    for k in np.flatnonzero(pocket):
        green.append((f"Grünfläche {dnames[k]}", "park", allb[k]))
    return Layout(streets=streets, blocks=allb, block_use=use, block_kind=kind,
                  block_district=np.array(dnames, dtype=object), block_brache=brache, water=water,
                  green=green)
