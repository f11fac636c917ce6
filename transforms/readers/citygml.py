"""Reader for LGLN/AdV CityGML 1.0/2.0 LoD1 building models (Niedersachsen "3D-Gebäudemodelle").

GDAL reads these files, but not their compound srsName (``urn:ogc:def:crs,crs:EPSG:6.12:25832,...``) and
not the structure a footprint needs (building + BuildingParts, one polygon per face). So this reader
streams the XML itself with lxml ``iterparse`` (no DTD, no entities, no network — the file is first
checked by ``safety.check_xml_file``), one ``bldg:Building`` at a time:

* footprint = the lowest horizontal face of the building and of each BuildingPart, unioned (2D);
* ``measured_height`` = ``bldg:measuredHeight`` (the building's own, else the highest part's);
* ``ground_height`` = ``AbsoluteHoehe`` (absolute, DHHN), ``ridge_height``/``eaves_height`` =
  ``Firsthoehe``/``MittlereTraufHoehe`` minus the ground height (so relative to ground, like ALKIS);
* ``function`` keeps the AdV code as given (``31001_2000``); the mapper splits it.

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
BLDG_NS = ("http://www.opengis.net/citygml/building/1.0", "http://www.opengis.net/citygml/building/2.0")
XAL = "urn:oasis:names:tc:ciq:xsdschema:xAL:2.0"
HORIZONTAL_TOL = 0.05  # m: a face whose z varies less than this is horizontal
COLUMNS = ("gml_id", "function", "roof_type", "measured_height", "storeys_above_ground", "ground_height",
           "ridge_height", "eaves_height", "address", "creation_date")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _float(text: str | None) -> float:
    try:
        return float(text) if text is not None and text.strip() else float("nan")
    except ValueError:
        return float("nan")


def _faces(solid: etree._Element) -> list[np.ndarray]:
    """Exterior rings (n x 3) of the polygons directly belonging to this solid (not to its parts)."""
    rings = []
    for geomprop in solid:
        name = _local(geomprop.tag) if isinstance(geomprop.tag, str) else ""
        if not name.startswith("lod1"):
            continue
        for pl in geomprop.iter(*(f"{{{ns}}}posList" for ns in GML_NS)):
            parent = pl.getparent()
            if parent is None or _local(parent.getparent().tag) != "exterior":
                continue
            dim = int(pl.get("srsDimension") or 3)
            vals = np.array(pl.text.split(), dtype=float)
            if dim != 3 or len(vals) % 3 or len(vals) < 12:
                continue
            rings.append(vals.reshape(-1, 3))
    return rings


def _footprint(rings: list[np.ndarray]) -> shapely.Geometry | None:
    """The lowest horizontal face(s) of one solid, as a 2D polygon."""
    flat = [r for r in rings if np.ptp(r[:, 2]) <= HORIZONTAL_TOL]
    if not flat:
        return None
    zmin = min(float(r[:, 2].mean()) for r in flat)
    low = [shapely.Polygon(r[:, :2]) for r in flat if float(r[:, 2].mean()) - zmin <= HORIZONTAL_TOL]
    return shapely.union_all([p if p.is_valid else shapely.make_valid(p) for p in low])


def _attrs(el: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for child in el:
        if not isinstance(child.tag, str):
            continue
        name = _local(child.tag)
        if name == "stringAttribute" or name in ("doubleAttribute", "intAttribute"):
            v = next((c.text for c in child if isinstance(c.tag, str) and _local(c.tag) == "value"), None)
            out[child.get("name", "")] = (v or "").strip()
        elif name in ("function", "roofType", "measuredHeight", "storeysAboveGround", "creationDate"):
            out.setdefault(name, (child.text or "").strip())
    return out


def _address(el: etree._Element) -> str | None:
    for addr in el.iter(f"{{{XAL}}}AddressDetails"):
        street = next((t.text for t in addr.iter(f"{{{XAL}}}ThoroughfareName")), None)
        number = next((t.text for t in addr.iter(f"{{{XAL}}}ThoroughfareNumber")), None)
        town = next((t.text for t in addr.iter(f"{{{XAL}}}LocalityName")), None)
        first = " ".join(p for p in (street, number) if p)
        text = ", ".join(p for p in (first, town) if p)
        return text or None
    return None


def parse_building(b: etree._Element) -> tuple[dict, shapely.Geometry | None]:
    gid = b.get(f"{{{GML_NS[0]}}}id") or b.get(f"{{{GML_NS[1]}}}id") or ""
    a = _attrs(b)
    prints = [_footprint(_faces(b))]
    heights = [_float(a.get("measuredHeight"))]
    part_attrs = []
    for part in b.iter(*(f"{{{ns}}}BuildingPart" for ns in BLDG_NS)):
        pa = _attrs(part)
        part_attrs.append(pa)
        prints.append(_footprint(_faces(part)))
        heights.append(_float(pa.get("measuredHeight")))
    geoms = [g for g in prints if g is not None and not g.is_empty]
    geom = shapely.union_all(geoms) if geoms else None

    def pick(name: str) -> str:
        return a.get(name) or next((p[name] for p in part_attrs if p.get(name)), "")

    ground = _float(pick("AbsoluteHoehe"))
    own = heights[0]
    height = own if not np.isnan(own) else (np.nanmax(heights) if not np.all(np.isnan(heights)) else np.nan)
    rec = {
        "gml_id": gid, "function": pick("function"), "roof_type": pick("roofType"),
        "measured_height": height, "storeys_above_ground": pick("storeysAboveGround"),
        "ground_height": ground,
        "ridge_height": _float(pick("Firsthoehe")) - ground,
        "eaves_height": _float(pick("MittlereTraufHoehe")) - ground,
        "address": _address(b), "creation_date": a.get("creationDate") or None,
    }
    return rec, geom


class CityGmlOptions(Options):
    """Options of the ``citygml`` reader (the CRS comes from ``crs`` on the source, else the file's srsName)."""

    max_bytes: PositiveInt | None = Field(default=None, description="size limit of this file in bytes; "
                                          "default: `limits.max_source_bytes` of gdi.yml")


class CityGmlReader(Reader):
    """LGLN/AdV CityGML 1.0/2.0 LoD1 building models: footprint, heights, function per building."""

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
            rec, geom = parse_building(el)
            rec["_row"] = f"building {n} ({rec['gml_id']})"
            rec["_issues"] = [] if geom is not None else ["rejected: no horizontal ground face in the LoD1 geometry"]
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
