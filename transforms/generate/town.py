"""A deterministic demo town that looks like Hildesheim: ``gdi generate town N OUT.gpkg``.

Old town with dense perimeter blocks around the Marktplatz inside the Wallring, the Innerste west of
it with meadows, parks (Liebesgrund, Hohnsen with its lake, cemeteries, woods), Gründerzeit quarters,
suburbs of detached houses along curved streets, industry and the harbour in the north, commercial
estates, Ortsteile at the edge; real Hildesheim street names, house numbers odd on the left and even
on the right of each street. The field at x 566,650-567,050 / y 5,778,850-5,779,200 is left free for a
planned development (a demo Bebauungsplan lies there).

The town is always laid out in full (~110,000 buildings) and its buildings ordered from the Marktplatz
outward, so ``N`` only says how many of them are written: the first ``n`` buildings of any run are
identical (oid, geometry, attributes) to the first ``n`` of a larger one. Layers (EPSG:25832):
``gebaeude`` (the schema of :mod:`transforms.generate.buildings`), ``strassen``, ``strassenflaechen``,
``bloecke``, ``gewaesser``, ``gruen``, ``adressen``. See docs/demo_town.md.
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from core.errors import GdiError

from . import town_build as B
from . import town_plan as P
from .town_layout import Layout, build_layout

LOGGER = logging.getLogger(__name__)

OID_PREFIX = "DENIHIDT"
CHURCHES: list[tuple[float, float, float, float]] = [
    (564_760, 5_778_180, 58, 22), (565_060, 5_778_560, 52, 20), (564_650, 5_778_660, 56, 22),
    (564_980, 5_777_930, 48, 18), (565_330, 5_778_250, 38, 15)]


class TownError(GdiError, ValueError):
    """A request the demo town cannot satisfy (too many buildings)."""


@dataclass
class Town:
    layout: Layout
    geom: np.ndarray
    attrs: dict[str, np.ndarray]  # the gebaeude columns, in building order
    front: np.ndarray  # [n, 2] address point per building


@functools.lru_cache(maxsize=2)
def build_town(seed: int = 1) -> Town:
    """The whole town, buildings ordered from the Marktplatz outward (cached per seed)."""
    layout = build_layout(seed)
    fp = B.place(layout, seed)
    village_targets = [(float(c[0]), float(c[1]), 30.0, 13.0) for _, c, _ in P.VILLAGES]
    fp = B.add_churches(fp, layout, CHURCHES + village_targets)
    fp = B.drop_overlaps(fp, layout.blocks)
    cen = shapely.centroid(fp.geom)
    dist = np.hypot(shapely.get_x(cen) - P.MARKT[0], shapely.get_y(cen) - P.MARKT[1])
    order = np.lexsort((np.arange(len(dist)), np.round(dist, 3)))
    fp = B.Footprints(geom=fp.geom[order], kind=fp.kind[order], role=fp.role[order],
                      front=fp.front[order], block=fp.block[order])
    attrs = _attributes(fp, seed)
    street, number = _addresses(fp, layout)
    attrs["strasse"] = street
    attrs["hausnummer"] = number
    attrs = {"oid": np.array([f"{OID_PREFIX}{i:08d}" for i in range(len(fp.geom))], dtype=object), **attrs}
    return Town(layout=layout, geom=fp.geom, attrs=attrs, front=fp.front)


def _attributes(fp: B.Footprints, seed: int) -> dict[str, np.ndarray]:
    """Function, storeys, roof form and heights per building, from its district kind and role."""
    n = len(fp.geom)
    rng = np.random.default_rng(seed + 23)
    u = rng.random((n, 6))
    K = B.KIND_CODE
    kind, role = fp.kind, fp.role

    def pick(codes: list[int], p: list[float], col: int) -> np.ndarray:
        return np.asarray(codes)[np.searchsorted(np.cumsum(p), u[:, col] * sum(p), side="right")
                                 .clip(0, len(codes) - 1)]

    func = np.select(
        [kind == K["altstadt"], kind == K["gruenderzeit"], (kind == K["suburb"]) | (kind == K["rows"]),
         kind == K["village"], kind == K["industrie"]],
        [pick([2050, 1100, 1000, 3010, 2020], [35, 45, 12, 4, 4], 0),
         pick([1000, 1100, 2020, 3021], [60, 32, 6, 2], 0),
         pick([1000, 3065, 1100], [97, 1, 2], 0),
         pick([1210, 1000, 1100], [30, 65, 5], 0),
         np.full(n, 2100)],
        pick([2000, 2050, 2020], [50, 25, 25], 0))
    roof = np.select(
        [kind == K["altstadt"], kind == K["gruenderzeit"], (kind == K["suburb"]) | (kind == K["rows"]),
         kind == K["village"], kind == K["industrie"]],
        [pick([3100, 3400, 3200, 1000], [70, 10, 8, 12], 1),
         pick([3100, 3400, 3200, 1000], [35, 25, 20, 20], 1),
         pick([3100, 3200, 3300, 1000, 2100], [55, 25, 7, 10, 3], 1),
         pick([3100, 3300, 3200], [60, 25, 15], 1),
         pick([1000, 3800, 2100, 3900], [75, 12, 8, 5], 1)],
        pick([1000, 2100], [85, 15], 1))
    storeys = np.select(
        [kind == K["altstadt"], kind == K["gruenderzeit"], (kind == K["suburb"]) | (kind == K["rows"]),
         kind == K["village"], kind == K["industrie"]],
        [pick([2, 3, 4, 5], [10, 40, 35, 15], 2), pick([3, 4, 5], [30, 50, 20], 2),
         pick([1, 2], [40, 60], 2), pick([1, 2], [55, 45], 2), pick([1, 2], [70, 30], 2)],
        pick([2, 3, 4], [50, 35, 15], 2)).astype(float)
    storey_h = np.select([kind == K["gruenderzeit"], kind == K["altstadt"], kind == K["industrie"]],
                         [3.5, 3.2, 5.5], 2.9) * (0.95 + 0.1 * u[:, 3])
    for r, f, rf, st in ((B.GARAGE, 2463, pick([1000, 2100], [80, 20], 1), 1.0),
                         (B.BARN, 2720, pick([3100, 3300], [70, 30], 1), 1.0),
                         (B.CHURCH, 3041, np.full(n, 3100), 1.0)):
        m = role == r
        func[m], roof[m], storeys[m] = f, rf[m], st
    storey_h[role == B.GARAGE] = 2.6
    storey_h[role == B.BARN] = 5.0
    eaves = storeys * storey_h + 0.3
    eaves[role == B.CHURCH] = 14 + 5 * u[role == B.CHURCH, 3]
    # roof height from the pitch over the shorter side of the footprint's bounding rectangle
    mrr = shapely.get_coordinates(shapely.minimum_rotated_rectangle(fp.geom)).reshape(n, 5, 2)
    span = np.minimum(np.hypot(*(mrr[:, 1] - mrr[:, 0]).T), np.hypot(*(mrr[:, 2] - mrr[:, 1]).T))
    pitch = np.radians(np.where(kind == K["suburb"], 30 + 15 * u[:, 4], 38 + 14 * u[:, 4]))
    roof_h = np.select([roof == 1000, roof == 2100, roof == 3800, roof == 3900],
                       [0.0, np.tan(pitch / 2) * span * 0.5, 3.0, 0.12 * span],
                       np.tan(pitch) * np.minimum(span, 16) / 2)
    roof_h[role == B.CHURCH] += 12.0
    ridge = eaves + roof_h
    flat = roof_h == 0
    return {
        "gebaeudefunktion": func.astype(np.int32),
        "anzahlDerOberirdischenGeschosse": storeys.astype(np.int32),
        "dachform": roof.astype(np.int32),
        "hoehe": np.round(np.where(flat, eaves + 0.4, ridge), 2),
        "firsthoehe": np.where(flat, np.nan, np.round(ridge, 2)),
        "traufhoehe": np.round(eaves, 2),
    }


def _addresses(fp: B.Footprints, layout: Layout) -> tuple[np.ndarray, np.ndarray]:
    """Street of the nearest street line in front of each building; numbers along each street, odd on
    the left and even on the right (seen in the street's drawing direction). Garages and barns: none."""
    n = len(fp.geom)
    part_geom = np.array([shapely.linestrings(shapely.get_coordinates(g)) for _, _, _, g in layout.streets],
                         dtype=object)
    names = sorted({s[0] for s in layout.streets})
    name_idx = {nm: k for k, nm in enumerate(names)}
    part_name = np.array([name_idx[s[0]] for s in layout.streets])
    lines = np.array([shapely.multilinestrings(part_geom[part_name == k]) for k in range(len(names))],
                     dtype=object)
    pts = shapely.points(fp.front)
    tree = shapely.STRtree(part_geom)
    qi, pi = tree.query_nearest(pts, max_distance=40.0, all_matches=False)
    street = np.full(n, None, dtype=object)
    number = np.full(n, None, dtype=object)
    has = (fp.role[qi] != B.GARAGE) & (fp.role[qi] != B.BARN)
    qi, pi = qi[has], pi[has]
    li = part_name[pi]
    along = shapely.line_locate_point(lines[li], pts[qi])  # order along the whole street
    # side: left or right of the street part the building faces, seen in its drawing direction
    part = part_geom[pi]
    s = np.clip(shapely.line_locate_point(part, pts[qi]), 0.5, np.maximum(shapely.length(part) - 0.5, 0.5))
    p_ahead = shapely.get_coordinates(shapely.line_interpolate_point(part, s + 0.5))
    p_back = shapely.get_coordinates(shapely.line_interpolate_point(part, s - 0.5))
    tang = p_ahead - p_back
    rel = fp.front[qi] - p_back
    left = (tang[:, 0] * rel[:, 1] - tang[:, 1] * rel[:, 0]) > 0
    order = np.lexsort((along, left, li))
    li_s, left_s = li[order], left[order]
    grp = np.r_[True, (li_s[1:] != li_s[:-1]) | (left_s[1:] != left_s[:-1])]
    start = np.maximum.accumulate(np.where(grp, np.arange(len(grp)), 0))
    rank = np.arange(len(grp)) - start
    num = np.where(left_s, 2 * rank + 1, 2 * rank + 2)
    street[qi[order]] = np.array(names, dtype=object)[li_s]
    number[qi[order]] = num.astype(str).astype(object)
    return street, number


def generate_town(n: int, out: Path, seed: int = 1) -> Path:
    """Write the first ``n`` buildings of the town and its streets, blocks, water, green and addresses."""
    import geopandas as gpd

    town = build_town(seed)
    total = len(town.geom)
    if n < 0 or n > total:
        raise TownError(f"the demo town has {total} buildings; cannot write {n}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    crs = "EPSG:25832"
    a = town.attrs
    write_buildings(town, n, out)
    has = np.array([s is not None for s in a["strasse"][:n]], dtype=bool)
    gpd.GeoDataFrame({"strasse": a["strasse"][:n][has], "hausnummer": a["hausnummer"][:n][has],
                      "oid": a["oid"][:n][has]},
                     geometry=gpd.GeoSeries(shapely.points(town.front[:n][has]), crs=crs)).to_file(
        out, layer="adressen", driver="GPKG", engine="pyogrio")
    write_basemap_layers(town.layout, out)
    LOGGER.info("demo town: %d of %d buildings written to %s", n, total, out)
    return out


def write_buildings(town: Town, n: int, out: Path, layer: str = "gebaeude") -> None:
    """The first ``n`` buildings as layer ``gebaeude`` in the schema of :mod:`.buildings` (geometry type
    GEOMETRY like the ALKIS export, which mixes Polygon and MultiPolygon)."""
    import geopandas as gpd
    import pandas as pd

    a = town.attrs
    df = pd.DataFrame({
        "oid": a["oid"][:n],
        "gebaeudefunktion": a["gebaeudefunktion"][:n],
        "anzahlDerOberirdischenGeschosse": pd.array(a["anzahlDerOberirdischenGeschosse"][:n], dtype="Int32"),
        "dachform": pd.array(a["dachform"][:n], dtype="Int32"),
        "hoehe": a["hoehe"][:n], "firsthoehe": a["firsthoehe"][:n], "traufhoehe": a["traufhoehe"][:n],
        "strasse": a["strasse"][:n], "hausnummer": a["hausnummer"][:n]})
    gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(town.geom[:n], crs="EPSG:25832")).to_file(
        out, layer=layer, driver="GPKG", engine="pyogrio", promote_to_multi=False, geometry_type="Unknown")


def write_basemap_layers(layout: Layout, out: Path, *, surfaces: bool = True) -> None:
    """The base-map layers (streets, street surfaces, blocks, water, green) into ``out``."""
    import geopandas as gpd

    crs = "EPSG:25832"
    st = layout.streets
    streets = gpd.GeoDataFrame({"name": [s[0] for s in st], "class": [s[1] for s in st],
                                "width_m": [s[2] for s in st]},
                               geometry=gpd.GeoSeries([s[3] for s in st], crs=crs))
    streets.to_file(out, layer="strassen", driver="GPKG", engine="pyogrio")
    if surfaces:
        surf = shapely.buffer(np.array([s[3] for s in st], dtype=object), np.array([s[2] / 2 for s in st]),
                              cap_style="flat")
        surf = shapely.intersection(surf, shapely.box(*P.EXTENT))
        gpd.GeoDataFrame(streets.drop(columns="geometry"), geometry=gpd.GeoSeries(surf, crs=crs)).to_file(
            out, layer="strassenflaechen", driver="GPKG", engine="pyogrio")
    gpd.GeoDataFrame({"use": layout.block_use, "district": layout.block_district,
                      "former_industrial": layout.block_brache.astype(bool)},
                     geometry=gpd.GeoSeries(layout.blocks, crs=crs)).to_file(
        out, layer="bloecke", driver="GPKG", engine="pyogrio", promote_to_multi=True)
    gpd.GeoDataFrame({"name": [w[0] for w in layout.water]},
                     geometry=gpd.GeoSeries([w[1] for w in layout.water], crs=crs)).to_file(
        out, layer="gewaesser", driver="GPKG", engine="pyogrio", promote_to_multi=True)
    gpd.GeoDataFrame({"name": [g[0] for g in layout.green], "kind": [g[1] for g in layout.green]},
                     geometry=gpd.GeoSeries([g[2] for g in layout.green], crs=crs)).to_file(
        out, layer="gruen", driver="GPKG", engine="pyogrio", promote_to_multi=True)
