"""ISO 19139 service records (INSPIRE TG Metadata 2.0 + GDI-DE) for the view, download and discovery
services, coupled to the dataset records with ``srv:operatesOn`` (uuidref + xlink:href to GetRecordById).

A public service record couples only public datasets: the public catalogue must not reveal that a
restricted dataset exists.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from core.config import Dataset

from . import common, gdide
from .dataset import HILDESHEIM_CRS84
from .ids import dataset_record_id, get_record_by_id_url, service_record_id
from .xml import char, code, date, language, root, sub


@dataclass(frozen=True)
class ServiceDef:
    key: str                 # metadata.ids service name
    service_type: str        # INSPIRE SpatialDataServiceType: view | download | discovery
    category: str            # key of gdide.SERVICE_CATEGORIES
    version: str             # serviceTypeVersion
    path: str                # connect point below the public URL
    title: str
    abstract: str
    operations: tuple[str, ...]
    protocol: str


SERVICES: tuple[ServiceDef, ...] = (
    ServiceDef("wms", "view", "view", "OGC:WMS 1.3.0",
               "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities",
               "GDI Hildesheim – INSPIRE-Darstellungsdienst (WMS)",
               "Darstellungsdienst (WMS 1.3.0) der Stadt Hildesheim für die INSPIRE-Datensätze der Stadt, mit "
               "INSPIRE-Layernamen und erweiterten INSPIRE-Capabilities. Räumliche Auflösung: die Layer werden "
               "nur bis zu einem Maßstab dargestellt, Bäume bis 1:30 000, Gebäude bis 1:100 000, Flächennutzung, "
               "Altlasten und Bebauungspläne bis 1:250 000, andere bis 1:500 000 (ein Layer mit größerer "
               "Ausdehnung bis zu dem Maßstab, in dem seine ganze Ausdehnung in 256 Pixel passt); bei kleineren "
               "Maßstäben bleibt die Karte leer.",
               ("GetCapabilities", "GetMap", "GetFeatureInfo"), "OGC:WMS-1.3.0-http-get-capabilities"),
    ServiceDef("ogcapi", "download", "download", "OGC API - Features - Part 1: Core 1.0",
               "/ogc/", "GDI Hildesheim – INSPIRE-Downloaddienst (OGC API Features)",
               "Downloaddienst (direkter Zugriff) der Stadt Hildesheim: die INSPIRE-Datensätze als OGC API "
               "Features (GeoJSON, HTML) mit Abfrage nach Raum und Attributen.",
               ("landingPage", "collections", "items"), "OGC:API-Features"),
    ServiceDef("download", "download", "download-predefined", "predefined dataset download (HTTP)",
               "/download/feed.xml", "GDI Hildesheim – INSPIRE-Downloaddienst (vordefinierte Datensätze)",
               "Downloaddienst der Stadt Hildesheim für vordefinierte Datensätze (INSPIRE-GML, GeoPackage, "
               "GeoJSON) als Atom-Feed nach INSPIRE TG Download Services 3.1 mit OpenSearch-Beschreibung.",
               ("GetDownloadServiceMetadata", "DescribeSpatialDataSet", "GetSpatialDataSet"),
               "WWW:DOWNLOAD-1.0-http--download"),
    ServiceDef("csw", "discovery", "discovery", "OGC:CSW 2.0.2",
               "/csw?service=CSW&version=2.0.2&request=GetCapabilities",
               "GDI Hildesheim – INSPIRE-Suchdienst (CSW)",
               "Suchdienst (CSW 2.0.2, ISO Application Profile) der Stadt Hildesheim mit den Metadaten "
               "aller Geodatensätze und -dienste der Stadt, zur Übernahme durch die GDI-NI.",
               ("GetCapabilities", "DescribeRecord", "GetRecords", "GetRecordById"),
               "OGC:CSW-2.0.2-http-get-capabilities"),
)


def build_service_record(svc: ServiceDef, datasets: list[tuple[Dataset, dict[str, Any]]],
                         base_url: str, dates: dict[str, str]) -> etree._Element:
    """``datasets``: the (dataset, manifest) pairs this service operates on (public only)."""
    base = base_url.rstrip("/")
    rid = service_record_id(svc.key)
    coupled = [] if svc.service_type == "discovery" else datasets
    md = root()
    char(md, "gmd:fileIdentifier", rid)
    language(md, "gmd:language")
    code(md, "gmd:characterSet", "gmd:MD_CharacterSetCode", "utf8")
    code(md, "gmd:hierarchyLevel", "gmd:MD_ScopeCode", "service")
    char(md, "gmd:hierarchyLevelName", "Dienst")
    common.responsible_party(md, "gmd:contact", common.GDI_CONTACT, "pointOfContact")
    sub(md, "gmd:dateStamp/gco:Date", max(dates.values()))
    char(md, "gmd:metadataStandardName", "ISO 19119:2005/19139")
    char(md, "gmd:metadataStandardVersion", "1.0")

    ident = sub(md, "gmd:identificationInfo/srv:SV_ServiceIdentification")
    cit = sub(ident, "gmd:citation/gmd:CI_Citation")
    char(cit, "gmd:title", svc.title)
    for kind in ("creation", "publication", "revision"):
        if kind in dates:
            date(cit, "gmd:date", dates[kind], kind)
    char(ident, "gmd:abstract", svc.abstract)
    common.responsible_party(ident, "gmd:pointOfContact", common.GDI_CONTACT, "pointOfContact")
    common.service_category_keyword(ident, svc.category)
    words = [gdide.KEYWORD_INSPIRE]
    open_all = bool(coupled) and all(gdide.is_open(ds) for ds, _ in coupled)
    licences = {ds.licence.id for ds, _ in coupled}
    if open_all and len(licences) == 1:
        words.append(gdide.KEYWORD_OPENDATA)
    common.free_keywords(ident, ["Hildesheim", *words])
    common.access_constraints(ident, None, restricted=False)
    if open_all and len(licences) == 1:
        common.use_constraints(ident, coupled[0][0])
    else:
        lc = sub(ident, "gmd:resourceConstraints/gmd:MD_LegalConstraints")
        code(lc, "gmd:useConstraints", "gmd:MD_RestrictionCode", "otherRestrictions")
        char(lc, "gmd:otherConstraints", "Es gelten die Nutzungsbedingungen der angebotenen Datensätze "
                                        "(siehe deren Metadaten).")
    sub(ident, "srv:serviceType/gco:LocalName", svc.service_type)
    char(ident, "srv:serviceTypeVersion", svc.version)
    box = common.union_bbox(m.get("bbox_crs84") for _, m in datasets) or HILDESHEIM_CRS84
    common.bbox(ident, "srv:extent", box)
    code(ident, "srv:couplingType", "srv:SV_CouplingType", "tight" if coupled else "loose",
         codelist="http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#SV_CouplingType")
    connect = f"{base}{svc.path}"
    for op in svc.operations:
        om = sub(ident, "srv:containsOperations/srv:SV_OperationMetadata")
        char(om, "srv:operationName", op)
        code(om, "srv:DCP", "srv:DCPList", "WebServices",
             codelist="http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#DCPList")
        sub(om, "srv:connectPoint/gmd:CI_OnlineResource/gmd:linkage/gmd:URL", connect)
    for ds, _ in coupled:
        did = dataset_record_id(ds.id)
        sub(ident, "srv:operatesOn", uuidref=did, xlink_href=get_record_by_id_url(base, did))

    dist = sub(md, "gmd:distributionInfo/gmd:MD_Distribution")
    opts = sub(dist, "gmd:transferOptions/gmd:MD_DigitalTransferOptions")
    common.online(opts, connect, svc.title, "Zugangspunkt des Dienstes", "information", svc.protocol)

    dq = sub(md, "gmd:dataQualityInfo/gmd:DQ_DataQuality")
    scope = sub(dq, "gmd:scope/gmd:DQ_Scope")
    code(scope, "gmd:level", "gmd:MD_ScopeCode", "service")
    char(scope, "gmd:levelDescription/gmd:MD_ScopeDescription/gmd:other", "Dienst")
    common.conformity(dq, gdide.REG_976, None, "Nicht evaluiert (keine Prüfung mit der INSPIRE-Testsuite "
                                               "für Netzdienste durchgeführt)")
    return md
