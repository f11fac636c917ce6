"""ISO 19139 dataset record (INSPIRE TG Metadata 2.0 + GDI-DE conventions) for one published dataset.

Everything comes from ``dataset.yml`` and the current publication: the bbox from the manifest (computed
from the data), the dates from ``history.json``, the lineage and the conformity result from the run's
``report.json``. Nothing is typed twice.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from core.config import Dataset
from core.errors import ConfigError

from . import common, gdide
from .ids import dataset_record_id
from .xml import anchor, char, code, date, language, root, sub

HILDESHEIM_CRS84 = [9.85, 52.08, 10.05, 52.20]


def publication_dates(history: list[dict[str, Any]], manifest: dict[str, Any]) -> dict[str, str]:
    """creation = first publication, publication = first publication, revision = latest (if later)."""
    days = sorted({h["published"][:10] for h in history if h.get("published")})
    if not days and manifest.get("published"):
        days = [manifest["published"][:10]]
    out = {"creation": days[0], "publication": days[0]}
    if len(days) > 1:
        out["revision"] = days[-1]
    return out


def lineage_statement(ds: Dataset, manifest: dict[str, Any], report: dict[str, Any]) -> str:
    """What the ETL did, in German, from the run report."""
    parts = []
    for src in report.get("sources", []):
        name = str(src.get("file", "")).rsplit("/", 1)[-1]
        parts.append(f"Quelle {name} (Leser {src.get('reader')}, Bezugssystem {src.get('crs') or 'aus Datei'}, "
                     f"{src.get('read', '?')} Datensätze gelesen)")
    for t in (report.get("mapper") or {}).get("crs_transformations", []):  # which PROJ operation, how accurate
        acc = t.get("accuracy_m")
        parts.append(f"Koordinatentransformation {t.get('source')} → {t.get('target')}: {t.get('operation')}"
                     + (f", Genauigkeit {acc:g} m (EPSG)" if acc is not None else ", Genauigkeit unbekannt")
                     + (f", Gitter {', '.join(t['grids'])}" if t.get("grids") else ""))
    s = report.get("summary") or manifest.get("counts") or {}
    parts.append(f"Prüfung und Reparatur: {s.get('repaired', 0)} repariert, {s.get('rejected', 0)} verworfen, "
                 f"{s.get('flagged', 0)} markiert; {s.get('published', 0)} Objekte veröffentlicht")
    reasons = sorted((report.get("reasons") or {}).items(), key=lambda kv: -kv[1])[:3]
    if reasons:
        parts.append("häufigste Befunde: " + "; ".join(f"{r} ({n}×)" for r, n in reasons))
    parts.append(f"Abbildung auf INSPIRE {ds.inspire.feature_type} (Mapper {ds.mapper}), kodiert als GML 3.2, "
                 f"GeoPackage und GeoJSON; GML gegen die INSPIRE-XSD geprüft: "
                 f"{_validation_de(report)}")
    parts.append(f"Veröffentlichte Version {manifest.get('version')} ({manifest.get('published')})")
    return ". ".join(parts) + "."


def _validation_de(report: dict[str, Any]) -> str:
    v = (report.get("validation") or {}).get("gml")
    return {"valid": "gültig", "invalid": "ungültig"}.get(str(v), "nicht geprüft")


def validation_passed(report: dict[str, Any]) -> bool | None:
    v = (report.get("validation") or {}).get("gml")
    return True if v == "valid" else False if v == "invalid" else None


def build_dataset_record(ds: Dataset, manifest: dict[str, Any], history: list[dict[str, Any]],
                         report: dict[str, Any], base_url: str) -> etree._Element:
    base = base_url.rstrip("/")
    rid = dataset_record_id(ds.id)
    dates = publication_dates(history, manifest)
    md = root()
    char(md, "gmd:fileIdentifier", rid)
    language(md, "gmd:language")
    code(md, "gmd:characterSet", "gmd:MD_CharacterSetCode", "utf8")
    code(md, "gmd:hierarchyLevel", "gmd:MD_ScopeCode", "dataset")
    common.responsible_party(md, "gmd:contact", ds.contact, "pointOfContact")
    sub(md, "gmd:dateStamp/gco:Date", max(dates.values()))
    char(md, "gmd:metadataStandardName", "ISO 19115:2003/19139")
    char(md, "gmd:metadataStandardVersion", "1.0")
    epsg = "25832"
    rs = sub(md, "gmd:referenceSystemInfo/gmd:MD_ReferenceSystem/gmd:referenceSystemIdentifier/gmd:RS_Identifier")
    anchor(rs, "gmd:code", f"EPSG:{epsg}", f"http://www.opengis.net/def/crs/EPSG/0/{epsg}")

    ident = sub(md, "gmd:identificationInfo/gmd:MD_DataIdentification", id=f"_{rid}", uuid=rid)
    cit = sub(ident, "gmd:citation/gmd:CI_Citation")
    char(cit, "gmd:title", ds.title.de)
    for kind in ("creation", "publication", "revision"):
        if kind in dates:
            date(cit, "gmd:date", dates[kind], kind)
    # the spatial dataset identifier (TG MD 2.0 unique resource identifier = TG DLS 3.1 code + namespace):
    # RS_Identifier code (an Anchor to the full URI) + codeSpace, the same pair as in the Atom feeds
    rsid = sub(cit, "gmd:identifier/gmd:RS_Identifier")
    anchor(rsid, "gmd:code", ds.inspire.identifier_code, ds.inspire.namespace)
    char(rsid, "gmd:codeSpace", ds.inspire.identifier_namespace)
    char(ident, "gmd:abstract", ds.abstract.de)
    common.responsible_party(ident, "gmd:pointOfContact", ds.contact, "pointOfContact")
    try:
        common.theme_keyword(ident, ds.inspire.theme)
    except KeyError as exc:
        raise ConfigError(str(exc.args[0]), file=str((ds.folder or Path(".")) / "dataset.yml"),
                          field="inspire.theme", value=ds.inspire.theme) from None
    words = [*list(ds.keywords), gdide.KEYWORD_INSPIRE]
    if gdide.is_open(ds):
        words.append(gdide.KEYWORD_OPENDATA)
    common.free_keywords(ident, words)
    common.access_constraints(ident, [ds], ds.access == "restricted")
    common.use_constraints(ident, ds)
    code(ident, "gmd:spatialRepresentationType", "gmd:MD_SpatialRepresentationTypeCode", "vector")
    if ds.spatial_resolution_m:
        sub(ident, "gmd:spatialResolution/gmd:MD_Resolution/gmd:distance/gco:Distance",
            f"{ds.spatial_resolution_m:g}", uom="m")
    language(ident, "gmd:language")
    code(ident, "gmd:characterSet", "gmd:MD_CharacterSetCode", "utf8")
    sub(ident, "gmd:topicCategory/gmd:MD_TopicCategoryCode", ds.topic_category)
    common.bbox(ident, "gmd:extent", manifest.get("bbox_crs84") or HILDESHEIM_CRS84)

    dist = sub(md, "gmd:distributionInfo/gmd:MD_Distribution")
    for key in ("gml", "gpkg", "geojson"):
        name, version, href = gdide.FORMATS[key]
        fmt = sub(dist, "gmd:distributionFormat/gmd:MD_Format")
        anchor(fmt, "gmd:name", name, href)
        char(fmt, "gmd:version", version)
    opts = sub(dist, "gmd:transferOptions/gmd:MD_DigitalTransferOptions")
    for url, name, desc, fn, proto in resource_locators(ds, manifest, base):
        common.online(opts, url, name, desc, fn, proto)

    dq = sub(md, "gmd:dataQualityInfo/gmd:DQ_DataQuality")
    code(dq, "gmd:scope/gmd:DQ_Scope/gmd:level", "gmd:MD_ScopeCode", "dataset")
    passed = validation_passed(report)
    common.conformity(dq, gdide.REG_1089, passed,
                      f"Eigene Prüfung der GML-Kodierung gegen die INSPIRE-Anwendungsschemata (XSD): "
                      f"{_validation_de(report)} (Version {manifest.get('version')})")
    char(dq, "gmd:lineage/gmd:LI_Lineage/gmd:statement", lineage_statement(ds, manifest, report))
    return md


def resource_locators(ds: Dataset, manifest: dict[str, Any], base: str) -> list[tuple[str, str, str, str, str]]:
    """(url, name, description, CI_OnLineFunctionCode, protocol) of the live endpoints of the dataset."""
    out = []  # restricted datasets: same URLs, the services answer only authenticated staff
    for coll in manifest.get("collections", []):
        if coll.get("view") == "inspire":
            out.append((f"{base}/ogc/collections/{coll['id']}", f"OGC API Features: {coll['id']}",
                        "INSPIRE-Sicht als OGC API Features (Downloaddienst)", "download", "OGC:API-Features"))
    out.append((f"{base}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities",
                f"WMS: {ds.wms_layer_name}", "Darstellungsdienst (WMS 1.3.0)", "information",
                "OGC:WMS-1.3.0-http-get-capabilities"))
    out.append((f"{base}/download/{ds.id}/{ds.id}.gml", f"{ds.id}.gml", "Vordefinierter Datensatz, INSPIRE-GML",
                "download", "WWW:DOWNLOAD-1.0-http--download"))
    out.append((f"{base}/download/{ds.id}/{ds.id}.gpkg", f"{ds.id}.gpkg", "Vordefinierter Datensatz, GeoPackage",
                "download", "WWW:DOWNLOAD-1.0-http--download"))
    core3d = f"{ds.id}_core3d.gml"   # BU with inspire_profile core3d: the LoD2 surfaces as BU core3D
    if core3d in (manifest.get("files") or {}):
        out.append((f"{base}/download/{ds.id}/{core3d}", core3d,
                    "Vordefinierter Datensatz, INSPIRE-GML Gebäude 3D (BU core3D: Dach-, Wand- und Grundflächen "
                    "LoD2, Höhen über DHHN2016)", "download", "WWW:DOWNLOAD-1.0-http--download"))
    return out

