"""LoD2 CityGML (AdV profile, CityGML 1.0 and 2.0) read *as it is*: the Roof-, Wall- and GroundSurfaces of
every building and BuildingPart, for the city model (tiles without roof reconstruction) and INSPIRE BU core3D.

The attributes and the 2D footprint of each object come from ``citygml.parse_building`` (the same records the
``citygml`` reader yields: one per building, one per ``bldg:BuildingPart``, parts keep their own heights and
ground). This module adds the object's *own* LoD2 surfaces (``bldg:boundedBy/*Surface/bldg:lod2MultiSurface``;
surfaces without semantics in ``bldg:lod2Solid``/``bldg:lod2MultiSurface`` are classified by their normal:
vertical = wall, the lowest horizontal = ground, the rest = roof) as one compact :class:`Surfaces` value per
record: coordinates as one float64 array and offsets, absolute heights (NHN/DHHN) unchanged.

The file is streamed with lxml ``iterparse`` (no DTD, no entities, no network; ``safety.check_xml_file``
first) one ``bldg:Building`` at a time; each building is cleared after use and the siblings parsed before it
are dropped, so memory holds the result arrays and one building, not the XML tree.

Broken geometry never stops the file: a polygon whose ring has fewer than 3 distinct points, odd or
non-numeric coordinates is left out with a warning naming the file and the ``gml:id`` (of the polygon, else
its surface, else its building). A file with an srsName this project cannot read stops with a
``SourceError`` naming the file and the value (declare the CRS instead).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from lxml import etree

from core.crs import CrsNameError, parse_crs, srs_name_of
from core.errors import SourceError

from ..safety import check_xml_file
from .citygml import BLDG_NS, GML_NS, _file_crs, _gml_id, _local, parse_building

LOGGER = logging.getLogger(__name__)
ROOF, WALL, GROUND = 0, 1, 2
KIND_NAMES = ("roof", "wall", "ground")
# thematic surfaces of the building module (1.0 and 2.0) -> roof/wall/ground
SURFACE_KIND = {"RoofSurface": ROOF, "OuterCeilingSurface": ROOF, "WallSurface": WALL, "ClosureSurface": WALL,
                "GroundSurface": GROUND, "OuterFloorSurface": GROUND}
VERTICAL_NZ = 0.1      # |unit normal z| below this: a wall
HORIZONTAL_TOL = 0.05  # m


@dataclass
class Surfaces:
    """The LoD2 polygons of one building (part): ``xyz`` (N x 3, absolute), ``ring_start`` (R + 1 offsets into
    ``xyz``; rings without the closing point), ``poly_start`` (P + 1 offsets into the rings; the first ring of a
    polygon is its exterior), ``kind`` (P, ROOF/WALL/GROUND) and ``ids`` (P gml:ids for messages)."""

    xyz: np.ndarray
    ring_start: np.ndarray
    poly_start: np.ndarray
    kind: np.ndarray
    ids: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.kind)

    def count(self, kind: int) -> int:
        return int((self.kind == kind).sum())

    def polygons(self, kinds: tuple[int, ...] = (ROOF, WALL, GROUND)):
        """(kind, gml:id, [exterior, *interiors]) per polygon of the given kinds."""
        for p in range(len(self.kind)):
            if int(self.kind[p]) in kinds:
                rings = [self.xyz[self.ring_start[r]:self.ring_start[r + 1]]
                         for r in range(self.poly_start[p], self.poly_start[p + 1])]
                yield int(self.kind[p]), self.ids[p], rings

    def zmax(self) -> float:
        return float(self.xyz[:, 2].max()) if len(self.xyz) else float("nan")

    def zmin(self) -> float:
        return float(self.xyz[:, 2].min()) if len(self.xyz) else float("nan")


class _Collect:
    """Accumulates the polygons of one object and the warnings about the ones left out."""

    def __init__(self, file: str, owner: str, warnings: list[str]):
        self.file, self.owner, self.warnings = file, owner, warnings
        self.rings: list[np.ndarray] = []
        self.poly_rings: list[int] = []
        self.kinds: list[int] = []
        self.ids: list[str] = []

    def warn(self, gid: str, msg: str) -> None:
        text = f"{self.file}: gml:id {gid or self.owner}: {msg}"
        self.warnings.append(text)
        LOGGER.warning(text)

    def ring(self, lr: etree._Element, gid: str) -> np.ndarray | None:
        vals: list[str] = []
        dim = 3
        for el in lr:
            if not isinstance(el.tag, str):
                continue
            name = _local(el.tag)
            if name == "posList":
                dim = int(el.get("srsDimension") or lr.get("srsDimension") or 3)
                vals.extend((el.text or "").split())
            elif name == "pos":
                vals.extend((el.text or "").split())
        if dim != 3:
            self.warn(gid, f"polygon left out: coordinates are {dim}D, LoD2 needs 3D")
            return None
        try:
            arr = np.array(vals, dtype=float)
        except ValueError:
            self.warn(gid, "polygon left out: a coordinate is not a number")
            return None
        if len(arr) % 3:
            self.warn(gid, f"polygon left out: {len(arr)} numbers are not x y z triples")
            return None
        pts = arr.reshape(-1, 3)
        if len(pts) > 1 and pts[0].tolist() == pts[-1].tolist():
            pts = pts[:-1]
        # drop consecutive duplicates (1 mm), then count what is left (few numpy calls: rings are many)
        if len(pts) > 1:
            moved = np.abs(pts[1:] - pts[:-1]).max(axis=1) > 1e-3
            if not moved.all():
                pts = pts[np.concatenate(([True], moved))]
        if len(pts) < 3:
            self.warn(gid, f"polygon left out: ring has {len(pts)} distinct points (at least 3 needed)")
            return None
        return pts

    def polygon(self, poly: etree._Element, kind: int | None, surface_id: str) -> None:
        gid = _gml_id(poly) or surface_id
        rings: list[np.ndarray] = []
        for bound in poly:
            if not isinstance(bound.tag, str) or _local(bound.tag) not in ("exterior", "interior"):
                continue
            lr = next((c for c in bound if isinstance(c.tag, str) and _local(c.tag) == "LinearRing"), None)
            if lr is None:
                continue
            r = self.ring(lr, gid)
            if _local(bound.tag) == "exterior":
                if r is None:
                    return
                rings.insert(0, r)
            elif r is not None and rings:
                rings.append(r)
        if not rings:
            return
        if kind is None:
            kind = _classify(rings[0])
        self.rings += rings
        self.poly_rings.append(len(rings))
        self.kinds.append(kind)
        self.ids.append(gid)

    def result(self) -> Surfaces | None:
        if not self.rings:
            return None
        xyz = np.concatenate(self.rings)
        ring_start = np.r_[0, np.cumsum([len(r) for r in self.rings])].astype(np.int64)
        poly_start = np.r_[0, np.cumsum(self.poly_rings)].astype(np.int64)
        kind = np.array(self.kinds, dtype=np.uint8)
        return Surfaces(xyz, ring_start, poly_start, kind, self.ids)


def newell(ring: np.ndarray) -> np.ndarray:
    """Newell's normal of a ring (n x 3, not closed): robust for non-planar and concave rings."""
    c = ring - ring.mean(axis=0)
    nxt = np.roll(c, -1, axis=0)
    return np.array([np.sum((c[:, 1] - nxt[:, 1]) * (c[:, 2] + nxt[:, 2])),
                     np.sum((c[:, 2] - nxt[:, 2]) * (c[:, 0] + nxt[:, 0])),
                     np.sum((c[:, 0] - nxt[:, 0]) * (c[:, 1] + nxt[:, 1]))])


