"""LoD2 buildings -> INSPIRE BU ``bu-core3d:Building`` / ``bu-core3d:BuildingPart`` (BU 4.0), besides BU 2D.

Input: the records of ``transforms.readers.citygml_lod2.read_lod2`` (one per building and per
``bldg:BuildingPart``, with the object's own LoD2 surfaces). Each feature carries what the bu-core2d
features of the ``bu_buildings`` mapper carry (inspireId from the gml:id, currentUse/buildingNature from the
ALKIS function, storeys, heightAboveGround = measuredHeight, BuildingParts referenced from their building
through ``bu-base:parts``) plus ``bu-core3d:geometry3DLoD2``: a ``gml:MultiSurface`` of all its Roof-, Wall-
and GroundSurface polygons with their absolute heights as delivered, in the compound CRS
EPSG:25832 + the file's height system (DHHN2016 = EPSG:7837 unless the file says otherwise), its
``verticalGeometryReference3DBottom`` the lowest ground point and its ``horizontalGeometryReference`` the
footprint (AdV LoD2 walls stand on the ALKIS outline). ``geometry2D`` is the 2D footprint, as in BU 2D.

When it is written: a ``bu_buildings`` dataset whose options say ``inspire_profile: core3d`` (docs/citymodel.md,
"INSPIRE BU core3D") gets ``<id>_core3d.gml`` next to its bu-core2d GML; :func:`write_core3d` is the writer
and can be called on any LoD2 file (tests, ``benchmarks/bench_lod2.py``).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from ..encoders.gml import BASE_NS, WFS_XSD
from ..localid import local_ids
from .base import CODELIST, gml_id, xml_escape
from .bu import BAUWERK, BAUWERK_DETAIL, FUNCTIONAL, UNPOPULATED, function_table, split_function

NS = {**BASE_NS,
      "bu-base": "http://inspire.ec.europa.eu/schemas/bu-base/4.0",
      "bu-core3d": "http://inspire.ec.europa.eu/schemas/bu-core3d/4.0",
      "base": "http://inspire.ec.europa.eu/schemas/base/3.3"}
LOCATIONS = {BASE_NS["wfs"]: WFS_XSD,
             NS["bu-core3d"]: "https://inspire.ec.europa.eu/schemas/bu-core3d/4.0/BuildingsCore3D.xsd"}
SRS_2D = "http://www.opengis.net/def/crs/EPSG/0/25832"
FOOTPRINT = f"{CODELIST}/HorizontalGeometryReferenceValue/footPrint"
LOWEST_GROUND = f"{CODELIST}/ElevationReferenceValue/lowestGroundPoint"


def srs_3d(vertical: str | None) -> str:
    """OGC compound CRS URI: ETRS89 / UTM 32N + the height system (``EPSG:7837`` DHHN2016 by default)."""
    v = (vertical or "EPSG:7837").rpartition(":")[2]
    return ("http://www.opengis.net/def/crs-compound?1=http://www.opengis.net/def/crs/EPSG/0/25832"
            f"&amp;2=http://www.opengis.net/def/crs/EPSG/0/{v}")


def _poslist(ring: np.ndarray, dim: int) -> str:
    closed = np.vstack([ring, ring[:1]])
    if dim == 2:
        return " ".join(f"{x:.3f} {y:.3f}" for x, y in closed[:, :2])
    return " ".join(f"{x:.3f} {y:.3f} {z:.3f}" for x, y, z in closed)


def multisurface_3d(surfaces, gid: str, srs: str) -> str:
    """All LoD2 polygons of one object as a 3D gml:MultiSurface."""
    members = []
    for k, (_, _, rings) in enumerate(surfaces.polygons()):
        ext = (f"<gml:exterior><gml:LinearRing><gml:posList>{_poslist(rings[0], 3)}</gml:posList></gml:LinearRing>"
               "</gml:exterior>")
        ints = "".join(f"<gml:interior><gml:LinearRing><gml:posList>{_poslist(r, 3)}</gml:posList></gml:LinearRing>"
                       "</gml:interior>" for r in rings[1:])
        members.append(f'<gml:surfaceMember><gml:Polygon gml:id="{gid}-s{k + 1}">{ext}{ints}</gml:Polygon>'
                       "</gml:surfaceMember>")
    return (f'<gml:MultiSurface gml:id="{gid}-ms" srsName="{srs}" srsDimension="3">{"".join(members)}'
            "</gml:MultiSurface>")


def footprint_2d(geom, gid: str) -> str:
    polys = [geom] if geom.geom_type == "Polygon" else [g for g in getattr(geom, "geoms", [])
                                                         if g.geom_type == "Polygon"]
    members = []
    for k, p in enumerate(polys):
        ext = np.asarray(p.exterior.coords)[:-1]
        ints = "".join(f"<gml:interior><gml:LinearRing><gml:posList>{_poslist(np.asarray(r.coords)[:-1], 2)}"
                       "</gml:posList></gml:LinearRing></gml:interior>" for r in p.interiors)
        members.append(f'<gml:surfaceMember><gml:Polygon gml:id="{gid}-f{k + 1}"><gml:exterior><gml:LinearRing>'
                       f"<gml:posList>{_poslist(ext, 2)}</gml:posList></gml:LinearRing></gml:exterior>{ints}"
                       "</gml:Polygon></gml:surfaceMember>")
    return f'<gml:MultiSurface gml:id="{gid}-g" srsName="{SRS_2D}">{"".join(members)}</gml:MultiSurface>'


def _use(raw: str) -> tuple[str, str]:
    """(currentUse URI, buildingNature URI) of an AdV function code such as ``31001_3020``."""
    cls, code = split_function(raw) if raw else (None, None)
    if code is None:
        return "", ""
    if cls == 31001:
        _, use, nature = function_table().get(code, ("", "", ""))
    else:
        assert cls is not None
        use, (_, nature) = "", BAUWERK_DETAIL.get((cls, code), BAUWERK.get(cls, ("", "")))
    return (f"{CODELIST}/CurrentUseValue/{use}" if use else "",
            f"{CODELIST}/BuildingNatureValue/{nature}" if nature else "")


def member(rec: dict, namespace: str, begin: str, srs: str, parts: list[str]) -> str:
    lid = str(rec["localId"])
    gid = gml_id("BU3D", lid)
    part_of = rec.get("part_of")
    ftype = "BuildingPart" if isinstance(part_of, str) and part_of else "Building"
    use, nature = _use(str(rec.get("function") or ""))
    h = rec.get("height_m")
    height = ""
    if h is not None and np.isfinite(h):
        height = ("<bu-base:heightAboveGround><bu-base:HeightAboveGround>"
                  f'<bu-base:heightReference xlink:href="{CODELIST}/ElevationReferenceValue/highestPoint"/>'
                  f'<bu-base:lowReference xlink:href="{CODELIST}/ElevationReferenceValue/lowestGroundPoint"/>'
                  f'<bu-base:status xlink:href="{CODELIST}/HeightStatusValue/measured"/>'
                  f'<bu-base:value uom="m">{float(h):g}</bu-base:value>'
                  "</bu-base:HeightAboveGround></bu-base:heightAboveGround>")
    floors = rec.get("storeys")
    refs = "".join(f'<bu-base:parts xlink:href="#{gml_id("BU3D", p)}"/>' for p in parts)
    geom2d = ""
    if rec.get("geometry") is not None:
        geom2d = ("<bu-core3d:geometry2D><bu-base:BuildingGeometry2D><bu-base:geometry>"
                  f"{footprint_2d(rec['geometry'], gid)}</bu-base:geometry>"
                  "<bu-base:referenceGeometry>true</bu-base:referenceGeometry>"
                  f'<bu-base:horizontalGeometryReference xlink:href="{FOOTPRINT}"/>'
                  f'<bu-base:horizontalGeometryEstimatedAccuracy uom="m" xsi:nil="true" nilReason="{UNPOPULATED}"/>'
                  "</bu-base:BuildingGeometry2D></bu-core3d:geometry2D>")
    geom3d = ""
    if rec.get("lod2") is not None:
        geom3d = ("<bu-core3d:geometry3DLoD2><bu-core3d:BuildingGeometry3DLoD2>"
                  f"<bu-core3d:geometryMultiSurface>{multisurface_3d(rec['lod2'], gid, srs)}"
                  "</bu-core3d:geometryMultiSurface>"
                  f'<bu-core3d:verticalGeometryReference3DBottom xlink:href="{LOWEST_GROUND}"/>'
                  f'<bu-core3d:horizontalGeometryEstimatedAccuracy uom="m" xsi:nil="true" nilReason="{UNPOPULATED}"/>'
                  f'<bu-core3d:verticalGeometryEstimatedAccuracy uom="m" xsi:nil="true" nilReason="{UNPOPULATED}"/>'
                  f'<bu-core3d:horizontalGeometryReference xlink:href="{FOOTPRINT}"/>'
                  "</bu-core3d:BuildingGeometry3DLoD2></bu-core3d:geometry3DLoD2>")
    return (f'<wfs:member><bu-core3d:{ftype} gml:id="{gid}">'
            f"<bu-base:beginLifespanVersion>{begin}</bu-base:beginLifespanVersion>"
            f'<bu-base:conditionOfConstruction xlink:href="{FUNCTIONAL}"/>'
            + height
            + f"<bu-base:inspireId><base:Identifier><base:localId>{xml_escape(lid)}</base:localId>"
            f"<base:namespace>{xml_escape(namespace)}</base:namespace></base:Identifier></bu-base:inspireId>"
            + (f'<bu-base:buildingNature xlink:href="{nature}"/>' if nature else "")
            + (f'<bu-base:currentUse><bu-base:CurrentUse><bu-base:currentUse xlink:href="{use}"/>'
               f'<bu-base:percentage xsi:nil="true" nilReason="{UNPOPULATED}"/></bu-base:CurrentUse>'
               "</bu-base:currentUse>" if use else "")
            + (f"<bu-base:numberOfFloorsAboveGround>{int(floors)}</bu-base:numberOfFloorsAboveGround>"
               if floors is not None and np.isfinite(floors) else "")
            + refs + geom2d + geom3d
            + f"</bu-core3d:{ftype}></wfs:member>\n")


def write_core3d(frames: Iterable, path: Path, namespace: str, *, vertical: str | None = None,
                 run_time: datetime | None = None) -> int:
    """Write the LoD2 records (``read_lod2`` frames; a building and its parts in one frame) as a
    ``wfs:FeatureCollection`` of bu-core3d features; returns the number of features. Streamed frame by frame."""
    begin = (run_time or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    srs = srs_3d(vertical)
    xmlns = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
    locs = " ".join(f"{k} {v}" for k, v in LOCATIONS.items())
    n = 0
    tmp = Path(path).with_suffix(".gml.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                 f'<wfs:FeatureCollection {xmlns} timeStamp="{begin}" numberMatched="{" " * 12}" '
                 f'numberReturned="{" " * 12}" xsi:schemaLocation="{locs}">\n')
        for gdf in frames:
            df = pd.DataFrame(gdf).copy()
            df["localId"] = local_ids(df["key"]).to_numpy()
            lid_of = dict(zip(df["key"].astype(str), df["localId"], strict=True))
            parts: dict[str, list[str]] = {}
            for k, p in zip(df["localId"], df["part_of"], strict=True):
                if isinstance(p, str) and p:
                    parts.setdefault(str(lid_of.get(p, p)), []).append(str(k))
            for rec in df.to_dict("records"):
                fh.write(member(rec, namespace, begin, srs, parts.get(str(rec["localId"]), [])))
                n += 1
        fh.write("</wfs:FeatureCollection>\n")
    with open(tmp, "r+b") as fb:   # the counts in their fixed-width slots (xs:nonNegativeInteger collapses blanks)
        head = fb.read(8192)
        for attr in (b'numberMatched="', b'numberReturned="'):
            fb.seek(head.index(attr) + len(attr))
            fb.write(str(n).rjust(12).encode())
    tmp.replace(path)
    return n
