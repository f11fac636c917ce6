"""Reader for LGLN/AdV CityGML 1.0/2.0 building models (Niedersachsen "3D-Gebäudemodelle", LoD1/LoD2), and for
the building module of CityGML 3.0 (``core:boundary``, ``con:height``, xAL 3).

GDAL reads these files, but not their compound srsName (``urn:ogc:def:crs,crs:EPSG:6.12:25832,...``) and
not the structure a footprint needs (building + BuildingParts, one polygon per face). So this reader
streams the XML itself with lxml ``iterparse`` (no DTD, no entities, no network — the file is first
checked by ``safety.check_xml_file``), one ``bldg:Building`` at a time, and yields **one record per
building and one per ``bldg:BuildingPart``** (issue 14: parts of different heights must not be
flattened into one block):

* footprint = the lowest horizontal face of the object's *own* geometry (LoD1 solid/multi-surface, else the
  LoD2 surfaces incl. ``bldg:boundedBy`` ground surfaces, else the LoD0 footprint), 2D. A building whose
  only geometry is in its parts gets the union of their footprints and ``own_body`` false (the city model
  draws the parts; INSPIRE needs a building geometry). LGLN buildings have a body of their own beside their
  parts: that body is the building's record, the parts are records of their own;
* ``part_of`` = the ``gml:id`` of the building a part belongs to (nested parts: the top building), else null;
* ``measured_height`` = the object's ``bldg:measuredHeight``, else the z-range of its LoD1/LoD2 geometry;
* ``ground_height`` = the lowest z of that ground face (absolute, in the file's height system: DHHN, NHN),
  else the AdV generic attribute ``AbsoluteHoehe`` (``HoeheGrund``); a part without either takes its
  building's. ``ridge_height``/``eaves_height`` = ``Firsthoehe``/``MittlereTraufHoehe`` minus that
  ground height (so relative to ground, like ALKIS);
* ``function`` keeps the AdV code as given (``31001_2000``; a part without one takes its building's, as
  do address and creation date); roof type and storeys are the object's own (a low annex does not have
  the storeys of its main building).

The CRS is the source's ``crs`` if declared, else the file's first srsName read by ``core.crs`` (CityGML
compounds and AdV URNs).
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from lxml import etree
from pydantic import Field, PositiveInt

from core.config import Dataset, Settings, Source
from core.crs import CrsNameError, parse_crs, srs_name_of
from core.errors import SourceError
from core.plugins import Options, Reader

from ..safety import check_size, check_xml_file

LOGGER = logging.getLogger(__name__)
CHUNK = 20_000
GML_NS = ("http://www.opengis.net/gml", "http://www.opengis.net/gml/3.2")
BLDG_NS = ("http://www.opengis.net/citygml/building/1.0", "http://www.opengis.net/citygml/building/2.0",
           "http://www.opengis.net/citygml/building/3.0")
XAL = "urn:oasis:names:tc:ciq:xsdschema:xAL:2.0"
XAL3 = "urn:oasis:names:tc:ciq:xal:3"   # CityGML 3.0 addresses
# CityGML 3.0 con:Height references that give the building's height over the ground (measuredHeight of 1.0/2.0)
HEIGHT_TOPS = ("highestRoofEdge", "topOfConstruction", "generalRoof")
HORIZONTAL_TOL = 0.05  # m: a face whose z varies less than this is horizontal
COLUMNS = ("gml_id", "part_of", "own_body", "function", "roof_type", "measured_height", "storeys_above_ground",
           "ground_height", "ridge_height", "eaves_height", "address", "creation_date")
GROUND_ATTRS = ("AbsoluteHoehe", "HoeheGrund")  # AdV generic attributes of the ground height (LGLN, other states)
# geometry properties of a building (part) by level of detail, in the order the footprint is taken from
# (thematic surfaces: bldg:boundedBy in CityGML 1.0/2.0, core:boundary in 3.0)
LOD_PROPS = (("lod1",), ("lod2", "boundedBy", "boundary"), ("lod0",))
SURFACES_PROPS = ("boundedBy", "boundary")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _float(text: str | None) -> float:
    try:
        return float(text) if text is not None and text.strip() else float("nan")
    except ValueError:
        return float("nan")


def _ring(ring: etree._Element) -> np.ndarray | None:
    """The (n x 3) coordinates of a gml:LinearRing (posList or pos sequence); None if not 3D or too short."""
    vals: list[str] = []
    for el in ring:
        if not isinstance(el.tag, str):
            continue
        name = _local(el.tag)
        if name == "posList":
            if int(el.get("srsDimension") or 3) != 3:
                return None
            vals.extend((el.text or "").split())
        elif name == "pos":
            vals.extend((el.text or "").split())
    try:
        arr = np.array(vals, dtype=float)
    except ValueError:
        return None
    if len(arr) % 3 or len(arr) < 12:
        return None
    return arr.reshape(-1, 3)


def _polygons(prop: etree._Element) -> list[list[np.ndarray]]:
    """Polygons (exterior ring, then interior rings; n x 3 each) under one geometry property."""
    out = []
    for poly in prop.iter(*(f"{{{ns}}}Polygon" for ns in GML_NS)):
        rings: list[np.ndarray] = []
        for bound in poly:
            if not isinstance(bound.tag, str) or _local(bound.tag) not in ("exterior", "interior"):
                continue
            lr = next((c for c in bound if isinstance(c.tag, str) and _local(c.tag) == "LinearRing"), None)
            r = _ring(lr) if lr is not None else None
            if _local(bound.tag) == "exterior":
                if r is None:
                    break
                rings.insert(0, r)
            elif r is not None and rings:
                rings.append(r)
        if rings:
            out.append(rings)
    return out


def _own_geometry(obj: etree._Element) -> tuple[list[list[np.ndarray]], bool]:
    """The polygons of this building (part)'s own geometry — not its parts' — of the first level of detail
    that has any (LoD1, LoD2 incl. thematic surfaces, LoD0), and whether it is a volume (LoD1/LoD2)."""
    for prefixes in LOD_PROPS:
        polys: list[list[np.ndarray]] = []
        for prop in obj:
            if not isinstance(prop.tag, str):
                continue
            name = _local(prop.tag)
            if name in SURFACES_PROPS and name in prefixes:
                # bldg:boundedBy/bldg:GroundSurface|WallSurface|RoofSurface/bldg:lod2MultiSurface (1.0/2.0),
                # core:boundary/con:…Surface/core:lod2MultiSurface (3.0)
                polys += [p for surf in prop for g in surf
                          if isinstance(g.tag, str) and _local(g.tag).startswith("lod2") for p in _polygons(g)]
            elif any(name.startswith(f) for f in prefixes if f not in SURFACES_PROPS):
                polys += _polygons(prop)
        if polys:
            return polys, prefixes[0] != "lod0"
    return [], False


def _footprint(polys: list[list[np.ndarray]]) -> tuple[shapely.Geometry | None, float]:
    """The lowest horizontal face(s) of one object as a 2D polygon, and its z (the ground height)."""
    flat = [p for p in polys if np.ptp(p[0][:, 2]) <= HORIZONTAL_TOL]
    if not flat:
        return None, float("nan")
    zmin = min(float(p[0][:, 2].mean()) for p in flat)
    low = [shapely.Polygon(p[0][:, :2], [r[:, :2] for r in p[1:]]) for p in flat
           if float(p[0][:, 2].mean()) - zmin <= HORIZONTAL_TOL]
    geom = shapely.union_all([g if g.is_valid else shapely.make_valid(g) for g in low])
    z0 = min(float(p[0][:, 2].min()) for p in flat if float(p[0][:, 2].mean()) - zmin <= HORIZONTAL_TOL)
    return geom, z0


def _attrs(el: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for child in el:
        if not isinstance(child.tag, str):
            continue
        name = _local(child.tag)
        if name == "stringAttribute" or name in ("doubleAttribute", "intAttribute"):
            v = next((c.text for c in child if isinstance(c.tag, str) and _local(c.tag) == "value"), None)
            out[child.get("name", "")] = (v or "").strip()
        elif name == "genericAttribute":   # 3.0: gen:StringAttribute|DoubleAttribute|… with gen:name, gen:value
            for attr in child:
                if isinstance(attr.tag, str):
                    parts = {_local(c.tag): (c.text or "").strip() for c in attr if isinstance(c.tag, str)}
                    if parts.get("name"):
                        out[parts["name"]] = parts.get("value", "")
        elif name == "height":   # 3.0: con:height/con:Height (highReference, lowReference, value)
            for h in child:
                if not isinstance(h.tag, str):
                    continue
                parts = {_local(c.tag): (c.text or "").strip() for c in h if isinstance(c.tag, str)}
                if parts.get("highReference") in HEIGHT_TOPS and parts.get("value"):
                    out.setdefault("measuredHeight", parts["value"])
        elif name in ("function", "roofType", "measuredHeight", "storeysAboveGround", "creationDate"):
            out.setdefault(name, (child.text or "").strip())
    return out


def _address(el: etree._Element) -> str | None:
    for addr in el.iter(f"{{{XAL3}}}Address"):   # CityGML 3.0: xAL 3
        th = next(addr.iter(f"{{{XAL3}}}Thoroughfare"), None)
        loc = next(addr.iter(f"{{{XAL3}}}Locality"), None)
        street = next((t.text for t in th.iter(f"{{{XAL3}}}NameElement")), None) if th is not None else None
        number = next((t.text for t in th.iter(f"{{{XAL3}}}Number")), None) if th is not None else None
        town = next((t.text for t in loc.iter(f"{{{XAL3}}}NameElement")), None) if loc is not None else None
        first = " ".join(p.strip() for p in (street, number) if p)
        text = ", ".join(p.strip() for p in (first, town) if p)
        return text or None
    for addr in el.iter(f"{{{XAL}}}AddressDetails"):
        street = next((t.text for t in addr.iter(f"{{{XAL}}}ThoroughfareName")), None)
        number = next((t.text for t in addr.iter(f"{{{XAL}}}ThoroughfareNumber")), None)
        town = next((t.text for t in addr.iter(f"{{{XAL}}}LocalityName")), None)
        first = " ".join(p for p in (street, number) if p)
        text = ", ".join(p for p in (first, town) if p)
        return text or None
    return None


def _gml_id(el: etree._Element) -> str:
    return el.get(f"{{{GML_NS[0]}}}id") or el.get(f"{{{GML_NS[1]}}}id") or ""


def _object(el: etree._Element) -> tuple[dict, shapely.Geometry | None]:
    """One building or building part from its own attributes and geometry (no inheritance yet)."""
    a = _attrs(el)
    polys, volume = _own_geometry(el)
    geom, z0 = _footprint(polys)
    if geom is not None and geom.is_empty:
        geom = None
    ground = z0 if volume and np.isfinite(z0) else np.nan
    if np.isnan(ground):
        ground = next((v for v in (_float(a.get(n)) for n in GROUND_ATTRS) if np.isfinite(v)), np.nan)
    height = _float(a.get("measuredHeight"))
    if np.isnan(height) and volume and geom is not None:
        zmax = max(float(r[:, 2].max()) for p in polys for r in p[:1])
        height = zmax - z0 if zmax - z0 > HORIZONTAL_TOL else np.nan
    rec = {"gml_id": _gml_id(el), "part_of": None, "own_body": geom is not None,
           "function": a.get("function") or "", "roof_type": a.get("roofType") or "",
           "measured_height": height, "storeys_above_ground": a.get("storeysAboveGround") or "",
           "ground_height": ground, "ridge_height": _float(a.get("Firsthoehe")),
           "eaves_height": _float(a.get("MittlereTraufHoehe")), "address": None,
           "creation_date": a.get("creationDate") or None}
    return rec, geom


def parse_building(b: etree._Element) -> list[tuple[dict, shapely.Geometry | None]]:
    """The building and each of its BuildingParts (any depth) as records: the building first.

    ``ridge_height``/``eaves_height`` become relative to the record's ground height; a part takes the
    building's function, address and creation date (and ground height) where it has none of its own."""
    rec, geom = _object(b)
    rec["address"] = _address(b)
    parts = [_object(p) for p in b.iter(*(f"{{{ns}}}BuildingPart" for ns in BLDG_NS))]
    if geom is None and parts:
        pg = [g for _, g in parts if g is not None]
        geom = shapely.union_all(pg) if pg else None
        if np.isnan(rec["ground_height"]):
            grounds = [r["ground_height"] for r, _ in parts if np.isfinite(r["ground_height"])]
            rec["ground_height"] = min(grounds) if grounds else np.nan
    out = [(rec, geom)]
    for prec, pgeom in parts:
        prec["part_of"] = rec["gml_id"]
        for k in ("function", "address", "creation_date"):
            prec[k] = prec[k] or rec[k]
        if np.isnan(prec["ground_height"]):
            prec["ground_height"] = rec["ground_height"]
        out.append((prec, pgeom))
    for r, _ in out:
        r["ridge_height"] -= r["ground_height"]
        r["eaves_height"] -= r["ground_height"]
    return out