def _classify(ring: np.ndarray) -> int:
    n = newell(ring)
    ln = float(np.linalg.norm(n))
    if ln == 0 or abs(n[2]) / ln < VERTICAL_NZ:
        return WALL
    return GROUND if n[2] < 0 else ROOF   # outward normal pointing down: a floor/ground face


def object_surfaces(obj: etree._Element, file: str, warnings: list[str]) -> Surfaces | None:
    """The LoD2 polygons of this building (part) itself, not of its parts."""
    owner = _gml_id(obj)
    col = _Collect(file, owner, warnings)
    gml_polygon = tuple(f"{{{ns}}}Polygon" for ns in GML_NS)
    for prop in obj:
        if not isinstance(prop.tag, str):
            continue
        name = _local(prop.tag)
        if name in ("boundedBy", "boundary"):   # thematic surfaces: 1.0/2.0 bldg:boundedBy, 3.0 core:boundary
            for surf in prop:
                if not isinstance(surf.tag, str):
                    continue
                kind = SURFACE_KIND.get(_local(surf.tag))
                if kind is None:
                    continue
                sid = _gml_id(surf)
                for g in surf:
                    if isinstance(g.tag, str) and _local(g.tag).startswith("lod2"):
                        for poly in g.iter(*gml_polygon):
                            col.polygon(poly, kind, sid)
        elif name in ("lod2Solid", "lod2MultiSurface"):
            for poly in prop.iter(*gml_polygon):
                col.polygon(poly, None, owner)
    return col.result()


def parse_lod2_building(b: etree._Element, file: str, warnings: list[str],
                        surfaces: bool = True) -> list[tuple[dict, object, Surfaces | None]]:
    """``parse_building``'s records (building first, then its parts) with each object's own LoD2 surfaces."""
    recs = parse_building(b)
    objs = [b, *b.iter(*(f"{{{ns}}}BuildingPart" for ns in BLDG_NS))]
    out = []
    for (rec, geom), obj in zip(recs, objs, strict=True):
        surf = object_surfaces(obj, file, warnings) if surfaces else None
        if geom is None and surf is not None:
            # no horizontal ground face: the footprint is the union of the roofs seen from above
            polys = [shapely.Polygon(r[0][:, :2]) for k, _, r in surf.polygons((ROOF,))]
            polys = [p if p.is_valid else shapely.make_valid(p) for p in polys if p.area > 0.01]
            geom = shapely.union_all(polys) if polys else None
            rec["own_body"] = geom is not None
            if not np.isfinite(rec["ground_height"]):
                rec["ground_height"] = surf.zmin()
        out.append((rec, geom, surf))
    return out


