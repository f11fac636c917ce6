"""XPlanung (BP/FP/SO plans) -> INSPIRE Planned Land Use (plu 4.0), XLeitstelle rules.

Decisions (see docs/participation.md):

* **One dataset per INSPIRE feature type.** The pipeline publishes one INSPIRE view per dataset, and
  the WMS has one layer per feature type (PLU.ZoningElement, PLU.SupplementaryRegulation). So a plan
  is configured as two datasets reading the same file: mapper ``plu_zoning`` keeps the
  ZoningElements, ``plu_supplementary`` the SupplementaryRegulations (objects of the other kind are
  skipped in ``prepare``, not rejected, and counted in the report).
* **Each GML file is self-contained**: the plan's ``SpatialPlan`` and its ``OfficialDocumentation``
  are written as extra members before the first element, and every element points at them with
  in-document ``xlink:href="#..."``. ``numberMatched`` counts the elements of the dataset's feature
  type only.
* **Decision rule** (xplan-tools ``__xpobject_decision_rule``): ``flaechenschluss`` true and
  ``ebene`` 0 -> ZoningElement, otherwise SupplementaryRegulation; ZoningElement needs an area.
* **Code lists**: hilucsLandUse/specificLandUse and supplementaryRegulation/specific... from the
  XLeitstelle mapping tables shipped with xplan-tools 1.17.5 (EUPL-1.2), extracted to
  ``plu_xleitstelle.csv``. INSPIRE code-list URIs are written as ``http://inspire.ec.europa.eu/
  codelist/...`` (xplan-tools writes https; the INSPIRE registry URIs are http).
"""
from __future__ import annotations

import csv
import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from core.area import STORAGE_CRS
from core.config import Source
from core.errors import MappingError
from core.plugins import Options

from ..encoders.gmlgeom import geometry_gml
from ..localid import local_ids
from ..readers.xplan import DIMENSIONS
from .base import CODELIST, Mapper, gml_id, xml_escape
from .plu_plan import CI_DATE_CODES, ORDINANCE_DATES, _code, checked_date, plan_document

TABLE = Path(__file__).with_name("plu_xleitstelle.csv")
XL = "https://registry.gdi-de.org/codelist/de.xleitstelle.inspire_plu"
VOID = f"{CODELIST}/VoidReasonValue/Unpopulated"
VOID_UNKNOWN = f"{CODELIST}/VoidReasonValue/Unknown"


def normalise_codelist(uri: str) -> str:
    """``https://inspire.ec.europa.eu/codelist/...`` -> ``http://...`` (the registry's identifiers)."""
    for pre in ("https://inspire.ec.europa.eu/codelist/", "https://inspire.ec.europa.eu/codeList/"):
        if uri.startswith(pre):
            return CODELIST + "/" + uri[len(pre):]
    return uri