class CityGmlOptions(Options):
    """Options of the ``citygml`` reader (the CRS comes from ``crs`` on the source, else the file's srsName)."""

    max_bytes: PositiveInt | None = Field(default=None, description="size limit of this file in bytes; "
                                          "default: `limits.max_source_bytes` of gdi.yml")


class CityGmlReader(Reader):
    """LGLN/AdV CityGML 1.0/2.0 (and 3.0) building models: footprint, heights, function per building and part."""

    Options = CityGmlOptions

    def read(self, path: Path, source: Source, dataset: Dataset, settings: Settings,
             options: CityGmlOptions) -> Iterator[gpd.GeoDataFrame]:
        return _read(path, source, settings, options)


CITYGML_READER = CityGmlReader()
read_citygml = CITYGML_READER  # the callable form: read_citygml(path, source, dataset, settings)


def _read(path: Path, source: Source, settings: Settings, options: CityGmlOptions) -> Iterator[gpd.GeoDataFrame]:
    check_size(path, options.max_bytes or settings.limits.max_source_bytes)
    check_xml_file(path)
    crs = source.crs or _file_crs(path)
    tags = tuple(f"{{{ns}}}Building" for ns in BLDG_NS)
    ctx = etree.iterparse(str(path), events=("end",), tag=tags, resolve_entities=False, no_network=True,
                          load_dtd=False, huge_tree=False, remove_comments=True)
    recs: list[dict] = []
    geoms: list = []
    n = 0
    try:
        for _, el in ctx:
            parent = el.getparent()
            if parent is not None and _local(parent.tag) not in ("cityObjectMember", "featureMember", "member"):
                continue  # a nested Building (should not happen); handled with its parent
            n += 1
            for k, (rec, geom) in enumerate(parse_building(el)):
                gid = rec["gml_id"]
                rec["_row"] = f"building {n} ({gid})" if k == 0 else f"building {n} ({rec['part_of']}) part {k} ({gid})"
                what = "building" if k == 0 else "BuildingPart"
                rec["_issues"] = [] if geom is not None else [
                    f"rejected: no horizontal ground face in the {what}'s LoD1/LoD2/LoD0 geometry"]
                rec["_file"] = path.name
                recs.append(rec)
                geoms.append(geom)
            el.clear(keep_tail=True)
            member = el.getparent()
            while member is not None and member.getprevious() is not None:
                del member.getparent()[0]  # free what was parsed before (memory stays flat)
            if len(recs) >= CHUNK:
                yield _frame(recs, geoms, crs)
                recs, geoms = [], []
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"XML is not well-formed ({exc.msg}); truncated or corrupt file?",
                          file=str(path), record=f"building {n + 1}") from None
    if n == 0:
        raise SourceError("file holds no bldg:Building (CityGML 1.0/2.0 building module expected)", file=str(path))
    if recs:
        yield _frame(recs, geoms, crs)


def _file_crs(path: Path) -> str:
    """The horizontal EPSG code of the file's first srsName (CityGML compounds such as
    ``urn:ogc:def:crs,crs:EPSG:6.12:25832,crs:EPSG:6.12:5783`` and AdV URNs, ``core.crs``)."""
    with open(path, "rb") as fh:
        name = srs_name_of(fh.read(1 << 16))
    if name is None:
        raise SourceError("the file declares no srsName and dataset.yml gives no CRS: declare 'crs' (e.g. "
                          "EPSG:25832) on the source", file=str(path), field="crs")
    try:
        return parse_crs(name).horizontal
    except CrsNameError as exc:
        raise SourceError(f"srsName is not a CRS this reader knows ({exc}); declare 'crs' on the source in "
                          "dataset.yml", file=str(path), field="srsName", value=name) from None


def _frame(recs: list[dict], geoms: list, crs: str) -> gpd.GeoDataFrame:
    gdf = gpd.GeoDataFrame(recs, geometry=gpd.GeoSeries(geoms), crs=crs)
    for c in COLUMNS:
        if c not in gdf:
            gdf[c] = None
    return gdf