def _function_code(raw: str) -> float:
    s = (raw or "").strip().rpartition("_")[2]
    try:
        return float(int(float(s)))
    except ValueError:
        return float("nan")


def _num(v) -> float:
    try:
        return float(v) if v not in (None, "") else float("nan")
    except (TypeError, ValueError):
        return float("nan")


def read_lod2(path: Path, crs: str | None = None, warnings: list[str] | None = None, *,
              surfaces: bool = True) -> gpd.GeoDataFrame:
    """One LoD2 CityGML file as the city model's contract columns (``citymodel.source.CONTRACT`` plus
    ``part_of``, ``own_body``) with the 2D footprint as geometry and a ``lod2`` column of :class:`Surfaces`
    (None where an object has no LoD2 geometry: the city model falls back to the footprint method).
    Reprojected to EPSG:25832 (the city model's CRS) where the file is in another CRS (e.g. EPSG:25833).
    ``warnings`` (a list) collects the messages about polygons left out; ``surfaces=False`` reads footprints
    and attributes only (the footprint method on the same file, for comparison)."""
    path = Path(path)
    check_xml_file(path)
    crs = crs or _file_crs(path)
    warns = warnings if warnings is not None else []
    tags = tuple(f"{{{ns}}}Building" for ns in BLDG_NS)
    ctx = etree.iterparse(str(path), events=("end",), tag=tags, resolve_entities=False, no_network=True,
                          load_dtd=False, huge_tree=True, remove_comments=True)
    rows: list[dict] = []
    geoms: list = []
    surfs: list[Surfaces | None] = []
    n = 0
    try:
        for _, el in ctx:
            parent = el.getparent()
            if parent is not None and _local(parent.tag) not in ("cityObjectMember", "featureMember", "member"):
                continue
            n += 1
            for rec, geom, surf in parse_lod2_building(el, path.name, warns, surfaces):
                rows.append({"key": rec["gml_id"], "function": rec["function"],
                             "function_code": _function_code(rec["function"]),
                             "storeys": _num(rec["storeys_above_ground"]), "height_m": rec["measured_height"],
                             "roof_form": _num(rec["roof_type"]), "ridge_height_m": rec["ridge_height"],
                             "eaves_height_m": rec["eaves_height"], "ground_height_m": rec["ground_height"],
                             "address": rec["address"], "part_of": rec["part_of"], "own_body": rec["own_body"]})
                geoms.append(geom)
                surfs.append(surf)
            el.clear(keep_tail=True)
            member = el.getparent()
            while member is not None and member.getprevious() is not None:
                del member.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"XML is not well-formed ({exc.msg}); truncated or corrupt file?", file=str(path),
                          record=f"building {n + 1}") from None
    if n == 0:
        raise SourceError("file holds no bldg:Building (CityGML 1.0/2.0 building module expected)", file=str(path))
    gdf = gpd.GeoDataFrame(pd.DataFrame(rows), geometry=gpd.GeoSeries(geoms), crs=crs)
    gdf["lod2"] = pd.Series(surfs, dtype=object, index=gdf.index)
    missing = gdf.geometry.isna()
    if missing.any():
        for k in gdf.loc[missing, "key"]:
            warns.append(f"{path.name}: gml:id {k}: no footprint and no LoD2 roof: left out")
        gdf = gdf[~missing]
    if gdf.crs is not None and gdf.crs.to_epsg() != 25832:
        gdf = _to_25832(gdf)
    return gdf


def _to_25832(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    from pyproj import Transformer
    t = Transformer.from_crs(gdf.crs, 25832, always_xy=True)
    out = gdf.to_crs(25832)
    moved: list[Surfaces | None] = []
    for s in out["lod2"]:
        if s is None:
            moved.append(None)
            continue
        x, y = t.transform(s.xyz[:, 0], s.xyz[:, 1])
        moved.append(Surfaces(np.column_stack([x, y, s.xyz[:, 2]]), s.ring_start, s.poly_start, s.kind, s.ids))
    out["lod2"] = pd.Series(moved, dtype=object, index=out.index)
    return out


def file_vertical(path: Path) -> str | None:
    """The height system of the file's first srsName (``EPSG:7837`` for ``*DE_DHHN2016_NH``), if it names one."""
    with open(path, "rb") as fh:
        name = srs_name_of(fh.read(1 << 16))
    try:
        return parse_crs(name).vertical if name else None
    except CrsNameError:
        return None


def is_lod2_file(path: Path) -> bool:
    """A CityGML file (by suffix) the city model reads with this module instead of OGR."""
    return Path(path).suffix.lower() in (".gml", ".xml", ".citygml")
