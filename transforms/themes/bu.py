"""Buildings -> INSPIRE BU ``bu-core2d:Building`` (BU 4.0).

Sources: an ALKIS ``AX_Gebaeude`` footprint export (GeoPackage/Shapefile with ``gebaeudefunktion``,
``anzahlDerOberirdischenGeschosse``, ``dachform``, ``hoehe``) or an LGLN CityGML LoD1 model (reader
``citygml``). ALKIS function codes map to INSPIRE ``currentUse`` and, where one fits, ``buildingNature``
(table ``alkis_gebaeudefunktion.csv``; docs/formats.md). Roof form, ridge/eaves/ground heights have no
bu-core2d target and stay in the source view, which is the contract the city model builds 3D tiles from:

``key, function_code, function_label, storeys, height_m, height_status, roof_form, ridge_height_m,
eaves_height_m, ground_height_m, address`` + 2D footprint (EPSG:25832).

CityGML datasets (a source with reader ``citygml``) have one record per building and per
``bldg:BuildingPart`` (issue 14). Their source view adds ``part_of`` (key of the part's building) and
``own_body`` (false: a building with no geometry of its own, drawn through its parts); each row's geometry
and heights are those of its own body, so the city model draws every part on its own base at its own
height. In the INSPIRE view a part is a ``bu-core2d:BuildingPart``, referenced from its building's
``bu-base:parts``, and a building with parts has the union of its body and parts as ``geometry2D`` and the
highest point of all of them above the lowest ground as ``heightAboveGround``. ALKIS input is unchanged.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import ClassVar, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pydantic import Field, PositiveFloat

from core.config import Source
from core.plugins import Options

from ..localid import local_ids
from .base import CODELIST, Mapper, gml_id, xml_escape
from .elu import as_multi

NULL = np.array(None, dtype=object)  # np.where's missing value (numpy's stubs take no bare None)

TABLE = Path(__file__).with_name("alkis_gebaeudefunktion.csv")
UNPOPULATED = f"{CODELIST}/VoidReasonValue/Unpopulated"
FUNCTIONAL = f"{CODELIST}/ConditionOfConstructionValue/functional"
# AdV CityGML: non-building structures carry "<object class>_<bauwerksfunktion>" (AX_Bauwerk...)
BAUWERK: dict[int, tuple[str, str]] = {
    51001: ("Turm", "tower"), 51003: ("Vorratsbehälter, Speicherbauwerk", "storageTank"),
    51009: ("Sonstiges Bauwerk", ""),
}
BAUWERK_DETAIL: dict[tuple[int, int], tuple[str, str]] = {
    (51003, 1201): ("Silo", "silo"), (51009, 1610): ("Überdachung", "canopy"),
}
DACHFORM = {1000: "Flachdach", 2100: "Pultdach", 2200: "Versetztes Pultdach", 3100: "Satteldach",
            3200: "Walmdach", 3300: "Krüppelwalmdach", 3400: "Mansardendach", 3500: "Zeltdach",
            3600: "Kegeldach", 3700: "Kuppeldach", 3800: "Sheddach", 3900: "Bogendach", 4000: "Turmdach",
            5000: "Mischform", 9999: "Sonstiges"}


@lru_cache(maxsize=2)
def function_table(path: Path = TABLE) -> dict[int, tuple[str, str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {int(r["code"]): (r["label"], r["current_use"], r["building_nature"])
                for r in csv.DictReader(fh, delimiter=";")}


def split_function(raw: str) -> tuple[int | None, int | None]:
    """``31001_2000`` -> (31001, 2000); ``2000`` / ``2000.0`` -> (31001, 2000); junk -> (None, None)."""
    s = raw.strip()
    cls = 31001
    if "_" in s:
        a, _, s = s.partition("_")
        try:
            cls = int(a)
        except ValueError:
            return None, None
    try:
        return cls, int(float(s))
    except ValueError:
        return None, None


class BuildingsOptions(Options):
    """Options of the ``bu_buildings`` mapper."""

    height_status: Literal["measured", "estimated"] = Field(
        default="measured", description="INSPIRE HeightStatusValue of the source heights (`measured`: "
        "surveyed or from a LoD1/LoD2 model; `estimated`: e.g. storeys x 3 m)")
    horizontal_accuracy_m: PositiveFloat | None = Field(
        default=None, examples=[0.5], description="horizontalGeometryEstimatedAccuracy of the footprints in "
        "metres; default: not written (nil)")
    inspire_profile: Literal["core2d", "core3d"] = Field(
        default="core2d", description="`core3d`: also publish the LoD2 surfaces of the CityGML sources as "
        "INSPIRE BU core3D (`<id>_core3d.gml`, bu-core3d:Building/BuildingPart with geometry3DLoD2), "
        "besides the bu-core2d GML (transforms.themes.bu_core3d)")


class BuildingsMapper(Mapper):
    """ALKIS footprints or LGLN CityGML LoD1 -> INSPIRE BU bu-core2d:Building; roof form and
    ridge/eaves/ground heights stay in the source view (the city model builds 3D tiles from it)."""

    pure_members = True  # members may be encoded on a dask cluster (transforms.distributed)

    Options = BuildingsOptions
    options: BuildingsOptions
    feature_type = "Building"
    collection = "building"
    gml_prefix = "BU"
    namespaces: ClassVar[dict[str, str]] = {
        "bu-base": "http://inspire.ec.europa.eu/schemas/bu-base/4.0",
        "bu-core2d": "http://inspire.ec.europa.eu/schemas/bu-core2d/4.0",
        "base": "http://inspire.ec.europa.eu/schemas/base/3.3",
    }
    schema_locations: ClassVar[dict[str, str]] = {
        "http://inspire.ec.europa.eu/schemas/bu-core2d/4.0":
        "https://inspire.ec.europa.eu/schemas/bu-core2d/4.0/BuildingsCore2D.xsd"}
    geometry_types = ("Polygon", "MultiPolygon")
    queryables: ClassVar[dict[str, str]] = {"function_label": "string", "storeys": "integer", "height_m": "number"}

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.height_status = self.options.height_status
        self.accuracy = self.options.horizontal_accuracy_m
        self.table = function_table()
        self.unknown_functions: dict[str, int] = {}
        # CityGML: buildings and BuildingParts (extra columns); other sources keep their columns unchanged
        self.with_parts = any(src.reader == "citygml" for src in self.dataset.sources)

    def prepare(self, gdf: gpd.GeoDataFrame, source: Source) -> gpd.GeoDataFrame:
        self.note_crs(gdf)
        n = len(gdf)
        out = gpd.GeoDataFrame({"_row": gdf["_row"], "_issues": gdf["_issues"], "_file": gdf["_file"]},
                               geometry=gdf.geometry.to_numpy(), crs=gdf.crs, index=gdf.index)
        if gdf.geometry.has_z.any():
            out.geometry = gpd.GeoSeries(shapely.force_2d(out.geometry.to_numpy()), index=out.index, crs=out.crs)
        out["key"] = self.field(gdf, source, "key")
        issues = out["_issues"]
        raw_fn = self.field(gdf, source, "function")
        fcol = source.fields.get("function", "function")
        classes, codes, labels, uses, natures = [], [], [], [], []
        for i, r in enumerate(raw_fn):
            cls, code = split_function(r) if r else (None, None)
            label, use, nature = "", "", ""
            if code is None:
                if r:
                    issues.iat[i].append(f"flagged: field '{fcol}' value {r!r} is not an ALKIS function code; "
                                         "currentUse left empty")
            elif cls == 31001:
                label, use, nature = self.table.get(code, ("", "", ""))
                if not label:
                    self.unknown_functions[str(code)] = self.unknown_functions.get(str(code), 0) + 1
                    label = f"Gebäudefunktion {code}"
            else:
                assert cls is not None  # split_function returns a class whenever it returns a code
                label, nature = BAUWERK_DETAIL.get((cls, code), BAUWERK.get(cls, (f"Bauwerk {cls}", "")))
            classes.append(cls)
            codes.append(code)
            labels.append(label)
            uses.append(use)
            natures.append(nature)
        out["object_class"] = pd.array(classes, dtype="Int32")
        out["function_code"] = pd.array(codes, dtype="Int32")
        out["function_label"] = labels
        out["current_use"] = uses
        out["building_nature"] = natures
        # (type: ignore below: numpy's stubs reject None as a branch of np.where; it works on object arrays)
        storeys = self.number(gdf, source, "storeys", lo=0, hi=200, what="storeys outside 0..200")
        out["storeys"] = pd.array(np.where(np.isnan(storeys), None, np.round(storeys)), dtype="Int32")  # type: ignore[call-overload]
        h = self.number(gdf, source, "height", lo=0.5, hi=400, what="building height outside 0.5..400 m")
        out["height_m"] = np.round(h, 3)
        out["height_status"] = np.where(np.isnan(h), None, self.height_status)  # type: ignore[call-overload]
        roof = self.number(gdf, source, "roof_form", lo=1000, hi=9999, what="not an ALKIS dachform code")
        out["roof_form"] = pd.array(np.where(np.isnan(roof), None, roof), dtype="Int32")  # type: ignore[call-overload]
        for name in ("ridge_height", "eaves_height"):
            out[f"{name}_m"] = np.round(self.number(gdf, source, name, lo=0, hi=400), 3)
        out["ground_height_m"] = np.round(self.number(gdf, source, "ground_height", lo=-500, hi=5000), 3)
        street = self.field(gdf, source, "street")
        number = self.field(gdf, source, "house_number")
        addr = self.field(gdf, source, "address")
        joined = (street + " " + number).str.strip()
        out["address"] = np.where(addr.ne(""), addr, np.where(joined.ne(""), joined, NULL))
        if n and "address" not in source.fields and "street" not in source.fields:
            out["address"] = None
        if self.with_parts:
            col = source.fields.get("part_of", "part_of")
            part_of = gdf[col].to_numpy(object) if col in gdf else np.full(n, None, dtype=object)
            out["part_of"] = [str(v).strip() if v is not None and not pd.isna(v) and str(v).strip() else None
                              for v in part_of]
            body = gdf["own_body"] if "own_body" in gdf else pd.Series(True, index=gdf.index)
            out["own_body"] = body.astype("boolean").fillna(True).to_numpy(bool)
        return out

    def _whole_buildings(self, gdf: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """INSPIRE view of buildings with parts: featureType, the parts' localIds (space separated), the
        footprint (union of the building's body and its published parts) and the height above ground of
        the highest point of all of them over the lowest ground. Parts are in the building's chunk (the
        reader never splits a building), rejected parts are not in ``gdf``."""
        n = len(gdf)
        part_of = gdf["part_of"].to_numpy(object)
        is_part = np.array([v is not None and not pd.isna(v) for v in part_of], dtype=bool)
        ftype = np.where(is_part, "BuildingPart", "Building").astype(object)
        geoms = np.asarray(gdf.geometry.to_numpy(), dtype=object).copy()
        height = gdf["height_m"].to_numpy(float).copy()
        parts = np.full(n, None, dtype=object)
        if not is_part.any():
            return ftype, parts, geoms, height
        keys = gdf["key"].astype(str).to_numpy(object)
        lids = local_ids(gdf["key"]).to_numpy(object)
        ground = gdf["ground_height_m"].to_numpy(float)
        row_of = {k: i for i, k in enumerate(keys) if not is_part[i]}
        members: dict[int, list[int]] = {}
        for i in np.flatnonzero(is_part):
            b = row_of.get(str(part_of[i]))
            if b is not None:
                members.setdefault(b, []).append(i)
        for b, idx in members.items():
            parts[b] = " ".join(str(lids[i]) for i in idx)
            rows = [b, *idx] if gdf["own_body"].iat[b] else idx
            geoms[b] = shapely.union_all([geoms[i] for i in rows])
            h, g = height[rows], ground[rows]
            ok = np.isfinite(h)
            if ok.any():
                if np.isfinite(g[ok]).all():
                    height[b] = round(float(np.max(g[ok] + h[ok]) - np.min(g[ok])), 3)
                elif not np.isfinite(height[b]):
                    height[b] = float(np.max(h[ok]))
                else:
                    height[b] = max(float(height[b]), float(np.max(h[ok])))
        return ftype, parts, geoms, height

    def inspire_view(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        n = len(gdf)
        begin = gdf["beginLifespanVersion"] if "beginLifespanVersion" in gdf else pd.Series([self.run_time_iso] * n)
        use = gdf["current_use"].to_numpy()
        nature = gdf["building_nature"].to_numpy()
        geoms = gdf.geometry.to_numpy()
        height = gdf["height_m"].to_numpy()
        extra: dict[str, np.ndarray] = {}
        if self.with_parts and "part_of" in gdf:
            ftype, parts, geoms, height = self._whole_buildings(gdf)
            extra = {"featureType": ftype, "parts": parts}
        status = gdf["height_status"].to_numpy(object)
        status = np.where(pd.isna(status) & ~np.isnan(np.asarray(height, float)), self.height_status, status)
        status_uri = (f"{CODELIST}/HeightStatusValue/" + pd.Series(status, dtype=object).astype(str)).to_numpy()
        view = gpd.GeoDataFrame({
            "localId": local_ids(gdf["key"]).to_numpy(),
            "inspireId": (self.namespace + "/" + local_ids(gdf["key"])).to_numpy(),
            "currentUse": np.where(use != "", f"{CODELIST}/CurrentUseValue/" + use.astype(str), NULL),
            "buildingNature": np.where(nature != "", f"{CODELIST}/BuildingNatureValue/" + nature.astype(str), NULL),
            "numberOfFloorsAboveGround": gdf["storeys"].to_numpy(),
            "heightAboveGround": height,
            "heightStatus": np.where(pd.notna(status), status_uri, NULL),
            "conditionOfConstruction": FUNCTIONAL,
            "beginLifespanVersion": np.asarray(begin),
            **extra,
        }, geometry=as_multi(geoms), crs=gdf.crs)
        return view

    def source_view(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        cols = {"key": gdf["key"].to_numpy(), "function_code": gdf["function_code"].array,
                "function_label": gdf["function_label"].to_numpy(), "storeys": gdf["storeys"].array}
        for c in ("height_m", "height_status"):
            cols[c] = gdf[c].to_numpy()
        cols["roof_form"] = gdf["roof_form"].array
        for c in ("ridge_height_m", "eaves_height_m", "ground_height_m", "address"):
            cols[c] = gdf[c].to_numpy()
        cols["roof_form_label"] = [DACHFORM.get(int(v), "") if pd.notna(v) else None for v in gdf["roof_form"]]
        cols["object_class"] = gdf["object_class"].array
        cols["inspireId"] = (self.namespace + "/" + local_ids(gdf["key"])).to_numpy()
        if self.with_parts and "part_of" in gdf:
            cols["part_of"] = gdf["part_of"].to_numpy(object)
            cols["own_body"] = gdf["own_body"].to_numpy(bool)
        return gpd.GeoDataFrame(cols, geometry=as_multi(gdf.geometry.to_numpy()), crs=gdf.crs)

    def gml_member(self, rec: dict, geom_gml: str) -> str:
        lid = str(rec["localId"])
        gid = gml_id(self.gml_prefix, lid)
        end = rec.get("endLifespanVersion")
        h = rec.get("heightAboveGround")
        height = ""
        if h is not None and not pd.isna(h):
            status = rec.get("heightStatus")
            status_xml = (f'<bu-base:status xlink:href="{status}"/>' if status else
                          f'<bu-base:status xsi:nil="true" nilReason="{UNPOPULATED}"/>')
            height = ("<bu-base:heightAboveGround><bu-base:HeightAboveGround>"
                      f'<bu-base:heightReference xlink:href="{CODELIST}/ElevationReferenceValue/highestPoint"/>'
                      f'<bu-base:lowReference xlink:href="{CODELIST}/ElevationReferenceValue/lowestGroundPoint"/>'
                      f'{status_xml}<bu-base:value uom="m">{float(h):g}</bu-base:value>'
                      "</bu-base:HeightAboveGround></bu-base:heightAboveGround>")
        nature = rec.get("buildingNature")
        use = rec.get("currentUse")
        floors = rec.get("numberOfFloorsAboveGround")
        part = rec.get("featureType") == "BuildingPart"
        ftype = "BuildingPart" if part else "Building"
        parts = rec.get("parts")
        refs = "".join(f'<bu-base:parts xlink:href="#{gml_id(self.gml_prefix, p)}"/>'
                       for p in (str(parts).split() if parts is not None and not pd.isna(parts) else []))
        acc = (f'<bu-base:horizontalGeometryEstimatedAccuracy uom="m">{self.accuracy}'
               "</bu-base:horizontalGeometryEstimatedAccuracy>" if self.accuracy is not None else
               f'<bu-base:horizontalGeometryEstimatedAccuracy uom="m" xsi:nil="true" nilReason="{UNPOPULATED}"/>')
        return (
            f'<wfs:member><bu-core2d:{ftype} gml:id="{gid}">'
            f"<bu-base:beginLifespanVersion>{rec['beginLifespanVersion']}</bu-base:beginLifespanVersion>"
            f'<bu-base:conditionOfConstruction xlink:href="{FUNCTIONAL}"/>'
            + (f"<bu-base:endLifespanVersion>{end}</bu-base:endLifespanVersion>" if end else "")
            + height
            + f"<bu-base:inspireId><base:Identifier><base:localId>{xml_escape(lid)}</base:localId>"
            f"<base:namespace>{xml_escape(self.namespace)}</base:namespace></base:Identifier></bu-base:inspireId>"
            + (f'<bu-base:buildingNature xlink:href="{nature}"/>' if nature else "")
            + (f'<bu-base:currentUse><bu-base:CurrentUse><bu-base:currentUse xlink:href="{use}"/>'
               f'<bu-base:percentage xsi:nil="true" nilReason="{UNPOPULATED}"/></bu-base:CurrentUse>'
               "</bu-base:currentUse>" if use else "")
            + (f"<bu-base:numberOfFloorsAboveGround>{int(floors)}</bu-base:numberOfFloorsAboveGround>"
               if floors is not None and not pd.isna(floors) else "")
            + refs
            + f"<bu-core2d:geometry2D><bu-base:BuildingGeometry2D><bu-base:geometry>{geom_gml}</bu-base:geometry>"
            "<bu-base:referenceGeometry>true</bu-base:referenceGeometry>"
            f'<bu-base:horizontalGeometryReference xlink:href="{CODELIST}/HorizontalGeometryReferenceValue/footPrint"/>'
            f"{acc}</bu-base:BuildingGeometry2D></bu-core2d:geometry2D>"
            f"</bu-core2d:{ftype}></wfs:member>\n")

    def publish_extra(self, path_for, validate: bool) -> dict:
        """``inspire_profile: core3d``: the LoD2 buildings of the CityGML sources as bu-core3d GML beside
        the bu-core2d GML, XSD-validated like it (``path_for(name)`` = a file of the publication)."""
        if self.options.inspire_profile != "core3d":
            return {}
        from core.errors import PublicationError
        from core.xsd import validate_gml_file

        from ..readers.citygml_lod2 import file_vertical, read_lod2
        from .bu_core3d import write_core3d
        out = path_for(f"{self.dataset.id}_core3d.gml")
        srcs = [s for s in self.dataset.sources if s.reader == "citygml"]
        warnings: list[str] = []
        vertical = next((v for v in (file_vertical(self.dataset.source_path(s)) for s in srcs[:1]) if v), None)
        n = write_core3d((read_lod2(self.dataset.source_path(s), s.crs, warnings) for s in srcs), out,
                         self.namespace, vertical=vertical, run_time=self.run_time)
        res = {"file": out.name, "features": n, "warnings": warnings[:50]}
        if validate:
            errs = validate_gml_file(out, self.settings.schema_dir)
            res["validation"] = "valid" if not errs else "invalid"
            if errs:
                raise PublicationError("BU core3D GML does not validate against the INSPIRE XSDs: "
                                       + "; ".join(errs[:3]), file=str(out))
        return {"core3d": res}

    def report_extra(self) -> dict:
        return {**self.stats, "unknown_function_codes": dict(sorted(self.unknown_functions.items())),
                "function_table": TABLE.name}