@lru_cache(maxsize=1)
def load_table(path: Path = TABLE) -> dict[tuple[str, str], list[dict[str, str]]]:
    """(kind, class) -> rows; the first row without attribute is the class default."""
    out: dict[tuple[str, str], list[dict[str, str]]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault((row["kind"], row["xplan_class"]), []).append(row)
    return out


# XPlanung 5.x class names the 6.x tables know under a new name (same meaning)
ALIAS = {"FP_LandwirtschaftsFlaeche": "FP_Landwirtschaft"}
# classes the tables leave out (traffic areas); our own HILUCS choice, no specific value, flagged
OWN_HILUCS = {"FP_Strassenverkehr": "4_1_1_RoadTransport", "BP_StrassenVerkehrsFlaeche": "4_1_1_RoadTransport",
              "BP_VerkehrsflaecheBesondererZweckbestimmung": "4_1_1_RoadTransport"}


def lookup(kind: str, cls: str, attrs: dict[str, Any]) -> tuple[list[str], list[str], bool]:
    """INSPIRE + specific code values for one object; ``found`` is False when the class is unknown."""
    table = load_table()
    rows = table.get((kind, cls)) or table.get((kind, ALIAS.get(cls, "")))
    if not rows:
        return [], [], False
    default = next((r for r in rows if not r["attribute"]), rows[0])
    ins: list[str] = []
    spec: list[str] = []
    for attr in dict.fromkeys(r["attribute"] for r in rows if r["attribute"]):
        val = attrs.get(attr.split(".")[0])
        if val is None:
            continue
        vals = {str(v) for v in (val if isinstance(val, list) else [val])}
        for r in rows:
            if r["attribute"] == attr and r["code"] in vals:
                if r["inspire"] not in ins:
                    ins.append(r["inspire"])
                if r["specific"] not in spec:
                    spec.append(r["specific"])
    if not ins:
        ins, spec = [default["inspire"]], [default["specific"]]
    return ins, spec, True


# rechtscharakter -> RegulationNatureValue (XPlanung 4.x/5.x codes; 6.x renumbered them)
NATURE_5 = {"BP": {"1000": "generallyBinding", "2000": "definedInLegislation", "3000": "nonBinding",
                   "4000": "definedInLegislation", "5000": "definedInLegislation", "9998": "nonBinding"},
            "FP": {"1000": "bindingOnlyForAuthorities", "2000": "definedInLegislation", "3000": "nonBinding",
                   "4000": "definedInLegislation", "5000": "definedInLegislation", "9998": "nonBinding"}}
NATURE_6 = {"1000": "generallyBinding", "2000": "definedInLegislation", "3000": "bindingOnlyForAuthorities",
            "6000": "nonBinding", "7000": "definedInLegislation", "8000": "definedInLegislation",
            "9998": "nonBinding"}
STEP = {"1000": "elaboration", "2000": "elaboration", "2100": "elaboration", "2200": "elaboration",
        "2300": "elaboration", "2400": "elaboration", "3000": "adoption", "4000": "legalForce",
        "4500": "obsolete", "5000": "obsolete", "50000": "obsolete", "50001": "obsolete"}
BP_TYPE = {"1000": "6_Bebauungsplan", "10000": "6_3_EinfacherBPlan", "10001": "6_1_QualifizierterBPlan",
           "3000": "6_2_VorhabenbezogenerBPlan", "3100": "6_5_VorhabenUndErschliessungsplan",
           "4000": "7_InnenbereichsSatzung", "5000": "8_AussenbereichsSatzung",
           "7000": "9_2_SonstigesPlanwerkStaedtebaurecht"}
FP_TYPE = {"1000": ("local", "5_2_Fplan"), "2000": ("supraLocal", "4_2_GemeinsamerFPlan"),
           "3000": ("infraRegional", "4_1_RegFPlan"), "4000": ("local", "5_1_FplanRegPlan"),
           "5000": ("local", "5_3_SachlicherTeilplan")}


class PluOptions(Options):
    """The PLU mappers take no options: the plan itself (XPlanGML) says everything."""


class _PluMapper(Mapper):
    Options = PluOptions
    gml_prefix = "PLU"
    kind: str = ""
    namespaces: ClassVar[dict[str, str]] = {
        "plu": "http://inspire.ec.europa.eu/schemas/plu/4.0",
        "base": "http://inspire.ec.europa.eu/schemas/base/3.3",
        "base2": "http://inspire.ec.europa.eu/schemas/base2/2.0",
        "gmd": "http://www.isotc211.org/2005/gmd",
        "gco": "http://www.isotc211.org/2005/gco",
    }
    schema_locations: ClassVar[dict[str, str]] = {"http://inspire.ec.europa.eu/schemas/plu/4.0":
                        "https://inspire.ec.europa.eu/schemas/plu/4.0/PlannedLandUse.xsd"}
    queryables: ClassVar[dict[str, str]] = {"xplanClass": "string", "hilucsLandUse": "string",
                                            "regulationNature": "string"}

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.plan: dict[str, Any] | None = None
        self._geometry_problem: str | None = None
        self._plan_written = False
        self.skipped: dict[str, int] = {}
        self.unmapped: dict[str, int] = {}

    # -- plan ---------------------------------------------------------------------------------
    def _load_plan(self, source: Source) -> None:
        if self.plan is not None:
            return
        from ..readers.xplan import plan_info
        info = plan_info(self.dataset.source_path(source), self.settings)
        a = info["attributes"]
        cls = info["class"]
        prefix = cls[:2]
        art = _code(a.get("planArt")) or "9999"
        if prefix == "BP":
            level, ptype = "infraLocal", BP_TYPE.get(art, "9_2_SonstigesPlanwerkStaedtebaurecht")
        elif prefix == "FP":
            level, ptype = FP_TYPE.get(art, ("other", "9_2_SonstigesPlanwerkStaedtebaurecht"))
        else:
            level, ptype = "other", "9_2_SonstigesPlanwerkStaedtebaurecht"
        geom = info["geometry"]
        self._geometry_problem = info.get("geometry_problem")
        src_file = str(self.dataset.source_path(source))
        record = f"{cls} {a.get('gml_id') or ''}".strip()

        def date(key: str) -> str | None:
            return checked_date(a.get(key), file=src_file, record=record, field=key)
        crs = source.crs or info["crs"]
        if geom is not None and crs:
            tr = Transformer.from_crs(crs, STORAGE_CRS, always_xy=True)
            geom = shapely.make_valid(
                shapely.transform(geom, lambda c: np.column_stack(tr.transform(c[:, 0], c[:, 1]))))
            polys = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
            geom = shapely.union_all(polys) if polys else None
        lid = str(a.get("gml_id") or self.dataset.id)
        self.plan = {
            "class": cls, "prefix": prefix, "version": info["version"], "localId": lid,
            "gid": gml_id("SP", lid), "od_gid": gml_id("OD", lid),
            "title": str(a.get("name") or self.dataset.title.de), "number": _code(a.get("nummer")),
            "level": f"{CODELIST}/LevelOfSpatialPlanValue/{level}",
            "type": f"{XL}/PlanTypeNameValue#{ptype}",
            "step": STEP.get(_code(a.get("rechtsstand")) or ""),
            "valid_from": date("inkrafttretensDatum") or date("wirksamkeitsDatum"),
            "valid_to": date("untergangsDatum"),
            "ordinances": [(d, label) for key, label in ORDINANCE_DATES
                           if (d := date(key))],
            "text": str(a.get("beschreibung") or a.get("name") or ""),
            "document": plan_document(info.get("references", [])),
            "references": list(info.get("references", [])),   # every externeReferenz: the plan page lists them
            "geometry": geom, "file": src_file, "bezugshoehe": info.get("bezugshoehe"),
        }

    def _nature(self, rc: str | None) -> str:
        p = self.plan or {}
        if str(p.get("version", "5")).startswith("6"):
            v = NATURE_6.get(rc or "9998", "nonBinding")
        else:
            v = NATURE_5.get(p.get("prefix", "BP"), NATURE_5["BP"]).get(rc or "9998", "nonBinding")
        return f"{CODELIST}/RegulationNatureValue/{v}"

    # -- pipeline -------------------------------------------------------------------------------
    def prepare(self, gdf: gpd.GeoDataFrame, source: Source) -> gpd.GeoDataFrame:
        self.note_crs(gdf)
        self._load_plan(source)
        geoms = gdf.geometry.to_numpy()
        polygonal = np.isin(shapely.get_type_id(geoms), [3, 6])
        fs = gdf["flaechenschluss"].fillna(False).astype(bool).to_numpy()
        zoning = fs & (gdf["ebene"].to_numpy() == 0) & (polygonal | shapely.is_missing(geoms))
        keep = zoning if self.kind == "zoning" else ~zoning
        for c, n in gdf.loc[~keep, "xplan_class"].value_counts().items():
            self.skipped[str(c)] = self.skipped.get(str(c), 0) + int(n)
        g = gdf.loc[keep].copy()
        if self.kind == "supplementary":
            g = _explode_multi(g)
        ins_l, spec_l, grz, gfz = [], [], [], []
        for cls, raw, notes in zip(g["xplan_class"], g["attributes"], g["_issues"], strict=False):
            attrs = json.loads(raw or "{}")
            ins, spec, found = lookup(self.kind, cls, attrs)
            if not found:
                other = "supplementary" if self.kind == "zoning" else "zoning"
                _, spec, _ = lookup(other, cls, attrs)
                ins = ([OWN_HILUCS.get(cls, "6_6_NotKnownUse")] if self.kind == "zoning"
                       else ["10_OtherSupplementaryRegulation"])
                self.unmapped[cls] = self.unmapped.get(cls, 0) + 1
                notes.append(f"flagged: {cls} has no XLeitstelle {self.kind} mapping; "
                             f"{ins[0]} used")
            register = "HILUCSValue" if self.kind == "zoning" else "SupplementaryRegulationValue"
            ins_l.append(" ".join(f"{CODELIST}/{register}/{v}" for v in ins))
            spec_l.append(" ".join(f"{XL}/LandUse/{v}" for v in spec if v))
            grz.append(_num(attrs.get("GRZ")))
            gfz.append(_num(attrs.get("GFZ")))
        g["inspire_codes"] = ins_l
        g["specific_codes"] = spec_l
        g["regulation_nature"] = [self._nature(rc) for rc in g["rechtscharakter"]]
        g["grz"] = grz
        g["gfz"] = gfz
        return g

    def _common(self, gdf: gpd.GeoDataFrame) -> dict[str, Any]:
        p = self.plan or {}
        return {
            "localId": local_ids(gdf["key"]).to_numpy(),
            "inspireId": (self.namespace + "/" + local_ids(gdf["key"])).to_numpy(),
            "xplanClass": gdf["xplan_class"].to_numpy(),
            "regulationNature": gdf["regulation_nature"].to_numpy(),
            "processStepGeneral": p.get("step") and f"{CODELIST}/ProcessStepGeneralValue/{p['step']}",
            "plan": self.inspire_id_uri(p.get("localId", "")),
            "planTitle": p.get("title"),
            "GRZ": gdf["grz"].to_numpy(), "GFZ": gdf["gfz"].to_numpy(),
            "beginLifespanVersion": gdf.get("beginLifespanVersion",
                                            pd.Series(self.run_time_iso, index=gdf.index)).to_numpy(),
        }

    def source_view(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        cols = {k: gdf[k].to_numpy() for k in ("key", "xplan_class", "ebene", "rechtscharakter", "attributes")}
        cols["flaechenschluss"] = gdf["flaechenschluss"].astype(object).to_numpy()
        cols["inspireId"] = (self.namespace + "/" + local_ids(gdf["key"])).to_numpy()
        # building dimensions and heights (docs/formats.md, XPlanung heights): for the planned-building variants
        for c in DIMENSIONS:
            cols[c] = pd.to_numeric(gdf[c], errors="coerce").to_numpy(float) if c in gdf else np.full(len(gdf), np.nan)
        cols["hoehenangabe"] = gdf["hoehenangabe"].to_numpy() if "hoehenangabe" in gdf else np.full(len(gdf), "[]")
        return gpd.GeoDataFrame(cols, geometry=gdf.geometry.to_numpy(), crs=gdf.crs)

    # -- GML ------------------------------------------------------------------------------------
    def _ident(self, lid: str) -> str:
        return (f"<plu:inspireId><base:Identifier><base:localId>{xml_escape(lid)}</base:localId>"
                f"<base:namespace>{xml_escape(self.namespace)}</base:namespace></base:Identifier></plu:inspireId>")

    def plan_members(self) -> str:
        """SpatialPlan + OfficialDocumentation, written once before the first element."""
        p = self.plan or {}
        geom = p.get("geometry")
        if geom is None or geom.is_empty:
            problem = self._geometry_problem
            if problem:
                raise MappingError(f"the plan's Geltungsbereich cannot be read: {problem}",
                                   file=p.get("file", self.dataset.id), record=f"{p.get('class')} {p.get('localId')}",
                                   field="raeumlicherGeltungsbereich")
            raise MappingError("the plan has no Geltungsbereich (raeumlicherGeltungsbereich)",
                               file=self.dataset.id, field="raeumlicherGeltungsbereich")
        ext = geometry_gml(geom, p["gid"], multi_surface=True)
        nil = f'xsi:nil="true" nilReason="{VOID}"'
        step = (f'<plu:processStepGeneral xlink:href="{CODELIST}/ProcessStepGeneralValue/{p["step"]}"/>'
                if p.get("step") else f'<plu:processStepGeneral {nil}/>')
        alt = (f"<plu:alternativeTitle>{xml_escape(p['number'])}</plu:alternativeTitle>" if p.get("number")
               else f"<plu:alternativeTitle {nil}/>")
        vf = f"<plu:validFrom>{p['valid_from']}</plu:validFrom>" if p.get("valid_from") else ""
        ordinance = "".join(
            f"<plu:ordinance><plu:OrdinanceValue><plu:ordinanceDate>{d}T00:00:00</plu:ordinanceDate>"
            f"<plu:ordinanceReference>{xml_escape(label)}</plu:ordinanceReference></plu:OrdinanceValue></plu:ordinance>"
            for d, label in p.get("ordinances", [])) or f"<plu:ordinance {nil}/>"
        vt = f"<plu:validTo>{p['valid_to']}</plu:validTo>" if p.get("valid_to") else ""
        sp = (f'<wfs:member><plu:SpatialPlan gml:id="{p["gid"]}">{self._ident(p["localId"])}'
              f"<plu:extent>{ext}</plu:extent>"
              f"<plu:beginLifespanVersion>{self.run_time_iso}</plu:beginLifespanVersion>"
              f"<plu:officialTitle>{xml_escape(p['title'])}</plu:officialTitle>"
              f'<plu:levelOfSpatialPlan xlink:href="{p["level"]}"/>{vf}{vt}{alt}'
              f'<plu:planTypeName xlink:href="{p["type"]}"/>{step}'
              f"<plu:backgroundMap {nil}/>{ordinance}"
              f'<plu:officialDocument xlink:href="#{p["od_gid"]}"/>'
              f"</plu:SpatialPlan></wfs:member>\n")
        text = (f"<plu:regulationText>{xml_escape(p['text'])}</plu:regulationText>" if p.get("text") else "")
        od = (f'<wfs:member><plu:OfficialDocumentation gml:id="{p["od_gid"]}">'
              f'{self._ident(p["localId"] + "_doc")}{text}{self._document(p)}'
              f'</plu:OfficialDocumentation></wfs:member>\n')
        return sp + od

    def _document(self, p: dict) -> str:
        """``planDocument``: the plan's legally binding document (externeReferenz) as a DocumentCitation."""
        doc = p.get("document")
        if not doc:
            return ""
        date = (f'<base2:date><gmd:CI_Date><gmd:date><gco:Date>{doc["date"]}</gco:Date></gmd:date>'
                f'<gmd:dateType><gmd:CI_DateTypeCode codeList="{CI_DATE_CODES}" codeListValue="publication">'
                f"publication</gmd:CI_DateTypeCode></gmd:dateType></gmd:CI_Date></base2:date>"
                if doc.get("date") else f'<base2:date xsi:nil="true" nilReason="{VOID}"/>')
        link = (f"<base2:link>{xml_escape(doc['url'])}</base2:link>" if doc.get("url")
                else f'<base2:link xsi:nil="true" nilReason="{VOID}"/>')
        return (f'<plu:planDocument><base2:DocumentCitation gml:id="{gml_id("DC", p["localId"])}">'
                f"<base2:name>{xml_escape(doc['name'])}</base2:name>{date}{link}"
                f"</base2:DocumentCitation></plu:planDocument>")

    def _head(self) -> str:
        if self._plan_written:
            return ""
        self._plan_written = True
        return self.plan_members()

    def _refs(self) -> str:
        p = self.plan or {}
        return (f'<plu:officialDocument xlink:href="#{p["od_gid"]}"/>'
                f'<plu:plan xlink:href="#{p["gid"]}"/>')

    def _step(self, rec: dict) -> str:
        if rec.get("processStepGeneral"):
            return f'<plu:processStepGeneral xlink:href="{rec["processStepGeneral"]}"/>'
        return f'<plu:processStepGeneral xsi:nil="true" nilReason="{VOID_UNKNOWN}"/>'

    @staticmethod
    def _dims(rec: dict) -> str:
        out = ""
        for k in ("GRZ", "GFZ"):
            v = rec.get(k)
            if v is not None and not (isinstance(v, float) and math.isnan(v)):
                out += (f"<plu:dimensioningIndication><plu:DimensioningIndicationRealValue>"
                        f"<plu:indicationReference>{k}</plu:indicationReference><plu:value>{float(v)}</plu:value>"
                        f"</plu:DimensioningIndicationRealValue></plu:dimensioningIndication>")
        return out

    def report_extra(self) -> dict[str, Any]:
        p = self.plan or {}
        return {**self.stats, "plan": {**{k: p.get(k) for k in ("class", "version", "localId", "title", "type", "step",
                                                             "bezugshoehe", "references")},
                                       "geltungsbereich_crs84": _geojson_crs84(p.get("geometry"))},
                "skipped_other_feature_type": dict(sorted(self.skipped.items())),
                "unmapped_classes": dict(sorted(self.unmapped.items())),
                "codelists": "XLeitstelle XPlanToINSPIRE 2.6 (2025-10-08), via xplan-tools 1.17.5 (EUPL-1.2)"}


def _geojson_crs84(geom: Any) -> dict[str, Any] | None:
    """The Geltungsbereich as GeoJSON (CRS84, simplified to 0.5 m) for the plan summary of the participation."""
    if geom is None or geom.is_empty:
        return None
    g = gpd.GeoSeries([geom.simplify(0.5)], crs=STORAGE_CRS).to_crs("OGC:CRS84")
    return json.loads(shapely.to_geojson(shapely.set_precision(g.iloc[0], 1e-7)))


def _num(v: Any) -> float:
    try:
        return float(v)
    except (TypeError, ValueError):
        return float("nan")


def _explode_multi(g: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """MultiLineString / MultiPoint / collections -> one row per part (key ``<gml_id>_<n>``); the GML
    geometry encoder writes points, lines and (multi)polygons. Rows are plain dicts keyed by column name
    (``itertuples`` renames the ``_issues``/``_row`` columns, which once crashed here on XPlanGML 5.2)."""
    types = shapely.get_type_id(g.geometry.to_numpy())
    multi = np.isin(types, [4, 5, 7])
    if not multi.any():
        return g
    geom_col = g.geometry.name
    rows: list[dict[str, Any]] = []
    for i, rec in enumerate(g.to_dict("records")):
        geom = rec[geom_col]
        if not multi[i]:
            rows.append(rec)
            continue
        parts = [p for p in geom.geoms if not p.is_empty]
        if all(p.geom_type in ("Polygon", "MultiPolygon") for p in parts):
            rows.append({**rec, geom_col: shapely.union_all(parts)})
            continue
        for n, part in enumerate(parts, 1):
            notes = list(rec.get("_issues") or [])
            notes.append(f"flagged: {geom.geom_type} of {len(parts)} parts published as one "
                         f"{'SupplementaryRegulation'} per part ({rec['key']}_1 … {rec['key']}_{len(parts)})")
            d = {**rec, geom_col: part, "key": f"{rec['key']}_{n}", "_issues": notes}
            if "_row" in d:
                d["_row"] = f"{rec['_row']} part {n}"
            rows.append(d)
    return gpd.GeoDataFrame(rows, columns=list(g.columns), geometry=geom_col, crs=g.crs)


class ZoningMapper(_PluMapper):
    """XPlanung Flächenschlussobjekte -> INSPIRE PLU ZoningElement (+ SpatialPlan, OfficialDocumentation)."""

    feature_type = "ZoningElement"
    collection = "zoningelement"
    gml_prefix = "ZE"
    gml_geometry = "MultiSurface"
    kind = "zoning"
    geometry_types = ("Polygon", "MultiPolygon")

    def inspire_view(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        cols = self._common(gdf)
        cols["hilucsLandUse"] = gdf["inspire_codes"].to_numpy()
        cols["specificLandUse"] = gdf["specific_codes"].to_numpy()
        return gpd.GeoDataFrame(cols, geometry=gdf.geometry.to_numpy(), crs=gdf.crs)

    def gml_member(self, rec: dict, geom_gml: str) -> str:
        lid = rec["localId"]
        nil = f'xsi:nil="true" nilReason="{VOID}"'
        hil = "".join(f'<plu:hilucsLandUse xlink:href="{u}"/>' for u in rec["hilucsLandUse"].split())
        spec = "".join(f'<plu:specificLandUse xlink:href="{u}"/>' for u in (rec.get("specificLandUse") or "").split()) \
            or f"<plu:specificLandUse {nil}/>"
        end = (f"<plu:endLifespanVersion>{rec['endLifespanVersion']}</plu:endLifespanVersion>"
               if rec.get("endLifespanVersion") else "")
        return (self._head() + f'<wfs:member><plu:ZoningElement gml:id="{gml_id(self.gml_prefix, lid)}">'
                f"{self._ident(lid)}<plu:geometry>{geom_gml}</plu:geometry>{hil}"
                f"<plu:beginLifespanVersion>{rec['beginLifespanVersion']}</plu:beginLifespanVersion>"
                f"<plu:hilucsPresence {nil}/>{spec}<plu:specificPresence {nil}/>"
                f'<plu:regulationNature xlink:href="{rec["regulationNature"]}"/>{end}{self._step(rec)}'
                f"<plu:backgroundMap {nil}/>{self._dims(rec)}{self._refs()}"
                f"</plu:ZoningElement></wfs:member>\n")


class SupplementaryMapper(_PluMapper):
    """XPlanung overlay, line and point objects -> INSPIRE PLU SupplementaryRegulation (+ SpatialPlan)."""

    feature_type = "SupplementaryRegulation"
    collection = "supplementaryregulation"
    gml_prefix = "SR"
    kind = "supplementary"
    geometry_types = ("Point", "LineString", "Polygon", "MultiPolygon")

    def inspire_view(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        cols = self._common(gdf)
        cols["supplementaryRegulation"] = gdf["inspire_codes"].to_numpy()
        cols["specificSupplementaryRegulation"] = gdf["specific_codes"].to_numpy()
        return gpd.GeoDataFrame(cols, geometry=gdf.geometry.to_numpy(), crs=gdf.crs)

    def gml_member(self, rec: dict, geom_gml: str) -> str:
        lid = rec["localId"]
        nil = f'xsi:nil="true" nilReason="{VOID}"'
        spec = "".join(f'<plu:specificSupplementaryRegulation xlink:href="{u}"/>'
                       for u in (rec.get("specificSupplementaryRegulation") or "").split()) \
            or f"<plu:specificSupplementaryRegulation {nil}/>"
        sup = "".join(f'<plu:supplementaryRegulation xlink:href="{u}"/>'
                      for u in rec["supplementaryRegulation"].split())
        end = (f"<plu:endLifespanVersion>{rec['endLifespanVersion']}</plu:endLifespanVersion>"
               if rec.get("endLifespanVersion") else "")
        return (self._head() + f'<wfs:member><plu:SupplementaryRegulation gml:id="{gml_id(self.gml_prefix, lid)}">'
                f"{spec}{self._step(rec)}<plu:backgroundMap {nil}/>"
                f"<plu:beginLifespanVersion>{rec['beginLifespanVersion']}</plu:beginLifespanVersion>"
                f"{self._dims(rec)}{self._ident(lid)}{end}<plu:geometry>{geom_gml}</plu:geometry>"
                f"<plu:inheritedFromOtherPlans {nil}/><plu:specificRegulationNature {nil}/>"
                f'<plu:regulationNature xlink:href="{rec["regulationNature"]}"/>{sup}'
                f'<plu:officialDocument xlink:href="#{(self.plan or {})["od_gid"]}"/>'
                f'<plu:plan xlink:href="#{(self.plan or {})["gid"]}"/>'
                f"</plu:SupplementaryRegulation></wfs:member>\n")
